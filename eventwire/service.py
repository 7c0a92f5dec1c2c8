"""The ingest service: documents in, events stored — the one loop `eventwire ingest`,
`POST /api/documents` (and its upload twin) and batch runners share.

    with open_store("events.db") as store:
        for outcome in ingest_inputs(["dispatches/"], store):
            print(outcome)                      # an IngestOutcome, or a Skip

For each input, in order:
  1. a Skip (unreadable, empty, too large…) is recorded in the store and yielded as it is;
  2. a Document goes through the pipeline (`pipeline.process_documents`: parsed in batches);
  3. its result is stored in one transaction, its events joining the stored events that report
     the same incident (cross-document resolution) unless `resolve=False`;
  4. the outcome says what the store did and the stored ids of the document's events.
Ingesting the same document again changes nothing (status "unchanged", same ids).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.models import Document, Event, Skip
from eventwire.pipeline import process_documents
from eventwire.store import Store, WriteSummary


@dataclass(frozen=True)
class IngestOutcome:
    """What ingesting one document did."""

    document: Document
    summary: WriteSummary  # status (inserted, unchanged, reprocessed, kept_newer) and changes
    event_ids: tuple[str, ...]  # stored ids of the document's events (context excluded)
    context_ids: tuple[str, ...]  # stored ids of its context mentions


def ingest_documents(
    items: Iterable[Document | Skip], store: Store, *, resolve: bool = True
) -> Iterator[IngestOutcome | Skip]:
    """Yield, for each Document, the outcome of extracting and storing its events, and each
    Skip after recording it; one transaction per document. With `resolve` (the default) events
    are resolved against the stored ones (`Store.ingest`), else stored under the pipeline's ids
    (`Store.write_result`)."""
    for item in process_documents(items):
        if isinstance(item, Skip):
            store.record_skip(item)
            yield item
            continue
        summary = store.ingest(item) if resolve else store.write_result(item)
        stored = store.resolved_event_ids(item.document.id)  # pipeline id -> stored event id
        yield IngestOutcome(
            document=item.document,
            summary=summary,
            event_ids=_stored_ids(item.events, stored),
            context_ids=_stored_ids(item.context_mentions, stored),
        )


def ingest_inputs(
    paths: Iterable[str | Path],
    store: Store,
    *,
    published: date | None = None,
    resolve: bool = True,
) -> Iterator[IngestOutcome | Skip]:
    """Yield `ingest_documents` over the documents read from files, folders, JSONL batches or
    "-" (stdin); `published` dates inputs that carry no date."""
    yield from ingest_documents(read_inputs(paths, published=published), store, resolve=resolve)


def _stored_ids(events: Iterable[Event], stored: dict[str, str]) -> tuple[str, ...]:
    """Return the stored ids of events, in order, each once (two may have joined one event)."""
    return tuple(dict.fromkeys(stored.get(e.event_id, e.event_id) for e in events))
