"""suggestions_for: the suggested points of a proposal, from its text first, then from each attachment in turn."""
import hashlib
from time import monotonic

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from proposals.core.splitting.attachment import attachment_text
from proposals.core.splitting.errors import NOT_READ, ExtractionError
from proposals.core.splitting.suggest import suggest_points

# Remembered per text and files (their SHA-256): a hostile file costs its reading bound once, not on every visit.
REMEMBERED_SECONDS = 24 * 3600


def suggestions_for(proposal):
    """(suggestions, problems) for ``proposal``.

    The suggestions come from the first source that holds a list of two or more items: the proposal's text,
    then its attachments in upload order (each read within the extraction limits; reading stops at the
    first that gives a list). ``problems`` are translated messages, one per attachment that could not be read
    before a list was found. Both are empty when nothing suggests a split.

    The files together get the time one file may take (PARLREFORM_EXTRACT_SECONDS): a file left when it has
    passed is not read and says so, so a page that asks stays within about one file's bound. The answer is
    remembered in the shared cache for a day under the text, the files' checksums and the language.
    """
    attachments = list(proposal.attachments.order_by("pk"))
    fingerprint = hashlib.sha256(
        "\n".join([proposal.text, *(f"{item.sha256}:{item.original_name}" for item in attachments)]).encode()
    ).hexdigest()
    # The problems are messages in the reader's language.
    key = f"suggestions:{proposal.pk}:{translation.get_language()}:{fingerprint}"
    found = cache.get(key)
    if found is not None:
        return found
    answer = _read(proposal, attachments)
    cache.set(key, answer, REMEMBERED_SECONDS)
    return answer


def _read(proposal, attachments):
    suggestions = suggest_points(proposal.text)
    if suggestions:
        return suggestions, []
    problems = []
    deadline = monotonic() + settings.PARLREFORM_EXTRACT_SECONDS
    for attachment in attachments:
        if monotonic() > deadline:
            problems.append(str(NOT_READ % {"name": attachment.original_name}))
            continue
        try:
            text = attachment_text(attachment)
        except ExtractionError as exc:
            problems.append(str(exc))
            continue
        suggestions = suggest_points(text, source=attachment.original_name)
        if suggestions:
            return suggestions, problems
    return [], problems
