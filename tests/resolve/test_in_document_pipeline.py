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
