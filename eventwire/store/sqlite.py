"""Everything SQLite-specific: connecting, pragmas, column types, distance and full-text search.

The rest of `eventwire.store` writes portable SQL (`?` placeholders, `ON CONFLICT`, no SQLite
functions); `SQLiteDialect` is this backend's side of `dialect.Dialect` (PostgreSQL's is in
`postgres.py`).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from eventwire.errors import StoreError
from eventwire.geo import haversine_km
from eventwire.store.dialect import Connection
from eventwire.store.filters import escape_like

logger = logging.getLogger(__name__)

# Column types the migrations name by role (PostgreSQL's: `postgres.TYPES`).
TYPES = {
    "serial_pk": "INTEGER PRIMARY KEY",
    "float": "REAL",
    "json": "TEXT",
    "bool": "INTEGER",
    "timestamp": "TEXT",
    "blob": "BLOB",
}

# SQLite needs a LIMIT before an OFFSET; -1 means "no limit" (PostgreSQL: LIMIT ALL).
NO_LIMIT = -1

# Writers wait this long for another connection's write lock before failing.
BUSY_TIMEOUT_MS = 5000


def _distance_or_none(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float | None:
    """Return the km distance, or None (SQL NULL) when a coordinate is missing."""
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    return haversine_km(lat1, lon1, lat2, lon2)


def distance_sql(lat_column: str, lon_column: str, lat: float, lon: float) -> tuple[str, list[object]]:
    """Return an SQL expression (and its parameters) for the km distance from (lat, lon) to a
    row's point."""
    return f"ew_distance_km({lat_column}, {lon_column}, ?, ?)", [lat, lon]


def connect(path: str | Path) -> sqlite3.Connection:
    """Return a connection in autocommit mode (transactions are explicit), WAL, foreign keys on.

    `path` may be ":memory:" for a throw-away store. Parent folders are created, so a default
    location works with zero set-up.
    """
    where = str(path)
    if where != ":memory:":
        _check_location(Path(path))
    try:
        conn = sqlite3.connect(where, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except sqlite3.DatabaseError as e:
        raise StoreError(f"cannot open event store {where}: {e}") from e
    if mode.lower() != "wal" and where != ":memory:":
        logger.warning("%s: journal mode is %s, not WAL (file system without WAL support?)", where, mode)
    conn.create_function("ew_distance_km", 4, _distance_or_none, deterministic=True)
    return conn


def _check_location(path: Path) -> None:
    """Create the store's parent folders; raise StoreError, in one line, when the path cannot
    hold an SQLite file (a folder, or a parent that is a regular file)."""
    if path.is_dir():
        raise StoreError(f"cannot open event store {path}: it is a folder, not an SQLite file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocking = next((p for p in reversed(path.parents) if p.exists() and not p.is_dir()), path.parent)
        raise StoreError(f"cannot create event store {path}: {blocking} is a file, not a folder") from None
    except OSError as e:
        raise StoreError(f"cannot create the folder of event store {path}: {e.strerror or e}") from None


@contextmanager
def journals_in_memory(conn: Connection) -> Iterator[None]:
    """Keep the connection's temporary files in memory for the block (a batch's transaction).

    Each write of a batch is a savepoint, whose journal keeps every page the write changes as it
    was before (a document changes dozens: the events table's indexes, the reports, the
    full-text index); past 64 KiB SQLite moves such a journal to a temporary file, so a batch
    wrote ~150 KB per document to /var/tmp in ~70 write calls (read back only when a write
    fails). In memory that costs no system call. Only for the batch: a query sorting many rows
    (the other use of temporary files) still spills to disk.
    """
    conn.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        conn.execute("PRAGMA temp_store = DEFAULT")


_FTS5: dict[str, bool] = {}  # SQLite library version → compiled with FTS5 (one library a process)


def fts5_available(conn: Connection) -> bool:
    """Return whether this SQLite library was compiled with FTS5."""
    if sqlite3.sqlite_version not in _FTS5:
        options = {row[0] for row in conn.execute("PRAGMA compile_options")}
        _FTS5[sqlite3.sqlite_version] = "ENABLE_FTS5" in options
    return _FTS5[sqlite3.sqlite_version]


class EvidenceIndex:
    """Full-text search over report evidence: FTS5 when compiled in, else a LIKE scan.

    The FTS5 table is a derived index, not part of the numbered migrations: it is created (and
    filled from `reports`) when first missing, so a file written where FTS5 was absent gains the
    index once opened with an SQLite that has it. PostgreSQL would use a tsvector column instead.
    """

    TABLE = "evidence_fts"

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.enabled = fts5_available(conn)
        if not self.enabled:
            logger.warning(
                "SQLite %s lacks FTS5: text search falls back to a slow substring scan "
                "(install a Python whose sqlite3 has FTS5 for ranked word search)",
                sqlite3.sqlite_version,
            )

    def missing(self) -> bool:
        """Return whether `ensure` has work to do (read only: no write lock taken)."""
        if not self.enabled:
            return False
        exists = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (self.TABLE,)
        ).fetchone()
        return exists is None

    def ensure(self) -> None:
        """Create the FTS5 table and index the stored evidence if the table is missing.

        Must run inside a write transaction.
        """
        if not self.missing():
            return
        # remove_diacritics 2: "frappe" finds "frappé" (French and transliterated names).
        self._conn.execute(
            f"CREATE VIRTUAL TABLE {self.TABLE} USING fts5("
            " text, event_id UNINDEXED, document_id UNINDEXED,"
            " tokenize = 'unicode61 remove_diacritics 2')"
        )
        rows = self._conn.execute("SELECT event_id, document_id, evidence FROM reports")
        self._conn.executemany(
            f"INSERT INTO {self.TABLE} (text, event_id, document_id) VALUES (?, ?, ?)",
            [
                (item["text"], row["event_id"], row["document_id"])
                for row in rows.fetchall()
                for item in json.loads(row["evidence"])
            ],
        )

    def add(self, event_id: str, document_id: str, texts: list[str]) -> None:
        if self.enabled:
            self._conn.executemany(
                f"INSERT INTO {self.TABLE} (text, event_id, document_id) VALUES (?, ?, ?)",
                [(t, event_id, document_id) for t in texts],
            )

    def remove(self, event_id: str, document_id: str) -> None:
        if self.enabled:
            self._conn.execute(
                f"DELETE FROM {self.TABLE} WHERE event_id = ? AND document_id = ?",
                (event_id, document_id),
            )

    def condition(self, text: str, event_column: str) -> tuple[str, list[object]]:
        """Return an SQL condition (and its parameters) true for events whose evidence matches.

        With FTS5 every word must occur (any order, accents ignored); without, the whole phrase
        must occur as a substring of some evidence (ASCII case-insensitive).
        """
        if self.enabled:
            words = text.split()
            # Quote each word so user input cannot be read as FTS5 query syntax.
            query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
            return (
                f"{event_column} IN (SELECT event_id FROM {self.TABLE} WHERE {self.TABLE} MATCH ?)",
                [query],
            )
        pattern = "%" + escape_like(text) + "%"
        return (
            f"{event_column} IN (SELECT event_id FROM reports WHERE evidence LIKE ? ESCAPE '\\')",
            [pattern],
        )


class SQLiteDialect:
    """The SQLite backend (`dialect.Dialect`): one file, one writer at a time."""

    name = "sqlite"
    types: Mapping[str, str] = TYPES
    no_limit: int | None = NO_LIMIT
    # IMMEDIATE takes the write lock now, so a second writer waits (busy timeout) here instead
    # of failing half-way through; it also serializes writing processes, so `lock` has nothing
    # left to do.
    pipelines = False  # statements sent before the answers of earlier ones are read
    side_by_side = False  # one writer at a time (BEGIN IMMEDIATE)
    begin = "BEGIN IMMEDIATE"
    row_lock = ""
    error: type[Exception] = sqlite3.Error
    not_a_database: type[Exception] = sqlite3.DatabaseError
    missing_table: type[Exception] = sqlite3.OperationalError

    def connect(self, location: str | Path) -> sqlite3.Connection:
        return connect(location)

    def describe(self, location: str | Path) -> str:
        return str(location)

    def distance_sql(self, lat_column: str, lon_column: str, lat: float, lon: float) -> tuple[str, list[object]]:
        return distance_sql(lat_column, lon_column, lat, lon)

    def evidence_index(self, conn: Connection) -> EvidenceIndex:
        return EvidenceIndex(conn)

    def schema_lock(self, conn: Connection) -> AbstractContextManager[object]:
        return nullcontext()

    def pipelined(self, conn: Connection) -> AbstractContextManager[object]:
        return nullcontext()

    def batching(self, conn: Connection) -> AbstractContextManager[object]:
        return journals_in_memory(conn)

    def lock(self, conn: Connection, names: Iterable[str], *, exclusive_all: bool = False) -> None:
        return None

    def retryable(self, error: BaseException) -> bool:
        return False
