"""Batch runner: an archive coded by a pool of workers (local processes or Ray actors), stored
by one writer — `eventwire ingest ARCHIVE.jsonl --engine ray --workers 2` (issue 19).

    with open_store("events.db") as store:
        for outcome in run_batch(["archive.jsonl"], store, BatchOptions(engine="ray", workers=2)):
            print(outcome)                      # an IngestOutcome, or a Skip

- Workers parse and code documents (`pipeline.extract_events_batch`, `chunk_docs` at a time)
  and send the vectors of their events' evidence sentences along: the writer loads no encoder.
  Each worker loads its models once and is warmed up on two short texts before it takes work.
- This process is the one writer: results are stored in input order (`service.store_result`,
  cross-document resolution included), so the store ends as `ingest_documents` would leave it;
  chunks are written together, at least WRITE_MIN_DOCS documents a transaction while more are
  being coded (`Store.write_batch`, a savepoint each; on PostgreSQL their locks are taken
  first, in sorted order, so that ingests writing one store side by side never deadlock on
  them). Workers' side: `batch_worker.py`.
- Resumable: the id of a document is the hash of its text, so a document already stored by this
  pipeline version is not sent to a worker again (its outcome says "unchanged"). A crash or a
  kill loses at most the chunks in flight or not yet committed; running the same command again
  finishes the archive and every document is stored once.
- A document a worker fails on is a recorded skip ("processing_error"), not a lost batch.
- Engines: "local" (a pool of `workers` spawned processes; 1 worker codes in this process) and
  "ray" (one actor per worker; `address` joins a running cluster, e.g. "auto" for the one
  `ray start` runs on this machine, else a private local Ray of `workers` CPUs, offline: no
  dashboard, no usage statistics, its daemons kept light: `batch_ray.py`).
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from eventwire import PIPELINE_VERSION
from eventwire.batch_worker import (  # noqa: F401 (named here before)
    ChunkCoder,
    CodedChunk,
    Coder,
    Worker,
    code_chunk,
    evidence_vectors,
    warm_up,
)
from eventwire.errors import EventwireError
from eventwire.ingest.fetch import SafeFetcher
from eventwire.models import Document, Skip
from eventwire.pipeline import extract_events_batch
from eventwire.service import IngestOutcome, read_sources, store_result
from eventwire.store import Store, WriteSummary

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

logger = logging.getLogger(__name__)

ENGINES = ("local", "ray")
RAY_MISSING = "--engine ray needs Ray, which is not installed: pip install 'eventwire[ray]'"
# Chunks queued per worker: one being coded and one waiting, so no worker idles while this
# process writes.
CHUNKS_PER_WORKER = 2
# Documents written in one transaction at most: the chunk at the head and those coded after it
# that are ready (one commit, one disk sync, for them all).
WRITE_BATCH_DOCS = 64
# Documents the writer waits for (the chunks after the head still being coded) before it writes
# a transaction: a commit writes every page the transaction changed to the write-ahead log, and
# consecutive documents change the same index pages (the events table has 12 indexes): on
# SQLite 8 documents a commit wrote 116 KB in 49 write calls per document, 32 wrote 67 KB in 27
# (benchmarks/writer_cpu.py, 2,000 documents). The workers are not held up meanwhile: each
# chunk that comes back is replaced by a new one.
WRITE_MIN_DOCS = 32
# Inputs whose stored version (resuming: already stored?) is read in one query.
RESUME_LOOKAHEAD = 32
# Chunks coded ahead of the oldest one still being coded, kept until it is stored: at most this
# many windows (bounds memory when one long document holds the writer back).
CHUNKS_AHEAD = 4


class BatchError(EventwireError):
    """The batch cannot run (an unknown engine, Ray missing or unreachable)."""


@dataclass(frozen=True)
class BatchOptions:
    engine: str = "local"  # one of ENGINES
    workers: int = 1
    address: str | None = None  # Ray only: a cluster to join ("auto", "HOST:6379")
    chunk_docs: int = 8  # documents a worker codes in one call (one spaCy batch)
    resolve: bool = True
    published: date | None = None  # reference date of inputs that carry none
    # the workers send the sentence vectors of their events' evidence with the results, so the
    # writer never loads the encoder (`CodedChunk`); None: when resolving with the pipeline
    ship_vectors: bool | None = None


@dataclass
class BatchProgress:
    """Where a batch stands; `run_batch` hands it to its `progress` callback after each item."""

    total: int | None  # documents and skips the inputs hold (None: not known before reading)
    done: int = 0  # stored, resumed or skipped so far
    resumed: int = 0  # stored by an earlier run: not coded again
    skipped: int = 0
    warmup_s: float = 0.0  # time to start the workers and load their models
    started: float = field(default_factory=time.monotonic)  # after the warm-up

    @property
    def rate(self) -> float:
        """Documents coded and stored per second of this run (resumed ones not counted)."""
        elapsed = time.monotonic() - self.started
        return (self.done - self.resumed) / elapsed if elapsed > 0 else 0.0

    def describe(self) -> str:
        total = "?" if self.total is None else str(self.total)
        return (
            f"{self.done}/{total} documents ({self.resumed} already stored, {self.skipped} skipped),"
            f" {self.rate:.1f} docs/s"
        )


def run_batch(
    inputs: Iterable[str | Path],
    store: Store,
    options: BatchOptions,
    *,
    coder: Coder | None = None,
    fetcher: SafeFetcher | None = None,
    progress: Callable[[BatchProgress], None] | None = None,
) -> Iterator[IngestOutcome | Skip]:
    """Yield, in input order, the outcome of each document of `inputs` and each Skip (recorded),
    the documents coded by `options.workers` workers of `options.engine` and stored here.
    `coder` (default `extract_events_batch`) must be picklable for a pool of processes or
    actors; it runs in the workers. The workers start when the first document needs coding (a
    rerun of a finished archive starts none). Raises BatchError before reading anything if the
    engine cannot run."""
    check_engine(options)
    inputs = list(inputs)
    state = BatchProgress(total=count_inputs(inputs))
    ship = options.ship_vectors
    ship = options.resolve and coder in (None, extract_events_batch) if ship is None else ship
    pool = _LazyPool(options, Worker(coder or extract_events_batch, ship), state)
    try:
        items = read_sources(inputs, fetcher=fetcher, published=options.published)
        for kind, outcome in _drive(items, store, pool, options):
            state.done += 1
            state.skipped += kind == "skip"
            state.resumed += kind == "resumed"
            if progress is not None:
                progress(state)
            yield outcome
    finally:
        pool.close()


def count_inputs(inputs: Iterable[str | Path]) -> int | None:
    """Return the records the inputs hold when that is cheap to know (JSONL files: their
    non-blank lines; other files: one each), else None (folders, URLs, stdin)."""
    total = 0
    for item in inputs:
        path = Path(item)
        if str(item) == "-" or "://" in str(item) or not path.is_file():
            return None
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as f:
                total += sum(1 for line in f if line.strip())
        else:
            total += 1
    return total


# -- the writer ------------------------------------------------------------------------------


_Entry = tuple[str, Any]  # ("skip", Skip) | ("resumed", Document) | ("chunk", key)


def _drive(
    items: Iterable[Document | Skip], store: Store, pool: _Pool, options: BatchOptions
) -> Iterator[tuple[str, IngestOutcome | Skip]]:
    """Yield ("stored" | "resumed" | "skip", outcome) in input order: chunks of documents go to
    the pool, `CHUNKS_PER_WORKER` per worker in flight, and are stored as they come back. While
    the oldest chunk is still being coded, chunks that came back are kept (at most
    `CHUNKS_AHEAD` windows) and new ones sent, so a long document idles no other worker."""
    queue: deque[_Entry] = deque()
    results: dict[int, CodedChunk] = {}
    chunk: list[Document] = []
    keys = itertools.count()
    in_flight = 0
    window = CHUNKS_PER_WORKER * max(1, options.workers)
    source = _with_stored_versions(items, store)
    exhausted = False

    def send() -> None:
        nonlocal chunk, in_flight
        if chunk:
            key = next(keys)
            pool.submit(key, chunk)
            queue.append(("chunk", key))
            chunk, in_flight = [], in_flight + 1

    def fill(*, stop_at_ready_head: bool) -> None:
        """Read inputs until `window` chunks are in flight (or the inputs end)."""
        nonlocal exhausted
        while not exhausted and in_flight < window and len(results) < CHUNKS_AHEAD * window:
            item, version = next(source, (None, None))
            if item is None:
                exhausted = True
                send()
            elif isinstance(item, Skip) or version == PIPELINE_VERSION:  # resumed: stored already
                send()  # keeps input order: the chunk before goes first
                queue.append(("skip", item) if isinstance(item, Skip) else ("resumed", item))
            else:
                chunk.append(item)
                if len(chunk) >= options.chunk_docs:
                    send()
            if stop_at_ready_head and queue and queue[0][0] != "chunk":
                return  # a skip or resumed document at the head is written without waiting

    def collect(*, block: bool) -> None:
        nonlocal in_flight
        for key, coded in pool.finished(block=block):
            results[key] = coded
            in_flight -= 1
        fill(stop_at_ready_head=False)

    while True:
        fill(stop_at_ready_head=True)
        if not queue:
            return
        kind, value = queue.popleft()
        if kind == "skip":
            store.record_skip(value)
            yield "skip", value
            continue
        if kind == "resumed":
            yield "resumed", _resumed(store, value)
            continue
        while value not in results:
            collect(block=True)
        coded = _with_next_chunks(results.pop(value), queue, results, functools.partial(collect, block=True))
        # in one transaction (one disk sync), its locks taken first (PostgreSQL)
        coded_items = [item for chunk in coded for item in chunk.items]
        write = functools.partial(_write_chunks, store, coded, options)
        written = store.write_batch(write, coded_items, exclusive=not options.resolve)
        # a worker done while this chunk was written gets its next one (asked once a chunk: a
        # worker codes a chunk in far more time than this process takes to write one)
        collect(block=False)
        yield from written  # told once committed


def _with_next_chunks(
    head: CodedChunk, queue: deque[_Entry], results: dict[int, CodedChunk], wait: Callable[[], None]
) -> list[CodedChunk]:
    """Return the coded chunk at the head and the chunks after it in `queue` (taken off it and
    off `results`) to write in its transaction, up to WRITE_BATCH_DOCS documents: those coded
    already, and those still being coded while fewer than WRITE_MIN_DOCS are at hand (`wait`
    collects what the workers finish, until one of them is back)."""
    coded = [head]
    size = len(head.items)
    while queue and queue[0][0] == "chunk":
        if queue[0][1] not in results:
            if size >= WRITE_MIN_DOCS:
                break
            wait()  # it is in flight: it comes back
            continue
        size += len(results[queue[0][1]].items)
        if size > WRITE_BATCH_DOCS:
            break
        coded.append(results.pop(queue.popleft()[1]))
    return coded


def _write_chunks(
    store: Store, coded: list[CodedChunk], options: BatchOptions
) -> list[tuple[str, IngestOutcome | Skip]]:
    """Store coded chunks (in the caller's batch); return ("stored" | "skip", outcome) each."""
    written: list[tuple[str, IngestOutcome | Skip]] = []
    if options.resolve:
        # a sentence in two chunks keeps the vector of the first, as when they are written apart
        # (the store keeps a vector it holds): what is stored does not depend on how chunks group
        vectors: dict[str, Any] = {}
        for c in coded:
            if c.vectors is not None:
                for key, vector in zip(c.keys, c.vectors, strict=True):
                    vectors.setdefault(key, vector)
        store.save_vectors(vectors)
    for item in (item for chunk in coded for item in chunk.items):
        if isinstance(item, Skip):
            store.record_skip(item)
            written.append(("skip", item))
        else:
            written.append(("stored", store_result(item, store, resolve=options.resolve)))
    return written


def _with_stored_versions(
    items: Iterable[Document | Skip], store: Store, ahead: int = RESUME_LOOKAHEAD
) -> Iterator[tuple[Document | Skip, str | None]]:
    """Yield each item with the pipeline version its document was stored by (None: not
    stored, or a Skip), read for `ahead` inputs at a time in one query."""
    source = iter(items)
    while group := list(itertools.islice(source, ahead)):
        versions = store.stored_versions([item.id for item in group if isinstance(item, Document)])
        yield from ((item, versions.get(item.id) if isinstance(item, Document) else None) for item in group)


def _resumed(store: Store, document: Document) -> IngestOutcome:
    """The outcome of a document an earlier run stored: "unchanged", with the stored events
    it reports."""
    stored = store.document(document.id) or {}
    summary = WriteSummary(document.id, "unchanged", previous_version=PIPELINE_VERSION)
    return IngestOutcome(document, summary, tuple(stored.get("event_ids", ())), ())


# -- the workers -----------------------------------------------------------------------------


class _Pool(Protocol):
    def submit(self, key: int, documents: list[Document]) -> None: ...

    def finished(self, *, block: bool = True) -> list[tuple[int, CodedChunk]]:
        """Return (key, results) of the chunks coded since the last call; with `block`, wait
        until there is at least one."""
        ...

    def close(self) -> None: ...


def check_engine(options: BatchOptions) -> None:
    """Raise BatchError if `options` name an unknown engine, no worker, or Ray is missing."""
    if options.engine not in ENGINES:
        raise BatchError(f"unknown engine {options.engine!r}; choose one of {', '.join(ENGINES)}")
    if options.workers < 1:
        raise BatchError(f"--workers must be at least 1, not {options.workers}")
    if options.engine == "ray":
        try:
            import ray  # noqa: F401
        except ImportError:
            raise BatchError(RAY_MISSING) from None


def open_pool(options: BatchOptions, coder: Coder | ChunkCoder) -> _Pool:
    """Return the started, warmed-up workers of `options.engine`, each running `coder` (a
    `Worker`; a plain Coder is wrapped in one that ships no vectors); raise BatchError."""
    check_engine(options)
    if not isinstance(coder, Worker):
        coder = Worker(coder, ship_vectors=False)  # type: ignore[arg-type]
    if options.engine == "ray":
        from eventwire.batch_ray import RayPool, RayStartError  # imports Ray

        try:
            return RayPool(options.workers, options.address, coder)
        except RayStartError as e:
            raise BatchError(str(e)) from None
    if options.workers == 1:
        return _InlinePool(coder)
    return _ProcessPool(options.workers, coder)


class _LazyPool:
    """Opens the pool on the first chunk, timing the warm-up into `state`."""

    def __init__(self, options: BatchOptions, coder: ChunkCoder, state: BatchProgress) -> None:
        self._options, self._coder, self._state = options, coder, state
        self._pool: _Pool | None = None

    def submit(self, key: int, documents: list[Document]) -> None:
        if self._pool is None:
            begun = time.monotonic()
            self._pool = open_pool(self._options, self._coder)
            self._state.warmup_s = time.monotonic() - begun
            self._state.started += self._state.warmup_s  # the rate counts coding time only
        self._pool.submit(key, documents)

    def finished(self, *, block: bool = True) -> list[tuple[int, CodedChunk]]:
        if self._pool is None:
            return []
        return self._pool.finished(block=block)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()


class _InlinePool:
    """One worker: this process codes each chunk when its result is asked for."""

    def __init__(self, coder: ChunkCoder) -> None:
        self._coder = coder
        self._pending: deque[tuple[int, list[Document]]] = deque()
        warm_up(coder)

    def submit(self, key: int, documents: list[Document]) -> None:
        self._pending.append((key, documents))

    def finished(self, *, block: bool = True) -> list[tuple[int, CodedChunk]]:
        if not block or not self._pending:
            return []
        key, documents = self._pending.popleft()
        return [(key, self._coder(documents))]

    def close(self) -> None:
        self._pending.clear()


_worker_coder: ChunkCoder | None = None


def _start_process_worker(coder: ChunkCoder) -> None:
    global _worker_coder
    _worker_coder = coder
    warm_up(coder)


def _worker_pid() -> int:
    time.sleep(0.2)  # long enough that one worker does not answer for all
    return os.getpid()


def _code_in_process_worker(documents: list[Document]) -> CodedChunk:
    assert _worker_coder is not None, "worker not started"
    return _worker_coder(documents)


class _ProcessPool:
    """`workers` spawned processes (each loads its own models once)."""

    def __init__(self, workers: int, coder: ChunkCoder) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._executor = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_process_worker, initargs=(coder,)
        )
        self._futures: dict[Future[CodedChunk], int] = {}
        # start and warm every worker now, so the warm-up is not counted as coding time: each
        # answers only once its initializer (the warm-up) has run
        seen: set[int] = set()
        for _ in range(20):
            seen.update(f.result() for f in [self._executor.submit(_worker_pid) for _ in range(workers)])
            if len(seen) >= workers:
                break

    def submit(self, key: int, documents: list[Document]) -> None:
        self._futures[self._executor.submit(_code_in_process_worker, documents)] = key

    def finished(self, *, block: bool = True) -> list[tuple[int, CodedChunk]]:
        done, _ = wait(self._futures, timeout=None if block else 0, return_when=FIRST_COMPLETED)
        return [(self._futures.pop(f), f.result()) for f in done]

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def progress_reporter(write: Callable[[str], None], *, every: float | None) -> Callable[[BatchProgress], None]:
    """Return a progress callback that writes `BatchProgress.describe()` at most every `every`
    seconds and once when the batch is done (never when `every` is None)."""
    last = time.monotonic()

    def report(state: BatchProgress) -> None:
        nonlocal last
        if every is None:
            return
        now = time.monotonic()
        if now - max(last, state.started) >= every or (state.total is not None and state.done == state.total):
            last = now
            write(state.describe())

    return report


def batch_with_progress(
    inputs: list[str],
    store: Store,
    options: BatchOptions,
    fetcher: SafeFetcher,
    progress: RichProgress,
    task: TaskID,
    *,
    say: Callable[[str], None],
) -> Iterator[IngestOutcome | Skip]:
    """`run_batch` over INPUTS, shown on a rich progress bar when it is displayed (a terminal),
    else told through `say` every 30 s."""
    report = progress_reporter(say, every=None if not progress.disable else 30.0)

    def show(state: BatchProgress) -> None:
        progress.update(task, total=state.total, description=f"ingesting ({state.rate:.1f} docs/s)")
        report(state)

    return run_batch(inputs, store, options, fetcher=fetcher, progress=show)
