"""Sentences that add another incident to those already told.

A sentence opened by an additive connective ("Par ailleurs, des hommes armés ont incendié le
village de Kolo", "Meanwhile, troops shelled Tell Abyad") that reports an incident in its own
right (not an anaphor such as "the attack") tells a separate incident, even when the gazetteer
places it no more precisely than the incident told before it (ACLED: one event per location per
day). The connectives are in data/additive_openers.yaml.

A sentence opened by a sequel connective ("Quelques heures plus tard, …", "In response, …",
data/sequel_openers.yaml) tells what followed an incident: a separate incident when it is of
another violent event type (the resolver decides, resolve/in_document.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.datafiles import data_path, read_language_lists
from eventwire.errors import DataFileError
from eventwire.models import Mention


@lru_cache(maxsize=2)
def _openers(name: str = "additive_openers.yaml") -> re.Pattern[str]:
    path = data_path(name)
    data = read_language_lists(path, what="connectives")
    words: list[str] = []
    for lang, items in data.items():
        for i, w in enumerate(items, 1):
            if not isinstance(w, str) or not w.strip():
                raise DataFileError(f"{path}: {lang} item {i} must be a non-empty string")
            words.append(w.strip().lower())
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^\W*(?:{alternation})\b\s*,?", re.IGNORECASE)


def opens_addition(m: Mention) -> bool:
    """Return whether a mention's sentence opens with an additive connective and the mention is
    not an anaphor of an incident told before."""
    return not m.anaphoric and bool(_openers().match(m.sentence.text))


def opens_sequel(m: Mention) -> bool:
    """Return whether a mention's sentence opens with a sequel connective ("Hours later, …",
    "En riposte, …") and the mention is not an anaphor of an incident told before."""
    return not m.anaphoric and bool(_openers("sequel_openers.yaml").match(m.sentence.text))


def tells_another_incident(sentence: str) -> bool:
    """Return whether a sentence opens with an additive or a sequel connective ("Par ailleurs, …",
    "Hours later, …"): what it tells was added to, or followed, an incident told before it."""
    return bool(_openers().match(sentence) or _openers("sequel_openers.yaml").match(sentence))
