"""Government tenures: the period suffix of a country's state forces at a date.

ACLED names state forces, police and governments after the government in office at the event
date, by the year its tenure began ("Military Forces of Ukraine (2019-)"), with the last year
once it has ended ("Police Forces of Mali (2013-2020)") (CODING_RULES.md, "Actors"). The table
is data/government_tenures.tsv; actors.tsv keeps its own per-tenure rows for the countries whose
forces have aliases of their own.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import data_path, line_error, tsv_rows
from eventwire.errors import DataFileError

TENURES_FILE = data_path("government_tenures.tsv")
COLUMNS = ("country", "start", "period")
_PERIOD = re.compile(r"^(\d{4})-(\d{4})?$")


def parse_government_tenures(path: Path) -> dict[str, tuple[tuple[date, str], ...]]:
    """Return country → ((start, period), ...) in time order; raise DataFileError naming file and
    line on a malformed row, a period that does not begin with its start year, or rows of one
    country out of order."""
    out: dict[str, list[tuple[date, str]]] = {}
    for lineno, cells in tsv_rows(path, COLUMNS):

        def fail(message: str, lineno: int = lineno) -> DataFileError:
            return line_error(path, lineno, message)

        if len(cells) != len(COLUMNS) or not all(cells):
            raise fail(f"expected {len(COLUMNS)} non-empty tab-separated columns")
        country, start_text, period = cells
        try:
            start = date.fromisoformat(start_text)
        except ValueError as e:
            raise fail(f"start {start_text!r} must be YYYY-MM-DD") from e
        m = _PERIOD.match(period)
        if not m or int(m.group(1)) != start.year:
            raise fail(f"period {period!r} must be START- or START-END with START = {start.year}")
        if m.group(2) and int(m.group(2)) < start.year:
            raise fail(f"period {period!r} ends before it starts")
        rows = out.setdefault(country, [])
        if rows and rows[-1][0] >= start:
            raise fail(f"{country}: rows must be in time order")
        rows.append((start, period))
    if not out:
        raise DataFileError(f"{path}:1: no tenures")
    return {c: tuple(rows) for c, rows in out.items()}


@lru_cache(maxsize=4)
def load_government_tenures(path: str | None = None) -> dict[str, tuple[tuple[date, str], ...]]:
    """Return the packaged tenure table (or the one at `path`), validated, loaded once."""
    return parse_government_tenures(Path(path) if path else TENURES_FILE)


def government_period(country: str | None, when: date | None) -> str | None:
    """Return the period suffix ("2019-", "2013-2020") of the government of `country` in office
    on `when` (the latest one when `when` is None), or None when the table does not know it."""
    rows = load_government_tenures().get(country or "")
    if not rows:
        return None
    if when is None:
        return rows[-1][1]
    covering = [period for start, period in rows if start <= when]
    return covering[-1] if covering else None
