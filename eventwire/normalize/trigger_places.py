"""The place the incident's own predicate governs: "took part in a protest in Kerou", "were
killed in Kerou", "attaque à Kerou". A language regularity: the locative adjunct right after the
event's verb or noun names where that event happened; another place of the same sentence, as
precise, belongs to another clause ("workers of a mine in Tamba, where…, protested in Kerou":
the mine's place describes the workers). Used by `normalize.mentions.incident_places` when
`incident_place.choose_places` picked one place by precision, the first of equally precise ones.
"""

from __future__ import annotations

import re

from eventwire.models import COUNTRY_OR_DIVISION_FEATURES, PlaceMention, Span
from eventwire.normalize.incident_place import FEATURE_RANK

# What may stand between the trigger and the place it governs: a few words of the same clause,
# then a locative ("protest in", "killed three people at", "attaque perpétrée à").
_GOVERNED = re.compile(
    r"^(?:\s+[\w'’-]+){0,4}?\s+(?:in|at|à|au|aux|dans)\s+(?:the\s+(?:town\s+of\s+|village\s+of\s+|city\s+of\s+)?"
    r"|la\s+(?:ville|localité)\s+(?:de\s+|d['’]\s*)|le\s+village\s+(?:de\s+|d['’]\s*))?$",
    re.IGNORECASE,
)
# at most this many characters from the trigger's end to the place
_MAX_GAP = 45
# A place fronted before the main clause, after at most a date ("On May 3, in Kerou, Tamba, gunmen
# attacked a man in Merelo neighbourhood", "À Kerou, des hommes armés…"): it sets the scene of the
# whole clause, so a place after the trigger lies within it (a language regularity: a fronted
# adverbial scopes over the clause).
_FRONTED = re.compile(r"^\W*(?:[^,.;]{0,40},\s*)?(?:in|at|near|à|au|dans|près\s+de)\s+(?:the\s+)?$", re.IGNORECASE)


def _rank(p: PlaceMention) -> tuple[int, int]:
    assert p.place is not None, f"{p.name}: only resolved mentions are ranked"
    return p.place.geo_precision, FEATURE_RANK.get(p.place.feature, 2)


def governs(text: str, trigger: Span, p: PlaceMention) -> bool:
    """Return whether the incident's trigger governs a place through a locative right after it."""
    gap = text[trigger.end : p.span.start]
    return 0 < len(gap) <= _MAX_GAP and not re.search(r"[,.;:()\[\]]", gap) and bool(_GOVERNED.match(gap))


def governed_place(
    text: str, sentence: Span, trigger: Span, chosen: list[PlaceMention], candidates: list[PlaceMention]
) -> list[PlaceMention]:
    """Return the chosen place, or the place the trigger governs instead when `choose_places`
    picked one place (not a list) that the trigger does not govern and that is not fronted
    before the clause, and the governed one is a town as precise, in the same country (module
    docstring)."""
    if len(chosen) != 1 or chosen[0].place is None or governs(text, trigger, chosen[0]):
        return chosen
    first = chosen[0]
    if first.place is None or _FRONTED.match(text, sentence.start, first.span.start):
        return chosen
    for q in candidates:
        if (
            q.place is not None
            and q.span.start != first.span.start
            and q.relation is None
            and q.place.feature not in COUNTRY_OR_DIVISION_FEATURES
            and q.place.iso == first.place.iso
            and _rank(q) <= _rank(first)
            and governs(text, trigger, q)
        ):
            return [q]
    return chosen
