"""An incident named as the cause of one the article has already told is background.

"The protest was sparked by the killing of a trader the day before", "This raid came in
retaliation for an attack on Monday", "Les affrontements ont été provoqués par le meurtre d'un
berger": the phrase (data/cause_links.yaml) says why the incident told before happened; the
incident it names is context (CODING_RULES.md, "Context mentions"), never an event of its own,
even with a day or a place of its own. A language regularity of both languages; only a mention
whose trigger follows the phrase in the same clause, after another incident was told, is
concerned (a first sentence has nothing to explain).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from eventwire.datafiles import data_path, read_language_lists
from eventwire.errors import DataFileError
from eventwire.models import EVENT_MODALITIES, Mention, Modality
from eventwire.resolve.compatibility import compatible

# How far before its trigger the phrase may stand, inside one clause (no comma, colon or
# semicolon between: "sparked by the death of a guard whom thieves had stabbed", but not
# "In retaliation for the raid, troops shelled the village", whose shelling is reported).
MAX_CHARS_BETWEEN = 120


@lru_cache(maxsize=1)
def _cause_link() -> re.Pattern[str]:
    """Return the pattern of a cause-link phrase ending a few words before a trigger."""
    path = data_path("cause_links.yaml")
    phrases = [p for words in read_language_lists(path, what="phrases").values() for p in words]
    if not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise DataFileError(f"{path}: every phrase must be a non-empty string")
    alternation = "|".join(re.escape(p.strip()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\s[^,;:]{{0,{MAX_CHARS_BETWEEN}}}$", re.IGNORECASE)


def _named_as_cause(m: Mention) -> bool:
    """Return whether a mention's trigger follows a cause-link phrase in its sentence."""
    start = m.trigger.span.start - m.sentence.start
    if not 0 < start <= len(m.sentence.text):
        return False
    return bool(_cause_link().search(m.sentence.text[max(0, start - MAX_CHARS_BETWEEN - 30) : start]))


@lru_cache(maxsize=1)
def _cause_phrase() -> re.Pattern[str]:
    return re.compile(_cause_link().pattern.split(r"\s[^")[0] + r"\s", re.IGNORECASE)


def _without_the_cause(m: Mention, told_before: bool) -> Mention:
    """Return an anaphor, or a mention told after another incident, that a cause-link phrase
    follows ("The march was sparked by the killing of a trader in Kolo on Monday", "Ce raid a été
    mené en représailles à l'attaque de Kolo le 5 mars") without the place and day its sentence
    gives after the phrase: they are the cause's, not those of the incident it tells."""
    if not (m.anaphoric or told_before):
        return m
    end = m.trigger.span.end - m.sentence.start
    link = _cause_phrase().search(m.sentence.text, max(0, end))
    if link is None:
        return m
    cut = m.sentence.start + link.start()
    if m.place is not None and m.place.span.start >= cut:
        m = replace(m, place=None)
    if m.date is not None and m.date.span is not None and m.date.span.start >= cut:
        m = replace(m, date=None)
    return m


def causes_as_background(mentions: list[Mention]) -> list[Mention]:
    """Return the mentions with each incident named as the cause of one told before it turned into
    a context mention, and each anaphor explained by a cause without the cause's place and day."""
    first = min((m.sentence.start for m in mentions if m.modality in EVENT_MODALITIES), default=0)
    mentions = [
        _without_the_cause(m, m.sentence.start > first) if m.modality in EVENT_MODALITIES else m for m in mentions
    ]
    events = [m for m in mentions if m.modality in EVENT_MODALITIES]
    out = []
    for m in mentions:
        if (
            m.modality in EVENT_MODALITIES
            and _named_as_cause(m)
            and any(x.trigger.span.start < m.trigger.span.start and not _named_as_cause(x) for x in events)
            and not any(x is not m and x.trigger.span.start < m.trigger.span.start and compatible(m, x) for x in events)
        ):
            # (one that fits an incident told before is how that incident came about: "the blast
            # was caused by a mine hidden in a chair" names the blast's weapon, not another incident)
            m = replace(m, modality=Modality.CONTEXT, claim_status="context")
        out.append(m)
    return out
