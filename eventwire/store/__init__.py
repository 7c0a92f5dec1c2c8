"""store stage: documents, events, reports, skips and a revision log in one SQLite file.

    with open_store("events.db") as store:
        store.write_result(result)          # one transaction per document
        store.events(EventFilters(country="Iraq", min_fatalities=1))

SQLite specifics live in `sqlite.py`; the schema in `migrations.py` (named, numbered steps).
"""

from eventwire.store.filters import EventFilters, FilterError, parse_event_filters
from eventwire.store.migrations import LATEST_VERSION as SCHEMA_VERSION
from eventwire.store.store import Store, WriteSummary, open_store

__all__ = [
    "SCHEMA_VERSION",
    "EventFilters",
    "FilterError",
    "Store",
    "WriteSummary",
    "open_store",
    "parse_event_filters",
]
