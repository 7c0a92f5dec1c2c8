"""Code an incident's actors: actor1, actor2, their associates and the groups that claimed it.

- actor1: the perpetrator a reported fact names; a group that claims the act goes to
  claimed_by, and becomes actor1 only when it is one named armed group whose claim nobody
  denies (ACLED codes credible claimants); otherwise the type's default actor
  ("Protesters (<country>)") or "Unidentified Armed Group (<country>)";
- actor2: the target a mention names, or the type's default ("Civilians (<country>)").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from eventwire.models import Actor, ClaimStatus, Coded, Mention, Modality, Provenance
from eventwire.normalize.actors import ARMED_TYPES, canonicalize_actor
from eventwire.resolve.coders.base import modality_rank, span_provenance
from eventwire.taxonomy import (
    DEFAULT_ACTOR1,
    DEFAULT_ACTOR2,
    DEMONSTRATION_TYPES,
    VIOLENT_TYPES,
    SubEventType,
)

# Who acts when no perpetrator is named and the type has no default actor1 of its own
# (data/taxonomy/acled.yaml gives the demonstrations' "Protesters ({country})").
UNNAMED_ACTOR1 = "Unidentified Armed Group ({country})"
UNNAMED_PREFIX = "Unidentified"
# ACLED codes the claimant of a credible, uncontested claim by a named group as actor1.
CLAIMANT_REASON = "a named group's uncontested claim (ACLED codes the claimant)"
# Actor types of a named armed group whose claim ACLED takes as the perpetrator.
CLAIMANT_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia"})
STATE_TYPES = frozenset({"state_forces", "external_forces"})
# Weapon labels (data/extract/labels.yaml) of a weapon that flies: one downed with no
# interceptor named was downed by the air defence of the country it flew over.
IN_FLIGHT_WEAPONS = frozenset({"drone", "aircraft", "artillery/rocket/missile"})
# The cue class of a verb that disrupts a weapon ("defused", "shot down").
DISRUPTING_CUE = "A_INTERCEPT"
# Sub-types whose weapon only non-state sides use in ACLED's data (a state force is their target).
TARGETED_BY_BOMBS = frozenset({SubEventType["SUICIDE_BOMB"], SubEventType["REMOTE_EXPLOSIVE_LANDMINE_IED"]})


@dataclass(frozen=True)
class EventActors:
    """An incident's coded actors (names as ACLED writes them)."""

    actor1: Coded[str | None]
    actor2: Coded[str | None]
    assoc_actor_1: str | None
    assoc_actor_2: str | None
    claimed_by: tuple[str, ...]


def code_actors(
    mentions: Sequence[Mention],
    *,
    document_id: str,
    event_type: str,
    sub_event_type: str,
    country: str | None,
    event_date: date | None,
    perpetrators: Sequence[Actor] = (),
) -> EventActors:
    """Return the actors of one incident, coded by ACLED's rules for its type."""
    claimed_by = claimants(mentions)
    if sub_event_type == SubEventType["DISRUPTED_WEAPONS_USE"]:
        actor1, actor2 = _disrupted_actors(mentions, country=country, event_date=event_date)
    else:
        actor1, actor2 = _told_actors(mentions, claimed_by)
    actor1, actor2 = _by_type(
        mentions,
        actor1,
        actor2,
        event_type=event_type,
        sub_event_type=sub_event_type,
        country=country,
        event_date=event_date,
        perpetrators=perpetrators,
        claimed_by=claimed_by,
    )
    return EventActors(
        actor1=_coded_actor1(actor1, document_id, event_type, sub_event_type, country),
        actor2=_coded_actor2(actor2, document_id, event_type, sub_event_type, country),
        assoc_actor_1=next((m.assoc_actor_1.name for m in mentions if m.assoc_actor_1 is not None), None),
        assoc_actor_2=next((m.assoc_actor_2.name for m in mentions if m.assoc_actor_2 is not None), None),
        claimed_by=claimed_by,
    )


def claimants(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Return the groups that claimed the incident, in text order."""
    names: dict[str, None] = {}
    for m in mentions:
        if m.claim_status == ClaimStatus.CLAIMED or m.modality == Modality.CLAIMED:
            names.update((a.name, None) for a in m.claimed_by)
    return tuple(names)


def is_state(actor: Actor | None) -> bool:
    """Return whether an actor is a state's (or a foreign state's) force."""
    return actor is not None and (actor.actor_type or "") in STATE_TYPES


def _told_actors(mentions: Sequence[Mention], claimed_by: tuple[str, ...]) -> tuple[Actor | None, Actor | None]:
    """Return (actor1, actor2) as the mentions name them, before the type's rules."""
    asserted = [m for m in mentions if m.modality == Modality.ASSERTED]
    actor1: Actor | None = None
    actor2: Actor | None = None
    for m in sorted(mentions, key=lambda x: (modality_rank(x), x.sentence.start)):
        if actor1 is None and m.actor1 is not None and m.modality == Modality.ASSERTED:
            actor1 = m.actor1
        if actor2 is None and m.actor2 is not None:
            actor2 = m.actor2
    if actor1 is None:
        actor1 = next(
            (m.actor1 for m in mentions if m.actor1 is not None and m.modality == Modality.ALLEGED),
            None,
        )
    if (
        actor1 is not None
        and actor1.name in claimed_by
        and not any(m.actor1 is not None and m.actor1.name == actor1.name for m in asserted)
    ):
        actor1 = None  # a claim alone does not make the claimant actor1
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None
    return actor1, actor2


def _disrupted_actors(
    mentions: Sequence[Mention], *, country: str | None, event_date: date | None
) -> tuple[Actor | None, Actor | None]:
    """Return (actor1, actor2) of a disrupted weapon use (ACLED: the disrupting side acts).

    The forces of the event's country that disrupt a weapon on their soil are actor1, whoever
    used or planted it actor2 ("soldiers defused a bomb planted by the rebels"); a weapon
    intercepted in flight with no interceptor named was downed by that country's air defence,
    its military ("two drones were shot down over the province"). A foreign force that downs a
    weapon aimed at it is the target: the weapon's operator stays actor1, that force actor2."""
    ordered = [m for m in mentions if m.modality == Modality.ASSERTED] + list(mentions)
    disrupter = next((m.actor1 for m in ordered if is_state(m.actor1)), None)
    if disrupter is None and country and any(m.weapon in IN_FLIGHT_WEAPONS for m in mentions):
        disrupter = _by_rule(canonicalize_actor("army", lang="en", country=country, when=event_date))
    if disrupter is not None and disrupter.country == country:
        others = [
            a
            for m in ordered
            for a in (m.actor2, m.actor1)
            if a is not None and a.name != disrupter.name and a.actor_type in ARMED_TYPES
        ]
        return disrupter, (others[0] if others else None)
    return None, disrupter or next((m.actor2 for m in ordered if is_state(m.actor2)), None)


def _by_type(
    mentions: Sequence[Mention],
    actor1: Actor | None,
    actor2: Actor | None,
    *,
    event_type: str,
    sub_event_type: str,
    country: str | None,
    event_date: date | None,
    perpetrators: Sequence[Actor],
    claimed_by: tuple[str, ...],
) -> tuple[Actor | None, Actor | None]:
    """Return (actor1, actor2) after ACLED's rules for the incident's type."""
    state_actors = [a for m in mentions for a in (m.actor1, m.actor2) if a is not None and is_state(a)]
    if event_type in DEMONSTRATION_TYPES and country:
        # the demonstrators are actor1; the force that intervened, if any, actor2
        protesters = Actor(
            name=DEFAULT_ACTOR1[event_type].format(country=country),
            country=country,
            actor_type="protesters",
            method="rule",
        )
        return protesters, (state_actors[0] if state_actors else None)
    if sub_event_type == SubEventType["AGREEMENT"] and country:
        # ACLED codes the government side of an agreement as actor1, the other party as actor2
        government = _by_rule(canonicalize_actor("government", lang="en", country=country, when=event_date))
        others = [a for m in mentions for a in (m.actor1, m.actor2) if a is not None and not is_state(a)]
        return government, (others[0] if others else actor2)
    if sub_event_type == SubEventType["ARRESTS"]:
        # the arresting force is actor1, whoever was arrested actor2
        actor2 = actor1 if actor1 is not None and not is_state(actor1) else actor2
        actor1 = state_actors[0] if state_actors else None
        if actor1 is None and country:
            actor1 = _by_rule(canonicalize_actor("police", lang="en", country=country, when=event_date))
        return actor1, actor2
    if event_type in VIOLENT_TYPES:
        # a force that defused or intercepted the bomb acted (the codebook's disrupted weapons use)
        disrupted = any(DISRUPTING_CUE in m.cue_classes for m in mentions)
        actor1, actor2 = _victim_as_target(actor1, actor2, "" if disrupted else sub_event_type)
    if (actor1 is None or actor1.name.startswith(UNNAMED_PREFIX)) and event_type in VIOLENT_TYPES:
        claimant = _credible_claimant(mentions, actor2)
        blamed = [a for a in perpetrators if a.name not in claimed_by and (actor2 is None or a.name != actor2.name)]
        if claimant is not None:
            actor1 = replace(claimant, method="claim")
        elif blamed:
            actor1 = blamed[0]
    return actor1, actor2


def _victim_as_target(
    actor1: Actor | None, actor2: Actor | None, sub_event_type: str
) -> tuple[Actor | None, Actor | None]:
    """Return (actor1, actor2) with a side that cannot have carried out the violence moved to the
    target's place (actor1 then left to the perpetrator rules).

    Codebook facts: civilians are never actor1 of political violence, only its victims
    ("civilians fled the shelling of the market" is shelling by someone else); and a bomb or a
    suicide bomber is the weapon of a non-state side, so a state force that a parse makes the
    subject ("an army truck struck a mine", "soldiers stopped two bombers") is the one targeted.
    """
    if actor1 is None:
        return actor1, actor2
    misplaced = actor1.actor_type == "civilians" or (sub_event_type in TARGETED_BY_BOMBS and is_state(actor1))
    if not misplaced:
        return actor1, actor2
    return None, actor2 if actor2 is not None else actor1


def _by_rule(actor: Actor | None) -> Actor | None:
    """Return a template actor without its span: it was named by a coding rule, not by the text."""
    if actor is None:
        return None
    return Actor(
        name=actor.name,
        country=actor.country,
        actor_type=actor.actor_type,
        span=None,
        method="rule",
    )


def _credible_claimant(mentions: Sequence[Mention], actor2: Actor | None) -> Actor | None:
    """Return the named armed group that claimed the incident, when nobody denies or disputes it."""
    if any(m.modality == Modality.DENIED or m.claim_status == ClaimStatus.DENIED for m in mentions):
        return None
    found: list[Actor] = []
    for m in mentions:
        for a in m.claimed_by:
            if (
                a.actor_type in CLAIMANT_TYPES
                and a.method != "template"
                and not a.name.startswith(UNNAMED_PREFIX)
                and (actor2 is None or a.name != actor2.name)
                and a.name not in {c.name for c in found}
            ):
                found.append(a)
    return found[0] if len(found) == 1 else None


def _coded_actor1(
    actor: Actor | None, document_id: str, event_type: str, sub_event_type: str, country: str | None
) -> Coded[str | None]:
    if actor is None:
        template = DEFAULT_ACTOR1.get(event_type, UNNAMED_ACTOR1)
        return Coded(
            template.format(country=country) if country else None,
            Provenance(method="default", reason="no perpetrator named in a reported fact"),
        )
    reason = CLAIMANT_REASON if actor.method == "claim" else None
    if actor.span is not None:
        return Coded(
            actor.name,
            span_provenance(document_id, actor.span, f"actor:{actor.method}", reason=reason),
        )
    return Coded(
        actor.name,
        Provenance(method=f"actor:{actor.method}", reason=reason or f"ACLED's rule for {sub_event_type}"),
    )


def _coded_actor2(
    actor: Actor | None, document_id: str, event_type: str, sub_event_type: str, country: str | None
) -> Coded[str | None]:
    if actor is None and event_type in DEFAULT_ACTOR2 and country:
        return Coded(
            DEFAULT_ACTOR2[event_type].format(country=country),
            Provenance(method="default", reason="victims of violence against civilians"),
        )
    if actor is None:
        return Coded(None, Provenance(method="none", reason="no target named"))
    if actor.span is not None:
        return Coded(actor.name, span_provenance(document_id, actor.span, f"actor:{actor.method}"))
    return Coded(
        actor.name,
        Provenance(method=f"actor:{actor.method}", reason=f"ACLED's rule for {sub_event_type}"),
    )
