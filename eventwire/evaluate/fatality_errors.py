"""Fatalities errors of the matched events (`eventwire eval --breakdown`, issue 16).

Every matched pair whose gold fatalities is a number (the pairs of the exact-fatalities accuracy)
counts under the first of these that holds:

    1. exact           the prediction's figure is the gold one
    2. missed_toll     gold > 0, the prediction has none or 0
    3. over_count      gold > 0, the prediction is higher (the wounded or the attackers counted
                       wrongly, another incident's toll, a cumulative tally)
    4. under_count     gold > 0, the prediction is lower but above 0
    5. invented_toll   gold 0, the prediction is above 0
    6. none_for_zero   gold 0, the prediction has no figure (null rather than 0)

Among the wrong figures, `hints` counts: over_count figures equal to the sum of the gold tolls of
the article's events (one event given the toll of several), wrong figures equal to the toll of
another gold event of the article (matched or missed), and wrong figures within 2 of the gold
one. Every wrong figure is also counted by how the prediction read it (`by_method`: the method of
its fatalities provenance, "figures", "singular_death", "unnumbered_deaths_default", ..., or
"no_reading" when it has none), by the gold event type (`by_type`) and by whether its article
has one gold event or several (`by_article`: a wrong toll in an article of several events is
often one event's toll given to another, a reading error in one of a single event). Counts only: no article
text, so a held-out set can be read by category.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from eventwire.evaluate.scorer import Summary

ERRORS = {
    "exact": "the prediction's figure is the gold one",
    "missed_toll": "gold > 0, predicted none or 0",
    "over_count": "gold > 0, predicted higher",
    "under_count": "gold > 0, predicted lower (above 0)",
    "invented_toll": "gold 0, predicted above 0",
    "none_for_zero": "gold 0, predicted none (not 0)",
}
HINTS = {
    "over_is_article_total": "over_count equal to the sum of the article's gold tolls",
    "another_event_toll": "a wrong figure equal to another gold event's toll of the article",
    "within_two": "a wrong figure within 2 of the gold one",
}
# the method of a prediction whose fatalities provenance names none
NO_READING = "no_reading"
# an article with one gold event, or with several (required or optional, matched or missed)
ONE_EVENT, SEVERAL = "one_gold_event", "several_gold_events"
_WITH_FIGURE = frozenset({"over_count", "under_count", "invented_toll"})


@dataclass(frozen=True)
class FatalityErrors:
    """Matched pairs by fatalities error, with hints and the wrong ones by method and type."""

    errors: dict[str, int] = field(default_factory=dict)  # every name of ERRORS, in that order
    hints: dict[str, int] = field(default_factory=dict)  # every name of HINTS, in that order
    by_method: dict[tuple[str, str], int] = field(default_factory=dict)  # (error, method) -> wrong pairs
    by_type: dict[tuple[str, str], int] = field(default_factory=dict)  # (error, gold event type) -> wrong pairs
    by_article: dict[tuple[str, str], int] = field(default_factory=dict)  # (error, ONE_EVENT or SEVERAL) -> wrong pairs

    def as_dict(self) -> dict[str, Any]:
        """Return the `fatalities` object of `eval --breakdown --json`."""
        return {
            "errors": dict(self.errors),
            "hints": dict(self.hints),
            "by_method": _nested(self.by_method),
            "by_gold_event_type": _nested(self.by_type),
            "by_article_events": _nested(self.by_article),
        }


def _nested(cells: dict[tuple[str, str], int]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for (a, b), n in sorted(cells.items()):
        out.setdefault(a, {})[b] = n
    return out


def fatality_error(gold: Any, predicted: Any) -> str:
    """Return the fatalities error of a matched pair whose gold figure is a number (module
    docstring)."""
    figure = predicted if isinstance(predicted, int) and not isinstance(predicted, bool) else None
    if figure == gold:
        return "exact"
    if gold > 0:
        if not figure:
            return "missed_toll"
        return "over_count" if figure > gold else "under_count"
    return "invented_toll" if figure else "none_for_zero"


def reading_method(predicted: dict[str, Any]) -> str:
    """Return how a prediction read its fatalities: its provenance's method without the
    "casualties:" prefix, or NO_READING."""
    provenance = (predicted.get("provenance") or {}).get("fatalities") or {}
    method = provenance.get("method") if isinstance(provenance, dict) else None
    return str(method).removeprefix("casualties:") if method else NO_READING


def fatality_errors(summary: Summary) -> FatalityErrors:
    """Return the matched pairs by fatalities error, the hints, and the wrong figures by method
    and gold event type (module docstring), over the pairs whose gold fatalities is a number."""
    errors: Counter[str] = Counter()
    hints: Counter[str] = Counter()
    by_method: Counter[tuple[str, str]] = Counter()
    by_type: Counter[tuple[str, str]] = Counter()
    by_article: Counter[tuple[str, str]] = Counter()
    for article in summary.articles:
        size = ONE_EVENT if article.gold_required + article.gold_optional <= 1 else SEVERAL
        golds = [p.gold for p in article.pairs] + list(article.misses)
        known = [t for t in (g.get("fatalities") for g in golds) if isinstance(t, int)]
        for pair in article.pairs:
            gold, predicted = pair.gold.get("fatalities"), pair.predicted.get("fatalities")
            if not isinstance(gold, int) or isinstance(gold, bool):
                continue
            error = fatality_error(gold, predicted)
            errors[error] += 1
            if error == "exact":
                continue
            by_method[(error, reading_method(pair.predicted))] += 1
            by_type[(error, str(pair.gold.get("event_type")))] += 1
            by_article[(error, size)] += 1
            if error not in _WITH_FIGURE:
                continue
            assert isinstance(predicted, int)  # these errors have a figure
            others = list(known)
            others.remove(gold)
            hints["over_is_article_total"] += error == "over_count" and len(known) > 1 and predicted == sum(known)
            hints["another_event_toll"] += predicted in others
            hints["within_two"] += abs(predicted - gold) <= 2
    return FatalityErrors(
        errors={e: errors[e] for e in ERRORS},
        hints={h: hints[h] for h in HINTS},
        by_method=dict(by_method),
        by_type=dict(by_type),
        by_article=dict(by_article),
    )
