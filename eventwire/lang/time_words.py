"""Time words per language (data/time/<lang>.yaml): weekdays, months, relative days, periods,
the words around dates. normalize/dates.py builds its patterns from them.

Each file is validated as it loads: unknown keys, lists that are not lists of words, weekday and
month numbers out of range, malformed period specs raise a DataFileError naming file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import check_known_keys, key_error, language_file, read_yaml_mapping
from eventwire.errors import DataFileError

_LIST_KEYS = (
    "date_prefixes",
    "day_parts",
    "last_before",
    "last_after",
    "future_after",
    "night_prefixes",
    "night_joiners",
    "month_prefixes",
    "ago_prefixes",
    "ago_suffixes",
    "night_into",
    "statement_before",
    "since_before",
    "last_night",
    # the small words of absolute dates: "1er mars", "the 3rd of May", "du 22 au 23 mars"
    "ordinal_suffixes",
    "day_articles",
    "day_month_links",
    "day_range_joiners",
    "night_weekday_links",
    "month_part_links",
)
_MAP_KEYS = (
    "weekdays",
    "months",
    "day_words",
    "month_parts",
    "relative_days",
    "anchored_days",
    "periods",
    "ago_units",
)
_KEYS = frozenset({"language", "numeric_order", "names_capitalized", *_LIST_KEYS, *_MAP_KEYS})
_PERIOD_KEYS = frozenset({"days", "week", "weekend", "month", "precision"})


@dataclass(frozen=True)
class TimeLexicon:
    """Time vocabulary of one language (data/time/<lang>.yaml)."""

    language: str
    numeric_order: str
    names_capitalized: bool
    lists: dict[str, tuple[str, ...]]
    maps: dict[str, dict]


def parse_time_lexicon(path: Path) -> TimeLexicon:
    """Return the validated time lexicon in `path`; raise DataFileError naming file and line."""
    raw = read_yaml_mapping(path)

    def fail(key: str, message: str) -> DataFileError:
        return key_error(path, key, message)

    check_known_keys(path, raw, _KEYS)
    if raw.get("numeric_order", "dmy") not in ("dmy", "mdy"):
        raise fail("numeric_order", "must be dmy or mdy")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise fail(key, "must be a list of non-empty strings")
        lists[key] = tuple(value)
    maps: dict[str, dict] = {}
    for key in _MAP_KEYS:
        value = raw.get(key) or {}
        if not isinstance(value, dict):
            raise fail(key, "must be a mapping")
        maps[key] = {str(k): v for k, v in value.items()}
    for key in ("weekdays", "months"):
        if not maps[key]:
            raise fail(key, "must not be empty")
    for name, n in maps["weekdays"].items():
        if n not in range(7):
            raise fail(name, "weekday number must be 0 (Monday) … 6 (Sunday)")
    for name, n in maps["months"].items():
        if n not in range(1, 13):
            raise fail(name, "month number must be 1 … 12")
    for key in ("relative_days", "anchored_days", "day_words"):
        for name, n in maps[key].items():
            if not isinstance(n, int):
                raise fail(name, "must be an integer number of days")
    for name, spec in maps["month_parts"].items():
        if not isinstance(spec, dict) or set(spec) != {"day", "precision"}:
            raise fail(name, "must be {day: N, precision: P}")
    for name, spec in maps["periods"].items():
        if not isinstance(spec, dict) or not set(spec) <= _PERIOD_KEYS or "precision" not in spec:
            raise fail(name, f"must use keys {sorted(_PERIOD_KEYS)} and give a precision")
    for name, spec in maps["ago_units"].items():
        if not isinstance(spec, dict) or "precision" not in spec:
            raise fail(name, "must be {days|months: N, precision: P}")
    return TimeLexicon(
        language=str(raw.get("language", path.stem)),
        numeric_order=raw.get("numeric_order", "dmy"),
        names_capitalized=bool(raw.get("names_capitalized", False)),
        lists=lists,
        maps=maps,
    )


@lru_cache(maxsize=8)
def load_time_lexicon(lang: str) -> TimeLexicon:
    """Return the packaged time lexicon for `lang` ("fr" or "en"), loaded once."""
    path = language_file("time", lang)
    assert path is not None  # required: language_file raised otherwise
    return parse_time_lexicon(path)
