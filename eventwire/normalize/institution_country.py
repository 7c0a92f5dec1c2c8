"""The last link of a document's country: the town or division an institution is named after.

A short report may name no place as a location and no actor, nationality or word of one
country's daily life, yet name an institution after its town or county: "Kerou Girls' High
School was closed after students rioted", "the Tamba County Assembly", "pupils of the Kerou
school". A reader takes the institution to stand where it is named, so when nothing else in the
text gives a country (normalize.doc_country weighs such places for nothing: a name is no
location), the document's country is that of the place at the head of the name, and an incident
the text does not place is coded to that place at geo_precision 3. Only a place that the
gazetteer knows in one country alone counts: "Springfield University" names no country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from eventwire.extract.lexicon import fold
from eventwire.gazetteer import Candidate, Gazetteer
from eventwire.geoparse import candidate_place
from eventwire.geoparse.common import UP
from eventwire.geoparse.vocab import words_set
from eventwire.models import Place
from eventwire.normalize.doc_context import DocumentContext

# a capitalized word: where a name may start ("Kerou" in "... at the Kerou Girls' School")
_CAPITALIZED = re.compile(rf"(?<![\w'’-])[{UP}][\w'’-]*")
_WORD = re.compile(r"[^\s.;:!?,()]+")
_NAME_WORDS = 3  # a name of one to three capitalized words ("Ol Tamba", "Kerou Bay")
_BETWEEN = 2  # words between the name and the institution word ("Kerou Girls' High School")
_FEATURES = ("city", "admin1", "admin2")
# a town smaller than this may be a namesake of a village abroad; a division's name is not
MIN_TOWN_POPULATION = 5_000


@dataclass(frozen=True)
class NamedPlace:
    """The place an institution is named after: the candidate, and the name's span."""

    candidate: Candidate
    start: int
    end: int


@cache
def _site_words() -> frozenset[str]:
    """Return the folded words that make a name an institution's or a site's."""
    return frozenset(fold(w) for w in words_set("institution_words.yaml") | words_set("named_site_words.yaml"))


def _one_country(found: list[Candidate]) -> list[Candidate]:
    """Return the primary towns and divisions of the candidates when they all lie in one country
    (a town big enough to be no hamlet's namesake), else []."""
    named = [c for c in found if c.primary and c.feature in _FEATURES]
    if not named or len({c.iso for c in found if c.primary}) != 1:
        return []
    return [c for c in named if c.feature != "city" or c.population >= MIN_TOWN_POPULATION]


def _head(text: str, start: int, gazetteer: Gazetteer) -> NamedPlace | None:
    """Return the place heading the name that starts at `start` when an institution word follows
    it within _BETWEEN other words, else None."""
    words: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(text, start):
        if m.start() > start and not text[words[-1][1] : m.start()].isspace():
            break  # a comma, a full stop: the name ends there
        words.append((m.start(), m.end(), m.group()))
        if len(words) > _NAME_WORDS + _BETWEEN:
            break
    sites = _site_words()
    generic = words_set("generic_name_words.yaml")
    for j in range(min(_NAME_WORDS, len(words) - 1), 0, -1):
        name_words = words[:j]
        if not all(w[2][:1].isupper() for w in name_words):
            continue
        if not any(fold(w[2].strip("'’")) in sites for w in words[j : j + _BETWEEN + 1]):
            continue
        name = text[name_words[0][0] : name_words[-1][1]].rstrip("'’")
        if j == 1 and name.lower() in generic:
            continue
        found = _one_country(gazetteer.candidates(name))
        if found:
            best = min(found, key=lambda c: (c.feature != "city", -c.population))
            return NamedPlace(best, name_words[0][0], name_words[0][0] + len(name))
    return None


def institution_place(text: str, gazetteer: Gazetteer) -> NamedPlace | None:
    """Return the first town or division of one country that heads an institution's name in the
    text ("Kerou" in "Kerou Girls' High School"), its town before its division, or None."""
    for m in _CAPITALIZED.finditer(text):
        named = _head(text, m.start(), gazetteer)
        if named is not None:
            return named
    return None


def with_institution_country(ctx: DocumentContext, gazetteer: Gazetteer) -> DocumentContext:
    """Return the context with the country and area of the place an institution is named after
    when nothing else in the document gives a country; else the context as it is."""
    if ctx.main_iso is not None:
        return ctx
    named = institution_place(ctx.document.text, gazetteer)
    if named is None:
        return ctx
    area: Place = replace(candidate_place(named.candidate), geo_precision=3)
    return replace(ctx, main_country=named.candidate.country, main_iso=named.candidate.iso, anchor=area)
