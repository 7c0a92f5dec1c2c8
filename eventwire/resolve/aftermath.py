"""Arrests that close an incident the article has just told are part of its story, not events.

ACLED codes one event per location per day per actor pair, and an attack and the arrests that
follow it as separate events only when they are separate acts, on another day or at another
place (CODING_RULES.md). A sentence that tells, after a violent incident, that someone was
arrested, with no place of its own and no other day ("Gunmen shot dead a
trader in Kerou on Monday. The police later arrested two suspects.", "Un soldat a tué deux
civils à Kerou. Il a été arrêté peu après."), tells how the incident ended: the arrest becomes a
context mention (kept for review, no event). One told on another day ("On Thursday, police
arrested…") or at a place it names (even the incident's: the sentence may tell a raid of its own), or
opened as another incident ("Meanwhile, …", "Par ailleurs,
…", resolve/additive.py), stays an event.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.models import EVENT_MODALITIES, Mention, Modality
from eventwire.resolve.additive import opens_addition
from eventwire.resolve.compatibility import dates_compatible, places_compatible
from eventwire.taxonomy import VIOLENT_TYPES

ARREST_SUB_TYPE = "Arrests"


def _closes(arrest: Mention, incident: Mention) -> bool:
    """Return whether an arrest, told after a violent incident, fits its day and its place."""
    return (
        incident.sentence.start < arrest.sentence.start
        and dates_compatible(arrest, incident)
        and places_compatible(arrest, incident)
    )


def arrests_as_aftermath(mentions: list[Mention]) -> list[Mention]:
    """Return the mentions with each arrest that closes a violent incident told before it (no
    place of its own, and its day or none) turned into a context mention."""
    incidents = [m for m in mentions if m.modality in EVENT_MODALITIES and m.event_type in VIOLENT_TYPES]
    out = []
    for m in mentions:
        if (
            m.sub_event_type == ARREST_SUB_TYPE
            and m.place is None
            and m.modality in EVENT_MODALITIES
            and not opens_addition(m)
            and any(_closes(m, x) for x in incidents)
        ):
            m = replace(m, modality=Modality.CONTEXT, claim_status="context")
        out.append(m)
    return out
