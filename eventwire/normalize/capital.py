"""Phrases that name the national capital without its name ("la capitale", "the capital").

A phrase with no town named is the capital of the article's country, or of the country an
adjective names ("la capitale soudanaise"); one followed by a name or by "of"/"de" + another
area ("the capital of the area") is not (data/capital_phrases.yaml).
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.datafiles import data_path, read_language_lists
from eventwire.gazetteer import load_gazetteer
from eventwire.geoparse import candidate_place
from eventwire.lang.fold import whole_phrase_regex
from eventwire.models import PlaceMention, Span


@lru_cache(maxsize=1)
def load_capital_phrases() -> dict[str, re.Pattern[str]]:
    """Return, per language, one pattern of the phrases naming the national capital
    (data/capital_phrases.yaml), compiled once."""
    data = read_language_lists(data_path("capital_phrases.yaml"), what="phrases")
    return {lang: whole_phrase_regex((str(p) for p in v), re.IGNORECASE) for lang, v in data.items() if v}


_NAME_OR_OF_AFTER = re.compile(r"\s*,?\s*(?:[A-ZÀ-Ý]|(?:de|du|des|d['’]|of)\s+(?:la\s+|l['’]|the\s+)?[A-ZÀ-Ý])")
# "the capital of the area", "la capitale de la région": another division's capital, not the
# nation's; "the capital of the country", "la capitale du pays" are the nation's
_OF_OTHER_AFTER = re.compile(
    r"\s+(?:of|de|du|des|d['’])\s*(?!(?:the\s+)?(?:country|nation)\b|pays\b|la\s+nation\b|l['’]\s*[ÉE]tat\b)\w",
    re.IGNORECASE,
)


def capital_mentions(text: str, lang: str, iso: str | None, places: list[PlaceMention]) -> list[PlaceMention]:
    """Return "la capitale"/"the capital" phrases that name no town, as the capital of `iso` (the
    article's country), or of the country an adjective names ("la capitale soudanaise")."""
    pattern = load_capital_phrases().get(lang)
    if pattern is None:
        return []
    gazetteer = load_gazetteer()
    taken = [(p.span.start, p.span.end) for p in places]
    out = []
    for m in pattern.finditer(text):
        if (
            _NAME_OR_OF_AFTER.match(text, m.end())
            or _OF_OTHER_AFTER.match(text, m.end())
            or any(a < m.end() and m.start() < b for a, b in taken)
        ):
            continue
        # "dans la capitale soudanaise": another country's capital
        adjective = re.match(r"\s+([a-zà-ÿ-]+)", text[m.end() :])
        country = (gazetteer.demonym_country(adjective.group(1)) if adjective else None) or iso
        found = gazetteer.capital(country) if country else None
        if found is None:
            continue
        capital = candidate_place(found)
        end = m.end() + (adjective.end() if adjective and country != iso else 0)
        out.append(
            PlaceMention(
                span=Span(m.start(), end, text[m.start() : end]),
                name=capital.name,
                place=capital,
                method="capital_reference",
                reason=f"{text[m.start() : end]!r} names no town: the capital of {capital.country}",
            )
        )
    return out
