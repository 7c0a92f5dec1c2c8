from __future__ import annotations

import dataclasses

import pytest

from eventwire.nlp.langid import (
    LanguageGuess,
    build_detector,
    detect_language,
    language_name,
    normalize_language_code,
    unsupported_language_detail,
)

FR = (
    "Des drones ont visé mercredi une base abritant des soldats américains dans l’ouest de "
    "l’Irak, a indiqué le commandement militaire."
)
EN = "Three drones targeted a base hosting US troops in western Iraq on Wednesday, officials said."
DE = "Drei Drohnen haben am Mittwoch einen Stützpunkt mit amerikanischen Soldaten angegriffen."


def test_detect_language_french():
    guess = detect_language(FR)
    assert (guess.code, guess.supported) == ("fr", True)
    assert 0.5 < guess.confidence <= 1.0


def test_detect_language_english():
    guess = detect_language(EN)
    assert (guess.code, guess.supported) == ("en", True)


def test_detect_language_german_is_unsupported():
    guess = detect_language(DE)
    assert (guess.code, guess.supported, guess.name) == ("de", False, "German")


def test_detect_language_without_letters_is_undetermined():
    assert detect_language("12345 -- 67890 ... 2023") == LanguageGuess("und", 0.0, False)


def test_language_guess_is_frozen():
    guess = detect_language(FR)
    with pytest.raises(dataclasses.FrozenInstanceError):
        guess.code = "en"  # type: ignore[misc]


def test_build_detector_is_built_once():
    assert build_detector() is build_detector()


def test_normalize_language_code_accepts_common_spellings():
    assert [normalize_language_code(v) for v in ("fr", "FR-ca", "en_GB", "fra", "eng", "French", " de ")] == [
        "fr",
        "fr",
        "en",
        "fr",
        "en",
        "fr",
        "de",
    ]
    assert normalize_language_code("klingon") == "klingon"


def test_language_name_and_detail():
    assert language_name("ar") == "Arabic"
    assert language_name("xx") == "xx"
    assert unsupported_language_detail("de", declared=False) == "detected German (de); eventwire supports fr, en"
    assert "could not be identified" in unsupported_language_detail("und", declared=False)
