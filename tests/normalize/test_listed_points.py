"""A listed place the entity recognizer missed but the gazetteer knows is coded at its own point
(normalize.listed_points), not at the first listed town's; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.geo import haversine_km
from eventwire.models import Place, PlaceMention, Span
from eventwire.normalize.incident_place import choose_places
from eventwire.normalize.listed_points import own_point
from tests.resolve.conftest import pipeline_events


def _town(name: str, lat: float, lon: float, geonameid: int) -> Place:
    return Place(
        name=name,
        country="Mali",
        iso="ML",
        latitude=lat,
        longitude=lon,
        feature="city",
        geo_precision=1,
        admin1="Mopti",
        geonameid=geonameid,  # ids are fixtures
        population=5000,
    )


KEROU = _town("Kerou", 14.5, -4.2, 1)
MERELO = _town("Merelo", 14.1, -3.1, 2)
TOWNS = {"Kerou": KEROU, "Merelo": MERELO}


def _mention(text: str, name: str, place: Place | None, method: str = "ner") -> PlaceMention:
    start = text.index(name)
    return PlaceMention(span=Span(start, start + len(name), name), name=name, place=place, method=method)


def test_an_unknown_listed_name_the_country_has_a_town_of_gets_that_town():
    text = "les villages de Kerou et Merelo"
    merelo = _mention(text, "Merelo", None, "document_village")
    found = own_point(merelo, TOWNS.get)
    assert found.place == MERELO and found.method == "listed_known"


@pytest.mark.parametrize("name", ["Tamba", "Merelo village"])
def test_a_name_the_country_lacks_stays_unknown_and_a_place_noun_is_dropped(name):
    text = f"les villages de Kerou et {name}"
    found = own_point(_mention(text, name, None, "list"), TOWNS.get)
    if name == "Tamba":
        assert found.place is None
    else:
        assert found.place == MERELO and found.name == "Merelo"


def test_a_resolved_mention_or_no_lookup_leaves_the_mention_as_it_is():
    text = "les villages de Kerou et Merelo"
    kerou = _mention(text, "Kerou", KEROU)
    assert own_point(kerou, TOWNS.get) is kerou
    merelo = _mention(text, "Merelo", None)
    assert own_point(merelo, None) is merelo


def test_choose_places_codes_each_listed_village_the_gazetteer_knows_at_its_own_point():
    # NER found only the first village; the second is a known town, the third is not
    text = "Des hommes armés ont attaqué lundi les localités de Kerou, Merelo et Tamba."
    cands = [_mention(text, "Kerou", KEROU)]
    places = choose_places(text, Span(0, len(text), text), cands, cands, main_iso="ML", resolve=TOWNS.get)
    by_name = {p.span.text: p.place for p in places}
    assert list(by_name) == ["Kerou", "Merelo", "Tamba"]
    assert by_name["Merelo"] == MERELO
    tamba = by_name["Tamba"]
    assert tamba is not None and tamba.geo_precision == 2
    assert (tamba.latitude, tamba.longitude) == (KEROU.latitude, KEROU.longitude)  # nearest known place


@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Les localités de Kaya, Kongoussi et Barsalogho ont été visées samedi par des hommes armés."),
        ("en", "Gunmen attacked the villages of Kaya, Kongoussi and Barsalogho in Burkina Faso on Saturday."),
    ],
)
def test_every_village_of_an_attacked_list_is_an_event_at_its_own_point(lang, text):
    events = pipeline_events(text, lang, date(2023, 5, 8))
    assert sorted(e.location for e in events) == ["Barsalogho", "Kaya", "Kongoussi"]
    points = [(e.latitude, e.longitude) for e in events]
    assert all(p[0] is not None for p in points)
    assert all(haversine_km(*a, *b) > 10 for i, a in enumerate(points) for b in points[i + 1 :])
