"""A division's name the entity recognizer cut on its left ("Homa" + "Bay County") is joined
again (geoparse.names.joined_left), on invented sentences."""

from __future__ import annotations

from eventwire.geoparse.names import joined_left


def _joined(text: str, name: str, gazetteer) -> str | None:
    found = joined_left(text, text.index(name), name, gazetteer)
    return None if found is None else found[1]


def test_a_two_word_county_cut_by_the_recognizer_is_joined(gazetteer):
    assert _joined("Herders clashed in Tana River County on Sunday.", "River County", gazetteer) == "Tana River County"
    assert _joined("Residents of Kendu, Homa Bay county marched.", "Bay county", gazetteer) == "Homa Bay county"


def test_a_county_of_its_own_is_left_as_it_is(gazetteer):
    assert _joined("Police shot a man in Bay County, Florida.", "Bay County", gazetteer) is None
    # a sentence's first word is no part of the name
    assert _joined("Yesterday Bay County deputies arrested him.", "Bay County", gazetteer) is None
