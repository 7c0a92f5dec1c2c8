"""Hand-made documents and events for the store tests (no pipeline, no models)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import Document, Event, Evidence, Provenance, Report
from eventwire.pipeline import DocumentResult

TEXT_A = (
    "Deux drones ont été abattus près de la base aérienne d'Aïn al-Asad, a indiqué le Centcom. "
    "La Résistance islamique en Irak a revendiqué l'attaque."
)
TEXT_B = "Four people were killed when gunmen attacked a bus near Wajir on Monday, police said."


def _make_document(text: str = TEXT_A, *, doc_id: str = "doc-a", **kw) -> Document:
    fields = {
        "id": doc_id,
        "text": text,
        "lang": "fr",
        "title": "Drones abattus",
        "url": "https://example.org/a",
        "outlet": "AFP",
        "published": date(2023, 10, 18),
        "origin": "a.txt",
    }
    fields.update(kw)
    return Document(**fields)


def _make_event(document: Document, ordinal: int = 0, **kw) -> Event:
    """Return an event reported by `document`, quoting the whole text as evidence."""
    evidence = _evidence(document, document.text.split(",")[0])
    report = Report(
        document_id=document.id,
        url=document.url,
        outlet=document.outlet,
        attributed_to="Centcom",
        claim_status="reported",
        evidence=(evidence,),
        fatalities=0,
    )
    fields = {
        "event_id": f"{document.id}:{ordinal}",
        "event_date": date(2023, 10, 17),
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Islamic Resistance in Iraq",
        "assoc_actor_1": None,
        "actor2": "Military Forces of the United States (2021-)",
        "assoc_actor_2": None,
        "country": "Iraq",
        "iso": "IQ",
        "admin1": "Al Anbar",
        "admin2": "Heet",
        "location": "Ain al-Asad Airbase",
        "latitude": 33.8007,
        "longitude": 42.4413,
        "geo_precision": 1,
        "fatalities": 0,
        "source": "AFP",
        "notes": "On 17 October 2023, two drones were shot down near Ain al-Asad.",
        "fatalities_low": 0,
        "fatalities_high": 0,
        "injuries": None,
        "claimed_by": ("Islamic Resistance in Iraq",),
        "disputed": False,
        "confidence": 0.8123,
        "reports": (report,),
        "provenance": {
            "location": Provenance("gazetteer", document.id, "Aïn al-Asad", 45, 56),
            "admin2": Provenance("gazetteer", reason="no admin2 in the text"),
        },
    }
    fields.update(kw)
    return Event(**fields)


def _make_result(document: Document | None = None, *events: Event, context=()) -> DocumentResult:
    document = document or _make_document()
    return DocumentResult(document, tuple(events) or (_make_event(document),), tuple(context))


def _evidence(document: Document, quote: str) -> Evidence:
    start = document.text.index(quote)
    return Evidence(document.id, quote, start, start + len(quote))


@pytest.fixture
def document_a() -> Document:
    return _make_document()


@pytest.fixture
def document_b() -> Document:
    return _make_document(
        TEXT_B,
        doc_id="doc-b",
        lang="en",
        url="https://example.org/b",
        outlet="Reuters",
        title="Bus attack",
        origin="b.txt",
    )


@pytest.fixture
def wajir_event(document_b: Document) -> Event:
    report = Report(
        "doc-b",
        document_b.url,
        "Reuters",
        "police",
        "claimed",
        (_evidence(document_b, "gunmen attacked a bus near Wajir"),),
        4,
    )
    return _make_event(
        document_b,
        0,
        event_date=date(2023, 10, 16),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Kenya)",
        actor2="Civilians (Kenya)",
        assoc_actor_2="Passengers",
        country="Kenya",
        iso="KE",
        admin1="Wajir",
        admin2=None,
        location="Wajir",
        latitude=1.7471,
        longitude=40.0573,
        geo_precision=2,
        fatalities=4,
        fatalities_low=4,
        fatalities_high=5,
        injuries=2,
        claimed_by=(),
        source="Reuters",
        notes="Gunmen attacked a bus near Wajir.",
        reports=(report,),
        provenance={},
    )


@pytest.fixture
def make_document():
    return _make_document


@pytest.fixture
def make_event():
    return _make_event


@pytest.fixture
def make_result():
    return _make_result
