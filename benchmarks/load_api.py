"""Load check of the HTTP API (issue 18, item 8): concurrent clients over a 100k-event store.

    python benchmarks/load_api.py                       # 100,000 events, 50 clients, 30 s
    python benchmarks/load_api.py --think 0.5:1.5       # clients pause between requests
    python benchmarks/load_api.py --json                # figures as one JSON object

One run:
  1. builds an SQLite store of --events invented events through the store layer
     (`Store.write_result`, 100 events per invented document; no pipeline, no models). The file
     is kept and reused while its event count matches (--rebuild to redo it);
  2. starts the real server (`eventwire serve`, one uvicorn process) on a free port;
  3. runs --clients threads for --duration seconds after --warmup seconds. Each thread keeps one
     HTTP connection and repeatedly sends `GET /api/events` with a filter drawn at random from
     QUERIES (country and dates, type and toll, actor, box, radius, words, claim status, a deep
     page…), pausing a random --think time between requests (none by default: a closed loop, the
     hardest case);
  4. prints p50/p95/p99 latency over all requests and per query kind, requests/s, errors and the
     server's peak RSS. The target is p95 < 100 ms.
The client threads share the machine with the server: compare figures only between runs on the
same machine, and say which.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from eventwire.models import Document, Event, Evidence, Report
from eventwire.pipeline import DocumentResult
from eventwire.store import open_store
from eventwire.taxonomy import EVENT_TYPES

EVENTS_PER_DOCUMENT = 100
TARGET_P95_MS = 100.0
START = date(2018, 1, 1)
DAYS = 2500
# Invented vocabulary: ISO 3166 reserves the codes XA–XZ for user assignment, so no real country.
COUNTRIES = [(f"Country {chr(65 + k)}", f"X{chr(65 + k)}") for k in range(26)]
VERBS = ("attacked", "clashed with", "shelled", "ambushed", "raided", "fired on")
CLAIMS = (("reported", 70), ("claimed", 15), ("alleged", 10), ("denied", 5))
ACTORS = 400
PLACES = 2000
SEED = 18
_centres_rng = random.Random(SEED)
# Each invented country's centre; its events lie within 4 degrees of it.
CENTRES = [(_centres_rng.uniform(-35, 55), _centres_rng.uniform(-110, 140)) for _ in COUNTRIES]
SPREAD = 4.0


# -- the store ---------------------------------------------------------------------------------


def _sentence(rng: random.Random, actor1: str, actor2: str, place: str) -> str:
    return f"{actor1} {rng.choice(VERBS)} {actor2} near {place} on Monday, a local official said."


def _document_result(rng: random.Random, number: int) -> DocumentResult:
    """Return one invented document reporting EVENTS_PER_DOCUMENT invented events."""
    doc_id = f"load-{number:06d}"
    sentences, specs = [], []
    for _ in range(EVENTS_PER_DOCUMENT):
        k = rng.randrange(len(COUNTRIES))
        actor1, actor2 = f"Armed Group {rng.randrange(ACTORS)}", f"Civilians ({COUNTRIES[k][0]})"
        place = f"Place {rng.randrange(PLACES)}"
        sentences.append(_sentence(rng, actor1, actor2, place))
        specs.append((k, actor1, actor2, place))
    text = " ".join(sentences)
    document = Document(id=doc_id, text=text, lang="en", title=f"Invented dispatch {number}", outlet="Load Wire")
    events, offset = [], 0
    types = sorted(EVENT_TYPES)
    for i, ((k, actor1, actor2, place), sentence) in enumerate(zip(specs, sentences, strict=True)):
        start = text.index(sentence, offset)
        offset = start + len(sentence)
        claim = rng.choices([c for c, _ in CLAIMS], weights=[w for _, w in CLAIMS])[0]
        event_type = rng.choice(types)
        deaths = int(rng.expovariate(0.3)) if rng.random() < 0.6 else 0
        report = Report(
            doc_id, None, "Load Wire", "a local official", claim, (Evidence(doc_id, sentence, start, offset),), deaths
        )
        lat, lon = CENTRES[k]
        events.append(
            Event(
                event_id=f"ew-load-{number:06d}-{i:03d}",
                event_date=START + timedelta(days=rng.randrange(DAYS)),
                time_precision=1,
                event_type=event_type,
                sub_event_type=rng.choice(EVENT_TYPES[event_type]),
                actor1=actor1,
                assoc_actor_1=None,
                actor2=actor2,
                assoc_actor_2=None,
                country=COUNTRIES[k][0],
                iso=COUNTRIES[k][1],
                admin1=None,
                admin2=None,
                location=place,
                latitude=round(lat + rng.uniform(-SPREAD, SPREAD), 5),
                longitude=round(lon + rng.uniform(-SPREAD, SPREAD), 5),
                geo_precision=2,
                fatalities=deaths,
                source="Load Wire",
                notes=f"Invented event {number}-{i} for the load check.",
                reports=(report,),
            )
        )
    return DocumentResult(document, tuple(events))


def build_store(path: Path, events: int, *, seed: int = SEED, say: Callable[[str], None] = print) -> float:
    """Write `events` invented events to a new store at `path`; return the seconds it took."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(seed)
    started = time.perf_counter()
    with open_store(path) as store:
        for number in range(-(-events // EVENTS_PER_DOCUMENT)):
            store.write_result(_document_result(rng, number))
            if number % 100 == 99:
                say(f"  {(number + 1) * EVENTS_PER_DOCUMENT:,} events written ({time.perf_counter() - started:.0f} s)")
    return time.perf_counter() - started


def stored_events(path: Path) -> int:
    if not path.exists():
        return 0
    with open_store(path) as store:
        return store.counts()["events"]


# -- the queries -------------------------------------------------------------------------------


def _window(rng: random.Random, days: int) -> dict[str, str]:
    first = START + timedelta(days=rng.randrange(DAYS - days))
    return {"from": first.isoformat(), "to": (first + timedelta(days=days)).isoformat()}


def _around(rng: random.Random) -> tuple[float, float]:
    """Return a point among the events of one invented country."""
    lat, lon = rng.choice(CENTRES)
    return lat + rng.uniform(-SPREAD, SPREAD), lon + rng.uniform(-SPREAD, SPREAD)


def _bbox(rng: random.Random) -> dict[str, str]:
    """Return a box of a few degrees around events (what a zoomed-in map shows)."""
    lat, lon = _around(rng)
    half = rng.choice((1.0, 3.0, 6.0))
    return {"bbox": f"{lon - half:.3f},{max(lat - half, -90):.3f},{lon + half:.3f},{min(lat + half, 90):.3f}"}


def _near(rng: random.Random) -> dict[str, str]:
    """Return a radius around a point among events."""
    lat, lon = _around(rng)
    return {"near": f"{lat:.3f},{lon:.3f},{rng.choice((50, 150, 400))}"}


# Query kind → the parameters of one `GET /api/events` of that kind.
QUERIES: dict[str, Callable[[random.Random], dict[str, Any]]] = {
    "newest": lambda rng: {"limit": 100},
    "country+dates": lambda rng: {"country": rng.choice(COUNTRIES)[rng.randrange(2)], **_window(rng, 90)},
    "type+toll": lambda rng: {"event_type": rng.choice(sorted(EVENT_TYPES)), "min_fatalities": rng.choice((1, 5, 10))},
    "actor": lambda rng: {"actor": f"armed group {rng.randrange(ACTORS)}"},
    "bbox": _bbox,
    "near": _near,
    "text": lambda rng: {"text": f"{rng.choice(VERBS).split()[0]} place {rng.randrange(PLACES)}"},
    "claim+dates": lambda rng: {"claim_status": rng.choice(("claimed", "alleged", "denied")), **_window(rng, 365)},
    "deep page": lambda rng: {"limit": 100, "offset": rng.randrange(0, 20_000, 100)},
    "country+type+dates": lambda rng: {
        "country": rng.choice(COUNTRIES)[0],
        "event_type": rng.choice(sorted(EVENT_TYPES)),
        **_window(rng, 365),
        "sort": rng.choice(("-event_date", "-fatalities")),
    },
}


# -- the server and the clients ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, log: Path, workers: int = 1) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port), "--token", "load"]
    command += ["--workers", str(workers)]
    env = {**os.environ, "EVENTWIRE_PRIVATE": ""}
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"eventwire serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    process.kill()
    raise SystemExit(f"eventwire serve did not answer in 60 s:\n{log.read_text()}")


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Recorder:
    """Latencies by query kind, and errors, from every client thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.returned = 0

    def add(self, kind: str, seconds: float, status: int | str, events: int) -> None:
        with self.lock:
            if status == 200:
                self.latencies[kind].append(seconds * 1000)
                self.returned += events
            else:
                self.errors[f"{kind}: {status}"] += 1


def client(
    url: str, seed: int, think: tuple[float, float], until: float, record_after: float, recorder: Recorder
) -> None:
    rng = random.Random(seed)
    kinds = sorted(QUERIES)
    with httpx.Client(base_url=url, timeout=30) as http:
        while (now := time.monotonic()) < until:
            kind = rng.choice(kinds)
            params = QUERIES[kind](rng)
            started = time.perf_counter()
            try:
                response = http.get("/api/events", params=params)
                status: int | str = response.status_code
                events = len(response.json()["events"]) if status == 200 else 0
            except httpx.HTTPError as error:
                status, events = type(error).__name__, 0
            elapsed = time.perf_counter() - started
            if now >= record_after:
                recorder.add(kind, elapsed, status, events)
            if think[1] > 0:
                time.sleep(rng.uniform(*think))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = q / 100 * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values: list[float], seconds: float) -> dict[str, float]:
    return {
        "requests": len(values),
        "rps": round(len(values) / seconds, 1),
        "p50_ms": round(percentile(values, 50), 1),
        "p95_ms": round(percentile(values, 95), 1),
        "p99_ms": round(percentile(values, 99), 1),
        "max_ms": round(max(values, default=float("nan")), 1),
    }


def run_load(url: str, clients: int, duration: float, warmup: float, think: tuple[float, float]) -> Recorder:
    recorder = Recorder()
    start = time.monotonic()
    threads = [
        threading.Thread(
            target=client, args=(url, 1000 + i, think, start + warmup + duration, start + warmup, recorder), daemon=True
        )
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return recorder


# -- main --------------------------------------------------------------------------------------


def parse_think(value: str) -> tuple[float, float]:
    low, _, high = value.partition(":")
    pair = (float(low), float(high or low))
    if pair[0] < 0 or pair[1] < pair[0]:
        raise argparse.ArgumentTypeError("--think takes MIN:MAX seconds, 0 <= MIN <= MAX")
    return pair


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "eventwire-load.sqlite")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true", help="build the store again even if it exists")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds measured")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds run before measuring")
    parser.add_argument("--think", type=parse_think, default=(0.0, 0.0), help="MIN:MAX pause between requests (s)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--server-workers", type=int, default=1, help="`eventwire serve --workers` (processes)")
    args = parser.parse_args(argv)
    say = (lambda message: print(message, file=sys.stderr)) if args.json else print

    built = None
    if args.rebuild or stored_events(args.db) != args.events:
        say(f"building {args.events:,} invented events in {args.db}")
        built = build_store(args.db, args.events, say=say)
        say(f"  built in {built:.1f} s")
    with tempfile.TemporaryDirectory() as work:
        server, url = start_server(args.db, Path(work) / "server.log", args.server_workers)
        try:
            say(f"{args.clients} clients for {args.duration:.0f} s (think {args.think[0]}–{args.think[1]} s) on {url}")
            recorder = run_load(url, args.clients, args.duration, args.warmup, args.think)
            rss = peak_rss_mb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=10)
    every = [v for values in recorder.latencies.values() for v in values]
    figures: dict[str, Any] = {
        "events": args.events,
        "clients": args.clients,
        "think_s": list(args.think),
        "duration_s": args.duration,
        "store_build_s": round(built, 1) if built is not None else None,
        "all": summary(every, args.duration),
        "by_kind": {kind: summary(values, args.duration) for kind, values in sorted(recorder.latencies.items())},
        "errors": dict(recorder.errors),
        "events_returned_per_request": round(recorder.returned / max(len(every), 1), 1),
        "server_peak_rss_mb": round(rss, 1) if rss else None,
        "target_p95_ms": TARGET_P95_MS,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_figures(figures)
    return 0 if figures["all"]["p95_ms"] < TARGET_P95_MS and not recorder.errors else 1


def print_figures(figures: dict[str, Any]) -> None:
    every = figures["all"]
    print(f"\n{'query':<22}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    rows = [*figures["by_kind"].items(), ("ALL", every)]
    for kind, s in rows:
        print(
            f"{kind:<22}{s['requests']:>9}{s['rps']:>8}{s['p50_ms']:>9}{s['p95_ms']:>9}{s['p99_ms']:>9}{s['max_ms']:>9}"
        )
    verdict = "meets" if every["p95_ms"] < figures["target_p95_ms"] else "MISSES"
    print(
        f"\n{figures['clients']} clients, {figures['events']:,} events: {every['rps']} requests/s, "
        f"p95 {every['p95_ms']} ms ({verdict} the {figures['target_p95_ms']:.0f} ms target); "
        f"errors {sum(figures['errors'].values())}; server peak RSS {figures['server_peak_rss_mb']} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
