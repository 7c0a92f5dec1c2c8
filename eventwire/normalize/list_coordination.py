"""Whether the text between two place names coordinates them as items of one list.

Used by normalize.incident_place (rule 2, a sentence that lists places) and resolve.gapped_days.
A comma or a coordinator joins two listed places, and may repeat the locative word or a place
noun ("à Kolo et à Bera", "in Kolo and in the town of Bera"); a gapped item leaves out the
repeated noun or toll ("l'une à Kolo et l'autre à Bera", "douze morts à Kolo et huit à Bera").
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.extract.lexicon import fold
from eventwire.lang.numbers import load_number_lexicon
from eventwire.lang.words import load_word_lists

# A place noun between a repeated locative word and the next listed name ("à Kolo et dans la
# localité voisine de Bera", "in Kolo and in the nearby village of Bera").
_PLACE_NOUN_OF = (
    r"(?:(?:the\s+)?(?:(?:nearby|neighbou?ring)\s+)?(?:towns?|villages?|city|locality)\s+of\s+"
    r"|(?:la|le|les)\s+(?:villes?|localités?|villages?|communes?)\s+(?:voisine?s?\s+)?(?:de\s+|d['’]))"
)
# Between two listed places: a comma or a coordinator, which may repeat the locative word ("à Kolo
# et à Bera", "in Kolo and in Bera", "à Kolo ainsi qu'à Bera", "les villages de Kolo et de Bera")
# or call the next place nearby ("in Kolo and nearby Bera"): ACLED, one event per location.
COORDINATION = re.compile(
    r"^\s*(?:(,|;|et|and|ou|or|ainsi que|as well as)?\s*(,)?\s*(et|and)?"
    r"|,?\s*(?:et|and|ou|or|ainsi qu['’]|ainsi que|as well as)\s*"
    r"(?:(?:à|au|aux|dans|de|in|at)\s+(?:" + _PLACE_NOUN_OF + r"|the\s+)?|d['’])"
    r"|,?\s*and\s+(?:nearby|neighbou?ring)\s+)\s*$",
    re.IGNORECASE,
)
# Between two places of a list whose second item repeats its locative word after a few words
# standing for the repeated noun or toll ("l'une à Kolo et l'autre à Bera", "douze morts à Kolo et
# huit à Bera", "a post near Kolo and another in the town of Bera"): a language regularity
# (gapping); which words may stand there is checked by `_gap_words`. A comma may stand for the
# coordinator, the gap words then marking the item ("l'une à Kolo, l'autre à Bera", "the first in
# Kolo, the second in Bera", "five in Kolo, four in Bera").
GAPPED_COORDINATION = re.compile(
    r"^\s*(?:,?\s*(?:et|and)|,)\s+(?P<gap>(?:[\w'’-]+\s*){1,4}?)\s*"
    r"(?:(?:à|au|aux|dans|près\s+de|in|at|near)\s+|près\s+d['’])(?:" + _PLACE_NOUN_OF + r"|the\s+)?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _gap_vocabulary() -> frozenset[str]:
    """Return the words (folded) that may stand in a gapped list item, in either language: the
    word lists' `list_gap_words` and the number words ("huit", "eight")."""
    words = {fold(w) for lang in ("fr", "en") for w in load_word_lists(lang).get("list_gap_words")}
    words |= {fold(w) for lang in ("fr", "en") for w in load_number_lexicon(lang).units}
    return frozenset(words)


def _gap_words(gap: str) -> bool:
    """Return whether the words between a coordinator and a repeated locative stand for the
    list's repeated noun or toll: gap words or numbers only ("l'autre", "eight", "deux autres");
    never a verb ("and died in") nor a noun ("and another post in": a noun may name a second
    site at one place)."""
    words = [fold(w) for w in re.split(r"[\s'’-]+", gap) if w]
    return bool(words) and all(w in _gap_vocabulary() or w.isdigit() for w in words)


def is_gapped_item(gap: str) -> bool:
    """Return whether the words between a coordinator and the locative word of a next item stand
    for the item's left-out noun or toll ("and three others in Bera", "et l'autre à Bera"): a
    language regularity, gapping (see `_gap_words`)."""
    return _gap_words(gap)


def coordinated(between: str) -> bool:
    """Return whether the text between two places coordinates them as items of one list."""
    if COORDINATION.match(between):
        return True
    gapped = GAPPED_COORDINATION.match(between)
    return gapped is not None and _gap_words(gapped.group("gap"))
