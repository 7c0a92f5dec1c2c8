"""What the store asks of a database backend (SQLite: `sqlite.py`, PostgreSQL: `postgres.py`).

The rest of `eventwire.store` writes one portable SQL: `?` placeholders (the PostgreSQL
connection translates them), `ON CONFLICT … DO NOTHING` rather than `INSERT OR IGNORE`, flags
stored as 0/1 integers, timestamps as ISO 8601 text, no backend functions. A backend supplies
the few pieces that differ: connecting, column types, the "no limit" value, the distance
expression, full-text search, transaction start, and the locks that make several writing
processes safe.

    dialect = dialect_for("postgresql://user@host/db")   # locations.py: which one a location needs
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

# The advisory lock every writer takes: shared by ingests (which also lock the documents and
# areas they touch), exclusive for writes that may touch any event (analyst edits, write_result).
ALL_EVENTS = "eventwire:all-events"


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A DB-API-like connection taking `?` placeholders, in autocommit mode (the store opens
    its transactions itself); rows are read by column name or position."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, seq_of_parameters: Iterable[Sequence[Any]], /) -> Cursor: ...

    def close(self) -> None: ...


class Row(Protocol):
    """A result row: `row["event_id"]`, `row[0]`, `dict(row)`."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def keys(self) -> list[str]: ...


class EvidenceIndex(Protocol):
    """Full-text search over report evidence, kept in step with the `reports` table."""

    enabled: bool  # a word index (rather than a substring scan)

    def missing(self) -> bool:
        """Return whether `ensure` has work to do (read only: no write lock taken)."""
        ...

    def ensure(self) -> None: ...

    def add(self, event_id: str, document_id: str, texts: list[str]) -> None: ...

    def remove(self, event_id: str, document_id: str) -> None: ...

    def condition(self, text: str, event_column: str) -> tuple[str, list[object]]: ...


class Dialect(Protocol):
    name: str
    types: Mapping[str, str]  # column types by role, filled into the migrations
    no_limit: int | None  # the LIMIT meaning "all rows" (an OFFSET needs a LIMIT in SQLite)
    pipelines: bool  # statements go out before earlier answers are read (`pipelined`)
    side_by_side: bool  # other processes write while this one does: `lock` takes locks
    begin: str  # the statement opening a write transaction
    row_lock: str  # appended to a SELECT to lock the rows read until commit ("" if not needed)
    error: type[Exception]  # the driver's base error class
    not_a_database: type[Exception]  # what connecting to something else raises
    missing_table: type[Exception]  # what reading a table that does not exist raises

    def connect(self, location: str | Path) -> Connection: ...

    def describe(self, location: str | Path) -> str:
        """Return the location as shown in messages (a URL without its password)."""
        ...

    def distance_sql(self, lat_column: str, lon_column: str, lat: float, lon: float) -> tuple[str, list[object]]:
        """Return an SQL expression (and its parameters) for the km distance from (lat, lon)."""
        ...

    def evidence_index(self, conn: Connection) -> EvidenceIndex: ...

    def pipelined(self, conn: Connection) -> AbstractContextManager[object]:
        """Hold around a transaction's statements: writes may be sent without waiting for their
        answers (an error then surfaces at a later statement of the same transaction)."""
        ...

    def schema_lock(self, conn: Connection) -> AbstractContextManager[object]:
        """Hold while migrating, so that two processes opening a new database do not both."""
        ...

    def batching(self, conn: Connection) -> AbstractContextManager[object]:
        """Hold around a batch's transaction (`Store.batch`: a savepoint a write)."""
        ...

    def lock(self, conn: Connection, names: Iterable[str], *, exclusive_all: bool = False) -> None:
        """Take, for the current transaction, the write locks named (see `ALL_EVENTS`)."""
        ...

    def retryable(self, error: BaseException) -> bool:
        """Return whether a failed transaction may succeed when run again (a deadlock)."""
        ...


def describe_location(location: str | Path) -> str:
    """Return a location as messages show it: a database URL without its password."""
    if not str(location).lower().startswith(("postgresql://", "postgres://")):
        return str(location)
    parts = urlsplit(str(location))
    if parts.password is None:
        return str(location)
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def lock_key(name: str) -> int:
    """Return a signed 64-bit advisory-lock key for a lock name (stable across processes)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)
