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
  a chunk's documents are written in one transaction (`Store.batch`, a savepoint each).
- Resumable: the id of a document is the hash of its text, so a document already stored by this
  pipeline version is not sent to a worker again (its outcome says "unchanged"). A crash or a
  kill loses at most the chunks in flight; running the same command again finishes the archive
  and every document is stored once.
- A document a worker fails on is a recorded skip ("processing_error"), not a lost batch.
- Engines: "local" (a pool of `workers` spawned processes; 1 worker codes in this process) and
  "ray" (one actor per worker; `address` joins a running cluster, e.g. "auto" for the one
  `ray start` runs on this machine, else a private local Ray of `workers` CPUs, offline: no
  dashboard, no usage statistics).
"""

from __future__ import annotations

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

import numpy as np

from eventwire import PIPELINE_VERSION
from eventwire.errors import EventwireError
from eventwire.ingest.fetch import SafeFetcher
from eventwire.models import Document, Skip
from eventwire.nlp.encoder import encode, recent_vectors
from eventwire.pipeline import DocumentResult, extract_events_batch, freeze_loaded_objects
from eventwire.resolve.similarity import evidence_sentences, text_key
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
# Chunks coded ahead of the oldest one still being coded, kept until it is stored: at most this
# many windows (bounds memory when one long document holds the writer back).
CHUNKS_AHEAD = 4
# Object store of a private local Ray: results are small, and the default (30% of memory)
# would take shared memory the workers' models need.
LOCAL_RAY_OBJECT_STORE_BYTES = 256 * 1024**2

# Invented dispatches that take each language's models through every stage once.
_WARMUP_TEXTS = {
    "en": "Gunmen attacked a village near Kano, Nigeria, on Monday, killing three civilians.",
    "fr": "Des hommes armés ont attaqué lundi le village de Bankass, au Mali, tuant trois civils.",
}

Coder = Callable[[list[Document]], list[DocumentResult]]
ChunkCoder = Callable[[list[Document]], "CodedChunk"]  # what a pool's workers run (`_Worker`)


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


@dataclass(frozen=True)
class CodedChunk:
    """A worker's answer for a chunk: the results (or Skips) in order and, when asked for, the
    vectors (float32, a row each) of their events' distinct evidence sentences by `text_key`,
    saved to the store's vector cache, where cross-document similarity looks first."""

    items: list[DocumentResult | Skip]
    keys: tuple[str, ...] = ()
    vectors: np.ndarray | None = None


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
    pool = _LazyPool(options, _Worker(coder or extract_events_batch, ship), state)
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
    source = iter(items)
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
            item = next(source, None)
            if item is None:
                exhausted = True
                send()
            elif isinstance(item, Skip) or _already_stored(store, item):
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
        written: list[tuple[str, IngestOutcome | Skip]] = []
        coded = results.pop(value)
        with store.batch():  # the chunk in one transaction (one disk sync on SQLite)
            if coded.keys and options.resolve:
                store.save_vectors(dict(zip(coded.keys, coded.vectors, strict=True)))  # type: ignore[arg-type]
            for coded_item in coded.items:
                if isinstance(coded_item, Skip):
                    store.record_skip(coded_item)
                    written.append(("skip", coded_item))
                else:
                    written.append(("stored", store_result(coded_item, store, resolve=options.resolve)))
        # a worker done while this chunk was written gets its next one (asked once a chunk: a
        # worker codes a chunk in far more time than this process takes to write one)
        collect(block=False)
        yield from written  # told once committed


def _already_stored(store: Store, document: Document) -> bool:
    stored = store.document(document.id)
    return stored is not None and stored.get("pipeline_version") == PIPELINE_VERSION


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
    `_Worker`; a plain Coder is wrapped in one that ships no vectors); raise BatchError."""
    check_engine(options)
    if not isinstance(coder, _Worker):
        coder = _Worker(coder, ship_vectors=False)  # type: ignore[arg-type]
    if options.engine == "ray":
        return _RayPool(options, coder)
    if options.workers == 1:
        return _InlinePool(coder)
    return _ProcessPool(options.workers, coder)


def code_chunk(coder: Coder, documents: list[Document]) -> list[DocumentResult | Skip]:
    """Return the coder's results for a chunk; when it fails, code the documents one by one, a
    document it fails on becoming a Skip "processing_error"."""
    try:
        return list(coder(documents))
    except Exception:
        logger.warning("a chunk of %d document(s) failed; coding them one by one", len(documents), exc_info=True)
    coded: list[DocumentResult | Skip] = []
    for document in documents:
        try:
            coded.extend(coder([document]))
        except Exception as e:
            logger.warning("document %s could not be coded", document.id, exc_info=True)
            detail = f"{type(e).__name__}: {e}"[:300]
            coded.append(Skip(document.origin or document.id, "processing_error", detail, document.id))
    return coded


class _Worker:
    """What a worker runs on a chunk (picklable: sent to each process or actor): `code_chunk`,
    then, with `ship_vectors`, the vectors of the evidence sentences (`evidence_vectors`)."""

    def __init__(self, coder: Coder, ship_vectors: bool) -> None:
        self.coder, self.ship_vectors = coder, ship_vectors

    def __call__(self, documents: list[Document]) -> CodedChunk:
        items = code_chunk(self.coder, documents)
        return CodedChunk(items, *evidence_vectors(items)) if self.ship_vectors else CodedChunk(items)


def evidence_vectors(items: Iterable[DocumentResult | Skip]) -> tuple[tuple[str, ...], np.ndarray]:
    """Return the text keys and vectors (float32, a row each) of the distinct evidence sentences
    of the results' events and context mentions: those the sub-type classifier encoded while
    coding them are taken as it left them (`recent_vectors`), the others encoded in one call."""
    events = [e for item in items if isinstance(item, DocumentResult) for e in (*item.events, *item.context_mentions)]
    sentences = list(dict.fromkeys(sentence for event in events for sentence in evidence_sentences(event)))
    if not sentences:
        return (), np.zeros((0, 0), dtype=np.float32)
    known = recent_vectors(sentences)
    missing = [s for s in sentences if s not in known]
    if missing:
        known.update(zip(missing, encode(missing), strict=True))
    return tuple(text_key(s) for s in sentences), np.stack([known[s] for s in sentences])


def warm_up(coder: Coder | ChunkCoder) -> None:
    """Load the models of every language by coding one short invented text in each, then put
    them out of the garbage collector's sight (`freeze_loaded_objects`)."""
    from threadpoolctl import threadpool_limits

    # one worker, one core: BLAS threads would only fight the other workers
    threadpool_limits(limits=1)
    documents = [
        Document(id=f"warm-up-{lang}", text=text, lang=lang, published=date(2024, 1, 15))
        for lang, text in _WARMUP_TEXTS.items()
    ]
    if isinstance(coder, _Worker):
        coder(documents)  # its encoder too, when it sends vectors
    else:
        code_chunk(coder, documents)  # type: ignore[arg-type]
    freeze_loaded_objects()


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


class CodingActor:
    """A Ray actor holding the pipeline: models loaded and warmed up once, in `__init__`."""

    def __init__(self, coder: ChunkCoder) -> None:
        self._coder = coder
        warm_up(coder)

    def ready(self) -> bool:
        return True

    def code(self, documents: list[Document]) -> CodedChunk:
        return self._coder(documents)


class _RayPool:
    """One `CodingActor` per worker, each given chunks while it has fewer than
    CHUNKS_PER_WORKER queued."""

    def __init__(self, options: BatchOptions, coder: ChunkCoder) -> None:
        import ray

        self._ray = ray
        self._own = not ray.is_initialized()
        if self._own:
            _init_ray(ray, options)
        try:
            actor = ray.remote(num_cpus=1)(CodingActor)
            self._actors: list[Any] = [actor.remote(coder) for _ in range(options.workers)]
            ray.get([a.ready.remote() for a in self._actors])
        except BaseException:
            self.close()
            raise
        self._load = [0] * len(self._actors)
        self._refs: dict[Any, tuple[int, int]] = {}  # object ref -> (key, actor index)

    def submit(self, key: int, documents: list[Document]) -> None:
        index = min(range(len(self._actors)), key=self._load.__getitem__)
        self._load[index] += 1
        self._refs[self._actors[index].code.remote(documents)] = (key, index)

    def finished(self, *, block: bool = True) -> list[tuple[int, CodedChunk]]:
        if not self._refs:
            return []
        ready, _ = self._ray.wait(list(self._refs), num_returns=1, timeout=None if block else 0)
        others = [ref for ref in self._refs if ref not in ready]
        if ready and others:  # and every other one already done
            ready += self._ray.wait(others, num_returns=len(others), timeout=0)[0]
        done = []
        for ref in ready:
            key, index = self._refs.pop(ref)
            self._load[index] -= 1
            done.append((key, self._ray.get(ref)))
        return done

    def close(self) -> None:
        for actor in getattr(self, "_actors", ()):
            self._ray.kill(actor)
        if self._own:
            self._ray.shutdown()


def _init_ray(ray: Any, options: BatchOptions) -> None:
    """Start a private local Ray of `workers` CPUs, or join the cluster at `address`; offline:
    no dashboard, no usage statistics."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Ray warns on every start that token authentication is on (the README says so once)
    logging.getLogger("ray._private.authentication.authentication_token_setup").setLevel(logging.ERROR)
    settings: dict[str, Any] = {
        "include_dashboard": False,
        "logging_level": logging.WARNING,
        "configure_logging": True,
        # the workers' log lines are not streamed to this process (the writer's CPU is the
        # batch's bottleneck); a document a worker fails on is a recorded skip all the same
        "log_to_driver": False,
    }
    try:
        if options.address:
            ray.init(address=options.address, **settings)
        else:
            ray.init(num_cpus=options.workers, object_store_memory=LOCAL_RAY_OBJECT_STORE_BYTES, **settings)
    except (ConnectionError, RuntimeError, ValueError) as e:
        where = options.address or "a local Ray"
        raise BatchError(f"cannot start Ray ({where}): {e}") from None


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
