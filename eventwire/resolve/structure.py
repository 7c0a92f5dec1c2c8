"""Split incident mentions that the codebook counts as several events.

ACLED codes one event per location per day per actor pair (CODING_RULES.md): "des combats ont
éclaté dimanche et lundi", "troops fought the rebels from Monday to Wednesday" report one event
per day. `split_days` turns such a mention into one mention per stated day, each dated to its
day, with a toll given for all the days split evenly between them (ACLED; the one toll stays the
range). A night across two days ("pendant la nuit de mardi à mercredi", "the night of Sunday to
Monday") is one incident, and a span longer than MAX_SPAN_DAYS is a period (a campaign, a
tally), not days of one operation: neither is split. The joining words are in
data/day_spans.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

from eventwire.datafiles import check_known_keys, data_path, key_error, read_yaml_mapping
from eventwire.models import EVENT_MODALITIES, EventDate, Mention, Span
from eventwire.normalize.dates import TimeExpression, find_time_expressions
from eventwire.normalize.mentions import share_toll

# A span of more days than this is a period, not the days of one operation.
MAX_SPAN_DAYS = 7
DAY_WORD_KEYS = ("and", "to", "from", "night")
# How far before the first day a night word may stand ("pendant la nuit de mardi à mercredi").
NIGHT_WINDOW = 20


@dataclass(frozen=True)
class DayWords:
    """The joining words of one language (data/day_spans.yaml), as patterns."""

    joined: re.Pattern[str]  # text between two listed days
    span_to: re.Pattern[str]  # text between the two ends of a span
    span_from: re.Pattern[str]  # text right before the first end of a span
    to_start: re.Pattern[str]  # a "to" word that opens the second end's expression ("au mercredi")
    from_start: re.Pattern[str]  # a "from" word that opens the first end's expression ("du lundi")
    night: re.Pattern[str]  # a night across two days, just before or at the start of the first day


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def load_day_words(lang: str) -> DayWords | None:
    """Return the day-joining words of a language, or None when the data file has none."""
    path = data_path("day_spans.yaml")
    data = read_yaml_mapping(path)
    entry = data.get(lang)
    if entry is None:
        return None
    if not isinstance(entry, dict):
        raise key_error(path, lang, "expected a mapping of and/to/from/night -> list of words")
    check_known_keys(path, entry, DAY_WORD_KEYS)
    for key in DAY_WORD_KEYS:
        words = entry.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise key_error(path, lang, f"'{key}' must be a non-empty list of words")
    lists = {k: [w.strip().lower() for w in entry[k]] for k in DAY_WORD_KEYS}
    return DayWords(
        joined=re.compile(rf"^\s*(?:,|(?:,\s*)?(?:{_alternation(lists['and'])}))\s*(?:le\s+|on\s+)?$", re.IGNORECASE),
        span_to=re.compile(rf"^\s*(?:{_alternation(lists['to'])})\s*(?:le\s+)?$", re.IGNORECASE),
        span_from=re.compile(rf"\b(?:{_alternation(lists['from'])})\s*(?:le\s+)?$", re.IGNORECASE),
        to_start=re.compile(rf"^(?:{_alternation(lists['to'])})\b", re.IGNORECASE),
        from_start=re.compile(rf"^(?:{_alternation(lists['from'])})\b", re.IGNORECASE),
        night=re.compile(rf"\b(?:{_alternation(lists['night'])})\b", re.IGNORECASE),
    )


def stated_days(text: str, mention_day: Span, *, lang: str, published: date) -> list[tuple[date, Span]]:
    """Return the days a sentence lists or spans around the time expression that dates its
    incident (`mention_day`, offsets into `text`), with the expression of each; [] when it
    states one day only."""
    words = load_day_words(lang)
    if words is None:
        return []
    exprs = [e for e in find_time_expressions(text, lang=lang, published=published) if e.time_precision == 1]
    at = next((i for i, e in enumerate(exprs) if e.span.start <= mention_day.start < e.span.end), None)
    if at is None:
        return []
    def night(e: TimeExpression) -> bool:
        return bool(words.night.search(text[max(0, e.span.start - NIGHT_WINDOW):e.span.end]))

    chain = _listed_chain(text, exprs, at, words)
    if len(chain) >= 2:
        if night(chain[0]):
            return []
        days = [(e.value, e.span) for e in chain]
        if len({d for d, _ in days}) == len(days) and all(a[0] < b[0] for a, b in pairwise(days)):
            return days
        return []
    for first, last in ((at - 1, at), (at, at + 1)):
        if first < 0 or last >= len(exprs):
            continue
        a, b = exprs[first], exprs[last]
        between = text[a.span.end:b.span.start]
        to_ok = words.span_to.match(between) or (not between.strip() and words.to_start.match(b.span.text))
        from_ok = words.span_from.search(text[: a.span.start]) or words.from_start.match(a.span.text)
        if to_ok and from_ok and not night(a) and 0 < (b.value - a.value).days <= MAX_SPAN_DAYS - 1:
            n = (b.value - a.value).days
            return [(a.value + timedelta(days=k), b.span if k == n else a.span) for k in range(n + 1)]
    return []


def _listed_chain(text: str, exprs: list[TimeExpression], at: int, words: DayWords) -> list[TimeExpression]:
    """Return the run of time expressions joined by commas and "and" words around index `at`."""
    lo = hi = at
    while lo > 0 and words.joined.match(text[exprs[lo - 1].span.end:exprs[lo].span.start]):
        lo -= 1
    while hi + 1 < len(exprs) and words.joined.match(text[exprs[hi].span.end:exprs[hi + 1].span.start]):
        hi += 1
    return exprs[lo:hi + 1]


def split_days(mentions: list[Mention], *, lang: str, published: date | None) -> list[Mention]:
    """Return the mentions with each one told of several stated days made one per day."""
    if published is None:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        days = _days_of(m, lang=lang, published=published)
        if len(days) < 2:
            out.append(m)
            continue
        for i, (day, span) in enumerate(days):
            out.append(replace(
                m,
                date=EventDate(day, 1, span, m.date.method,
                               reason=f"one of {len(days)} days the sentence reports (ACLED: one event per day)"),
                casualties=share_toll(m.casualties, i, len(days), unit="days"),
                count=1, plural=False,
            ))
    return out


def _days_of(m: Mention, *, lang: str, published: date) -> list[tuple[date, Span]]:
    if m.modality not in EVENT_MODALITIES or m.date is None or m.date.span is None or m.date.value is None:
        return []
    sentence = m.sentence
    if not (sentence.start <= m.date.span.start < sentence.end):
        return []
    local = Span(m.date.span.start - sentence.start, m.date.span.end - sentence.start, m.date.span.text)
    days = stated_days(sentence.text, local, lang=lang, published=published)
    return [(d, Span(s.start + sentence.start, s.end + sentence.start, s.text)) for d, s in days]
