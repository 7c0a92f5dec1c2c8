"""Named, numbered schema migrations; the `schema_version` table records which ran.

Rules for adding one (datasette's habit): append a new `Migration` with the next number and a
short name; never edit or renumber one that has shipped, since existing files already ran it.
Statements use `{placeholders}` for the few column types that differ between SQLite and
PostgreSQL (`sqlite.TYPES`, `postgres.TYPES`), so the same list builds either schema; the rest
is SQL both accept.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime

from eventwire.errors import StoreError
from eventwire.store.actors import fill_actor_index
from eventwire.store.dialect import Connection

logger = logging.getLogger(__name__)

REVISION_ACTIONS = (
    "created",
    "report_added",
    "merged",
    "split",
    "updated",
    "corrected",
    "deleted",
)


@dataclass(frozen=True)
class Migration:
    """One schema step: its number, a name recorded with it, the statements it runs and, when
    rows must be derived in Python (text split into names), a `fill` run after them."""

    version: int
    name: str
    statements: tuple[str, ...]
    fill: Callable[[Connection], None] | None = None


_ACTIONS_SQL = ", ".join(f"'{a}'" for a in REVISION_ACTIONS)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "initial_schema",
        (
            """CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                external_id TEXT,
                origin TEXT,
                url TEXT,
                outlet TEXT,
                title TEXT,
                published TEXT,
                lang TEXT NOT NULL,
                text TEXT NOT NULL,
                pipeline_version TEXT NOT NULL,
                ingested_at {timestamp} NOT NULL,
                processed_at {timestamp} NOT NULL
            )""",
            """CREATE TABLE skips (
                id {serial_pk},
                origin TEXT NOT NULL,
                reason TEXT NOT NULL,
                detail TEXT NOT NULL,
                document_id TEXT,
                at {timestamp} NOT NULL
            )""",
            """CREATE TABLE events (
                event_id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id),
                event_date TEXT,
                time_precision INTEGER,
                event_type TEXT NOT NULL,
                sub_event_type TEXT NOT NULL,
                actor1 TEXT,
                assoc_actor_1 TEXT,
                actor2 TEXT,
                assoc_actor_2 TEXT,
                country TEXT,
                iso TEXT,
                admin1 TEXT,
                admin2 TEXT,
                location TEXT,
                latitude {float},
                longitude {float},
                geo_precision INTEGER,
                fatalities INTEGER NOT NULL,
                source TEXT NOT NULL,
                notes TEXT NOT NULL,
                fatalities_low INTEGER,
                fatalities_high INTEGER,
                injuries INTEGER,
                claimed_by {json} NOT NULL,
                disputed {bool} NOT NULL,
                confidence {float} NOT NULL,
                provenance {json} NOT NULL,
                context_only {bool} NOT NULL,
                actor_search TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL,
                deleted {bool} NOT NULL
            )""",
            """CREATE TABLE reports (
                id {serial_pk},
                event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
                document_id TEXT NOT NULL REFERENCES documents(id),
                ordinal INTEGER NOT NULL,
                url TEXT,
                outlet TEXT,
                attributed_to TEXT,
                claim_status TEXT NOT NULL,
                evidence {json} NOT NULL,
                fatalities INTEGER
            )""",
            f"""CREATE TABLE revisions (
                id {{serial_pk}},
                event_id TEXT NOT NULL REFERENCES events(event_id),
                at {{timestamp}} NOT NULL,
                action TEXT NOT NULL CHECK (action IN ({_ACTIONS_SQL})),
                reason TEXT,
                who TEXT NOT NULL,
                diff {{json}} NOT NULL
            )""",
            "CREATE INDEX events_event_date ON events (event_date)",
            "CREATE INDEX events_country ON events (country)",
            "CREATE INDEX events_admin1 ON events (admin1)",
            "CREATE INDEX events_type ON events (event_type, sub_event_type)",
            "CREATE INDEX events_document ON events (document_id)",
            "CREATE INDEX events_coordinates ON events (latitude, longitude)",
            "CREATE INDEX reports_event ON reports (event_id)",
            "CREATE INDEX reports_document ON reports (document_id)",
            "CREATE INDEX revisions_event ON revisions (event_id)",
            "CREATE INDEX skips_origin ON skips (origin)",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        2,
        "cross_document_resolution",
        (
            # Each document's own account of an event (the pipeline's event, output-contract
            # JSON): the stored event is recomputed from them, so a report can be split off or
            # replaced by a newer pipeline's output (issue 6). No foreign key on event_id: an
            # account is recorded before the event row it creates is (re)built.
            """CREATE TABLE contributions (
                id {serial_pk},
                event_id TEXT NOT NULL,
                document_id TEXT NOT NULL REFERENCES documents(id),
                origin_event_id TEXT NOT NULL,
                context {bool} NOT NULL,
                record {json} NOT NULL,
                added_at {timestamp} NOT NULL,
                UNIQUE (document_id, origin_event_id)
            )""",
            "CREATE INDEX contributions_event ON contributions (event_id)",
            # Pairs an analyst split apart: the document's reports never rejoin that event.
            """CREATE TABLE kept_apart (
                document_id TEXT NOT NULL REFERENCES documents(id),
                event_id TEXT NOT NULL REFERENCES events(event_id),
                PRIMARY KEY (document_id, event_id)
            )""",
            # Sentence vectors of the text-similarity model, by a hash of the sentence.
            """CREATE TABLE sentence_vectors (
                text_key TEXT PRIMARY KEY,
                model TEXT NOT NULL,
                vector {blob} NOT NULL
            )""",
            # Blocking for resolution: a 1-degree lat/lon cell (portable integer arithmetic;
            # CAST truncates, which is floor for the non-negative offsets, in SQLite; a
            # PostgreSQL store is new, so it has no rows to fill here) and the date.
            "ALTER TABLE events ADD COLUMN geo_cell INTEGER",
            (
                "UPDATE events SET geo_cell = CAST(latitude + 90 AS INTEGER) * 1000"
                " + CAST(longitude + 180 AS INTEGER) WHERE latitude IS NOT NULL"
                " AND longitude IS NOT NULL"
            ),
            "CREATE INDEX events_cell_date ON events (geo_cell, event_date)",
            "CREATE INDEX events_country_date ON events (country, event_date)",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        3,
        "event_query_indexes",
        (
            # Indexes for the event list (`Store.events`, GET /api/events) over large stores
            # (issue 18's load check, 100,000 events). Partial indexes over the live events (the
            # condition every default query carries), so the planner can use them for it:
            # the default order, newest first, read straight off an index (a page at any offset
            # without sorting the table)...
            "CREATE INDEX events_live_date ON events (event_date DESC, event_id) WHERE deleted = 0 AND context_only = 0",
            # ...an event type in date order...
            "CREATE INDEX events_live_type_date ON events (event_type, event_date) WHERE deleted = 0 AND context_only = 0",
            # ...and the country filter as written, a name in any case or an ISO code.
            "CREATE INDEX events_country_key ON events (LOWER(country), event_date)",
            "CREATE INDEX events_iso_key ON events (UPPER(iso), event_date)",
        ),
    ),
    Migration(
        4,
        "sources",
        (
            # The input's own id and the page URL are looked up (events --document-id,
            # GET /api/documents/by-external-id, a feed entry already read).
            "CREATE INDEX documents_external_id ON documents (external_id)",
            "CREATE INDEX documents_url ON documents (url)",
            # Each feed's validators for the next conditional GET, and its last answer.
            """CREATE TABLE feed_state (
                feed_url TEXT PRIMARY KEY,
                etag TEXT,
                last_modified TEXT,
                checked_at {timestamp} NOT NULL,
                status TEXT NOT NULL,
                entries INTEGER NOT NULL
            )""",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        5,
        "document_aliases",
        (
            # Every external id a document was given: the same text sent again under another id
            # (a second JSONL line, another feed) is one document, its other ids kept here
            # (issue 18, D5). The first id stays in documents.external_id.
            """CREATE TABLE document_aliases (
                document_id TEXT NOT NULL REFERENCES documents(id),
                external_id TEXT NOT NULL,
                origin TEXT,
                added_at {timestamp} NOT NULL,
                PRIMARY KEY (document_id, external_id)
            )""",
            "CREATE INDEX document_aliases_external ON document_aliases (external_id)",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        6,
        "actor_names",
        (
            # The actor filter's index (store/actors.py): each distinct case-folded actor name
            # once, and the events naming it. A substring is matched against the few names, not
            # against every event's actor_search (a full scan: issue 18's load check).
            """CREATE TABLE actor_names (
                id {serial_pk},
                name TEXT NOT NULL UNIQUE
            )""",
            """CREATE TABLE event_actor_names (
                name_id INTEGER NOT NULL REFERENCES actor_names(id),
                event_id TEXT NOT NULL REFERENCES events(event_id),
                PRIMARY KEY (name_id, event_id)
            )""",
            "CREATE INDEX event_actor_names_event ON event_actor_names (event_id)",
        ),
        fill=fill_actor_index,
    ),
    Migration(
        7,
        "filter_indexes",
        (
            # The claim-status filter asks, for each event in date order, whether one of its
            # reports has that status: answered from this index alone, without reading reports.
            "CREATE INDEX reports_event_claim ON reports (event_id, claim_status)",
            # An event type in date order, as in migration 3, now also holding the country and
            # ISO code, so that a country filter beside it (a name in any case or a code) is
            # checked in the index and only the events kept are read.
            (
                "CREATE INDEX events_live_type_date_place ON events (event_type, event_date, country, iso)"
                " WHERE deleted = 0 AND context_only = 0"
            ),
            "DROP INDEX events_live_type_date",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def applied_migrations(conn: Connection) -> dict[int, str]:
    """Return {version: name} of the migrations a database has run (empty for a new file)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return dict(conn.execute("SELECT version, name FROM schema_version").fetchall())


def _recorded_migrations(conn: Connection, missing_table: type[Exception]) -> dict[int, str] | None:
    """Return {version: name} without taking the write lock, or None when nothing is recorded yet.

    Opening an up-to-date store then writes nothing: the server opens one per request, and
    concurrent requests waiting for each other's write lock was most of their latency.
    """
    try:
        return dict(conn.execute("SELECT version, name FROM schema_version").fetchall())
    except missing_table:  # no such table
        return None


def apply_migrations(
    conn: Connection,
    *,
    types: Mapping[str, str],
    transaction: Callable[[], AbstractContextManager[object]],
    where: str,
    migrations: tuple[Migration, ...] | None = None,
    missing_table: type[Exception] = sqlite3.OperationalError,
    schema_lock: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> list[str]:
    """Return the names of the migrations run to bring `conn` up to date (each in a transaction).

    Refuses a database whose schema is newer than this code, or whose recorded migrations do not
    match ours (a file written by a fork or a hand-edited schema), since writing to either could
    corrupt it. `where` names the database in error messages; `migrations` defaults to
    `MIGRATIONS`; `missing_table` is what reading a missing table raises. When there is work,
    it is done holding `schema_lock` (two processes opening a new PostgreSQL store at once: the
    second waits, then finds the work done).
    """
    migrations = migrations or MIGRATIONS
    done = _recorded_migrations(conn, missing_table)
    if done is not None and _check_recorded(done, migrations, where) == []:
        return []
    with schema_lock():
        done = _recorded_migrations(conn, missing_table)
        if done is None:  # a new store: create the record in a write transaction
            with transaction():
                done = applied_migrations(conn)
        ran = []
        for migration in _check_recorded(done, migrations, where):
            with transaction():
                # another process may have run it while this one waited for the write lock
                # (SQLite has no schema lock: two processes opening a new file at once)
                if conn.execute("SELECT 1 FROM schema_version WHERE version = ?", (migration.version,)).fetchone():
                    continue
                for statement in migration.statements:
                    conn.execute(statement.format_map(types))
                if migration.fill is not None:
                    migration.fill(conn)
                conn.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, datetime.now(UTC).isoformat()),
                )
            logger.info("%s: applied migration %d %s", where, migration.version, migration.name)
            ran.append(migration.name)
    return ran


def _check_recorded(done: dict[int, str], migrations: tuple[Migration, ...], where: str) -> list[Migration]:
    """Return the migrations still to run; raise StoreError for a schema this code must not
    write (newer, or recording migrations we do not know)."""
    known = {m.version: m for m in migrations}
    newest_known = migrations[-1].version
    if done and max(done) > newest_known:
        raise StoreError(
            f"{where} has schema version {max(done)} ({done[max(done)]!r}), newer than the "
            f"{newest_known} this eventwire knows; upgrade eventwire to open it"
        )
    for version, name in sorted(done.items()):
        if version not in known or known[version].name != name:
            expected = known[version].name if version in known else "none"
            raise StoreError(
                f"{where} records migration {version} as {name!r}, expected {expected!r}; "
                "it was not written by this eventwire"
            )
    return [m for m in migrations if m.version not in done]
