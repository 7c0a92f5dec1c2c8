"""Place mentions whose clause gives them another role than the incident's place: where the
attackers came from, and where a statement about the incident was issued.

Two language regularities (FR and EN):
  - an origin phrase ("des hommes armés venus de Kerou", "raiders coming from Kerou") names
    where people set out, not where they struck; the area an apposition puts that place in is
    part of the same phrase ("from Kerou village in Tamba county", "venus de Kerou, dans le
    cercle de Tamba");
  - a place the statement was issued or dated in ("selon un communiqué publié à Kerou", "a
    statement released in Tamba") is the source's place, like a dateline.
The cue words are data/words/<lang>.yaml's `origin_cues` and `issued_in_cues`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.lang.words import load_word_lists
from eventwire.models import DIVISION_FEATURES, PlaceMention

# What joins an origin place to the area it lies in: a place noun after the name, then a comma,
# a bracket or a locative, and a division noun ("Kerou village in Tamba county", "Kerou, dans la
# province du Tamba", "Kerou (Tamba)").
_APPOSED_AREA = re.compile(
    r"\s*(?:(?i:village|town|area|locality|localité|ville)\s*)?"
    r"(?:,\s*|\(\s*|\s+)(?P<in>(?:in|dans|en)\s+)?(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?"
    r"(?P<noun>(?i:province|région|region|cercle|commune|district|county|préfecture|department|département)"
    r"\s+(?:of\s+|de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?)?"
)
# "20 km from Kerou", "5km from Kerou": a distance's reference, not an origin (geoparse reads it as
# the place the incident was near, and codes it there with geo_precision 2).
_DISTANCE_BEFORE = re.compile(r"(?:\d|\b)(?:km|kilom\w*|miles?|metres?|meters?)\s+(?:\w+\s+)?$", re.IGNORECASE)
_DISTANCE_FROM = re.compile(
    r"(?:\d|\b)(?:km|kilom\w*|miles?|metres?|meters?)\s+(?:\w+\s+)?from\s+(?:the\s+)?$", re.IGNORECASE
)


def distance_from(text: str, start: int) -> bool:
    """Return whether a place starting at `start` is the reference of a distance ("5 km from
    Kerou", "30 miles north-east from Tamba"): where the incident was near, not an origin."""
    return bool(_DISTANCE_FROM.search(text, max(0, start - 50), start))


@lru_cache(maxsize=8)
def _cue_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Return the patterns of an origin cue and of an issued-in cue ending right before a name."""
    words = load_word_lists(lang)

    def alternation(key: str) -> str | None:
        cues = sorted((re.escape(w) for w in words.get(key)), key=len, reverse=True)
        return "|".join(cues) if cues else None

    origin = alternation("origin_cues")
    issued = alternation("issued_in_cues")
    return (
        re.compile(rf"\b(?P<cue>(?i:{origin}))\s+(?:(?:from|de\s+la|du|des|de)\s+|(?:de\s+l|d)['’]\s*)?(?:the\s+)?$")
        if origin
        else None,
        re.compile(rf"\b(?i:{issued})\s+(?:in|at|from|à|au|depuis)\s+$") if issued else None,
    )


def role_places(text: str, places: list[PlaceMention], *, lang: str) -> frozenset[int]:
    """Return the starts of the place mentions that name where the attackers came from or where
    a statement was issued (module docstring), with the areas apposed to an origin place."""
    origin, issued = _cue_patterns(lang)
    out: set[int] = set()
    ordered = sorted(places, key=lambda q: q.span.start)
    for i, p in enumerate(ordered):
        before = text[max(0, p.span.start - 40) : p.span.start]
        if issued is not None and issued.search(before):
            out.add(p.span.start)
            continue
        cue = origin.search(before) if origin is not None else None
        if cue is None or _DISTANCE_BEFORE.search(before, 0, cue.start()):
            continue
        out.add(p.span.start)
        last = p
        for q in ordered[i + 1 :]:
            joint = _APPOSED_AREA.fullmatch(text, last.span.end, q.span.start)
            area = q.place is not None and q.place.feature in DIVISION_FEATURES
            if joint is None or not (area or joint.group("in") or joint.group("noun")):
                break  # "gunmen from Kerou, Tamba residents said": only an area continues the phrase
            out.add(q.span.start)
            last = q
    return frozenset(out)
