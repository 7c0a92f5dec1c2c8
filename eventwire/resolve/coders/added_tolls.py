"""Later tolls of an incident told as deaths added to the toll told first (issue 16).

Across sentences, the tolls of one incident are alternative reports and the most conservative
counts (ACLED). A later toll marked as more deaths is no such report: "Des hommes armés ont tué
deux soldats près de Kolo. Quatre autres soldats ont été tués dans l'attaque." → 6; "Jihadists
attacked an army post, killing seven soldiers. Five civilians were also killed." → 12. ACLED
counts every death of the event, so it adds up. The marker words are data/added_deaths.yaml's,
read in the later toll's clause up to its death figure, or as the word right after it ("un
assaillant a également été tué", "killing four other soldiers", "another three bodies were
found"); "more than 12" is a qualifier, no marker, and "other sources" give another report. A
death told in the singular adds one ("un civil a aussi péri"). A marker beside a figure of the
wounded ("trois autres blessés") adds no death. Invented examples.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.lang.fold import fold
from eventwire.lang.numbers import load_number_lexicon
from eventwire.models import Mention, Span
from eventwire.normalize.tolls import added_deaths

LANGS = ("fr", "en")
KILLED = "killed"
_WORD = re.compile(r"[\w'’-]+")
_CLAUSE_BREAK = re.compile(r"[,;:()]")
# "more than 12", "plus de 12": a qualifier of the number, not more deaths; "selon d'autres
# sources", "another source said": another report of the toll
_NOT_MARKER_AFTER = re.compile(r"^\s+(?:than|de|d'|sources?)\b")


def added_later(told: Mention, numbered: Sequence[Mention], taken: Sequence[Mention]) -> list[Mention]:
    """Return the numbered mentions told after `told`, in other sentences, whose death figure
    is marked as added deaths (module docstring), one per sentence and none of `taken` (tolls
    already added to it as another side or as deaths among its wounded)."""
    seen = {told.sentence.start} | {m.sentence.start for m in taken}
    out = []
    for m in sorted(numbered, key=lambda m: m.sentence.start):
        if m.sentence.start <= told.sentence.start or m.sentence.start in seen:
            continue
        if m.casualties is None or m.casualties.fatalities <= 0:
            continue
        if any(_marked(m.sentence, span) for span in m.casualties.spans if _tells_deaths(span.text)):
            seen.add(m.sentence.start)
            out.append(m)
    return out


def _tells_deaths(text: str) -> bool:
    """Return whether a figure's words hold a death phrase of either language's number
    lexicon (data/numbers/<lang>.yaml), not only another outcome's ("trois autres blessés")."""
    folded = fold(text).lower()
    for lang in LANGS:
        lexicon = load_number_lexicon(lang)
        for k in lexicon.casualty_re.finditer(folded):
            if lexicon.casualty_phrases.get(" ".join(k.group().split()), ("",))[0] == KILLED:
                return True
    return False


def _marked(sentence: Span, span: Span) -> bool:
    """Return whether a marker word stands in a figure's clause up to its words' end, or as the
    word right after them ("un assaillant a également été tué", "killing four other soldiers"),
    not "more than" nor "other sources" ("selon d'autres sources, 12 morts")."""
    start, end = span.start - sentence.start, span.end - sentence.start
    text = sentence.text.lower().replace("’", "'")
    clause = _CLAUSE_BREAK.split(text[:start])[-1]
    after = _WORD.findall(text[end : end + 40])[:1]
    words = " ".join([clause, text[start:end], *after])
    for lang in LANGS:
        for m in added_deaths(lang).finditer(words):
            if not _NOT_MARKER_AFTER.match(words[m.end() :]):
                return True
    return False
