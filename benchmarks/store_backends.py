"""Ingest throughput of the SQLite and the PostgreSQL store on the same results (issue 19).

    python benchmarks/store_backends.py [--documents 200] [--rounds 3] [--writers 2]
        [--batch 32] [--pg postgresql://postgres@127.0.0.1:5432/eventwire_bench]

The same --documents pre-built results (synthetic documents of one or two events, 30 countries,
two months; a quarter re-report an incident stored before them, so joins, rebuilds and merges
run too: `resolution_cost.new_document`) are ingested with `Store.ingest` (resolution, rows,
reports, revisions, full-text index), into a fresh SQLite file and into a fresh schema of the
PostgreSQL database --pg (created if missing, dropped after), two ways: one transaction a
document ("per document": `eventwire ingest` without a pool), and --batch documents a
transaction ("batched": `Store.write_batch`, as the batch runner writes a chunk, its locks taken
first; --batch 0 leaves it out). Text
similarity is the model-free `lexical_similarity`, so the figures are the store's own cost (the
sentence encoder adds the same time to both). Beside the wall time, the CPU per document of the
writing processes and (a local server) of their PostgreSQL server processes: on a loaded
machine the wall time mostly measures waits (a commit's disk sync, being scheduled). --writers 2 splits the documents between two
processes ingesting at once (SQLite lets one write at a time; PostgreSQL both, locking only the
document and the areas each one's events could link in). Each round ingests into new stores, alternating
which backend goes first; the best round of each is reported, then PostgreSQL's throughput as a
share of SQLite's (issue 19's target: at least 0.9). The machine is shared: compare the two
figures of one run only.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resolution_cost import new_document, synthetic_event  # benchmarks/ is the script's folder

from eventwire.models import Document, Event
from eventwire.pipeline import DocumentResult
from eventwire.resolve.similarity import lexical_similarity
from eventwire.store import Store, open_store

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/eventwire_bench"
SPAN_DAYS = 60


def build_results(documents: int, seed: int) -> list[DocumentResult]:
    """Return the results to ingest: the first fifth new incidents, then documents of which a
    quarter re-report one of the incidents before them."""
    rng = random.Random(seed)
    results: list[DocumentResult] = []
    seen: list[Event] = []
    for k in range(documents):
        if k < documents // 5 or not seen:
            doc_id = f"seed-{k}"
            event = synthetic_event(rng, k, doc_id, SPAN_DAYS)
            text = event.reports[0].evidence[0].text
            result = DocumentResult(Document(doc_id, text, "en"), (event,))
        else:
            result = new_document(rng, k, seen, SPAN_DAYS)
        seen.extend(result.events)
        results.append(result)
    return results


@dataclass
class Run:
    """One backend's ingest of the results: wall seconds, joins, and the CPU seconds of the
    writing processes and of their PostgreSQL server processes (0 for SQLite, or when the
    server's processes cannot be read: another machine)."""

    seconds: float = 0.0
    joins: int = 0
    client_cpu: float = 0.0
    server_cpu: float = 0.0


def _server_cpu(store: Store, pid: int | None = None) -> tuple[int | None, float]:
    """Return (the PostgreSQL server process of the store's connection, its CPU seconds so far),
    read from /proc/PID/schedstat (a local server only); (None, 0.0) for SQLite or elsewhere."""
    if store.dialect.name != "postgresql":
        return None, 0.0
    if pid is None:
        pid = store._conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    try:
        return pid, int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return None, 0.0


def _ingest(location: str | Path, results: list[DocumentResult], ready: Callable[[], None], batch: int = 0) -> Run:
    """Return the Run of one process ingesting `results` (timed after `ready` returns), one
    transaction a document, or `batch` documents a transaction."""
    with open_store(location) as store:
        store._resolver._similarity = lexical_similarity
        pid, server0 = _server_cpu(store)
        ready()
        t0, cpu0 = time.perf_counter(), time.process_time()
        if batch:
            chunks = [results[i : i + batch] for i in range(0, len(results), batch)]
            summaries = [
                s for chunk in chunks for s in store.write_batch(lambda c=chunk: [store.ingest(r) for r in c], chunk)
            ]
        else:
            summaries = [store.ingest(result) for result in results]
        joins = sum(len(summary.joined) for summary in summaries)
        run = Run(time.perf_counter() - t0, joins, time.process_time() - cpu0)
        if pid is not None:
            run.server_cpu = _server_cpu(store, pid)[1] - server0
    return run


def _writer(location: str | Path, results: list[DocumentResult], barrier: Any, runs: Any, batch: int) -> None:
    runs.put(_ingest(location, results, barrier.wait, batch))


def ingest_all(location: str | Path, results: list[DocumentResult], writers: int = 1, batch: int = 0) -> Run:
    """Return the Run ingesting `results` into a new store at `location`, by `writers`
    processes at once (each every writers-th result) when more than one, `batch` documents a
    transaction (0: one each)."""
    open_store(location).close()  # the schema: not what is measured
    if writers == 1:
        run = _ingest(location, results, lambda: None, batch)
    else:
        context = multiprocessing.get_context("fork")
        barrier, queue = context.Barrier(writers + 1), context.Queue()
        procs = [
            context.Process(target=_writer, args=(location, results[i::writers], barrier, queue, batch))
            for i in range(writers)
        ]
        for proc in procs:
            proc.start()
        barrier.wait()
        t0 = time.perf_counter()
        parts = [queue.get() for _ in procs]
        run = Run(
            time.perf_counter() - t0,
            sum(p.joins for p in parts),
            sum(p.client_cpu for p in parts),
            sum(p.server_cpu for p in parts),
        )
        for proc in procs:
            proc.join()
    with open_store(location) as store:
        counts = store.counts()
    if counts["documents"] != len(results):
        raise SystemExit(f"{location}: {counts['documents']} documents stored, expected {len(results)}")
    return run


@contextmanager
def sqlite_store() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp) / "bench.sqlite"


@contextmanager
def postgres_store(url: str) -> Iterator[str]:
    """Yield the URL of a new schema in the database of `url` (created if missing)."""
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError:
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{url.rsplit("/", 1)[1]}"')
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        sep = "&" if "?" in url else "?"
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--pg", default=DEFAULT_PG, help="PostgreSQL database URL (a schema is made in it)")
    parser.add_argument("--writers", type=int, default=1, help="processes ingesting at once (each a share)")
    parser.add_argument("--batch", type=int, default=32, help="documents a transaction, batched (0: not measured)")
    args = parser.parse_args(argv)
    results = build_results(args.documents, args.seed)
    events = sum(len(r.events) for r in results)
    backends: dict[str, Callable[[], Any]] = {
        "sqlite": sqlite_store,
        "postgresql": lambda: postgres_store(args.pg),
    }
    modes = {"per document": 0, **({f"batched ({args.batch})": args.batch} if args.batch else {})}
    best: dict[tuple[str, str], Run] = {}
    for round_no in range(args.rounds):
        order = list(backends) if round_no % 2 == 0 else list(reversed(backends))
        for mode, batch in modes.items():
            for name in order:
                with backends[name]() as location:
                    run = ingest_all(location, results, args.writers, batch)
                if (name, mode) not in best or run.seconds < best[name, mode].seconds:
                    best[name, mode] = run
                print(f"round {round_no + 1} {mode:<13} {name:<10} {run.seconds:6.2f} s", file=sys.stderr)
    n = len(results)
    print(f"{n} documents, {events} events, {args.writers} writer(s), best of {args.rounds} rounds")
    # CPU: of the writing processes (client) and of their PostgreSQL server processes, per
    # document, in the best round: what a loaded machine's wall times hide
    print(
        f"{'mode':<13} {'backend':<11} {'seconds':>8} {'docs/s':>8} {'ms/doc':>7} {'joins':>6}"
        f" {'client CPU':>11} {'server CPU':>11}"
    )
    for mode in modes:
        for name in backends:
            r = best[name, mode]
            print(
                f"{mode:<13} {name:<11} {r.seconds:>8.2f} {n / r.seconds:>8.1f} {1000 * r.seconds / n:>7.2f}"
                f" {r.joins:>6} {1000 * r.client_cpu / n:>8.2f} ms {1000 * r.server_cpu / n:>8.2f} ms"
            )
    for mode in modes:
        ratio = best["sqlite", mode].seconds / best["postgresql", mode].seconds
        print(f"{mode}: PostgreSQL ingest = {ratio:.2f}x SQLite (throughput; target >= 0.9)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
