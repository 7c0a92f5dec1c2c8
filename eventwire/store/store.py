"""The event store: documents, events with their reports, skips and a revision log.

A store lives in an SQLite file or a PostgreSQL database (`open_store("events.db")`,
`open_store("postgresql://…")`); one Store class writes either through its `dialect`. Each
`write_result` is one transaction, committed before it returns, so a crash mid-batch loses at
most the document being written (how a result is written: `write.py`); a batch runner writes a
chunk of documents in one transaction instead (`write_batch`: one commit, one disk sync, for the
chunk). Not thread-safe: one Store per thread or process. Several processes may write one
store: SQLite lets one write at a time; on PostgreSQL ingests run side by side, each locking its
document and the areas where its events could link (`candidates.area_lock_names`), and the
events it changes (a batch locks all of its documents' first: `batching.py`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, TypeVar

from eventwire import PIPELINE_VERSION
from eventwire.errors import StoreError
from eventwire.models import ACLED_COLUMNS, Event, Skip
from eventwire.resolve.cross_document import DEFAULT_SETTINGS, ResolutionSettings
from eventwire.store.actors import ActorIndex, add_actor_names, index_event_actors
from eventwire.store.batching import batch_actor_names, batch_lock_names, document_lock_names, skip_lock_name
from eventwire.store.dialect import Connection, Dialect, Row
from eventwire.store.filters import ORDER_BY, EventFilters, actor_search_key, where_clause
from eventwire.store.locations import dialect_for
from eventwire.store.migrations import apply_migrations
from eventwire.store.resolution import Resolver
from eventwire.store.rows import (
    BOOL_COLUMNS,
    EXTRA_COLUMNS,
    JSON_COLUMNS,
    REPORTS_SELECT,
    comparable,
    decode_event,
    geo_cell,
    now_iso,
    stored_report,
    to_json,
)
from eventwire.store.sources import SourceRecords, document_record
from eventwire.store.vectors import VectorCache
from eventwire.store.write import DocumentWriter, WriteSummary

if TYPE_CHECKING:  # pipeline imports the stages; importing it at run time could cycle
    from eventwire.pipeline import DocumentResult

logger = logging.getLogger(__name__)

Similarity = Callable[[Event, Event], float]
T = TypeVar("T")

# SQLite caps bound parameters per statement (32766 since 3.32, 999 before).
_IN_CHUNK = 500
# Times an ingest is run again after a deadlock between writers (PostgreSQL).
_INGEST_ATTEMPTS = 3

__all__ = ["Store", "WriteSummary", "open_store"]


class Store:
    """An open event store; use `open_store` to get one, and close it (or use `with`)."""

    def __init__(self, conn: Connection, *, where: str, dialect: Dialect | None = None) -> None:
        self._conn = conn
        self.where = where
        self._batched = False  # inside `batch()`: writes are savepoints of its transaction
        self._held: tuple[set[str], bool] = (set(), False)  # the locks `batch()` took: names, exclusive
        self._batch_failed: StoreError | None = None  # a write of the PostgreSQL batch failed
        # (document id, {pipeline event id: stored event id}) as the last ingest left them, for
        # `resolved_event_ids` to answer without a read; None once anything else was written
        self._resolved: tuple[str, dict[str, str]] | None = None
        self.dialect = dialect or dialect_for(where)
        self._evidence = self.dialect.evidence_index(conn)
        self.migrations_run = apply_migrations(
            conn,
            types=self.dialect.types,
            transaction=self._transaction,
            where=where,
            missing_table=self.dialect.missing_table,
            schema_lock=lambda: self.dialect.schema_lock(conn),
        )
        if self._evidence.missing():  # checked first: a write lock only when there is work
            with self.dialect.schema_lock(conn), self._transaction():
                self._evidence.ensure()
        self._actors = ActorIndex(conn)
        self._writer = DocumentWriter(conn, self._evidence, row_lock=self.dialect.row_lock)
        # the inputs' own ids, URLs read and feed validators (issue 19)
        self.sources = SourceRecords(conn, self._transaction)
        self._resolver = Resolver(self._writer)

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def full_text_search(self) -> bool:
        """Whether text search uses a word index (FTS5, tsvector) rather than a substring scan."""
        return self._evidence.enabled

    @contextmanager
    def _transaction(
        self, what: str = "write", *, locks: Iterable[str] = (), exclusive: bool = False
    ) -> Iterator[None]:
        """Run the block in one write transaction: committed on success, rolled back on error.

        `locks` names what the block writes, `exclusive` that it may write any event: other
        writers of the same things wait (`Dialect.lock`; SQLite lets one writer in at a time).
        Database errors inside become StoreError saying what could not be done.
        """
        error = self.dialect.error
        self._resolved = None
        if self._batched:  # inside `batch()`: a savepoint of its transaction
            with self._savepoint(what, set(locks), exclusive):
                yield
            return
        # writes go out without waiting for their answers (PostgreSQL), BEGIN and the locks
        # included: an error surfaces at the next read or at the commit, and rolls back all
        # the same (after the pipeline is left)
        pipeline = ExitStack()
        pipeline.enter_context(self.dialect.pipelined(self._conn))
        try:
            self._conn.execute(self.dialect.begin)
        except error as e:
            pipeline.close()
            raise StoreError(f"{self.where}: cannot start a write transaction: {e}") from e
        try:
            with pipeline:
                if locks or exclusive:
                    self.dialect.lock(self._conn, locks, exclusive_all=exclusive)
                yield
                self._conn.execute("COMMIT")
        except error as e:
            self._conn.execute("ROLLBACK")
            raise StoreError(f"{self.where}: cannot {what}: {e}") from e
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _savepoint(self, what: str, locks: set[str], exclusive: bool) -> Iterator[None]:
        """Run the block in the batch's transaction, taking the locks the batch did not take.
        SQLite: as a savepoint, rolled back alone when the block fails. PostgreSQL: as it
        is, its statements sent without waiting (a savepoint would wait for their answers at
        its end, to tell an error to the write that caused it: a round trip a document); an
        error fails the batch (`write_batch` then writes one transaction at a time)."""
        error = self.dialect.error
        held, held_all = self._held
        if self.dialect.pipelines:
            if self._batch_failed is not None:  # the transaction is aborted: nothing more goes in
                raise self._batch_failed
            try:
                if (locks - held or exclusive) and not held_all:
                    self.dialect.lock(self._conn, locks - held, exclusive_all=exclusive)
                yield
            except BaseException as e:
                failed = StoreError(f"{self.where}: cannot {what}: {e}") if isinstance(e, error) else None
                self._batch_failed = failed or StoreError(f"{self.where}: a write of the batch failed: {e!r}")
                if failed is not None:
                    raise failed from e
                raise
            return
        try:
            self._conn.execute("SAVEPOINT ew_write")
            yield
            self._conn.execute("RELEASE SAVEPOINT ew_write")
        except BaseException as e:
            self._conn.execute("ROLLBACK TO SAVEPOINT ew_write")
            self._conn.execute("RELEASE SAVEPOINT ew_write")
            if isinstance(e, error):
                raise StoreError(f"{self.where}: cannot {what}: {e}") from e
            raise

    @contextmanager
    def batch(self, items: Iterable[DocumentResult | Skip] = (), *, exclusive: bool = False) -> Iterator[None]:
        """Hold one transaction around the writes of the block (a batch runner's chunk of
        documents), committed once: one disk sync for the chunk instead of one a document. A
        crash loses the block's writes (a batch is resumable). On SQLite each write is a
        savepoint, rolled back alone when it fails; on PostgreSQL a failed write fails the
        block (`_savepoint`). There, where other processes write side by side, the locks the
        writes of `items` (the chunk's results and skips) need are taken first, in one sorted
        order, with the actor names their events bring (`batching.py`); `exclusive`: the block
        may write any event (`write_result`). A deadlock left (rows of events two batches both
        change) fails the block: `write_batch` runs it again."""
        if self._batched:
            yield
            return
        items = list(items)
        names = batch_lock_names(items) if self.dialect.side_by_side else set()
        with self.dialect.batching(self._conn), self._transaction("write a batch", locks=names, exclusive=exclusive):
            # one statement for the batch's actor names: each event's write adds none then
            actor_names = batch_actor_names(items)
            add_actor_names(self._conn, actor_names)
            self._batched, self._held = True, (names, exclusive)
            self._writer.names_stored = set(actor_names)
            try:
                yield
                if self._batch_failed is not None:  # caught inside the block: still no commit
                    raise self._batch_failed
            finally:
                self._batched, self._held, self._batch_failed = False, (set(), False), None
                self._writer.names_stored = set()
                self._resolved = None

    def write_batch(
        self, write: Callable[[], T], items: Iterable[DocumentResult | Skip] = (), *, exclusive: bool = False
    ) -> T:
        """Return what `write` returns, its writes made in one `batch` (its locks: `items`,
        `exclusive`). Run again from the start after a deadlock between writers (PostgreSQL).
        When the batch fails otherwise (or deadlocks _INGEST_ATTEMPTS times), `write` runs
        once more outside a batch, each of its writes a transaction of its own: those before a
        failing write are stored, and its error is raised as that write's. `write` must make
        the same writes each time (nothing of a failed batch was stored)."""
        items = list(items)
        for attempt in range(1, _INGEST_ATTEMPTS + 1):
            try:
                with self.batch(items, exclusive=exclusive):
                    return write()
            except StoreError as e:
                if e.__cause__ is None or not self.dialect.retryable(e.__cause__):
                    logger.info("%s: %s; writing the batch one document at a time", self.where, e)
                    break
                logger.info("%s: %s; writing the batch again (attempt %d)", self.where, e, attempt + 1)
        return write()

    # -- writing ---------------------------------------------------------------------------

    def write_result(
        self,
        result: DocumentResult,
        *,
        pipeline_version: str = PIPELINE_VERSION,
        who: str = "pipeline",
        resolve: bool = False,
    ) -> WriteSummary:
        """Return what storing one document's result did; all of it commits or none of it.

        Events (and context-only mentions) keep the ids the pipeline gave them; with
        `resolve=True` they are resolved against the stored events instead (`ingest`).
        """
        if resolve:
            return self.ingest(result, pipeline_version=pipeline_version, who=who)
        document = result.document
        events = _unique_events(result)
        with self._transaction(f"store document {document.id}", exclusive=True):
            return self._writer.write(document, events, pipeline_version, who)

    def ingest(
        self,
        result: DocumentResult,
        *,
        pipeline_version: str = PIPELINE_VERSION,
        who: str = "pipeline",
        similarity: Similarity | None = None,
        settings: ResolutionSettings | None = None,
    ) -> WriteSummary:
        """Return what storing one document's result with cross-document resolution did.

        In one transaction: each event joins the stored event that reports the same incident
        (`report_added`, keeping that event's id) or creates one; a context mention joins a
        matching event as a secondary report or stays listed for review (context-only). A newer
        pipeline's output replaces the document's earlier accounts first (how: `resolution.py`).
        `similarity` (two events → [0, 1]) defaults to the multilingual sentence encoder.
        """
        _unique_events(result)  # two events of one document never share an id
        resolver = self._resolver_for(similarity, settings)
        # in a batch, a deadlock fails the whole batch (`write_batch` runs it again): its
        # transaction holds the locks of the documents written before
        attempts = 1 if self._batched else _INGEST_ATTEMPTS
        for attempt in range(1, attempts + 1):
            try:
                return self._ingest_once(result, resolver, pipeline_version, who)
            except StoreError as e:
                if attempt == attempts or e.__cause__ is None or not self.dialect.retryable(e.__cause__):
                    raise
                logger.info("%s: %s; storing document %s again", self.where, e, result.document.id)
        raise AssertionError("unreachable")

    def _ingest_once(self, result: DocumentResult, resolver: Resolver, pipeline_version: str, who: str) -> WriteSummary:
        document = result.document
        locks = document_lock_names(result) if self.dialect.side_by_side else ()  # SQLite: one writer
        with self._transaction(f"store document {document.id}", locks=locks):
            # the document's stored row is read with the candidates (on PostgreSQL one round trip)
            pending = resolver.send_candidate_queries(
                (*result.events, *result.context_mentions), document.id, probe=True, document=True
            )
            if not self.dialect.pipelines:
                pending.result()  # an SQLite cursor reads as it goes: read before writing
            stored = pending.document()
            now = now_iso()  # one time for the document's rows and revisions
            duplicate_of = self._writer.record_alias(document, now, stored)
            status, previous = self._writer.upsert_document(document, pipeline_version, now, stored)
            if status in {"unchanged", "kept_newer"}:
                return WriteSummary(document.id, status, previous_version=previous, duplicate_of=duplicate_of)
            reason = None if status == "inserted" else f"reprocessed by pipeline {pipeline_version} (was {previous})"
            decisions, touched = resolver.ingest(
                document,
                result.events,
                result.context_mentions,
                reason=reason,
                who=who,
                reprocessed=status == "reprocessed",
                pending=pending,
                now=now,
            )
            if touched.after is not None:  # as `finish` read the touched events back
                live = {e: alive for e, (alive, _) in touched.after.items()}
                reports = sum(n for _, n in touched.after.values())
            else:
                live, reports = self._live_and_reports(document.id, list(touched.before))
            created = tuple(
                e for e, (old, _) in touched.before.items() if live.get(e) and (old is None or old["deleted"])
            )
            deleted = tuple(e for e in touched.before if not live.get(e))
            joined = tuple(dict.fromkeys(d.target_id for d in decisions if d.action == "join" and d.target_id))
            updated = tuple(e for e in touched.before if live.get(e) and e not in created and e not in joined)
            review = tuple(d.event_id for d in decisions if d.action == "review")
            incoming = (*result.events, *result.context_mentions)
            resolved = {
                e.event_id: (d.target_id if d.action == "join" else None) or e.event_id
                for e, d in zip(incoming, decisions, strict=True)
            }
        # where each account went, unless a merge moved some since (then read back)
        self._resolved = (document.id, resolved) if touched.after is not None else None
        return WriteSummary(
            document.id, status, created, updated, deleted, reports, 0, previous, joined, review, duplicate_of
        )

    def _live_and_reports(self, document_id: str, event_ids: list[str]) -> tuple[dict[str, bool], int]:
        """Return {event id: live} for the stored `event_ids` and the number of reports of the
        document (both queries sent before either is read: one round trip on PostgreSQL)."""
        counted = self._conn.execute("SELECT COUNT(*) FROM reports WHERE document_id = ?", (document_id,))
        live: dict[str, bool] = {}
        if event_ids:
            marks = ", ".join("?" * len(event_ids))
            rows = self._conn.execute(f"SELECT event_id, deleted FROM events WHERE event_id IN ({marks})", event_ids)
            live = {r[0]: not r[1] for r in rows}
        return live, counted.fetchone()[0]

    def resolved_event_ids(self, document_id: str) -> dict[str, str]:
        """Return {pipeline event id: stored event id} for a document's accounts (merges and
        splits followed), e.g. to score cross-document resolution."""
        if self._resolved is not None and self._resolved[0] == document_id:  # the last ingest's
            return dict(self._resolved[1])
        return dict(
            self._conn.execute(
                "SELECT c.origin_event_id, c.event_id FROM contributions c JOIN events e"
                " ON e.event_id = c.event_id WHERE c.document_id = ? AND e.deleted = 0",
                (document_id,),
            ).fetchall()
        )

    def candidates(self, event: Event) -> list[Event]:
        """Return the stored events `event` could join (the blocking step of resolution)."""
        return self._resolver_for(None, None).candidates(event)

    def split_event(self, event_id: str, document_ids: Iterable[str], *, who: str, reason: str) -> str:
        """Return the id of a new event made of the reports of `document_ids`, split off
        `event_id` (a wrong merge). Both are recomputed and logged as `split`; those documents
        will not rejoin `event_id` when re-processed."""
        with self._transaction(f"split event {event_id}", exclusive=True):
            return self._resolver_for(None, None).split(event_id, list(document_ids), who=who, reason=reason)

    def merge_events(self, target_id: str, source_id: str, *, who: str, reason: str) -> None:
        """Merge every report of `source_id` into `target_id` (a missed merge); the source is
        deleted and both are logged as `merged`."""
        with self._transaction(f"merge event {source_id} into {target_id}", exclusive=True):
            self._resolver_for(None, None).merge(target_id, source_id, who=who, reason=reason)

    def _resolver_for(self, similarity: Similarity | None, settings: ResolutionSettings | None) -> Resolver:
        if similarity is None and settings is None:
            return self._resolver
        return Resolver(
            self._writer,
            similarity=similarity or self._resolver.similarity,
            settings=settings or DEFAULT_SETTINGS,
        )

    def stored_versions(self, document_ids: Iterable[str]) -> dict[str, str]:
        """Return {document id: the pipeline version it was stored by} for those of
        `document_ids` the store holds (what a batch runner asks of its inputs to resume)."""
        ids = sorted(set(document_ids))
        out: dict[str, str] = {}
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(f"SELECT id, pipeline_version FROM documents WHERE id IN ({marks})", chunk)
            out.update((row[0], row[1]) for row in rows)
        return out

    def save_vectors(self, vectors: Mapping[str, Any]) -> None:
        """Keep sentence vectors computed elsewhere (a batch runner's workers, by the same
        encoder) in the vector cache, keyed by `similarity.text_key`: cross-document similarity
        looks them up there before it encodes anything (those already kept stay as they are)."""
        if vectors:
            with self._transaction("save sentence vectors"):
                VectorCache(self._conn).save(dict(vectors))

    def record_skip(self, skip: Skip) -> bool:
        """Return True if the skip is new; a repeat (same origin, reason, detail, document)
        only refreshes its time, so re-running a batch does not pile up duplicates."""
        now = now_iso()
        with self._transaction(f"record the skip of {skip.origin}", locks=[skip_lock_name(skip)]):
            existing = self._conn.execute(
                "SELECT id FROM skips WHERE origin = ? AND reason = ? AND detail = ? AND COALESCE(document_id, '') = ?",
                (skip.origin, skip.reason, skip.detail, skip.document_id or ""),
            ).fetchone()
            if existing:
                self._conn.execute("UPDATE skips SET at = ? WHERE id = ?", (now, existing["id"]))
                return False
            self._conn.execute(
                "INSERT INTO skips (origin, reason, detail, document_id, at) VALUES (?, ?, ?, ?, ?)",
                (skip.origin, skip.reason, skip.detail, skip.document_id, now),
            )
            return True

    def correct_event(self, event_id: str, changes: dict[str, Any], *, who: str, reason: str) -> dict[str, Any]:
        """Return the event after an analyst's correction of some of its fields.

        Logged as a `corrected` revision naming who and why. Only ACLED columns and the extra
        output fields (not reports or provenance) can be corrected.
        """
        allowed = set(ACLED_COLUMNS) - {"event_id"} | set(EXTRA_COLUMNS) - {"provenance"}
        unknown = set(changes) - allowed
        if unknown:
            raise StoreError(f"cannot correct field(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
        now = now_iso()
        with self._transaction(f"correct event {event_id}", exclusive=True):
            old = self._live_event_row(event_id)
            before = comparable(old)
            values = {}
            for col, value in changes.items():
                if isinstance(value, date):
                    value = value.isoformat()
                values[col] = (
                    to_json(list(value)) if col in JSON_COLUMNS else (int(value) if col in BOOL_COLUMNS else value)
                )
            merged = {**dict(old), **values}
            values["actor_search"] = actor_search = actor_search_key(
                merged["actor1"],
                merged["actor2"],
                merged["assoc_actor_1"],
                merged["assoc_actor_2"],
            )
            values["geo_cell"] = geo_cell(merged["latitude"], merged["longitude"])
            sets = ", ".join(f"{c} = ?" for c in values)
            self._conn.execute(
                f"UPDATE events SET {sets}, updated_at = ? WHERE event_id = ?",
                [*values.values(), now, event_id],
            )
            index_event_actors(self._conn, event_id, actor_search)
            after = comparable(self._live_event_row(event_id))
            diff = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
            self._writer.add_revision(event_id, now, "corrected", reason, who, diff)
        return self.event(event_id)  # type: ignore[return-value]

    def delete_event(self, event_id: str, *, who: str, reason: str) -> None:
        """Mark an event deleted (kept for its history; `events()` leaves it out)."""
        now = now_iso()
        with self._transaction(f"delete event {event_id}", exclusive=True):
            self._live_event_row(event_id)
            self._conn.execute(
                "UPDATE events SET deleted = 1, updated_at = ? WHERE event_id = ?",
                (now, event_id),
            )
            self._writer.add_revision(event_id, now, "deleted", reason, who, {})

    def _live_event_row(self, event_id: str) -> Row:
        row = self._conn.execute("SELECT * FROM events WHERE event_id = ? AND deleted = 0", (event_id,)).fetchone()
        if row is None:
            raise StoreError(f"no event {event_id!r} in {self.where}")
        return row

    # -- reading ---------------------------------------------------------------------------

    def events(self, filters: EventFilters | None = None) -> list[dict[str, Any]]:
        """Return matching events as output-contract dicts (Event.as_dict()), with reports."""
        filters = filters or EventFilters()
        where, params = where_clause(
            filters,
            distance_sql=self.dialect.distance_sql,
            text_condition=self._evidence.condition,
            actor_condition=self._actors.condition,
        )
        sql = f"SELECT e.* FROM events e {where} ORDER BY {ORDER_BY[filters.order_by]}"
        if filters.limit is not None or filters.offset:
            sql += " LIMIT ? OFFSET ?"
            limit = self.dialect.no_limit if filters.limit is None else filters.limit
            params += [limit, filters.offset]
        try:
            rows = self._conn.execute(sql, params).fetchall()
        except self.dialect.error as e:
            raise StoreError(f"{self.where}: event query failed: {e}") from e
        return self._as_dicts(rows)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """Return one event (deleted ones included) as an output-contract dict, or None."""
        row = self._conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        return self._as_dicts([row])[0] if row else None

    def _as_dicts(self, rows: list[Row]) -> list[dict[str, Any]]:
        ids = [r["event_id"] for r in rows]
        reports: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            for r in self._conn.execute(
                f"{REPORTS_SELECT} WHERE r.event_id IN ({', '.join('?' * len(chunk))})"
                " ORDER BY r.event_id, r.ordinal, r.id",
                chunk,
            ):
                reports[r["event_id"]].append(stored_report(r))
        out = []
        for row in rows:
            d = decode_event(row)
            d["reports"] = reports[row["event_id"]]
            # provenance last, as in Event.as_dict()
            d["provenance"] = d.pop("provenance")
            out.append(d)
        return out

    def counts(self) -> dict[str, int]:
        """Return how many documents, live events, skips, context mentions and deleted events."""
        queries = {
            "documents": "SELECT COUNT(*) FROM documents",
            "events": "SELECT COUNT(*) FROM events WHERE deleted = 0 AND context_only = 0",
            "skips": "SELECT COUNT(*) FROM skips",
            "context_mentions": ("SELECT COUNT(*) FROM events WHERE deleted = 0 AND context_only = 1"),
            "deleted_events": "SELECT COUNT(*) FROM events WHERE deleted = 1",
            "revisions": "SELECT COUNT(*) FROM revisions",
        }
        return {name: self._conn.execute(sql).fetchone()[0] for name, sql in queries.items()}

    def history(self, event_id: str) -> list[dict[str, Any]]:
        """Return the event's revisions, oldest first ([] for an unknown id)."""
        rows = self._conn.execute(
            "SELECT id, event_id, at, action, reason, who, diff FROM revisions WHERE event_id = ? ORDER BY id",
            (event_id,),
        )
        return [{**dict(r), "diff": json.loads(r["diff"])} for r in rows]

    def document(self, document_id: str) -> dict[str, Any] | None:
        """Return a stored document with the ids of the live events it reports, those it only
        recalls (context) and its other external ids (aliases), or None."""
        return document_record(self._conn, document_id)

    def skips(self) -> list[dict[str, Any]]:
        """Return the recorded skips, oldest first."""
        rows = self._conn.execute("SELECT origin, reason, detail, document_id, at FROM skips ORDER BY id")
        return [dict(r) for r in rows]


def open_store(location: str | Path) -> Store:
    """Return the store at `location`, creating it and applying migrations as needed: an SQLite
    file path (":memory:" for a throw-away store), or a PostgreSQL URL
    ("postgresql://user@host:5432/db", an existing database; libpq options such as
    `?options=-csearch_path%3Dteam` pick a schema).

    Raises StoreError if the file is not an SQLite database, the server cannot be reached, or
    the store was written by a newer eventwire.
    """
    dialect = dialect_for(location)
    where = dialect.describe(location)
    conn = dialect.connect(location)
    try:
        return Store(conn, where=where, dialect=dialect)
    except dialect.not_a_database as e:
        conn.close()
        raise StoreError(f"cannot open event store {where}: {e}") from e
    except BaseException:
        conn.close()
        raise


def _unique_events(result: DocumentResult) -> tuple[Event, ...]:
    """Return a document's events and context mentions; raise StoreError if two share an id."""
    events = (*result.events, *result.context_mentions)
    ids = [e.event_id for e in events]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise StoreError(f"document {result.document.id}: duplicate event ids {dupes}")
    return events
