"""Place mentions to output rows and a terminal table (`eventwire geoparse`)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from eventwire.models import PlaceMention

# The table columns of `eventwire geoparse --format table`: (header, row key).
PLACE_TABLE = (
    ("text", "text"),
    ("start", "start"),
    ("name", "name"),
    ("country", "country"),
    ("admin1", "admin1"),
    ("feature", "feature"),
    ("lat", "latitude"),
    ("lon", "longitude"),
    ("prec", "geo_precision"),
    ("relation", "relation"),
)


def place_row(document_id: str, pm: PlaceMention) -> dict[str, Any]:
    """Return one `eventwire geoparse` output row: the mention's span and the place it resolves to."""
    p = pm.place
    return {
        "document_id": document_id,
        "text": pm.span.text,
        "start": pm.span.start,
        "end": pm.span.end,
        "name": p.name if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
        "feature": p.feature if p else None,
        "geonameid": p.geonameid if p else None,
        "geo_precision": p.geo_precision if p else None,
        "relation": pm.relation,
        "reason": pm.reason,
    }


def render_place_table(rows: list[dict[str, Any]]) -> Table:
    """Return the rows of `place_row` as a terminal table (`PLACE_TABLE`'s columns)."""
    table = Table(*(header for header, _ in PLACE_TABLE))
    for r in rows:
        table.add_row(*(str(r[key]) if r[key] is not None else "" for _, key in PLACE_TABLE))
    return table
