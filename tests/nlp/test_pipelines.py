"""Sentence boundaries eventwire sets around spaCy's parser (invented sentences)."""

from __future__ import annotations

import pytest

from eventwire.nlp.pipelines import load_pipeline


def _sentences(lang: str, text: str) -> list[str]:
    return [s.text for s in load_pipeline(lang)(text).sents]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Gunmen raided a farm near Kolo, Tambara Region. 1 herder killed, 2 wounded. The army arrived later.",
            ["1 herder killed, 2 wounded."],
        ),
        (
            "en",
            "Troops fought rebels near an outpost of Bera province. 3 rebel fighters were reported wounded.",
            ["3 rebel fighters were reported wounded."],
        ),
        ("fr", "Des hommes armés ont attaqué Kolo. 4 bergers ont été tués.", ["4 bergers ont été tués."]),
    ],
)
def test_a_sentence_opening_count_stays_with_its_sentence(lang: str, text: str, expected: list[str]) -> None:
    sentences = _sentences(lang, text)
    for sentence in expected:
        assert sentence in sentences
    assert not any(s.strip().isdigit() for s in sentences)


def test_a_line_break_still_ends_a_sentence_before_a_count() -> None:
    sentences = _sentences("en", "Kolo attack\n12 villagers were killed on Monday.")
    assert sentences[0].strip() == "Kolo attack"


def test_a_year_ending_a_sentence_keeps_the_boundary() -> None:
    sentences = _sentences("en", "The rebels seized the town in 2019. Troops retook it on Monday.")
    assert sentences == ["The rebels seized the town in 2019.", "Troops retook it on Monday."]
