"""The two sides of a fight a sentence names by coordination: "clashes between the Kerouan and
Tamba communities", "affrontements entre Kerouans et Tambas", "Kerouans and Tambas clashed".

ACLED codes the side named first actor1 and the other actor2 (a clash has no attacker to pick).
A side is an actor of the alias table ("police", "the Kerou militia"), a people of
data/ethnic_militias.yaml ("<People> Ethnic Militia (<country>)"), or a name with a clan noun
("the Abar and Bedo clans" → "Abar Clan Militia (<country>)"). The words that open, join and end
the sides are data/words/<lang>.yaml's `party_openers`, `party_joiners` and `party_enders`.
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.lang.fold import fold
from eventwire.lang.words import load_word_lists
from eventwire.models import Actor, Span
from eventwire.normalize.actors import ARMED_TYPES, canonicalize_actor
from eventwire.normalize.ethnic_militias import ETHNIC_MILITIA_NAME, load_ethnic_militias

CLAN_MILITIA_NAME = "{name} Clan Militia ({country})"
# words one side may have, its determiner and a party noun included ("the Kerou youth groups")
SIDE_MAX_WORDS = 4
_WORD = re.compile(r"[^\W_][\w'’-]*")
_CLAUSE_END = re.compile(r"[.;:!?()\[\]]")
_DETERMINERS = frozenset({"the", "le", "la", "les", "l'", "des", "rival", "rivales", "rivaux"})


def clash_sides(
    text: str,
    trigger: Span,
    sentence: Span,
    agent: Span | None,
    *,
    lang: str,
    country: str | None,
    when: date | None,
) -> tuple[Actor | None, Actor | None]:
    """Return (first side, second side) of the fight a sentence tells: the sides after an
    opener ("clashes between X and Y", "fighting broke out between X and Y"), else the
    coordinated subject of its word `trigger` ("X and Y clashed"); (None, None) when neither
    names two sides."""
    words = load_word_lists(lang)
    if country is None or not words.get("party_openers"):
        return None, None
    opener = re.compile(rf"(?i)\b(?:{'|'.join(map(re.escape, words.get('party_openers')))})\b")
    found = opener.search(text, sentence.start, sentence.end)
    if found is not None:
        one, two = _sides(text, found.end(), sentence.end, lang=lang, country=country, when=when)
        if one is not None:
            return one, two
    if agent is not None and agent.end <= trigger.start:
        return _sides(text, agent.start, agent.end, lang=lang, country=country, when=when)
    return None, None


def _sides(
    text: str, start: int, end: int, *, lang: str, country: str, when: date | None
) -> tuple[Actor | None, Actor | None]:
    """Return the two sides written "X and Y" from `start`, up to a clause end or `end`."""
    stop = _CLAUSE_END.search(text, start, end)
    words = list(_WORD.finditer(text, start, stop.start() if stop else end))
    lists = load_word_lists(lang)
    joiners = {fold(w) for w in lists.get("party_joiners")}
    enders = {fold(w) for w in lists.get("party_enders")}
    joiner = next((i for i, w in enumerate(words[: SIDE_MAX_WORDS + 1]) if fold(w.group()) in joiners), None)
    if not joiner:
        return None, None
    first = words[:joiner]
    second: list[re.Match[str]] = []
    for w in words[joiner + 1 : joiner + 1 + SIDE_MAX_WORDS]:
        if fold(w.group()) in enders or fold(w.group()) in joiners:
            break
        second.append(w)
    noun_at = next((i for i, w in enumerate(second) if _party_noun(w) is not None), None)
    if noun_at is not None:
        second = second[: noun_at + 1]  # "the Tiv and Jukun communities": the noun names both
    noun = _party_noun(second[-1]) if second else None
    one = _side(text, first, noun, lang=lang, country=country, when=when)
    # the second side ends where no longer name reads ("entre Peuls et Tiv ont fait…")
    two = next(
        (
            found
            for n in range(len(second), 0, -1)
            if (found := _side(text, second[:n], noun, lang=lang, country=country, when=when)) is not None
        ),
        None,
    )
    if one is None or (two is not None and one.name == two.name):
        return None, None
    # "a gunfight between gendarmes and smugglers": the named side acts, the other is
    # left to the target rules
    return one, two


def _party_noun(word: re.Match[str]) -> str | None:
    """Return a word folded when it is a party or clan noun ("communities", "clans")."""
    words = load_ethnic_militias()
    folded = fold(word.group())
    return folded if folded in words.party_nouns | words.clan_nouns else None


def _side(
    text: str, side: list[re.Match[str]], noun: str | None, *, lang: str, country: str, when: date | None
) -> Actor | None:
    """Return the actor one side names: an armed actor of the alias table, a people's ethnic
    militia, or a clan militia."""
    side = [w for w in side if fold(w.group()) not in _DETERMINERS]
    if not side:
        return None
    span = Span(side[0].start(), side[-1].end(), text[side[0].start() : side[-1].end()])
    militias = load_ethnic_militias()
    bare = [w for w in side if fold(w.group()) not in militias.party_nouns | militias.clan_nouns]
    name = " ".join(w.group() for w in bare)
    people = militias.people_by_form.get(fold(name))
    if people is not None:
        return Actor(
            ETHNIC_MILITIA_NAME.format(people=people, country=country), country, "identity_militia", span, "clash"
        )
    if noun in militias.clan_nouns and len(bare) == 1 and bare[0].group()[:1].isupper():
        return Actor(CLAN_MILITIA_NAME.format(name=name, country=country), country, "identity_militia", span, "clash")
    actor = canonicalize_actor(span.text, lang=lang, country=country, when=when)
    if actor is None or actor.actor_type not in ARMED_TYPES:
        return None
    return Actor(actor.name, actor.country, actor.actor_type, span, actor.method)
