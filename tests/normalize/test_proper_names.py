"""`proper_name_test`: a character range is a proper name when it opens on a token and every
token in it but punctuation is a proper noun that is no person's name (invented names)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.normalize.proper_names import proper_name_test


def _doc() -> Doc:
    words = ["Gunmen", "raided", "Kerou", "Hills", ",", "near", "Amadou", "Tamba", "."]
    pos = ["NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "ADP", "PROPN", "PROPN", "PUNCT"]
    ents = ["O", "O", "B-LOC", "I-LOC", "O", "O", "B-PERSON", "I-PERSON", "O"]
    spaces = [True, True, True, False, True, True, True, False, False]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, pos=pos, ents=ents)


def test_a_range_of_proper_nouns_is_a_proper_name() -> None:
    doc = _doc()
    proper = proper_name_test(doc)
    kerou = doc.text.index("Kerou")
    assert proper(kerou, kerou + len("Kerou Hills"))
    assert proper(kerou, kerou + len("Kerou Hills,"))  # punctuation inside is left out
    assert proper(kerou, kerou + len("Kerou"))


def test_a_range_not_opening_on_a_token_or_holding_other_words_is_not() -> None:
    doc = _doc()
    proper = proper_name_test(doc)
    kerou = doc.text.index("Kerou")
    assert not proper(kerou + 1, kerou + len("Kerou Hills"))  # "erou Hills"
    assert not proper(doc.text.index("raided"), kerou + len("Kerou"))  # a verb inside
    assert not proper(doc.text.index(","), doc.text.index(",") + 1)  # punctuation alone
    amadou = doc.text.index("Amadou")
    assert not proper(amadou, amadou + len("Amadou Tamba"))  # a person's name
