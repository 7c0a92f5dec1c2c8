"""What every coder shares: which mention speaks most firmly, and provenance from a span."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.models import MODALITY_ORDER, Mention, Provenance, Span
from eventwire.resolve.compatibility import is_precise

# A modality the order does not list (a denial, a threat…) ranks after every listed one.
UNRANKED = len(MODALITY_ORDER)


def modality_rank(m: Mention) -> int:
    """Return how firmly a mention tells its incident, 0 the firmest (models.MODALITY_ORDER)."""
    return MODALITY_ORDER.index(m.modality) if m.modality in MODALITY_ORDER else UNRANKED


def primary_mention(mentions: Sequence[Mention]) -> Mention:
    """Return the mention that speaks for the incident: the firmest, then a precise place, then a
    single incident over a plural summary, then the earliest."""
    return min(
        mentions,
        key=lambda m: (
            modality_rank(m),
            0 if is_precise(m) else 1,
            0 if not (m.plural or m.count > 1) else 1,
            m.sentence.start,
        ),
    )


def span_provenance(document_id: str, span: Span, method: str, reason: str | None = None) -> Provenance:
    """Return the provenance of a value read from one span of a document."""
    return Provenance(
        method=method,
        document_id=document_id,
        text=span.text,
        start=span.start,
        end=span.end,
        reason=reason,
    )


# what tells one mention from another within a document: sentence start, trigger start, ordinal
MentionKey = tuple[int, int, int | None]


def mention_key(m: Mention) -> MentionKey:
    """Return a key that tells one mention from another within a document."""
    return (m.sentence.start, m.trigger.span.start, m.ordinal)
