"""Cross-document resolution inside the store (issue 6), in the caller's transaction.

A stored event is made of contributions: each document's own account of it (the pipeline's
event, kept as output-contract JSON in `contributions`). The event row and its reports are
recomputed from them (`combine_contributions`), so that

  1. ingesting a document adds its accounts: each joins a stored event (`report_added`) or
     creates one (`created`), as `link_across_documents` decides; a context mention that matches
     nothing is stored as a context-only mention for review;
  2. re-processing it with a newer pipeline removes its old accounts first (events left without
     any are `deleted`, the others `updated`), then resolves the new ones, with the reason;
  3. an analyst can split accounts off an event (`split`) or merge two events (`merged`); a split
     is remembered (`kept_apart`) so the same document never rejoins that event on its own.

Each touched event gets one revision per transaction, with the diff against its state before.
Blocking (`candidates.py`) uses indexed columns only, so finding candidates costs the same in
a store of 1k or 100k events.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import Any

from eventwire.errors import StoreError
from eventwire.models import Document, Event
from eventwire.resolve.cross_document import (
    DEFAULT_SETTINGS,
    Decision,
    ResolutionSettings,
    combine_contributions,
    link_across_documents,
    match_events,
)
from eventwire.resolve.similarity import EvidenceSimilarity
from eventwire.store.candidates import PendingCandidates, send_candidate_queries
from eventwire.store.dialect import Row
from eventwire.store.rows import (
    REPORTS_SELECT,
    comparable,
    contribution_account,
    decode_event,
    event_from_dict,
    event_row,
    now_iso,
    stored_floats,
    stored_form,
    stored_report,
    to_json,
)
from eventwire.store.vectors import VectorCache
from eventwire.store.write import DocumentWriter

logger = logging.getLogger(__name__)

Similarity = Callable[[Event, Event], float]

# Candidate events kept built (`Resolver._candidate`) at most: dropped all at once past it.
_BUILT_MAX = 20_000


@dataclass
class _Touched:
    """Events changed in one transaction: their state before, and why they changed."""

    before: dict[str, tuple[dict[str, Any] | None, list[dict[str, Any]]]] = field(default_factory=dict)
    action: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    # after `finish` for one document: {event id: (live, that document's reports on it)}, as
    # read back; None once something else (a merge) changed events since
    after: dict[str, tuple[bool, int]] | None = None


@dataclass
class _Prefetched:
    """The stored state of the events one ingest resolves onto, read in one batch (its rows
    locked) and kept up to date as the ingest writes contributions: what `_touch`,
    `_ensure_contributions` and `rebuild` would otherwise read event by event."""

    rows: dict[str, Row]
    reports: dict[str, list[dict[str, Any]]]
    contributions: dict[str, list[dict[str, Any]]]  # document_id, context, record (+ fields); by id
    corrected: dict[str, set[str]]  # fields analysts corrected
    top_ordinal: dict[str, int] = field(default_factory=dict)  # the highest report ordinal stored


class Resolver:
    """Applies resolution decisions to the store; the caller owns the transaction."""

    def __init__(
        self,
        writer: DocumentWriter,
        *,
        similarity: Similarity | None = None,
        settings: ResolutionSettings = DEFAULT_SETTINGS,
    ) -> None:
        self.writer = writer
        self.conn = writer.conn
        self.settings = settings
        self._similarity = similarity
        self.candidate_count = 0  # candidates scored since creation (for the benchmark)
        self._state: _Prefetched | None = None  # set while one ingest writes (`_prefetch`)
        self._now: str | None = None  # the time of the rows one ingest writes (set meanwhile)
        # {document id: its stored external id} for the document an ingest stores (`rebuild`)
        self.external_ids: dict[str, str | None] = {}
        # {event id: (the values of its row and report rows, the Event built of them)}
        self._built: dict[str, tuple[tuple[Any, ...], Event]] = {}

    @property
    def similarity(self) -> Similarity:
        if self._similarity is None:
            cache = VectorCache(self.conn)
            self._similarity = EvidenceSimilarity(lookup=cache.lookup, save=cache.save)
        return self._similarity

    # -- ingest ------------------------------------------------------------------------------

    def ingest(
        self,
        document: Document,
        events: tuple[Event, ...],
        context: tuple[Event, ...],
        *,
        reason: str | None,
        who: str,
        reprocessed: bool,
        pending: PendingCandidates | None = None,
        now: str | None = None,
    ) -> tuple[list[Decision], _Touched]:
        """Resolve and store one document's events; return the decisions and touched events.

        `pending`: the candidate queries of `events` and `context`, sent already (the store
        sends them with its first statements); `now`: the time of its rows (the document's)."""
        touched = _Touched()
        incoming = [*events, *context]
        if reprocessed:  # candidates sent before the document's old accounts were removed are stale
            self._remove_document(document.id, touched, reason)
            pending = None
        if pending is None:
            pending = self.send_candidate_queries(incoming, document.id, probe=True)
        found = pending.result()
        decisions = link_across_documents(
            incoming,
            candidates=lambda e: found[e.event_id],
            similarity=self.similarity,
            settings=self.settings,
        )
        now = now or now_iso()
        targets = [
            (decision.target_id if decision.action == "join" else None) or event.event_id
            for event, decision in zip(incoming, decisions, strict=True)
        ]
        # the events' own ids no stored event bears: nothing to read for the events they create
        absent = {event.event_id for event in incoming} - pending.stored() if pending.probed else set()
        self._state = self._prefetch(targets, absent)
        self._now = now
        self.external_ids = {document.id: document.external_id}  # as just written
        try:
            for event, decision, target in zip(incoming, decisions, targets, strict=True):
                self._touch(target, touched)
                self._ensure_contributions(target)
                self._add_contribution(target, document.id, event, now)
                if decision.action == "join":
                    action = "updated" if reprocessed else "report_added"
                    touched.action.setdefault(target, (action, reason or decision.reason))
                else:
                    touched.action.setdefault(target, ("created", reason or decision.reason))
            self.finish(touched, who, document_id=document.id)
        finally:
            self._state = None
            self._now = None
            self.external_ids = {}
        if self.merge_fragments(decisions, who):
            touched.after = None
        return decisions, touched

    def _add_contribution(self, event_id: str, document_id: str, account: Event, now: str) -> None:
        """Store one document's account of an event (kept in the prefetched state too)."""
        context, record = int(account.context_only), to_json(fields := account.as_dict())
        self.conn.execute(
            "INSERT INTO contributions (event_id, document_id, origin_event_id, context,"
            " record, added_at) VALUES (?, ?, ?, ?, ?, ?)",
            (event_id, document_id, account.event_id, context, record, now),
        )
        if self._state is not None and event_id in self._state.contributions:
            self._state.contributions[event_id].append(
                {"document_id": document_id, "context": context, "record": record, "fields": fields}
            )

    def _prefetch(self, event_ids: list[str], absent: AbstractSet[str] = frozenset()) -> _Prefetched:
        """Return the stored state of `event_ids`, read (and their rows locked, in id order)
        with one batch of queries sent before any answer is read; those `absent` (known not to
        be stored) are not read: a document creating events only costs no round trip here."""
        every = set(event_ids)
        ids = sorted(every - absent)
        state = _Prefetched({}, {i: [] for i in every}, {i: [] for i in every}, {i: set() for i in every})
        if not ids:
            return state
        marks = ", ".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT * FROM events WHERE event_id IN ({marks}) ORDER BY event_id{self.writer.row_lock}", ids
        )
        reports = self.conn.execute(
            f"{REPORTS_SELECT} WHERE r.event_id IN ({marks}) ORDER BY r.event_id, r.ordinal, r.id", ids
        )
        contributions = self.conn.execute(
            f"SELECT event_id, document_id, context, record FROM contributions WHERE event_id IN ({marks}) ORDER BY id",
            ids,
        )
        corrections = self.conn.execute(
            f"SELECT event_id, diff FROM revisions WHERE event_id IN ({marks}) AND action = 'corrected'", ids
        )
        state.rows = {row["event_id"]: row for row in rows}
        for r in reports:
            state.reports[r["event_id"]].append(stored_report(r))
            state.top_ordinal[r["event_id"]] = max(r["ordinal"], state.top_ordinal.get(r["event_id"], -1))
        for r in contributions:
            state.contributions[r["event_id"]].append(
                {"document_id": r["document_id"], "context": r["context"], "record": r["record"]}
            )
        for r in corrections:
            state.corrected[r["event_id"]].update(json.loads(r["diff"]))
        return state

    def merge_fragments(self, decisions: Iterable[Decision], who: str) -> int:
        """Merge stored events that a new report showed to be one incident told twice.

        An incident whose first reports did not match (one gave a region, the other a village;
        "attack" and "clash") becomes two stored events; a later report matching both, joined
        to one, merges the other into it when the two also match each other directly and share
        no document (one document's incidents stay apart) and no analyst kept them apart.
        Return how many merges were made.
        """
        merged = 0
        for decision in decisions:
            if decision.action != "join" or not decision.also:
                continue
            for other_id in decision.also:
                target = self._live_event(decision.target_id)  # type: ignore[arg-type]
                other = self._live_event(other_id)
                if target is None or other is None or other.context_only:
                    continue
                target_docs = {r.document_id for r in target.reports}
                other_docs = {r.document_id for r in other.reports}
                # a document's context mention (a recap of an earlier incident) does not tell
                # one of its own incidents: only the documents that report both keep them apart
                if _reporting(target) & _reporting(other) or self._kept_apart(
                    target.event_id, target_docs, other.event_id, other_docs
                ):
                    continue
                if match_events(target, other, similarity=self.similarity, settings=self.settings) is None:
                    continue
                self.merge(
                    target.event_id,
                    other.event_id,
                    who=who,
                    reason=f"one incident: {decision.event_id} matches both",
                )
                merged += 1
        return merged

    def _remove_document(self, document_id: str, touched: _Touched, reason: str | None) -> None:
        """Take a document's accounts out of every event (before re-processing it)."""
        affected = [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT event_id FROM contributions WHERE document_id = ?"
                " UNION SELECT event_id FROM reports WHERE document_id = ?"
                " UNION SELECT event_id FROM events WHERE document_id = ? AND deleted = 0",
                (document_id, document_id, document_id),
            )
        ]
        for event_id in affected:
            self._touch(event_id, touched)
            self._ensure_contributions(event_id)
            touched.action.setdefault(event_id, ("updated", reason))
        self.conn.execute("DELETE FROM contributions WHERE document_id = ?", (document_id,))
        for event_id in affected:
            self.rebuild(event_id)

    # -- analyst operations --------------------------------------------------------------------

    def split(self, event_id: str, document_ids: Iterable[str], *, who: str, reason: str) -> str:
        """Move the accounts of `document_ids` to a new event; return its id."""
        self._require_live(event_id)
        self._ensure_contributions(event_id)
        moving = [
            dict(r)
            for r in self.conn.execute("SELECT * FROM contributions WHERE event_id = ? ORDER BY id", (event_id,))
            if r["document_id"] in set(document_ids)
        ]
        staying = self.conn.execute("SELECT COUNT(*) FROM contributions WHERE event_id = ?", (event_id,)).fetchone()
        staying = staying[0] - len(moving)
        if not moving:
            raise StoreError(f"event {event_id} has no report from {sorted(set(document_ids))}")
        if staying == 0:
            raise StoreError(f"splitting {sorted(set(document_ids))} off {event_id} would leave it empty")
        new_id = moving[0]["origin_event_id"]
        if (
            new_id == event_id
            or self.conn.execute("SELECT 1 FROM events WHERE event_id = ? AND deleted = 0", (new_id,)).fetchone()
        ):
            new_id = f"{event_id}-split-{moving[0]['id']}"
        touched = _Touched()
        self._touch(event_id, touched)
        self._touch(new_id, touched)
        self.conn.execute(
            f"UPDATE contributions SET event_id = ? WHERE id IN ({', '.join('?' * len(moving))})",
            [new_id, *(m["id"] for m in moving)],
        )
        moved_docs = sorted({m["document_id"] for m in moving})
        self.rebuild(new_id)
        stay_docs = [
            r[0]
            for r in self.conn.execute("SELECT DISTINCT document_id FROM contributions WHERE event_id = ?", (event_id,))
        ]
        self.conn.executemany(
            "INSERT INTO kept_apart (document_id, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(d, event_id) for d in moved_docs] + [(d, new_id) for d in stay_docs],
        )
        why = f"{reason} (reports of {', '.join(moved_docs)} split into {new_id})"
        touched.action[event_id] = ("split", why)
        touched.action[new_id] = ("split", f"{reason} (split off {event_id})")
        self.finish(touched, who)
        return new_id

    def merge(self, target_id: str, source_id: str, *, who: str, reason: str) -> None:
        """Move every account of `source_id` into `target_id`; the source is deleted."""
        if target_id == source_id:
            raise StoreError("cannot merge an event with itself")
        self._require_live(target_id)
        self._require_live(source_id)
        touched = _Touched()
        for event_id in (target_id, source_id):
            self._touch(event_id, touched)
            self._ensure_contributions(event_id)
        self.conn.execute("UPDATE contributions SET event_id = ? WHERE event_id = ?", (target_id, source_id))
        self.conn.execute("DELETE FROM kept_apart WHERE event_id = ?", (source_id,))
        touched.action[target_id] = ("merged", f"{reason} ({source_id} merged in)")
        touched.action[source_id] = ("merged", f"{reason} (merged into {target_id})")
        self.finish(touched, who)

    # -- blocking ------------------------------------------------------------------------------

    def candidates(self, event: Event, document_id: str | None = None) -> list[Event]:
        """Return the stored live events that could report the same incident as `event`.

        Indexed lookups only: same grid cells within SAME_INCIDENT_MAX_KM and the date window;
        same country and window with the same admin1 or a coarse place (region-level, unplaced:
        place hierarchy). An unplaced event, or a region-level one without an admin1, takes
        every event of its country and window.
        """
        return self.send_candidate_queries([event], document_id).result()[event.event_id]

    def send_candidate_queries(
        self, events: Iterable[Event], document_id: str | None = None, *, probe: bool = False, document: bool = False
    ) -> PendingCandidates:
        """Send the candidate queries of `events` (`candidates`); nothing is read until the
        result is asked for (`candidates.send_candidate_queries`, `probe` and `document` there)."""
        return send_candidate_queries(
            self.conn,
            events,
            document_id,
            self._candidate,
            self._count_candidates,
            probe=probe,
            document=document,
        )

    def _count_candidates(self, n: int) -> None:
        self.candidate_count += n

    def _candidate(self, row: Row, report_rows: list[Row]) -> Event:
        """Return the Event a candidate's row and report rows make: the one built before when
        they hold the same values (an event is a candidate of many documents, and building it
        decodes its JSON columns and reports), else a new one."""
        key: tuple[Any, ...] = (tuple(row), [tuple(r) for r in report_rows])
        event_id = row["event_id"]
        built = self._built.get(event_id)
        if built is not None and built[0] == key:
            return built[1]
        event = self._event_from_row(row, [stored_report(r) for r in report_rows])
        if len(self._built) >= _BUILT_MAX:
            self._built.clear()
        self._built[event_id] = (key, event)
        return event

    # -- rebuilding ------------------------------------------------------------------------------

    def rebuild(self, event_id: str, written: dict[str, Any] | None = None) -> Event | None:
        """Recompute an event's row and reports from its contributions; None if it has none
        (then the event is marked deleted). `written` is told what the event's row and reports
        are now (as `finish` would read them back) when that is known for sure without a read."""
        state = self._state
        corrected: set[str] | None = None
        stored: list[dict[str, Any]] | None = None
        top = None  # the highest ordinal of the stored reports, when read by `_prefetch`
        if state is not None and event_id in state.contributions:  # what `_prefetch` read, once
            rows: list[Any] = state.contributions.pop(event_id)
            old = state.rows.pop(event_id, None)
            stored, corrected = state.reports.pop(event_id), state.corrected.pop(event_id)
            top = state.top_ordinal.get(event_id, -1)
        else:
            rows = self.conn.execute(
                "SELECT document_id, context, record FROM contributions WHERE event_id = ? ORDER BY id",
                (event_id,),
            ).fetchall()
            old = self.conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if not rows:
            self._delete_reports(event_id)
            if old is not None:
                self.conn.execute(
                    "UPDATE events SET deleted = 1, updated_at = ? WHERE event_id = ?",
                    (self._now or now_iso(), event_id),
                )
            if written is not None:  # no row (none before), or a deleted one without reports
                written[event_id] = None if old is None else ({"deleted": 1}, [])
            return None
        accounts = [contribution_account(r) for r in rows]
        event = combine_contributions(event_id, accounts)
        row = event_row(event)
        now = self._now or now_iso()
        if old is None:
            self.writer.insert_event(event_id, rows[0]["document_id"], row, now)
        else:
            row = self.writer._keep_corrections(event_id, old, row, corrected)
            self.writer.update_event(event_id, row, now, old["actor_search"])
        # Reports already stored as they should be stay (a join only appends): rewriting them
        # would also rewrite their full-text index entries.
        if stored is None or old is None:
            top = None if old is not None else -1
            stored = self.writer.reports_of(event_id) if old is not None else []
        wanted = [report.as_dict() for report in event.reports]
        keep = 0
        while keep < min(len(stored), len(wanted)) and stored[keep] == wanted[keep]:
            keep += 1
        if keep < len(stored):
            self._delete_reports(event_id)
            keep = 0
        # the reports as read back: those kept, then those added (ordered after them when the
        # kept ones' ordinals all come before the new ones'), each with its document's external
        # id (known for the document being stored)
        after: list[dict[str, Any]] | None = stored[:keep] if top is not None and (keep == 0 or top < keep) else None
        known: dict[str, bool] = {r["document_id"]: True for r in rows}
        for ordinal, report in enumerate(event.reports):
            if ordinal < keep:
                continue
            if report.document_id not in known:
                known[report.document_id] = (
                    self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (report.document_id,)).fetchone()
                    is not None
                )
            if known[report.document_id]:  # reports naming an unknown document are not stored
                self.writer.insert_report(event_id, ordinal, report)
                if after is not None and report.document_id in self.external_ids:
                    after.append(stored_form(report, self.external_ids[report.document_id]))
                else:
                    after = None
        if written is not None and after is not None:
            written[event_id] = ({**row, **stored_floats(row), "deleted": 0}, after)
        return event

    def finish(self, touched: _Touched, who: str, document_id: str | None = None) -> None:
        """Rebuild every touched event and log one revision each (when something changed)."""
        now = self._now or now_iso()
        written: dict[str, Any] = {}
        for event_id in touched.before:
            self.rebuild(event_id, written)
        # what the rebuilds wrote, as the revisions compare it: known, else read back in one batch
        news: dict[str, Row | dict[str, Any]] = {e: w[0] for e, w in written.items() if w is not None}
        reports: dict[str, list[dict[str, Any]]] = {e: w[1] for e, w in written.items() if w is not None}
        ids = [e for e in touched.before if e not in written]
        reports.update((i, []) for i in ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT * FROM events WHERE event_id IN ({marks})", chunk)
            stored = self.conn.execute(
                f"{REPORTS_SELECT} WHERE r.event_id IN ({marks}) ORDER BY r.event_id, r.ordinal, r.id", chunk
            )
            news.update((row["event_id"], row) for row in rows)
            for r in stored:
                reports[r["event_id"]].append(stored_report(r))
        if document_id is not None:
            touched.after = {
                event_id: (not row["deleted"], sum(r["document_id"] == document_id for r in reports[event_id]))
                for event_id, row in news.items()
            }
        for event_id, (old_row, old_reports) in touched.before.items():
            new = news.get(event_id)
            if new is None:
                continue
            action, reason = touched.action.get(event_id, ("updated", None))
            if new["deleted"]:
                if old_row is not None and not old_row["deleted"]:
                    gone = "merged" if action == "merged" else "deleted"
                    self.writer.add_revision(event_id, now, gone, reason, who, {})
                continue
            new_reports = reports[event_id]
            if old_row is None or old_row["deleted"] and action == "created":
                self.writer.add_revision(event_id, now, "created", reason, who, {"event": comparable(new)})
                continue
            before, after = old_row["fields"], comparable(new)
            diff = {k: [v, after[k]] for k, v in before.items() if v != after[k]}
            if old_row["deleted"]:
                diff["deleted"] = [True, False]
            if new_reports != old_reports:
                diff["reports"] = [old_reports, new_reports]
            if diff or action in {"split", "merged"}:
                self.writer.add_revision(event_id, now, action, reason, who, diff)

    # -- helpers ---------------------------------------------------------------------------------

    def _touch(self, event_id: str, touched: _Touched) -> None:
        if event_id in touched.before:
            return
        state = self._state
        if state is not None and event_id in state.reports:  # read and locked by `_prefetch`
            row, reports = state.rows.get(event_id), list(state.reports[event_id])
        else:
            # locked (PostgreSQL) before it is read and rebuilt: a concurrent writer of the same
            # event waits for this transaction, then rebuilds from what it committed
            row = self.conn.execute(
                f"SELECT * FROM events WHERE event_id = ?{self.writer.row_lock}", (event_id,)
            ).fetchone()
            reports = self.writer.reports_of(event_id) if row is not None else []
        if row is None:
            touched.before[event_id] = (None, [])
        else:
            touched.before[event_id] = ({"fields": comparable(row), "deleted": bool(row["deleted"])}, reports)

    def _ensure_contributions(self, event_id: str) -> None:
        """Give an event stored without contributions (by `write_result`) one per document."""
        state = self._state
        if state is not None and event_id in state.contributions:
            if state.contributions[event_id]:
                return
            row = state.rows.get(event_id)
            reports: list[dict[str, Any]] | None = state.reports[event_id]
        else:
            if self.conn.execute("SELECT 1 FROM contributions WHERE event_id = ? LIMIT 1", (event_id,)).fetchone():
                return
            row = self.conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
            reports = None
        if row is None or row["deleted"]:
            return
        event = self._event_from_row(row, reports)
        by_document: dict[str, list] = {}
        for report in event.reports:
            by_document.setdefault(report.document_id, []).append(report)
        by_document.setdefault(row["document_id"], [])
        now = self._now or now_iso()
        for doc_id, doc_reports in by_document.items():
            account = replace(event, reports=tuple(doc_reports))
            record = to_json(fields := account.as_dict())
            self.conn.execute(
                "INSERT INTO contributions (event_id, document_id, origin_event_id, context,"
                " record, added_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (event_id, doc_id, event_id, int(event.context_only), record, now),
            )
            if state is not None and event_id in state.contributions:  # none before: no conflict
                state.contributions[event_id].append(
                    {"document_id": doc_id, "context": int(event.context_only), "record": record, "fields": fields}
                )

    def _live_event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT * FROM events WHERE event_id = ? AND deleted = 0", (event_id,)).fetchone()
        return None if row is None else self._event_from_row(row)

    def _kept_apart(self, a_id: str, a_docs: set[str], b_id: str, b_docs: set[str]) -> bool:
        """Return whether an analyst split a document of one event off the other."""
        pairs = [(d, b_id) for d in a_docs] + [(d, a_id) for d in b_docs]
        return any(
            self.conn.execute("SELECT 1 FROM kept_apart WHERE document_id = ? AND event_id = ?", pair).fetchone()
            for pair in pairs
        )

    def _require_live(self, event_id: str) -> None:
        if not self.conn.execute("SELECT 1 FROM events WHERE event_id = ? AND deleted = 0", (event_id,)).fetchone():
            raise StoreError(f"no live event {event_id!r}")

    def _delete_reports(self, event_id: str) -> None:
        for (doc_id,) in self.conn.execute(
            "SELECT DISTINCT document_id FROM reports WHERE event_id = ?", (event_id,)
        ).fetchall():
            self.writer.delete_reports(event_id, doc_id)

    def _event_from_row(self, row: Row, reports: list[dict[str, Any]] | None = None) -> Event:
        d = decode_event(row)  # column by kind: a writer builds every candidate it scores from its row
        d["reports"] = self.writer.reports_of(row["event_id"]) if reports is None else reports
        return event_from_dict(d, context_only=bool(row["context_only"]))


def _reporting(event: Event) -> set[str]:
    """Return the documents that report `event` as news (context mentions aside)."""
    return {r.document_id for r in event.reports if r.claim_status != "context"}
