"""SQLite and PostgreSQL store the same results identically (issue 19): the same events,
reports, revision log and contributions after the same ingests, joins, a correction and a
re-processing by a newer pipeline; and on PostgreSQL a document creating events costs two round
trips (its reads together, then the commit)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from eventwire.models import Event, Evidence, Report
from eventwire.pipeline import DocumentResult
from eventwire.store import open_store
from tests.factories import make_document, make_event

pytest.importorskip("eventwire.store.postgres")

OUTLETS = ("Daily Courier", "Evening Post")


def _same_town(a: Event, b: Event) -> float:
    """Stand-in text similarity: alike when both evidence texts end with the same town."""
    town = lambda e: e.reports[0].evidence[0].text.split()[-1]
    return 0.95 if town(a) == town(b) else 0.05


def _results() -> list[DocumentResult]:
    """Two outlets' accounts of four invented incidents (the second outlet's join the first's),
    actors named, one account without coordinates, external ids on some documents."""
    results = []
    for outlet_no, outlet in enumerate(OUTLETS):
        for i in range(4):
            text = f"Armed men raided a village near Townville{i}"
            document = make_document(text, doc_id=f"doc-{outlet_no}-{i}", lang="en", outlet=outlet)
            if i % 2:
                document = replace(document, external_id=f"wire-{outlet_no}-{i}")
            report = Report(
                document.id,
                None,
                outlet,
                "police",
                "reported",
                (Evidence(document.id, text, 0, len(text)),),
                i,
                external_id=document.external_id,
            )
            event = make_event(
                document,
                event_date=date(2024, 3, 1 + i),
                country="Kenya",
                iso="KE",
                admin1="Rift Valley",
                location=f"Townville{i}",
                latitude=None if i == 3 else 0.5 + 0.25 * i,
                longitude=None if i == 3 else 36.0,
                actor1=f"Militia {i}",
                fatalities=i,
                reports=(report,),
                provenance={},
            )
            results.append(DocumentResult(document, (replace(event, source=outlet),)))
    return results


def _state(location: Any) -> dict[str, Any]:
    """Ingest the results, correct an event, re-process two documents; return what is stored."""
    results = _results()
    with open_store(location) as store:
        summaries = [store.ingest(r, similarity=_same_town) for r in results]
        first = store.events()[0]["event_id"]
        store.correct_event(first, {"admin2": "Corrected district"}, who="analyst", reason="checked")
        for result in results[::3]:
            store.ingest(replace(result), pipeline_version="99.0", similarity=_same_town)
        conn = store._conn
        rows = lambda sql: [tuple(r) for r in conn.execute(sql).fetchall()]
        events = store.events()
        return {
            "summaries": [(s.status, s.created, s.updated, s.deleted, s.reports_added, s.joined) for s in summaries],
            "events": events,
            "history": [
                [(h["action"], h["reason"], h["who"], h["diff"]) for h in store.history(e["event_id"])] for e in events
            ],
            "revisions": rows("SELECT event_id, action, reason, who, diff FROM revisions ORDER BY id"),
            "contributions": rows(
                "SELECT event_id, document_id, origin_event_id, context, record FROM contributions ORDER BY id"
            ),
            "reports": rows(
                "SELECT event_id, ordinal, document_id, outlet, claim_status, evidence, fatalities"
                " FROM reports ORDER BY event_id, ordinal"
            ),
            "actors": rows(
                "SELECT l.event_id, n.name FROM event_actor_names l JOIN actor_names n ON n.id = l.name_id"
                " ORDER BY l.event_id, n.name"
            ),
            "counts": store.counts(),
        }


def test_sqlite_and_postgresql_store_the_same(tmp_path, postgres_location):
    sqlite_state = _state(tmp_path / "events.db")
    postgres_state = _state(postgres_location)
    assert sqlite_state["counts"]["events"] == 4  # each second account joined the first
    assert any(action == "corrected" for _, action, *_ in sqlite_state["revisions"])
    for key in sqlite_state:
        assert json.dumps(postgres_state[key], default=str) == json.dumps(sqlite_state[key], default=str), key


def _round_trips(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the waits for answers not received yet (psycopg's pipeline flushes to read them,
    and once more for the commit's Sync): the client's round trips to the server."""
    from psycopg import _pipeline_base

    waits: list[int] = []
    fetch = _pipeline_base.BasePipeline._fetch_gen

    def counted(self: Any, *, flush: bool) -> Any:
        if flush and self.result_queue:
            waits.append(len(self.result_queue))
        return fetch(self, flush=flush)

    monkeypatch.setattr(_pipeline_base.BasePipeline, "_fetch_gen", counted)
    return waits


def test_a_document_creating_events_costs_two_round_trips_on_postgresql(postgres_location, monkeypatch):
    results = _results()
    with open_store(postgres_location) as store:
        store.ingest(results[0], similarity=_same_town)
        waits = _round_trips(monkeypatch)
        created = store.ingest(results[1], similarity=_same_town)  # another incident: no candidate
        assert created.created and not created.joined
        assert len(waits) == 2, waits  # the reads (document, candidates, own ids), the commit
        waits.clear()
        joined = store.ingest(results[4], similarity=_same_town)  # the first incident again
        assert joined.joined
        assert len(waits) == 3, waits  # and the joined event's stored state
