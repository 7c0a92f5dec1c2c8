"""Which one incident a toll told of several incidents at once belongs to (issue 16).

A sentence the grouping joins to several incidents (a vague retelling with no place of its own:
"La frappe a tué quatre civils.", "Five people were killed.") tells its deaths once. ACLED counts
each death in one event only: the toll is coded to one of the events, not repeated in each
(the conservative rule; the total over a document's events stays the number the text gives).
Its home is the incident whose place the sentence names ("Herders were among the dead, a chief
in Kerou said, 24 of them." "Nine more were found in Bera." — Kerou's); among
those (or all, when it names none), the incident the article told last before that sentence (the
toll follows the incident it is about: "Des jihadistes ont attaqué Kerou. Des roquettes ont été
tirées sur Bera. La frappe a tué quatre civils." — Bera's); when none was told before it (a lead
that sums up: "Attacks on Kerou and Bera killed five people."), the first incident told.

A toll told per place ("three in Kerou and two in Bera") is read by normalize/place_tolls.py
and is no shared mention's total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventwire.models import Mention
from eventwire.resolve.coders.base import MentionKey, mention_key
from eventwire.resolve.in_document import MentionGroup


def group_anchor(group: MentionGroup, shared: frozenset[MentionKey]) -> MentionKey:
    """Return the key of a group's first mention of its own (one no other incident shares), else
    of its first mention: what tells the group from the others of its document."""
    own = [m for m in group.mentions if mention_key(m) not in shared] or list(group.mentions)
    return mention_key(min(own, key=lambda m: (m.sentence.start, m.trigger.span.start)))


def toll_homes(groups: Sequence[MentionGroup], shared: frozenset[MentionKey]) -> dict[MentionKey, MentionKey]:
    """Return, for each mention shared by several reported incidents, the anchor
    (`group_anchor`) of the one incident its toll belongs to (see the module docstring)."""
    events = [g for g in groups if not g.context]
    homes: dict[MentionKey, MentionKey] = {}
    for key in shared:
        sharing = [g for g in events if any(mention_key(m) == key for m in g.mentions)]
        if len(sharing) < 2:
            continue
        sentence = next(m.sentence for m in sharing[0].mentions if mention_key(m) == key)
        sharing = [g for g in sharing if _names_place(g, sentence.text, shared)] or sharing
        told = [(last, i) for i, g in enumerate(sharing) if (last := _last_own_before(g, key, shared)) is not None]
        # the latest told before it; on a tie (one sentence told both), the first in text order
        home = sharing[max(told, key=lambda t: (t[0], -t[1]))[1]] if told else min(sharing, key=_first_start)
        homes[key] = group_anchor(home, shared)
    return homes


def toll_mentions(
    group: MentionGroup, homes: Mapping[MentionKey, MentionKey], shared: frozenset[MentionKey]
) -> list[Mention]:
    """Return a group's mentions whose tolls it may count: all but the shared ones whose toll
    belongs to another incident (`toll_homes`)."""
    if not homes:
        return list(group.mentions)
    anchor = group_anchor(group, shared)
    return [m for m in group.mentions if homes.get(mention_key(m), anchor) == anchor]


def _last_own_before(group: MentionGroup, key: MentionKey, shared: frozenset[MentionKey]) -> int | None:
    """Return the start of the last sentence before or at a shared mention's that tells the group
    by a mention of its own, else None."""
    starts = [m.sentence.start for m in group.mentions if mention_key(m) not in shared and m.sentence.start <= key[0]]
    return max(starts, default=None)


def _names_place(group: MentionGroup, sentence: str, shared: frozenset[MentionKey]) -> bool:
    """Return whether a sentence names the place a mention of the group's own is told at."""
    return any(
        m.place is not None and m.place.span.text and m.place.span.text in sentence
        for m in group.mentions
        if mention_key(m) not in shared
    )


def _first_start(group: MentionGroup) -> int:
    return min(m.sentence.start for m in group.mentions)
