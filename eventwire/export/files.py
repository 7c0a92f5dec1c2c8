"""Event dicts to JSON Lines, ACLED CSV and GeoJSON, streamed to an open text stream."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, TextIO

from eventwire.models import ACLED_COLUMNS


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON: {value!r}")


def _dumps(value: Any) -> str:
    # allow_nan=False: NaN/Infinity are not JSON and would break strict readers.
    return json.dumps(value, ensure_ascii=False, default=_json_default, allow_nan=False)


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Return how many events were written to `out`, one JSON object per line."""
    n = 0
    for event in events:
        out.write(_dumps(event))
        out.write("\n")
        n += 1
    return n


# A spreadsheet reads a cell starting with one of these as a formula ("=HYPERLINK(…)", "+1+1",
# "@SUM(…)"), tab and carriage return included (OWASP, CSV injection).
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(text: str) -> str:
    """Return text a spreadsheet shows as text: a leading "'" when it starts like a formula."""
    return "'" + text if text.startswith(FORMULA_LEADS) else text


def _csv_cell(value: Any) -> Any:
    """Return a CSV cell: numbers as numbers (a negative longitude or a toll stays numeric), text
    neutralized when it starts like a formula, None empty."""
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, str):
        # a carriage return becomes a line break: the csv module quotes a cell holding "\n" but
        # not one holding a lone "\r", which would end the row for any reader
        return neutralize_formula(value).replace("\r\n", "\n").replace("\r", "\n")
    return value


# The columns `write_csv(..., sources=True)` adds after ACLED's: for each event, the stored ids,
# the inputs' own ids (JSONL `id`, feed entry id) and the URLs of the documents reporting it, in
# report order, each once, joined by SOURCE_SEPARATOR (ACLED's own separator in `source`).
SOURCE_COLUMNS = ("document_ids", "external_ids", "urls")
SOURCE_SEPARATOR = "; "
_SOURCE_KEYS = {"document_ids": "document_id", "external_ids": "external_id", "urls": "url"}


def write_csv(events: Iterable[dict[str, Any]], out: TextIO, *, sources: bool = False) -> int:
    """Return how many events were written to `out` as CSV with ACLED's columns.

    Header is `models.ACLED_COLUMNS` in order, then `SOURCE_COLUMNS` when `sources` (so a
    caller can join events back to its own records); other keys are dropped; None becomes an
    empty cell; cells with commas, quotes or newlines are quoted (RFC 4180); a text cell starting
    with = + - @, a tab or a carriage return gets a leading "'" (`neutralize_formula`), numbers
    are written as they are. Open files with
    `newline=""` so the csv module controls line endings.
    """
    columns = (*ACLED_COLUMNS, *SOURCE_COLUMNS) if sources else ACLED_COLUMNS
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        row = {col: _csv_cell(event.get(col)) for col in ACLED_COLUMNS}
        if sources:
            row.update({col: _csv_cell(cell) for col, cell in report_sources(event).items()})
        writer.writerow(row)
        n += 1
    return n


def report_sources(event: dict[str, Any]) -> dict[str, str]:
    """Return the `SOURCE_COLUMNS` cells of an event: its reports' document ids, external ids
    and URLs, each once in report order."""
    reports = event.get("reports") or []
    cells = {}
    for column, key in _SOURCE_KEYS.items():
        values = dict.fromkeys(str(r[key]) for r in reports if r.get(key) is not None)
        cells[column] = SOURCE_SEPARATOR.join(values)
    return cells


def write_csv_with_sources(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """`write_csv` with the `SOURCE_COLUMNS` (the "csv" format; "acled-csv" is ACLED's only)."""
    return write_csv(events, out, sources=True)


def event_feature(event: dict[str, Any]) -> dict[str, Any]:
    """Return a GeoJSON Feature for one event: a Point, or a null geometry without coordinates.

    Properties are the event dict minus latitude/longitude (RFC 7946 puts them in the
    geometry, longitude first).
    """
    lat, lon = event.get("latitude"), event.get("longitude")
    geometry = None
    if lat is not None and lon is not None:
        geometry = {"type": "Point", "coordinates": [lon, lat]}
    properties = {k: v for k, v in event.items() if k not in ("latitude", "longitude")}
    feature: dict[str, Any] = {"type": "Feature"}
    if event.get("event_id") is not None:
        feature["id"] = event["event_id"]
    feature["geometry"] = geometry
    feature["properties"] = properties
    return feature


def write_geojson(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Return how many events were written to `out` as one GeoJSON FeatureCollection.

    Streams one feature per line, so a large export never sits in memory whole.
    """
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for event in events:
        out.write(",\n" if n else "\n")
        out.write(_dumps(event_feature(event)))
        n += 1
    out.write("\n]}\n")
    return n
