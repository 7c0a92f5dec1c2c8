"""The input's own id (JSONL `id`) and URL come back on every report of every output, and find
the events again: `eventwire events --document-id`, `GET /api/events?document_id=`,
`GET /api/documents/by-external-id/{id}` (issue 19).

The pipeline is the stand-in of test_cli_service (one hand-made event per document).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from eventwire.api import ApiSettings
from eventwire.cli import app as cli
from eventwire.export import SOURCE_COLUMNS
from eventwire.models import ACLED_COLUMNS
from eventwire.store import open_store
from tests.api.conftest import TOKEN, client_for
from tests.test_cli_service import stand_in_pipeline  # noqa: F401 - a fixture

# Invented dispatches.
MARKET = (
    "Gunmen attacked a market in the village of Adi on Monday, killing three traders, "
    "a local official said. Nobody claimed the attack."
)
CHURCH = "Gunmen attacked a church in the village of Bor on Sunday, killing two worshippers, police said."


@pytest.fixture
def db(tmp_path, stand_in_pipeline):  # noqa: F811 - the fixture imported above
    batch = tmp_path / "mine.jsonl"
    records = [
        {"id": "rec-17", "text": MARKET, "url": "https://news.example/adi", "published": "Dec 13, 2016"},
        {"id": 18, "text": CHURCH, "published": "Tue, 13 Dec 2016 08:00:00 GMT"},
    ]
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    path = tmp_path / "ew.sqlite"
    # without resolution: the stand-in codes both dispatches as one incident
    ran = CliRunner().invoke(cli, ["ingest", str(batch), "--db", str(path), "--no-resolve"])
    assert ran.exit_code == 0, ran.output
    return path


def _run(*args: str) -> str:
    ran = CliRunner().invoke(cli, list(args))
    assert ran.exit_code == 0, ran.output
    return ran.stdout


def test_every_report_carries_the_input_id_and_url(db):
    with open_store(db) as store:
        events = store.events()
    reports = {r["external_id"]: r for e in events for r in e["reports"]}
    assert set(reports) == {"rec-17", "18"}
    assert reports["rec-17"]["url"] == "https://news.example/adi"
    lines = [json.loads(line) for line in _run("export", "--db", str(db), "--format", "jsonl").splitlines()]
    assert {r["external_id"] for e in lines for r in e["reports"]} == {"rec-17", "18"}
    geojson = json.loads(_run("export", "--db", str(db), "--format", "geojson"))
    assert {r["external_id"] for f in geojson["features"] for r in f["properties"]["reports"]} == {"rec-17", "18"}


def test_csv_adds_the_source_columns_and_acled_csv_stays_acled(db):
    rows = list(csv.DictReader(io.StringIO(_run("export", "--db", str(db), "--format", "csv"))))
    assert list(rows[0]) == [*ACLED_COLUMNS, *SOURCE_COLUMNS]
    by_id = {row["external_ids"]: row for row in rows}
    assert set(by_id) == {"rec-17", "18"}
    assert by_id["rec-17"]["urls"] == "https://news.example/adi"
    assert by_id["18"]["urls"] == "" and len(by_id["18"]["document_ids"]) == 16
    acled = next(csv.reader(io.StringIO(_run("export", "--db", str(db), "--format", "acled-csv"))))
    assert acled == list(ACLED_COLUMNS)


def test_events_by_document_id_accepts_the_input_id_or_the_stored_id(db):
    listed = _run("events", "--db", str(db), "-f", "jsonl", "--document-id", "18")
    found = [json.loads(line) for line in listed.splitlines()]
    assert len(found) == 1 and found[0]["reports"][0]["external_id"] == "18"
    stored_id = found[0]["reports"][0]["document_id"]
    again = _run("events", "--db", str(db), "-f", "jsonl", "--document-id", stored_id)
    assert [json.loads(line)["event_id"] for line in again.splitlines()] == [found[0]["event_id"]]
    assert _run("events", "--db", str(db), "-f", "jsonl", "--document-id", "rec-99") == ""


def test_api_finds_documents_and_events_by_external_id(db):
    client = client_for(ApiSettings(db=db, token=TOKEN))
    answer = client.get("/api/documents/by-external-id/rec-17")
    assert answer.status_code == 200, answer.text
    (document,) = answer.json()
    assert document["external_id"] == "rec-17" and document["url"] == "https://news.example/adi"
    assert document["published"] == "2016-12-13" and len(document["event_ids"]) == 1
    events = client.get("/api/events", params={"document_id": "rec-17"}).json()["events"]
    assert [e["event_id"] for e in events] == document["event_ids"]
    assert events[0]["reports"][0]["external_id"] == "rec-17"
    assert client.get("/api/documents/by-external-id/rec-99").status_code == 404


def test_api_finds_an_external_id_holding_slashes(tmp_path, stand_in_pipeline):  # noqa: F811
    path = tmp_path / "ew.sqlite"
    client = client_for(ApiSettings(db=path, token=TOKEN))
    body = json.dumps({"id": "https://feeds.example/item/7", "text": MARKET})
    posted = client.post(
        "/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}, json={"format": "jsonl", "content": body}
    )
    assert posted.status_code == 200, posted.text
    answer = client.get("/api/documents/by-external-id/https://feeds.example/item/7")
    assert answer.status_code == 200 and answer.json()[0]["external_id"] == "https://feeds.example/item/7"
