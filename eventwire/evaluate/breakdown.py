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
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from eventwire.evaluate.matching import (
    compatible,
    country_agrees,
    day_within_tolerance,
    place_within_tolerance,
)
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
    # not_event violations by the gold not_event's `why`: (on matched predictions, on false events)
    violations_by_why: dict[str, tuple[int, int]] = field(default_factory=dict)

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
            "not_event_violations_by_why": {
                w: {"matched": m, "false": f} for w, (m, f) in self.violations_by_why.items()
            },
            "sub_type_confusion": {
                "pairs": self.pairs,
                "agreeing": self.sub_type_agreeing,
                "off_diagonal": [{"gold": g, "predicted": p, "count": n} for g, p, n in self.off_diagonal()],
                "matrix": matrix,
            },
        }


def breakdown(summary: Summary) -> Breakdown:
    """Return the error breakdown of a scored evaluation."""
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
    return Breakdown(
        misses={r: misses[r] for r in MISS_REASONS},
        false_events={r: false_events[r] for r in FALSE_EVENT_REASONS},
        confusion=dict(confusion),
        sub_type_agreeing=agreeing,
        sub_type_disagreeing=dict(disagreeing),
        extra_beside_a_miss=beside_miss,
        wrong_country_none=no_country,
        violations_by_why=dict(sorted(by_why.items(), key=lambda kv: -sum(kv[1]))),
    )


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
