"""Why gold events were collapsed (`eventwire eval --breakdown`): each under_split miss described
against the gold event that took its prediction.

An under_split miss is a required gold event whose compatible prediction was matched to another
gold event of its article (breakdown.miss_reason). That other gold event is its *partner*: the
first matched pair, best first, whose prediction is compatible with the miss. The pair of gold
events is described by counts only (no article text):

    place_only      same date, another location name
    day_only        same location name, another date
    place_and_day   another location name and another date
    neither         same date and location name (the two differ by type, actors or toll)

and, over the same misses, how many have

    over_25km         the two gold places over 25 km apart (coordinates on both sides)
    fewer_predictions the article has fewer predictions than required gold events
    same_event_type   both gold events of one event type

so a reader sees what the resolver merged: two villages of one day (place_only), the days of one
operation (day_only), or two incidents of one place and day (neither).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from eventwire.evaluate.matching import LOCATION_RIGHT_MAX_KM, compatible, event_distance_km
from eventwire.evaluate.scorer import ArticleScore, Summary
from eventwire.lang.fold import fold_key

# Row -> meaning, in the order of the table: the first four split the misses, the rest count them.
COLLAPSE_KINDS = {
    "place_only": "same date, another location name",
    "day_only": "same location name, another date",
    "place_and_day": "another location name and another date",
    "neither": "same date and location (type, actors or toll differ)",
}
COLLAPSE_FLAGS = {
    "over_25km": "the two gold places are over 25 km apart",
    "fewer_predictions": "the article has fewer predictions than required gold events",
    "same_event_type": "both gold events have one event type",
}
COLLAPSE_ROWS = {**COLLAPSE_KINDS, **COLLAPSE_FLAGS}


def partner(article: ArticleScore, miss: dict[str, Any]) -> dict[str, Any] | None:
    """Return the gold event that took the prediction compatible with `miss`, or None."""
    for pair in article.pairs:
        if compatible(miss, pair.predicted):
            return pair.gold
    return None


def collapse_rows(miss: dict[str, Any], other: dict[str, Any], article: ArticleScore) -> list[str]:
    """Return the rows of COLLAPSE_ROWS that one collapsed gold pair counts in."""
    other_place = fold_key(miss.get("location")) != fold_key(other.get("location"))
    other_day = str(miss.get("event_date"))[:10] != str(other.get("event_date"))[:10]
    kind = {
        (True, False): "place_only",
        (False, True): "day_only",
        (True, True): "place_and_day",
        (False, False): "neither",
    }[(other_place, other_day)]
    rows = [kind]
    distance = event_distance_km(miss, other)
    if distance is not None and distance > LOCATION_RIGHT_MAX_KM:
        rows.append("over_25km")
    if len(article.predictions) < article.gold_required:
        rows.append("fewer_predictions")
    if miss.get("event_type") == other.get("event_type"):
        rows.append("same_event_type")
    return rows


def collapses(summary: Summary) -> dict[str, int]:
    """Return the count of every row of COLLAPSE_ROWS over the under_split misses of `summary`
    (the misses with a partner: a compatible prediction is always matched, or it would be theirs)."""
    counts: Counter[str] = Counter()
    for article in summary.articles:
        for miss in article.misses:
            other = partner(article, miss)
            if other is not None:
                counts.update(collapse_rows(miss, other, article))
    return {row: counts[row] for row in COLLAPSE_ROWS}
