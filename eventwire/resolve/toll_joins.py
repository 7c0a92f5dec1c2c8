"""Which incident told before it a sentence telling only a toll, or a crowd's casualties, joins
(issue 16: a toll told in a later sentence must reach the incident it belongs to).

Two regularities of news and ACLED notes (FR/EN), both about sentences with no place and no day
of their own, told after an incident of a type theirs does not fit:

- A sentence that only tells who died ("Five killed.", "Deux policiers ont péri.") is the toll of
  the incident told nearest before it, whatever that one's type (a riot, a clash): it has no act
  of its own (resolve/toll_sentences.py). It joins that incident before any later sentence can
  gather around it ("Des jeunes ont lapidé des policiers à Kolo. Un policier est mort. Ils
  l'accusaient d'avoir agressé une femme." — the death is Kolo's riot's, not the quarrel's).
- The killings and injuries by the security forces told right after a demonstration or a riot,
  as their shots or their clash with the crowd ("Youths threw stones at police in Kolo. Police
  opened fire, killing two." "Des manifestants ont bloqué la route à Kolo. Les forces de l'ordre
  ont tiré, blessant trois personnes.") are its casualties: ACLED codes the deaths of a
  demonstration's confrontation with the police in the demonstration event (a violent
  demonstration, or excessive force against protesters), not as a separate attack on civilians.
  A death told with no police and no shot ("The march was sparked by the death of a driver who
  collapsed in custody.", "Le car avait percuté une moto, tuant deux personnes.") is the crowd's
  cause or another incident, and stays apart.

`nearest_earlier` is where any other placeless detail goes: the incident told nearest before it
whose type fits (or of any type, for a toll-only sentence).
"""

from __future__ import annotations

from eventwire.models import Mention
from eventwire.resolve.additive import opens_addition
from eventwire.resolve.compatibility import dates_compatible, types_compatible
from eventwire.resolve.toll_sentences import dated, toll_only
from eventwire.taxonomy import DEMONSTRATION_TYPES, WITHOUT_FATALITIES

# the security forces named in a sentence, and their force against the crowd: shots, live fire, a
# clash, or the forces as the ones who act ("police opened fire", "clashed with the police")
_SECURITY = frozenset({"P_SECURITY", "AGENT_SECURITY"})
_FORCE = frozenset({"W_GUN", "A_LIVEFIRE", "A_CLASH", "AGENT_SECURITY"})


def earlier_toll_home(m: Mention, groups: list[list[Mention]]) -> list[Mention] | None:
    """Return the incident told nearest before a toll-only mention ("Five killed."), by the
    latest sentence of it before the mention's, when its days fit and it is of a kind that kills
    (ACLED codes no deaths for a peaceful protest or an arrest: taxonomy WITHOUT_FATALITIES);
    None when there is none or the mention is no toll-only one (module docstring, first rule)."""
    if not toll_only(m) or opens_addition(m):
        return None
    earlier = [
        g
        for g in groups
        if any(x.sentence.start < m.sentence.start for x in g) and all(dates_compatible(m, x) for x in g)
    ]
    if not earlier:
        return None
    home = max(earlier, key=lambda g: max(x.sentence.start for x in g if x.sentence.start < m.sentence.start))
    # a toll belongs to an incident of a kind that kills, not to a peaceful march or an arrest
    return home if any(x.sub_event_type not in WITHOUT_FATALITIES for x in home) else None


def crowd_casualties_home(group: list[Mention], placed: list[list[Mention]]) -> list[Mention] | None:
    """Return the demonstration or riot told nearest before a placeless group that only tells
    casualties by the security forces ("Police opened fire, killing two."), else None (module
    docstring, second rule).

    Every mention of the group tells deaths or injuries, with no day of its own and not in the
    pluperfect (a recalled death is no casualty of this one), and none opens another incident
    ("Meanwhile, …"); one names the forces and their force; the incident told nearest before
    it, of any type, must be a crowd's."""
    start = min(m.sentence.start for m in group)
    if not all(_casualties_told(m) and not dated(m) and not m.pluperfect and not opens_addition(m) for m in group):
        return None
    if not any(m.cue_classes & _SECURITY and m.cue_classes & _FORCE for m in group):
        return None
    earlier = [g for g in placed if g is not group and min(x.sentence.start for x in g) < start]
    if not earlier:
        return None
    nearest = max(earlier, key=lambda g: max(x.sentence.start for x in g if x.sentence.start < start))
    if not any(x.event_type in DEMONSTRATION_TYPES for x in nearest):
        return None
    return nearest if all(dates_compatible(m, x) for m in group for x in nearest) else None


def _casualties_told(m: Mention) -> bool:
    c = m.casualties
    return c is not None and bool(c.fatalities or c.injuries)


def nearest_earlier(
    group: list[Mention], candidates: list[list[Mention]], *, any_type: bool = False
) -> list[Mention] | None:
    """Return the candidate told nearest before `group` (else the first), if types fit or
    `any_type`; a group of toll-only mentions fits any incident told before it."""
    start = min(m.sentence.start for m in group)
    toll = any_type or all(toll_only(m) for m in group)
    fitting = [
        c
        for c in candidates
        if c is not group
        and (
            any(types_compatible(m, x) for m in group for x in c) or (toll and min(x.sentence.start for x in c) < start)
        )
    ]
    if not fitting:
        return None
    earlier = [c for c in fitting if min(x.sentence.start for x in c) <= start]
    if earlier:
        return max(earlier, key=lambda c: min(x.sentence.start for x in c))
    return min(fitting, key=lambda c: min(x.sentence.start for x in c))
