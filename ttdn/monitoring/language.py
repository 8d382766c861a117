"""Offline language identification with py3langid: its model ships inside the
wheel (``py3langid/data/model.npz.xz``, 140 languages) and nothing is downloaded.

Guesses are limited to the languages of ``TTDN_MONITORING["LANGUAGES"]`` (the
languages the province's sources write in): among all 140, short texts drift to
close relatives (Chinese to Wu, Vietnamese without diacritics to Acehnese).
"""

import functools

from django.conf import settings

# Below this probability the language is recorded as unknown.
MIN_PROBABILITY = 0.5
SAMPLE_CHARS = 600


@functools.cache
def _identifier(languages: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if languages:
        identifier.set_languages([c for c in languages if c in identifier.labels])
    return identifier


def detect(text: str) -> tuple[str, float]:
    """``("vi", 0.99)``; ``("", p)`` when the text is empty or the guess is weak."""
    sample = (text or "").strip()[:SAMPLE_CHARS]
    if not sample:
        return "", 0.0
    languages = tuple(settings.TTDN_MONITORING.get("LANGUAGES") or ())
    code, probability = _identifier(languages).classify(sample)
    probability = float(probability)
    if probability < MIN_PROBABILITY:
        return "", probability
    return code, probability
