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

Arrests told after a demonstration, on its day and with no place of their own, are made at it
("Nurses marched on the ministry. Twelve of them were arrested.", "Des élèves ont manifesté devant
la préfecture. Plusieurs arrestations ont eu lieu."): ACLED codes such a demonstration a Protest
with intervention (codebook: a peaceful protest met with arrests), not a protest and an Arrests
event. The arrest then becomes a mention of the demonstration, typed with intervention, whose cues
the coder reads with the others (resolve/coders/kind.py). An arrest of suspects or armed men
(a sentence naming an armed party) is not one of the demonstrators'.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.models import EVENT_MODALITIES, Mention, Modality
from eventwire.resolve.additive import opens_addition
from eventwire.resolve.compatibility import dates_compatible, places_compatible
from eventwire.taxonomy import DEMONSTRATION_TYPES, VIOLENT_TYPES

ARREST_SUB_TYPE = "Arrests"
INTERVENTION = ("Protests", "Protest with intervention")
# cue classes of a sentence whose arrest is of armed men, not of demonstrators
_ARMED_CLASSES = frozenset({"P_ARMED", "PATIENT_ARMED"})


def _closes(arrest: Mention, incident: Mention) -> bool:
    """Return whether an arrest, told after a violent incident, fits its day and its place."""
    return (
        incident.sentence.start < arrest.sentence.start
        and dates_compatible(arrest, incident)
        and places_compatible(arrest, incident)
    )


def arrests_as_aftermath(mentions: list[Mention]) -> list[Mention]:
    """Return the mentions with each arrest that closes a violent incident told before it (no
    place of its own, and its day or none) turned into a context mention, and each that closes a
    demonstration told before it turned into the demonstration's intervention."""
    incidents = [m for m in mentions if m.modality in EVENT_MODALITIES and m.event_type in VIOLENT_TYPES]
    demonstrations = [m for m in mentions if m.modality in EVENT_MODALITIES and m.event_type in DEMONSTRATION_TYPES]
    out = []
    for m in mentions:
        closing = (
            m.sub_event_type == ARREST_SUB_TYPE
            and m.place is None
            and m.modality in EVENT_MODALITIES
            and not opens_addition(m)
        )
        if closing and any(_closes(m, x) for x in incidents):
            m = replace(m, modality=Modality.CONTEXT, claim_status="context")
        elif closing and not m.cue_classes & _ARMED_CLASSES and any(_closes(m, x) for x in demonstrations):
            m = replace(m, event_type=INTERVENTION[0], sub_event_type=INTERVENTION[1])
        out.append(m)
    return out
