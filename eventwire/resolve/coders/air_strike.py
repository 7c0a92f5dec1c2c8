"""An air or drone strike told beside a fight stays an Air/drone strike (issue 16).

ACLED codes the violence aircraft and drones deliver as an Air/drone strike even when the same
report speaks of fighting: "De violents combats ont opposé l'armée aux rebelles près de Kolo.
L'aviation a mené des frappes aériennes contre leurs positions, tuant douze combattants" is the
strike, not a battle. The kind coder types an incident on the cues of all its sentences together,
where the fight word of one sentence would bar the air rule of another (the taxonomy's air rules
exclude A_CLASH, so that "soldiers backed by helicopters clashed with rebels" stays a battle);
`air_strike_over_fight` undoes that when the strike has a sentence of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from eventwire.extract.lexicon import Rule, Taxonomy
from eventwire.models import EVENT_MODALITIES, Mention

AIR_STRIKE = "Air/drone strike"
ARMED_CLASH = "Armed clash"
CLASH_CLASS = "A_CLASH"
AIR_CLASSES = frozenset({"W_AIR", "W_DRONE"})
SHELLING = "Shelling/artillery/missile attack"
ARTILLERY_CLASS = "W_ARTILLERY"


def _sentence_classes(mentions: Sequence[Mention]) -> dict[int, set[str]]:
    """Return the cue classes of each sentence of the incident's event mentions, by its start."""
    out: dict[int, set[str]] = {}
    for m in mentions:
        if m.modality in EVENT_MODALITIES:
            out.setdefault(m.sentence.start, set()).update(m.cue_classes)
    return out


def _strike_told_alone(
    sentences: Iterable[set[str]], taxonomy: Taxonomy, admits: Callable[[set[str]], bool]
) -> Rule | None:
    """Return the Air/drone strike rule of the first sentence that names an aircraft or a drone,
    is admitted by `admits` and whose own cues type an Air/drone strike; else None."""
    for classes in sentences:
        if classes & AIR_CLASSES and admits(classes):
            own = taxonomy.classify(classes)
            if own is not None and own.sub_event_type == AIR_STRIKE:
                return own
    return None


def air_strike_over_fight(rule: Rule, mentions: Sequence[Mention], taxonomy: Taxonomy) -> Rule:
    """Return the Air/drone strike rule of a sentence of the incident that tells the strike on its
    own (its cues type an Air/drone strike, with no fight word) when the cues of all its sentences
    typed an Armed clash and no sentence tells aircraft in the fight itself ("troops backed by
    helicopters fought the rebels": air support in a battle); else `rule`.
    "Fighting raged around Kolo on Sunday. Warplanes struck rebel positions, killing 12 fighters."
    is an Air/drone strike (ACLED codebook: the strike is coded as such inside a wider battle)."""
    if rule.sub_event_type != ARMED_CLASH:
        return rule
    sentences = _sentence_classes(mentions).values()
    if any(CLASH_CLASS in classes and classes & AIR_CLASSES for classes in sentences):
        return rule
    return _strike_told_alone(sentences, taxonomy, lambda classes: True) or rule


def air_strike_over_mixed_weapons(rule: Rule, mentions: Sequence[Mention], taxonomy: Taxonomy) -> Rule:
    """Return the Air/drone strike rule of a sentence of the incident that tells the strike alone
    when the incident was typed a Shelling only through sentences that name an aircraft and a
    rocket together (two incidents in one sentence: "four people were killed in an Israeli strike
    on Sunday, the group saying it fired dozens of rockets in retaliation"); a sentence that tells
    shells or rockets alone keeps the Shelling. Else `rule`."""
    if rule.sub_event_type != SHELLING:
        return rule
    sentences = list(_sentence_classes(mentions).values())
    if any(ARTILLERY_CLASS in classes and not classes & AIR_CLASSES for classes in sentences):
        return rule
    return _strike_told_alone(sentences, taxonomy, lambda classes: ARTILLERY_CLASS not in classes) or rule
