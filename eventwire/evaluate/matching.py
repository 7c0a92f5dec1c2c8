"""Pairs predicted events with gold events (GOLD_FORMAT.md): when two could be reports of one
incident, and the one-to-one matching of an article's predictions with its gold events.

Works on plain dicts, like the scorer, so gold, hand-made predictions and `Event.as_dict()` output
match the same way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.geo import haversine_km
from eventwire.lang.fold import fold_key
from eventwire.taxonomy import SUB_EVENT_TO_TYPE

# Matching tolerances by gold precision (issue 3). ACLED time_precision 2 codes the middle of a
# span of "a few days" and 3 the middle of the month, hence ±4 and ±16 days; geo_precision 2 is
# "near a town / part of a district" and 3 a province coded to its centre, hence 75 and 250 km.
DATE_TOLERANCE_DAYS_BY_PRECISION = {1: 1, 2: 4, 3: 16}
DISTANCE_TOLERANCE_KM_BY_PRECISION = {1: 50.0, 2: 75.0, 3: 250.0}
# A matched prediction's place counts as right within this distance of the gold coordinates.
LOCATION_RIGHT_MAX_KM = 25.0


@dataclass(frozen=True)
class Pair:
    """A gold event matched with a predicted event, with how far apart they are."""

    gold_index: int
    pred_index: int
    gold: dict[str, Any]
    predicted: dict[str, Any]
    distance_km: float | None  # None when either side has no coordinates
    day_difference: int
    type_agrees: bool
    sub_type_agrees: bool


# Matching ----------------------------------------------------------------------------------


def event_distance_km(gold: dict[str, Any], predicted: dict[str, Any]) -> float | None:
    """Return the distance between two events' coordinates, or None when either has none."""
    coords = [_coordinates(gold), _coordinates(predicted)]
    if coords[0] is None or coords[1] is None:
        return None
    return haversine_km(*coords[0], *coords[1])


def compatible(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Return True when a prediction could be a report of the gold event.

    It must agree on the country, the day and the place (`country_agrees`,
    `day_within_tolerance`, `place_within_tolerance`).
    """
    return (
        country_agrees(gold, predicted)
        and day_within_tolerance(gold, predicted)
        and place_within_tolerance(gold, predicted)
    )


def country_agrees(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Return True when both events name the same country (case-insensitive); a gold event
    without a country agrees with nothing."""
    return bool(gold.get("country")) and fold_key(gold.get("country")) == fold_key(predicted.get("country"))


def day_within_tolerance(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Return True when the dates are at most 1/4/16 days apart for gold time_precision 1/2/3;
    a prediction without a date never is."""
    days = day_difference(gold, predicted)
    return days is not None and days <= DATE_TOLERANCE_DAYS_BY_PRECISION[gold["time_precision"]]


def place_within_tolerance(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Return True when the places are at most 50/75/250 km apart for gold geo_precision 1/2/3.

    When either side has no coordinates the places agree only if both name the same location
    (case- and accent-insensitive): a prediction that names the place but could not geocode it is
    not thrown away, while one that has neither coordinates nor the right name cannot be told
    apart from a report of another incident in the same country.
    """
    distance = event_distance_km(gold, predicted)
    if distance is None:
        return same_location_name(gold, predicted)
    return distance <= DISTANCE_TOLERANCE_KM_BY_PRECISION[gold["geo_precision"]]


def match_events(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> list[Pair]:
    """Return one-to-one pairs of compatible gold and predicted events, best agreement first.

    Candidates are ranked by (event type agrees, sub-event type agrees, nearer, same day) and
    taken greedily; acceptable alternatives in the gold count as agreement. Remaining ties go to
    required gold before optional gold, then to file order, so an optional event never takes a
    prediction an equally good required one could have had.
    """
    candidates: list[tuple[tuple[Any, ...], Pair]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if not compatible(g, p):
                continue
            distance = event_distance_km(g, p)
            days = day_difference(g, p)
            assert days is not None  # compatible() checked it
            pair = Pair(
                gold_index=gi,
                pred_index=pi,
                gold=g,
                predicted=p,
                distance_km=distance,
                day_difference=days,
                type_agrees=_type_agrees(g, p),
                sub_type_agrees=_sub_type_agrees(g, p),
            )
            rank = (
                pair.type_agrees,
                pair.sub_type_agrees,
                -(distance if distance is not None else math.inf),
                days == 0,
                not g.get("optional", False),
                -gi,
                -pi,
            )
            candidates.append((rank, pair))
    candidates.sort(key=lambda c: c[0], reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[Pair] = []
    for _, pair in candidates:
        if pair.gold_index in used_gold or pair.pred_index in used_pred:
            continue
        used_gold.add(pair.gold_index)
        used_pred.add(pair.pred_index)
        pairs.append(pair)
    return pairs


# Helpers ----------------------------------------------------------------------------------------


def _type_agrees(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    # An acceptable sub-event type brings its own event type with it (GOLD_FORMAT.md).
    allowed = {gold.get("event_type")} | {
        SUB_EVENT_TO_TYPE[s] for s in gold.get("acceptable_sub_event_types", []) or []
    }
    return predicted.get("event_type") in allowed


def _sub_type_agrees(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    allowed = {gold.get("sub_event_type"), *(gold.get("acceptable_sub_event_types", []) or [])}
    return predicted.get("sub_event_type") in allowed


def actor1_agrees(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    allowed = {fold_key(gold.get("actor1"), keep_accents=True)} | {
        fold_key(a, keep_accents=True) for a in gold.get("acceptable_actor1", []) or []
    }
    return fold_key(predicted.get("actor1"), keep_accents=True) in allowed


def day_difference(gold: dict[str, Any], predicted: dict[str, Any]) -> int | None:
    g, p = _as_date(gold.get("event_date")), _as_date(predicted.get("event_date"))
    if g is None or p is None:
        return None
    return abs((g - p).days)


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _coordinates(event: dict[str, Any]) -> tuple[float, float] | None:
    lat, lon = event.get("latitude"), event.get("longitude")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


def same_location_name(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    name = fold_key(gold.get("location"))
    return bool(name) and name == fold_key(predicted.get("location"))
