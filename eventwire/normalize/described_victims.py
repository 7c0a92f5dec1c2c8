"""Victims counted with another outcome's word that then die (issue 16): the count is a death toll.

A number can reach its death phrase only through a word of another outcome that describes the
victims: an adjective or a noun of the wounded or of the abducted ("Deux soldats blessés ont
succombé mardi", "two wounded soldiers later succumbed", "deux des otages ont été tués", "two
hostages were killed", "les trois otages enlevés ont été exécutés"). The casualty reader gives
the number to the nearer word (injured 2, abducted 2) and leaves the death without a number
(ACLED's default of 3). A language regularity: a death phrase right after such a noun phrase, in
the same clause and with no number of its own, has the noun phrase's number as its subject, so
the number counts deaths; the other outcome's figure is dropped (the wounded who died are no
longer wounded; ACLED counts deaths only).

Joined by a comma, a disjunction or a coordinator with words of its own ("12 blessés et des
morts", "two hostages, one of whom was killed") the two outcomes count different people, and the
reading stays as it is; a coordinator alone joins two participles of the same people ("five
people were kidnapped and killed": 5).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import Any

from eventwire.lang.fold import fold
from eventwire.lang.numbers import load_number_lexicon

KILLED = "killed"
# the outcomes whose words describe victims who may die after: the wounded, the abducted
DESCRIBING = frozenset({"injured", "abducted"})
# at most this many words between the describing word and the death phrase ("soldiers later")
MAX_WORDS_BETWEEN = 3
_CLAUSE_BREAK = re.compile(r"[.;:!?,()«»\"]")
_WORD = re.compile(r"[\w'’-]+")


def dead_described(figures: list, text: str, lang: str) -> list:
    """Return the figures of one sentence (casualties._Figure, offsets into `text`) with each
    death told without a number right after a numbered figure of the wounded or the abducted
    counted by that number, the other figure dropped (module docstring)."""
    lexicon = load_number_lexicon(lang)
    words_of, number_re = lexicon.words, lexicon.number_re
    coordinators = {w.lower() for w in words_of["coordinators"]}
    joiners = coordinators | {w.lower() for w in words_of["disjunctions"]}
    ordered = sorted(figures, key=lambda f: f.start)
    dropped: set[int] = set()
    merged: dict[int, Any] = {}
    for a, b in pairwise(ordered):
        if not (a.outcome in DESCRIBING and a.low is not None and b.outcome == KILLED and b.low is None):
            continue
        if not number_re.match(fold(text[a.start : a.end]).lower()):
            continue  # "gunmen abducting a trader shot him dead": the verb's object, no count of the dead
        between = text[a.end : b.start]
        words = [w.lower() for w in _WORD.findall(between)]
        if b.start < a.end or _CLAUSE_BREAK.search(between) or len(words) > MAX_WORDS_BETWEEN:
            continue
        if joiners.intersection(words) and not (words and words[0] in coordinators and len(words) == 1):
            continue  # "12 blessés et des morts": two outcomes of different people
        if any(w.isdigit() for w in words):
            continue
        dropped.add(id(a))
        merged[id(b)] = replace(b, low=a.low, high=a.high, start=a.start)
    if not merged:
        return figures
    return [merged.get(id(f), f) for f in figures if id(f) not in dropped]
