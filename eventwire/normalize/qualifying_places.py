"""Places that only qualify another one: an end of a road ("the Kerou-Tamba highway") and the
commune an apposition puts the place before it in ("le village de Kerou, dans la commune de Tamba").

Used by `incident_place._secondary`: ACLED codes the place itself, not the road's end or the commune.
"""

from __future__ import annotations

import re

from eventwire.models import PlaceMention

# A place named as one end of a road ("the Kerou-Tamba highway", "l'axe Kerou-Tamba").
_ROAD_NOUN = r"(?i:road|highway|route|axis|axe|tronçon)"
_ROAD_AFTER_FIRST = re.compile(r"-[A-ZÀ-Ý][\w'’]+(?:\s[A-ZÀ-Ý][\w'’]+)?\s+" + _ROAD_NOUN + r"\b")
_ROAD_AFTER_LAST = re.compile(r"\s+" + _ROAD_NOUN + r"\b")
_ROAD_BEFORE = re.compile(r"\b" + _ROAD_NOUN + r"\s+(?:de\s+|d['’]\s*|of\s+)?(?:[A-ZÀ-Ý][\w'’]+-)?$")


# The commune an apposition puts the place before it in ("le village de Kerou, dans la commune de
# Tamba", "the village of Kerou, in Tamba commune"): a commune is named after its town, so the
# gazetteer reads the town; the place is the village before it, coded there.
_COMMUNE_BEFORE = re.compile(
    r",\s*(?:(?:also|toujours|également|egalement)\s+)?(?:(?:dans|en)\s+la\s+commune\s+(?:rurale\s+|urbaine\s+)?(?:de\s+|d['’])|in\s+(?:the\s+)?(?:commune|municipality)\s+of\s+|in\s+)$",
    re.IGNORECASE,
)
_COMMUNE_AFTER = re.compile(r"\s+(?i:commune|municipality)\b")


# The division an apposition puts the town before it in, named with its division noun ("près de
# Kerou, dans la région de Tamba", "near Kerou, in the Tamba region"): the gazetteer may read the
# division's seat, but the sentence gives the area; the incident is at (or near) the town.
_DIVISION_BEFORE = re.compile(
    r",\s*(?:(?:dans|en)\s+(?:la\s+|le\s+|l['’]\s*)?(?:région|province|préfecture|cercle)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*)"
    r"|in\s+(?:the\s+)?(?:(?:region|province|district|county)\s+of\s+)?)$",
    re.IGNORECASE,
)
_DIVISION_AFTER = re.compile(r"\s+(?i:region|province|district|county)\b")


def division_of_the_place_before(text: str, p: PlaceMention, candidates: list[PlaceMention]) -> bool:
    """Return whether a place is the division an apposition puts the town named right before it in."""
    before = _DIVISION_BEFORE.search(text, max(0, p.span.start - 40), p.span.start)
    if before is None or before.end() != p.span.start:
        return False
    if not re.search(r"\w\s+(?:de|du|d['’]|of)\s*$", before.group(0)) and not _DIVISION_AFTER.match(text, p.span.end):
        return False  # "…, in Tamba": no division named
    return any(
        c.span.end == before.start() and c.place is not None and c.place.feature not in ("admin1", "admin2", "region")
        for c in candidates
        if c is not p
    )


def commune_of_the_place_before(text: str, p: PlaceMention, candidates: list[PlaceMention]) -> bool:
    """Return whether a place is the commune an apposition puts the place named right before it in."""
    before = _COMMUNE_BEFORE.search(text, max(0, p.span.start - 40), p.span.start)
    if before is None or before.end() != p.span.start:
        return False
    if not re.search(r"commune|municipality", before.group(0), re.IGNORECASE) and not _COMMUNE_AFTER.match(
        text, p.span.end
    ):
        return False  # "…, in Tamba": no commune named
    return any(c.span.end == before.start() for c in candidates if c is not p)


def road_end(text: str, p: PlaceMention) -> bool:
    """Return whether a place is named as one end of a road ("on the Kerou-Tamba road")."""
    return bool(
        _ROAD_AFTER_FIRST.match(text, p.span.end)
        or (text[p.span.start - 1 : p.span.start] == "-" and _ROAD_AFTER_LAST.match(text, p.span.end))
        or _ROAD_BEFORE.search(text[max(0, p.span.start - 40) : p.span.start])
    )
