"""Hand-made documents and events for the store tests (no pipeline, no models)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import Document, Event, Report
from eventwire.pipeline import DocumentResult
from tests.factories import TEXT_EN, make_document, make_event, quote


def _make_result(document: Document | None = None, *events: Event, context=()) -> DocumentResult:
    document = document or make_document()
    return DocumentResult(document, tuple(events) or (make_event(document),), tuple(context))


@pytest.fixture
def document_a() -> Document:
    return make_document()


@pytest.fixture
def document_b() -> Document:
    return make_document(
        TEXT_EN,
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
        (quote(document_b, "gunmen attacked a bus near Wajir"),),
        4,
    )
    return make_event(
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


@pytest.fixture(name="make_document")
def make_document_fixture():
    return make_document


@pytest.fixture(name="make_event")
def make_event_fixture():
    return make_event


@pytest.fixture
def make_result():
    return _make_result
