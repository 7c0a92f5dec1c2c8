"""Throughput benchmark: the full pipeline against a bare spaCy parse of the same texts (issue 3).

    python benchmarks/throughput.py --corpus ../shared/data/dev/gold.jsonl \
        --corpus ../shared/data/dev/acled_notes_dev.jsonl --limit 300 --workers 2

One run measures, in this order:
  1. bare parse, in this process: `load_pipeline(lang)` + `nlp.pipe`, articles/s
  2. bare parse, in a pool of --workers processes (same chunks as step 3), articles/s
  3. full pipeline (`read_text_document` + `extract_events`) in a pool of --workers processes,
     articles/s; the ratio full/bare of steps 3 and 2 is the figure that matters (same workers,
     same chunks, so only the pipeline's own cost differs)
  4. paired: each chunk parsed bare and run through the full pipeline by the same warm worker,
     one right after the other (the order alternates between chunks); full/bare by the CPU time
     of the pairs is the issue-16 figure (≥ 0.7×): steps 2 and 3 run minutes apart, so on a
     shared machine other load can weigh on one and not the other, a pair shares it
  5. time from a fresh `eventwire extract <bundled sample> --format jsonl` process start to its
     first stdout line
Workers are spawned (not forked, so each loads its models itself, once, as in production) and
warmed up before the clock starts, what they loaded then put out of the garbage collector's sight
as `eventwire batch` workers do: warm-up time is reported separately. Peak RSS per worker is
each worker's own high-water mark (VmHWM, else ru_maxrss). `--dry-run` runs steps 1-2 only.
The machine is shared: compare figures only between runs on the same machine.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout; eventwire imports come later
    sys.path.insert(0, str(ROOT))

# Targets (issue 3).
TARGET_FULL_TO_BARE_RATIO = 0.8
# Issue 16: full ≥ 0.7× bare, read by CPU time with both measured on the same chunks in the same
# workers, one right after the other, so that other load on a shared machine weighs on both alike.
TARGET_FULL_TO_BARE_PAIRED_CPU_RATIO = 0.7
TARGET_ARTICLES_PER_S_2_WORKERS = 20.0
TARGET_PEAK_RSS_GB_PER_WORKER = 1.5
TARGET_FIRST_EVENT_S = 5.0

DEFAULT_LIMIT = 300
DEFAULT_CHUNK_DOCS = 8  # small chunks keep both workers busy to the end and cap budget overrun
DEFAULT_PHASE_BUDGET_S = 120.0  # per pooled phase; the whole run stays under 5 minutes
FIRST_EVENT_TIMEOUT_S = 90.0
WARMUP_TIMEOUT_S = 180.0
SAMPLE_INPUT = ROOT / "eventwire" / "sample" / "afp_2023-10-18_drones_iraq.txt"
# Short texts that take each language's pipeline through every stage once before timing.
WARMUP_TEXTS = {
    "fr": "Des hommes armés ont attaqué lundi le village de Bankass, au Mali, tuant trois civils.",
    "en": "Gunmen attacked a village near Kano, Nigeria, on Monday, killing three civilians.",
}


@dataclass(frozen=True)
class BenchDoc:
    id: str
    lang: str
    text: str
    published: date | None


@dataclass
class PhaseResult:
    name: str
    docs: int = 0
    seconds: float = 0.0
    warmup_s: float = 0.0
    events: int = 0
    skips: int = 0
    cpu_s: float = 0.0  # CPU time summed over processes: steadier than wall time on a shared box
    bare_cpu_s: float = 0.0  # `paired` only: the bare parse of the same chunks in the same workers
    peak_rss_kb_by_pid: dict[int, int] = field(default_factory=dict)
    partial: bool = False
    error: str | None = None

    @property
    def rate(self) -> float | None:
        return self.docs / self.seconds if self.seconds > 0 and self.error is None else None

    @property
    def cpu_ms_per_doc(self) -> float | None:
        return 1000 * self.cpu_s / self.docs if self.docs and self.error is None else None

    @property
    def peak_rss_gb(self) -> float | None:
        if not self.peak_rss_kb_by_pid:
            return None
        return max(self.peak_rss_kb_by_pid.values()) / 1024**2


# Corpus -----------------------------------------------------------------------------------------


def load_corpus(paths: list[Path], limit: int) -> tuple[list[BenchDoc], int]:
    """Return up to `limit` documents from JSONL files (gold or input format), and how many were
    left out for want of text or a supported language."""
    from eventwire.nlp.pipelines import SUPPORTED_LANGS

    docs: list[BenchDoc] = []
    left_out = 0
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for lineno, line in enumerate(f, start=1):
                if len(docs) >= limit:
                    return docs, left_out
                if not line.strip():
                    continue
                obj = json.loads(line)
                text, lang = obj.get("text"), obj.get("lang")
                if not isinstance(text, str) or not text.strip() or lang not in SUPPORTED_LANGS:
                    left_out += 1
                    continue
                published = obj.get("published")
                docs.append(
                    BenchDoc(
                        id=str(obj.get("id") or f"{path.name}:{lineno}"),
                        lang=lang,
                        text=text,
                        published=date.fromisoformat(published) if published else None,
                    )
                )
    return docs, left_out


def chunks(docs: list[BenchDoc], size: int) -> list[list[BenchDoc]]:
    return [docs[i : i + size] for i in range(0, len(docs), size)]


# Worker side ------------------------------------------------------------------------------------


def _peak_rss_kb() -> int:
    """Return this process's peak RSS in KiB.

    VmHWM where /proc has it: Linux carries ru_maxrss across fork+exec, so a spawned worker's
    ru_maxrss would start at the parent's peak (the parent has loaded models in step 1).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS


def _warm_worker(mode: str, langs: tuple[str, ...], barrier: Any) -> dict[str, Any]:
    """Load models (and, for `full`, run the pipeline once per language), then wait for the
    other workers: with N workers and N warm-up tasks each worker takes exactly one."""
    start = time.perf_counter()
    try:
        from eventwire.nlp.pipelines import load_pipeline

        for lang in langs:
            load_pipeline(lang)(WARMUP_TEXTS[lang])  # first call initializes lazily loaded tables
        if mode in ("full", "paired"):
            from eventwire.nlp.encoder import warm_up as warm_encoder
            from eventwire.pipeline import extract_events_batch, freeze_loaded_objects

            warm_encoder()  # loaded on the first sentence scored, which the warm-up texts may not need

            extract_events_batch(
                _read_documents([BenchDoc("warmup-" + lang, lang, WARMUP_TEXTS[lang], None) for lang in langs])
            )
            freeze_loaded_objects()  # as an `eventwire batch` worker ends its warm-up
        else:  # the same garbage-collector set-up, so the ratio compares like with like
            gc.collect()
            gc.freeze()
    except BaseException:
        barrier.abort()
        raise
    seconds = time.perf_counter() - start
    barrier.wait(timeout=WARMUP_TIMEOUT_S)
    return {"pid": os.getpid(), "seconds": seconds, "rss_kb": _peak_rss_kb()}


def _read_documents(docs: list[BenchDoc]) -> list:
    """Return the ingested Documents of a chunk (skipped ones left out), as the CLI batches them."""
    from eventwire.ingest.text import read_text_document
    from eventwire.models import Skip

    out = []
    for doc in docs:
        document = read_text_document(
            doc.text, origin=doc.id, published=doc.published, lang=doc.lang, external_id=doc.id
        )
        if not isinstance(document, Skip):
            out.append(document)
    return out


def _run_chunk(mode: str, docs: list[BenchDoc], bare_first: bool = True) -> dict[str, Any]:
    """Run one chunk; `paired` runs the bare parse and the full pipeline of the same chunk in the
    same warm worker, one right after the other (`bare_first` alternates the order between
    chunks), and reports both CPU times: the load of a shared machine then weighs on both alike."""
    events = skips = 0
    bare_cpu_s = 0.0
    if mode == "paired" and bare_first:
        bare_cpu_s = _cpu_seconds(_bare_parse, docs)
    cpu_start = time.process_time()
    if mode == "bare":
        _bare_parse(docs)
    else:
        documents = _read_documents(docs)
        skips = len(docs) - len(documents)
        from eventwire.pipeline import extract_events_batch

        events = sum(len(r.events) for r in extract_events_batch(documents))
    cpu_s = time.process_time() - cpu_start
    if mode == "paired" and not bare_first:
        bare_cpu_s = _cpu_seconds(_bare_parse, docs)
    return {
        "pid": os.getpid(),
        "docs": len(docs),
        "events": events,
        "skips": skips,
        "cpu_s": cpu_s,
        "bare_cpu_s": bare_cpu_s,
        "rss_kb": _peak_rss_kb(),
    }


def _cpu_seconds(fn: Any, docs: list[BenchDoc]) -> float:
    start = time.process_time()
    fn(docs)
    return time.process_time() - start


def _bare_parse(docs: list[BenchDoc]) -> None:
    from eventwire.nlp.pipelines import load_pipeline

    by_lang: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        by_lang[doc.lang].append(doc.text)
    for lang, texts in by_lang.items():
        for _ in load_pipeline(lang).pipe(texts):
            pass


# Phases -----------------------------------------------------------------------------------------


def bare_in_process(docs: list[BenchDoc]) -> PhaseResult:
    from eventwire.nlp.pipelines import load_pipeline

    result = PhaseResult(name="bare spaCy, 1 process")
    start = time.perf_counter()
    for lang in sorted({d.lang for d in docs}):
        load_pipeline(lang)(WARMUP_TEXTS[lang])  # first call initializes lazily loaded tables
    result.warmup_s = time.perf_counter() - start
    start, cpu_start = time.perf_counter(), time.process_time()
    _bare_parse(docs)
    result.seconds = time.perf_counter() - start
    result.cpu_s = time.process_time() - cpu_start
    result.docs = len(docs)
    result.peak_rss_kb_by_pid[os.getpid()] = _peak_rss_kb()
    return result


def pooled(mode: str, docs: list[BenchDoc], workers: int, chunk_docs: int, budget_s: float) -> PhaseResult:
    """Run `mode` (bare|full) over the documents in a spawned pool, timing only after warm-up."""
    label = {"bare": "bare spaCy", "full": "full pipeline", "paired": "paired bare+full"}[mode]
    result = PhaseResult(name=f"{label}, {workers} worker{'s' if workers > 1 else ''}")
    langs = tuple(sorted({d.lang for d in docs}))
    ctx = multiprocessing.get_context("spawn")
    manager = ctx.Manager()
    try:
        barrier = manager.Barrier(workers)
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            warm = [pool.submit(_warm_worker, mode, langs, barrier) for _ in range(workers)]
            failures = [
                e
                for e in (f.exception() for f in warm)
                if e is not None and not isinstance(e, threading.BrokenBarrierError)
            ]
            if failures and isinstance(failures[0], NotImplementedError | ImportError):
                result.error = _describe(failures[0])  # the pipeline is not wired yet: say so
                return result
            if failures:
                raise failures[0]
            warm_results = [f.result() for f in warm]
            result.warmup_s = max(w["seconds"] for w in warm_results)
            start = time.perf_counter()
            pending: set[Future] = {
                pool.submit(_run_chunk, mode, c, i % 2 == 0) for i, c in enumerate(chunks(docs, chunk_docs))
            }
            while pending:
                remaining = budget_s - (time.perf_counter() - start)
                if remaining <= 0:
                    result.partial = True
                    for f in pending:
                        f.cancel()
                    pending = {f for f in pending if not f.cancelled()}
                    remaining = None  # let the chunks already running finish
                done, pending = wait(pending, timeout=remaining, return_when=FIRST_COMPLETED)
                for f in done:
                    out = f.result()
                    result.docs += out["docs"]
                    result.events += out["events"]
                    result.skips += out["skips"]
                    result.cpu_s += out["cpu_s"]
                    result.bare_cpu_s += out["bare_cpu_s"]
                    pid = out["pid"]
                    result.peak_rss_kb_by_pid[pid] = max(out["rss_kb"], result.peak_rss_kb_by_pid.get(pid, 0))
            result.seconds = time.perf_counter() - start
    finally:
        manager.shutdown()
    return result


def first_event_seconds(sample: Path) -> tuple[float | None, str]:
    """Return seconds from starting `eventwire extract SAMPLE --format jsonl` to its first stdout
    line, and a note (why there is no figure, or what the line was)."""
    if not (ROOT / "eventwire" / "cli.py").exists():
        return None, "eventwire/cli.py not there yet"
    # Equivalent to the `eventwire` console script, without needing the package installed.
    runner = "import sys; from eventwire.cli import app; sys.argv[0] = 'eventwire'; app()"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", runner, "extract", str(sample), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        line = _first_line(proc, FIRST_EVENT_TIMEOUT_S)
        elapsed = time.perf_counter() - start
    finally:
        if proc.poll() is None:
            proc.kill()
        _, err = proc.communicate()
    if line is None:
        last = err.strip().splitlines()[-1] if err.strip() else f"exit code {proc.returncode}"
        return None, f"no event line: {last[:120]}"
    return elapsed, line[:60]


def _first_line(proc: subprocess.Popen, timeout_s: float) -> str | None:
    import selectors

    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        deadline = time.perf_counter() + timeout_s
        while (left := deadline - time.perf_counter()) > 0:
            if not sel.select(timeout=left):
                return None
            line = proc.stdout.readline()
            if not line:
                return None  # EOF: the process ended without writing an event
            if line.strip():
                return line.strip()
    return None


# Report -----------------------------------------------------------------------------------------


def report(
    console: Console,
    docs: list[BenchDoc],
    phases: list[PhaseResult],
    bare_pool: PhaseResult,
    full: PhaseResult | None,
    first_event: tuple[float | None, str] | None,
    workers: int,
    paired: PhaseResult | None = None,
) -> dict[str, Any]:
    table = Table(title=f"eventwire throughput ({len(docs)} documents, {os.cpu_count()} CPUs)")
    for name in (
        "run",
        "articles/s",
        "timed s",
        "CPU ms/article",
        "warm-up s",
        "peak RSS/worker",
        "note",
    ):
        table.add_column(name, justify="left" if name in ("run", "note") else "right")
    for p in phases:
        note = p.error or ("PARTIAL: time budget reached" if p.partial else "")
        if p.name.startswith("full") and p.error is None:
            note = f"{p.events} events, {p.skips} skipped" + (f"; {note}" if note else "")
        table.add_row(
            p.name,
            _fmt(p.rate, "{:.1f}"),
            _fmt(p.seconds if p.error is None else None, "{:.1f}"),
            _fmt(p.cpu_ms_per_doc, "{:.1f}"),
            _fmt(p.warmup_s, "{:.1f}"),
            _fmt(p.peak_rss_gb, "{:.2f} GB"),
            note,
        )
    console.print(table)

    ratio = full.rate / bare_pool.rate if full and full.rate and bare_pool.rate else None
    cpu_ratio = (
        bare_pool.cpu_ms_per_doc / full.cpu_ms_per_doc
        if full and full.cpu_ms_per_doc and bare_pool.cpu_ms_per_doc
        else None
    )
    paired_ratio = paired.bare_cpu_s / paired.cpu_s if paired and paired.error is None and paired.cpu_s > 0 else None
    first_s = first_event[0] if first_event else None
    targets = Table(title="targets")
    for name in ("target", "measured", "status"):
        targets.add_column(name)
    rows = [
        (
            f"full ≥ {TARGET_FULL_TO_BARE_RATIO}× bare ({workers} workers each)",
            _fmt(ratio, "{:.2f}×"),
            _status(ratio, lambda v: v >= TARGET_FULL_TO_BARE_RATIO),
        ),
        (
            f"full ≥ {TARGET_FULL_TO_BARE_PAIRED_CPU_RATIO}× bare by CPU, paired per chunk (issue 16)",
            _fmt(paired_ratio, "{:.2f}×"),
            _status(paired_ratio, lambda v: v >= TARGET_FULL_TO_BARE_PAIRED_CPU_RATIO),
        ),
        (
            f"≥ {TARGET_ARTICLES_PER_S_2_WORKERS:.0f} articles/s with 2 workers",
            _fmt(full.rate if full else None, "{:.1f}/s"),
            _status(
                full.rate if full and workers == 2 else None,
                lambda v: v >= TARGET_ARTICLES_PER_S_2_WORKERS,
                "n/a (run with --workers 2)" if workers != 2 and full and full.rate else None,
            ),
        ),
        (
            f"≤ {TARGET_PEAK_RSS_GB_PER_WORKER} GB peak RSS per worker",
            _fmt(full.peak_rss_gb if full else None, "{:.2f} GB"),
            _status(full.peak_rss_gb if full else None, lambda v: v <= TARGET_PEAK_RSS_GB_PER_WORKER),
        ),
        (
            f"first event ≤ {TARGET_FIRST_EVENT_S:.0f} s",
            _fmt(first_s, "{:.2f} s"),
            _status(first_s, lambda v: v <= TARGET_FIRST_EVENT_S),
        ),
    ]
    for row in rows:
        targets.add_row(*row)
    console.print(targets)
    console.print(
        f"full/bare by CPU time (less sensitive to other load): {_fmt(cpu_ratio, '{:.2f}×')}",
        highlight=False,
    )
    if first_event and first_event[0] is None:
        console.print(f"first event: {first_event[1]}", highlight=False)
    return {
        "documents": len(docs),
        "workers": workers,
        **{_key(p.name): p.rate for p in phases},
        "full_to_bare_ratio": ratio,
        "full_to_bare_cpu_ratio": cpu_ratio,
        "full_to_bare_paired_cpu_ratio": paired_ratio,
        "paired_bare_cpu_ms_per_article": 1000 * paired.bare_cpu_s / paired.docs if paired and paired.docs else None,
        "paired_full_cpu_ms_per_article": paired.cpu_ms_per_doc if paired else None,
        **{_key(p.name).replace("articles_per_s", "cpu_ms_per_article"): p.cpu_ms_per_doc for p in phases},
        "peak_rss_gb_per_worker": full.peak_rss_gb if full else None,
        "bare_peak_rss_gb_per_worker": bare_pool.peak_rss_gb,
        "first_event_s": first_s,
        "full_partial": full.partial if full else None,
        "full_error": full.error if full else None,
    }


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _key(name: str) -> str:
    return name.replace("spaCy", "").replace(",", "").replace("  ", " ").strip().replace(" ", "_") + "_articles_per_s"


def _fmt(value: float | None, pattern: str) -> str:
    return "n/a" if value is None else pattern.format(value)


def _status(value: float | None, ok: Any, otherwise: str | None = None) -> str:
    if otherwise is not None:
        return otherwise
    if value is None:
        return "not measured"
    return "[green]met[/green]" if ok(value) else "[red]NOT met[/red]"


# Main -------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        required=True,
        help="JSONL with text, lang, published, id (gold or input format); repeatable",
    )
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="documents to use (default 300)")
    parser.add_argument("--workers", type=int, default=2, help="pool size (default 2)")
    parser.add_argument("--chunk-docs", type=int, default=DEFAULT_CHUNK_DOCS)
    parser.add_argument(
        "--phase-budget-s",
        type=float,
        default=DEFAULT_PHASE_BUDGET_S,
        help="stop submitting chunks after this long and rate what was done",
    )
    parser.add_argument("--first-event-input", type=Path, default=SAMPLE_INPUT)
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="bare parse only (no pipeline, no first-event process)",
    )
    parser.add_argument("--json", action="store_true", help="last stdout line: JSON figures")
    args = parser.parse_args(argv)

    console = Console(width=None if sys.stdout.isatty() else 140)
    docs, left_out = load_corpus(args.corpus, args.limit)
    if not docs:
        console.print("no usable documents in the corpus")
        return 2
    if len(docs) < 200:
        console.print(f"[yellow]only {len(docs)} documents: figures below 200 are noisy[/yellow]")
    if left_out:
        console.print(f"{left_out} lines left out (no text or unsupported language)", highlight=False)
    started = time.perf_counter()

    bare_one = bare_in_process(docs)
    bare_pool = pooled("bare", docs, args.workers, args.chunk_docs, args.phase_budget_s)
    phases = [bare_one, bare_pool]
    full = paired = first = None
    if not args.dry_run:
        full = pooled("full", docs, args.workers, args.chunk_docs, args.phase_budget_s)
        phases.append(full)
        paired = pooled("paired", docs, args.workers, args.chunk_docs, args.phase_budget_s)
        phases.append(paired)
        first = first_event_seconds(args.first_event_input)
    figures = report(console, docs, phases, bare_pool, full, first, args.workers, paired)
    figures["total_s"] = round(time.perf_counter() - started, 1)
    console.print(f"benchmark wall time {figures['total_s']:.0f} s", highlight=False)
    if args.json:
        sys.stdout.write(json.dumps(figures) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
