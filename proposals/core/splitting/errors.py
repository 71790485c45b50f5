"""Why an attachment's text could not be read: the refusal and its messages, in the user's language."""
from django.utils.translation import gettext_lazy as _

TOO_SLOW = _("“%(name)s” could not be read within the time allowed (%(seconds)d s).")
TOO_BIG = _("“%(name)s” needs more than %(megabytes)d MB of memory to be read.")
UNREADABLE = _("“%(name)s” could not be read: it may be damaged, or built in a way the reader does not accept.")
TOO_LARGE = _("“%(name)s” is larger than %(megabytes)d MB, more than is read for suggestions.")
MISSING = _("“%(name)s” is missing from the file store.")
NOT_READ = _("“%(name)s” was not read: the files before it took the time allowed for reading.")


class ExtractionError(ValueError):
    """An attachment's text could not be read; the message names the file and says why."""
