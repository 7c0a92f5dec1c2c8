"""A place followed by the division it lies in ("Kerou, Tamba", "Kerou (Tamba)", "Kerou (Gare
district, Tamba)"): the namesake of Kerou inside Tamba is meant, even where a bigger namesake lies
in another division of the same country, and Tamba is that division, not a town called Tamba
elsewhere. A language regularity of news and of ACLED's own notes; the geoparser applies it to
the names the entity recognizer found (geoparse.context), this module to every place mention,
the towns read after a locative word included.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.gazetteer import Gazetteer
from eventwire.geoparse import candidate_place
from eventwire.geoparse.context import WITHIN_GAP, division_of
from eventwire.models import PlaceMention


def places_in_named_divisions(text: str, places: list[PlaceMention], *, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Return `places` (in text order) with each place followed by its division resolved to its
    namesake in that division, and the division to itself."""
    out = sorted(places, key=lambda p: p.span.start)
    for i, p in enumerate(out):
        if p.place is None:
            continue
        for j in range(i + 1, min(i + 3, len(out))):
            q = out[j]
            if not WITHIN_GAP.fullmatch(text, p.span.end, q.span.start):
                continue
            division = division_of(p.span.text, q.span.text, gazetteer)
            if division is None:
                break
            area = (division.iso, division.admin1)
            if (p.place.iso, p.place.admin1) != area:
                inside = [
                    c
                    for c in gazetteer.candidates(p.span.text)
                    if (c.iso, c.admin1) == area and c.place_id != division.place_id
                ]
                best = max(inside, key=lambda c: (c.feature == "city", c.population))
                reason = f"{p.span.text} in {division.name}, the division written after it"
                out[i] = replace(p, place=candidate_place(best), reason=reason)
            # "Kerou, Mexico": the country's reading stands (it says as much of where Kerou is)
            if q.place is None or (q.place.feature != "country" and (q.place.iso, q.place.admin1) != area):
                out[j] = replace(q, place=candidate_place(division), reason="the division of the place before it")
            break
    return out
