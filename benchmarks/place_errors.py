"""Count, without printing any text, which place choices put events too far (issue 16).

For every matched pair whose place is over 25 km from gold, and every required gold event
missed as too_far (the nearest same-country, same-day prediction), one count by: the predicted
place's class (country / capital / admin1 / admin2 / town), its provenance (the location coder's
method, with dateline and capital fallbacks told apart), the distance bucket, and whether the
gold location's name occurs in the article (a place the text names but the coder did not pick).

Usage: .venv/bin/python benchmarks/place_errors.py ../shared/data/dev/gold.jsonl [--limit N]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from eventwire.evaluate.breakdown import miss_reason
from eventwire.evaluate.gold import load_gold
from eventwire.evaluate.matching import LOCATION_RIGHT_MAX_KM, country_agrees, day_within_tolerance, event_distance_km
from eventwire.evaluate.runner import run_eval
from eventwire.lang.fold import fold_key

BUCKETS = ((75.0, "25-75"), (250.0, "75-250"), (1000.0, "250-1000"))


def place_class(p: dict[str, Any]) -> str:
    """Return the predicted place's class from its output columns and provenance."""
    why = str((p.get("provenance") or {}).get("location", {}).get("reason") or "")
    location = fold_key(p.get("location") or "")
    if "capital" in why:
        return "capital"
    if location and location == fold_key(p.get("country") or ""):
        return "country"
    if location and location == fold_key(p.get("admin1") or ""):
        return "admin1"
    if location and location == fold_key(p.get("admin2") or ""):
        return "admin2"
    return f"town(gp{p.get('geo_precision')})"


def provenance(p: dict[str, Any]) -> str:
    """Return the location coder's method, with dateline and fallbacks named."""
    loc = (p.get("provenance") or {}).get("location", {})
    method, why = str(loc.get("method") or "none"), str(loc.get("reason") or "")
    if "dateline" in why:
        return f"{method}+dateline"
    if "capital" in why:
        return f"{method}+capital"
    if "main town" in why or "main area" in why:
        return f"{method}+document_focus"
    if "coded near " in why:  # an unknown village: which kind of known place anchors it
        anchor = fold_key(why.rsplit("coded near ", 1)[1].split(" (geo_precision")[0])
        kind = next((c for c in ("admin1", "admin2", "country") if anchor == fold_key(p.get(c) or "")), "town")
        return f"{method}@{kind}"
    return method


def gold_named(gold: dict[str, Any], pred: dict[str, Any], folded_text: str) -> str:
    """Return whether the prediction has the gold location's name, or the article names it."""
    name = fold_key(gold.get("location") or "-")
    if name == fold_key(pred.get("location") or ""):
        return "same_name"
    return "gold_name_in_text" if name in folded_text else "gold_name_absent"


def gold_known(gold: dict[str, Any]) -> str:
    """Return whether the gazetteer knows the gold location within 25 km of its point (a choice
    error) or not at all (a coverage one)."""
    from eventwire.gazetteer import load_gazetteer
    from eventwire.geo import haversine_km

    if gold.get("latitude") is None or not gold.get("location"):
        return "gold_no_coords"
    near = [
        c
        for c in load_gazetteer().candidates(gold["location"])
        if haversine_km(c.latitude, c.longitude, gold["latitude"], gold["longitude"]) <= LOCATION_RIGHT_MAX_KM
    ]
    return "gold_in_gazetteer" if near else "gold_not_in_gazetteer"


def bucket(km: float | None) -> str:
    if km is None:
        return "no_coords"
    return next((name for top, name in BUCKETS if km <= top), ">1000")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    texts = {a.id: fold_key(a.text) for a in load_gold(args.gold)[: args.limit]}
    summary = run_eval(args.gold, limit=args.limit)
    names = ("class", "provenance", "distance", "gold_named", "gold_known", "all")
    counts: dict[str, Counter[str]] = {k: Counter() for k in names}
    for article in summary.articles:
        cases = [("matched", pr.gold, pr.predicted) for pr in article.pairs if _far(pr.distance_km)]
        for gold in article.misses:
            if miss_reason(gold, article.predictions) != "too_far":
                continue
            near = [p for p in article.predictions if day_within_tolerance(gold, p) and country_agrees(gold, p)]
            near.sort(key=lambda p: event_distance_km(gold, p) or 1e9)
            cases.append(("missed", gold, near[0]))
        for kind, gold, pred in cases:
            text = texts.get(article.article_id, "")
            axes = {
                "class": place_class(pred),
                "provenance": provenance(pred),
                "distance": bucket(event_distance_km(gold, pred)),
                "gold_named": gold_named(gold, pred, text),
                "gold_known": gold_known(gold),
            }
            for axis, value in axes.items():
                counts[axis][f"{kind}:{value}"] += 1
            counts["all"][" | ".join(axes.values())] += 1
    print(json.dumps({k: dict(v.most_common()) for k, v in counts.items()}, indent=1))


def _far(km: float | None) -> bool:
    return km is not None and km > LOCATION_RIGHT_MAX_KM


if __name__ == "__main__":
    main()
