"""Merge the events one article built twice for one incident.

The in-document grouping (resolve/in_document.py) works on mentions, before a sub-event type is
coded; two of its groups may still be one incident told from two angles. ACLED codes one event
per location per day per actor pair, so two built events of one document are merged when

  1. a summary: one is built only from sentences that give neither a day nor a place of their
     own (dated by the article's lead, placed at the article's place), and the other, of the
     same or a kindred sub-type (resolve/kindred.py), is told with its own day at that place, at
     most SUMMARY_MAX_DAYS before ("Vingt soldats ont été tués samedi soir à Kolo" … "Le
     président s'est rendu mardi sur les lieux, où 20 soldats sont morts");
  2. two parts of one incident: kindred but different sub-types, the same day and place (the
     same name, or a village the gazetteer lacks coded near the other's place, unless one sentence
     names both places: resolve/listed_locations.py), one of them only
     dated by the article's lead ("A gang killed 30 people near the capital on Monday" … "In
     Kerou, houses were torched on Monday").

Either way the actors must not contradict each other (two named perpetrators, or one side's
target acting in the other account), the account
merged must not be told as another incident ("Par ailleurs, …", "Hours later, …") nor be another
actor pair's battle or attack on civilians (resolve/actor_pairs.py), and the summary
must fit only one incident of the article: one that fits several (three villages attacked the
same day) is left alone. The merged event keeps the day and place of the account told with its
own day, the sub-type, actors and toll of the combined accounts (ACLED's conservative toll:
the lowest positive figure, cross_document.combine_contributions), and one report of the
document with the evidence of both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventwire.geo import haversine_km
from eventwire.models import Event, Place, Report
from eventwire.resolve.actor_pairs import events_of_two_actor_pairs
from eventwire.resolve.additive import tells_another_incident
from eventwire.resolve.coders.notes import code_notes
from eventwire.resolve.compatibility import ONE_LOCATION_MAX_KM
from eventwire.resolve.cross_document import combine_contributions
from eventwire.resolve.kindred import sub_types_kindred
from eventwire.resolve.listed_locations import listed_together
from eventwire.resolve.similarity import actors_conflict, same_place_name

# A summary told after an incident is dated by the article's lead: the report's day, at most
# this many days after the incident ("hier mardi, le président a annoncé…" of a Sunday night attack).
SUMMARY_MAX_DAYS = 3
PLACE_FIELDS = ("country", "iso", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")
PLACE_PROVENANCE = (*PLACE_FIELDS[2:],)
DAY_FIELDS = ("event_date", "time_precision")


def merge_same_incidents(events: Sequence[Event]) -> list[Event]:
    """Return one document's events with each summary or part of an incident merged into it
    (rules of the module docstring); context-only events are left as they are."""
    out = list(events)
    while True:
        pair = _next_pair(out)
        if pair is None:
            return out
        weak, strong = pair
        merged = _merged(out[weak], out[strong])
        out[strong] = merged
        del out[weak]


def _next_pair(events: list[Event]) -> tuple[int, int] | None:
    """Return (index of the weak account, index of the incident it belongs to), or None."""
    live = [i for i, e in enumerate(events) if not e.context_only]
    for i in live:
        partners = [j for j in live if j != i and _belongs(events[i], events[j])]
        if len(partners) == 1:
            return i, partners[0]
    return None


def _belongs(weak: Event, strong: Event) -> bool:
    """Return whether `weak` is a summary or a part of the incident `strong` tells."""
    if _own_day(weak) or not _own_day(strong) or _inherited_place(strong):
        return False
    if weak.event_date is None or strong.event_date is None or weak.iso != strong.iso:
        return False
    if actors_conflict(weak, strong) or _sides_swapped(weak, strong) or _told_as_another(weak):
        return False
    if events_of_two_actor_pairs(weak, strong):
        return False  # "...killing three soldiers." / "The attackers also killed five civilians."
    same_type = weak.sub_event_type == strong.sub_event_type
    kindred = same_type or sub_types_kindred(weak.sub_event_type, strong.sub_event_type)
    if not kindred:
        return False
    days = (weak.event_date - strong.event_date).days
    if _inherited_place(weak):
        # rule 1: a summary placed only by the article
        return same_place_name(weak.location, strong.location) and 0 <= days <= SUMMARY_MAX_DAYS
    # rule 2: two parts of one incident
    return not same_type and days == 0 and _one_location(weak, strong)


def _sides_swapped(a: Event, b: Event) -> bool:
    """Return whether one event's actor1 is the other's target ("Jihadists attacked the post" …
    "The army answered with air strikes"): the other side acting is another actor pair, hence
    another event (ACLED's actor1 is the side that acts)."""
    return bool(a.actor1 and b.actor1 and a.actor1 != b.actor1 and (a.actor1 == b.actor2 or b.actor1 == a.actor2))


def _told_as_another(event: Event) -> bool:
    """Return whether an account is told in a sentence opened by an additive or a sequel
    connective ("Hours later, militants attacked the camp"): the article tells another incident
    (resolve/additive.py), which the in-document grouping kept apart on purpose."""
    return any(tells_another_incident(e.text) for r in event.reports for e in r.evidence)


def _own_day(event: Event) -> bool:
    """Return whether an event's day was read in its own sentences (not the article's lead)."""
    source = event.provenance.get("event_date")
    return source is not None and source.method == "time_expression"


def _inherited_place(event: Event) -> bool:
    """Return whether an event is placed only by the article (no place in its sentences)."""
    source = event.provenance.get("location")
    return source is not None and source.method.endswith("document_place")


def _derived_place(event: Event) -> bool:
    """Return whether an event's village is not in the gazetteer (coded near a known place)."""
    source = event.provenance.get("location")
    return source is not None and source.method.endswith(("nearest_known_place", "unlocated"))


def _one_location(a: Event, b: Event) -> bool:
    """Return whether two events are at one location: the same name, or a village the gazetteer
    lacks coded within ONE_LOCATION_MAX_KM of the other's place."""
    if same_place_name(a.location, b.location):
        return True
    if not (_derived_place(a) or _derived_place(b)) or listed_together(a, b):
        return False  # (listed_together: "a post near Kolo and another in the town of Bera")
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= ONE_LOCATION_MAX_KM


def _merged(weak: Event, strong: Event) -> Event:
    """Return the incident `strong` tells with `weak`'s account merged into it."""
    combined = combine_contributions(strong.event_id, [strong, weak])
    provenance = {**combined.provenance}
    for key in (*PLACE_PROVENANCE, *DAY_FIELDS):
        if key in strong.provenance:
            provenance[key] = strong.provenance[key]
        else:
            provenance.pop(key, None)
    merged = replace(
        combined,
        **{f: getattr(strong, f) for f in (*PLACE_FIELDS, *DAY_FIELDS)},
        disputed=weak.disputed or strong.disputed,
        reports=_one_report(strong.reports, weak.reports, combined.fatalities),
        provenance=provenance,
    )
    return replace(merged, notes=_notes(merged))


def _notes(event: Event) -> str:
    """Return the notes sentence of a merged event (its day and place are the strong account's)."""
    place = None
    if event.location:
        place = Place(
            name=event.location,
            country=event.country or "",
            iso=event.iso or "",
            latitude=event.latitude,
            longitude=event.longitude,
            feature="city",
            geo_precision=event.geo_precision or 3,
            admin1=event.admin1,
        )
    return code_notes(
        sub_event_type=event.sub_event_type,
        event_date=event.event_date,
        actor1=event.actor1,
        actor2=event.actor2,
        place=place,
        country=event.country,
        fatalities=event.fatalities,
        claimed_by=event.claimed_by,
    )


def _one_report(first: Sequence[Report], second: Sequence[Report], fatalities: int) -> tuple[Report, ...]:
    """Return the reports of two accounts of one document as one report per document, with the
    evidence of both (in text order)."""
    out: dict[str, Report] = {}
    for report in (*first, *second):
        held = out.get(report.document_id)
        if held is None:
            out[report.document_id] = report
            continue
        evidence = sorted({*held.evidence, *report.evidence}, key=lambda e: (e.start, e.end))
        out[report.document_id] = replace(held, evidence=tuple(evidence), fatalities=fatalities)
    return tuple(out.values())
