"""Store.ingest: cross-document resolution applied in the document's transaction (issue 6)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from eventwire.errors import StoreError
from eventwire.models import Event, Evidence, Report
from eventwire.store import EventFilters, open_store

TEXT_C = "Ten passengers were killed when al-Shabaab gunmen ambushed a bus near Wajir."
TEXT_D = "Dix passagers ont été tués dans l'attaque d'un bus près de Wajir, selon la police."


def same_country(a: Event, b: Event) -> float:
    """Fake text similarity (no model): alike when both quote a bus."""
    words = lambda e: " ".join(x.text for r in e.reports for x in r.evidence).lower()
    return 0.9 if "bus" in words(a) and "bus" in words(b) else 0.1


@pytest.fixture
def store(store_location):
    with open_store(store_location) as s:
        yield s


@pytest.fixture
def bus_reports(make_document, wajir_event, document_b):
    """Three outlets' accounts of the Wajir bus attack (documents b, c, d)."""
    accounts = [(document_b, wajir_event)]
    for doc_id, text, outlet, toll in (
        ("doc-c", TEXT_C, "Nation", 10),
        ("doc-d", TEXT_D, "AFP", 11),
    ):
        document = make_document(text, doc_id=doc_id, outlet=outlet, lang="en")
        report = Report(
            doc_id,
            None,
            outlet,
            "police",
            "reported",
            (Evidence(doc_id, text, 0, len(text)),),
            toll,
        )
        event = replace(
            wajir_event,
            event_id=f"{doc_id}:0",
            fatalities=toll,
            fatalities_low=toll,
            fatalities_high=toll,
            source=outlet,
            reports=(report,),
        )
        accounts.append((document, event))
    return accounts


def ingest_all(store, make_result, accounts, **kw):
    return [store.ingest(make_result(d, e), similarity=same_country, **kw) for d, e in accounts]


def test_ingest_joins_reports_of_one_incident_into_one_event(store, make_result, bus_reports):
    summaries = ingest_all(store, make_result, bus_reports)
    assert summaries[0].created == ("doc-b:0",)
    assert summaries[1].joined == summaries[2].joined == ("doc-b:0",)
    [event] = store.events()
    assert event["event_id"] == "doc-b:0"
    assert [r["document_id"] for r in event["reports"]] == ["doc-b", "doc-c", "doc-d"]
    assert event["source"] == "Reuters; Nation; AFP"
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (4, 4, 11)
    history = store.history("doc-b:0")
    assert [h["action"] for h in history] == ["created", "report_added", "report_added"]
    assert "same incident as doc-c:0" in history[1]["reason"]
    assert store.resolved_event_ids("doc-d") == {"doc-d:0": "doc-b:0"}


def test_ingest_twice_changes_nothing(store, make_result, bus_reports):
    ingest_all(store, make_result, bus_reports)
    before = (store.counts(), store.events(), store.history("doc-b:0"))
    assert {s.status for s in ingest_all(store, make_result, bus_reports)} == {"unchanged"}
    assert (store.counts(), store.events(), store.history("doc-b:0")) == before


def test_ingest_keeps_different_incidents_apart(store, make_result, make_event, document_a, bus_reports):
    ingest_all(store, make_result, bus_reports[:1])
    store.ingest(make_result(document_a, make_event(document_a, 0)), similarity=same_country)
    assert sorted(e["event_id"] for e in store.events()) == ["doc-a:0", "doc-b:0"]


def test_ingest_newer_pipeline_updates_events_and_logs_why(store, make_result, bus_reports):
    ingest_all(store, make_result, bus_reports, pipeline_version="0.1.0")
    document, event = bus_reports[1]
    moved = replace(event, country="Somalia", iso="SO")  # the newer pipeline reads it otherwise
    summary = store.ingest(make_result(document, moved), similarity=same_country, pipeline_version="0.2.0")
    assert summary.status == "reprocessed"
    assert summary.created == ("doc-c:0",)
    assert summary.updated == ("doc-b:0",)
    old = store.event("doc-b:0")
    assert [r["document_id"] for r in old["reports"]] == ["doc-b", "doc-d"]
    last = store.history("doc-b:0")[-1]
    assert last["action"] == "updated"
    assert "0.2.0" in last["reason"] and "0.1.0" in last["reason"]


def test_split_event_separates_a_wrong_merge_and_remembers_it(store, make_result, bus_reports):
    ingest_all(store, make_result, bus_reports, pipeline_version="0.1.0")
    new_id = store.split_event("doc-b:0", ["doc-d"], who="analyst", reason="another bus")
    assert new_id == "doc-d:0"
    assert [r["document_id"] for r in store.event("doc-b:0")["reports"]] == ["doc-b", "doc-c"]
    assert [r["document_id"] for r in store.event(new_id)["reports"]] == ["doc-d"]
    assert store.event(new_id)["fatalities"] == 11
    assert store.history("doc-b:0")[-1]["action"] == "split"
    assert store.history(new_id)[-1]["who"] == "analyst"
    # re-processing doc-d does not put it back
    document, event = bus_reports[2]
    store.ingest(make_result(document, event), similarity=same_country, pipeline_version="0.2.0")
    assert store.resolved_event_ids("doc-d") == {"doc-d:0": "doc-d:0"}
    with pytest.raises(StoreError):
        store.split_event("doc-b:0", ["doc-b", "doc-c"], who="analyst", reason="all of it")


def test_merge_events_joins_a_missed_merge(store, make_result, bus_reports):
    for document, event in bus_reports[:2]:
        store.write_result(make_result(document, event))  # stored without resolution
    store.merge_events("doc-b:0", "doc-c:0", who="analyst", reason="same bus")
    [event] = store.events()
    assert [r["document_id"] for r in event["reports"]] == ["doc-b", "doc-c"]
    assert store.event("doc-c:0") is not None
    assert [h["action"] for h in store.history("doc-c:0")] == ["created", "merged"]
    assert store.history("doc-b:0")[-1]["action"] == "merged"


def test_context_mention_joins_as_secondary_report_or_waits_for_review(store, make_result, make_document, bus_reports):
    ingest_all(store, make_result, bus_reports[:1])
    document, event = bus_reports[1]
    recap = replace(
        event,
        context_only=True,
        reports=tuple(replace(r, claim_status="context") for r in event.reports),
    )
    elsewhere = replace(recap, event_id="doc-c:9", country="Somalia", iso="SO")
    result = make_result(
        document,
        replace(event, event_id="doc-c:1", country="Mali", iso="ML"),
        context=(recap, elsewhere),
    )
    summary = store.ingest(result, similarity=same_country)
    assert summary.review == ("doc-c:9",)
    statuses = [r["claim_status"] for r in store.event("doc-b:0")["reports"]]
    assert statuses == ["claimed", "context"]
    assert store.counts()["context_mentions"] == 1  # listed for review, not an event
    assert store.events(EventFilters(claim_status="context"))[0]["event_id"] == "doc-b:0"


def test_write_result_resolve_option_uses_ingest(store, make_result, bus_reports):
    document, event = bus_reports[0]
    summary = store.write_result(make_result(document, event), resolve=True)
    assert summary.created == ("doc-b:0",)
    assert store.resolved_event_ids("doc-b") == {"doc-b:0": "doc-b:0"}


def test_candidates_use_country_date_and_grid(store, make_result, bus_reports):
    ingest_all(store, make_result, bus_reports[:1])
    event = bus_reports[1][1]
    assert [e.event_id for e in store.candidates(event)] == ["doc-b:0"]
    assert store.candidates(replace(event, event_date=date(2024, 1, 1))) == []
    mali = replace(event, country="Mali", latitude=14.28, longitude=-2.14, admin1="Mopti")
    assert store.candidates(mali) == []
    far = replace(event, latitude=40.0, longitude=10.0, admin1="Elsewhere")
    assert store.candidates(far) == []


def test_analyst_correction_survives_a_join(store, make_result, bus_reports):
    ingest_all(store, make_result, bus_reports[:1])
    store.correct_event("doc-b:0", {"fatalities": 12}, who="analyst", reason="checked")
    ingest_all(store, make_result, bus_reports[1:2])
    assert store.event("doc-b:0")["fatalities"] == 12


def test_export_acled_csv_opens_in_pandas_and_parquet_keeps_types(tmp_path, store_location, make_result, bus_reports):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from typer.testing import CliRunner

    from eventwire.cli import app
    from eventwire.models import ACLED_COLUMNS

    with open_store(store_location) as store:
        ingest_all(store, make_result, bus_reports)
    runner = CliRunner()
    csv_path, parquet_path = tmp_path / "events.csv", tmp_path / "events.parquet"
    for fmt, path in (("acled-csv", csv_path), ("parquet", parquet_path)):
        result = runner.invoke(app, ["export", "--db", str(store_location), "--format", fmt, "-o", str(path)])
        assert result.exit_code == 0, result.output
    frame = pd.read_csv(csv_path, parse_dates=["event_date"])
    assert list(frame.columns) == list(ACLED_COLUMNS)
    assert frame["fatalities"].dtype.kind == "i" and frame["latitude"].dtype.kind == "f"
    assert frame.loc[0, "source"] == "Reuters; Nation; AFP"
    table = pd.read_parquet(parquet_path)
    assert list(table.columns[: len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
    assert table.loc[0, "fatalities_high"] == 11
    assert str(table.loc[0, "event_date"]) == "2023-10-16"


def _count_statements(store) -> list[str]:
    """Return a list that grows by one for each statement the store's connection runs."""
    seen: list[str] = []
    conn = store._conn
    if isinstance(conn, sqlite3.Connection):
        conn.set_trace_callback(seen.append)
        return seen
    execute, executemany = conn.execute, conn.executemany
    conn.execute = lambda sql, parameters=(): seen.append(sql) or execute(sql, parameters)
    conn.executemany = lambda sql, seq: seen.append(sql) or executemany(sql, seq)
    return seen


def test_ingest_statements_do_not_grow_with_the_candidates(store, make_result, make_document, wajir_event):
    # earlier incidents of the same place and days, each a candidate of the new one: their
    # events and reports are read in one statement each, not one per candidate
    def ingest(doc_id: str) -> None:
        document = make_document(f"Gunmen shot a trader on the road, account {doc_id}.", doc_id=doc_id)
        store.ingest(make_result(document, replace(wajir_event, event_id=f"{doc_id}:0")), similarity=same_country)

    ingest("doc-old-0")
    seen = _count_statements(store)
    ingest("doc-new-1")  # one candidate
    after_one = len(seen)
    for n in range(1, 12):
        ingest(f"doc-old-{n}")
    before = len(seen)
    ingest("doc-new-2")  # twelve candidates and more
    assert len(seen) - before == after_one, seen[before:]


def test_batch_writes_a_chunk_in_one_transaction_and_a_failed_write_alone_rolls_back(
    tmp_path, make_result, make_document, wajir_event
):
    documents = [make_document(f"Gunmen shot a trader on the road, account {n}.", doc_id=f"doc-{n}") for n in range(3)]
    with open_store(tmp_path / "b.sqlite") as store:
        seen = _count_statements(store)
        broken = store._writer.upsert_document

        def fail_on_doc_1(document, *args):
            if document.id == "doc-1":
                store._conn.execute("INSERT INTO no_such_table VALUES (1)")  # a database error mid-write
            return broken(document, *args)

        store._writer.upsert_document = fail_on_doc_1
        with store.batch():
            for document in documents:
                result = make_result(document, replace(wajir_event, event_id=f"{document.id}:0"))
                try:
                    store.ingest(result, similarity=same_country)
                except StoreError:
                    assert document.id == "doc-1"
        assert [s for s in seen if s.startswith(("BEGIN", "COMMIT"))] == ["BEGIN IMMEDIATE", "COMMIT"]
        assert store.document("doc-0") and store.document("doc-2") and store.document("doc-1") is None
