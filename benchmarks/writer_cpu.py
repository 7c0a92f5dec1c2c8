"""The batch writer's CPU per document, alone (issue 19): the driver side of `run_batch` (the one
writer: SQLite, cross-document resolution) without workers or Ray in the measurement.

    python benchmarks/writer_cpu.py --limit 500              # codes once (cached), then writes
    python benchmarks/writer_cpu.py --limit 500 --profile    # and prints where the CPU goes
    python benchmarks/writer_cpu.py --limit 500 --chunks-per-call 1   # chunks come back one at a time

The documents are those of `ray_scaling.py` (the same mixed archive). They are coded once in this
process and the chunks kept in a cache file outside the repository (`--cache`); each run then
writes them to a fresh SQLite store through the batch runner's writer (`batch._drive`, a pool
that answers from the cache), so the CPU measured is the writer's only and repeats are cheap.
`--chunks-per-call 1` hands back one chunk a call (as Ray workers at full speed do: small write
transactions); the default hands back every chunk at once (the largest transactions).
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for where in (ROOT, ROOT / "benchmarks"):
    if str(where) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(where))

from ray_scaling import build_archive

from eventwire.batch import BatchOptions, _drive
from eventwire.batch_worker import CodedChunk, Worker
from eventwire.models import Document
from eventwire.pipeline import extract_events_batch
from eventwire.service import read_sources
from eventwire.store import open_store


class CachedPool:
    """A pool answering from coded chunks by their documents' ids (coding in this process the
    ones not cached); `per_call` chunks a `finished` call (0: all those submitted)."""

    def __init__(self, coded: dict[tuple[str, ...], CodedChunk], per_call: int) -> None:
        self.coded, self.per_call = coded, per_call
        self.pending: list[tuple[int, CodedChunk]] = []
        self.worker: Worker | None = None

    def submit(self, key: int, documents: list[Document]) -> None:
        ids = tuple(d.id for d in documents)
        if ids not in self.coded:
            self.worker = self.worker or Worker(extract_events_batch, ship_vectors=True)
            self.coded[ids] = self.worker(documents)
        self.pending.append((key, self.coded[ids]))

    def finished(self, *, block: bool = True) -> list[tuple[int, CodedChunk]]:
        cut = self.per_call or len(self.pending)
        done, self.pending = self.pending[:cut], self.pending[cut:]
        return done

    def close(self) -> None:
        self.pending.clear()


def write_once(archive: Path, pool: CachedPool, profile: cProfile.Profile | None) -> tuple[int, float]:
    """Write the archive to a fresh store; return (documents, writer CPU seconds)."""
    options = BatchOptions(engine="local", workers=2, resolve=True)
    with tempfile.TemporaryDirectory(prefix="ew-writer-cpu-") as tmp, open_store(Path(tmp) / "w.db") as store:
        items = read_sources([archive])
        if profile is not None:
            profile.enable()
        begun = time.process_time()
        docs = sum(1 for _ in _drive(items, store, pool, options))
        spent = time.process_time() - begun
        if profile is not None:
            profile.disable()
    return docs, spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="writes of the archive (the first codes it)")
    parser.add_argument("--chunks-per-call", type=int, default=0, help="chunks handed back a call (0: all)")
    parser.add_argument("--profile", action="store_true", help="cProfile the last write")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "ew-writer-cpu")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    archive, cached = args.cache / f"archive{args.limit}.jsonl", args.cache / f"coded{args.limit}.pkl"
    if not archive.exists():
        build_archive(archive, args.limit)
    coded = pickle.loads(cached.read_bytes()) if cached.exists() else {}
    pool = CachedPool(coded, args.chunks_per_call)
    if not coded:
        write_once(archive, pool, None)  # codes the archive: not measured
        cached.write_bytes(pickle.dumps(coded))
    for n in range(args.repeat):
        profile = cProfile.Profile() if args.profile and n == args.repeat - 1 else None
        docs, spent = write_once(archive, pool, profile)
        print(f"write {n + 1}: {docs} documents, writer CPU {1000 * spent / max(docs, 1):.2f} ms/doc")
        if profile is not None:
            pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
