"""Blocking for cross-document resolution: which stored events a new one could join, found by
indexed columns only (a 1-degree grid cell and the date; the country and the date), so finding
candidates costs the same in a store of 1k or 100k events; and the lock names covering them.

The queries of all of a document's events, and the reports of every event they find, are sent
before any is read (`send_candidate_queries`): on PostgreSQL they travel together, one round
trip, and a candidate's reports are never read one event at a time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from eventwire.models import Event
from eventwire.resolve.similarity import SAME_INCIDENT_MAX_DAYS_BY_PRECISION, SAME_INCIDENT_MAX_KM
from eventwire.store.dialect import Connection, Row
from eventwire.store.filters import KM_PER_DEGREE_LAT
from eventwire.store.rows import REPORTS_SELECT

# The widest day window any pair can have (time precision 3): what the blocking query spans.
MAX_WINDOW_DAYS = max(SAME_INCIDENT_MAX_DAYS_BY_PRECISION.values())

# makes an Event of an events row and the rows of its reports (`REPORTS_SELECT`, in order)
EventBuilder = Callable[[Row, list[Row]], Event]


def send_candidate_queries(
    conn: Connection,
    events: Iterable[Event],
    document_id: str | None,
    build: EventBuilder,
    count: Callable[[int], None],
    *,
    probe: bool = False,
    document: bool = False,
) -> PendingCandidates:
    """Send the candidate queries of `events` (a statement per event, its clauses in order, the
    first clause finding a row wins), then one for the reports of every event they find, and
    one for the keys the resolution needs besides (`_keys_query`): the events an analyst kept
    apart from `document_id`, with `probe` the events' own ids (`PendingCandidates.stored`: an
    event that creates a new one needs no read of its stored state when no stored event bears
    its id), with `document` the stored row of `document_id` (`PendingCandidates.document`).
    Nothing is read until the result is asked for. `build` makes an Event of a row and the rows
    of its reports; `count` is told how many candidates were found."""
    events = list(events)
    queries: dict[str, Any] = {}
    selects: list[str] = []
    every: list[Any] = []
    for event in events:
        clauses = candidate_clauses(event)
        if not clauses:
            queries[event.event_id] = None
            continue
        sql = " UNION ALL ".join(f"SELECT * FROM events WHERE {where}" for where, _ in clauses)
        params = [p for _, clause_params in clauses for p in clause_params]
        queries[event.event_id] = conn.execute(sql, params)
        selects.extend(f"SELECT event_id FROM events WHERE {where}" for where, _ in clauses)
        every.extend(params)
    reports = None
    if selects:
        reports = conn.execute(
            f"{REPORTS_SELECT} WHERE r.event_id IN ({' UNION '.join(selects)}) ORDER BY r.event_id, r.ordinal, r.id",
            every,
        )
    ids = sorted({event.event_id for event in events}) if probe else []
    keys = _keys_query(document_id if selects else None, ids, document_id if document else None)
    cursor = conn.execute(*keys) if keys is not None else None
    return PendingCandidates(queries, reports, build, count, cursor, probed=probe, document=document)


def _keys_query(apart: str | None, ids: list[str], document: str | None) -> tuple[str, list[Any]] | None:
    """Return one statement (and its parameters) reading, as rows (kind, a, b): the events kept
    apart from document `apart` ("apart", event id), those of `ids` stored ("stored", event id)
    and the stored row of document `document` ("document", external id, pipeline version);
    None when there is nothing to read. One statement, not three: each costs a PostgreSQL
    server a message to parse, bind and run, whatever it returns."""
    parts: list[str] = []
    params: list[Any] = []
    if apart is not None:
        parts.append("SELECT 'apart', event_id, NULL FROM kept_apart WHERE document_id = ?")
        params.append(apart)
    if ids:
        parts.append(f"SELECT 'stored', event_id, NULL FROM events WHERE event_id IN ({', '.join('?' * len(ids))})")
        params.extend(ids)
    if document is not None:
        parts.append("SELECT 'document', external_id, pipeline_version FROM documents WHERE id = ?")
        params.append(document)
    return (" UNION ALL ".join(parts), params) if parts else None


class PendingCandidates:
    """Candidate queries sent for several events (`send_candidate_queries`), read on
    first use: on PostgreSQL they travel with the statements after them, in one round trip."""

    def __init__(
        self,
        queries: dict[str, Any],
        reports: Any,
        build: EventBuilder,
        count: Callable[[int], None],
        keys: Any = None,
        *,
        probed: bool = False,
        document: bool = False,
    ) -> None:
        self._build = build
        self._count = count
        self._queries = queries  # event id -> the cursor of its candidate rows (or None)
        self._reports = reports  # the cursor of every candidate's reports (or None)
        self._keys = keys  # the cursor of `_keys_query` (or None)
        self._probed = probed
        self._asked_document = document
        self._result: dict[str, list[Event]] | None = None
        self._read: tuple[set[str], set[str], dict[str, Any] | None] | None = None

    @property
    def probed(self) -> bool:
        """Whether the events' own ids were looked up (`stored`)."""
        return self._probed

    def _read_keys(self) -> tuple[set[str], set[str], dict[str, Any] | None]:
        """Return (events kept apart, events' own ids stored, the document's row)."""
        if self._read is None:
            apart: set[str] = set()
            stored: set[str] = set()
            row: dict[str, Any] | None = None
            for kind, a, b in self._keys or ():
                if kind == "apart":
                    apart.add(a)
                elif kind == "stored":
                    stored.add(a)
                else:
                    row = {"external_id": a, "pipeline_version": b}
            self._read = apart, stored, row
        return self._read

    def stored(self) -> set[str]:
        """Return which of the events' own ids a stored event bears (as sent: before this
        transaction's own writes of events)."""
        return self._read_keys()[1]

    def document(self) -> dict[str, Any] | None:
        """Return the stored row of the document (external_id, pipeline_version) as sent
        (`send_candidate_queries` with `document`), or None when it is not stored."""
        if not self._asked_document:
            raise ValueError("the document's row was not asked for")
        return self._read_keys()[2]

    def result(self) -> dict[str, list[Event]]:
        """Return {event id: the stored events it could join}."""
        if self._result is None:
            found = {
                event_id: {row["event_id"]: row for row in cursor} if cursor is not None else {}
                for event_id, cursor in self._queries.items()
            }
            reports: dict[str, list[Row]] = {}
            for r in self._reports or ():
                reports.setdefault(r["event_id"], []).append(r)
            apart = self._read_keys()[0]  # read too (an SQLite cursor reads as it goes: before any write)
            out: dict[str, list[Event]] = {}
            for event_id, rows in found.items():
                kept = [(k, row) for k, row in rows.items() if k not in apart]
                self._count(len(kept))
                out[event_id] = [self._build(row, reports.get(k, [])) for k, row in kept]
            self._result = out
        return self._result


def candidate_clauses(event: Event) -> list[tuple[str, list[Any]]]:
    """Return the WHERE clauses (and parameters) finding the stored live events that could
    report the same incident as `event`: same grid cells within SAME_INCIDENT_MAX_KM and the
    date window; same country and window with the same admin1 or a coarse place (region-level,
    unplaced: place hierarchy). An unplaced event, or a region-level one without an admin1,
    takes every event of its country and window."""
    if event.event_date is None or not event.country:
        return []
    # the other side's precision may widen the window: query the widest one (scoring
    # applies the pair's own window)
    lo = (event.event_date - timedelta(days=MAX_WINDOW_DAYS)).isoformat()
    hi = (event.event_date + timedelta(days=MAX_WINDOW_DAYS)).isoformat()
    base = "deleted = 0 AND context_only = 0 AND event_date BETWEEN ? AND ?"
    # a region-level place (geo_precision 3) is coded to the region's centre: its incident
    # may lie in any cell of the region, found by the same admin1 below; without an admin1
    # it is blocked like an unplaced one
    coarse = (
        event.latitude is None
        or event.longitude is None
        or not event.location
        or event.location == event.country
        or ((event.geo_precision or 3) >= 3 and not event.admin1)
    )
    if coarse:
        return [("country = ? AND " + base, [event.country, lo, hi])]
    cells = cells_around(event.latitude, event.longitude, SAME_INCIDENT_MAX_KM)  # type: ignore[arg-type]
    return [
        (f"geo_cell IN ({', '.join('?' * len(cells))}) AND " + base, [*cells, lo, hi]),
        (
            "country = ? AND " + base + " AND (admin1 = ? OR admin1 IS NULL"
            " OR latitude IS NULL OR location IS NULL OR location = country)",
            [event.country, lo, hi, event.admin1],
        ),
    ]


def area_lock_names(country: str | None, latitude: float | None, longitude: float | None) -> set[str]:
    """Return the names of the write locks covering where an event's candidates are looked up
    (`candidate_clauses`): its country and the grid cells within SAME_INCIDENT_MAX_KM.

    Two writers creating events that could link share a name, so one waits for the other and
    then sees its event: a lookup finds an event by its country (locked by both) or by its own
    cell, which its writer locks too (its cell lies in its own neighbourhood)."""
    names = {f"country:{country.casefold()}"} if country else set()
    if latitude is not None and longitude is not None:
        names.update(f"cell:{c}" for c in cells_around(latitude, longitude, SAME_INCIDENT_MAX_KM))
    return names


def cells_around(lat: float, lon: float, km: float) -> list[int]:
    """Return the 1-degree grid cells (events.geo_cell) within `km` of a point."""
    dlat = km / KM_PER_DEGREE_LAT
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    dlon = min(180.0, km / (KM_PER_DEGREE_LAT * cos_lat))
    lats = range(math.floor(max(-90.0, lat - dlat)), math.floor(min(89.999, lat + dlat)) + 1)
    lons = range(math.floor(max(-180.0, lon - dlon)), math.floor(min(179.999, lon + dlon)) + 1)
    return [(a + 90) * 1000 + (o + 180) for a in lats for o in lons]
