"""Chunks of documents written in one transaction (`Store.write_batch`, issue 19): one commit for
the chunk, its locks taken first on PostgreSQL, and the store left as one transaction a document
leaves it. Invented accounts of invented attacks (`test_postgres._accounts`)."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from eventwire.errors import StoreError
from eventwire.store import open_store
from tests.store.test_postgres import INCIDENTS, OUTLETS, _accounts, _same_incident


def _statements(store) -> list[str]:
    """Return a list that grows by one for each statement the store's connection runs."""
    seen: list[str] = []
    conn = store._conn
    if isinstance(conn, sqlite3.Connection):
        conn.set_trace_callback(seen.append)
        return seen
    execute = conn.execute
    conn.execute = lambda sql, parameters=(): seen.append(sql) or execute(sql, parameters)
    return seen


def _state(store) -> tuple:
    """What two ways of writing must agree on: events with their outlets, counts, revisions."""
    events = sorted((e["event_id"], tuple(sorted(r["outlet"] for r in e["reports"]))) for e in store.events())
    history = sorted((e, tuple(r["action"] for r in store.history(e))) for e, _ in events)
    return events, store.counts(), history


def _ingest_all(store, results, batch: int) -> None:
    for start in range(0, len(results), batch):
        chunk = results[start : start + batch]
        store.write_batch(lambda c=chunk: [store.ingest(r, similarity=_same_incident) for r in c], chunk)


def test_a_batch_commits_once_and_stores_what_a_transaction_a_document_stores(store_location, tmp_path):
    results = _accounts()
    with open_store(tmp_path / "one-by-one.db") as store:
        for result in results:
            store.ingest(result, similarity=_same_incident)
        expected = _state(store)
    with open_store(store_location) as store:
        seen = _statements(store)
        _ingest_all(store, results, batch=len(results))
        assert [s for s in seen if s.startswith(("BEGIN", "COMMIT"))] in (
            ["BEGIN", "COMMIT"],
            ["BEGIN IMMEDIATE", "COMMIT"],
        )
        # the batch's actor names in one statement before the documents, none for each event
        assert sum(s.startswith("INSERT INTO actor_names") for s in seen) == 1
        if store.dialect.name == "postgresql":  # every lock of the chunk in one statement, first
            locks = [i for i, s in enumerate(seen) if "pg_advisory_xact_lock" in s]
            first_read = next(i for i, s in enumerate(seen) if s.startswith("SELECT * FROM events"))
            assert len(locks) == 1 and locks[0] < first_read
        assert _state(store) == expected
        assert store.counts()["events"] == INCIDENTS
        # idempotent: the same chunk again changes nothing
        _ingest_all(store, results, batch=7)
        assert _state(store) == expected


def test_an_sqlite_batch_keeps_its_savepoint_journals_in_memory_and_only_the_batch(tmp_path):
    """A savepoint's journal past 64 KiB goes to a temporary file unless temp_store is MEMORY: a
    batch wrote ~150 KB a document there. Queries outside a batch keep the default (a sort of
    many rows may spill to disk)."""
    results = _accounts()
    with open_store(tmp_path / "a.db") as store:
        during: list[int] = []
        store.write_batch(
            lambda: [
                during.append(store._conn.execute("PRAGMA temp_store").fetchone()[0]),
                *(store.ingest(r, similarity=_same_incident) for r in results),
            ],
            results,
        )
        assert during == [2]  # MEMORY
        assert store._conn.execute("PRAGMA temp_store").fetchone()[0] == 0  # DEFAULT
        assert store.counts()["events"] == INCIDENTS


def test_a_failing_write_fails_alone_and_those_before_it_stay(store_location):
    results = _accounts()[:3]
    with open_store(store_location) as store:
        upsert = store._writer.upsert_document

        def fail_on_second(document, *args):
            if document.id == results[1].document.id:
                store._conn.execute("INSERT INTO no_such_table VALUES (1)")  # a database error mid-write
            return upsert(document, *args)

        store._writer.upsert_document = fail_on_second
        with pytest.raises(StoreError, match="no_such_table"):
            _ingest_all(store, results, batch=3)
        stored = [store.document(r.document.id) is not None for r in results]
    assert stored == [True, False, False]


def test_a_failure_caught_inside_a_batch_never_commits_half_a_write(store_location):
    results = _accounts()[:3]
    with open_store(store_location) as store:
        upsert = store._writer.upsert_document

        def fail_on_second(document, *args):
            if document.id == results[1].document.id:
                store._conn.execute("INSERT INTO no_such_table VALUES (1)")
            return upsert(document, *args)

        store._writer.upsert_document = fail_on_second

        failed: list[str] = []

        def write_all() -> None:
            for result in results:
                try:
                    store.ingest(result, similarity=_same_incident)
                except StoreError:
                    failed.append(result.document.id)

        if store.dialect.name == "sqlite":  # a savepoint a write: the failed one alone rolls back
            with store.batch(results):
                write_all()
            assert failed == [results[1].document.id]
            expected = [True, False, True]
        else:  # one pipelined transaction: the batch fails, and says so rather than commit
            with pytest.raises(StoreError, match="no_such_table"), store.batch(results):
                write_all()
            assert failed  # the error surfaces at a later read: the writes after it fail too
            expected = [False, False, False]
        assert [store.document(r.document.id) is not None for r in results] == expected


def test_where_each_account_went_is_known_without_reading_it_back(store_location):
    results = _accounts()
    with open_store(store_location) as store:
        seen = _statements(store)
        joined = 0
        for result in results:
            store.ingest(result, similarity=_same_incident)
            before = len(seen)
            told = store.resolved_event_ids(result.document.id)
            assert len(seen) == before  # no read
            store._resolved = None
            assert told == store.resolved_event_ids(result.document.id)
            joined += told != {e.event_id: e.event_id for e in result.events}
    assert joined == INCIDENTS * (len(OUTLETS) - 1)  # every later outlet's account joined the first


def _batch_worker(location: str, results, barrier, retried) -> None:
    with open_store(location) as store:
        retryable = store.dialect.retryable

        def spy(error: BaseException) -> bool:
            if retryable(error):
                retried.set()
            return retryable(error)

        store.dialect.retryable = spy
        barrier.wait(timeout=60)
        _ingest_all(store, results, batch=6)


def test_two_processes_writing_batches_in_opposite_orders_never_deadlock(postgres_location):
    # each chunk holds several incidents' accounts; the two writers meet them in opposite
    # orders: locks taken as each document comes would cross, locks taken first never do
    results = _accounts()
    context = multiprocessing.get_context("fork")
    barrier, retried = context.Barrier(2), context.Event()
    workers = [
        context.Process(target=_batch_worker, args=(postgres_location, order, barrier, retried))
        for order in (results, results[::-1])
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=240)
    assert [w.exitcode for w in workers] == [0, 0]
    assert not retried.is_set()
    with open_store(postgres_location) as store:
        assert store.counts()["documents"] == INCIDENTS * len(OUTLETS)
        assert store.counts()["deleted_events"] == 0
        events = store.events()
        assert len(events) == INCIDENTS
        for event in events:
            assert sorted(r["outlet"] for r in event["reports"]) == sorted(OUTLETS)
