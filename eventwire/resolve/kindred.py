"""Kindred sub-event types: pairs of ACLED sub-event types that two accounts of one incident may
give it (data/taxonomy/kindred_sub_types.tsv, checked on load). Invented: a roadside bomb that
killed villagers is an "Attack" for one outlet and a "Remote explosive/landmine/IED" for another.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from eventwire.datafiles import data_path, line_error, tsv_rows
from eventwire.taxonomy import SUB_EVENT_TO_TYPE

KINDRED_PATH = data_path("taxonomy", "kindred_sub_types.tsv")
COLUMNS = ("sub_event_type", "kindred_sub_event_type", "example")


def load_kindred_sub_types(path: Path = KINDRED_PATH) -> frozenset[frozenset[str]]:
    """Return the kindred pairs of a data file; DataFileError naming the line when a row is not
    two different known sub-event types and an example, or repeats a pair."""
    pairs: set[frozenset[str]] = set()
    for lineno, cells in tsv_rows(path, COLUMNS):
        if len(cells) != len(COLUMNS) or not all(cells):
            raise line_error(path, lineno, f"expected {len(COLUMNS)} non-empty tab-separated cells")
        a, b, _example = cells
        for name in (a, b):
            if name not in SUB_EVENT_TO_TYPE:
                raise line_error(path, lineno, f"unknown sub-event type {name!r} (taxonomy/acled.yaml)")
        if a == b:
            raise line_error(path, lineno, f"{a!r} is paired with itself")
        pair = frozenset({a, b})
        if pair in pairs:
            raise line_error(path, lineno, f"the pair {a!r} / {b!r} is listed twice")
        pairs.add(pair)
    return frozenset(pairs)


@cache
def kindred_sub_types() -> frozenset[frozenset[str]]:
    """Return the kindred pairs of the project's data file (read once)."""
    return load_kindred_sub_types()


def sub_types_kindred(a: str, b: str) -> bool:
    """Return whether two different sub-event types are a kindred pair."""
    return a != b and frozenset({a, b}) in kindred_sub_types()
