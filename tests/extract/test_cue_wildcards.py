"""A wildcard phrase ("kamikaz*") is tried only on tokens whose form or lemma begins with its
first word's stem (issue 16: with one wildcard in a lexicon, every token of every text was tried
against it); what matches is unchanged (invented words)."""

from __future__ import annotations

from eventwire.extract.lexicon import _indexed, find_cues


def test_a_lexicon_keeps_the_stems_its_wildcard_phrases_open_on() -> None:
    phrases = _indexed("invented", {"A_ONE": (("kerou*",), ("kerou*", "tamba")), "A_TWO": (("zorb*", "run"),)})
    assert phrases.wildcard_prefixes == ("kerou", "zorb")
    assert _indexed("invented", {"A_ONE": (("tir",),)}).wildcard_prefixes == ()


def test_wildcard_phrases_match_by_form_or_lemma_stem_only() -> None:
    phrases = _indexed("invented", {"A_ONE": (("kerou*",),), "A_TWO": (("zorb*", "run"),)})
    keys = [("kerouans", "kerouan"), ("de", "de"), ("xkerou", "xkerou"), ("zz", "zorbing"), ("runs", "run")]
    assert [(c.cls, c.start, c.end) for c in find_cues(keys, phrases)] == [("A_ONE", 0, 1), ("A_TWO", 3, 5)]
