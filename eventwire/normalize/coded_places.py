"""The place a report says its event was coded to: ACLED's notes name it when the village itself
is unknown or the place approximate ("clashed in Kerou (coded as Tamba at geoprecision 2)",
"in Kerou (Gao, coordinates for Tamba used)", "the location of Tamba has been used"). A codebook
fact of ACLED's notes: that place, not another the sentence names (the border, the county, the
village the gazetteer lacks), is the event's location.
"""

from __future__ import annotations

import re

from eventwire.models import PlaceMention

# The cue right before the coded place's name ("coded as ", "coded at ", "coordinates for ")…
_CUE_BEFORE = re.compile(
    r"\b(?:coded\s+(?:at\s+approximate\s+location\s+)?(?:as|at)|coordinates\s+(?:for|of)|location\s+of)\s+$",
    re.IGNORECASE,
)
# … and, after "coordinates for"/"location of", the word that says they were used ("coordinates
# for Tamba, Gao, used", "the location of Tamba has been used").
_USED_AFTER = re.compile(r"(?:\s*,[^().;]{0,30},?)?\s+(?:(?:has|have|was|were)\s+(?:been\s+)?)?used\b")


def coded_place(text: str, candidates: list[PlaceMention]) -> PlaceMention | None:
    """Return the resolved candidate the text says the event was coded to, or None."""
    for p in candidates:
        if p.place is None:
            continue
        cue = _CUE_BEFORE.search(text, max(0, p.span.start - 50), p.span.start)
        if cue is None:
            continue
        if cue.group(0).lower().startswith("coded") or _USED_AFTER.match(text, p.span.end):
            return p
    return None
