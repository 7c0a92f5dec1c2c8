"""Scores predicted events (output-contract dicts) against gold articles (GOLD_FORMAT.md).

    1. match_events   pairs predictions with gold events one-to-one (evaluate/matching.py)
    2. score_article  counts hits, misses, false events, field agreement and not_event violations
    3. aggregate      sums articles into one Summary (micro-averaged) + cross-document resolution
    4. run_eval       loads gold, runs an extractor and aggregates (evaluate/runner.py)

Everything works on plain dicts so that gold fed back as predictions, hand-made predictions in
tests, and `Event.as_dict()` output are scored the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from eventwire.evaluate.gold import GoldArticle
from eventwire.evaluate.matching import (
    LOCATION_RIGHT_MAX_KM,
    Pair,
    actor1_agrees,
    match_events,
    same_location_name,
)
from eventwire.lang.fold import fold_key
from eventwire.models import Skip

# Evidence overlap with a not_event quote: one contains the other, or they share a run of
# characters covering this share of the shorter one (catches quotes trimmed or re-punctuated).
QUOTE_OVERLAP_MIN_SHARE = 0.6
QUOTE_OVERLAP_MIN_CHARS = 20


@dataclass(frozen=True)
class NotEventViolation:
    """A predicted event whose evidence quotes something the gold lists as not an event."""

    predicted: dict[str, Any]
    quote: str
    why: str | None


@dataclass(frozen=True)
class FieldCounts:
    """Right answers on matched pairs, with their denominators."""

    pairs: int = 0
    event_type: int = 0
    sub_event_type: int = 0
    location_25km: int = 0
    date_exact: int = 0
    fatalities_scored: int = 0  # pairs whose gold fatalities is a number
    fatalities_exact: int = 0
    actor1: int = 0

    def __add__(self, other: FieldCounts) -> FieldCounts:
        names = self.__dataclass_fields__
        return FieldCounts(**{n: getattr(self, n) + getattr(other, n) for n in names})


@dataclass(frozen=True)
class ArticleScore:
    """How one article's predictions compare with its gold events."""

    article_id: str
    gold_required: int
    gold_optional: int
    predicted: int
    pairs: tuple[Pair, ...]
    misses: tuple[dict[str, Any], ...]  # required gold events left unmatched
    false_events: tuple[dict[str, Any], ...]  # predictions matched to nothing
    fields: FieldCounts
    not_event_violations: tuple[NotEventViolation, ...] = ()
    skip: Skip | None = None  # set when the extractor skipped the article (zero predictions)
    without_country: int = 0  # predictions whose country is null or empty
    text: str = field(default="", repr=False)  # the article's text (for the place breakdown)

    @property
    def predictions(self) -> tuple[dict[str, Any], ...]:
        """Return every prediction of the article: the matched ones, then the false events."""
        return tuple(p.predicted for p in self.pairs) + self.false_events

    @property
    def matched(self) -> int:
        """Return the number of required gold events matched (true positives)."""
        return sum(1 for p in self.pairs if not p.gold.get("optional", False))

    @property
    def matched_optional(self) -> int:
        """Return the number of optional gold events matched (neither hit nor false event)."""
        return len(self.pairs) - self.matched


@dataclass(frozen=True)
class Summary:
    """Micro-averaged scores over all articles (fractions in [0, 1]).

    Field accuracies are over all matched pairs (optional gold included) and are 0.0 when there is
    nothing to score; the `*_scored` counts in `as_dict()` give each denominator.
    """

    precision: float
    recall: float
    f1: float
    event_type_acc: float
    sub_event_type_acc: float
    loc_acc25km: float
    date_exact: float
    fatalities_exact: float
    actor1_acc: float
    xdoc_precision: float | None
    xdoc_recall: float | None
    gold: int
    gold_optional: int
    predicted: int
    matched: int
    matched_optional: int
    false_events: int
    misses: int
    not_event_violations: int
    xdoc_gold_same_pairs: int
    xdoc_predicted_same_pairs: int
    fields: FieldCounts
    articles: tuple[ArticleScore, ...] = field(default=())
    without_country: int = 0  # predictions whose country is null or empty

    @property
    def without_country_share(self) -> float:
        """Return the share of predicted events with no country (0.0 when nothing predicted):
        such an event can match no gold event."""
        return _ratio(self.without_country, self.predicted)

    @property
    def articles_with_prediction(self) -> float:
        """Return the share of articles with gold events that got at least one prediction, right
        or wrong. Not recall (`recall` counts gold events matched); only a secondary figure."""
        with_gold = [a for a in self.articles if a.gold_required > 0]
        return sum(1 for a in with_gold if a.predicted > 0) / len(with_gold) if with_gold else 1.0

    @property
    def skipped(self) -> tuple[ArticleScore, ...]:
        """Return the article scores whose article the extractor skipped."""
        return tuple(a for a in self.articles if a.skip is not None)

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON summary printed by `eventwire eval --json` (no per-article detail)."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "event_type_acc": self.event_type_acc,
            "sub_event_type_acc": self.sub_event_type_acc,
            "loc_acc25km": self.loc_acc25km,
            "date_exact": self.date_exact,
            "fatalities_exact": self.fatalities_exact,
            "actor1_acc": self.actor1_acc,
            "xdoc_precision": self.xdoc_precision,
            "xdoc_recall": self.xdoc_recall,
            "gold": self.gold,
            "gold_optional": self.gold_optional,
            "predicted": self.predicted,
            "matched": self.matched,
            "matched_optional": self.matched_optional,
            "false_events": self.false_events,
            "misses": self.misses,
            "not_event_violations": self.not_event_violations,
            "articles": len(self.articles),
            "without_country": self.without_country,
            "without_country_share": self.without_country_share,
            "articles_with_prediction": self.articles_with_prediction,
            "skipped": len(self.skipped),
            "pairs_scored": self.fields.pairs,
            "fatalities_scored": self.fields.fatalities_scored,
            "xdoc_gold_same_pairs": self.xdoc_gold_same_pairs,
            "xdoc_predicted_same_pairs": self.xdoc_predicted_same_pairs,
        }


# 1. One article ---------------------------------------------------------------------------------


def score_article(
    gold_article: GoldArticle, predicted: Sequence[dict[str, Any]], *, skip: Skip | None = None
) -> ArticleScore:
    """Return the score of one article's predictions against its gold events.

    An unmatched optional gold event is not a miss, and a prediction matched to one is not a false
    event. Not-event violations: a prediction with an evidence sentence that overlaps a gold
    not_event quote, unless that sentence also overlaps a gold event's evidence (one sentence can
    report an incident and mention a background one).
    """
    gold = gold_article.events
    pairs = match_events(gold, predicted)
    matched_gold = {p.gold_index for p in pairs}
    matched_pred = {p.pred_index for p in pairs}
    misses = tuple(g for i, g in enumerate(gold) if i not in matched_gold and not g.get("optional", False))
    false_events = tuple(p for i, p in enumerate(predicted) if i not in matched_pred)
    fields = sum((_field_counts(p) for p in pairs), FieldCounts())
    return ArticleScore(
        article_id=gold_article.id,
        gold_required=sum(1 for g in gold if not g.get("optional", False)),
        gold_optional=sum(1 for g in gold if g.get("optional", False)),
        predicted=len(predicted),
        pairs=tuple(pairs),
        misses=misses,
        false_events=false_events,
        fields=fields,
        not_event_violations=find_not_event_violations(gold_article, predicted),
        skip=skip,
        without_country=sum(1 for p in predicted if not fold_key(p.get("country"))),
        text=gold_article.text,
    )


def find_not_event_violations(
    gold_article: GoldArticle, predicted: Iterable[dict[str, Any]]
) -> tuple[NotEventViolation, ...]:
    """Return, per offending prediction, the first gold not_event quote its evidence overlaps."""
    quotes = [(_normalize_text(n["evidence"]), n) for n in gold_article.not_events]
    quotes = [(q, n) for q, n in quotes if q]
    if not quotes:
        return ()
    gold_evidence = [_normalize_text(s) for g in gold_article.events for s in g.get("evidence", []) or []]
    violations = []
    for pred in predicted:
        hit = _first_violating_quote(pred, quotes, gold_evidence)
        if hit is not None:
            violations.append(NotEventViolation(predicted=pred, quote=hit["evidence"], why=hit.get("why")))
    return tuple(violations)


def evidence_texts(event: dict[str, Any]) -> list[str]:
    """Return an event's evidence sentences: reports[].evidence[].text, or gold-style evidence."""
    texts = [
        ev["text"]
        for report in event.get("reports", []) or []
        for ev in report.get("evidence", []) or []
        if isinstance(ev, dict) and ev.get("text")
    ]
    texts += [s for s in event.get("evidence", []) or [] if isinstance(s, str)]
    return texts


# 2. All articles --------------------------------------------------------------------------------


def aggregate(scores: Sequence[ArticleScore]) -> Summary:
    """Return micro-averaged scores over articles, with cross-document pairwise resolution.

    Cross-document: over every two matched pairs from different articles, "predicted same" when
    both predictions share an event_id and "gold same" when both gold events share an `incident`.
    Precision = both / predicted same, recall = both / gold same; both are None when there are no
    pairs of either kind, and a ratio with an empty denominator is 0.0 otherwise (predicting no
    links, or only links, never passes for free).
    """
    gold = sum(s.gold_required for s in scores)
    matched = sum(s.matched for s in scores)
    false_events = sum(len(s.false_events) for s in scores)
    fields = sum((s.fields for s in scores), FieldCounts())
    counted_predictions = matched + false_events  # predictions matched to optional gold left out
    if counted_predictions:
        precision = matched / counted_predictions
    else:
        precision = 1.0 if gold == 0 else 0.0
    recall = matched / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    gold_same, predicted_same, both = _cross_document_pairs(scores)
    if gold_same == 0 and predicted_same == 0:
        xdoc_precision = xdoc_recall = None
    else:
        xdoc_precision = both / predicted_same if predicted_same else 0.0
        xdoc_recall = both / gold_same if gold_same else 0.0
    return Summary(
        precision=precision,
        recall=recall,
        f1=f1,
        event_type_acc=_ratio(fields.event_type, fields.pairs),
        sub_event_type_acc=_ratio(fields.sub_event_type, fields.pairs),
        loc_acc25km=_ratio(fields.location_25km, fields.pairs),
        date_exact=_ratio(fields.date_exact, fields.pairs),
        fatalities_exact=_ratio(fields.fatalities_exact, fields.fatalities_scored),
        actor1_acc=_ratio(fields.actor1, fields.pairs),
        xdoc_precision=xdoc_precision,
        xdoc_recall=xdoc_recall,
        gold=gold,
        gold_optional=sum(s.gold_optional for s in scores),
        predicted=sum(s.predicted for s in scores),
        matched=matched,
        matched_optional=sum(s.matched_optional for s in scores),
        false_events=false_events,
        misses=sum(len(s.misses) for s in scores),
        not_event_violations=sum(len(s.not_event_violations) for s in scores),
        xdoc_gold_same_pairs=gold_same,
        xdoc_predicted_same_pairs=predicted_same,
        fields=fields,
        articles=tuple(scores),
        without_country=sum(s.without_country for s in scores),
    )


# Helpers ----------------------------------------------------------------------------------------


def _field_counts(pair: Pair) -> FieldCounts:
    g, p = pair.gold, pair.predicted
    fatalities_scored = isinstance(g.get("fatalities"), int)
    return FieldCounts(
        pairs=1,
        event_type=int(pair.type_agrees),
        sub_event_type=int(pair.sub_type_agrees),
        location_25km=int(
            pair.distance_km <= LOCATION_RIGHT_MAX_KM if pair.distance_km is not None else same_location_name(g, p)
        ),
        date_exact=int(pair.day_difference == 0),
        fatalities_scored=int(fatalities_scored),
        fatalities_exact=int(fatalities_scored and p.get("fatalities") == g["fatalities"]),
        actor1=int(actor1_agrees(g, p)),
    )


def _normalize_text(text: str) -> str:
    """Return text reduced to lower-case words, for quote comparison across punctuation styles."""
    return re.sub(r"\W+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


def _texts_overlap(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    shorter = min(len(a), len(b))
    if shorter < QUOTE_OVERLAP_MIN_CHARS:
        return False
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= QUOTE_OVERLAP_MIN_SHARE * shorter


def _first_violating_quote(
    pred: dict[str, Any],
    quotes: list[tuple[str, dict[str, Any]]],
    gold_evidence: list[str],
) -> dict[str, Any] | None:
    for text in evidence_texts(pred):
        sentence = _normalize_text(text)
        if any(_texts_overlap(sentence, g) for g in gold_evidence):
            continue
        for quote, item in quotes:
            if _texts_overlap(sentence, quote):
                return item
    return None


def _cross_document_pairs(scores: Sequence[ArticleScore]) -> tuple[int, int, int]:
    """Return (gold-same, predicted-same, both) counts over pairs from different articles."""
    by_incident: dict[str, list[str]] = {}
    by_event_id: dict[str, list[str]] = {}
    by_both: dict[tuple[str, str], list[str]] = {}
    for score in scores:
        for pair in score.pairs:
            incident = pair.gold.get("incident")
            event_id = pair.predicted.get("event_id")
            if incident:
                by_incident.setdefault(incident, []).append(score.article_id)
            if event_id:
                by_event_id.setdefault(str(event_id), []).append(score.article_id)
            if incident and event_id:
                by_both.setdefault((incident, str(event_id)), []).append(score.article_id)
    return (
        _pairs_across_articles(by_incident.values()),
        _pairs_across_articles(by_event_id.values()),
        _pairs_across_articles(by_both.values()),
    )


def _pairs_across_articles(groups: Iterable[list[str]]) -> int:
    """Return the number of unordered pairs, within each group, whose articles differ."""
    total = 0
    for articles in groups:
        n = len(articles)
        same_article = sum(k * (k - 1) // 2 for k in Counter(articles).values())
        total += n * (n - 1) // 2 - same_article
    return total


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0
