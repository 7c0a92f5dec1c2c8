"""What only the PostgreSQL store has: URLs, placeholder translation, word folding for tsvector
search, and several processes ingesting into one store at once (issue 19)."""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import replace
from datetime import date

import pytest

from eventwire.errors import StoreError
from eventwire.models import Event, Evidence, Report
from eventwire.pipeline import DocumentResult
from eventwire.store import open_store
from eventwire.store.locations import dialect_for, is_database_url, store_location
from tests.factories import make_document, make_event

postgres = pytest.importorskip("eventwire.store.postgres")


def test_a_database_url_is_kept_as_text_and_a_file_becomes_a_path():
    assert is_database_url("postgresql://u@h/db") and is_database_url("postgres://u@h/db")
    assert store_location("postgresql://u@h:5432/db") == "postgresql://u@h:5432/db"
    assert str(store_location("events.sqlite")) == "events.sqlite"
    assert dialect_for("postgresql://u@h/db").name == "postgresql"
    assert dialect_for("events.sqlite").name == "sqlite"


def test_placeholders_become_psycopg_ones_outside_quoted_text():
    assert postgres.translate("SELECT '?', x FROM t WHERE a = ? AND b LIKE '%z'") == (
        "SELECT '?', x FROM t WHERE a = %s AND b LIKE '%%z'"
    )


def test_search_words_fold_case_accents_and_punctuation():
    assert postgres.search_words("Aïn al-Asad, base AÉRIENNE!") == ["ain", "al", "asad", "base", "aerienne"]


def test_an_unreachable_server_is_a_store_error_without_the_password():
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store("postgresql://eventwire:s3cret@127.0.0.1:1/events")
    assert "s3cret" not in str(caught.value)
    assert "eventwire:***@127.0.0.1:1" in str(caught.value)


# -- several writers -----------------------------------------------------------------------------

INCIDENTS = 6
OUTLETS = ("Reuters", "AFP", "Nation")


def _same_incident(a: Event, b: Event) -> float:
    """Stand-in text similarity: alike when both quote the same town. It also waits a little, as
    the sentence encoder does, so that two writers' transactions overlap."""
    time.sleep(0.005)
    town = lambda e: e.reports[0].evidence[0].text.split()[-1]
    return 0.95 if town(a) == town(b) else 0.05


def _accounts() -> list[DocumentResult]:
    """Three outlets' reports of each of INCIDENTS attacks on towns of one region, ~55 km apart
    (close enough to be each other's candidates, told apart by their text)."""
    results = []
    for i in range(INCIDENTS):
        for outlet in OUTLETS:
            text = f"Gunmen attacked a market in Town{i}"
            document = make_document(text, doc_id=f"doc-{i}-{outlet}", lang="en", outlet=outlet)
            report = Report(
                document.id, None, outlet, "police", "reported", (Evidence(document.id, text, 0, len(text)),), 2
            )
            event = make_event(
                document,
                event_date=date(2023, 10, 16),
                event_type="Violence against civilians",
                sub_event_type="Attack",
                country="Kenya",
                iso="KE",
                admin1="Wajir",
                location=f"Town{i}",
                latitude=1.5 + 0.5 * i,
                longitude=40.0,
                fatalities=2,
                reports=(report,),
                provenance={},
            )
            results.append(DocumentResult(document, (replace(event, source=outlet),)))
    return results


def _ingest_worker(location: str, results: list[DocumentResult], barrier) -> None:
    with open_store(location) as store:  # both open a new database at once: one migrates
        barrier.wait(timeout=60)
        for result in results:
            store.ingest(result, similarity=_same_incident)


def _in_turn(results: list[DocumentResult], first_outlet: int) -> list[DocumentResult]:
    """Return every account, one outlet's accounts of each incident after another's, starting
    with outlet number `first_outlet`."""
    by_outlet = {outlet: [r for r in results if r.document.outlet == outlet] for outlet in OUTLETS}
    turn = OUTLETS[first_outlet:] + OUTLETS[:first_outlet]
    return [r for outlet in turn for r in by_outlet[outlet]]


def test_two_processes_ingesting_overlapping_documents_store_each_once(postgres_location):
    results = _accounts()
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    # both ingest every document; at each step the two hold different outlets' accounts of one
    # incident (a race to create its event), and later the same documents (a race to store them)
    workers = [
        context.Process(target=_ingest_worker, args=(postgres_location, _in_turn(results, first), barrier))
        for first in (0, 1)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=240)
    assert [w.exitcode for w in workers] == [0, 0]
    with open_store(postgres_location) as store:
        assert store.counts()["documents"] == INCIDENTS * len(OUTLETS)
        # no incident was ever stored twice (a later account matching both copies would merge
        # them, deleting one: that would hide a race, not show its absence)
        assert store.counts()["deleted_events"] == 0
        events = store.events()
        assert len(events) == INCIDENTS, sorted(e["location"] for e in events)
        for event in events:
            assert sorted(r["outlet"] for r in event["reports"]) == sorted(OUTLETS)
        duplicates = store._conn.execute(
            "SELECT document_id, COUNT(*) FROM contributions GROUP BY document_id HAVING COUNT(*) > 1"
        ).fetchall()
        assert duplicates == []
        for event in events:
            assert store.history(event["event_id"])[0]["action"] == "created"
