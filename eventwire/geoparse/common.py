"""What the geoparser's steps share: mention relations, entity labels, name cleaning and the
test of a well-known place."""

from __future__ import annotations

import re

from eventwire.gazetteer import Candidate

BASE_FEATURES = frozenset({"airbase", "airport", "camp", "facility", "hospital", "border_crossing"})
# UCDP where_prec by feature: 1 exact place, 3 second-order division, 4 first-order, 5 larger
# region, 6 country.
WHERE_PREC = {"admin2": 3, "admin1": 4, "region": 5, "country": 6, "continent": 7}
# Relations of toponyms that are not places of the text's events; only `find_toponyms` returns
# them: demonyms ("Russian officials"), place names inside organisation names ("Washington
# Post"), and unknown facility names placed at the document's main town ("Royal Street").
DEMONYM = "demonym"
IN_NAME = "in name"
DOCUMENT_FOCUS = "document focus"
TOPONYM_ONLY_RELATIONS = frozenset({DEMONYM, IN_NAME, DOCUMENT_FOCUS})

ENTITY_LABELS = {"en": frozenset({"GPE", "LOC", "FAC"}), "fr": frozenset({"LOC"})}
BLOCKING_LABELS = frozenset({"PERSON", "PER", "ORG", "NORP", "WORK_OF_ART", "EVENT", "MISC"})

UP = "A-ZÀ-ÖØ-Þ"
WORD = r"[\w'’\-]"
_LEADING_ART_RE = re.compile(r"^(?:(?:the|The|la|La|le|Le|les|Les)\s+|[lL]['’]\s*)", re.UNICODE)
_POSSESSIVE_RE = re.compile(r"['’]s$")


def clean_name(text: str) -> str:
    """Return a name without a leading article, a possessive or surrounding punctuation."""
    name = _LEADING_ART_RE.sub("", text.strip())
    return _POSSESSIVE_RE.sub("", name.strip(" ,.;:«»\"'’")).strip(" ,.;:«»\"'’")


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Return whether two character spans overlap."""
    return a[0] < b[1] and b[0] < a[1]


STRONG_TOWN_POPULATION = 100_000
PERSON_TAGGED_TOWN_POPULATION = 10_000


def strong(found: list[Candidate]) -> bool:
    """Return whether a name is a well-known place: an area, our supplement, or a big town."""
    return any(
        c.feature in ("continent", "country", "admin1", "region")
        or c.source == "supplement"
        or (c.primary and (c.population >= STRONG_TOWN_POPULATION or c.capital))
        or (c.primary and c.feature == "admin2" and " " in c.name)
        for c in found
    )
