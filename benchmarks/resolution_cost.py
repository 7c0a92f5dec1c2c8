"""Cost of cross-document resolution per ingested document as the store grows (issue 6).

    python benchmarks/resolution_cost.py --sizes 1000 10000 100000 --documents 200

For each size N, in order:
  1. a fresh SQLite store (a temporary file) is filled with N synthetic events (30 countries,
     three years, points scattered around each country's centre, one report each), written in
     one bulk transaction: filling is not what is measured;
  2. --documents new synthetic documents of one or two events each are ingested with
     `Store.ingest` (one transaction each: blocking query, scoring, decisions, rebuild and
     revision); a quarter of them re-report a stored incident, so joins are exercised too;
  3. reported: mean and 95th-percentile milliseconds per document, mean candidates scored per
     event, joins. Text similarity is the model-free `lexical_similarity`, so the figures are
     the store's cost; the sentence encoder adds a constant ~7-10 ms per new evidence sentence
     (vectors of stored sentences are cached in the store), whatever N is.
The store spans N / (30 x --events-per-day) days, so its density stays what a real store's is
while it grows over time: indexed (geo_cell, event_date) and (country, event_date) lookups then
keep the per-document cost near-constant, where a scan would grow linearly with N. (At a fixed
span, candidates per event grow with density: they are genuine candidates, not a blocking
cost.) Machine is shared: compare figures within one run only.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from eventwire.models import Document, Event, Evidence, Report
from eventwire.pipeline import DocumentResult
from eventwire.resolve.similarity import lexical_similarity
from eventwire.store import open_store
from eventwire.store.rows import event_row, now_iso

START = date(2000, 1, 1)
# The store grows over time, as a real one does: events per country and day stay near 1 (ACLED
# codes ~800 events a day worldwide over ~100 active countries: ~8 a day a country, so this is
# the easy end; --events-per-day raises it).
COUNTRIES = [
    (
        f"Country{i:02d}",
        f"C{i:02d}",
        random.Random(i).uniform(-30, 45),
        random.Random(i + 100).uniform(-20, 60),
    )
    for i in range(30)
]
WORDS = [
    "gunmen",
    "attacked",
    "village",
    "convoy",
    "drone",
    "strike",
    "market",
    "checkpoint",
    "soldiers",
    "militia",
    "killed",
    "wounded",
    "police",
    "base",
    "rockets",
    "fired",
    "clashes",
    "protesters",
    "gathered",
    "bus",
    "ambush",
    "mine",
    "exploded",
    "road",
    "army",
    "raid",
    "camp",
]
SUB_TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
]


def synthetic_event(rng: random.Random, n: int, doc_id: str, span_days: int) -> Event:
    """Return a random event reported by document `doc_id`."""
    country, iso, lat0, lon0 = rng.choice(COUNTRIES)
    event_type, sub = rng.choice(SUB_TYPES)
    lat, lon = lat0 + rng.uniform(-3, 3), lon0 + rng.uniform(-3, 3)
    text = " ".join(rng.choice(WORDS) for _ in range(12)) + "."
    report = Report(
        doc_id,
        None,
        f"outlet{n % 50}",
        None,
        "reported",
        (Evidence(doc_id, text, 0, len(text)),),
        0,
    )
    return Event(
        event_id=f"syn-{n}",
        event_date=START + timedelta(days=rng.randrange(span_days)),
        time_precision=1,
        event_type=event_type,
        sub_event_type=sub,
        actor1=f"Unidentified Armed Group ({country})",
        assoc_actor_1=None,
        actor2=None,
        assoc_actor_2=None,
        country=country,
        iso=iso,
        admin1=f"{country}-A{rng.randrange(8)}",
        admin2=None,
        location=f"Place{n}",
        latitude=round(lat, 4),
        longitude=round(lon, 4),
        geo_precision=rng.choice((1, 1, 1, 2, 3)),
        fatalities=rng.randrange(5),
        source=report.outlet or "",
        notes="",
        reports=(report,),
    )


def fill(store, n: int, rng: random.Random, span_days: int) -> list[Event]:
    """Write n synthetic events (one document each) in one transaction; return them."""
    events = []
    now = now_iso()
    with store._transaction("fill"):  # bulk load: the benchmark measures ingest, not this
        for i in range(n):
            doc_id = f"fill-{i}"
            event = synthetic_event(rng, i, doc_id, span_days)
            store._conn.execute(
                "INSERT INTO documents (id, lang, text, pipeline_version, ingested_at,"
                " processed_at) VALUES (?, 'en', ?, '0', ?, ?)",
                (doc_id, event.reports[0].evidence[0].text, now, now),
            )
            store._writer.insert_event(event.event_id, doc_id, event_row(event), now)
            store._writer.insert_report(event.event_id, 0, event.reports[0])
            events.append(event)
    return events


def new_document(rng: random.Random, k: int, stored: list[Event], span_days: int) -> DocumentResult:
    """Return a synthetic document of 1-2 events; a quarter re-report a stored incident."""
    doc_id = f"new-{k}"
    events = []
    for j in range(rng.choice((1, 2))):
        if rng.random() < 0.25:
            old = rng.choice(stored)
            text = old.reports[0].evidence[0].text
            report = replace(
                old.reports[0],
                document_id=doc_id,
                outlet="wire",
                evidence=(Evidence(doc_id, text, 0, len(text)),),
            )
            event = replace(old, event_id=f"{doc_id}-{j}", reports=(report,))
        else:
            event = synthetic_event(rng, 10_000_000 + k * 2 + j, doc_id, span_days)
            event = replace(
                event,
                event_id=f"{doc_id}-{j}",
                reports=(
                    replace(
                        event.reports[0],
                        document_id=doc_id,
                        evidence=tuple(replace(e, document_id=doc_id) for e in event.reports[0].evidence),
                    ),
                ),
            )
        events.append(event)
    text = " ".join(e.reports[0].evidence[0].text for e in events)
    return DocumentResult(Document(doc_id, text, "en"), tuple(events))


def run(size: int, documents: int, seed: int, per_day: float) -> dict[str, float]:
    rng = random.Random(seed)
    span_days = max(30, round(size / (per_day * len(COUNTRIES))))
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.sqlite") as store:
        t0 = time.perf_counter()
        stored = fill(store, size, rng, span_days)
        fill_s = time.perf_counter() - t0
        resolver = store._resolver
        resolver._similarity = lexical_similarity
        times, joins, events = [], 0, 0
        before = resolver.candidate_count
        for k in range(documents):
            result = new_document(rng, k, stored, span_days)
            t = time.perf_counter()
            summary = store.ingest(result)
            times.append(time.perf_counter() - t)
            joins += len(summary.joined)
            events += len(result.events)
        candidates = (resolver.candidate_count - before) / events
    times_ms = sorted(1000 * t for t in times)
    return {
        "size": size,
        "fill_s": fill_s,
        "mean_ms": statistics.fmean(times_ms),
        "p95_ms": times_ms[int(0.95 * (len(times_ms) - 1))],
        "candidates": candidates,
        "joins": joins,
        "events": events,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--events-per-day",
        type=float,
        default=1.0,
        help="synthetic events per country and day (the store's density)",
    )
    args = parser.parse_args(argv)
    print(f"{'stored events':>13} {'fill s':>7} {'ms/doc':>7} {'p95 ms':>7} {'candidates/event':>16} {'joins':>6}")
    for size in args.sizes:
        r = run(size, args.documents, args.seed, args.events_per_day)
        print(
            f"{r['size']:>13,} {r['fill_s']:>7.1f} {r['mean_ms']:>7.2f} {r['p95_ms']:>7.2f} "
            f"{r['candidates']:>16.1f} {r['joins']:>6}"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
