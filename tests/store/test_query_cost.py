"""What keeps the event list fast on a large store (issue 18's load check, benchmarks/load_api.py):
the default order read off an index, the country filter indexed, opening a store without taking
the write lock, and writing a new event without scanning the evidence index."""

from __future__ import annotations

import sqlite3
import time
from datetime import date

import pytest

from eventwire.store import EventFilters, open_store
from eventwire.store import sqlite as backend
from eventwire.store.filters import ORDER_BY, where_clause
from eventwire.store.sqlite import EvidenceIndex


def query_plan(path, filters: EventFilters) -> str:
    """Return SQLite's plan for the query `Store.events(filters)` runs."""
    open_store(path).close()  # the schema, migrations included
    where, params = where_clause(filters, distance_sql=backend.distance_sql, text_condition=lambda t, c: ("1", []))
    conn = backend.connect(path)
    sql = f"SELECT e.* FROM events e {where} ORDER BY {ORDER_BY[filters.order_by]} LIMIT 100"
    try:
        return "\n".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    finally:
        conn.close()


def test_newest_events_are_read_off_an_index_not_sorted(tmp_path):
    plan = query_plan(tmp_path / "s.db", EventFilters(limit=100, offset=5000))
    assert "events_live_date" in plan and "TEMP B-TREE" not in plan, plan


def test_country_filter_uses_an_index(tmp_path):
    filters = EventFilters(country="kenya", date_from=date(2023, 1, 1), date_to=date(2023, 3, 31))
    plan = query_plan(tmp_path / "s.db", filters)
    assert "events_country_key" in plan and "events_iso_key" in plan, plan


def test_a_claim_status_is_checked_in_an_index_without_reading_reports(tmp_path):
    plan = query_plan(tmp_path / "s.db", EventFilters(claim_status="denied", date_from=date(2023, 1, 1)))
    assert "COVERING INDEX reports_event_claim" in plan, plan


def test_a_country_beside_an_event_type_is_checked_in_the_type_index(tmp_path):
    filters = EventFilters(country="Nordland", event_type="Battles", date_from=date(2023, 1, 1))
    plan = query_plan(tmp_path / "s.db", filters)
    assert "events_live_type_date_place" in plan, plan


def test_a_rare_actor_is_found_through_the_name_index(tmp_path):
    """The plan `ActorIndex` picks for an actor few events name: their ids from the index, then
    those events by key (not the events table read in date order)."""
    open_store(tmp_path / "s.db").close()
    conn = backend.connect(tmp_path / "s.db")
    sql = (
        "SELECT e.* FROM events e WHERE e.deleted = 0 AND e.event_id IN"
        " (SELECT event_id FROM event_actor_names WHERE name_id IN (?, ?)) ORDER BY e.event_date DESC LIMIT 100"
    )
    try:
        plan = "\n".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, [1, 2]))
    finally:
        conn.close()
    assert "SEARCH e USING INDEX sqlite_autoindex_events_1 (event_id=?)" in plan, plan


def test_undated_events_still_come_last_in_both_date_orders(store, document_a, make_event, make_result):
    dated = make_event(document_a, 0)
    undated = make_event(document_a, 1, event_date=None)
    store.write_result(make_result(document_a, dated, undated))
    for order in ("event_date", "-event_date"):
        assert [e["event_id"] for e in store.events(EventFilters(order_by=order))] == [
            dated.event_id,
            undated.event_id,
        ]


def test_opening_an_up_to_date_store_takes_no_write_lock(tmp_path, document_a, make_result):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.write_result(make_result(document_a))
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        started = time.monotonic()
        with open_store(path) as store:
            assert len(store.events()) == 1
        assert time.monotonic() - started < 1.0  # not the 5 s busy timeout
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_new_event_is_written_without_touching_the_evidence_index(
    tmp_path, document_a, make_event, make_result, monkeypatch
):
    # SQLite's FTS5 table has no index on its event and document columns (PostgreSQL's has)
    store = open_store(tmp_path / "events.db")
    removed = []
    original = EvidenceIndex.remove
    monkeypatch.setattr(EvidenceIndex, "remove", lambda self, *a: (removed.append(a), original(self, *a)))
    store.write_result(make_result(document_a))
    assert removed == []
    # Rewriting the document (a newer pipeline) does replace its evidence in the index.
    event = make_event(document_a, 0)
    reread = make_result(document_a, event)
    store.write_result(reread, pipeline_version="99.0.0")
    assert removed == [(event.event_id, document_a.id)]
    if store.full_text_search:
        assert [e["event_id"] for e in store.events(EventFilters(text="drones"))] == [event.event_id]
    store.close()


@pytest.fixture
def store(store_location):
    with open_store(store_location) as s:
        yield s
