"""The actor filter's index: each distinct actor name once, and which events name it.

`EventFilters(actor=...)` matches a case-insensitive substring of any of an event's actors. A
substring cannot use an ordinary index, so matching it against every event's `actor_search`
text read the whole events table (issue 18's load check: p95 255 ms over 100,000 events).
Stores hold far fewer distinct actor names than events, so the filter now matches the substring
against `actor_names` (one row a name, case-folded as `actor_search_key` folds it) and reaches
the events through `event_actor_names`, indexed both ways. Plain tables and portable SQL: the
same on SQLite and PostgreSQL, no extension needed.

    "armed group 1" -> the names holding it -> their events, by index

`ActorIndex.condition` picks, per query, the index or the row-by-row check (see there).
The index is kept in step with `events.actor_search` (one name a line): every statement that
writes that column calls `index_event_actors` in the same transaction; migration 6 fills it for
events written before (`fill_actor_index`).
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from eventwire.store.dialect import Connection
from eventwire.store.filters import actor_pattern, actor_scan

# SQLite caps bound parameters per statement (999 before 3.32).
_CHUNK = 500


def search_names(actor_search: str) -> list[str]:
    """Return the distinct names of an `actor_search` text (`actor_search_key`: a name a line)."""
    return sorted({name for name in actor_search.split("\n") if name})


def _name_ids(conn: Connection, names: Iterable[str]) -> dict[str, int]:
    """Return the id of each name, adding the names not yet stored."""
    wanted = sorted(set(names))
    ids: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        ids.update(conn.execute(f"SELECT name, id FROM actor_names WHERE name IN ({marks})", chunk).fetchall())
    missing = [name for name in wanted if name not in ids]
    if missing:
        conn.executemany(
            "INSERT INTO actor_names (name) VALUES (?) ON CONFLICT (name) DO NOTHING", [(n,) for n in missing]
        )
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            ids.update(conn.execute(f"SELECT name, id FROM actor_names WHERE name IN ({marks})", chunk).fetchall())
    return ids


def index_event_actors(
    conn: Connection, event_id: str, actor_search: str, *, new: bool = False, stored: AbstractSet[str] = frozenset()
) -> None:
    """Record the actor names of one event (its `actor_search` text), replacing earlier ones
    (none when the event is `new`: its row was just inserted). Names in `stored` are known to
    be stored already (a batch adds its events' names first): when all are, none is added.

    Writes only, no read: the names are added where missing and the links made from their
    stored ids in the same statement that looks them up, so on PostgreSQL the statements go
    out without waiting for an answer (no round trip). Names in sorted order: two writers
    adding the same new names never wait on each other in a cycle.
    """
    if not new:
        conn.execute("DELETE FROM event_actor_names WHERE event_id = ?", (event_id,))
    names = search_names(actor_search)
    for start in range(0, len(names), _CHUNK):
        chunk = names[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        if any(name not in stored for name in chunk):
            add_actor_names(conn, chunk)
        conn.execute(
            f"INSERT INTO event_actor_names (name_id, event_id) SELECT id, ? FROM actor_names WHERE name IN ({marks})",
            [event_id, *chunk],
        )


def add_actor_names(conn: Connection, names: list[str]) -> None:
    """Add the names (sorted) not stored yet: a statement per `_CHUNK` names, no read."""
    for start in range(0, len(names), _CHUNK):
        chunk = names[start : start + _CHUNK]
        conn.execute(
            f"INSERT INTO actor_names (name) VALUES {', '.join(['(?)'] * len(chunk))} ON CONFLICT (name) DO NOTHING",
            chunk,
        )


def fill_actor_index(conn: Connection) -> None:
    """Index the actor names of every stored event (migration 6, on a store written before)."""
    rows = [(r[0], search_names(r[1])) for r in conn.execute("SELECT event_id, actor_search FROM events")]
    ids = _name_ids(conn, (name for _, names in rows for name in names))
    conn.executemany(
        "INSERT INTO event_actor_names (name_id, event_id) VALUES (?, ?)",
        [(ids[name], event_id) for event_id, names in rows for name in names],
    )


class ActorIndex:
    """The actor filter of one connection, using the name index where it pays.

    A substring held by few names' events (a named group) selects those events by index: the
    events table is read only for them. One held by many events (a word of many names) is
    checked row by row in the query's order instead, which meets enough matches for a page
    after a few rows, where collecting every match first would read thousands.
    """

    # Events naming a matched name from which the row-by-row check is used (about where both
    # cost the same on a 100,000-event store: ~2,500 index entries against the rows read for
    # a page at that density).
    INDEXED_UP_TO = 2000
    # More matched names than this: a common substring, checked row by row.
    MAX_NAMES = 200

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def condition(self, actor: str) -> tuple[str, list[object]]:
        """Return the actor filter's condition on `events e` and its parameters."""
        if not actor:
            return actor_scan(actor)  # "" matches every event, those without actors too
        pattern = actor_pattern(actor)
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM actor_names WHERE name LIKE ? ESCAPE '\\' LIMIT ?", (pattern, self.MAX_NAMES + 1)
            )
        ]
        if not ids:
            return "1 = 0", []  # no stored actor holds it
        if len(ids) <= self.MAX_NAMES:
            marks = ", ".join("?" * len(ids))
            links = self.conn.execute(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM event_actor_names WHERE name_id IN ({marks}) LIMIT ?) t",
                [*ids, self.INDEXED_UP_TO + 1],
            ).fetchone()[0]
            if links <= self.INDEXED_UP_TO:
                return f"e.event_id IN (SELECT event_id FROM event_actor_names WHERE name_id IN ({marks}))", [*ids]
        return actor_scan(actor)
