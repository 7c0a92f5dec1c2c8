"""Conversions between records, table rows and output-contract dicts (no SQL here)."""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime
from typing import Any

from pydantic_core import from_json

from eventwire.models import ACLED_COLUMNS, Event, Evidence, Provenance, Report
from eventwire.store.dialect import Row
from eventwire.store.filters import actor_search_key

# Event columns besides the ACLED ones, in output-contract order.
EXTRA_COLUMNS = (
    "fatalities_low",
    "fatalities_high",
    "injuries",
    "claimed_by",
    "disputed",
    "confidence",
    "provenance",
)
JSON_COLUMNS = frozenset({"claimed_by", "provenance"})
BOOL_COLUMNS = frozenset({"disputed", "context_only", "deleted"})
FLOAT_COLUMNS = ("latitude", "longitude", "confidence")  # events columns of type {float}


def now_iso() -> str:
    """Return the current UTC time as an ISO 8601 string (how the store writes timestamps)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


# `json.dumps(value, ensure_ascii=False)` builds an encoder a call: made once, the same text
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def to_json(value: Any) -> str:
    return _ENCODE(value)


def load_json(text: str) -> Any:
    """Return the value of a JSON column, as `json.loads` reads it.

    pydantic_core's parser is several times quicker on the short texts of these columns (three a
    listed event: a page of 100 is 300 parses, a good part of GET /api/events' time under load);
    text it refuses that the standard parser reads (a lone surrogate escape) goes to the latter.
    """
    try:
        return from_json(text)
    except ValueError:
        return json.loads(text)


def event_row(event: Event) -> dict[str, Any]:
    """Return the events-table columns of `event` (without bookkeeping columns)."""
    # the columns as `event.as_dict()` gives them, without its reports (not columns here)
    row = {col: v.isoformat() if isinstance(v := getattr(event, col), date) else v for col in ACLED_COLUMNS}
    row.update(
        fatalities_low=event.fatalities_low,
        fatalities_high=event.fatalities_high,
        injuries=event.injuries,
        claimed_by=to_json(list(event.claimed_by)),
        disputed=int(event.disputed),
        confidence=float(event.confidence),
        provenance=to_json({k: v.as_dict() for k, v in event.provenance.items()}),
        context_only=int(event.context_only),
        actor_search=actor_search_key(event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2),
        geo_cell=geo_cell(event.latitude, event.longitude),
    )
    return row


def geo_cell(latitude: float | None, longitude: float | None) -> int | None:
    """Return the 1-degree grid cell of a point (the `events.geo_cell` blocking key)."""
    if latitude is None or longitude is None:
        return None
    return (math.floor(latitude) + 90) * 1000 + (math.floor(longitude) + 180)


def _report_fields(report: Report) -> dict[str, Any]:
    """Return a report's columns, its evidence as a list of {text, start, end}."""
    return {
        "document_id": report.document_id,
        "url": report.url,
        "outlet": report.outlet,
        "attributed_to": report.attributed_to,
        "claim_status": report.claim_status,
        "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in report.evidence],
        "fatalities": report.fatalities,
    }


def report_row(report: Report) -> dict[str, Any]:
    row = _report_fields(report)
    row["evidence"] = to_json(row["evidence"])
    return row


# The reports of events, each with its document's external id (the input's own id): read from
# the document row, so the id a later ingest gives the same text reaches every stored report.
REPORTS_SELECT = "SELECT r.*, d.external_id AS external_id FROM reports r LEFT JOIN documents d ON d.id = r.document_id"


def stored_report(row: Row) -> dict[str, Any]:
    """Return a reports row (`REPORTS_SELECT`) as the output contract's report object
    (Report.as_dict())."""
    return {
        "document_id": row["document_id"],
        "url": row["url"],
        "outlet": row["outlet"],
        "attributed_to": row["attributed_to"],
        "claim_status": row["claim_status"],
        "evidence": load_json(row["evidence"]),
        "fatalities": row["fatalities"],
        "external_id": row["external_id"],
    }


def stored_form(report: Report, external_id: str | None) -> dict[str, Any]:
    """Return a report as `stored_report` reads its row back (`external_id`: its document's)."""
    return {**_report_fields(report), "external_id": external_id}


def stored_floats(row: dict[str, Any]) -> dict[str, Any]:
    """Return the floating-point columns of an events row as the database gives them back."""
    return {col: float(row[col]) for col in FLOAT_COLUMNS if row.get(col) is not None}


def decode_value(row: Row, col: str) -> Any:
    value = row[col]
    if col in JSON_COLUMNS:
        return load_json(value)
    if col in BOOL_COLUMNS:
        return bool(value)
    if col == "confidence":
        return round(value, 3)
    return value


_EVENT_COLUMNS = (*ACLED_COLUMNS, *EXTRA_COLUMNS)
_EVENT_JSON = tuple(c for c in _EVENT_COLUMNS if c in JSON_COLUMNS)
_EVENT_BOOLS = tuple(c for c in _EVENT_COLUMNS if c in BOOL_COLUMNS)


def decode_event(row: Row) -> dict[str, Any]:
    """Return the output-contract fields of an events row, each as `decode_value` reads it.

    Column by kind rather than a call per cell: the event list decodes thousands of cells a
    request (a page of 100 events is about 2,700).
    """
    d = {col: row[col] for col in _EVENT_COLUMNS}
    for col in _EVENT_JSON:
        d[col] = load_json(d[col])
    for col in _EVENT_BOOLS:
        d[col] = bool(d[col])
    d["confidence"] = round(d["confidence"], 3)
    return d


def comparable(row: Row | dict[str, Any]) -> dict[str, Any]:
    """Return the event fields a revision diff compares, decoded."""
    cols = (*ACLED_COLUMNS, *EXTRA_COLUMNS, "context_only")
    out = {}
    for col in cols:
        value = row[col]
        if col in JSON_COLUMNS and isinstance(value, str):
            value = json.loads(value)
        elif col in BOOL_COLUMNS:
            value = bool(value)
        out[col] = value
    return out


def event_from_dict(d: dict[str, Any], *, context_only: bool = False) -> Event:
    """Return the Event an output-contract dict describes (the inverse of Event.as_dict())."""
    reports = tuple(
        Report(
            document_id=r["document_id"],
            url=r.get("url"),
            outlet=r.get("outlet"),
            attributed_to=r.get("attributed_to"),
            claim_status=r.get("claim_status") or "reported",
            evidence=tuple(Evidence(r["document_id"], e["text"], e["start"], e["end"]) for e in r.get("evidence", [])),
            fatalities=r.get("fatalities"),
            external_id=r.get("external_id"),
        )
        for r in d.get("reports", [])
    )
    provenance = {
        k: Provenance(
            method=v.get("method", ""),
            document_id=v.get("document_id"),
            text=v.get("text"),
            start=v.get("start"),
            end=v.get("end"),
            reason=v.get("reason"),
        )
        for k, v in (d.get("provenance") or {}).items()
    }
    when = d.get("event_date")
    columns: dict[str, Any] = {col: d.get(col) for col in ACLED_COLUMNS if col != "event_date"}
    confidence = d.get("confidence")
    return Event(
        **columns,
        event_date=date.fromisoformat(when[:10]) if isinstance(when, str) else when,
        fatalities_low=d.get("fatalities_low"),
        fatalities_high=d.get("fatalities_high"),
        injuries=d.get("injuries"),
        claimed_by=tuple(d.get("claimed_by") or ()),
        disputed=bool(d.get("disputed")),
        confidence=float(confidence) if confidence is not None else 0.5,
        reports=reports,
        provenance=provenance,
        context_only=context_only,
    )


def contribution_account(row: Row | dict[str, Any]) -> Event:
    """Return the account (Event) a contributions row records. A row of a contribution written
    in the current ingest holds the dict its record was serialized from (`fields`): built from
    that, without parsing the record back (JSON gives `Event.as_dict()`'s values back equal)."""
    fields = row.get("fields") if isinstance(row, dict) else None
    if fields is None:
        fields = json.loads(row["record"])
    return event_from_dict(fields, context_only=bool(row["context"]))
