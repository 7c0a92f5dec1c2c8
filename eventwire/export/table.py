"""Event dicts to a rich Table a person can read in a terminal."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from rich.table import Table

# (header, justify) in display order.
_COLUMNS: tuple[tuple[str, Literal["left", "right"]], ...] = (
    ("date", "left"),
    ("type / sub-type", "left"),
    ("actor1", "left"),
    ("actor2", "left"),
    ("location", "left"),
    ("admin1", "left"),
    ("country", "left"),
    ("lat/lon", "right"),
    ("fatalities", "right"),
    ("claimed by", "left"),
    ("confidence", "right"),
)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _fatalities(event: dict[str, Any]) -> str:
    """Return "3", or "3 (2-5)" when the text gave a range around the ACLED figure."""
    best = _text(event.get("fatalities"))
    low, high = event.get("fatalities_low"), event.get("fatalities_high")
    if low is not None and high is not None and (low, high) != (event.get("fatalities"),) * 2:
        return f"{best} ({low}-{high})"
    return best


def _coordinates(event: dict[str, Any]) -> str:
    lat, lon = event.get("latitude"), event.get("longitude")
    if lat is None or lon is None:
        return ""
    return f"{lat:.4f}, {lon:.4f}"


def render_table(events: Iterable[dict[str, Any]], *, title: str | None = None) -> Table:
    """Return a rich Table with one row per event (the columns an analyst scans first)."""
    table = Table(title=title, show_lines=True, expand=False)  # cells span lines
    for header, justify in _COLUMNS:
        table.add_column(header, justify=justify, overflow="fold", no_wrap=header == "date")
    for event in events:
        sub = event.get("sub_event_type")
        kind = _text(event.get("event_type")) + (f"\n{sub}" if sub else "")
        confidence = event.get("confidence")
        table.add_row(
            _text(event.get("event_date")),
            kind,
            _text(event.get("actor1")),
            _text(event.get("actor2")),
            _text(event.get("location")),
            _text(event.get("admin1")),
            _text(event.get("country")),
            _coordinates(event),
            _fatalities(event),
            ", ".join(event.get("claimed_by") or ()),
            "" if confidence is None else f"{confidence:.2f}",
        )
    return table
