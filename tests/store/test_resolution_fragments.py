"""Store.ingest: one incident stored twice is merged by a later report matching both; a
region-level report is blocked on its country (issue 16). Invented places, fake similarity."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.models import Event, Evidence, Report
from eventwire.store import open_store
from tests.factories import make_village_attack

TEXTS = {
    "doc-v": "Gunmen attacked the village of Kassoumbe on Sunday, killing 12 people.",
    "doc-r": "Lanfara : quinze morts dimanche, selon un élu de la région.",
    "doc-n": "At least 14 people died when gunmen raided Kassoumbe in Lanfara on Sunday.",
}


def pair_similarity(pairs: dict[frozenset[str], float]):
    """Fake text similarity: by the documents the two events quote (best pair), else 0.1."""

    def similarity(a: Event, b: Event) -> float:
        docs_a = {r.document_id for r in a.reports}
        docs_b = {r.document_id for r in b.reports}
        return max(
            (pairs.get(frozenset({x, y}), 0.1) for x in docs_a for y in docs_b if x != y),
            default=0.1,
        )

    return similarity


@pytest.fixture
def store(store_location):
    with open_store(store_location) as s:
        yield s


def account(make_document, make_event, doc_id: str, **kw):
    text = TEXTS[doc_id]
    document = make_document(text, doc_id=doc_id, outlet=doc_id, lang="en")
    report = Report(
        doc_id,
        None,
        doc_id,
        None,
        "reported",
        (Evidence(doc_id, text, 0, len(text)),),
        kw.get("fatalities", 12),
    )
    return document, make_village_attack(document, 0, reports=(report,), **kw)


def test_a_report_matching_two_fragments_of_one_incident_merges_them(store, make_document, make_event, make_result):
    village = account(make_document, make_event, "doc-v")
    # the region-level report's words barely resemble the village report's: stored apart
    region = account(
        make_document,
        make_event,
        "doc-r",
        location="Lanfara",
        latitude=14.0,
        longitude=-3.7,
        geo_precision=3,
        fatalities=15,
    )
    later = account(make_document, make_event, "doc-n", fatalities=14)
    similarity = pair_similarity(
        {
            frozenset({"doc-v", "doc-r"}): 0.3,
            frozenset({"doc-v", "doc-n"}): 0.9,
            frozenset({"doc-r", "doc-n"}): 0.8,
        }
    )
    for document, event in (village, region):
        store.ingest(make_result(document, event), similarity=similarity)
    assert (
        len(
            {
                *store.resolved_event_ids("doc-v").values(),
                *store.resolved_event_ids("doc-r").values(),
            }
        )
        == 2
    )
    # doc-n matches both; through it the village and region reports are one incident: the
    # stored village event now matches the region one (its evidence holds doc-n's sentence)
    store.ingest(make_result(*later), similarity=similarity)
    ids = {
        *store.resolved_event_ids("doc-v").values(),
        *store.resolved_event_ids("doc-r").values(),
        *store.resolved_event_ids("doc-n").values(),
    }
    assert len(ids) == 1


def test_a_region_level_report_finds_events_outside_its_grid_cells(store, make_document, make_event, make_result):
    document, village = account(make_document, make_event, "doc-v")
    store.ingest(make_result(document, village))
    # the region's centre lies ~250 km away (other grid cells): found by its admin1, or by its
    # country when the gazetteer gave it none
    region = replace(
        village,
        event_id="doc-r:0",
        location="Lanfara",
        latitude=16.5,
        longitude=-3.0,
        geo_precision=3,
    )
    assert [e.event_id for e in store.candidates(region)] == ["doc-v:0"]
    unresolved = replace(region, admin1=None)
    assert [e.event_id for e in store.candidates(unresolved)] == ["doc-v:0"]
