"""Ray scaling benchmark (issue 19, item 4): the same documents ingested by the batch runner
with the local pool and with Ray at 1 and 2 workers; docs/s and the ratios.

    python benchmarks/ray_scaling.py                 # 2,000 documents, ~2 minutes on 2 cores
    python benchmarks/ray_scaling.py --limit 200     # a quick run

The documents are the texts of ../shared/data/dev/gold.jsonl and gold_b.jsonl and the notes of
acled_notes_dev.jsonl, mixed evenly (every prefix holds articles and notes in the same
proportion), written to a temporary JSONL archive: they never enter the repository.

Each phase ingests the archive into a fresh SQLite store in its own temporary folder
(`batch.run_batch`, cross-document resolution on, as `eventwire ingest` does). docs/s counts
coding and storing only: the workers' start and model warm-up is reported apart. The driver's
CPU seconds (reading, the single writer, resolution) are reported beside: when they approach the
wall time, the writer, not the workers, bounds the rate. The machine may be shared: each phase
prints the 1-minute load average before and after it, and ratios mean something only between
phases of one run.

Target: Ray at 2 workers >= 1.8x Ray at 1 worker. On a machine other jobs load, the wall-time
ratio says more about them than about Ray: the CPU the workers burned is measured too (every
process this one started, from /proc), and "busy" (worker CPU / wall time / workers) shows how
much of a core each worker got; the projected ratio assumes a core per worker.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))
# Ray workers import eventwire too: they inherit PYTHONPATH, not this process's sys.path
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

DATA = ROOT.parent / "shared" / "data" / "dev"
ARTICLES = ("gold.jsonl", "gold_b.jsonl")
NOTES = "acled_notes_dev.jsonl"
DEFAULT_DOCS = 2000
TARGET_RAY_2_OVER_1 = 1.8
SAMPLE_EVERY_S = 1.0
PHASES = (("local pool", "local", 2), ("ray", "ray", 1), ("ray", "ray", 2))


@dataclass
class Phase:
    label: str
    workers: int
    docs: int = 0
    seconds: float = 0.0
    warmup_s: float = 0.0
    driver_cpu_s: float = 0.0
    worker_cpu_s: float = 0.0  # CPU of every process this one started (workers, Ray's daemons)
    cpu_window_s: float = 0.0  # the wall time over which worker_cpu_s was measured
    load_before: float = 0.0
    load_after: float = 0.0

    @property
    def rate(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def per_cpu_s(self) -> float:
        """Documents per CPU-second of the workers: what the rate would be per core had each
        worker a core of its own (a shared machine lowers the rate, not this)."""
        return self.rate * self.cpu_window_s / self.worker_cpu_s if self.worker_cpu_s else 0.0

    @property
    def busy(self) -> float:
        """The workers' CPU over their wall time: 1.0 = each worker had a core all the time."""
        return self.worker_cpu_s / (self.cpu_window_s * self.workers) if self.cpu_window_s else 0.0


def descendants_cpu_s() -> dict[int, float]:
    """Return {pid: CPU seconds (user + system)} of every live descendant of this process (/proc)."""
    parent: dict[int, int] = {}
    cpu: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        parent[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    mine, frontier = set(), [os.getpid()]
    while frontier:
        pid = frontier.pop()
        children = [child for child, ppid in parent.items() if ppid == pid and child not in mine]
        mine.update(children)
        frontier.extend(children)
    return {pid: cpu[pid] for pid in mine}


def cpu_between(samples: list[tuple[float, dict[int, float]]], start: float) -> tuple[float, float]:
    """Return (CPU seconds, wall seconds) of the descendants from the first sample at or after
    `start` to the last: per process, its last reading less its reading at the first sample (0
    for a process started since), so processes that end (Ray's idle workers) subtract nothing."""
    window = [(at, cpu) for at, cpu in samples if at >= start]
    if len(window) < 2:
        return 0.0, 0.0
    first = window[0][1]
    last: dict[int, float] = {}
    for _, cpu in window:
        last.update(cpu)
    return sum(value - first.get(pid, 0.0) for pid, value in last.items()), window[-1][0] - window[0][0]


def build_archive(path: Path, limit: int) -> int:
    """Write `limit` documents (articles and notes mixed evenly) to `path`; return how many."""
    articles = [r for name in ARTICLES for r in _records(DATA / name)]
    notes = _records(DATA / NOTES)
    n_articles = min(len(articles), round(limit * len(articles) / (len(articles) + len(notes))))
    n_articles = max(n_articles, 1) if limit > 1 else n_articles
    chosen_notes = notes[: max(0, limit - n_articles)]
    step = (len(chosen_notes) + n_articles) / max(n_articles, 1)
    mixed: list[dict] = []
    a = 0
    for record in chosen_notes:
        if a < n_articles and len(mixed) >= a * step:
            mixed.append(articles[a])
            a += 1
        mixed.append(record)
    mixed.extend(articles[a:n_articles])
    with path.open("w", encoding="utf-8") as out:
        for n, record in enumerate(mixed):
            line = {"id": f"bench-{n}", "text": record["text"], "lang": record.get("lang")}
            line.update({k: record[k] for k in ("published", "title", "source") if record.get(k)})
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(mixed)


def _records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [r for r in map(json.loads, f) if r.get("text")]


def run_phase(label: str, engine: str, workers: int, archive: Path, resolve: bool) -> Phase:
    from eventwire.batch import BatchOptions, BatchProgress, run_batch
    from eventwire.store import open_store

    phase = Phase(label, workers, load_before=os.getloadavg()[0])
    last: list[BatchProgress] = []
    samples: list[tuple[float, dict[int, float]]] = []  # (time, CPU of each descendant)
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(SAMPLE_EVERY_S):
            samples.append((time.monotonic(), descendants_cpu_s()))

    sampler = threading.Thread(target=sample, daemon=True)
    with tempfile.TemporaryDirectory(prefix="ew-ray-bench-") as tmp, open_store(Path(tmp) / "bench.db") as store:
        cpu = time.process_time()
        sampler.start()
        options = BatchOptions(engine=engine, workers=workers, resolve=resolve)
        for _ in run_batch([archive], store, options, progress=lambda state: last.__setitem__(slice(None), [state])):
            if last[0].done == last[0].total:  # workers still alive: take the last sample now
                samples.append((time.monotonic(), descendants_cpu_s()))
        end = time.monotonic()
        stop.set()
        sampler.join()
        phase.driver_cpu_s = time.process_time() - cpu
    state = last[-1]
    # the workers' CPU from the first sample after their warm-up to the last one
    phase.worker_cpu_s, phase.cpu_window_s = cpu_between(samples, state.started)
    phase.docs, phase.warmup_s = state.done - state.resumed, state.warmup_s
    phase.seconds = end - state.started
    phase.load_after = os.getloadavg()[0]
    return phase


def report(phases: list[Phase], console: Console) -> None:
    table = Table(title="batch ingest: docs/s after warm-up (this machine, one run)")
    columns = ("engine", "workers", "docs", "s", "docs/s", "docs/worker-CPU-s", "busy", "warm-up s", "driver CPU s")
    for column in (*columns, "load 1m before/after"):
        table.add_column(column, justify="right")
    for p in phases:
        table.add_row(
            p.label,
            str(p.workers),
            str(p.docs),
            f"{p.seconds:.1f}",
            f"{p.rate:.2f}",
            f"{p.per_cpu_s:.2f}",
            f"{p.busy:.2f}",
            f"{p.warmup_s:.1f}",
            f"{p.driver_cpu_s:.1f}",
            f"{p.load_before:.1f} / {p.load_after:.1f}",
        )
    console.print(table)
    by = {(p.label, p.workers): p for p in phases}
    ray1, ray2, local2 = by.get(("ray", 1)), by.get(("ray", 2)), by.get(("local pool", 2))
    if ray1 and ray2 and ray1.rate:
        ratio = ray2.rate / ray1.rate
        verdict = "meets" if ratio >= TARGET_RAY_2_OVER_1 else "misses"
        console.print(f"ray 2 workers / ray 1 worker: {ratio:.2f}x ({verdict} the {TARGET_RAY_2_OVER_1}x target)")
        # with a core per worker (busy = 1), the rate is workers x docs/worker-CPU-s
        if ray1.per_cpu_s:
            ideal = 2 * ray2.per_cpu_s / ray1.per_cpu_s
            console.print(f"  on cores of their own (CPU per document as measured): {ideal:.2f}x")
    if local2 and ray2 and local2.rate:
        console.print(f"ray 2 workers / local pool 2 workers: {ray2.rate / local2.rate:.2f}x")
    console.print(f"cores: {os.cpu_count()}; load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=DEFAULT_DOCS, help="documents to ingest (default 2000)")
    parser.add_argument("--no-resolve", action="store_true", help="store without cross-document resolution")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args()
    console = Console(stderr=True, width=160)
    with tempfile.TemporaryDirectory(prefix="ew-ray-archive-") as tmp:
        archive = Path(tmp) / "archive.jsonl"
        docs = build_archive(archive, args.limit)
        console.print(f"{docs} documents; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
        phases = []
        for label, engine, workers in PHASES:
            phases.append(run_phase(label, engine, workers, archive, resolve=not args.no_resolve))
            console.print(f"{label} x{workers}: {phases[-1].rate:.2f} docs/s")
    report(phases, console)
    if args.json:
        print(json.dumps([{**vars(p), "docs_per_s": round(p.rate, 3), "busy": round(p.busy, 3)} for p in phases]))


if __name__ == "__main__":
    main()
