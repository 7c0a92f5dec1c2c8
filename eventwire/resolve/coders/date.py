"""Code an incident's day and ACLED time_precision from its mentions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from eventwire.models import Coded, EventDate, Mention, Provenance
from eventwire.resolve.coders.base import modality_rank


def code_event_date(mentions: Sequence[Mention], *, document_id: str, published: date | None) -> Coded[EventDate]:
    """Return the most precise date a mention gives, an explicit one (with its words) before one
    inferred; with none, the publication day at time_precision 2, and null without it."""
    dated = [(m, m.date) for m in mentions if m.date is not None and m.date.value is not None]
    explicit = [(m, d) for m, d in dated if d.span is not None]
    if not dated:
        reason = "no time expression; publication date used"
        return Coded(
            EventDate(published, 2 if published else None, None, "published_date", reason),
            Provenance(method="published_date", reason=reason),
        )
    _, told = min(
        explicit or dated,
        key=lambda md: (md[1].time_precision or 9, modality_rank(md[0]), md[0].sentence.start),
    )
    if told.span is not None:
        return Coded(
            told,
            Provenance(
                method=told.method,
                document_id=document_id,
                text=told.span.text,
                start=told.span.start,
                end=told.span.end,
                reason=told.reason,
            ),
        )
    return Coded(
        told,
        Provenance(
            method="published_date",
            reason=told.reason or "no time expression; publication date used",
        ),
    )
