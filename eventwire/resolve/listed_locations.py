"""Two events of one article placed at two names one sentence gives are two locations.

ACLED codes one event per location: "gunmen attacked a post near Kolo and another post in the town
of Bera" reports two events, one at each place, and normalize.mentions makes one mention per
listed place. A village the gazetteer lacks is coded at the nearest known place, often the other
listed town; the merge of two accounts of one incident (resolve.same_incident) must not read the
two points as one location and merge the list back into one event.
"""

from __future__ import annotations

from eventwire.models import Event


def listed_together(a: Event, b: Event) -> bool:
    """Return whether two events are placed by two different place names of one sentence of one
    document (one evidence sentence holds both location spans)."""
    pa, pb = a.provenance.get("location"), b.provenance.get("location")
    if pa is None or pb is None or pa.document_id is None or pa.document_id != pb.document_id:
        return False
    if pa.start is None or pa.end is None or pb.start is None or pb.end is None:
        return False
    if pa.start < pb.end and pb.start < pa.end:
        return False  # one name
    lo, hi = min(pa.start, pb.start), max(pa.end, pb.end)
    return any(
        e.document_id == pa.document_id and e.start <= lo and hi <= e.end
        for event in (a, b)
        for report in event.reports
        for e in report.evidence
    )
