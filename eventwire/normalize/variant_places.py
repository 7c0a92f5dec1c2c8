"""Unknown town names read as another transliteration of a town of the document's country
("Tin-Kerwatene" for Tinkerouatene, "Chakerou" for Shakerou: Gazetteer.variants)."""

from __future__ import annotations

from dataclasses import replace

from eventwire.gazetteer import Gazetteer
from eventwire.geoparse import candidate_place
from eventwire.models import PlaceMention


def variant_places(places: list[PlaceMention], *, gazetteer: Gazetteer, iso: str) -> list[PlaceMention]:
    """Return `places` with each capitalized name the gazetteer does not know resolved to the
    populated place of country `iso` spelled another way (French vs English transliteration:
    data/gazetteer/transliteration.yaml), when those spellings name places of one division only
    (the biggest of them). A place abroad is never pulled this way."""
    out = []
    for p in places:
        found = gazetteer.variants(p.span.text, iso) if p.place is None and p.span.text[:1].isupper() else []
        if not found or len({c.admin1 for c in found}) > 1:
            out.append(p)
            continue
        best = max(found, key=lambda c: (c.primary, c.population))
        reason = f"{p.span.text!r} is not in the gazetteer; read as another spelling of {best.name}"
        out.append(replace(p, place=candidate_place(best), method="variant", reason=reason))
    return out
