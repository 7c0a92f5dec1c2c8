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


def test_the_tokens_that_open_a_phrase_are_the_only_ones_tried() -> None:
    """`phrase_openers` lists the tokens whose form or lemma opens a phrase (keyed or wildcard);
    `find_cues` given them finds what it finds trying every token, in any token range."""
    from eventwire.extract.lexicon import phrase_openers

    phrases = _indexed(
        "invented",
        {"A_ONE": (("tir",), ("tir", "de", "obus*")), "A_TWO": (("zorb*", "run"),), "P_X": (("de",),)},
    )
    keys = [("tirs", "tir"), ("de", "de"), ("obusiers", "obusier"), ("zz", "zorbing"), ("runs", "run")]
    keys += [("kolo", "kolo"), ("tir", "tirer"), ("de", "de"), ("obus", "obus")]
    assert phrase_openers(keys, phrases) == [0, 1, 3, 6, 7]
    openers = phrase_openers(keys, phrases)
    for start in range(len(keys)):
        for end in range(start, len(keys) + 1):
            assert find_cues(keys, phrases, start=start, end=end, openers=openers) == find_cues(
                keys, phrases, start=start, end=end
            )
    plain = _indexed("invented", {"A_ONE": (("tir",),)})
    assert phrase_openers(keys, plain) == [0, 6]
