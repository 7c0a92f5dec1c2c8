"""An unknown village given with the town it lies in, after a comma, is that town's location.

A language regularity: "Kolo, Bera" (a locality, then the town or area it lies in, or the town
then its quarter: "in Bera, Kolo, Tamba county") names one location, narrowing or widening it,
not two. When the gazetteer lacks the village, the geoparse codes it at the very point of the
town named beside it (ACLED geo_precision 2), and ACLED codes the event once, at that town: the
village is no second event place. A list ("in Kolo, Bera and Sora", "à Kolo, Bera et Sora") or a
coordination ("in Kolo and nearby Bera") names several places, one event each (ACLED: one event
per location), so the rule leaves a comma closing on a coordinator alone.
"""

from __future__ import annotations

import re

from eventwire.models import PlaceMention

# Between the two names: a comma only ("Kolo, Bera").
APPOSING_COMMA = re.compile(r"^\s*,\s*$")
# After the pair, the list going on to a coordinated name ("…, Bera and Sora", "…, Bera, Tamba et
# Sora"): the comma then separates items of a list.
LIST_GOES_ON = re.compile(
    r"^(?:\s*,\s*[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*)*\s*,?\s*"
    r"(?:and|or|et|ou|as well as|ainsi que|&)\s+(?:(?:in|at|à|au|aux|nearby|neighbou?ring)\s+)?[A-ZÀ-Ý]"
)


def drop_apposed_villages(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Return listed places less an unknown village coded at the point of the town beside it,
    after a comma and in no list (see the module docstring)."""
    return [p for p in places if not any(_apposed(text, p, q) for q in places)]


def _apposed(text: str, p: PlaceMention, q: PlaceMention) -> bool:
    """Return whether `p`, a village the gazetteer lacks, was coded at the very point of town `q`
    named next to it after a comma, the two being no part of a coordinated list."""
    if p is q or p.place is None or q.place is None or p.method != "nearest_known_place":
        return False
    if p.place.latitude is None or q.place.geo_precision != 1:
        return False
    if (p.place.latitude, p.place.longitude) != (q.place.latitude, q.place.longitude):
        return False
    first, second = sorted((p, q), key=lambda x: x.span.start)
    if not APPOSING_COMMA.match(text[first.span.end : second.span.start]):
        return False
    return LIST_GOES_ON.match(text[second.span.end : second.span.end + 200]) is None
