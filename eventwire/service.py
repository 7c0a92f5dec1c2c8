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

Inputs may be URLs (`read_sources`: fetched by ingest.fetch.SafeFetcher, SSRF-safe), and
`watch_feeds` reads RSS/Atom feeds: each new entry's page is ingested once (by URL, and by text),
the feed read conditionally (ETag / Last-Modified kept in the store).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest import read_inputs
from eventwire.ingest.feeds import FeedEntry, is_url, read_entry, read_feed, read_url
from eventwire.ingest.fetch import SafeFetcher
from eventwire.models import Document, Event, Skip
from eventwire.pipeline import DocumentResult, process_documents
from eventwire.store import Store, WriteSummary


@dataclass(frozen=True)
class IngestOutcome:
    """What ingesting one document did."""

    document: Document
    summary: WriteSummary  # status (inserted, unchanged, reprocessed, kept_newer) and changes
    event_ids: tuple[str, ...]  # stored ids of the document's events (context excluded)
    context_ids: tuple[str, ...]  # stored ids of its context mentions


@dataclass
class IngestTally:
    """What an ingest run did, counted outcome by outcome (the CLI's closing line)."""

    stored: int = 0
    skipped: int = 0
    created: int = 0
    joined: int = 0
    unchanged: int = 0
    review: int = 0

    def add(self, outcome: IngestOutcome | Skip) -> None:
        """Count one outcome or skip."""
        if isinstance(outcome, Skip):
            self.skipped += 1
            return
        summary = outcome.summary
        self.stored += 1
        # new events only: a context mention kept for review is created too, not counted
        self.created += len(set(summary.created) & set(outcome.event_ids))
        self.joined += len(summary.joined)
        self.review += len(summary.review)
        self.unchanged += summary.status == "unchanged"

    def describe(self) -> str:
        """Return the counts as one line."""
        return (
            f"{self.stored} document(s) processed ({self.unchanged} already stored), {self.skipped} skipped, "
            f"{self.created} new event(s), {self.joined} report(s) joined a stored event, {self.review} context "
            "mention(s) kept for review"
        )


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
        yield store_result(item, store, resolve=resolve)


def store_result(result: DocumentResult, store: Store, *, resolve: bool = True) -> IngestOutcome:
    """Return the outcome of storing one document's result (one transaction), resolved against
    the stored events with `resolve`; the one write `ingest_documents` and batch runners share."""
    summary = store.ingest(result) if resolve else store.write_result(result)
    stored = store.resolved_event_ids(result.document.id)  # pipeline id -> stored event id
    return IngestOutcome(
        document=result.document,
        summary=summary,
        event_ids=_stored_ids(result.events, stored),
        context_ids=_stored_ids(result.context_mentions, stored),
    )


def ingest_inputs(
    paths: Iterable[str | Path],
    store: Store,
    *,
    published: date | None = None,
    resolve: bool = True,
    fetcher: SafeFetcher | None = None,
) -> Iterator[IngestOutcome | Skip]:
    """Yield `ingest_documents` over the documents read from files, folders, JSONL batches,
    "-" (stdin) or URLs (`read_sources`, fetched with `fetcher`); `published` dates inputs that
    carry no date."""
    yield from ingest_documents(read_sources(paths, fetcher=fetcher, published=published), store, resolve=resolve)


def read_sources(
    inputs: Iterable[str | Path],
    *,
    fetcher: SafeFetcher | None = None,
    published: date | None = None,
) -> Iterator[Document | Skip]:
    """Yield the documents of files, folders, JSONL batches, "-" and URLs, in input order; a
    URL ("http://…") is fetched with `fetcher` (a default SafeFetcher is made when needed)."""
    own: SafeFetcher | None = None
    try:
        for item in inputs:
            if is_url(str(item)):
                if fetcher is None:
                    fetcher = own = SafeFetcher()
                yield read_url(str(item), fetcher, published=published)
            else:
                yield from read_inputs([item], published=published)
    finally:
        if own is not None:
            own.close()


@dataclass(frozen=True)
class FeedPass:
    """What one reading of one feed did."""

    feed_url: str
    status: str  # "read", "not_modified", or the reason the feed was skipped
    entries: int = 0  # entries in the feed
    seen: int = 0  # entries read on an earlier pass (by URL), not fetched again
    stored: int = 0  # entries whose document was processed (already stored text included)
    skipped: int = 0  # entries skipped, each recorded with its reason

    def describe(self) -> str:
        """Return the one line `eventwire watch` prints for this reading."""
        if self.status == "not_modified":
            said = "not modified since the last reading"
        elif self.status == "read":
            said = (
                f"{self.entries} entries, {self.seen} read before, "
                f"{self.stored} document(s) processed, {self.skipped} skipped"
            )
        else:
            said = f"skipped ({self.status})"
        return f"feed {self.feed_url}: {said}"


def watch_feeds(
    feed_urls: Iterable[str],
    store: Store,
    fetcher: SafeFetcher,
    *,
    published: date | None = None,
    resolve: bool = True,
) -> Iterator[IngestOutcome | Skip | FeedPass]:
    """Read each feed once: yield the outcome or Skip of each new entry, then the feed's
    FeedPass. Conditional GET with the validators of the last pass (a 304 reads nothing); an
    entry whose URL was read before is not fetched again, one whose text is already stored
    (another URL) is recorded as a Skip "duplicate" so it is not fetched again either; every
    failure (the feed's or an entry's) is a recorded Skip."""
    for feed_url in feed_urls:
        yield from _watch_feed(feed_url, store, fetcher, published=published, resolve=resolve)


def watch(
    feed_urls: Iterable[str],
    store: Store,
    fetcher: SafeFetcher,
    *,
    every: float | None,
    published: date | None = None,
    resolve: bool = True,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[IngestOutcome | Skip | FeedPass]:
    """Yield `watch_feeds` over and over, a reading starting every `every` seconds (once when
    `every` is None); stops only when the caller does (Ctrl-C)."""
    feeds = list(feed_urls)
    while True:
        started = time.monotonic()
        yield from watch_feeds(feeds, store, fetcher, published=published, resolve=resolve)
        if every is None:
            return
        sleep(max(0.0, every - (time.monotonic() - started)))


_PERIOD_UNITS = {"s": 1, "m": 60, "h": 3600}


def parse_period(value: str) -> float:
    """Return the seconds of "90s", "10m", "1h" (a bare number is seconds); raise InputError."""
    value = value.strip()
    number, unit = (value[:-1], value[-1]) if value[-1:] in _PERIOD_UNITS else (value, "s")
    try:
        seconds = float(number) * _PERIOD_UNITS[unit]
    except ValueError:
        raise InputError(f"{value!r} is not a duration (90s, 10m, 1h)") from None
    if not seconds > 0:
        raise InputError(f"{value!r} is not a positive duration")
    return seconds


def _watch_feed(
    feed_url: str, store: Store, fetcher: SafeFetcher, *, published: date | None, resolve: bool
) -> Iterator[IngestOutcome | Skip | FeedPass]:
    state = store.sources.feed_state(feed_url)
    read = read_feed(
        feed_url, fetcher, etag=state.etag if state else None, last_modified=state.last_modified if state else None
    )
    if isinstance(read, Skip):
        store.record_skip(read)
        store.sources.save_feed_state(feed_url, etag=None, last_modified=None, status=read.reason, entries=0)
        yield read
        yield FeedPass(feed_url, read.reason)
        return
    for skip in read.skipped:
        store.record_skip(skip)
        yield skip
    first_by_url: dict[str, FeedEntry] = {}
    for entry in read.entries:
        first_by_url.setdefault(entry.url, entry)
    fresh = [e for e in first_by_url.values() if not store.sources.url_done(e.url)]
    stored = skipped = 0
    documents = (read_entry(entry, fetcher, published=published) for entry in fresh)
    for outcome in ingest_documents(documents, store, resolve=resolve):
        if isinstance(outcome, Skip):
            skipped += 1
        else:
            stored += 1
            url = outcome.document.url
            if url and not store.sources.url_done(url):  # its text is stored under another URL
                duplicate = Skip(
                    origin=url,
                    reason="duplicate",
                    detail=f"same text as stored document {outcome.document.id}",
                    document_id=outcome.document.id,
                )
                store.record_skip(duplicate)
        yield outcome
    store.sources.save_feed_state(
        feed_url, etag=read.etag, last_modified=read.last_modified, status=read.status, entries=len(read.entries)
    )
    yield FeedPass(
        feed_url,
        read.status,
        entries=len(read.entries),
        seen=len(read.entries) - len(fresh),
        stored=stored,
        skipped=skipped + len(read.skipped),
    )


def _stored_ids(events: Iterable[Event], stored: dict[str, str]) -> tuple[str, ...]:
    """Return the stored ids of events, in order, each once (two may have joined one event)."""
    return tuple(dict.fromkeys(stored.get(e.event_id, e.event_id) for e in events))
