"""Hand-made documents and events for the store tests (no pipeline, no models)."""

from __future__ import annotations

import pytest

from eventwire.models import Document, Event
from eventwire.pipeline import DocumentResult
from tests.factories import TEXT_EN, make_bus_attack, make_document, make_event


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
    return make_bus_attack(
        document_b, claim_status="claimed", source="Reuters", notes="Gunmen attacked a bus near Wajir."
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
