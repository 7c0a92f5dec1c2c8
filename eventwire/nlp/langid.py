"""Language identification with lingua: which language a dispatch is written in.

The detector knows a modest set of languages (`DETECTABLE_LANGUAGES`): the two eventwire analyzes
(fr, en) plus the languages conflict news most often arrives in, so that a German or Arabic
dispatch is named as such rather than forced into French or English. It runs in lingua's
low-accuracy mode (trigram models only).

Memory and speed, measured with lingua-language-detector 2.1.1 on the bundled AFP sample:
23 languages in low-accuracy mode add ~29 MB of resident memory and detect a 5,000-character
dispatch in ~3 ms; high-accuracy mode with 15 languages adds ~240 MB (~430 MB preloaded). On
dispatch-length text (hundreds of characters and more) both modes agree; low accuracy only
degrades on a few words, which ingest rejects as too short anyway.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from lingua import IsoCode639_1, IsoCode639_3, Language, LanguageDetector, LanguageDetectorBuilder

from eventwire.nlp.pipelines import SUPPORTED_LANGS

log = logging.getLogger(__name__)

# ISO 639 "undetermined": the detector found no language (digits, punctuation, a lone word).
UNDETERMINED = "und"

DETECTABLE_LANGUAGES = (
    Language.FRENCH,
    Language.ENGLISH,
    Language.GERMAN,
    Language.SPANISH,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.DUTCH,
    Language.POLISH,
    Language.ARABIC,
    Language.PERSIAN,
    Language.HEBREW,
    Language.URDU,
    Language.HINDI,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.TURKISH,
    Language.SWAHILI,
    Language.SOMALI,
    Language.YORUBA,
    Language.INDONESIAN,
    Language.CHINESE,
    Language.JAPANESE,
    Language.KOREAN,
)

# Detection reads at most this many characters: the opening of a dispatch decides its language,
# and it bounds the time spent on a 10 MB input (~6 ms per 15,000 characters, measured as above).
DETECTION_MAX_CHARS = 10_000


@dataclass(frozen=True)
class LanguageGuess:
    """A detected language: ISO 639-1 code (or "und"), lingua's confidence, whether eventwire
    analyzes it."""

    code: str
    confidence: float
    supported: bool

    @property
    def name(self) -> str:
        """Return the English name of the language, e.g. "German"."""
        return language_name(self.code)


@lru_cache(maxsize=1)
def build_detector() -> LanguageDetector:
    """Return the shared lingua detector, built on first use (models load lazily per script)."""
    log.debug("building lingua detector for %d languages", len(DETECTABLE_LANGUAGES))
    return LanguageDetectorBuilder.from_languages(*DETECTABLE_LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> LanguageGuess:
    """Return the most likely language of `text`, or code "und" when none can be told."""
    sample = text[:DETECTION_MAX_CHARS]
    values = build_detector().compute_language_confidence_values(sample)
    if not values or values[0].value <= 0.0:
        return LanguageGuess(code=UNDETERMINED, confidence=0.0, supported=False)
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    return LanguageGuess(code=code, confidence=float(best.value), supported=code in SUPPORTED_LANGS)


def normalize_language_code(value: str) -> str:
    """Return the ISO 639-1 code for a declared language ("fr-FR", "FRA", "french" → "fr").

    A value that names no known language is returned lower-cased and trimmed, so the caller can
    still report it.
    """
    cleaned = value.strip().replace("_", "-").split("-")[0].lower()
    if len(cleaned) == 2:
        return cleaned
    if len(cleaned) == 3:
        iso3 = getattr(IsoCode639_3, cleaned.upper(), None)
        if iso3 is not None:
            return Language.from_iso_code_639_3(iso3).iso_code_639_1.name.lower()
    by_name = getattr(Language, cleaned.upper(), None)
    if isinstance(by_name, Language):
        return by_name.iso_code_639_1.name.lower()
    return cleaned


def language_name(code: str) -> str:
    """Return the English name for an ISO 639-1 code ("de" → "German"), or the code itself."""
    if code == UNDETERMINED:
        return "undetermined"
    iso = getattr(IsoCode639_1, code.upper(), None)
    if iso is None:
        return code
    return Language.from_iso_code_639_1(iso).name.title()


def unsupported_language_detail(code: str, *, declared: bool) -> str:
    """Return the one-line Skip detail for a language eventwire does not analyze."""
    supported = ", ".join(SUPPORTED_LANGS)
    if code == UNDETERMINED:
        return f"language could not be identified; eventwire supports {supported}"
    how = "declared" if declared else "detected"
    return f"{how} {language_name(code)} ({code}); eventwire supports {supported}"
