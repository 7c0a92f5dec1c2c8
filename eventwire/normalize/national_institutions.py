"""National institutions named after their country as evidence of where a story is.

"A Kerouvia Forest Service ranger was shot by settlers" names no location, yet a reader knows the
story is in Kerouvia: a forest service, a ports authority or a revenue agency written with its
country's name serves at home (a language regularity of English names of public bodies: the
country first, then the body, data/national_institution_words.yaml). The entity recognizer takes
the whole name for an organisation, so the country inside it is no place mention; this module
reads it back as evidence like a domestic actor's (normalize.doc_country.other_evidence), which
decides only when no place names a country. An actor the table knows ("Kerouvia Defence Forces")
is counted as an actor instead (its span is `taken`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from eventwire.extract.lexicon import fold
from eventwire.gazetteer import Gazetteer
from eventwire.geoparse.vocab import words_set
from eventwire.normalize.span_cover import SpanCover

WORDS_FILE = "national_institution_words.yaml"
W_NATIONAL_INSTITUTION = 0.5  # as a domestic actor: below a place, above a word of daily life
_MAX_BETWEEN = 2  # "Kerouvia [Forest] Service", "Kerouvia [National Highways] Authority"
# a run of capitalized words ("Kenya Forest Service"; "of"/"and" inside: "Kerouvia Bureau of Statistics")
_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|&)(?=\s|$|[^\w]))*")


@cache
def _institution_words() -> frozenset[str]:
    return frozenset(fold(w) for w in words_set(WORDS_FILE))


def national_institution_evidence(text: str, *, gazetteer: Gazetteer, taken: Iterable[tuple[int, int]] = ()) -> Counter:
    """Return W_NATIONAL_INSTITUTION per country whose name opens the name of a national
    institution in the text ("Kerouvia Ports Authority"), once per country, outside `taken`."""
    covered = SpanCover(taken)
    counts: Counter = Counter()
    words = _institution_words()
    for m in _RUN.finditer(text):
        if m.start() in covered:
            continue
        run = m.group().split()
        for n in (2, 1):  # "South Sudan Wildlife Service", "Kenya Power"
            if len(run) <= n:
                continue
            iso = _country(" ".join(run[:n]), gazetteer)
            rest = [fold(w) for w in run[n : n + _MAX_BETWEEN + 1]]
            if iso is not None and any(w in words for w in rest):
                name = gazetteer.country_name(iso)
                if name and (name, iso) not in counts:
                    counts[(name, iso)] = W_NATIONAL_INSTITUTION  # type: ignore[assignment]
                break
    return counts


def _country(name: str, gazetteer: Gazetteer) -> str | None:
    found = [c for c in gazetteer.candidates(name) if c.feature == "country" and c.primary]
    return found[0].iso if found else None
