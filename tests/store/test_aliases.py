"""Every external id kept (issue 18, D5) and a document's events without its context (D4)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from eventwire.store import open_store
from eventwire.store import sqlite as backend
from eventwire.store.migrations import MIGRATIONS, apply_migrations


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "events.db") as s:
        yield s


@pytest.mark.parametrize("resolve", [False, True])
def test_same_text_under_another_id_is_recorded_as_an_alias(store, document_a, make_result, resolve):
    first = replace(document_a, external_id="feed-1", origin="batch.jsonl:1")
    second = replace(document_a, external_id="feed-2", origin="batch.jsonl:2")
    assert store.write_result(make_result(first), resolve=resolve).duplicate_of is None
    summary = store.write_result(make_result(second), resolve=resolve)
    assert summary.status == "unchanged"
    assert summary.duplicate_of == "feed-1"
    # again under either id: still one document, no second alias row
    assert store.write_result(make_result(second), resolve=resolve).duplicate_of == "feed-1"
    assert store.write_result(make_result(first), resolve=resolve).duplicate_of is None
    document = store.document(document_a.id)
    assert document["external_id"] == "feed-1"
    assert document["aliases"] == ["feed-2"]
    assert store.counts()["documents"] == 1


def test_a_document_first_stored_without_id_names_itself(store, document_a, make_result):
    store.write_result(make_result(document_a))
    summary = store.write_result(make_result(replace(document_a, external_id="feed-9")))
    assert summary.duplicate_of == document_a.id
    assert store.document(document_a.id)["aliases"] == ["feed-9"]


def test_document_event_ids_leave_out_context_mentions(store, document_a, make_event, make_result):
    context = make_event(document_a, 9, context_only=True)
    store.write_result(make_result(document_a, make_event(document_a, 0), context=(context,)))
    document = store.document(document_a.id)
    assert document["event_ids"] == ["doc-a:0"]
    assert document["context_ids"] == ["doc-a:9"]


def test_a_store_of_the_previous_version_gains_the_alias_table(tmp_path):
    path = tmp_path / "old.db"
    conn = backend.connect(path)

    class _Tx:
        def __enter__(self):
            conn.execute("BEGIN")

        def __exit__(self, *exc):
            conn.execute("COMMIT" if exc[0] is None else "ROLLBACK")

    apply_migrations(conn, types=backend.TYPES, transaction=_Tx, where="old", migrations=MIGRATIONS[:4])
    conn.close()
    with open_store(path) as store:
        assert store.migrations_run == ["document_aliases", "actor_names", "filter_indexes"]
    names = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "document_aliases" in names


def test_an_alias_finds_the_document_and_its_events(store, document_a, make_result):
    from eventwire.store import EventFilters

    store.write_result(make_result(replace(document_a, external_id="feed-1")))
    store.write_result(make_result(replace(document_a, external_id="feed-2")))
    (found,) = store.sources.documents_by_external_id("feed-2")
    assert found["id"] == document_a.id and found["aliases"] == ["feed-2"]
    assert store.events(EventFilters(document_id="feed-2")) == store.events(EventFilters(document_id="feed-1"))
    assert store.events(EventFilters(document_id="feed-2"))
