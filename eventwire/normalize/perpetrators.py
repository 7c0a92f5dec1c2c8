"""The named armed groups an article blames (ACLED codes the named perpetrator).

A group counts when the report attributes the act to it: it is the agent of a reported incident,
or a blame word (data/words/<lang>.yaml `blame_cues`: "présumés", "claimed by") or an agent
construction ("par les", "une attaque des rebelles") stands right before its name.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from eventwire.lang.words import load_word_lists
from eventwire.models import EVENT_MODALITIES, Actor, Document, Mention, Span
from eventwire.normalize.actors import find_actor_mentions

ARMED_GROUP_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia"})


@lru_cache(maxsize=8)
def blame_cue(lang: str) -> re.Pattern[str]:
    """Return the pattern of the words that put the blame on a group named shortly after them
    ("présumés rebelles", "attack claimed by", "suspected … fighters"): the `blame_cues` of
    data/words/<lang>.yaml, matched case-insensitively."""
    cues = sorted(load_word_lists(lang).get("blame_cues"), key=len, reverse=True)
    return re.compile("|".join(re.escape(c) for c in cues) or "(?!)", re.IGNORECASE)


# "tués par les assaillants", "an attack by the militants", "une attaque armée des rebelles":
# the group after these words carried out the act.
AGENT_BEFORE = re.compile(
    r"(?:(?:\bpar|\bby)\s+(?:les?|la|l['’]|des|the)?"
    # "une attaque armée des rebelles ADF": the attackers as the attack's complement
    r"|\b(?:attaques?|embuscades?|assauts?|offensives?|raids?|incursions?|tueries?|massacres?)"
    r"(?:\s+\w+)?\s+(?:des|du|de\s+l['’]|d['’])(?:\s+(?:rebelles|jihadistes|djihadistes|terroristes|"
    r"combattants|miliciens|éléments|membres|hommes))?)\s*$",
    re.IGNORECASE,
)


def document_perpetrators(
    document: Document,
    mentions: list[Mention],
    *,
    country: str | None = None,
    old_news_extra: tuple[Span, ...] = (),
) -> tuple[Actor, ...]:
    """Return the named armed groups an article blames, most cited first.

    ACLED codes the named group when a report attributes the act to it ("présumés rebelles
    ADF", "attaque attribuée à Boko Haram", "carried out by Al-Shabaab"); a group named only
    as a victim ("killing three members of the Tazor Brigade") or in passing is left out, and so
    is one blamed only in sentences about older incidents (`old_news_extra`: the sentences the
    in-document resolver kept as context, "In May, suspected herder militiamen killed…").
    """
    agents = {m.actor1.name for m in mentions if m.actor1 is not None and m.modality in EVENT_MODALITIES}
    # a group blamed only for an earlier or habitual incident ("In March, suspected Dogon
    # militiamen killed…") is not the perpetrator of the one reported
    reported = {m.sentence.start for m in mentions if m.modality in EVENT_MODALITIES}
    old_news = [m.sentence for m in mentions if m.modality not in EVENT_MODALITIES and m.sentence.start not in reported]
    old_news += list(old_news_extra)
    found = find_actor_mentions(document.text, lang=document.lang, country=country, when=document.published)
    found = [a for a in found if a.span is None or not any(s.start <= a.span.start < s.end for s in old_news)]
    text = document.text
    counts: Counter = Counter()
    first: dict[str, tuple[Actor, int]] = {}  # name → its first blamed actor, where it starts
    for a in found:
        if a.actor_type not in ARMED_GROUP_TYPES or a.method == "template" or a.span is None:
            continue
        if country is not None and a.country not in {country, None, "*"}:
            continue
        window = text[max(0, a.span.start - 60) : a.span.start]
        blamed = a.name in agents or bool(blame_cue(document.lang).search(window)) or bool(AGENT_BEFORE.search(window))
        if not blamed:
            continue
        counts[a.name] += 1
        first.setdefault(a.name, (a, a.span.start))
    ranked = sorted(counts, key=lambda n: (-counts[n], first[n][1]))
    return tuple(first[n][0] for n in ranked)
