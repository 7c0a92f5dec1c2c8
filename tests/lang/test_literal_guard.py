"""The literal guard: a pattern tried only on texts that may hold a match finds the same matches
(invented sentences only)."""

from __future__ import annotations

import re
import sys

import pytest

from eventwire.lang.literal_guard import UNEVEN_CASE, Guarded, first_words, holds_any, lowered


def test_uneven_case_holds_every_character_the_engine_folds_otherwise_than_str_lower():
    casefix = pytest.importorskip("re._casefix")
    extra = {chr(k) for k in casefix._EXTRA_CASES} | {chr(v) for vs in casefix._EXTRA_CASES.values() for v in vs}
    chars = (chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    derived = {c for c in chars if ord(c) >= 128 and (len(c.lower()) != 1 or c.lower() in extra or c in extra)}
    assert derived == UNEVEN_CASE


def test_a_phrase_word_matched_case_aside_is_found_in_the_lowered_text():
    # every character the engine takes for a letter of a phrase is lowered to that letter, but
    # those of UNEVEN_CASE (a text holding one is matched in full)
    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôùûüœæ'.-":
        for m in re.finditer(re.escape(letter), everything, re.IGNORECASE):
            assert m.group() in UNEVEN_CASE or m.group().lower() == letter, (letter, m.group())


def test_first_words_and_the_test():
    assert first_words(["la veille", "l'avant-veille", "Yesterday"]) == ("l", "la", "yesterday")
    assert first_words(["'twas"]) is None and first_words(["ſome day"]) is None
    test = holds_any(first_words(["three days ago"]))
    assert test("Gunmen struck THREE villages") and not test("Gunmen struck two villages")
    assert test("Gunmen ſtruck two villages")  # a text the engine folds otherwise: always tried
    assert lowered("İzmir") is None and lowered("Kolo") == "kolo"


@pytest.mark.parametrize(
    "text",
    [
        "Des hommes armés ont attaqué le village de Kolo le mardi 7 mars 2023.",
        "Gunmen attacked Tazor on MARCH 3; the army said two days ago that it had retaken it.",
        "No date here at all, only Kolo and Tazor.",
        "Le 12/05, un engin a explosé à Kolo (la veille, un convoi avait été visé).",
    ],
)
def test_guarded_patterns_find_what_the_patterns_find(text):
    from eventwire.normalize.dates import _patterns

    for lang in ("fr", "en"):
        patterns = _patterns(lang)
        for name in patterns.__dataclass_fields__:
            guarded: Guarded = getattr(patterns, name)
            expected = [(m.span(), m.groupdict()) for m in guarded.pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in guarded.finditer(text)] == expected, name


def test_guards_sharing_heads_agree_on_each_text() -> None:
    """Guards with the same heads test a text once; each new text is tested afresh."""
    from eventwire.lang.literal_guard import holds_any

    months, weekdays = holds_any(("mars", "may")), holds_any(("lundi", "monday"))
    also_months = holds_any(("mars", "may"))
    first, second = "Kolo fut attaqué le 7 mars.", "Kolo was attacked on Monday."
    assert months(first) and also_months(first) and not weekdays(first)
    assert not months(second) and not also_months(second) and weekdays(second)
    assert months("Kolo, MAY 3") and holds_any(None)("anything")
