"""Field validators and length limits for what people type: BIN, phone numbers, Constitution articles, texts."""
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A proposal's texts, however they arrive (the public form, the console's intake, the CSV import).
TITLE_MAX = 300
TEXT_MAX = 20_000
RATIONALE_MAX = 10_000

_CONTROL = re.compile(r"[\u0000-\u001f\u007f-\u009f]")
_ARTICLE = re.compile(r"^\d{1,3}(-\d{1,2})?$")


def bin_is_valid(value):
    """The check digit of a 12-digit Kazakh BIN (or IIN): weights 1..11, then 3..11,1,2 if the sum mod 11 is 10."""
    if not re.fullmatch(r"\d{12}", value):
        return False
    digits = [int(char) for char in value]
    for weights in (range(1, 12), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        control = sum(d * w for d, w in zip(digits[:11], weights, strict=True)) % 11
        if control != 10:
            return control == digits[11]
    return False


def validate_bin(value):
    if not bin_is_valid(value):
        raise ValidationError(
            _("A BIN has 12 digits and a valid check digit. Please check the number."), code="invalid_bin"
        )


def normalise_phone(value):
    """Digits with an optional leading +; raises ValidationError unless it has 10 to 15 digits."""
    compact = re.sub(r"[\s\-().]", "", value)
    if not re.fullmatch(r"\+?\d{10,15}", compact):
        raise ValidationError(
            _("Enter a phone number with 10 to 15 digits, for example +7 701 123 45 67."), code="invalid_phone"
        )
    return compact


def normalise_articles(value):
    """"49,50-1 ; 44" -> "49, 50-1, 44"; raises ValidationError for anything that is not article numbers."""
    parts = [part for part in re.split(r"[\s,;]+", value.strip()) if part]
    parts = [re.sub(r"^(ст\.?|бап|art\.?|article)", "", part, flags=re.IGNORECASE) for part in parts]
    parts = [part for part in parts if part]
    if not all(_ARTICLE.match(part) for part in parts):
        raise ValidationError(
            _("Write article numbers separated by commas, for example: 49, 50-1."), code="invalid_articles"
        )
    unique = list(dict.fromkeys(parts))
    if len(unique) > 30:
        raise ValidationError(_("Name at most 30 articles."), code="too_many_articles")
    return ", ".join(unique)


def validate_single_line(value):
    """Names and positions are one line: no line breaks or control characters (which could also inject headers)."""
    if _CONTROL.search(value or ""):
        raise ValidationError(_("This field must be a single line of text."), code="control_characters")


def strip_control_characters(value):
    """Remove control characters from free text, keeping line breaks and tabs."""
    return re.sub(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]", "", value or "")
