"""Event queries: the `EventFilters` record, the portable SQL it becomes, and
`parse_event_filters`, which reads the filters' text forms for `eventwire events` and
`GET /api/events` alike."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from eventwire.errors import InputError

# order_by value → ORDER BY terms; a leading "-" means descending. Undated events sort last and
# event_id breaks ties, so pages are stable. NULLS LAST is said explicitly, since SQLite and
# PostgreSQL disagree on where NULLs sort by default (both read it: SQLite since 3.30); unlike an
# `(event_date IS NULL)` sort key it lets the date index give the order, so a page of the newest
# events reads a page of the index instead of sorting the whole table (issue 18's load check).
ORDER_BY: dict[str, str] = {
    "event_date": "e.event_date ASC NULLS LAST, e.event_id",
    "-event_date": "e.event_date DESC NULLS LAST, e.event_id",
    "fatalities": "e.fatalities, e.event_id",
    "-fatalities": "e.fatalities DESC, e.event_id",
    "confidence": "e.confidence, e.event_id",
    "-confidence": "e.confidence DESC, e.event_id",
    "updated_at": "e.updated_at, e.event_id",
    "-updated_at": "e.updated_at DESC, e.event_id",
    "event_id": "e.event_id",
}

KM_PER_DEGREE_LAT = 111.2  # 2πR/360 with the mean Earth radius; used for a bounding prefilter


def escape_like(value: str) -> str:
    """Return `value` with LIKE wildcards escaped for `ESCAPE '\\'`."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def actor_search_key(*actors: str | None) -> str:
    """Return the case-folded text the actor filter searches (stored with each event).

    Folding in Python rather than with SQL LOWER() makes "armées" match "ARMÉES": SQLite's LOWER
    folds ASCII only.
    """
    return "\n".join(a.casefold() for a in actors if a)


def actor_pattern(actor: str) -> str:
    """Return the LIKE pattern (`ESCAPE '\\'`) of an actor filter: its case-folded text anywhere."""
    return "%" + escape_like(actor.casefold()) + "%"


def actor_scan(actor: str) -> tuple[str, list[object]]:
    """Return the actor filter as a condition on each event's `actor_search` text (read row by
    row; store/actors.py has the indexed form)."""
    return "e.actor_search LIKE ? ESCAPE '\\'", [actor_pattern(actor)]


@dataclass(frozen=True)
class EventFilters:
    """Which stored events to return; every field left at its default matches everything.

    `bbox` is (min_lon, min_lat, max_lon, max_lat) in degrees, GeoJSON order; a min_lon greater
    than max_lon crosses the antimeridian. `near` is (lat, lon, radius_km). `actor` matches
    actor1, actor2 and the associated actors, as a case-insensitive substring of one of them
    (accents are not folded; store/actors.py indexes it). `country` matches
    the country name (case-insensitive) or its ISO code. `claim_status` keeps events with at least
    one report of that status. `text` searches report evidence (every word, accents ignored, with
    FTS5). `document_id` keeps events reported by the document of that stored id or external id
    (the `id` its input gave it). Deleted events and context-only mentions are left out unless asked for.
    """

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    near: tuple[float, float, float] | None = None
    min_fatalities: int | None = None
    claim_status: str | None = None
    text: str | None = None
    document_id: str | None = None  # events a document reports: its stored id or the input's own id
    limit: int | None = None
    offset: int = 0
    order_by: str = "-event_date"
    include_context: bool = False
    include_deleted: bool = False

    def __post_init__(self) -> None:
        if self.order_by not in ORDER_BY:
            raise InputError(f"order_by {self.order_by!r} is not one of: {', '.join(ORDER_BY)}")
        if self.limit is not None and self.limit < 0:
            raise InputError(f"limit must be 0 or more, got {self.limit}")
        if self.offset < 0:
            raise InputError(f"offset must be 0 or more, got {self.offset}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InputError(f"date_from {self.date_from} is after date_to {self.date_to}")
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise InputError("bbox needs 4 numbers: min_lon, min_lat, max_lon, max_lat")
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (-90 <= min_lat <= max_lat <= 90):
                raise InputError(
                    f"bbox latitudes must satisfy -90 <= min_lat <= max_lat <= 90, got "
                    f"{min_lat}, {max_lat} (order is min_lon, min_lat, max_lon, max_lat)"
                )
            if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
                raise InputError(f"bbox longitudes must lie in [-180, 180], got {self.bbox}")
        if self.near is not None:
            if len(self.near) != 3:
                raise InputError("near needs 3 numbers: lat, lon, radius_km")
            lat, lon, radius = self.near
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or radius < 0:
                raise InputError(f"near must be (lat, lon, radius_km >= 0), got {self.near}")
        if self.text is not None and not self.text.split():
            raise InputError("text search needs at least one word")


class FilterError(InputError):
    """A filter value that cannot be read; `option` names the filter ("bbox", "near", "text")."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"{option}: {message}")
        self.option = option
        self.detail = message


# The text form of each filter that takes several numbers.
NUMBER_LAYOUTS = {"bbox": "min_lon,min_lat,max_lon,max_lat", "near": "lat,lon,radius_km"}


def parse_numbers(value: str | None, option: str) -> tuple[float, ...] | None:
    """Return the numbers of a comma-separated filter value ("40,30,45,35" for bbox, "1.7,40,50"
    for near), None when absent; raise FilterError unless it holds as many finite numbers as
    the filter's layout (NUMBER_LAYOUTS)."""
    if value is None:
        return None
    layout = NUMBER_LAYOUTS[option]
    n = layout.count(",") + 1
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise FilterError(option, f"expected {n} comma-separated numbers ({layout})") from None
    if len(parts) != n or not all(math.isfinite(p) for p in parts):
        raise FilterError(option, f"expected {n} comma-separated finite numbers ({layout})")
    return parts


def parse_search_words(value: str | None) -> str | None:
    """Return a full-text search as given; raise FilterError when it holds control characters."""
    if value is not None and any(ord(c) < 32 for c in value):
        raise FilterError("text", "control characters are not allowed in a search")
    return value


def parse_event_filters(
    *,
    bbox: str | None = None,
    near: str | None = None,
    text: str | None = None,
    **fields: object,
) -> EventFilters:
    """Return the EventFilters of filter values given as text where they are text: `bbox` and
    `near` as comma-separated numbers, `text` a search; the other EventFilters fields (dates,
    country, min_fatalities, limit, order_by…) as they are. Raise FilterError naming the filter
    that cannot be read, or InputError for values EventFilters rejects. Shared by the CLI's
    `eventwire events` and the API's `GET /api/events` so both read filters alike."""
    return EventFilters(
        text=parse_search_words(text),
        bbox=parse_numbers(bbox, "bbox"),  # type: ignore[arg-type]
        near=parse_numbers(near, "near"),  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


def where_clause(
    filters: EventFilters,
    *,
    distance_sql: Callable[[str, str, float, float], tuple[str, list[object]]],
    text_condition: Callable[[str, str], tuple[str, list[object]]],
    actor_condition: Callable[[str], tuple[str, list[object]]] = actor_scan,
) -> tuple[str, list[object]]:
    """Return the WHERE clause (or "") and parameters selecting `filters` from `events e`.

    Backend-specific pieces come in as functions: `distance_sql(lat_col, lon_col, lat, lon)`
    returns the km distance from (lat, lon) as an expression and its parameters;
    `text_condition(text, event_id_col)` returns a full-text condition and its parameters;
    `actor_condition(actor)` the actor filter's (`actor_scan`, or the name index's,
    `actors.ActorIndex.condition`).
    """
    f = filters
    conds: list[str] = []
    params: list[object] = []
    if not f.include_deleted:
        conds.append("e.deleted = 0")
    if not f.include_context:
        conds.append("e.context_only = 0")
    if f.date_from is not None:
        conds.append("e.event_date >= ?")
        params.append(f.date_from.isoformat())
    if f.date_to is not None:
        conds.append("e.event_date <= ?")
        params.append(f.date_to.isoformat())
    if f.country is not None:
        conds.append("(LOWER(e.country) = LOWER(?) OR UPPER(e.iso) = UPPER(?))")
        params += [f.country, f.country]
    if f.admin1 is not None:
        conds.append("LOWER(e.admin1) = LOWER(?)")
        params.append(f.admin1)
    if f.event_type is not None:
        conds.append("e.event_type = ?")
        params.append(f.event_type)
    if f.sub_event_type is not None:
        conds.append("e.sub_event_type = ?")
        params.append(f.sub_event_type)
    if f.actor is not None:
        sql, actor_params = actor_condition(f.actor)
        conds.append(sql)
        params += actor_params
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        conds.append("e.latitude BETWEEN ? AND ?")
        params += [min_lat, max_lat]
        if min_lon <= max_lon:
            conds.append("e.longitude BETWEEN ? AND ?")
            params += [min_lon, max_lon]
        else:  # crosses the antimeridian
            conds.append("(e.longitude >= ? OR e.longitude <= ?)")
            params += [min_lon, max_lon]
    if f.near is not None:
        lat, lon, radius_km = f.near
        # Cheap box first (uses the coordinates index), then the exact great-circle distance.
        dlat = radius_km / KM_PER_DEGREE_LAT
        conds.append("e.latitude BETWEEN ? AND ?")
        params += [lat - dlat, lat + dlat]
        cos_lat = math.cos(math.radians(lat))
        if cos_lat > 1e-6 and radius_km / (KM_PER_DEGREE_LAT * cos_lat) < 180:
            dlon = radius_km / (KM_PER_DEGREE_LAT * cos_lat)
            if lon - dlon >= -180 and lon + dlon <= 180:  # else the box wraps: skip it
                conds.append("e.longitude BETWEEN ? AND ?")
                params += [lon - dlon, lon + dlon]
        distance, distance_params = distance_sql("e.latitude", "e.longitude", lat, lon)
        conds.append(f"{distance} <= ?")
        params += [*distance_params, radius_km]
    if f.min_fatalities is not None:
        conds.append("e.fatalities >= ?")
        params.append(f.min_fatalities)
    _report_conditions(f, conds, params)
    if f.text is not None:
        sql, text_params = text_condition(f.text, "e.event_id")
        conds.append(sql)
        params += text_params
    return ("WHERE " + " AND ".join(conds) if conds else "", params)


def _report_conditions(f: EventFilters, conds: list[str], params: list[object]) -> None:
    """Add the conditions on an event's reports: their claim status, their document (by its
    stored id or by the id its input gave it)."""
    if f.claim_status is not None:
        conds.append("EXISTS (SELECT 1 FROM reports r WHERE r.event_id = e.event_id AND r.claim_status = ?)")
        params.append(f.claim_status)
    if f.document_id is not None:
        conds.append(
            "EXISTS (SELECT 1 FROM reports r JOIN documents d ON d.id = r.document_id"
            " WHERE r.event_id = e.event_id AND (d.id = ? OR d.external_id = ? OR d.id IN"
            " (SELECT document_id FROM document_aliases WHERE external_id = ?)))"
        )
        params += [f.document_id, f.document_id, f.document_id]
