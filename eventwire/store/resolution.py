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
Blocking uses indexed columns only (a 1-degree grid cell and the date; the country and the date),
so finding candidates costs the same in a store of 1k or 100k events.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

import numpy as np

from eventwire.errors import StoreError
from eventwire.models import ACLED_COLUMNS, Document, Event
from eventwire.resolve.cross_document import (
    DEFAULT_SETTINGS,
    Decision,
    ResolutionSettings,
    combine_contributions,
    link_across_documents,
    match_events,
)
from eventwire.resolve.similarity import (
    ENCODER_NAME,
    SAME_INCIDENT_MAX_DAYS_BY_PRECISION,
    SAME_INCIDENT_MAX_KM,
    EvidenceSimilarity,
)
from eventwire.store.dialect import Connection, Row
from eventwire.store.filters import KM_PER_DEGREE_LAT
from eventwire.store.rows import (
    EXTRA_COLUMNS,
    comparable,
    decode_value,
    event_from_dict,
    event_row,
    now_iso,
    to_json,
)
from eventwire.store.write import DocumentWriter

logger = logging.getLogger(__name__)

Similarity = Callable[[Event, Event], float]
# The widest day window any pair can have (time precision 3): what the blocking query spans.
MAX_WINDOW_DAYS = max(SAME_INCIDENT_MAX_DAYS_BY_PRECISION.values())


@dataclass
class _Touched:
    """Events changed in one transaction: their state before, and why they changed."""

    before: dict[str, tuple[dict[str, Any] | None, list[dict[str, Any]]]] = field(default_factory=dict)
    action: dict[str, tuple[str, str | None]] = field(default_factory=dict)


class VectorCache:
    """Sentence vectors kept in the `sentence_vectors` table (float32 blobs)."""

    def __init__(self, conn: Connection, model: str = ENCODER_NAME) -> None:
        self.conn = conn
        self.model = model

    def lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            for key, blob in self.conn.execute(
                "SELECT text_key, vector FROM sentence_vectors WHERE model = ? AND text_key IN"
                f" ({', '.join('?' * len(chunk))})",
                [self.model, *chunk],
            ):
                out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def save(self, vectors: dict[str, np.ndarray]) -> None:
        # in key order: two processes saving the same sentences never wait on each other's rows
        self.conn.executemany(
            "INSERT INTO sentence_vectors (text_key, model, vector) VALUES (?, ?, ?) ON CONFLICT (text_key) DO NOTHING",
            [(k, self.model, np.asarray(vectors[k], dtype=np.float32).tobytes()) for k in sorted(vectors)],
        )


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
    ) -> tuple[list[Decision], _Touched]:
        """Resolve and store one document's events; return the decisions and touched events."""
        touched = _Touched()
        if reprocessed:
            self._remove_document(document.id, touched, reason)
        incoming = [*events, *context]
        decisions = link_across_documents(
            incoming,
            candidates=lambda e: self.candidates(e, document.id),
            similarity=self.similarity,
            settings=self.settings,
        )
        now = now_iso()
        for event, decision in zip(incoming, decisions, strict=True):
            target = decision.target_id if decision.action == "join" else None
            target = target or event.event_id
            self._touch(target, touched)
            self._ensure_contributions(target)
            self.conn.execute(
                "INSERT INTO contributions (event_id, document_id, origin_event_id, context,"
                " record, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    target,
                    document.id,
                    event.event_id,
                    int(event.context_only),
                    to_json(event.as_dict()),
                    now,
                ),
            )
            if decision.action == "join":
                action = "updated" if reprocessed else "report_added"
                touched.action.setdefault(target, (action, reason or decision.reason))
            else:
                touched.action.setdefault(target, ("created", reason or decision.reason))
        self.finish(touched, who, document_id=document.id)
        self.merge_fragments(decisions, who)
        return decisions, touched

    def merge_fragments(self, decisions: Iterable[Decision], who: str) -> None:
        """Merge stored events that a new report showed to be one incident told twice.

        An incident whose first reports did not match (one gave a region, the other a village;
        "attack" and "clash") becomes two stored events; a later report matching both, joined
        to one, merges the other into it when the two also match each other directly and share
        no document (one document's incidents stay apart) and no analyst kept them apart.
        """
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
        staying = self.conn.execute("SELECT COUNT(*) FROM contributions WHERE event_id = ?", (event_id,)).fetchone()[
            0
        ] - len(moving)
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
        if event.event_date is None or not event.country:
            return []
        # the other side's precision may widen the window: query the widest one (scoring
        # applies the pair's own window)
        lo = (event.event_date - timedelta(days=MAX_WINDOW_DAYS)).isoformat()
        hi = (event.event_date + timedelta(days=MAX_WINDOW_DAYS)).isoformat()
        base = "deleted = 0 AND context_only = 0 AND event_date BETWEEN ? AND ?"
        clauses: list[tuple[str, list[Any]]] = []
        # a region-level place (geo_precision 3) is coded to the region's centre: its incident
        # may lie in any cell of the region, found by the same admin1 below; without an admin1
        # it is blocked like an unplaced one
        coarse = (
            event.latitude is None
            or event.longitude is None
            or not event.location
            or event.location == event.country
            or ((event.geo_precision or 3) >= 3 and not event.admin1)
        )
        if coarse:
            clauses.append(("country = ? AND " + base, [event.country, lo, hi]))
        else:
            cells = _cells_around(event.latitude, event.longitude, SAME_INCIDENT_MAX_KM)  # type: ignore[arg-type]
            clauses.append((f"geo_cell IN ({', '.join('?' * len(cells))}) AND " + base, [*cells, lo, hi]))
            clauses.append(
                (
                    "country = ? AND " + base + " AND (admin1 = ? OR admin1 IS NULL"
                    " OR latitude IS NULL OR location IS NULL OR location = country)",
                    [event.country, lo, hi, event.admin1],
                )
            )
        ids: dict[str, Row] = {}
        for where, params in clauses:
            for row in self.conn.execute(f"SELECT * FROM events WHERE {where}", params):
                ids.setdefault(row["event_id"], row)
        if document_id is not None and ids:
            apart = {
                r[0] for r in self.conn.execute("SELECT event_id FROM kept_apart WHERE document_id = ?", (document_id,))
            }
            ids = {k: v for k, v in ids.items() if k not in apart}
        self.candidate_count += len(ids)
        return [self._event_from_row(row) for row in ids.values()]

    # -- rebuilding ------------------------------------------------------------------------------

    def rebuild(self, event_id: str) -> Event | None:
        """Recompute an event's row and reports from its contributions; None if it has none
        (then the event is marked deleted)."""
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
                    (now_iso(), event_id),
                )
            return None
        accounts = [event_from_dict(json.loads(r["record"]), context_only=bool(r["context"])) for r in rows]
        event = combine_contributions(event_id, accounts)
        row = event_row(event)
        now = now_iso()
        if old is None:
            self.writer.insert_event(event_id, rows[0]["document_id"], row, now)
        else:
            row = self.writer._keep_corrections(event_id, old, row)
            self.writer.update_event(event_id, row, now)
        # Reports already stored as they should be stay (a join only appends): rewriting them
        # would also rewrite their full-text index entries.
        stored = self.writer.reports_of(event_id) if old is not None else []
        wanted = [report.as_dict() for report in event.reports]
        keep = 0
        while keep < min(len(stored), len(wanted)) and stored[keep] == wanted[keep]:
            keep += 1
        if keep < len(stored):
            self._delete_reports(event_id)
            keep = 0
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
        return event

    def finish(self, touched: _Touched, who: str, document_id: str | None = None) -> None:
        """Rebuild every touched event and log one revision each (when something changed)."""
        now = now_iso()
        for event_id, (old_row, old_reports) in touched.before.items():
            self.rebuild(event_id)
            new = self.conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
            if new is None:
                continue
            action, reason = touched.action.get(event_id, ("updated", None))
            if new["deleted"]:
                if old_row is not None and not old_row["deleted"]:
                    gone = "merged" if action == "merged" else "deleted"
                    self.writer.add_revision(event_id, now, gone, reason, who, {})
                continue
            new_reports = self.writer.reports_of(event_id)
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
        # locked (PostgreSQL) before it is read and rebuilt: a concurrent writer of the same
        # event waits for this transaction, then rebuilds from what it committed
        row = self.conn.execute(
            f"SELECT * FROM events WHERE event_id = ?{self.writer.row_lock}", (event_id,)
        ).fetchone()
        if row is None:
            touched.before[event_id] = (None, [])
        else:
            touched.before[event_id] = (
                {"fields": comparable(row), "deleted": bool(row["deleted"])},
                self.writer.reports_of(event_id),
            )

    def _ensure_contributions(self, event_id: str) -> None:
        """Give an event stored without contributions (by `write_result`) one per document."""
        if self.conn.execute("SELECT 1 FROM contributions WHERE event_id = ? LIMIT 1", (event_id,)).fetchone():
            return
        row = self.conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None or row["deleted"]:
            return
        event = self._event_from_row(row)
        by_document: dict[str, list] = {}
        for report in event.reports:
            by_document.setdefault(report.document_id, []).append(report)
        by_document.setdefault(row["document_id"], [])
        now = now_iso()
        for doc_id, reports in by_document.items():
            account = replace(event, reports=tuple(reports))
            self.conn.execute(
                "INSERT INTO contributions (event_id, document_id, origin_event_id, context,"
                " record, added_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (
                    event_id,
                    doc_id,
                    event_id,
                    int(event.context_only),
                    to_json(account.as_dict()),
                    now,
                ),
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

    def _event_from_row(self, row: Row) -> Event:
        d = {col: decode_value(row, col) for col in (*ACLED_COLUMNS, *EXTRA_COLUMNS)}
        d["reports"] = self.writer.reports_of(row["event_id"])
        return event_from_dict(d, context_only=bool(row["context_only"]))


def area_lock_names(country: str | None, latitude: float | None, longitude: float | None) -> set[str]:
    """Return the names of the write locks covering where an event's candidates are looked up
    (`Resolver.candidates`): its country and the grid cells within SAME_INCIDENT_MAX_KM.

    Two writers creating events that could link share a name, so one waits for the other and
    then sees its event: a lookup finds an event by its country (locked by both) or by its own
    cell, which its writer locks too (its cell lies in its own neighbourhood)."""
    names = {f"country:{country.casefold()}"} if country else set()
    if latitude is not None and longitude is not None:
        names.update(f"cell:{c}" for c in _cells_around(latitude, longitude, SAME_INCIDENT_MAX_KM))
    return names


def _cells_around(lat: float, lon: float, km: float) -> list[int]:
    """Return the 1-degree grid cells (events.geo_cell) within `km` of a point."""
    dlat = km / KM_PER_DEGREE_LAT
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    dlon = min(180.0, km / (KM_PER_DEGREE_LAT * cos_lat))
    lats = range(math.floor(max(-90.0, lat - dlat)), math.floor(min(89.999, lat + dlat)) + 1)
    lons = range(math.floor(max(-180.0, lon - dlon)), math.floor(min(179.999, lon + dlon)) + 1)
    return [(a + 90) * 1000 + (o + 180) for a in lats for o in lons]


def _reporting(event: Event) -> set[str]:
    """Return the documents that report `event` as news (context mentions aside)."""
    return {r.document_id for r in event.reports if r.claim_status != "context"}
