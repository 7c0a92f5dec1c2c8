"""Time expressions in news text and the event date they give, with ACLED time_precision.

Knowledge lives in `eventwire/data/time/{fr,en}.yaml`; the rules here are news conventions:

1. A bare weekday ("mercredi", "on Friday") is the most recent such day on or before the
   publication date: "mercredi" in an article published Wednesday 18 Oct 2023 is 18 Oct 2023,
   published Thursday it is the day before. "mardi dernier" / "last Tuesday" is strictly before.
2. "nuit de samedi à dimanche" / "overnight Saturday to Sunday" is coded to the night's
   FIRST day (Saturday), precision 1, unless the night ended on the publication day, which is
   then coded with precision 2 ("cette nuit", "last night" too): normalize/nights.py. The Sunday
   is the most recent one on or before publication.
3. A date without a year takes the publication year, or the year before when its month is after
   the publication month ("le 28 décembre" in an article of 3 January).
4. Precision (CODING_RULES.md): a named day is 1; "mi-mars", "ces derniers jours", "last week"
   are 2 (coded to the middle); "en mars", "last month" are 3 (coded to the 15th).
5. "la veille", "le lendemain", "the next day" count from the previous date named in the text,
   or from the publication date when there is none.

Absolute dates are parsed by these rules, not handed to dateparser: dateparser misreads bare
numbers ("2500"), bare weekdays ("mercredi" → next Wednesday) and French "des".
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TypeVar

from eventwire.datafiles import data_path
from eventwire.lang.literal_guard import Guarded, first_words, holds_any, holds_match
from eventwire.lang.numbers import parse_number
from eventwire.lang.time_words import TimeLexicon, load_time_lexicon
from eventwire.models import EventDate, Span
from eventwire.normalize.nights import night_date

log = logging.getLogger(__name__)

KINDS = ("absolute", "weekday", "night", "relative", "anchored", "ago", "week", "month", "period")
# Precision given to an event dated only by its publication date: the report says the incident
# happened "recently", i.e. within a few days (ACLED precision 2), never an exact day.
PUBLISHED_DATE_PRECISION = 2
_NUMBER = r"\d+|[^\W\d_]+(?:[- ][^\W\d_]+)?"


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text, resolved against the publication date."""

    span: Span
    value: date
    time_precision: int
    kind: str  # one of KINDS


def _alt(phrases: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first; spaces match any blank, "'" any apostrophe."""
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(w).replace("'", "['’]") for w in p.split()]
        out.append(r"\s+".join(words))
    return "|".join(out) or "(?!)"


def _b(pattern: str) -> str:
    return rf"(?<![\w])(?:{pattern})(?![\w])"


@dataclass(frozen=True)
class _Patterns:
    absolute_dmy: Guarded
    absolute_mdy: Guarded
    numeric: Guarded
    iso: Guarded
    night_weekdays: Guarded
    night_days: Guarded
    night_weekday: Guarded
    night_into: Guarded
    last_night: Guarded
    numeric_yearless: Guarded
    weekday: Guarded
    month_part: Guarded
    month: Guarded
    relative: Guarded
    anchored: Guarded
    period: Guarded
    ago: Guarded


@dataclass(frozen=True)
class _Parts:
    """The alternations of one time lexicon that several patterns share."""

    ls: dict[str, tuple[str, ...]]
    ms: dict[str, dict]
    wd: str  # weekday names
    mo: str  # month names
    day: str  # a day of the month: "7", "1er", "3rd", "premier"
    year: str
    prefix: str  # an optional date article: "le", "on the"


def _parts(lex: TimeLexicon) -> _Parts:
    ls, ms = lex.lists, lex.maps
    return _Parts(
        ls=ls,
        ms=ms,
        wd=_alt(ms["weekdays"]),
        mo=_alt(ms["months"]),
        day=rf"(?:\d{{1,2}}(?!\d)(?:{_alt(ls['ordinal_suffixes'])})?|{_alt(ms['day_words'])})",
        year=r"(?:\d{4})(?!\d)",
        prefix=rf"(?:(?:{_alt(ls['date_prefixes'])})\s+)?",
    )


def _date_patterns(p: _Parts) -> dict[str, re.Pattern[str]]:
    """Patterns of dates named by day, month and year ("mardi 7 février 2024", "March 3")."""
    ls, ms, wd, mo, day, year = p.ls, p.ms, p.wd, p.mo, p.day, p.year
    flags = re.IGNORECASE
    return {
        "absolute_dmy": re.compile(
            _b(
                # "22-23 March", "du 22 au 23 mars": a span of days, coded to its first day (ACLED)
                rf"{p.prefix}(?:(?P<wd>{wd}),?\s+)?(?:(?:{_alt(ls['day_articles'])})\s+)?"
                rf"(?:(?P<d0>{day})\s*(?:[-–]|{_alt(ls['day_range_joiners'])})\s*)?"
                rf"(?P<d>{day})\s+(?:(?:{_alt(ls['day_month_links'])})\s+)?(?P<m>{mo})"
                rf"(?:,?\s+(?P<y>{year}))?"
            ),
            flags,
        ),
        "absolute_mdy": re.compile(
            _b(rf"{p.prefix}(?:(?P<wd>{wd}),?\s+)?(?P<m>{mo})\s+(?P<d>{day})(?:,?\s+(?P<y>{year}))?"),
            flags,
        ),
        "numeric": re.compile(
            r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
            r"(?![\w/-]|\.\d)"
        ),
        "iso": re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])"),
        # "le 12/05", "on 12/05": a day and month without the year, only after a date article
        "numeric_yearless": re.compile(
            rf"(?<![\w])(?:{_alt(ls['date_prefixes'])})\s+(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?![\w/.,-]?\d)",
            flags,
        ),
        "month_part": re.compile(
            _b(
                rf"(?P<part>{_alt(ms['month_parts'])})(?:\s*-\s*|\s+)"
                rf"(?:(?:{_alt(ls['month_part_links'])})\s*)?(?P<m>{mo})(?:\s+(?P<y>{year}))?"
            ),
            flags,
        ),
        "month": re.compile(
            _b(
                rf"(?:(?:{_alt(ls['month_prefixes'])})\s+(?P<m>{mo})(?:\s+(?P<y>{year}))?"
                rf"|(?P<m2>{mo})\s+(?P<y2>{year}))"
            ),
            flags,
        ),
    }


def _night_patterns(p: _Parts) -> dict[str, re.Pattern[str]]:
    """Patterns of nights: a night between two named days, a night of one weekday, "last night"."""
    ls, wd, mo, day, year = p.ls, p.wd, p.mo, p.day, p.year
    night, joiners = _alt(ls["night_prefixes"]), _alt(ls["night_joiners"])
    flags = re.IGNORECASE
    return {
        "night_weekdays": re.compile(
            _b(rf"(?:{night})\s*(?P<wd1>{wd})\s+(?:{joiners})\s+(?P<wd2>{wd})"),
            flags,
        ),
        "night_days": re.compile(
            _b(
                rf"(?:{night})\s*(?:(?:{wd})\s+)?(?P<d1>{day})\s+"
                rf"(?:{joiners})\s+(?:(?:{wd})\s+)?(?P<d2>{day})\s+(?P<m>{mo})"
                rf"(?:,?\s+(?P<y>{year}))?"
            ),
            flags,
        ),
        # "dans la nuit de dimanche", "overnight Saturday": the night of the day named
        "night_weekday": re.compile(
            _b(rf"(?:{night})\s*(?:(?:{_alt(ls['night_weekday_links'])})\s+)?(?P<wd>{wd})")
            + rf"(?!\s+(?:{joiners})\s)",
            flags,
        ),
        # "overnight into Sunday": the night that ended that day, coded to the day before
        "night_into": re.compile(
            _b(rf"(?:{night})\s+(?:{_alt(ls['night_into'])})\s+(?P<wd>{wd})") if ls["night_into"] else "(?!)",
            flags,
        ),
        # "cette nuit", "last night": the night that ended on the publication morning
        "last_night": re.compile(_b(_alt(ls["last_night"])), flags),
    }


def _word_patterns(p: _Parts) -> dict[str, re.Pattern[str]]:
    """Patterns of weekdays, relative days, periods and "three days ago"."""
    ls, ms, wd = p.ls, p.ms, p.wd
    flags = re.IGNORECASE
    units = _alt(ms["ago_units"])
    return {
        "weekday": re.compile(
            _b(
                rf"(?:(?P<last1>{_alt(ls['last_before'])})\s+)?(?:(?:{_alt(ls['date_prefixes'])})\s+)?"
                rf"(?P<wd>{wd})(?:\s+(?P<last2>{_alt(ls['last_after'])}))?"
                rf"(?:\s+(?:{_alt(ls['day_parts'])}))?"
            )
            + rf"(?!\s+(?:{_alt(ls['future_after'])})(?!\w))",
            flags,
        ),
        "relative": re.compile(_b(_alt(ms["relative_days"])), flags),
        "anchored": re.compile(_b(_alt(ms["anchored_days"])), flags),
        "period": re.compile(_b(_alt(ms["periods"])), flags),
        "ago": re.compile(
            _b(rf"(?:(?:{_alt(ls['ago_prefixes'])})\s+)(?P<n>{_NUMBER})\s+(?P<u>{units})")
            if ls["ago_prefixes"]
            else _b(rf"(?P<n>{_NUMBER})\s+(?P<u>{units})\s+(?:{_alt(ls['ago_suffixes'])})"),
            flags,
        ),
    }


@lru_cache(maxsize=8)
def _patterns(lang: str) -> _Patterns:
    """Return the patterns of a language, each tried only on a text that may hold a match (`Guarded`):
    the first word of a month, a weekday or the pattern's own phrases, or digits around a separator."""
    p = _parts(load_time_lexicon(lang))
    ls, ms = p.ls, p.ms
    heads: dict[str, Iterable[str]] = dict.fromkeys(("absolute_dmy", "absolute_mdy", "month_part"), ms["months"])
    heads |= dict.fromkeys(("month", "night_days"), ms["months"])
    heads |= dict.fromkeys(("weekday", "night_weekdays", "night_weekday", "night_into"), ms["weekdays"])
    heads |= {"relative": ms["relative_days"], "anchored": ms["anchored_days"], "period": ms["periods"]}
    heads |= {"last_night": ls["last_night"], "ago": ls["ago_prefixes"] or ls["ago_suffixes"]}
    tests = {name: holds_any(first_words(phrases)) for name, phrases in heads.items()}
    tests |= dict.fromkeys(("numeric", "iso", "numeric_yearless"), holds_match(re.compile(r"\d[/.-]\d")))
    found = {**_date_patterns(p), **_night_patterns(p), **_word_patterns(p)}
    return _Patterns(**{name: Guarded(pattern, tests[name]) for name, pattern in found.items()})


_V = TypeVar("_V")


def _lookup(table: Mapping[str, _V], phrase: str) -> _V:
    """Return table[phrase] matching case-insensitively and across blank/apostrophe variants."""
    key = " ".join(phrase.replace("’", "'").split()).casefold()
    for k, v in table.items():
        if k.casefold() == key:
            return v
    raise KeyError(phrase)


def _infer_year(month: int, published: date) -> int:
    """Return the year of a yearless date: last year when its month is after the publication's."""
    return published.year - 1 if month > published.month else published.year


def _weekday_on_or_before(weekday: int, ref: date) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def _shift_month(ref: date, months: int) -> date:
    index = ref.year * 12 + ref.month - 1 + months
    return date(index // 12, index % 12 + 1, 15)


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _day_number(text: str, lex: TimeLexicon) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    return int(_lookup(lex.maps["day_words"], text))


def _capitalized(lex: TimeLexicon, *names: str | None) -> bool:
    """English month and weekday names must be capitalised ("may", "march" are verbs)."""
    return not lex.names_capitalized or all(n is None or n[:1].isupper() for n in names)


# (start, end, priority, kind, payload): the payload is (date, time_precision), or for an anchored
# expression ("la veille") its number of days from the previous date
_Candidate = tuple[int, int, int, str, int | tuple[date, int]]


def _adder(out: list[_Candidate]) -> Callable[[re.Match[str], str, date | None, int, int], None]:
    """Return add(match, kind, value, precision, priority), which keeps only dated matches."""

    def add(m: re.Match[str], kind: str, value: date | None, precision: int, priority: int) -> None:
        if value is not None:
            out.append((m.start(), m.end(), priority, kind, (value, precision)))

    return add


def _absolute_candidates(text: str, lex: TimeLexicon, pat: _Patterns, published: date, out: list[_Candidate]) -> None:
    """Dates named by day and month, numeric and ISO dates."""
    ms = lex.maps
    add = _adder(out)
    for p in (pat.absolute_dmy, pat.absolute_mdy):
        for m in p.finditer(text):
            if not _capitalized(lex, m.group("m"), m.group("wd")):
                continue
            month = int(_lookup(ms["months"], m.group("m")))
            year = int(m.group("y")) if m.group("y") else _infer_year(month, published)
            first = m.groupdict().get("d0") or m.group("d")
            value = _safe_date(year, month, _day_number(first, lex))
            # "Friday, 7th December 2019" (a Saturday): the text contradicts itself, so the day is
            # only known within a few days (ACLED time_precision 2)
            precision = 1
            if value is not None and m.group("wd") and int(_lookup(ms["weekdays"], m.group("wd"))) != value.weekday():
                precision = 2
            add(m, "absolute", value, precision, 0)
    for m in pat.numeric.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        day, month = (a, b) if lex.numeric_order == "dmy" else (b, a)
        year = int(m.group("y"))
        year += 2000 if year < 100 else 0
        add(m, "absolute", _safe_date(year, month, day), 1, 0)
    for m in pat.numeric_yearless.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        day, month = (a, b) if lex.numeric_order == "dmy" else (b, a)
        if 1 <= month <= 12:
            add(m, "absolute", _safe_date(_infer_year(month, published), month, day), 1, 0)
    for m in pat.iso.finditer(text):
        add(m, "absolute", _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), 1, 0)


def _night_candidates(text: str, lex: TimeLexicon, pat: _Patterns, published: date, out: list[_Candidate]) -> None:
    """Nights: "nuit de samedi à dimanche", "overnight into Sunday", "last night"."""
    ms = lex.maps
    add = _adder(out)
    for m in pat.night_weekdays.finditer(text):
        if not _capitalized(lex, m.group("wd1"), m.group("wd2")):
            continue
        first = int(_lookup(ms["weekdays"], m.group("wd1")))
        second = int(_lookup(ms["weekdays"], m.group("wd2")))
        end = _weekday_on_or_before(second, published)
        add(m, "night", *night_date(end - timedelta(days=(second - first) % 7 or 1), published), 0)
    for m in pat.night_weekday.finditer(text):
        if _capitalized(lex, m.group("wd")):
            weekday = int(_lookup(ms["weekdays"], m.group("wd")))
            add(m, "night", _weekday_on_or_before(weekday, published), 1, 0)
    for m in pat.night_into.finditer(text):
        if _capitalized(lex, m.group("wd")):
            end = _weekday_on_or_before(int(_lookup(ms["weekdays"], m.group("wd"))), published)
            add(m, "night", *night_date(end - timedelta(days=1), published), 0)
    for m in pat.night_days.finditer(text):
        if not _capitalized(lex, m.group("m")):
            continue
        month = int(_lookup(ms["months"], m.group("m")))
        year = int(m.group("y")) if m.group("y") else _infer_year(month, published)
        first_day = _safe_date(year, month, _day_number(m.group("d1"), lex))
        if first_day is not None:
            add(m, "night", *night_date(first_day, published), 0)
    for m in pat.last_night.finditer(text):
        add(m, "night", *night_date(published - timedelta(days=1), published), 1)


def _named_candidates(text: str, lex: TimeLexicon, pat: _Patterns, published: date, out: list[_Candidate]) -> None:
    """Weekdays, parts of months and months."""
    ms = lex.maps
    add = _adder(out)
    for m in pat.weekday.finditer(text):
        if not _capitalized(lex, m.group("wd")):
            continue
        weekday = int(_lookup(ms["weekdays"], m.group("wd")))
        strictly_before = bool(m.group("last1") or m.group("last2"))
        ref = published - timedelta(days=1) if strictly_before else published
        add(m, "weekday", _weekday_on_or_before(weekday, ref), 1, 1)
    for m in pat.month_part.finditer(text):
        if not _capitalized(lex, m.group("m")):
            continue
        spec = _lookup(ms["month_parts"], m.group("part"))
        month = int(_lookup(ms["months"], m.group("m")))
        year = int(m.group("y")) if m.group("y") else _infer_year(month, published)
        add(m, "month", _safe_date(year, month, spec["day"]), spec["precision"], 1)
    for m in pat.month.finditer(text):
        name = m.group("m") or m.group("m2")
        if not _capitalized(lex, name):
            continue
        month = int(_lookup(ms["months"], name))
        y = m.group("y") or m.group("y2")
        year = int(y) if y else _infer_year(month, published)
        add(m, "month", date(year, month, 15), 3, 2)


def _relative_candidates(text: str, lex: TimeLexicon, pat: _Patterns, published: date, out: list[_Candidate]) -> None:
    """Relative days ("hier"), anchored days ("la veille") and periods ("last week")."""
    ms = lex.maps
    add = _adder(out)
    for m in pat.relative.finditer(text):
        add(
            m,
            "relative",
            published + timedelta(days=int(_lookup(ms["relative_days"], m.group()))),
            1,
            1,
        )
    for m in pat.anchored.finditer(text):
        out.append((m.start(), m.end(), 1, "anchored", int(_lookup(ms["anchored_days"], m.group()))))
    for m in pat.period.finditer(text):
        spec = _lookup(ms["periods"], m.group())
        if "week" in spec:
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=spec["week"])
            end = published if spec["week"] == 0 else monday + timedelta(days=6)
            value = monday + (end - monday) / 2
        elif "weekend" in spec:
            value = _weekday_on_or_before(5, published - timedelta(days=1))
        elif "month" in spec:
            value = _shift_month(published, spec["month"])
        else:
            value = published + timedelta(days=spec.get("days", 0))
        kind = "week" if ("week" in spec or "weekend" in spec) else ("month" if "month" in spec else "period")
        add(m, kind, value, spec["precision"], 1)


def _ago_candidates(text: str, lex: TimeLexicon, pat: _Patterns, published: date, out: list[_Candidate]) -> None:
    """Numbers of days, weeks or months ago ("il y a trois jours", "two weeks ago")."""
    ms = lex.maps
    for m in pat.ago.finditer(text):
        n = parse_number(m.group("n"), lex.language)
        start = m.start()
        if n is None and re.search(r"[- ]", m.group("n")):
            # "attacked three days ago": the number is the last word only
            tail = re.split(r"[- ]", m.group("n"))[-1]
            n = parse_number(tail, lex.language)
            start = m.start("n") + len(m.group("n")) - len(tail)
        if n is None:
            continue
        spec = _lookup(ms["ago_units"], m.group("u"))
        if "months" in spec:
            value = _shift_month(published, -n * spec["months"])
            kind = "month"
        else:
            value = published - timedelta(days=n * spec.get("days", 1))
            kind = "ago" if spec["precision"] == 1 else "week"
        out.append((start, m.end(), 1, kind, (value, spec["precision"])))


def _candidates(text: str, lang: str, published: date) -> list[_Candidate]:
    """Return (start, end, priority, kind, payload) for every pattern match."""
    lex = load_time_lexicon(lang)
    pat = _patterns(lang)
    out: list[_Candidate] = []
    for find in (
        _absolute_candidates,
        _night_candidates,
        _named_candidates,
        _relative_candidates,
        _ago_candidates,
    ):
        find(text, lex, pat, published, out)
    return out


def find_time_expressions(text: str, *, lang: str, published: date) -> list[TimeExpression]:
    """Return the time expressions in `text`, in text order, with offsets into `text`.

    Overlapping matches keep the longest ("mardi 7 février" over "mardi"). Anchored expressions
    ("la veille") count from the previous date in the text, else from `published`. Remembered
    per text, language, date and lexicon (a sentence is read for each of its mentions); a new
    list each call.
    """
    lex = load_time_lexicon(lang)
    key = (text, lang, published, id(lex))
    hit = _EXPRESSIONS_MEMO.get(key)
    if hit is None or hit[0] is not lex:  # the lexicon is kept: an id is never reused
        if len(_EXPRESSIONS_MEMO) >= 1024:
            _EXPRESSIONS_MEMO.clear()
        hit = _EXPRESSIONS_MEMO[key] = (lex, tuple(_find_time_expressions(text, lang, published)))
    return list(hit[1])


_EXPRESSIONS_MEMO: dict[tuple, tuple[object, tuple[TimeExpression, ...]]] = {}


def _find_time_expressions(text: str, lang: str, published: date) -> list[TimeExpression]:
    chosen: list[_Candidate] = []
    for cand in sorted(_candidates(text, lang, published), key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    chosen.sort()
    out: list[TimeExpression] = []
    anchor = published
    for start, end, _, kind, payload in chosen:
        span = Span(start, end, text[start:end])
        if isinstance(payload, int):  # kind "anchored", the only one with a number of days
            out.append(TimeExpression(span, anchor + timedelta(days=payload), 1, kind))
            continue
        value, precision = payload
        out.append(TimeExpression(span, value, precision, kind))
        anchor = value
    return out


def _paragraph_start(text: str, pos: int) -> int:
    """Return where the paragraph holding `pos` begins: after a blank line when the text has
    blank lines (paragraphs joined by "\\n\\n"), else after the previous newline."""
    separator = re.compile(r"\n[ \t]*\n") if re.search(r"\n[ \t]*\n", text) else re.compile(r"\n")
    start = 0
    for m in separator.finditer(text, 0, pos):
        start = m.end()
    return start


@lru_cache(maxsize=4)
def _before_pattern(key: str) -> re.Pattern[str]:
    """Return a pattern matching, at the end of a text, a word of list `key` of every time
    lexicon (data/time/*.yaml), then an optional comma and date article ("said, on")."""
    words: set[str] = set()
    prefixes: set[str] = set()
    for path in sorted(data_path("time").glob("*.yaml")):
        lex = load_time_lexicon(path.stem)
        words.update(lex.lists[key])
        prefixes.update(lex.lists["date_prefixes"])
    return re.compile(rf"(?<![\w])(?:{_alt(words)})\s*,?\s*(?:(?:{_alt(prefixes)})\s+)?$", re.IGNORECASE)


def _preceded_by(key: str, text: str, expression: TimeExpression) -> bool:
    before = text[max(0, expression.span.start - 40) : expression.span.start]
    return bool(_before_pattern(key).search(before))


def dates_a_statement(text: str, expression: TimeExpression) -> bool:
    """Return whether a time expression dates a statement, not an incident: it follows a speech
    verb or a document noun ("said on December 7", "une note datée du 3 juin")."""
    return _preceded_by("statement_before", text, expression)


def starts_a_period(text: str, expression: TimeExpression) -> bool:
    """Return whether a time expression opens an ongoing period ("depuis vendredi", "since
    Friday"): it dates when a situation began, not the incident the article reports."""
    return _preceded_by("since_before", text, expression)


def resolve_event_date(
    sentence: Span,
    text: str,
    *,
    lang: str,
    published: date,
    expressions: list[TimeExpression] | None = None,
    trigger: Span | None = None,
) -> EventDate:
    """Return the date of the incident reported in `sentence` (offsets into `text`).

    The most precise expression inside the sentence wins (among equals, the one nearest the
    `trigger` when given, else the first: "un deuil national est décrété aujourd'hui après
    l'embuscade de ce jeudi 4 avril" is dated Thursday the 4th). A date that dates a
    statement ("a déclaré ce mardi") is never used, one that opens a period ("depuis vendredi")
    only when the sentence has no other, and one after the publication date never (an incident
    cannot be reported before it happens: "le scrutin du 20" is a plan). Else the nearest
    expression before the sentence in the same paragraph (not one dating a statement); else the publication date, with
    method "published_date", precision 2 and a reason.
    """
    if expressions is None:
        expressions = find_time_expressions(text, lang=lang, published=published)
    usable = [e for e in expressions if e.value <= published and not dates_a_statement(text, e)]
    inside = [e for e in usable if sentence.start <= e.span.start and e.span.end <= sentence.end]
    if inside:

        def distance(e: TimeExpression) -> int:
            if trigger is None:
                return e.span.start
            return max(e.span.start - trigger.end, trigger.start - e.span.end, 0)

        best = min(
            inside,
            key=lambda e: (starts_a_period(text, e), e.time_precision, distance(e), e.span.start),
        )
        return EventDate(best.value, best.time_precision, best.span, "time_expression")
    para = _paragraph_start(text, sentence.start)
    # a date that only dates a statement ("a spokesperson said on December 7") is not passed on;
    # one that opens a period is ("Since 2015 the region has suffered fifty attacks. Most..."):
    # the next sentence goes on about that period, not about today's incident
    before = [e for e in usable if para <= e.span.start and e.span.end <= sentence.start]
    if before:
        near = before[-1]
        return EventDate(
            near.value,
            near.time_precision,
            near.span,
            "previous_time_expression",
            reason="no date in the sentence; nearest earlier date in its paragraph",
        )
    return EventDate(
        published,
        PUBLISHED_DATE_PRECISION,
        None,
        "published_date",
        reason="no time expression in the sentence or earlier in its paragraph",
    )
