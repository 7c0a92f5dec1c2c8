"""Gold records (GOLD_FORMAT.md): one annotated article a JSONL line, validated as it loads."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import DataFileError
from eventwire.taxonomy import EVENT_TYPES, SUB_EVENT_TO_TYPE

# Keys every gold event must carry; the rest of GOLD_FORMAT.md's event fields are optional here so
# that the lighter ACLED-notes dev file (no evidence, notes or claims) loads too.
REQUIRED_EVENT_KEYS = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
)
NOT_EVENT_REASONS = frozenset(
    {
        "background",
        "threat",
        "habitual",
        "future",
        "hypothetical",
        "negated",
        "denied",
        "statement",
        "aggregate",
    }
)


@dataclass(frozen=True)
class GoldArticle:
    """One gold line: the article as given to the extractor, its events and its non-events."""

    id: str
    text: str
    lang: str
    published: date | None
    events: tuple[dict[str, Any], ...]
    not_events: tuple[dict[str, Any], ...] = ()
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_estimated: bool = False
    line: int = 0  # line number in the gold file, for messages


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Return the gold articles of a JSONL file, raising DataFileError naming file and line."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(f"{path}: cannot read gold file: {e}") from e
    articles: list[GoldArticle] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataFileError(f"{where}: not valid JSON ({e.msg} at column {e.colno})") from e
        article = parse_gold_article(obj, where=where, line=lineno)
        if article.id in seen:
            raise DataFileError(f"{where}: duplicate article id {article.id!r} (first on line {seen[article.id]})")
        seen[article.id] = lineno
        articles.append(article)
    if not articles:
        raise DataFileError(f"{path}: no gold articles (empty file)")
    return articles


def parse_gold_article(obj: Any, *, where: str = "<gold>", line: int = 0) -> GoldArticle:
    """Return one validated GoldArticle from a decoded JSON object (`where` prefixes errors)."""
    if not isinstance(obj, dict):
        raise DataFileError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    for key in ("id", "text", "lang"):
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            raise DataFileError(f"{where}: article needs a non-empty string {key!r}")
    article_where = f"{where} (article {obj['id']})"
    published = obj.get("published")
    if published is not None:
        published = _parse_date(published, f"{article_where}: 'published'")
    events = obj.get("events")
    if not isinstance(events, list):
        raise DataFileError(f"{article_where}: 'events' must be a list")
    for i, event in enumerate(events):
        _check_event(event, f"{article_where} events[{i}]")
    not_events = obj.get("not_events", [])
    if not isinstance(not_events, list):
        raise DataFileError(f"{article_where}: 'not_events' must be a list")
    for i, item in enumerate(not_events):
        item_where = f"{article_where} not_events[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("evidence"), str):
            raise DataFileError(f"{item_where}: needs a string 'evidence' quote")
        if item.get("why") is not None and item["why"] not in NOT_EVENT_REASONS:
            raise DataFileError(
                f"{item_where}: unknown 'why' {item['why']!r}; use one of {', '.join(sorted(NOT_EVENT_REASONS))}"
            )
    return GoldArticle(
        id=obj["id"],
        text=obj["text"],
        lang=obj["lang"],
        published=published,
        events=tuple(events),
        not_events=tuple(not_events),
        title=obj.get("title"),
        url=obj.get("url"),
        source=obj.get("source"),
        published_estimated=bool(obj.get("published_estimated", False)),
        line=line,
    )


def _check_event(event: Any, where: str) -> None:
    if not isinstance(event, dict):
        raise DataFileError(f"{where}: expected an object")
    missing = [k for k in REQUIRED_EVENT_KEYS if k not in event]
    if missing:
        raise DataFileError(f"{where}: missing {', '.join(missing)}")
    _parse_date(event["event_date"], f"{where}: 'event_date'")
    for key in ("time_precision", "geo_precision"):
        if event[key] not in (1, 2, 3) or isinstance(event[key], bool):
            raise DataFileError(f"{where}: {key!r} must be 1, 2 or 3, got {event[key]!r}")
    if event["event_type"] not in EVENT_TYPES:
        raise DataFileError(f"{where}: unknown event_type {event['event_type']!r}")
    if event["sub_event_type"] not in EVENT_TYPES[event["event_type"]]:
        raise DataFileError(
            f"{where}: sub_event_type {event['sub_event_type']!r} is not a sub-type of {event['event_type']!r}"
        )
    for key in ("actor1", "country"):
        if not isinstance(event[key], str) or not event[key].strip():
            raise DataFileError(f"{where}: {key!r} must be a non-empty string")
    lat, lon = event["latitude"], event["longitude"]
    if (lat is None) != (lon is None):
        raise DataFileError(f"{where}: give both latitude and longitude, or neither")
    if lat is not None and not (_is_number(lat) and _is_number(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataFileError(f"{where}: invalid coordinates ({lat!r}, {lon!r})")
    fatalities = event["fatalities"]
    if fatalities is not None and (not isinstance(fatalities, int) or isinstance(fatalities, bool) or fatalities < 0):
        raise DataFileError(f"{where}: 'fatalities' must be an integer ≥ 0 or null")
    alternatives = event.get("acceptable_sub_event_types", [])
    if not isinstance(alternatives, list) or any(a not in SUB_EVENT_TO_TYPE for a in alternatives):
        raise DataFileError(f"{where}: 'acceptable_sub_event_types' must list ACLED sub-event types")
    actors = event.get("acceptable_actor1", [])
    if not isinstance(actors, list) or not all(isinstance(a, str) for a in actors):
        raise DataFileError(f"{where}: 'acceptable_actor1' must be a list of strings")
    evidence = event.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(s, str) for s in evidence):
        raise DataFileError(f"{where}: 'evidence' must be a list of strings")
    if not isinstance(event.get("optional", False), bool):
        raise DataFileError(f"{where}: 'optional' must be true or false")
    incident = event.get("incident")
    if incident is not None and (not isinstance(incident, str) or not incident):
        raise DataFileError(f"{where}: 'incident' must be a non-empty string")


def _parse_date(value: Any, where: str) -> date:
    if not isinstance(value, str):
        raise DataFileError(f"{where} must be a YYYY-MM-DD string, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise DataFileError(f"{where} must be a YYYY-MM-DD date, got {value!r}") from e


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
