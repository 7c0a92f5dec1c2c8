"""Two actor pairs at one place and day: two events of one article.

ACLED codes one event per location per day per actor pair. A battle and an attack on civilians
are kindred types (resolve.compatibility merges an "attack" told as a clash by one sentence and
as killings by the next), but when a later sentence tells, in its own right, another side acting
on another target, it is a second event even at the same place and day:

    "Militants attacked an army base in Kerou on Tuesday, killing three soldiers. The attackers
    also killed five civilians in the town." (militants/army, then militants/civilians)
    "Des hommes armés ont tué six civils à Kerou. Les militaires arrivés sur place ont affronté
    les assaillants, tuant deux d'entre eux." (gunmen/civilians, then army/gunmen)

(invented). The sentence must name who acted and on whom (a passive "a herder died in the
crossfire" names no actor: a toll of the battle) and give victims of its own; an anaphor ("the
attack") points back at the incident told before it.
"""

from __future__ import annotations

from eventwire.models import Event, Mention
from eventwire.taxonomy import EventType

# The kindred pair of types that one incident told from two angles shares, and two actor pairs
# do too (resolve.compatibility.COMPATIBLE_TYPES)
# (members by name: the enums are built from the taxonomy data file)
KINDRED_PAIR = frozenset({EventType["BATTLES"], EventType["VIOLENCE_AGAINST_CIVILIANS"]})


def _pair(m: Mention) -> frozenset[str]:
    return frozenset(a.name for a in (m.actor1, m.actor2) if a is not None)


def _victims(m: Mention) -> bool:
    c = m.casualties
    return c is not None and bool(c.fatalities or c.injuries or c.abducted)


def another_actor_pair(m: Mention, group: list[Mention]) -> bool:
    """Return whether a mention tells another actor pair's event than a group of kindred type
    told in other sentences (module docstring): not an anaphor, both actors named, victims of its
    own, another event type of the kindred pair than every mention of the group, and an actor pair
    that no mention of the group names."""
    if m.anaphoric or m.plural or m.actor1 is None or m.actor2 is None or not _victims(m):
        return False
    if m.event_type not in KINDRED_PAIR or not group:
        return False
    if not all(x.event_type in KINDRED_PAIR and x.event_type != m.event_type for x in group):
        return False
    named = [x for x in group if _pair(x)]
    return bool(named) and all(x.sentence.start != m.sentence.start and not _pair(x) <= _pair(m) for x in named)


def events_of_two_actor_pairs(a: Event, b: Event) -> bool:
    """Return whether two built events of one article are two actor pairs of the kindred types
    (module docstring): a battle and an attack on civilians, each naming its perpetrator and its
    target, with other targets (the merge of one incident's summary into it must not join them)."""
    if {a.event_type, b.event_type} != KINDRED_PAIR:
        return False
    if not (a.actor1 and a.actor2 and b.actor1 and b.actor2):
        return False
    return a.actor2 != b.actor2 and {a.actor1, a.actor2} != {b.actor1, b.actor2}
