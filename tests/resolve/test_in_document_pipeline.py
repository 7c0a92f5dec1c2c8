"""In-document grouping on hand-written articles through the whole pipeline (issue 4)."""

from __future__ import annotations

from datetime import date

from eventwire.ingest import read_text_document
from eventwire.pipeline import extract_events


def _events(text: str, lang: str, published: date):
    document = read_text_document(text, origin="t", published=published, lang=lang)
    return extract_events(document).events


def _evidence(event) -> list[str]:
    return [ev.text for report in event.reports for ev in report.evidence]


def test_an_anaphor_that_adds_nothing_is_not_evidence_fr():
    text = (
        "Des hommes armés ont attaqué lundi le village de Kerou, près de Gao, tuant cinq civils.\n\n"
        "Cette attaque survient deux semaines après le coup d'État militaire."
    )
    (event,) = _events(text, "fr", date(2022, 10, 18))
    assert event.fatalities == 5
    assert not any("coup d'État" in t for t in _evidence(event))


def test_an_anaphor_with_a_toll_stays_evidence_en():
    text = (
        "Gunmen attacked the village of Kerou near Gao on Monday.\n\n"
        "The attack killed five civilians, a local official said."
    )
    (event,) = _events(text, "en", date(2022, 10, 18))
    assert event.fatalities == 5
    assert any("killed five" in t for t in _evidence(event))


def test_an_unlocated_village_keeps_its_name_and_no_coordinates():
    text = "Des hommes armés ont attaqué lundi le village de Zorokoumbé, au Mali, tuant cinq civils."
    (event,) = _events(text, "fr", date(2022, 10, 18))
    assert event.location == "Zorokoumbé" and event.country == "Mali"
    assert event.latitude is None and event.longitude is None and event.geo_precision is None
    assert "coordinates unknown" in event.provenance["location"].reason


def test_a_protest_that_turns_violent_is_one_violent_demonstration_fr():
    text = (
        "Une manifestation contre la vie chère a été dispersée mercredi à Niamey par la police.\n\n"
        "La manifestation a dégénéré très rapidement : des pierres lancées par les manifestants ont "
        "répondu aux gaz lacrymogènes."
    )
    (event,) = _events(text, "fr", date(2021, 12, 2))
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1 == "Rioters (Niger)"


def test_force_against_a_stone_throwing_crowd_is_a_violent_demonstration_en():
    text = (
        "A protester died after being shot as clashes erupted between demonstrators and security "
        "forces in Baghdad, officials said. Security forces used live ammunition after protesters "
        "began throwing stones."
    )
    (event,) = _events(text, "en", date(2021, 5, 26))
    assert event.sub_event_type == "Violent demonstration"


def test_live_fire_on_peaceful_protesters_is_excessive_force_fr():
    text = (
        "La police a dispersé mercredi une manifestation de l'opposition à Bamako.\n\n"
        "Des policiers ont tiré à balles réelles en direction des manifestants qui défilaient pacifiquement."
    )
    (event,) = _events(text, "fr", date(2020, 11, 19))
    assert event.sub_event_type == "Excessive force against protesters"
