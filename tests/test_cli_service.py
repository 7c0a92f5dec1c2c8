"""One ingest service and one filter parser behind `eventwire ingest`/`events` and the API.

The pipeline is replaced by a stand-in that types every document as one hand-made event, so these
tests need no model; tests/api/test_documents.py runs the real pipeline through the API.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire import service
from eventwire.api import ApiSettings
from eventwire.cli import app as cli
from eventwire.models import Document, Event, Evidence, Report, Skip
from eventwire.pipeline import DocumentResult
from eventwire.store import FilterError, open_store, parse_event_filters
from eventwire.store.filters import EventFilters
from tests.api.conftest import AUTH, TOKEN, client_for, seed_store
from tests.factories import make_event

# An invented dispatch.
DISPATCH = (
    "Gunmen attacked a market in the village of Adi on Monday, killing three traders, "
    "a local official said. Nobody claimed the attack."
)
VOLATILE = ("ingested_at", "processed_at", "updated_at", "created_at", "origin")


def _event_for(document: Document) -> Event:
    quote = "Gunmen attacked a market in the village of Adi"
    report = Report(
        document.id,
        document.url,
        document.outlet,
        "a local official",
        "reported",
        (Evidence(document.id, quote, 0, len(quote)),),
        3,
    )
    return make_event(
        document,
        event_id=f"ew-{document.id[:12]}",
        event_date=date(2024, 3, 4),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Kenya)",
        actor2="Civilians (Kenya)",
        country="Kenya",
        iso="KE",
        admin1=None,
        admin2=None,
        location="Adi",
        latitude=1.0,
        longitude=38.0,
        fatalities=3,
        source="AFP",
        notes="Gunmen attacked a market.",
        fatalities_low=None,
        fatalities_high=None,
        claimed_by=(),
        confidence=0.5,
        provenance={},
        reports=(report,),
    )


@pytest.fixture
def stand_in_pipeline(monkeypatch):
    """Replace the pipeline the service runs; return the list of documents it processed."""
    seen: list[str] = []

    def process(items):
        for item in items:
            if isinstance(item, Skip):
                yield item
            else:
                seen.append(item.id)
                yield DocumentResult(item, (_event_for(item),))

    monkeypatch.setattr(service, "process_documents", process)
    return seen


def _stored(db: Path) -> tuple[list[dict], dict]:
    with open_store(db) as store:
        events = [{k: v for k, v in e.items() if k not in VOLATILE} for e in store.events()]
        return events, store.counts()


def test_ingest_service_serves_cli_and_api_alike(stand_in_pipeline, tmp_path):
    source = tmp_path / "adi.txt"
    source.write_text(DISPATCH, encoding="utf-8")
    cli_db, api_db = tmp_path / "cli.sqlite", tmp_path / "api.sqlite"
    ran = CliRunner().invoke(cli, ["ingest", str(source), "--published", "2024-03-05", "--db", str(cli_db)])
    assert ran.exit_code == 0, ran.output
    client = client_for(ApiSettings(db=api_db, token=TOKEN))
    answer = client.post("/api/documents", headers=AUTH, json={"content": DISPATCH, "published": "2024-03-05"})
    assert answer.status_code == 200, answer.text
    assert len(stand_in_pipeline) == 2  # both went through the service's pipeline call
    assert stand_in_pipeline[0] == stand_in_pipeline[1]  # the same document id
    cli_events, cli_counts = _stored(cli_db)
    api_events, api_counts = _stored(api_db)
    assert cli_events == api_events and cli_events
    assert cli_counts == api_counts
    assert answer.json()["documents"][0]["event_ids"] == [e["event_id"] for e in api_events]


def test_ingest_service_second_ingest_changes_nothing(stand_in_pipeline, tmp_path):
    document = Document(id="doc-adi", text=DISPATCH, lang="en", published=date(2024, 3, 5), origin="adi.txt")
    skip = Skip(origin="empty.txt", reason="empty", detail="no text")
    db = tmp_path / "ew.sqlite"
    with open_store(db) as store:
        first = list(service.ingest_documents([document, skip], store))
        before = _stored(db)
        second = list(service.ingest_documents([document, skip], store))
        assert len(store.skips()) == 1  # a repeated skip is not recorded twice
    assert [type(o).__name__ for o in first] == ["IngestOutcome", "Skip"]
    assert first[0].summary.status == "inserted" and first[0].event_ids == ("ew-doc-adi",)
    assert second[0].summary.status == "unchanged"
    assert second[0].event_ids == first[0].event_ids
    assert _stored(db) == before


def test_ingest_service_without_resolution_keeps_pipeline_ids(stand_in_pipeline, tmp_path):
    document = Document(id="doc-adi", text=DISPATCH, lang="en", origin="adi.txt")
    with open_store(tmp_path / "ew.sqlite") as store:
        (outcome,) = service.ingest_documents([document], store, resolve=False)
    assert outcome.event_ids == ("ew-doc-adi",)


# -- filters ------------------------------------------------------------------------------------


def test_parse_event_filters_reads_text_forms():
    filters = parse_event_filters(bbox="40,30,45,35", near="1.7,40,50", text="bus", country="Kenya")
    assert filters == EventFilters(bbox=(40.0, 30.0, 45.0, 35.0), near=(1.7, 40.0, 50.0), text="bus", country="Kenya")


@pytest.mark.parametrize(
    ("given", "option", "words"),
    [
        ({"bbox": "1,2"}, "bbox", "expected 4 comma-separated finite numbers"),
        ({"near": "a,b,c"}, "near", "expected 3 comma-separated numbers (lat,lon,radius_km)"),
        ({"near": "1,2,nan"}, "near", "finite"),
        ({"text": "bus\x00"}, "text", "control characters"),
    ],
)
def test_parse_event_filters_names_the_bad_filter(given, option, words):
    with pytest.raises(FilterError) as raised:
        parse_event_filters(**given)
    assert raised.value.option == option
    assert words in str(raised.value)


@pytest.mark.parametrize(
    ("cli_args", "query"),
    [
        (["--bbox", "40,30,45,35"], "bbox=40,30,45,35"),
        (["--near", "1.7,40.0,50"], "near=1.7,40.0,50"),
        (["--text", "gunmen bus"], "text=gunmen bus"),
        (["--country", "KE"], "country=KE"),
        (["--from", "2023-10-17"], "from=2023-10-17"),
    ],
)
def test_events_cli_and_api_filter_alike(tmp_path, cli_args, query):
    db = tmp_path / "ew.sqlite"
    seed_store(db)
    ran = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "jsonl", *cli_args])
    assert ran.exit_code == 0, ran.output

    api = client_for(ApiSettings(db=db, token=TOKEN)).get(f"/api/events?{query}").json()
    cli_ids = [json.loads(line)["event_id"] for line in ran.stdout.splitlines()]
    assert cli_ids == [e["event_id"] for e in api["events"]] and cli_ids


def test_events_cli_rejects_a_bad_filter_as_the_api_does(tmp_path):
    db = tmp_path / "ew.sqlite"
    seed_store(db)
    ran = CliRunner().invoke(cli, ["events", "--db", str(db), "--bbox", "1,2"])
    assert ran.exit_code == 2

    api = client_for(ApiSettings(db=db, token=TOKEN)).get("/api/events?bbox=1,2").json()
    message = api["error"]["message"]
    assert message.startswith("bbox: ")
    assert "--bbox" in ran.output
    assert message.removeprefix("bbox: ") in " ".join(ran.output.replace("│", " ").split())


# -- the ingest summary and duplicates (issue 18, D4, D5) ---------------------------------------


@pytest.fixture
def stand_in_with_context(monkeypatch):
    """A stand-in pipeline whose documents report one event and recall one earlier incident."""

    def process(items):
        for item in items:
            if isinstance(item, Skip):
                yield item
                continue
            event = _event_for(item)
            context = replace(event, event_id=f"ew-ctx-{item.id[:8]}", context_only=True, event_date=date(2020, 1, 1))
            yield DocumentResult(item, (event,), (context,))

    monkeypatch.setattr(service, "process_documents", process)


def test_ingest_summary_counts_no_context_mention_as_a_new_event(stand_in_with_context, tmp_path):
    source = tmp_path / "adi.txt"
    source.write_text(DISPATCH, encoding="utf-8")
    db = tmp_path / "ew.sqlite"
    ran = CliRunner().invoke(cli, ["ingest", str(source), "--published", "2024-03-05", "--db", str(db)])
    assert ran.exit_code == 0, ran.output
    summary = " ".join(ran.stderr.split())
    assert "1 new event(s)" in summary and "1 context mention(s) kept for review" in summary
    assert summary.endswith("1 documents, 1 events")


def test_the_same_text_under_two_ids_is_reported_as_a_duplicate(stand_in_pipeline, tmp_path):
    batch = tmp_path / "batch.jsonl"
    lines = [{"id": "wire-1", "text": DISPATCH, "lang": "en"}, {"id": "wire-2", "text": DISPATCH, "lang": "en"}]
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = tmp_path / "ew.sqlite"
    ran = CliRunner().invoke(cli, ["ingest", str(batch), "--db", str(db)])
    assert ran.exit_code == 0, ran.output
    assert "'wire-2' is a duplicate of 'wire-1'" in " ".join(ran.stderr.split())
    with open_store(db) as store:
        (document_id,) = {o for o in stand_in_pipeline}
        assert store.document(document_id)["aliases"] == ["wire-2"]


# -- misuse: one line on stderr and an exit code, never a traceback (issue 18, D2) ---------------


def _run_program(capsys, *args: str) -> tuple[int, str]:
    """Run the CLI as the `eventwire` program does; return its exit code and stderr."""
    with pytest.raises(SystemExit) as exited:
        cli(args=list(args), prog_name="eventwire")
    return exited.value.code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["ingest", "{source}", "--db", "{file}/events.sqlite"], 1, "is a file, not a folder"),
        (["ingest", "{source}", "--db", "{tmp}"], 1, "is a folder, not an SQLite file"),
        (["events", "--db", "{file}"], 1, "file is not a database"),
        (["history", "ew-1", "--db", "{file}"], 1, "file is not a database"),
        (["ingest", "{tmp}/missing.txt", "--db", "{tmp}/e.sqlite"], 2, "no such file or folder"),
        (["extract", "{source}", "--published", "2024-13-01"], 2, "is not a date"),
        (["extract", "{source}", "--bogus"], 2, "No such option: --bogus"),
        (["export", "--db", "{store}", "-o", "{tmp}/no/such/folder/x.csv"], 1, "No such file or directory"),
    ],
)
def test_cli_misuse_is_one_line_and_an_exit_code(capsys, tmp_path, args, code, words):
    source = tmp_path / "adi.txt"
    source.write_text(DISPATCH, encoding="utf-8")
    regular = tmp_path / "regular"
    regular.write_text("not a database, not a folder", encoding="utf-8")
    store = tmp_path / "store.sqlite"
    open_store(store).close()
    names = {"source": source, "file": regular, "tmp": tmp_path, "store": store}
    exit_code, stderr = _run_program(capsys, *(a.format(**names) for a in args))
    assert exit_code == code, stderr
    assert words in " ".join(stderr.split())
    assert stderr.strip().startswith("eventwire:") and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "written",
    [
        "2024-03-05",
        "2024-03-05T08:00:00Z",
        "2024-03-05 23:30-05:00",
        "Tue, 05 Mar 2024 08:00:00 GMT",
        "Mar 5, 2024",
        "5 March 2024",
        "5 mars 2024",
        "mardi 5 mars 2024",
    ],
)
def test_cli_published_reads_the_forms_jsonl_dates_take(stand_in_pipeline, tmp_path, written):
    source = tmp_path / "adi.txt"
    source.write_text(DISPATCH, encoding="utf-8")
    db = tmp_path / "ew.sqlite"
    ran = CliRunner().invoke(cli, ["ingest", str(source), "--published", written, "--db", str(db)])
    assert ran.exit_code == 0, ran.output
    with open_store(db) as store:
        (event,) = store.events()
        stored = store.document(event["reports"][0]["document_id"])
    assert stored is not None and stored["published"] == "2024-03-05"


@pytest.mark.parametrize("written", ["05/03/2024", "next Tuesday", "2024-02-30"])
def test_cli_published_unreadable_is_one_line_naming_the_forms(capsys, tmp_path, written):
    source = tmp_path / "adi.txt"
    source.write_text(DISPATCH, encoding="utf-8")
    exit_code, stderr = _run_program(capsys, "extract", str(source), "--published", written)
    assert exit_code == 2
    assert len(stderr.strip().splitlines()) == 1
    assert "is not a date; expected ISO 8601" in stderr and "RFC 822" in stderr
