"""An incident struck on a journey the report places only by the journey is coded near the
journey's start (normalize.journey_places); invented sentences and places."""

from __future__ import annotations

from eventwire.models import Place, PlaceMention, Span
from eventwire.normalize.journey_places import journey_start
from tests.factories import make_place


def town(name: str, lat: float, *, feature: str = "city", iso: str = "KE") -> Place:
    return make_place(
        name, "Kenya", iso, lat, 37.0, feature, 1 if feature == "city" else 3, admin1="Tamba", population=5000
    )


KEROU, TAMBA, MERELO = town("Kerou", 1.0), town("Tamba", 2.0), town("Merelo", 1.5)
SILA = town("Sila", 1.2, feature="admin1")


def mention(text: str, name: str, place: Place | None) -> PlaceMention:
    start = text.index(name)
    return PlaceMention(span=Span(start, start + len(name), name), name=name, place=place, method="ner")


def start_of(text: str, places: list[PlaceMention], usable: list[PlaceMention], *, lang: str = "en", before=False):
    found = journey_start(
        text, Span(0, len(text), text), tuple(places), usable, lang=lang, main_iso="KE", placed_before=before
    )
    return None if found is None else (found.span.text, found.place.geo_precision if found.place else None)


def test_a_journey_struck_on_the_way_is_coded_near_its_start():
    text = "On May 2, gunmen attacked a bus travelling from Kerou to Tamba, killing three."
    kerou, tamba = mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA)
    # the start is no location of the article's (an origin): only the end is a candidate
    assert start_of(text, [kerou, tamba], [tamba]) == ("Kerou", 2)
    # a division the sentence names beside it does not place the incident more precisely
    text = "A truck heading from Kerou to Tamba in Sila county was ambushed."
    kerou, tamba, sila = mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA), mention(text, "Sila", SILA)
    assert start_of(text, [kerou, tamba, sila], [tamba, sila]) == ("Kerou", 2)


def test_a_french_journey_is_coded_near_its_start():
    text = "Un car qui allait de Kerou à Tamba a sauté sur une mine."
    kerou, tamba = mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA)
    assert start_of(text, [kerou, tamba], [tamba], lang="fr") == ("Kerou", 2)
    text = "Un convoi en provenance de Kerou à destination de Tamba a été attaqué."
    kerou, tamba = mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA)
    assert start_of(text, [kerou, tamba], [tamba], lang="fr") == ("Kerou", 2)


def test_another_place_or_an_earlier_one_keeps_the_journey_out():
    text = "A bus travelling from Kerou to Tamba was ambushed near Merelo."
    kerou, tamba, merelo = mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA), mention(text, "Merelo", MERELO)
    assert start_of(text, [kerou, tamba, merelo], [tamba, merelo]) is None
    text = "The passengers were travelling from Kerou to Tamba when they were ambushed."
    kerou, tamba = mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA)
    assert start_of(text, [kerou, tamba], [tamba], before=True) is None  # the article placed it already


def test_an_origin_without_a_journey_is_no_start():
    text = "Gunmen from Kerou attacked Tamba."
    kerou, tamba = mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA)
    assert start_of(text, [kerou, tamba], [tamba]) is None
    text = "A bus travelling to Tamba from Kerou was attacked."  # no end after the start
    kerou, tamba = mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA)
    assert start_of(text, [kerou, tamba], []) is None
