"""Split incident mentions that the codebook counts as several events.

ACLED codes one event per location per day per actor pair (CODING_RULES.md): "des combats ont
éclaté dimanche et lundi", "troops fought the rebels from Monday to Wednesday" report one event
per day. `split_days` turns such a mention into one mention per stated day, each dated to its
day, with a toll given for all the days split evenly between them (ACLED; the one toll stays the
range). A night across two days ("pendant la nuit de mardi à mercredi", "the night of Sunday to
Monday") is one incident, and a span longer than MAX_SPAN_DAYS is a period, not days of one
operation: neither is split, and a figure given for a period ("plus de 120 assassinats entre le
3 et le 31 octobre", "40 killed between May 1 and May 20") is a tally, not an event
(CODING_RULES.md: aggregate statistics). The joining words are in data/day_spans.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

from eventwire.datafiles import check_known_keys, data_path, key_error, read_yaml_mapping
from eventwire.lang.fold import literal_alternation
from eventwire.models import EVENT_MODALITIES, EventDate, Mention, Span
from eventwire.normalize.dates import TimeExpression, find_time_expressions
from eventwire.normalize.mentions import share_toll

# A span of more days than this is a period, not the days of one operation.
MAX_SPAN_DAYS = 7
DAY_WORD_KEYS = ("and", "to", "from", "night", "between", "resumed", "determiners")
# How far before the first day a night word may stand ("pendant la nuit de mardi à mercredi").
NIGHT_WINDOW = 20


@dataclass(frozen=True)
class DayWords:
    """The joining words of one language (data/day_spans.yaml), as patterns."""

    joined: re.Pattern[str]  # text between two listed days ("and", "and continued on")
    span_to: re.Pattern[str]  # text between the two ends of a span
    span_from: re.Pattern[str]  # text right before the first end of a span
    to_start: re.Pattern[str]  # a "to" word that opens the second end's expression ("au mercredi")
    from_start: re.Pattern[str]  # a "from" word that opens the first end's expression ("du lundi")
    night: re.Pattern[str]  # a night across two days, just before or at the start of the first day
    between: re.Pattern[str]  # right before the first of two ends joined by "and" ("entre", "between")


@cache
def load_day_words(lang: str) -> DayWords | None:
    """Return the day-joining words of a language, or None when the data file has none."""
    path = data_path("day_spans.yaml")
    data = read_yaml_mapping(path)
    entry = data.get(lang)
    if entry is None:
        return None
    if not isinstance(entry, dict):
        raise key_error(
            path, lang, "expected a mapping of and/to/from/night/between/resumed/determiners -> list of words"
        )
    check_known_keys(path, entry, DAY_WORD_KEYS)
    for key in DAY_WORD_KEYS:
        words = entry.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise key_error(path, lang, f"'{key}' must be a non-empty list of words")
    lists = {k: [w.strip().lower() for w in entry[k]] for k in DAY_WORD_KEYS}
    return DayWords(
        joined=re.compile(
            rf"^\s*(?:,|(?:,\s*)?(?:{literal_alternation(lists['and'])})"
            rf"(?:\s+(?:(?:{literal_alternation(lists['determiners'])})\s*[\w-]+\s+)?"
            rf"(?:{literal_alternation(lists['resumed'])}))?)\s*(?:le\s+|on\s+)?$",
            re.IGNORECASE,
        ),
        span_to=re.compile(rf"^\s*(?:{literal_alternation(lists['to'])})\s*(?:le\s+)?$", re.IGNORECASE),
        span_from=re.compile(rf"\b(?:{literal_alternation(lists['from'])})\s*(?:le\s+)?$", re.IGNORECASE),
        to_start=re.compile(rf"^(?:{literal_alternation(lists['to'])})\b", re.IGNORECASE),
        from_start=re.compile(rf"^(?:{literal_alternation(lists['from'])})\b", re.IGNORECASE),
        night=re.compile(rf"\b(?:{literal_alternation(lists['night'])})\b", re.IGNORECASE),
        between=re.compile(rf"\b(?:{literal_alternation(lists['between'])})\s*(?:le\s+)?$", re.IGNORECASE),
    )


@dataclass(frozen=True)
class StatedDays:
    """The days a sentence gives its incident: listed days, or the two ends of a span."""

    days: tuple[tuple[date, Span], ...] = ()  # one per day of the incident (two or more)
    period: bool = False  # a span longer than MAX_SPAN_DAYS: a period, not days of one operation


# "du 3 au 5 mai", "from 3 to 5 May", "between 3 and 31 October": a span of days in one expression,
# or a bare first day right before the expression of the second ("entre le 3 et le 31 octobre")
RANGE_IN_EXPRESSION = re.compile(r"\b(\d{1,2})(?:er|st|nd|rd|th)?\s+(?:au|à|to|-|–|et|and)\s+(?:le\s+)?(\d{1,2})\b")
BARE_FIRST_DAY = re.compile(r"\b(\d{1,2})(?:er|st|nd|rd|th)?\s+(?:au|à|to|et|and|-|–)\s+$")


def stated_days(text: str, mention_day: Span, *, lang: str, published: date) -> StatedDays:
    """Return the days a sentence lists or spans around the time expression that dates its
    incident (`mention_day`, offsets into `text`); empty when it states one day only."""
    words = load_day_words(lang)
    if words is None:
        return StatedDays()
    exprs = [e for e in find_time_expressions(text, lang=lang, published=published) if e.time_precision == 1]
    at = next((i for i, e in enumerate(exprs) if e.span.start <= mention_day.start < e.span.end), None)
    if at is None:
        return StatedDays()

    def night(e: TimeExpression) -> bool:
        return bool(words.night.search(text[max(0, e.span.start - NIGHT_WINDOW) : e.span.end]))

    def span_of(first: date, last: date, a: Span, b: Span) -> StatedDays:
        n = (last - first).days
        if n <= 0:
            return StatedDays()
        if n > MAX_SPAN_DAYS - 1:
            return StatedDays(period=True)
        return StatedDays(tuple((first + timedelta(days=k), b if k == n else a) for k in range(n + 1)))

    e = exprs[at]
    inner = RANGE_IN_EXPRESSION.search(e.span.text)
    if inner is not None and not night(e):
        last = _same_month(e.value, int(inner.group(2)))
        return span_of(e.value, last, e.span, e.span) if last is not None else StatedDays()
    bare = BARE_FIRST_DAY.search(text[max(0, e.span.start - 12) : e.span.start])
    if bare is not None and not night(e) and words.between.search(text[: e.span.start - len(bare.group(0))]):
        first = _same_month(e.value, int(bare.group(1)))
        return span_of(first, e.value, e.span, e.span) if first is not None else StatedDays()
    chain = _listed_chain(text, exprs, at, words)
    if len(chain) >= 2:
        if night(chain[0]):
            return StatedDays()
        if len(chain) == 2 and words.between.search(text[: chain[0].span.start]):
            # "between Monday and Wednesday": the two ends of a span
            return span_of(chain[0].value, chain[1].value, chain[0].span, chain[1].span)
        days = [(x.value, x.span) for x in chain]
        if len({d for d, _ in days}) == len(days) and all(a[0] < b[0] for a, b in pairwise(days)):
            return StatedDays(tuple(days))
        return StatedDays()
    for i, j in ((at - 1, at), (at, at + 1)):
        if i < 0 or j >= len(exprs):
            continue
        a, b = exprs[i], exprs[j]
        between = text[a.span.end : b.span.start]
        to_ok = words.span_to.match(between) or (not between.strip() and words.to_start.match(b.span.text))
        from_ok = words.span_from.search(text[: a.span.start]) or words.from_start.match(a.span.text)
        if to_ok and from_ok and not night(a):
            return span_of(a.value, b.value, a.span, b.span)
    return StatedDays()


def _same_month(day: date, number: int) -> date | None:
    try:
        return day.replace(day=number)
    except ValueError:
        return None


def _listed_chain(text: str, exprs: list[TimeExpression], at: int, words: DayWords) -> list[TimeExpression]:
    """Return the run of time expressions joined by commas and "and" words around index `at`."""
    lo = hi = at
    while lo > 0 and words.joined.match(text[exprs[lo - 1].span.end : exprs[lo].span.start]):
        lo -= 1
    while hi + 1 < len(exprs) and words.joined.match(text[exprs[hi].span.end : exprs[hi + 1].span.start]):
        hi += 1
    return exprs[lo : hi + 1]


# Ends the date reason of a mention made one of several days ("one of 2 days the sentence reports…").
DAY_SPLIT_MARK = "(ACLED: one event per day)"


def is_day_split(m: Mention) -> bool:
    """Return whether a mention is one day of an incident told over several (see split_days)."""
    return m.date is not None and (m.date.reason or "").endswith(DAY_SPLIT_MARK)


def split_days(mentions: list[Mention], *, lang: str, published: date | None) -> list[Mention]:
    """Return the mentions with each one told of several stated days made one per day, and
    each tally over a period made an aggregate (not an event)."""
    if published is None:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        stated = _stated(m, lang=lang, published=published)
        if stated.period and _counted(m):
            # "plus de 120 assassinats recensés entre le 3 et le 31 octobre": a tally over a period
            out.append(replace(m, modality="background", claim_status="reported"))
            continue
        days = stated.days
        if len(days) < 2:
            out.append(m)
            continue
        assert m.date is not None, "only a dated mention states days (_stated)"
        for i, (day, span) in enumerate(days):
            out.append(
                replace(
                    m,
                    date=EventDate(
                        day,
                        1,
                        span,
                        m.date.method,
                        reason=f"one of {len(days)} days the sentence reports {DAY_SPLIT_MARK}",
                    ),
                    casualties=share_toll(m.casualties, i, len(days), unit="days"),
                    count=1,
                    plural=False,
                )
            )
    return out


def _counted(m: Mention) -> bool:
    """Return whether a mention gives a figure: a toll or a number of incidents."""
    c = m.casualties
    return m.count > 1 or (c is not None and c.method == "figures" and bool(c.fatalities or c.injuries))


def _stated(m: Mention, *, lang: str, published: date) -> StatedDays:
    if m.modality not in EVENT_MODALITIES or m.date is None or m.date.span is None or m.date.value is None:
        return StatedDays()
    sentence = m.sentence
    if not (sentence.start <= m.date.span.start < sentence.end):
        return StatedDays()
    local = Span(m.date.span.start - sentence.start, m.date.span.end - sentence.start, m.date.span.text)
    stated = stated_days(sentence.text, local, lang=lang, published=published)
    return replace(
        stated,
        days=tuple((d, Span(x.start + sentence.start, x.end + sentence.start, x.text)) for d, x in stated.days),
    )
