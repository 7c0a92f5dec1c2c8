"""Event structure by the codebook (issue 16): one event per location per day per actor pair;
recaps and background never create events. Invented articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

from eventwire.ingest import read_text_document
from eventwire.models import Place, PlaceMention, Span
from eventwire.normalize.mentions import _distinct_places
from eventwire.pipeline import extract_events


def _events(text: str, lang: str, published: date):
    document = read_text_document(text, origin="t", published=published, lang=lang)
    return extract_events(document).events


def _evidence(event) -> list[str]:
    return [ev.text for report in event.reports for ev in report.evidence]


def test_a_town_named_twice_in_one_list_is_one_location():
    # "dans un quartier de Bamako, la capitale": the capital phrase names Bamako again
    bamako = Place("Bamako", "Mali", "ML", 12.65, -8.0, "city", 1)
    first = PlaceMention(Span(30, 36, "Bamako"), "Bamako", bamako, "gazetteer")
    again = PlaceMention(Span(38, 49, "la capitale"), "Bamako", bamako, "capital")
    kati = PlaceMention(Span(60, 64, "Kati"), "Kati", Place("Kati", "Mali", "ML", 12.74, -8.07, "city", 1), "gazetteer")
    assert _distinct_places([first, again, kati]) == [first, kati]


def test_an_anaphor_dated_years_before_the_lead_recalls_another_incident_en():
    text = (
        "A car bomb killed twelve people in the market of Gao on Tuesday, officials said.\n\n"
        "Nobody has yet named the authors of the blast, the worst in Gao since rebels seized "
        "the town in March 2012."
    )
    events = _events(text, "en", date(2022, 10, 19))
    assert len(events) == 1
    assert events[0].event_date == date(2022, 10, 18)
    assert not any("March 2012" in t for t in _evidence(events[0]))


def test_regions_listed_with_and_are_one_event_each_en():
    text = (
        "Air defences destroyed nine Russian attack drones before dawn on Friday, the military said.\n\n"
        '"Our units downed the drones over Kharkiv, Sumy and Odesa regions," a spokesman wrote.'
    )
    events = _events(text, "en", date(2023, 12, 15))
    assert sorted(e.location for e in events) == ["Kharkiv", "Odesa", "Sumy"]


def test_regions_listed_with_a_bracketed_direction_are_one_event_each_fr():
    text = (
        "La défense antiaérienne a détruit vendredi avant l'aube neuf drones d'attaque russes.\n\n"
        "Les drones ont été abattus au-dessus des régions de Kharkiv (Nord-Est), Soumy (Nord) "
        "et Odessa (Sud), selon un porte-parole."
    )
    events = _events(text, "fr", date(2023, 12, 15))
    assert sorted(e.location for e in events) == ["Kharkiv", "Odesa", "Sumy"]
