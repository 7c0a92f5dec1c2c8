"""A place name whose capitalized words are joined by lower-case particles ("de", "de la", "do",
"de los": Spanish, Portuguese and Romanian names) is read whole, not as its last or first word
(geoparse.names); invented sentences, real gazetteer towns."""

from __future__ import annotations

from eventwire.geoparse.names import joined_left, joined_right, ngram_re


def _left(text: str, name: str, gazetteer) -> str | None:
    found = joined_left(text, text.index(name), name, gazetteer)
    return None if found is None else found[1]


def _right(text: str, name: str, gazetteer) -> str | None:
    return joined_right(text, text.index(name) + len(name), name, gazetteer)


def test_a_name_cut_after_its_particle_is_joined_on_the_left(gazetteer):
    assert _left("Gunmen shot a trader in Santa Cruz do Sul on Monday.", "Sul", gazetteer) == "Santa Cruz do Sul"
    assert _left("Residents marched in Rio do Sul, police said.", "Sul", gazetteer) == "Rio do Sul"


def test_a_particle_before_a_name_joins_nothing_the_gazetteer_lacks(gazetteer):
    # "Kerou do Sul" is no known town: the name stays as the recognizer cut it
    assert _left("Gunmen shot a trader in Kerou do Sul on Monday.", "Sul", gazetteer) is None
    # a sentence's first word is no part of the name
    assert _left("Rio do Sul lies north. Police came.", "Police", gazetteer) is None


def test_two_particles_join_a_name_on_the_right(gazetteer):
    assert _right("Armed men attacked a bus in San Juan de los Lagos, Jalisco.", "San Juan", gazetteer) == (
        "San Juan de los Lagos"
    )
    assert _right("Protesters gathered in Lagos de Moreno on Friday.", "Lagos", gazetteer) == "Lagos de Moreno"


def test_a_capitalized_ngram_spans_one_or_two_particles():
    text = "clashes in San Juan de los Lagos and in Valea de sub Deal, then in Kerou do Tamba"
    found = [m.group(0) for m in ngram_re().finditer(text)]
    assert "San Juan de los Lagos" in found
    assert "Valea de sub Deal" in found
    assert "Kerou do Tamba" in found
    # three particles in a row are no name's
    assert "Kerou de la de Tamba" not in [m.group(0) for m in ngram_re().finditer("in Kerou de la de Tamba")]
