"""Write every prediction on the gold sets to one JSONL snapshot, or compare two snapshots.

A refactor that should not change behaviour is checked by a snapshot before and after:

    .venv/bin/python benchmarks/predictions_snapshot.py write /tmp/before.jsonl
    ... move code ...
    .venv/bin/python benchmarks/predictions_snapshot.py write /tmp/after.jsonl
    .venv/bin/python benchmarks/predictions_snapshot.py compare /tmp/before.jsonl /tmp/after.jsonl

`write` covers set A, set B and the seed (events as in `eventwire eval`, with their cross-document
ids replaced by their order, so two runs compare) and, with `--geoparse`, the toponyms resolved on
GeoWebNews and LGL (with the us-local geo profile; `--geo-profile conflict` for the default
one). Paths default to
../shared/data; a missing file is reported and skipped, never silently dropped from the count.
`compare` prints, per set, how many records are identical, changed, only before or only after,
and the first differing fields of each changed record; it exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
GOLD_SETS = {
    "A": SHARED / "dev" / "gold.jsonl",
    "B": SHARED / "dev" / "gold_b.jsonl",
    "seed": SHARED / "seed" / "gold.jsonl",
}
GEOPARSE_SETS = {
    "GWN": SHARED / "dev" / "geoparsing" / "GWN.xml",
    "LGL": SHARED / "dev" / "geoparsing" / "lgl.xml",
}
# The event fields a behaviour-preserving change must keep (provenance is compared by its spans).
EVENT_FIELDS = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injuries",
    "notes",
)


def _event_record(set_name: str, article_id: str, index: int, event: dict[str, Any]) -> dict:
    record = {"set": set_name, "key": f"{article_id}#{index}"}
    for name in EVENT_FIELDS:
        value = event.get(name)
        record[name] = round(value, 4) if isinstance(value, float) else value
    record["evidence"] = sorted(
        (e.get("start"), e.get("end")) for e in event.get("evidence", []) or [] if isinstance(e, dict)
    )
    return record


def _gold_records(set_name: str, path: Path) -> list[dict]:
    from eventwire.evaluate.gold import load_gold
    from eventwire.evaluate.runner import resolved_pipeline_extractor
    from eventwire.models import Skip

    articles = load_gold(path)
    extract = resolved_pipeline_extractor(articles)
    records: list[dict] = []
    group_order: dict[str, int] = {}
    for article in articles:
        result = extract(article)
        if isinstance(result, Skip):
            records.append({"set": set_name, "key": f"{article.id}#skip", "skip": result.reason})
            continue
        for i, event in enumerate(result):
            record = _event_record(set_name, article.id, i, event)
            group = str(event.get("event_id"))
            record["xdoc_group"] = group_order.setdefault(group, len(group_order))
            records.append(record)
    return records


def _geoparse_records(set_name: str, path: Path, *, profile: str = "us-local") -> list[dict]:
    from eventwire.evaluate.geoparse import read_geoparse_corpus
    from eventwire.gazetteer import load_gazetteer
    from eventwire.geoparse import find_toponyms
    from eventwire.nlp.pipelines import load_pipeline

    gazetteer = load_gazetteer()
    nlp = load_pipeline("en")
    articles = read_geoparse_corpus(path)
    records = []
    texts = [a.text for a in articles]
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        mentions = find_toponyms(
            article.text,
            doc,
            lang="en",
            gazetteer=gazetteer,
            admin_point="centre",
            profile=profile,
        )
        for m in mentions:
            place = m.place
            records.append(
                {
                    "set": set_name,
                    "key": f"{article.id}@{m.span.start}-{m.span.end}",
                    "name": place.name if place else None,
                    "iso": place.iso if place else None,
                    "lat": round(place.latitude, 4) if place else None,
                    "lon": round(place.longitude, 4) if place else None,
                }
            )
    return records


def write(out: Path, *, geoparse: bool, geo_profile: str = "us-local") -> int:
    """Write the snapshot; return the number of sets that could not be read."""
    missing = 0
    with out.open("w", encoding="utf-8") as fh:
        sets: list[tuple[str, Path, Any]] = [(n, p, _gold_records) for n, p in GOLD_SETS.items()]
        if geoparse:

            def geoparse_reader(name: str, path: Path) -> list[dict]:
                return _geoparse_records(name, path, profile=geo_profile)

            sets += [(n, p, geoparse_reader) for n, p in GEOPARSE_SETS.items()]
        for name, path, reader in sets:
            if not path.exists():
                print(f"{name}: {path} not found, not in the snapshot", file=sys.stderr)
                missing += 1
                continue
            records = reader(name, path)
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            print(f"{name}: {len(records)} records", file=sys.stderr)
    return missing


def _read(path: Path) -> dict[tuple[str, str], dict]:
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[(record["set"], record["key"])] = record
    return records


def compare(before_path: Path, after_path: Path, *, show: int = 20) -> int:
    """Print the differences of two snapshots; return 1 when they differ, else 0."""
    before, after = _read(before_path), _read(after_path)
    counts: Counter[tuple[str, str]] = Counter()
    shown = 0
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            counts[(key[0], "identical")] += 1
            continue
        if old is None or new is None:
            counts[(key[0], "only after" if old is None else "only before")] += 1
            what = "only after" if old is None else "only before"
        else:
            counts[(key[0], "changed")] += 1
            fields = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
            what = "; ".join(f"{k}: {old.get(k)!r} -> {new.get(k)!r}" for k in fields[:4])
        if shown < show:
            print(f"{key[0]} {key[1]}: {what}")
            shown += 1
    for set_name in sorted({k[0] for k in counts}):
        parts = [f"{kind} {counts[(set_name, kind)]}" for kind in ("identical", "changed", "only before", "only after")]
        print(f"{set_name}: " + ", ".join(parts))
    return int(any(kind != "identical" for _, kind in counts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="write a snapshot of every prediction")
    w.add_argument("out", type=Path)
    w.add_argument("--geoparse", action="store_true", help="also GeoWebNews and LGL toponyms")
    w.add_argument("--geo-profile", default="us-local", help="detector profile for GWN/LGL")
    c = sub.add_parser("compare", help="compare two snapshots")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", type=int, default=20, help="differences to print")
    args = parser.parse_args()
    if args.command == "write":
        sys.exit(1 if write(args.out, geoparse=args.geoparse, geo_profile=args.geo_profile) else 0)
    sys.exit(compare(args.before, args.after, show=args.show))


if __name__ == "__main__":
    main()
