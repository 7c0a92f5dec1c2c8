"""Publication dates as inputs write them → `date`, by explicit rules (no guessing).

A JSONL record's `published` and a feed entry's date may be written in any of these forms; the
first rule that reads the whole string wins:

1. ISO 8601, with or without time and zone: "2016-12-13", "2016-12-13T08:00:00Z",
   "2016-12-13 08:00+01:00", "20161213" (`datetime.fromisoformat`).
2. RFC 822 / RFC 1123, the form of RSS feeds and mail headers: "Tue, 13 Dec 2016 08:00:00 GMT",
   "13 Dec 2016 08:00 +0100" (`email.utils.parsedate_tz`; only when the string has a time, as
   those forms always do).
3. A written date, English or French, day-month-year or month-day-year, with an optional leading
   weekday and an optional trailing time: "Dec 13, 2016", "December 13th, 2016",
   "13 December 2016", "13 décembre 2016", "mardi 13 décembre 2016", "1er décembre 2016 à 08h00".
   Month, weekday and ordinal words come from the language files (data/time/<lang>.yaml), the
   same lexicon the event-date rules read; case is ignored.

The date is the calendar day as written, not converted to UTC: a dispatch stamped
"2016-12-13T23:30:00-05:00" was written on the 13th where it was written, and that is the day its
"yesterday" counts from. Numeric day/month forms ("13/12/2016") are refused: "03/04/2016" is
ambiguous between the two orders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from email.utils import parsedate_tz
from functools import lru_cache

from eventwire.lang.time_words import load_time_lexicon

# The languages whose written dates are read (their data/time/<lang>.yaml lexicons).
DATE_LANGUAGES = ("en", "fr")

# What `describe_unreadable` tells the user the accepted forms are.
ACCEPTED_FORMS = (
    "ISO 8601 (2016-12-13, 2016-12-13T08:00:00Z), RFC 822 (Tue, 13 Dec 2016 08:00:00 GMT) "
    "or a written English or French date (Dec 13, 2016; 13 décembre 2016)"
)

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_SPACES = re.compile(r"\s+")
# An optional time after the date: ", 08:00", " at 8:00 am", " à 08h00", " 08:00:00 +0100",
# " 8.30 GMT". The connector ("at", "à") is any short word; the zone any letters or an offset.
_TIME_TAIL = (
    r"(?:[\s,]+(?:[^\W\d_]{1,3}\s+)?\d{1,2}[:h.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:[a-z]{1,5}|[+-]\d{2}:?\d{2}))?)?"
)


def parse_published(value: str) -> date | None:
    """Return the calendar day `value` writes (rules 1-3 above), or None when no rule reads it."""
    text = _SPACES.sub(" ", value).strip()
    if not text:
        return None
    return _iso(text) or _rfc822(text) or _written(text)


def describe_unreadable(value: str, field: str = "published") -> str:
    """Return the one-line skip detail for a date no rule reads."""
    shown = value if len(value) <= 80 else value[:77] + "..."
    return f"field {field!r} is not a date eventwire reads: {shown!r}; expected {ACCEPTED_FORMS}"


def _iso(text: str) -> date | None:
    if not text[:1].isdigit():
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _rfc822(text: str) -> date | None:
    if not _HAS_TIME.search(text):
        return None
    parts = parsedate_tz(text)
    if parts is None:
        return None
    return _safe_date(parts[0], parts[1], parts[2])


def _written(text: str) -> date | None:
    words = _date_words()
    folded = text.casefold()
    for pattern in words.patterns:
        match = pattern.fullmatch(folded)
        if match is None:
            continue
        day_text = match["day"]
        day = words.day_words[day_text] if day_text in words.day_words else int(day_text)
        return _safe_date(int(match["year"]), words.months[match["month"]], day)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "31 February", day 0
        return None


class _DateWords:
    """The written-date patterns built from the language files' month and weekday words."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.months: dict[str, int] = {}
        self.day_words: dict[str, int] = {}
        weekdays: set[str] = set()
        suffixes: set[str] = set()
        links: set[str] = set()
        for lang in languages:
            lexicon = load_time_lexicon(lang)
            for name, n in lexicon.maps["months"].items():
                # an abbreviation is written with or without its dot ("Mar. 13", "Mar 13"); in a
                # string that is a whole date, the bare form cannot be the verb it may be in text
                self.months[name.casefold()] = self.months[name.casefold().rstrip(".")] = n
            self.day_words.update({name.casefold(): n for name, n in lexicon.maps["day_words"].items()})
            # a weekday is also written with its first three letters ("Tue,", "mar."), in
            # RFC 822 dates and French datelines alike
            weekdays.update(w for name in lexicon.maps["weekdays"] for w in (name.casefold(), name.casefold()[:3]))
            suffixes.update(s.casefold() for s in lexicon.lists["ordinal_suffixes"])
            links.update(s.casefold() for s in lexicon.lists["day_month_links"])
        month = _alternation(self.months)
        weekday = rf"(?:{_alternation(weekdays)})\.?,?\s"
        day_word = _alternation(self.day_words)
        day = rf"(?P<day>{day_word}|\d{{1,2}})(?:{_alternation(suffixes)})?" if suffixes else r"(?P<day>\d{1,2})"
        link = rf"(?:(?:{_alternation(links)})\s)?" if links else ""
        year = r"(?P<year>\d{4})"
        self.patterns = (
            # "13 décembre 2016", "mardi 1er décembre 2016", "13th of December, 2016"
            re.compile(rf"(?:{weekday})?{day}\s{link}(?P<month>{month}),?\s{year}{_TIME_TAIL}"),
            # "Dec 13, 2016", "Tuesday, December 13th 2016"
            re.compile(rf"(?:{weekday})?(?P<month>{month})\s{day},?\s{year}{_TIME_TAIL}"),
        )


def _alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of `words`, longest first (so "sept." wins over "sept")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _date_words() -> _DateWords:
    return _DateWords(DATE_LANGUAGES)
