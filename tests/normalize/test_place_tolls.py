"""Tests for eventwire.normalize.place_tolls: each place's own toll in one sentence (invented)."""

from eventwire.models import Casualties, PlaceMention, Span
from eventwire.normalize.place_tolls import place_toll, share_toll
from tests.factories import make_place, place_mention

TEXT = "Seven guards were killed in Doro and a herder was killed in the raid on Bamaka."


def _place(name: str, text: str = TEXT) -> PlaceMention:
    return place_mention(text, name, make_place(name), "gazetteer")


def test_place_toll_gives_each_place_its_own_clause():
    sentence = Span(0, len(TEXT), TEXT)
    places = (_place("Doro"), _place("Bamaka"))
    assert place_toll(TEXT, "en", sentence, places[0], places).fatalities == 7
    assert place_toll(TEXT, "en", sentence, places[1], places).fatalities == 1


def test_place_toll_is_none_when_the_sides_share_one_place():
    text = "Seven guards were killed and two raiders were killed in Doro."
    doro = _place("Doro", text)
    assert place_toll(text, "en", Span(0, len(text), text), doro, (doro,)) is None


def test_share_toll_splits_evenly():
    got = share_toll(Casualties(fatalities=7, method="figures"), 0, 2)
    assert got is not None and (got.fatalities, got.method) == (4, "shared_toll")
