"""How one document's result becomes rows and revisions (inside the caller's transaction).

Re-ingesting a document (its id is the hash of its text):
  1. not stored yet → insert it, its events and reports; each event gets a `created` revision;
  2. stored by the same pipeline_version → change nothing (idempotent);
  3. stored by an older pipeline_version → replace what it contributed: events it reports are
     rewritten (`updated` revision with the diff when something changed), new ones `created`,
     ones it no longer reports `deleted` (unless another document still reports them);
  4. stored by a newer pipeline_version → keep the newer output, log a warning.
Fields an analyst corrected (`Store.correct_event`) keep the correction when the pipeline
rewrites the event.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from eventwire.errors import StoreError
from eventwire.models import Document, Event, Report
from eventwire.store.actors import index_event_actors
from eventwire.store.dialect import Connection, EvidenceIndex, Row
from eventwire.store.filters import actor_search_key
from eventwire.store.migrations import REVISION_ACTIONS
from eventwire.store.rows import (
    REPORTS_SELECT,
    comparable,
    event_row,
    geo_cell,
    now_iso,
    report_row,
    stored_report,
    to_json,
)

logger = logging.getLogger(__name__)

WriteStatus = Literal["inserted", "unchanged", "reprocessed", "kept_newer"]
# a stored document's row as `record_alias` and `upsert_document` read it: external_id and
# pipeline_version (a row, or a dict of both)
StoredDocument = Row | Mapping[str, Any]


@dataclass(frozen=True)
class WriteSummary:
    """What `Store.write_result` did with one document."""

    document_id: str
    status: WriteStatus
    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    reports_added: int = 0  # reports written (replacements included)
    reports_skipped: int = 0  # reports naming a document the store does not hold
    previous_version: str | None = None
    joined: tuple[str, ...] = ()  # stored events this document's reports joined (issue 6)
    review: tuple[str, ...] = ()  # context mentions that matched no event, kept for review
    # the same text was stored before under another external id: that id (else the stored
    # document's id); the new id is kept as an alias (`document_aliases`)
    duplicate_of: str | None = None


@dataclass
class _Plan:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    reports_added: int = 0
    reports_skipped: int = 0


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Return a sort key for "0.10.1" > "0.9.2"; non-numeric parts compare as text after numbers."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.+-]", version))


class DocumentWriter:
    """Writes documents, events, reports and revisions; the caller owns the transaction."""

    def __init__(self, conn: Connection, evidence: EvidenceIndex, *, row_lock: str = "") -> None:
        self.conn = conn
        self.evidence = evidence
        self.row_lock = row_lock  # appended to a SELECT that locks the rows it reads, if any
        # actor names known stored in the current transaction (`Store.batch` adds its events')
        self.names_stored: set[str] = set()

    def write(self, document: Document, events: tuple[Event, ...], pipeline_version: str, who: str) -> WriteSummary:
        """Return what storing `events` for `document` did (see the module docstring)."""
        now = now_iso()
        stored = self.stored_document(document.id)
        duplicate_of = self.record_alias(document, now, stored)
        status, previous = self.upsert_document(document, pipeline_version, now, stored)
        if status in {"unchanged", "kept_newer"}:
            return WriteSummary(document.id, status, previous_version=previous, duplicate_of=duplicate_of)
        if status == "inserted":
            plan = self._replace_contribution(document.id, events, now, who, reason=None)
        else:
            reason = f"reprocessed by pipeline {pipeline_version} (was {previous})"
            plan = self._replace_contribution(document.id, events, now, who, reason=reason)
        return WriteSummary(
            document.id,
            status,
            tuple(plan.created),
            tuple(plan.updated),
            tuple(plan.deleted),
            plan.reports_added,
            plan.reports_skipped,
            previous,
            duplicate_of=duplicate_of,
        )

    def stored_document(self, document_id: str) -> Row | None:
        """Return the stored row of a document (its external id and pipeline version), or None:
        read once for `record_alias` and `upsert_document` (an ingest reads it with its
        candidates: `PendingCandidates.document`)."""
        return self.conn.execute(
            "SELECT external_id, pipeline_version FROM documents WHERE id = ?", (document_id,)
        ).fetchone()

    def record_alias(self, document: Document, now: str, stored: StoredDocument | None) -> str | None:
        """Return what a document already stored under another external id is a duplicate of
        (that id, else the stored document's id), after keeping the new id as an alias; None
        when the document is new or comes under its stored id (or none). `stored`: its row
        (`stored_document`)."""
        if document.external_id is None:
            return None
        if stored is None or stored["external_id"] == document.external_id:
            return None
        self.conn.execute(
            "INSERT INTO document_aliases (document_id, external_id, origin, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (document_id, external_id) DO NOTHING",
            (document.id, document.external_id, document.origin, now),
        )
        return str(stored["external_id"] or document.id)

    def upsert_document(
        self, document: Document, pipeline_version: str, now: str, stored: StoredDocument | None
    ) -> tuple[WriteStatus, str | None]:
        """Return (status, previous pipeline version) after storing the document row (`stored`:
        the row as read before, `stored_document`).

        `unchanged` and `kept_newer` leave the row as it is (cases 2 and 4 of the module doc).
        """
        doc_values = (
            document.external_id,
            document.origin,
            document.url,
            document.outlet,
            document.title,
            document.published.isoformat() if document.published else None,
            document.lang,
            document.text,
            pipeline_version,
        )
        if stored is None:
            self.conn.execute(
                "INSERT INTO documents (external_id, origin, url, outlet, title, published, lang,"
                " text, pipeline_version, ingested_at, processed_at, id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*doc_values, now, now, document.id),
            )
            return "inserted", None
        previous = stored["pipeline_version"]
        if previous == pipeline_version:
            return "unchanged", previous
        if version_key(previous) > version_key(pipeline_version):
            logger.warning(
                "document %s was processed by pipeline %s, newer than %s; kept as is",
                document.id,
                previous,
                pipeline_version,
            )
            return "kept_newer", previous
        self.conn.execute(
            "UPDATE documents SET external_id = ?, origin = ?, url = ?, outlet = ?,"
            " title = ?, published = ?, lang = ?, text = ?, pipeline_version = ?,"
            " processed_at = ? WHERE id = ?",
            (*doc_values, now, document.id),
        )
        return "reprocessed", previous

    def _replace_contribution(
        self,
        document_id: str,
        events: tuple[Event, ...],
        now: str,
        who: str,
        *,
        reason: str | None,
    ) -> _Plan:
        """Make the store say what `events` say for `document_id`; return what changed."""
        plan = _Plan()
        # Events this document reported before (through its own reports or as their origin).
        before = {
            row["event_id"]
            for row in self.conn.execute(
                "SELECT event_id FROM reports WHERE document_id = ?"
                " UNION SELECT event_id FROM events WHERE document_id = ? AND deleted = 0",
                (document_id, document_id),
            )
        }
        known_documents: dict[str, bool] = {document_id: True}
        for event in events:
            old = self.conn.execute("SELECT * FROM events WHERE event_id = ?", (event.event_id,)).fetchone()
            old_reports = self.reports_of(event.event_id) if old is not None else []
            row = event_row(event)
            if old is None:
                self.insert_event(event.event_id, document_id, row, now)
                self.add_revision(event.event_id, now, "created", reason, who, {"event": comparable(row)})
                plan.created.append(event.event_id)
            else:
                row = self._keep_corrections(event.event_id, old, row)
                self.update_event(event.event_id, row, now)
            self._replace_reports(event, document_id, known_documents, plan)
            if old is not None:
                self._record_update(event.event_id, old, old_reports, row, now, who, reason, plan)
        for event_id in sorted(before - {e.event_id for e in events}):
            self._withdraw(event_id, document_id, now, who, reason, plan)
        return plan

    def _replace_reports(self, event: Event, document_id: str, known_documents: dict[str, bool], plan: _Plan) -> None:
        """Replace the reports of the documents this result speaks for: the current one, and any
        other stored document whose report the pipeline merged into this event."""
        added_reports = []
        for ordinal, report in enumerate(event.reports):
            if report.document_id not in known_documents:
                known_documents[report.document_id] = (
                    self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (report.document_id,)).fetchone()
                    is not None
                )
            if not known_documents[report.document_id]:
                logger.warning(
                    "event %s: report from unknown document %s not stored",
                    event.event_id,
                    report.document_id,
                )
                plan.reports_skipped += 1
                continue
            added_reports.append((ordinal, report))
        for doc_id in {r.document_id for _, r in added_reports} | {document_id}:
            self.delete_reports(event.event_id, doc_id)
        for ordinal, report in added_reports:
            self.insert_report(event.event_id, ordinal, report)
        plan.reports_added += len(added_reports)

    def _record_update(
        self,
        event_id: str,
        old: Row,
        old_reports: list,
        row: dict[str, Any],
        now: str,
        who: str,
        reason: str | None,
        plan: _Plan,
    ) -> None:
        """Log a revision for a stored event whose fields or reports the result changed."""
        new_fields = comparable(row)
        diff = {k: [v, new_fields[k]] for k, v in comparable(old).items() if v != new_fields[k]}
        new_reports = self.reports_of(event_id)
        if old["deleted"]:
            diff["deleted"] = [True, False]
        if not diff and new_reports == old_reports:
            return
        if new_reports != old_reports:
            diff["reports"] = [old_reports, new_reports]
        gained = {r["document_id"] for r in new_reports} - {r["document_id"] for r in old_reports}
        action = "report_added" if reason is None and gained else "updated"
        self.add_revision(event_id, now, action, reason, who, diff)
        plan.updated.append(event_id)

    def _withdraw(
        self,
        event_id: str,
        document_id: str,
        now: str,
        who: str,
        reason: str | None,
        plan: _Plan,
    ) -> None:
        """Remove the document's report from an event it no longer reports; an event left
        without reports is deleted (kept in the revision log)."""
        self.delete_reports(event_id, document_id)
        remaining = self.conn.execute("SELECT COUNT(*) FROM reports WHERE event_id = ?", (event_id,)).fetchone()[0]
        if remaining:
            self.add_revision(event_id, now, "updated", reason, who, {"reports_removed": [document_id]})
            plan.updated.append(event_id)
            return
        self.conn.execute("UPDATE events SET deleted = 1, updated_at = ? WHERE event_id = ?", (now, event_id))
        self.add_revision(event_id, now, "deleted", reason, who, {})
        plan.deleted.append(event_id)

    def _keep_corrections(
        self, event_id: str, old: Row, row: dict[str, Any], corrected: set[str] | None = None
    ) -> dict[str, Any]:
        """Return `row` with the stored values of the fields analysts have corrected (the
        `corrected` fields when the caller read them already)."""
        if corrected is None:
            corrected = set()
            for (diff,) in self.conn.execute(
                "SELECT diff FROM revisions WHERE event_id = ? AND action = 'corrected'", (event_id,)
            ):
                corrected.update(json.loads(diff))
        if not corrected:
            return row
        kept = {**row, **{col: old[col] for col in corrected if col in row}}
        kept["actor_search"] = actor_search_key(
            kept["actor1"], kept["actor2"], kept["assoc_actor_1"], kept["assoc_actor_2"]
        )
        if "geo_cell" in kept:
            kept["geo_cell"] = geo_cell(kept["latitude"], kept["longitude"])
        return kept

    def insert_event(self, event_id: str, document_id: str, row: dict[str, Any], now: str) -> None:
        # `row` holds the event's own event_id too: a column named twice is an error in PostgreSQL
        fields = {k: v for k, v in row.items() if k != "event_id"}
        cols = ["event_id", "document_id", *fields, "created_at", "updated_at", "deleted"]
        values = [event_id, document_id, *fields.values(), now, now, 0]
        self.conn.execute(
            f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            values,
        )
        if "actor_search" in fields:
            index_event_actors(self.conn, event_id, fields["actor_search"], new=True, stored=self.names_stored)

    def update_event(self, event_id: str, row: dict[str, Any], now: str, old_actors: str | None = None) -> None:
        """Rewrite a stored event's row; `old_actors`: its stored `actor_search`, when known (the
        actor index, kept in step with it, is left as it is when the row's is the same)."""
        sets = ", ".join(f"{c} = ?" for c in row)
        self.conn.execute(
            f"UPDATE events SET {sets}, updated_at = ?, deleted = 0 WHERE event_id = ?",
            [*row.values(), now, event_id],
        )
        if "actor_search" in row and row["actor_search"] != old_actors:
            index_event_actors(self.conn, event_id, row["actor_search"], stored=self.names_stored)

    def insert_report(self, event_id: str, ordinal: int, report: Report) -> None:
        row = report_row(report)
        cols = ["event_id", "ordinal", *row]
        self.conn.execute(
            f"INSERT INTO reports ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [event_id, ordinal, *row.values()],
        )
        self.evidence.add(event_id, report.document_id, [e.text for e in report.evidence])

    def delete_reports(self, event_id: str, document_id: str) -> None:
        deleted = self.conn.execute(
            "DELETE FROM reports WHERE event_id = ? AND document_id = ?", (event_id, document_id)
        ).rowcount
        # The evidence index holds rows only for stored reports, and removing from it scans the
        # whole index (its event and document columns are not indexed): skip it when nothing was
        # deleted, as for every new event, or each write costs time linear in the store's size.
        # (-1, unknown: a PostgreSQL statement sent without waiting for its answer; that index is
        # a table keyed by event and document, where removing nothing costs one index probe.)
        if deleted:
            self.evidence.remove(event_id, document_id)

    def reports_of(self, event_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(f"{REPORTS_SELECT} WHERE r.event_id = ? ORDER BY r.ordinal, r.id", (event_id,))
        return [stored_report(r) for r in rows]

    def add_revision(
        self,
        event_id: str,
        at: str,
        action: str,
        reason: str | None,
        who: str,
        diff: dict[str, Any],
    ) -> None:
        if action not in REVISION_ACTIONS:
            raise StoreError(f"unknown revision action {action!r}")
        self.conn.execute(
            "INSERT INTO revisions (event_id, at, action, reason, who, diff) VALUES (?, ?, ?, ?, ?, ?)",
            (event_id, at, action, reason, who, to_json(diff)),
        )
