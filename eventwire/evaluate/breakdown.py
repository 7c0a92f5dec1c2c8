"""Error breakdown of an evaluation (`eventwire eval --breakdown`): why each required gold event
was missed, why each false event is one, and which sub-event types the matched pairs confuse.

Every missed gold event gets exactly one reason, the first of these tests that holds (each test
looks at all the predictions of the gold event's article):

    1. no_prediction   the article has no prediction at all
    2. under_split     a prediction is compatible with the gold event (same country, day and place
                       within tolerance), so it was taken by another gold event of the article:
                       several gold events were collapsed into one prediction
    3. wrong_country   a prediction has the day within tolerance but another country or none
    4. too_far         a prediction has the same country and day but its place is beyond the
                       distance tolerance (or it has no coordinates and another location name)
    5. wrong_day       a prediction has the same country and its place within tolerance but its
                       date is off (or missing)
    6. other           none of these: every prediction is off on at least two of country, day
                       and place

`under_split_pairs` describes each under_split miss against the gold event that took its
prediction (evaluate/collapsed.py): other place, other day or both, over 25 km apart, fewer
predictions than gold events.

`wrong_country_none` counts the wrong_country misses where a prediction of that day has no
country at all (rather than another one).

Every false event (a prediction matched to no gold event, required or optional) gets exactly one
reason, the first that holds:

    1. not_event_overlap        its evidence overlaps a gold not_event quote (the not_event
                                violations of `scorer.find_not_event_violations`)
    2. extra_in_event_document  the article has gold events (required or optional)
    3. document_without_events  the article has none

`extra_beside_a_miss` counts the extra_in_event_document ones whose article also has a missed
gold event: often the missed event itself, extracted with the wrong country, day or place.

The sub-event type confusion counts every matched pair (optional gold included, as the
sub_event_type accuracy does) in the cell gold sub-type -> predicted sub-type. A pair counts as
agreeing when the prediction is the gold sub-type or one of its acceptable alternatives, so the
agreeing total equals the accuracy's numerator; the other pairs are the off-diagonal cells.

The fatalities error table of the matched pairs is eventwire/evaluate/fatality_errors.py's.

Cross-document resolution, over the same pairs of matched events from different articles as
xdoc_precision/xdoc_recall. Every missed link (gold same incident, predictions not linked) gets
the first reason that holds, comparing the two predictions:

    1. different_country  the predictions name different countries
    2. different_day      their dates differ (the linker accepts no day apart)
    3. far_apart          their places are more than 25 km apart (or, without coordinates, not
                          the same name)
    4. different_type     their event types differ
    5. unlinked           they agree on all of these: the linker's similarity, toll or actor
                          vetoes kept them apart

Every false link (predictions linked, gold events of different incidents) gets the first that
holds, comparing the two gold events:

    1. gold_other_day     the gold events are on different days
    2. gold_other_place   their places are more than 25 km apart
    3. gold_same_day_place two incidents of the same day and place (e.g. a clash and the strike
                           that answered it)

The too_far misses and the matched pairs over 25 km apart are then counted by what the
prediction's place is (geo_precision, dateline town, capital, division point, how the text
names the gold place, distance): evaluate/place_errors.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from eventwire.evaluate.collapsed import collapses
from eventwire.evaluate.fatality_errors import FatalityErrors, fatality_errors
from eventwire.evaluate.matching import (
    LOCATION_RIGHT_MAX_KM,
    Pair,
    compatible,
    country_agrees,
    day_within_tolerance,
    event_distance_km,
    place_within_tolerance,
    same_location_name,
)
from eventwire.evaluate.place_errors import PlaceErrors, PlaceLookup, place_errors
from eventwire.evaluate.scorer import ArticleScore, Summary

# Reason -> one-line meaning for the report, in the order the tests are made.
MISS_REASONS = {
    "no_prediction": "the article has no prediction",
    "under_split": "its prediction was taken by another gold event (collapsed)",
    "wrong_country": "a prediction of that day has another country or none",
    "too_far": "same country and day, place beyond tolerance",
    "wrong_day": "same country and place, date off",
    "other": "every prediction is off on two of country, day, place",
}
XDOC_MISSED_REASONS = {
    "different_country": "the two predictions name different countries",
    "different_day": "their dates differ",
    "far_apart": "their places are over 25 km apart",
    "different_type": "their event types differ",
    "unlinked": "they agree on country, day, place and type",
}
XDOC_FALSE_REASONS = {
    "gold_other_day": "the gold incidents are on different days",
    "gold_other_place": "the gold incidents are over 25 km apart",
    "gold_same_day_place": "two gold incidents of one day and place",
}
FALSE_EVENT_REASONS = {
    "not_event_overlap": "its evidence is a gold not_event",
    "extra_in_event_document": "an extra event in an article with gold events",
    "document_without_events": "an event in an article with none",
}
# A sub-type missing on either side is shown under this name in the confusion cells.
NO_SUB_TYPE = "(none)"


@dataclass(frozen=True)
class Breakdown:
    """Counts of missed gold events and false events by reason, and the sub-type confusion."""

    misses: dict[str, int]  # every name of MISS_REASONS, in that order
    false_events: dict[str, int]  # every name of FALSE_EVENT_REASONS, in that order
    confusion: dict[tuple[str, str], int]  # (gold sub-type, predicted sub-type) -> matched pairs
    sub_type_agreeing: int  # matched pairs whose sub-type agrees (acceptable alternatives too)
    sub_type_disagreeing: dict[tuple[str, str], int]  # the off-diagonal cells
    extra_beside_a_miss: int = 0  # extra_in_event_document in an article with a miss
    wrong_country_none: int = 0  # wrong_country misses with a same-day prediction without country
    xdoc_missed: dict[str, int] = field(default_factory=dict)  # every name of XDOC_MISSED_REASONS
    xdoc_false: dict[str, int] = field(default_factory=dict)  # every name of XDOC_FALSE_REASONS
    # not_event violations by the gold not_event's `why`: (on matched predictions, on false events)
    violations_by_why: dict[str, tuple[int, int]] = field(default_factory=dict)
    places: PlaceErrors | None = None  # too_far misses and matched pairs over 25 km, by place
    # under_split misses against the gold event that took their prediction (evaluate/collapsed.py)
    under_split_pairs: dict[str, int] = field(default_factory=dict)
    fatalities: FatalityErrors = field(default_factory=FatalityErrors)

    @property
    def pairs(self) -> int:
        """Return the number of matched pairs in the confusion matrix."""
        return sum(self.confusion.values())

    def off_diagonal(self) -> list[tuple[str, str, int]]:
        """Return the disagreeing cells as (gold, predicted, count), most frequent first."""
        cells = [(g, p, n) for (g, p), n in self.sub_type_disagreeing.items()]
        return sorted(cells, key=lambda c: (-c[2], c[0], c[1]))

    def as_dict(self) -> dict[str, Any]:
        """Return the `breakdown` object of `eventwire eval --breakdown --json`."""
        matrix: dict[str, dict[str, int]] = {}
        for (g, p), n in sorted(self.confusion.items()):
            matrix.setdefault(g, {})[p] = n
        return {
            "misses": dict(self.misses),
            "wrong_country_none": self.wrong_country_none,
            "false_events": dict(self.false_events),
            "extra_beside_a_miss": self.extra_beside_a_miss,
            "under_split_pairs": dict(self.under_split_pairs),
            "xdoc_missed_links": dict(self.xdoc_missed),
            "xdoc_false_links": dict(self.xdoc_false),
            "fatalities": self.fatalities.as_dict(),
            "not_event_violations_by_why": {
                w: {"matched": m, "false": f} for w, (m, f) in self.violations_by_why.items()
            },
            "place_errors": self.places.as_dict() if self.places is not None else None,
            "sub_type_confusion": {
                "pairs": self.pairs,
                "agreeing": self.sub_type_agreeing,
                "off_diagonal": [{"gold": g, "predicted": p, "count": n} for g, p, n in self.off_diagonal()],
                "matrix": matrix,
            },
        }


def breakdown(summary: Summary, gazetteer: PlaceLookup | None = None) -> Breakdown:
    """Return the error breakdown of a scored evaluation (the gazetteer, for the place table, is
    loaded when needed and not given)."""
    misses: Counter[str] = Counter()
    false_events: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    disagreeing: Counter[tuple[str, str]] = Counter()
    agreeing = beside_miss = no_country = 0
    by_why: dict[str, tuple[int, int]] = {}
    for article in summary.articles:
        predictions = article.predictions
        for gold in article.misses:
            reason = miss_reason(gold, predictions)
            misses[reason] += 1
            no_country += reason == "wrong_country" and any(
                not p.get("country") and day_within_tolerance(gold, p) for p in predictions
            )
        for predicted in article.false_events:
            reason = false_event_reason(article, predicted)
            false_events[reason] += 1
            beside_miss += reason == "extra_in_event_document" and bool(article.misses)
        false_ids = {id(p) for p in article.false_events}
        for v in article.not_event_violations:
            m, f = by_why.get(v.why or "?", (0, 0))
            by_why[v.why or "?"] = (m, f + 1) if id(v.predicted) in false_ids else (m + 1, f)
        for pair in article.pairs:
            cell = (
                pair.gold.get("sub_event_type") or NO_SUB_TYPE,
                pair.predicted.get("sub_event_type") or NO_SUB_TYPE,
            )
            confusion[cell] += 1
            if pair.sub_type_agrees:
                agreeing += 1
            else:
                disagreeing[cell] += 1
    xdoc_missed, xdoc_false = cross_document_reasons(summary)
    return Breakdown(
        fatalities=fatality_errors(summary),
        xdoc_missed={r: xdoc_missed[r] for r in XDOC_MISSED_REASONS},
        xdoc_false={r: xdoc_false[r] for r in XDOC_FALSE_REASONS},
        misses={r: misses[r] for r in MISS_REASONS},
        false_events={r: false_events[r] for r in FALSE_EVENT_REASONS},
        confusion=dict(confusion),
        sub_type_agreeing=agreeing,
        sub_type_disagreeing=dict(disagreeing),
        extra_beside_a_miss=beside_miss,
        wrong_country_none=no_country,
        violations_by_why=dict(sorted(by_why.items(), key=lambda kv: -sum(kv[1]))),
        places=place_errors(summary, _is_too_far, gazetteer),
        under_split_pairs=collapses(summary),
    )


def _is_too_far(gold: dict[str, Any], predictions: tuple[dict[str, Any], ...]) -> bool:
    return miss_reason(gold, predictions) == "too_far"


def miss_reason(gold: dict[str, Any], predictions: tuple[dict[str, Any], ...]) -> str:
    """Return why a gold event is unmatched among its article's predictions (module docstring)."""
    if not predictions:
        return "no_prediction"
    if any(compatible(gold, p) for p in predictions):
        return "under_split"
    same_day = [p for p in predictions if day_within_tolerance(gold, p)]
    if any(not country_agrees(gold, p) for p in same_day):
        return "wrong_country"
    if same_day:  # the others of the same day agree on the country, so their place is off
        return "too_far"
    same_country = [p for p in predictions if country_agrees(gold, p)]
    if any(place_within_tolerance(gold, p) for p in same_country):
        return "wrong_day"
    return "other"


def false_event_reason(article: ArticleScore, predicted: dict[str, Any]) -> str:
    """Return why a prediction is a false event of its article (module docstring)."""
    if any(v.predicted is predicted for v in article.not_event_violations):
        return "not_event_overlap"
    if article.gold_required + article.gold_optional > 0:
        return "extra_in_event_document"
    return "document_without_events"


def cross_document_reasons(summary: Summary) -> tuple[Counter[str], Counter[str]]:
    """Return the missed and the false cross-document links by reason (module docstring), over
    the pairs of matched events from different articles."""
    matched = [(a.article_id, pair) for a in summary.articles for pair in a.pairs]
    missed: Counter[str] = Counter()
    false_links: Counter[str] = Counter()
    for (art_a, a), (art_b, b) in combinations(matched, 2):
        if art_a == art_b:
            continue
        incident_a, incident_b = a.gold.get("incident"), b.gold.get("incident")
        gold_same = bool(incident_a) and incident_a == incident_b
        id_a, id_b = a.predicted.get("event_id"), b.predicted.get("event_id")
        predicted_same = bool(id_a) and str(id_a) == str(id_b)
        if gold_same and not predicted_same:
            missed[missed_link_reason(a, b)] += 1
        elif predicted_same and not gold_same:
            false_links[false_link_reason(a, b)] += 1
    return missed, false_links


def _apart(x: dict[str, Any], y: dict[str, Any]) -> bool:
    distance = event_distance_km(x, y)
    if distance is None:
        return not same_location_name(x, y)
    return distance > LOCATION_RIGHT_MAX_KM


def missed_link_reason(a: Pair, b: Pair) -> str:
    """Return why two predictions of one gold incident were not linked (module docstring)."""
    pa, pb = a.predicted, b.predicted
    if not country_agrees(pa, pb):
        return "different_country"
    if pa.get("event_date") != pb.get("event_date"):
        return "different_day"
    if _apart(pa, pb):
        return "far_apart"
    if pa.get("event_type") != pb.get("event_type"):
        return "different_type"
    return "unlinked"


def false_link_reason(a: Pair, b: Pair) -> str:
    """Return why two linked predictions are of different gold incidents (module docstring)."""
    ga, gb = a.gold, b.gold
    if ga.get("event_date") != gb.get("event_date"):
        return "gold_other_day"
    if _apart(ga, gb):
        return "gold_other_place"
    return "gold_same_day_place"
