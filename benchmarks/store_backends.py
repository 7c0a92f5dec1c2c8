"""Ingest throughput of the SQLite and the PostgreSQL store on the same results (issue 19).

    python benchmarks/store_backends.py [--documents 200] [--rounds 3]
        [--pg postgresql://postgres@127.0.0.1:5432/eventwire_bench]

The same --documents pre-built results (synthetic documents of one or two events, 30 countries,
two months; a quarter re-report an incident stored before them, so joins, rebuilds and merges
run too: `resolution_cost.new_document`) are ingested with `Store.ingest`, one transaction each
(resolution, rows, reports, revisions, full-text index), into a fresh SQLite file and into a
fresh schema of the PostgreSQL database --pg (created if missing, dropped after). Text
similarity is the model-free `lexical_similarity`, so the figures are the store's own cost (the
sentence encoder adds the same time to both). --writers 2 splits the documents between two
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
from pathlib import Path
from typing import Any

from resolution_cost import new_document, synthetic_event  # benchmarks/ is the script's folder

from eventwire.models import Document, Event
from eventwire.pipeline import DocumentResult
from eventwire.resolve.similarity import lexical_similarity
from eventwire.store import open_store

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


def _writer(location: str | Path, results: list[DocumentResult], barrier: Any, joins: Any) -> None:
    with open_store(location) as store:
        store._resolver._similarity = lexical_similarity
        barrier.wait()
        joins.put(sum(len(store.ingest(result).joined) for result in results))


def ingest_all(location: str | Path, results: list[DocumentResult], writers: int = 1) -> tuple[float, int]:
    """Return (seconds, joins) to ingest `results` into a new store at `location`, by `writers`
    processes at once (each every writers-th result) when more than one."""
    open_store(location).close()  # the schema: not what is measured
    if writers == 1:
        with open_store(location) as store:
            store._resolver._similarity = lexical_similarity
            t0 = time.perf_counter()
            joins = sum(len(store.ingest(result).joined) for result in results)
            elapsed = time.perf_counter() - t0
    else:
        context = multiprocessing.get_context("fork")
        barrier, queue = context.Barrier(writers + 1), context.Queue()
        procs = [
            context.Process(target=_writer, args=(location, results[i::writers], barrier, queue))
            for i in range(writers)
        ]
        for proc in procs:
            proc.start()
        barrier.wait()
        t0 = time.perf_counter()
        joins = sum(queue.get() for _ in procs)
        elapsed = time.perf_counter() - t0
        for proc in procs:
            proc.join()
    with open_store(location) as store:
        counts = store.counts()
    if counts["documents"] != len(results):
        raise SystemExit(f"{location}: {counts['documents']} documents stored, expected {len(results)}")
    return elapsed, joins


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
    args = parser.parse_args(argv)
    results = build_results(args.documents, args.seed)
    events = sum(len(r.events) for r in results)
    backends: dict[str, Callable[[], Any]] = {
        "sqlite": sqlite_store,
        "postgresql": lambda: postgres_store(args.pg),
    }
    best: dict[str, float] = {}
    joins: dict[str, int] = {}
    for round_no in range(args.rounds):
        order = list(backends) if round_no % 2 == 0 else list(reversed(backends))
        for name in order:
            with backends[name]() as location:
                seconds, joined = ingest_all(location, results, args.writers)
            best[name] = min(best.get(name, seconds), seconds)
            joins[name] = joined
            print(f"round {round_no + 1} {name:<10} {seconds:6.2f} s", file=sys.stderr)
    print(f"{len(results)} documents, {events} events, {args.writers} writer(s), best of {args.rounds} rounds")
    print(f"{'backend':<11} {'seconds':>8} {'docs/s':>8} {'ms/doc':>7} {'joins':>6}")
    for name in backends:
        print(
            f"{name:<11} {best[name]:>8.2f} {len(results) / best[name]:>8.1f} "
            f"{1000 * best[name] / len(results):>7.2f} {joins[name]:>6}"
        )
    ratio = best["sqlite"] / best["postgresql"]
    print(f"PostgreSQL ingest = {ratio:.2f}x SQLite (throughput; target >= 0.9)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
