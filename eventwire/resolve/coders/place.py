"""Code an incident's location from its mentions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

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
        return Coded(
            place,
            Provenance(
                method=f"gazetteer:{told.method}",
                document_id=document_id,
                text=told.span.text,
                start=told.span.start,
                end=told.span.end,
                reason=told.reason,
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
