"""Numbers as readers expect them: 41.466.892 in Vietnamese, 41,466,892 in English."""

from django.utils.formats import get_format
from django.utils.translation import get_language

SEPARATORS = {"vi": ".", "en": ","}


def thousands_separator(language: str | None = None) -> str:
    language = (language or get_language() or "vi").lower()
    base = language.split("-")[0]
    if base in SEPARATORS:
        return SEPARATORS[base]
    return get_format("THOUSAND_SEPARATOR", lang=language) or ","


def format_count(value, language: str | None = None) -> str:
    """A whole number with thousands grouped by the language's separator."""
    if value is None:
        return ""
    number = int(value)
    grouped = f"{abs(number):,}".replace(",", thousands_separator(language))
    return f"-{grouped}" if number < 0 else grouped
