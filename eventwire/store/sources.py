"""What the store remembers about where documents came from: the inputs' own ids, the URLs
already read and each feed's validators (ETag, Last-Modified) for conditional GETs.

`Store.sources` is one `SourceRecords` over the store's connection; writes run in the store's
transactions. Tables: documents (external_id, url, indexed by migration 3), skips and
feed_state (migration 3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from eventwire.ingest.fetch import TRANSIENT_REASONS
from eventwire.ingest.robots import ROBOTS_REASON
from eventwire.store.dialect import Connection
from eventwire.store.rows import now_iso

# Skip reasons that say a URL may read well later (the server or the network failed, not the
# page): such a URL is fetched again on the next run; any other skip is final. A page robots.txt
# disallowed is asked again too: the site may allow it later, or the user pass --ignore-robots.
TRANSIENT_SKIP_REASONS = TRANSIENT_REASONS | {ROBOTS_REASON}


@dataclass(frozen=True)
class FeedState:
    """A feed's last answer: its validators for the next conditional GET, and what it gave."""

    feed_url: str
    etag: str | None
    last_modified: str | None
    checked_at: str
    status: str  # "read", "not_modified" or a skip reason
    entries: int  # entries in the last feed body read


def document_record(conn: Connection, document_id: str) -> dict[str, Any] | None:
    """Return a stored document row with `event_ids` (the live events it reports as news),
    `context_ids` (those it only recalls: a context mention kept for review or joined to the
    incident it recalls) and `aliases` (its other external ids), or None."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        return None
    reported = conn.execute(
        "SELECT DISTINCT r.event_id, (e.context_only = 1 OR r.claim_status = 'context') FROM reports r"
        " JOIN events e ON e.event_id = r.event_id WHERE r.document_id = ? AND e.deleted = 0",
        (document_id,),
    ).fetchall()
    event_ids = sorted({r[0] for r in reported if not r[1]})
    context_ids = sorted({r[0] for r in reported if r[1]} - set(event_ids))
    aliases = [
        r[0]
        for r in conn.execute(
            "SELECT external_id FROM document_aliases WHERE document_id = ? ORDER BY added_at, external_id",
            (document_id,),
        )
    ]
    return {**dict(row), "event_ids": event_ids, "context_ids": context_ids, "aliases": aliases}


class SourceRecords:
    """Reads and writes the source tables of one open store (`Store.sources`)."""

    def __init__(self, conn: Connection, transaction: Callable[[str], AbstractContextManager[None]]) -> None:
        self._conn = conn
        self._transaction = transaction

    def documents_by_external_id(self, external_id: str) -> list[dict[str, Any]]:
        """Return the stored documents the input called `external_id` (newest first), as their
        first id or as an alias (the same text sent again under it), each as `Store.document`
        returns it."""
        rows = self._conn.execute(
            "SELECT id FROM documents WHERE external_id = ? OR id IN"
            " (SELECT document_id FROM document_aliases WHERE external_id = ?) ORDER BY ingested_at DESC, id",
            (external_id, external_id),
        ).fetchall()
        return [d for row in rows if (d := document_record(self._conn, row["id"])) is not None]

    def url_done(self, url: str) -> bool:
        """Return whether `url` was read before: stored as a document's URL, or skipped for a
        reason that will not change (`TRANSIENT_SKIP_REASONS` excepted)."""
        if self._conn.execute("SELECT 1 FROM documents WHERE url = ? LIMIT 1", (url,)).fetchone():
            return True
        reasons = {r[0] for r in self._conn.execute("SELECT DISTINCT reason FROM skips WHERE origin = ?", (url,))}
        return bool(reasons - TRANSIENT_SKIP_REASONS)

    def feed_state(self, feed_url: str) -> FeedState | None:
        """Return what the feed answered last time, or None for a feed never read."""
        row = self._conn.execute("SELECT * FROM feed_state WHERE feed_url = ?", (feed_url,)).fetchone()
        return FeedState(**dict(row)) if row else None

    def save_feed_state(
        self, feed_url: str, *, etag: str | None, last_modified: str | None, status: str, entries: int
    ) -> None:
        """Record a feed's answer; validators of a 304 or a failure keep the earlier ones."""
        with self._transaction(f"record the state of feed {feed_url}"):
            self._conn.execute(
                "INSERT INTO feed_state (feed_url, etag, last_modified, checked_at, status, entries)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed_url) DO UPDATE SET"
                " etag = COALESCE(excluded.etag, feed_state.etag),"
                " last_modified = COALESCE(excluded.last_modified, feed_state.last_modified),"
                " checked_at = excluded.checked_at, status = excluded.status, entries = excluded.entries",
                (feed_url, etag, last_modified, now_iso(), status, entries),
            )

    def feeds(self) -> Iterator[FeedState]:
        """Yield the state of every feed read so far, by URL."""
        for row in self._conn.execute("SELECT * FROM feed_state ORDER BY feed_url"):
            yield FeedState(**dict(row))
