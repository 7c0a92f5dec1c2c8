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
