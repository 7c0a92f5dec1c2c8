"""`strip_accents` reads a text char by char through a translate table: the same result as
decomposing the whole text and dropping its combining marks (the reference reading)."""

from __future__ import annotations

import pytest

from eventwire.lang.fold import _strip_accents_of, strip_accents

# Invented words: accents, a ligature, a compatibility form, combining marks written apart and in
# non-canonical order, a lone combining mark, Hangul and CJK.
SAMPLES = (
    "Kérouané",
    "Ségala-Nord",
    "ﬁnal ²",
    "e\u0327\u0301",
    "e\u0301\u0327",
    "\u0301abc",
    "Œuvre Ærø",
    "한국 東京",
    "Tinkérwatène\u00a0(Ma)",
    "plain ascii",
    "",
)


@pytest.mark.parametrize("form", ["NFKD", "NFD"])
@pytest.mark.parametrize("text", SAMPLES)
def test_same_as_the_whole_text_decomposed(text: str, form: str) -> None:
    assert strip_accents(text, form=form) == _strip_accents_of(text, form)  # type: ignore[arg-type]


@pytest.mark.parametrize("form", ["NFKD", "NFD"])
def test_every_char_of_latin_and_its_supplements(form: str) -> None:
    for code in range(0x20, 0x3000):
        for text in (chr(code), "a" + chr(code) + "\u0301", "e\u0301" + chr(code) + "\u0327"):
            assert strip_accents(text, form=form) == _strip_accents_of(text, form)  # type: ignore[arg-type]


def test_accents_go() -> None:
    assert strip_accents("Kérouané") == "Kerouane"
    assert strip_accents("ﬁ") == "fi"
    assert strip_accents("ﬁ", form="NFD") == "ﬁ"
