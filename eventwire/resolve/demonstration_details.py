"""Sentences that tell how a demonstration went: the part of its account that codes it.

ACLED codes a demonstration by what happened at it (codebook): a Peaceful protest when the
demonstrators used no violence and nobody intervened, a Protest with intervention when the
authorities broke it up (tear gas, arrests), Excessive force against protesters when they used
lethal or severe force on it, a Violent demonstration when the demonstrators turned violent
(stones, burning tyres, looting). An article often tells the demonstration first and how it went
in a sentence that points back at it ("Traders marched on the town hall. The protest turned
violent when some of them looted a shop."; "Des élèves ont manifesté devant le lycée. La marche a
été dispersée à coups de gaz lacrymogène."). Such a sentence adds no place, day or toll of its
own, but it gives the sub-type: it stays with the incident (resolve/in_document.py), whose cues
are read together (resolve/coders/kind.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.models import Mention

DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})


def retypes_demonstration(m: Mention, group: Sequence[Mention]) -> bool:
    """Return whether a mention tells a demonstration of the group with a sub-type none of the
    group's other mentions gives ("the protest turned violent" after "traders marched")."""
    others = [x for x in group if x is not m]
    return (
        m.event_type in DEMONSTRATION_TYPES
        and any(x.event_type in DEMONSTRATION_TYPES for x in others)
        and all(x.sub_event_type != m.sub_event_type for x in others)
    )
