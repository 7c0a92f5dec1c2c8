"""Code an incident's event type and sub-event type from its mentions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.extract.lexicon import Rule, Taxonomy
from eventwire.extract.subtype_model import SentenceScores, decide, overridable
from eventwire.models import EVENT_MODALITIES, Coded, Mention, Provenance
from eventwire.resolve.coders.air_strike import air_strike_over_fight, air_strike_over_mixed_weapons
from eventwire.resolve.coders.base import modality_rank, primary_mention, span_provenance
from eventwire.resolve.toll_sentences import toll_only
from eventwire.taxonomy import SUB_EVENT_TO_TYPE

REMOTE_VIOLENCE = "Explosions/Remote violence"
CLASH_CLASS = "A_CLASH"
GRENADE = "Grenade"
# The cue classes that tell how an incident was done: the weapon, or an explosion.
WEAPON_PREFIX = "W_"
EXPLOSION_CLASS = "A_EXPLOSION"
ARMED_CLASH = "Armed clash"
ATTACK = "Attack"
# Role classes of an attack on civilians told in one sentence (`_attack_on_civilians`): the ones
# harmed, the sign that armed men act, and the harmed who would make it a battle.
CIVILIAN_VICTIMS = frozenset({"PATIENT_CIVILIAN", "PATIENT_CROWD"})
ARMED_ATTACKER = frozenset({"AGENT_ARMED", "A_ATTACK"})
ARMED_VICTIMS = frozenset({"PATIENT_SECURITY", "PATIENT_ARMED"})
HARM = frozenset({"A_KILL", "A_INJURE"})
# The party words of armed sides: a fight word whose sentence names none of them, retelling the
# toll ("The clashes also left several people wounded"), names no fight that did the harm.
ARMED_PARTIES = frozenset({"P_ARMED", "P_SECURITY"})


@dataclass(frozen=True)
class EventKind:
    """An incident's ACLED event type and sub-event type, each with its provenance."""

    event_type: Coded[str]
    sub_event_type: Coded[str]


def code_event_kind(
    mentions: Sequence[Mention],
    *,
    document_id: str,
    taxonomy: Taxonomy | None = None,
    subtype_scores: SentenceScores | None = None,
) -> EventKind:
    """Return the type and sub-type of an incident from everything its firmest voice says.

    The cues of all that voice's mentions are typed together ("an attack" + "a drone struck the
    convoy" -> Air/drone strike; "a protest" + "dispersed" + "one protester killed" -> Excessive
    force against protesters); the sub-type classifier over the same sentences may then
    overrule a rule it finds unlikely (extract/subtype_model.py).
    """
    primary, voice, voice_classes, rule = _rule_kind(mentions, taxonomy)
    trigger = span_provenance(document_id, primary.trigger.span, f"trigger:{primary.trigger.cue}")
    if rule is not None:
        event_type, sub = rule.event_type, rule.sub_event_type
    else:
        event_type, sub = primary.event_type, primary.sub_event_type
    type_provenance, sub_provenance = trigger, trigger
    if (event_type, sub) != (primary.event_type, primary.sub_event_type):
        sub_provenance = Provenance(
            method="taxonomy:combined_cues",
            document_id=document_id,
            text=primary.trigger.span.text,
            start=primary.trigger.span.start,
            end=primary.trigger.span.end,
            reason=f"cues of {len(voice)} mentions: {', '.join(sorted(voice_classes))}",
        )
    if subtype_scores is not None and overridable(sub, subtype_scores.labels):
        decision = decide(sub, subtype_scores.get(m.sentence.start for m in voice), subtype_scores.labels)
        if decision is not None:
            event_type, sub = SUB_EVENT_TO_TYPE[decision.sub_event_type], decision.sub_event_type
            type_provenance = sub_provenance = Provenance(
                method="classifier",
                document_id=document_id,
                text=primary.sentence.text,
                start=primary.sentence.start,
                end=primary.sentence.end,
                reason=decision.reason,
            )
    return EventKind(Coded(event_type, type_provenance), Coded(sub, sub_provenance))


def _rule_kind(
    mentions: Sequence[Mention], taxonomy: Taxonomy | None
) -> tuple[Mention, list[Mention], set[str], Rule | None]:
    """Return an incident's firmest voice (its primary mention, the voice's mentions and their
    cue classes) and the taxonomy rule those cues give (None without a rule)."""
    # a sentence that only tells the toll ("Two people died.") types nothing of its own: the
    # firmest voice is that of the sentences telling the act, the toll read with them
    primary = primary_mention([m for m in mentions if not toll_only(m)] or mentions)
    rank = modality_rank(primary)
    voice = [m for m in mentions if modality_rank(m) == rank or (modality_rank(m) < rank and toll_only(m))]
    voice_classes: set[str] = set()
    for m in voice:
        voice_classes |= m.cue_classes
    voice_classes |= _weapon_told_elsewhere(voice_classes, mentions)
    rule = taxonomy.classify(voice_classes) if taxonomy is not None else None
    if taxonomy is not None and rule is not None:
        rule = air_strike_over_fight(_keep_own_weapon(rule, primary, voice, taxonomy), mentions, taxonomy)
        rule = air_strike_over_mixed_weapons(rule, mentions, taxonomy)
    return primary, voice, voice_classes, rule


def classifier_sentences(
    mentions: Sequence[Mention], *, taxonomy: Taxonomy | None, subtype_scores: SentenceScores
) -> list[int]:
    """Return the starts of the sentences whose sub-type scores `code_event_kind` reads for an
    incident (none when the classifier may not overrule its sub-type): a batch of documents
    encodes those of all its incidents in one call before building their events."""
    primary, voice, _, rule = _rule_kind(mentions, taxonomy)
    sub = rule.sub_event_type if rule is not None else primary.sub_event_type
    if not overridable(sub, subtype_scores.labels):
        return []
    return [m.sentence.start for m in voice]


def _keep_own_weapon(rule: Rule, primary: Mention, voice: Sequence[Mention], taxonomy: Taxonomy) -> Rule:
    """Return the rule of the primary sentence's own cues when they type a remote weapon (an air
    or drone strike, shelling, an explosive) or an attack on civilians (`_attack_on_civilians`)
    and the combined cues turned it into a battle only through a fight word of another sentence:
    "a drone struck a rebel convoy on Monday. Fighting has gone on in the district for weeks" is
    an air strike (ACLED codes the remote attack; the fighting, when it is an event, is another).
    A grenade is the exception: it is thrown by someone at hand, so a fight told beside it is the
    thrower's ("rebels lobbed a grenade into a guard post. The guards responded with gunfire":
    ACLED's Armed clash)."""
    if rule.event_type != "Battles":
        return rule
    own_sentence = [m for m in voice if m.sentence.start == primary.sentence.start]
    own: set[str] = set()
    for m in own_sentence:
        own |= m.cue_classes
    if CLASH_CLASS in own:
        return rule
    own_rule = taxonomy.classify(own)
    others = [m.cue_classes for m in voice if m.sentence.start != primary.sentence.start]
    if own_rule is not None and rule.sub_event_type == ARMED_CLASH and _attack_on_civilians(own_rule, own, others):
        return own_rule
    if own_rule is None or own_rule.event_type != REMOTE_VIOLENCE or own_rule.sub_event_type == GRENADE:
        return rule
    return own_rule


def _attack_on_civilians(own_rule: Rule, own: set[str], others: Sequence[frozenset[str]]) -> bool:
    """Return whether the primary sentence's own cues tell armed men attacking or killing
    civilians, no sentence of the incident tells an armed side harmed ("two soldiers were also
    killed" makes it a battle) and the fight the other sentences tell harmed nobody ("the
    shootout that followed left two herders and a gunman dead": the fight did the harm, a battle;
    a fight word naming no armed side that retells the toll, "the clashes also left several people
    wounded", does not: ACLED's Armed clash is between two armed sides).
    A fight word of another sentence ("Gunmen stormed a hamlet and killed six farmers. Soldiers
    later clashed with the attackers") does not make the attack a battle (ACLED codebook: armed
    violence against unarmed people is an Attack, even when the attackers are fought or driven
    off afterwards)."""
    return (
        own_rule.sub_event_type == ATTACK
        and bool(own & CIVILIAN_VICTIMS)
        and bool(own & ARMED_ATTACKER)
        and not own & ARMED_VICTIMS
        and not any(classes & ARMED_VICTIMS for classes in others)
        and not any(CLASH_CLASS in classes and classes & HARM and classes & ARMED_PARTIES for classes in others)
    )


def _weapon_classes(classes: set[str] | frozenset[str]) -> set[str]:
    return {c for c in classes if c.startswith(WEAPON_PREFIX) or c == EXPLOSION_CLASS}


def _weapon_told_elsewhere(voice_classes: set[str], mentions: Sequence[Mention]) -> set[str]:
    """Return the weapon cues (and explosion) of the incident's less firm mentions when its
    firmest voice names none: the weapon is how the incident was done, whoever is surer of it.
    "A bomb reportedly went off under a patrol. The group claimed the attack": the claim is the
    firmest voice and says only "attack", the report says how (ACLED types the incident by its
    weapon: Remote explosive/landmine/IED). A context mention (an earlier incident) lends none."""
    if _weapon_classes(voice_classes):
        return set()
    out: set[str] = set()
    for m in mentions:
        if m.modality in EVENT_MODALITIES:
            out |= _weapon_classes(m.cue_classes)
    return out
