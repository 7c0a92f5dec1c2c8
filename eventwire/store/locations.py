"""Store locations: an SQLite file path or a PostgreSQL URL, and the backend each needs.

store_location("postgresql://team@db.example.org/events")   # a URL stays text
dialect_for("events.sqlite").name                            # "sqlite"
"""

from __future__ import annotations

from pathlib import Path

from eventwire.store.dialect import Dialect, describe_location

__all__ = ["describe_location", "dialect_for", "is_database_url", "store_location"]

URL_SCHEMES = ("postgresql://", "postgres://")


def is_database_url(location: str | Path) -> bool:
    """Return whether a store location names a database server rather than an SQLite file."""
    return isinstance(location, str) and location.lower().startswith(URL_SCHEMES)


def store_location(value: str | Path) -> str | Path:
    """Return a `--db`/EVENTWIRE_DB value as a location: a URL stays text (a Path would fold its
    "//"), anything else is a file path."""
    return value if is_database_url(value) else Path(value)


def dialect_for(location: str | Path) -> Dialect:
    """Return the backend for a store location (imported on first use)."""
    if is_database_url(location):
        from eventwire.store.postgres import PostgresDialect

        return PostgresDialect()
    from eventwire.store.sqlite import SQLiteDialect

    return SQLiteDialect()
