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
much of a core each worker got.

    python benchmarks/ray_scaling.py --phases ray1,ray2 --repeat 3   # alternating, repeated

On a loaded machine, run the phases to compare alternately and repeatedly (`--repeat`): each
ratio is taken between neighbouring phases of one round, every second round runs them in
reverse order, and the median is reported. Each phase's clock stops when its last document is
stored (stopping Ray's workers after that is not counted). CPU per
document is split into the workers' (the `workers` busiest processes started here), the rest of
those processes' (Ray's daemons, the pool's helpers) and the driver's (reading, the writer,
resolution): "2 quiet cores" projects the ratio on a machine of two idle cores, where one
worker has a core of its own and two workers share both cores with the driver and daemons
(Ray x1 bound by its worker's CPU per document, Ray x2 by the CPU of all per document).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
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
PHASES = {"local2": ("local pool", "local", 2), "ray1": ("ray", "ray", 1), "ray2": ("ray", "ray", 2)}
DEFAULT_PHASES = "local2,ray1,ray2"
CORES = 2  # the machine the target is set for


@dataclass
class Phase:
    label: str
    workers: int
    docs: int = 0
    seconds: float = 0.0
    warmup_s: float = 0.0
    driver_cpu_s: float = 0.0  # after the warm-up, scaled to every document
    worker_cpu_s: float = 0.0  # CPU of every process this one started (workers, Ray's daemons)
    coder_cpu_s: float = 0.0  # of which the `workers` busiest processes (the workers)
    cpu_window_s: float = 0.0  # the wall time over which worker_cpu_s was measured
    load_before: float = 0.0
    load_after: float = 0.0

    @property
    def rate(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    def ms_per_doc(self, cpu_s: float) -> float:
        """CPU milliseconds per document of `cpu_s` spent over the CPU window."""
        docs = self.rate * self.cpu_window_s
        return 1000 * cpu_s / docs if docs else 0.0

    @property
    def cpu_split(self) -> tuple[float, float, float]:
        """CPU ms per document of (the workers, the other processes started here, the driver)."""
        driver = 1000 * self.driver_cpu_s / self.docs if self.docs else 0.0
        return self.ms_per_doc(self.coder_cpu_s), self.ms_per_doc(self.worker_cpu_s - self.coder_cpu_s), driver

    @property
    def quiet_rate(self) -> float:
        """Docs/s on CORES idle cores at this CPU per document: each worker bound by its own CPU
        per document, all together by the CPU of all per document."""
        coder, other, driver = self.cpu_split
        if not coder:
            return 0.0
        return 1000 * min(self.workers / coder, CORES / (coder + other + driver))

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


def cpu_between(
    samples: list[tuple[float, dict[int, float]]], start: float, busiest: int = 0
) -> tuple[float, float, float]:
    """Return (CPU seconds, CPU seconds of the `busiest` processes, wall seconds) of the
    descendants from the first sample at or after `start` to the last: per process, its last
    reading less its reading at the first sample (0 for a process started since), so processes
    that end (Ray's idle workers) subtract nothing."""
    window = [(at, cpu) for at, cpu in samples if at >= start]
    if len(window) < 2:
        return 0.0, 0.0, 0.0
    first = window[0][1]
    last: dict[int, float] = {}
    for _, cpu in window:
        last.update(cpu)
    spent = sorted((value - first.get(pid, 0.0) for pid, value in last.items()), reverse=True)
    return sum(spent), sum(spent[:busiest]), window[-1][0] - window[0][0]


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
    sampler_cpu = [0.0]  # the sampler thread's own CPU: not the driver's work
    first: list[tuple[float, float, int]] = []  # (process CPU, sampler CPU, done) at the first outcome
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(SAMPLE_EVERY_S):
            begun = time.thread_time()
            samples.append((time.monotonic(), descendants_cpu_s()))
            sampler_cpu[0] += time.thread_time() - begun

    def progress(state: BatchProgress) -> None:
        last[:] = [state]
        if not first:
            first.append((time.process_time(), sampler_cpu[0], state.done))

    sampler = threading.Thread(target=sample, daemon=True)
    with tempfile.TemporaryDirectory(prefix="ew-ray-bench-") as tmp, open_store(Path(tmp) / "bench.db") as store:
        sampler.start()
        options = BatchOptions(engine=engine, workers=workers, resolve=resolve)
        stored: tuple[float, float, float] | None = None  # (time, CPU, sampler CPU): last one stored
        for _ in run_batch([archive], store, options, progress=progress):
            if last[0].done == last[0].total:  # workers still alive: take the last sample now
                samples.append((time.monotonic(), descendants_cpu_s()))
                # the clocks stop here: stopping the workers after (Ray's shutdown, ~0.5 s in
                # this process, for 1 worker as for 2) is neither coding nor storing
                stored = (time.monotonic(), time.process_time(), sampler_cpu[0])
        end, driver_end, sampler_end = stored or (time.monotonic(), time.process_time(), sampler_cpu[0])
        # the driver's CPU per document from its first outcome (after the warm-up) on
        cpu, sampled, done = first[0]
        driver_cpu = driver_end - cpu - (sampler_end - sampled)
        stop.set()
        sampler.join()
    state = last[-1]
    phase.driver_cpu_s = driver_cpu * (state.done - state.resumed) / max(1, state.done - done)
    # the workers' CPU from the first sample after their warm-up to the last one
    phase.worker_cpu_s, phase.coder_cpu_s, phase.cpu_window_s = cpu_between(samples, state.started, workers)
    phase.docs, phase.warmup_s = state.done - state.resumed, state.warmup_s
    phase.seconds = end - state.started
    phase.load_after = os.getloadavg()[0]
    return phase


def report(rounds: list[list[Phase]], console: Console) -> None:
    table = Table(title="batch ingest: docs/s after warm-up (this machine; phases in the order run)")
    columns = ("round", "engine", "workers", "docs", "s", "docs/s", "busy", "warm-up s")
    cpu = ("CPU ms/doc: workers", "others", "driver", "docs/s on 2 quiet cores", "load 1m before/after")
    for column in (*columns, *cpu):
        table.add_column(column, justify="right")
    for n, phases in enumerate(rounds, 1):
        for p in phases:
            coder, other, driver = p.cpu_split
            table.add_row(
                *(str(n), p.label, str(p.workers), str(p.docs), f"{p.seconds:.1f}", f"{p.rate:.2f}", f"{p.busy:.2f}"),
                *(f"{p.warmup_s:.1f}", f"{coder:.1f}", f"{other:.2f}", f"{driver:.2f}"),
                *(f"{p.quiet_rate:.1f}", f"{p.load_before:.1f} / {p.load_after:.1f}"),
            )
    console.print(table)
    ratios = [r for r in map(_ratios, rounds) if r]
    for name, values in zip(("ray 2 workers / ray 1 worker", "projected on 2 quiet cores"), zip(*ratios, strict=False)):
        if values and all(values):
            verdict = "meets" if statistics.median(values) >= TARGET_RAY_2_OVER_1 else "misses"
            shown = " ".join(f"{v:.2f}" for v in values)
            console.print(
                f"{name}: median {statistics.median(values):.2f}x ({shown}; {verdict} the {TARGET_RAY_2_OVER_1}x target)"
            )
    local = [p for phases in rounds for p in phases if p.label == "local pool"]
    ray2 = [p for phases in rounds for p in phases if (p.label, p.workers) == ("ray", 2)]
    if local and ray2:
        console.print(f"ray 2 workers / local pool 2 workers: {_median_rate(ray2) / _median_rate(local):.2f}x")
    console.print(f"cores: {os.cpu_count()}; load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def _ratios(phases: list[Phase]) -> tuple[float, float] | None:
    """Ray x2 over Ray x1 in one round: (measured docs/s, projected on 2 quiet cores)."""
    by = {(p.label, p.workers): p for p in phases}
    ray1, ray2 = by.get(("ray", 1)), by.get(("ray", 2))
    if not (ray1 and ray2 and ray1.rate and ray1.quiet_rate):
        return None
    return ray2.rate / ray1.rate, ray2.quiet_rate / ray1.quiet_rate


def _median_rate(phases: list[Phase]) -> float:
    return statistics.median(p.rate for p in phases)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=DEFAULT_DOCS, help="documents to ingest (default 2000)")
    parser.add_argument("--no-resolve", action="store_true", help="store without cross-document resolution")
    parser.add_argument("--phases", default=DEFAULT_PHASES, help=f"of {', '.join(PHASES)} (default {DEFAULT_PHASES})")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the phases, run one after the other")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args()
    chosen = [PHASES[name.strip()] for name in args.phases.split(",") if name.strip()]
    console = Console(stderr=True, width=200)
    with tempfile.TemporaryDirectory(prefix="ew-ray-archive-") as tmp:
        archive = Path(tmp) / "archive.jsonl"
        docs = build_archive(archive, args.limit)
        console.print(f"{docs} documents; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
        rounds: list[list[Phase]] = []
        for n in range(1, args.repeat + 1):
            rounds.append([])
            # every second round in reverse order (ray1, ray2, ray2, ray1...): a machine that
            # slows or speeds up during the run favours neither phase in the median
            for label, engine, workers in chosen if n % 2 else chosen[::-1]:
                rounds[-1].append(run_phase(label, engine, workers, archive, resolve=not args.no_resolve))
                console.print(f"round {n}: {label} x{workers}: {rounds[-1][-1].rate:.2f} docs/s")
    report(rounds, console)
    if args.json:
        phases = [p for phases in rounds for p in phases]
        print(json.dumps([{**vars(p), "docs_per_s": round(p.rate, 3), "busy": round(p.busy, 3)} for p in phases]))


if __name__ == "__main__":
    main()
