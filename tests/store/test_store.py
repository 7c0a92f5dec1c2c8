"""The event store: creation, idempotent writes, re-processing, filters, skips, migrations.

Each `store` test runs on SQLite and on PostgreSQL (`store_location`, tests/conftest.py); the
ones taking `tmp_path` are about SQLite files."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from eventwire.errors import InputError, StoreError
from eventwire.models import Skip
from eventwire.store import SCHEMA_VERSION, EventFilters, open_store
from eventwire.store import sqlite as backend
from eventwire.store.migrations import MIGRATIONS, Migration


@pytest.fixture
def store(store_location):
    with open_store(store_location) as s:
        yield s


@pytest.fixture
def seeded(store, document_a, document_b, make_event, make_result, wajir_event):
    """A store with two Iraq events (doc-a) and one Kenya event (doc-b)."""
    drone = make_event(document_a, 0)
    base = make_event(
        document_a,
        1,
        event_date=date(2023, 10, 18),
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Iran (1989-)",
        actor2=None,
        claimed_by=(),
        admin1="Baghdad",
        location="Baghdad",
        latitude=33.3406,
        longitude=44.4009,
        fatalities=1,
        fatalities_low=1,
        fatalities_high=1,
        disputed=True,
    )
    store.write_result(make_result(document_a, drone, base))
    store.write_result(make_result(document_b, wajir_event))
    return store


def ids(events):
    return sorted(e["event_id"] for e in events)


def test_open_store_creates_file_on_first_use(tmp_path):
    path = tmp_path / "sub" / "events.db"
    assert not path.exists()
    with open_store(path) as store:
        assert store.migrations_run == [m.name for m in MIGRATIONS]
        assert store.counts()["documents"] == 0
    assert path.exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    with open_store(path) as store:  # reopening runs nothing
        assert store.migrations_run == []


def test_open_store_runs_each_migration_once(store_location):
    with open_store(store_location) as store:
        assert store.migrations_run == [m.name for m in MIGRATIONS]
        assert store._conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    with open_store(store_location) as store:
        assert store.migrations_run == []


def test_open_store_turns_foreign_keys_on(store):
    with pytest.raises(StoreError, match="kept_apart|FOREIGN KEY"), store._transaction("write a row naming nothing"):
        store._conn.execute("INSERT INTO kept_apart (document_id, event_id) VALUES ('nope', 'nope')")


def test_write_result_inserts_document_events_and_created_revisions(store, make_result):
    result = make_result()
    summary = store.write_result(result)
    assert summary.status == "inserted"
    assert summary.created == ("doc-a:0",)
    assert store.counts()["documents"] == 1
    assert store.counts()["events"] == 1
    history = store.history("doc-a:0")
    assert [h["action"] for h in history] == ["created"]
    assert history[0]["who"] == "pipeline"
    assert history[0]["diff"]["event"]["fatalities"] == 0


def test_events_returns_output_contract_dicts(store, make_result):
    result = make_result()
    store.write_result(result)
    assert store.events() == [result.events[0].as_dict()]
    assert store.event("doc-a:0") == result.events[0].as_dict()
    assert store.event("nope") is None


def test_write_result_twice_is_idempotent(store, make_result):
    result = make_result()
    store.write_result(result)
    before = (store.counts(), store.events(), store.history("doc-a:0"))
    summary = store.write_result(result)
    assert summary.status == "unchanged"
    assert (store.counts(), store.events(), store.history("doc-a:0")) == before
    assert store.counts()["documents"] == 1


def test_write_result_older_version_replaces_events_and_logs_updated(store, document_a, make_event, make_result):
    first = make_result(document_a, make_event(document_a, 0), make_event(document_a, 1))
    store.write_result(first, pipeline_version="0.1.0")
    second = make_result(
        document_a,
        make_event(document_a, 0, fatalities=2, fatalities_low=2, fatalities_high=3),
        make_event(document_a, 2, location="Heet"),
    )
    summary = store.write_result(second, pipeline_version="0.2.0")
    assert summary.status == "reprocessed"
    assert summary.previous_version == "0.1.0"
    assert summary.updated == ("doc-a:0",)
    assert summary.created == ("doc-a:2",)
    assert summary.deleted == ("doc-a:1",)
    assert ids(store.events()) == ["doc-a:0", "doc-a:2"]
    assert store.events(EventFilters(order_by="event_id"))[0] == second.events[0].as_dict()
    updated = store.history("doc-a:0")[-1]
    assert updated["action"] == "updated"
    assert "0.2.0" in updated["reason"] and "0.1.0" in updated["reason"]
    assert updated["diff"]["fatalities"] == [0, 2]
    assert [h["action"] for h in store.history("doc-a:1")] == ["created", "deleted"]
    assert store.document("doc-a")["pipeline_version"] == "0.2.0"
    assert store.counts()["documents"] == 1


def test_write_result_keeps_output_of_newer_pipeline(store, make_event, document_a, make_result):
    store.write_result(make_result(), pipeline_version="0.10.0")
    stale = make_result(document_a, make_event(document_a, 0, fatalities=9))
    summary = store.write_result(stale, pipeline_version="0.9.0")
    assert summary.status == "kept_newer"
    assert store.events()[0]["fatalities"] == 0


def test_write_result_adds_report_to_event_of_another_document(store, document_a, document_b, make_event, make_result):
    store.write_result(make_result(document_a, make_event(document_a, 0)))
    merged = make_event(document_a, 0)
    extra = replace(merged.reports[0], document_id="doc-b", outlet="Reuters")
    merged = replace(merged, reports=(*merged.reports, extra))
    summary = store.write_result(make_result(document_b, merged))
    assert summary.updated == ("doc-a:0",)
    [event] = store.events()
    assert [r["document_id"] for r in event["reports"]] == ["doc-a", "doc-b"]
    assert store.history("doc-a:0")[-1]["action"] == "report_added"
    assert store.document("doc-b")["event_ids"] == ["doc-a:0"]


def test_write_result_skips_reports_of_unknown_documents(store, document_a, make_event, make_result):
    event = make_event(document_a, 0)
    stray = replace(event.reports[0], document_id="doc-unknown")
    summary = store.write_result(make_result(document_a, replace(event, reports=(*event.reports, stray))))
    assert summary.reports_skipped == 1
    assert len(store.events()[0]["reports"]) == 1


def test_write_result_rejects_duplicate_event_ids(store, document_a, make_event, make_result):
    event = make_event(document_a, 0)
    with pytest.raises(StoreError, match="duplicate event ids"):
        store.write_result(make_result(document_a, event, event))
    assert store.counts()["documents"] == 0


def test_write_result_failure_rolls_back_only_that_document(
    store, document_a, document_b, make_result, wajir_event, monkeypatch
):
    store.write_result(make_result(document_a))

    def crash(*args, **kwargs):
        raise store.dialect.error("disk I/O error")

    monkeypatch.setattr(store._writer, "insert_report", crash)
    with pytest.raises(StoreError, match="doc-b"):
        store.write_result(make_result(document_b, wajir_event))
    monkeypatch.undo()
    assert store.counts()["documents"] == 1
    assert store.document("doc-b") is None
    assert ids(store.events()) == ["doc-a:0"]
    assert store.write_result(make_result(document_b, wajir_event)).status == "inserted"


def test_write_result_stores_context_mentions_apart(store, document_a, make_event, make_result):
    context = make_event(document_a, 9, context_only=True)
    store.write_result(make_result(document_a, make_event(document_a, 0), context=(context,)))
    assert ids(store.events()) == ["doc-a:0"]
    assert ids(store.events(EventFilters(include_context=True))) == ["doc-a:0", "doc-a:9"]
    assert store.counts()["context_mentions"] == 1


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilters(), ["doc-a:0", "doc-a:1", "doc-b:0"]),
        (EventFilters(date_from=date(2023, 10, 17)), ["doc-a:0", "doc-a:1"]),
        (EventFilters(date_to=date(2023, 10, 17)), ["doc-a:0", "doc-b:0"]),
        (EventFilters(date_from=date(2023, 10, 17), date_to=date(2023, 10, 17)), ["doc-a:0"]),
        (EventFilters(country="iraq"), ["doc-a:0", "doc-a:1"]),
        (EventFilters(country="KE"), ["doc-b:0"]),
        (EventFilters(admin1="baghdad"), ["doc-a:1"]),
        (EventFilters(event_type="Violence against civilians"), ["doc-b:0"]),
        (EventFilters(sub_event_type="Air/drone strike"), ["doc-a:0"]),
        (EventFilters(actor="islamic resistance"), ["doc-a:0"]),
        (EventFilters(actor="MILITARY FORCES"), ["doc-a:0", "doc-a:1"]),  # actor1 or actor2
        (EventFilters(actor="passengers"), ["doc-b:0"]),  # assoc_actor_2
        (EventFilters(actor="100%"), []),  # wildcards are literal
        (EventFilters(bbox=(42.0, 33.0, 43.0, 34.0)), ["doc-a:0"]),
        (EventFilters(bbox=(38.0, -5.0, 46.0, 35.0)), ["doc-a:0", "doc-a:1", "doc-b:0"]),
        (EventFilters(near=(33.3, 44.4, 10)), ["doc-a:1"]),
        (EventFilters(near=(33.3, 44.4, 200)), ["doc-a:0", "doc-a:1"]),  # ~190 km apart
        (EventFilters(near=(1.75, 40.06, 1)), ["doc-b:0"]),
        (EventFilters(min_fatalities=1), ["doc-a:1", "doc-b:0"]),
        (EventFilters(min_fatalities=4), ["doc-b:0"]),
        (EventFilters(claim_status="claimed"), ["doc-b:0"]),
        (EventFilters(claim_status="denied"), []),
        (EventFilters(country="Iraq", min_fatalities=1), ["doc-a:1"]),
    ],
)
def test_events_filters(seeded, filters, expected):
    assert ids(seeded.events(filters)) == expected


def test_events_orders_and_pages(seeded):
    newest_first = [e["event_id"] for e in seeded.events()]
    assert newest_first == ["doc-a:1", "doc-a:0", "doc-b:0"]
    by_fatalities = seeded.events(EventFilters(order_by="-fatalities"))
    assert [e["fatalities"] for e in by_fatalities] == [4, 1, 0]
    page = seeded.events(EventFilters(order_by="event_id", limit=1, offset=1))
    assert [e["event_id"] for e in page] == ["doc-a:1"]
    assert len(seeded.events(EventFilters(offset=2))) == 1


@pytest.mark.parametrize(
    "kwargs",
    [
        {"order_by": "random()"},
        {"limit": -1},
        {"bbox": (0, 10, 1, 5)},
        {"near": (95, 0, 1)},
        {"text": "  "},
        {"date_from": date(2024, 1, 2), "date_to": date(2024, 1, 1)},
    ],
)
def test_event_filters_reject_bad_values(kwargs):
    with pytest.raises(InputError):
        EventFilters(**kwargs)


def test_text_filter_finds_evidence_word(seeded):
    assert seeded.full_text_search
    assert ids(seeded.events(EventFilters(text="Wajir"))) == ["doc-b:0"]
    assert ids(seeded.events(EventFilters(text="abattus drones"))) == ["doc-a:0", "doc-a:1"]
    assert ids(seeded.events(EventFilters(text="aerienne"))) == ["doc-a:0", "doc-a:1"]  # accents
    assert seeded.events(EventFilters(text='bus "OR drones')) == []  # no FTS syntax injection
    assert seeded.events(EventFilters(text="tanks")) == []


def test_text_filter_index_follows_replaced_reports(store, document_a, make_event, make_result):
    store.write_result(make_result(document_a, make_event(document_a, 0)), pipeline_version="1")
    store.write_result(make_result(document_a, make_event(document_a, 1)), pipeline_version="2")
    assert ids(store.events(EventFilters(text="drones"))) == ["doc-a:1"]


def test_text_filter_without_fts5_scans_evidence(tmp_path, monkeypatch, make_result, caplog):
    monkeypatch.setattr(backend, "fts5_available", lambda conn: False)
    # another test of the same worker may have left the store's logger muted or above WARNING
    monkeypatch.setattr(logging.getLogger(backend.__name__), "disabled", False)
    caplog.set_level(logging.WARNING, logger=backend.__name__)
    with open_store(tmp_path / "plain.db") as store:
        assert not store.full_text_search
        store.write_result(make_result())
        assert ids(store.events(EventFilters(text="ont été abattus"))) == ["doc-a:0"]
        assert store.events(EventFilters(text="tanks")) == []
    assert "lacks FTS5" in caplog.text


def test_fts_index_is_built_when_fts5_becomes_available(tmp_path, monkeypatch, make_result):
    path = tmp_path / "events.db"
    with monkeypatch.context() as m:
        m.setattr(backend, "fts5_available", lambda conn: False)
        with open_store(path) as store:
            store.write_result(make_result())
    with open_store(path) as store:
        assert store.full_text_search
        assert ids(store.events(EventFilters(text="drones"))) == ["doc-a:0"]


def test_record_skip_stores_the_reason_once(store):
    skip = Skip("feed.jsonl:3", "empty", "line 3 has no text")
    assert store.record_skip(skip) is True
    assert store.record_skip(skip) is False
    assert store.record_skip(Skip("b.html", "encoding", "not UTF-8", document_id="x")) is True
    assert store.counts()["skips"] == 2
    first = store.skips()[0]
    assert (first["origin"], first["reason"], first["detail"]) == (
        "feed.jsonl:3",
        "empty",
        "line 3 has no text",
    )


def test_document_returns_stored_fields(store, make_result):
    store.write_result(make_result())
    document = store.document("doc-a")
    assert document["outlet"] == "AFP"
    assert document["published"] == "2023-10-18"
    assert document["text"].startswith("Deux drones")
    assert document["event_ids"] == ["doc-a:0"]
    assert store.document("missing") is None


def test_correct_event_logs_corrected_revision(store, make_result):
    store.write_result(make_result())
    event = store.correct_event(
        "doc-a:0",
        {"fatalities": 1, "actor2": "Civilians (Iraq)"},
        who="analyst:rk",
        reason="hospital source",
    )
    assert event["fatalities"] == 1
    assert ids(store.events(EventFilters(actor="civilians (iraq)"))) == ["doc-a:0"]
    last = store.history("doc-a:0")[-1]
    assert (last["action"], last["who"], last["reason"]) == (
        "corrected",
        "analyst:rk",
        "hospital source",
    )
    assert last["diff"]["fatalities"] == [0, 1]
    with pytest.raises(StoreError, match="reports"):
        store.correct_event("doc-a:0", {"reports": []}, who="x", reason="y")


def test_write_result_keeps_analyst_corrections(store, document_a, make_event, make_result):
    store.write_result(make_result(), pipeline_version="0.1.0")
    store.correct_event("doc-a:0", {"fatalities": 5}, who="analyst", reason="morgue count")
    rerun = make_result(document_a, make_event(document_a, 0, fatalities=1, location="Heet"))
    store.write_result(rerun, pipeline_version="0.2.0")
    [event] = store.events()
    assert (event["fatalities"], event["location"]) == (5, "Heet")


def test_delete_event_hides_it_but_keeps_history(store, make_result):
    store.write_result(make_result())
    store.delete_event("doc-a:0", who="analyst", reason="duplicate")
    assert store.events() == []
    assert ids(store.events(EventFilters(include_deleted=True))) == ["doc-a:0"]
    assert [h["action"] for h in store.history("doc-a:0")] == ["created", "deleted"]
    with pytest.raises(StoreError, match="no event"):
        store.delete_event("doc-a:0", who="analyst", reason="again")


def test_open_store_refuses_newer_schema(store_location):
    with open_store(store_location) as store:  # autocommit: each statement commits
        store._conn.execute(
            "INSERT INTO schema_version VALUES (?, 'from_the_future', '2099-01-01')",
            (SCHEMA_VERSION + 1,),
        )
    with pytest.raises(StoreError, match=r"newer .* upgrade eventwire"):
        open_store(store_location)


def test_open_store_refuses_unknown_migration_name(store_location):
    with open_store(store_location) as store:
        store._conn.execute("UPDATE schema_version SET name = 'forked' WHERE version = 1")
    with pytest.raises(StoreError, match="'forked'"):
        open_store(store_location)


def test_open_store_migrates_an_existing_older_file(store_location, monkeypatch, make_result):
    path = store_location
    with open_store(path) as store:
        store.write_result(make_result())
    added = Migration(
        SCHEMA_VERSION + 1,
        "events_add_reviewed",
        ("ALTER TABLE events ADD COLUMN reviewed {bool} NOT NULL DEFAULT 0",),
    )
    monkeypatch.setattr("eventwire.store.migrations.MIGRATIONS", (*MIGRATIONS, added))
    with open_store(path) as store:
        assert store.migrations_run == ["events_add_reviewed"]
        assert store.counts()["events"] == 1
        reviewed = store._conn.execute("SELECT reviewed FROM events").fetchone()[0]
        assert reviewed == 0


def test_open_store_rejects_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 200)
    with pytest.raises(StoreError, match=r"notes\.db"):
        open_store(path)


def test_store_prints_nothing(store_location, capsys, make_result):
    with open_store(store_location) as store:
        store.write_result(make_result())
        store.events(EventFilters(text="drones"))
    assert capsys.readouterr() == ("", "")
