"""Code an incident's location from its mentions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventwire.gazetteer import load_gazetteer
from eventwire.geoparse import candidate_place
from eventwire.models import Coded, Mention, Place, Provenance
from eventwire.resolve.compatibility import is_precise

# Among places of equal precision, the smaller area is the better one.
AREA_RANK = {"admin2": 1, "admin1": 2, "region": 3, "country": 4}


def code_place(
    mentions: Sequence[Mention], *, document_id: str, default_place: Place | None = None
) -> Coded[Place | None]:
    """Return the most precise place any mention gives (a town before its province, a province
    before its country); with none, the article's main area at geo_precision 3 (ACLED codes the
    area an article is about); else null with the reason."""
    placed = [(m, m.place, m.place.place) for m in mentions if m.place is not None and m.place.place is not None]
    if placed:
        _, told, place = min(
            placed,
            key=lambda mtp: (
                mtp[2].geo_precision,
                # an unknown village coded at a town before one coded at its district's point
                (mtp[2].where_prec or 2) if mtp[2].feature == "village" and mtp[2].latitude is not None else 2,
                0 if is_precise(mtp[0]) else 1,
                AREA_RANK.get(mtp[2].feature, 0),
                mtp[0].sentence.start,
            ),
        )
        capital = _capital_of(place)
        return Coded(
            capital or place,
            Provenance(
                method=f"gazetteer:{told.method}",
                document_id=document_id,
                text=told.span.text,
                start=told.span.start,
                end=told.span.end,
                reason=told.reason
                if capital is None
                else f"only the country is named: coded to its capital, {capital.name} (geo_precision 3)",
            ),
        )
    if default_place is not None:
        area = replace(default_place, geo_precision=3)
        return Coded(
            area,
            Provenance(
                method="document_area",
                document_id=document_id,
                reason=f"no place named for this incident; coded to the article's main area, {area.name}",
            ),
        )
    return Coded(None, Provenance(method="none", reason="no place named for this incident"))


def _capital_of(place: Place) -> Place | None:
    """Return the capital of a place that is a whole country with coordinates, at geo_precision
    3 (ACLED codes an event placed only in a country to its capital: "protests in Kerouvia" are
    coded to Kerouvia's capital), or None. A country without coordinates stays as it is (an
    unknown village there keeps its name)."""
    if place.feature != "country" or not place.iso or place.latitude is None:
        return None
    capital = load_gazetteer().capital(place.iso)
    return replace(candidate_place(capital), geo_precision=3) if capital is not None else None
