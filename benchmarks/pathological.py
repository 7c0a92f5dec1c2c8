"""Time and peak memory of `eventwire extract` on pathological inputs (issue 18).

    python benchmarks/pathological.py [--only NAME ...] [--scale 0.5] [--keep DIR]

Inputs, generated with invented text in a temporary folder (`--scale` shrinks or grows them, to
check that the cost follows the size):
  short-lines    5,000 one-line incident reports (~218 KB) in one text file: one document with
                 thousands of incidents (read whole it took 95 s and 1.67 GB; issue 18);
  repeated-page  a ~8 MB HTML article of short paragraphs repeated (50 s and 1.08 GB);
  long-text      a ~9 MB plain text of short paragraphs under the repeat filter's length, so every
                 one stays (over spaCy's 1,000,000-character limit: read in parts).
Each input runs `eventwire extract` in a child process; printed per input: size, wall and CPU
seconds, the child's peak RSS (ru_maxrss) and the events written. The goal: cost linear in the size, peak RSS
at most 1.5 GB for any input up to the 10 MB limit. The machine may be shared: compare figures
within one run.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RSS_LIMIT_MIB = 1536

# Invented places and phrasings (no real article).
_TOWNS = ("Karvo", "Beledi", "Oustra", "Mankala", "Tessin", "Rubano", "Idrana", "Solvik")
_VERBS = ("attacked", "shelled", "raided", "ambushed")
_SHORT_PARAGRAPHS = ("Read more.", "Breaking news.", "Share this.", "Clashes erupted.", "Stay tuned.", "Photo: AFP.")
_LONG_PARAGRAPHS = (
    "Read more on our website today.",
    "Breaking news from the region tonight.",
    "Share this article with your friends.",
    "Clashes erupted again in the north.",
    "Subscribe now for daily updates here.",
)


def short_lines(scale: float, rng: random.Random) -> str:
    lines = [
        f"Gunmen {rng.choice(_VERBS)} {rng.choice(_TOWNS)} on Monday, killing {rng.randint(1, 9)}."
        for _ in range(int(5000 * scale))
    ]
    return "\n".join(lines) + "\n"


def repeated_page(scale: float, rng: random.Random) -> str:
    paragraphs, size = [], 0
    while size < 8_000_000 * scale:
        paragraph = f"<p>{rng.choice(_LONG_PARAGRAPHS)}</p>\n"
        paragraphs.append(paragraph)
        size += len(paragraph)
    return (
        "<!DOCTYPE html><html><head><title>Invented page</title></head><body><article>"
        + "".join(paragraphs)
        + "</article></body></html>"
    )


def long_text(scale: float, rng: random.Random) -> str:
    paragraphs, size = [], 0
    while size < 9_000_000 * scale:
        paragraph = rng.choice(_SHORT_PARAGRAPHS)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


INPUTS = {
    "short-lines": (short_lines, "short_lines.txt"),
    "repeated-page": (repeated_page, "repeated_page.html"),
    "long-text": (long_text, "long_text.txt"),
}


def run(path: Path) -> tuple[float, float, float, int, int]:
    """Return (wall seconds, CPU seconds, peak RSS MiB, events written, exit status) of
    `eventwire extract path`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = path.with_suffix(".events.jsonl")
    started = time.perf_counter()
    with open(out, "wb") as sink:
        child = subprocess.Popen(
            [sys.executable, "-m", "eventwire.cli", "extract", str(path)],
            stdout=sink,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    with open(out, encoding="utf-8") as written:
        events = sum(1 for _ in written)
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, events, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=sorted(INPUTS), help="run these inputs only")
    parser.add_argument("--scale", type=float, default=1.0, help="input size factor (default 1)")
    parser.add_argument("--keep", type=Path, help="write the inputs (and outputs) here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="eventwire-pathological-"))
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(18)
    print(f"{'input':<14} {'size':>10} {'wall s':>8} {'CPU s':>8} {'peak RSS':>10} {'events':>7}  status")
    worst = 0.0
    for name in args.only or list(INPUTS):
        make, filename = INPUTS[name]
        path = folder / filename
        path.write_text(make(args.scale, rng), encoding="utf-8")
        seconds, cpu, rss, events, status = run(path)
        worst = max(worst, rss)
        size = f"{path.stat().st_size / 1024:.0f} KB"
        print(
            f"{name:<14} {size:>10} {seconds:>8.1f} {cpu:>8.1f} {rss:>7.0f} MiB {events:>7}  exit {status}", flush=True
        )
    print(f"peak RSS {worst:.0f} MiB (limit {RSS_LIMIT_MIB} MiB): {'ok' if worst <= RSS_LIMIT_MIB else 'OVER'}")
    if args.keep is None:
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
