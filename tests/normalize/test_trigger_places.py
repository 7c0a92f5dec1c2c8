"""The place the incident's own predicate governs wins over an as precise place of another
clause of the sentence, unless the first one is fronted before the clause
(normalize.trigger_places); invented sentences and places."""

from __future__ import annotations

from eventwire.models import Place, PlaceMention, Span
from eventwire.normalize.trigger_places import governed_place
from tests.factories import make_place


def town(name: str, lat: float, *, feature: str = "city", iso: str = "KE") -> Place:
    return make_place(
        name, "Kenya", iso, lat, 37.0, feature, 1 if feature == "city" else 3, admin1="Tamba", population=5000
    )


KEROU, MERELO = town("Kerou", 1.0), town("Merelo", 3.0)


def mention(text: str, name: str, place: Place) -> PlaceMention:
    start = text.index(name)
    return PlaceMention(span=Span(start, start + len(name), name), name=name, place=place, method="ner")


def chosen(text: str, trigger: str, first: str, places: dict[str, Place]) -> str:
    cands = [mention(text, n, p) for n, p in places.items()]
    at = text.index(trigger)
    picked = [c for c in cands if c.span.text == first]
    out = governed_place(text, Span(0, len(text), text), Span(at, at + len(trigger), trigger), picked, cands)
    return out[0].span.text


def test_the_place_the_trigger_governs_wins_over_another_clauses():
    text = "Relatives of miners working in Merelo, where a fire broke out, held a protest in Kerou on Monday."
    assert chosen(text, "protest", "Merelo", {"Merelo": MERELO, "Kerou": KEROU}) == "Kerou"
    text = "Des proches de mineurs de Merelo ont manifesté à Kerou lundi."
    assert chosen(text, "manifesté", "Merelo", {"Merelo": MERELO, "Kerou": KEROU}) == "Kerou"


def test_a_fronted_place_sets_the_scene_of_the_clause():
    text = "On May 3, in Merelo, gunmen attacked a man in Kerou neighbourhood."
    assert chosen(text, "attacked", "Merelo", {"Merelo": MERELO, "Kerou": KEROU}) == "Merelo"


def test_a_less_precise_or_foreign_governed_place_changes_nothing():
    text = "Relatives of miners working in Merelo held a protest in Kerou on Monday."
    region = town("Kerou", 1.0, feature="admin1")
    assert chosen(text, "protest", "Merelo", {"Merelo": MERELO, "Kerou": region}) == "Merelo"
    abroad = town("Kerou", 1.0, iso="UG")
    assert chosen(text, "protest", "Merelo", {"Merelo": MERELO, "Kerou": abroad}) == "Merelo"
    # a place far after the trigger, past a comma, is not governed by it
    text = "Relatives of miners working in Merelo held a protest, later joined by people in Kerou."
    assert chosen(text, "protest", "Merelo", {"Merelo": MERELO, "Kerou": KEROU}) == "Merelo"
