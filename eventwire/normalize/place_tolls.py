"""The toll of one place when a sentence gives each place its own (ACLED: one event per place,
a toll split only as the text attributes it).

"Nine guards were killed in Kolo and a herder was killed in the raid on Bama": the Kolo incident
counts 9, the Bama one 1, not the sentence's whole toll each. A sentence is cut into clauses at
its coordinators ("and", "et": `coordinators` of data/numbers/<lang>.yaml) and semicolons; when
two or more clauses report deaths and every other such clause names a place of its own, the
place's clause gives its toll. Otherwise a toll told for several places together is split
evenly (`share_toll`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from eventwire.lang.fold import fold
from eventwire.lang.numbers import load_number_lexicon, number_value
from eventwire.models import Casualties, PlaceMention, Span
from eventwire.normalize.casualties import count_casualties

_DEATH_METHODS = ("figures", "singular_death", "unnumbered_deaths_default")


@lru_cache(maxsize=8)
def _clause_break(lang: str) -> re.Pattern[str]:
    words: list[str] = list(load_number_lexicon(lang).words.get("coordinators") or [])
    alternation = "|".join(re.escape(w) for w in words if w.strip() and w.strip() != ",")
    return re.compile(rf";\s*|,?\s+(?:{alternation or '(?!)'})\s+")


def _clauses(text: str, sentence: Span, lang: str) -> list[Span]:
    """Return the clauses of a sentence as spans of the document text."""
    out, start = [], sentence.start
    for m in _clause_break(lang).finditer(text, sentence.start, sentence.end):
        out.append(Span(start, m.start(), text[start : m.start()]))
        start = m.end()
    out.append(Span(start, sentence.end, text[start : sentence.end]))
    return out


def place_toll(
    text: str,
    lang: str,
    sentence: Span,
    place: PlaceMention | None,
    places: tuple[PlaceMention, ...],
) -> Casualties | None:
    """Return the toll a sentence gives `place` alone, or None when it gives none of its own."""
    if place is None or place.place is None:
        return None
    if (right_before := _number_before(text, sentence, place, lang)) is not None:
        return right_before
    deaths: list[tuple[Span, Casualties]] = []
    for clause in _clauses(text, sentence, lang):
        c = count_casualties(text, lang=lang, spans=[clause])
        if c.method in _DEATH_METHODS and c.fatalities:
            deaths.append((clause, c))
        elif deaths and deaths[-1][0].end <= clause.start and (gapped := _gapped_toll(clause, lang)) is not None:
            deaths.append((clause, gapped))
    if len(deaths) < 2:
        return None

    def inside(p: PlaceMention, clause: Span) -> bool:
        return clause.start <= p.span.start and p.span.end <= clause.end

    own = [c for clause, c in deaths if inside(place, clause)]
    others = [clause for clause, _ in deaths if not inside(place, clause)]
    named_elsewhere = all(any(inside(p, clause) and p.name != place.name for p in places) for clause in others)
    return own[0] if len(own) == 1 and named_elsewhere else None


def _gapped_toll(clause: Span, lang: str) -> Casualties | None:
    """Return the toll of a clause that gives a number and a place but leaves out the death word
    of the clause before it ("douze morts à Kolo et huit à Bera", "twelve were killed in Kolo and
    eight in Bera": a language regularity, gapping), or None."""
    lexicon = load_number_lexicon(lang)
    folded = fold(clause.text.strip())
    m = lexicon.number_re.match(folded)
    if m is None or not _GAPPED_REST.match(folded[m.end() :]):
        return None
    value = number_value(m.group(0), lexicon)
    if not value:
        return None
    return Casualties(
        fatalities=value,
        method="figures",
        reason="a number with its place after a toll clause: the same death word, left out",
    )


# A spelled-out "one" before a listed place picks out one of the items ("une à Kolo et une autre
# à Bera", "one in Kolo, another in Bera"), not a count of the dead.
_ONE_WORDS = frozenset({"one", "un", "une"})


# The locative words before a listed place, and before a site's noun phrase that the place then
# follows ("12 in a school in Gaza City", "douze dans une école de Kolo"): at most this many words.
_LOCATIVE = r"(?:a|au|aux|dans|pres de|in|at|near)(?:\s+the)?"
_SITE_WORDS = 3
_SITE_OF = r"(?:in|of|at|near|de|d'|du|des|a|au|pres de)(?:\s+the)?"


@lru_cache(maxsize=8)
def _number_right_before(lang: str) -> re.Pattern[str]:
    lexicon = load_number_lexicon(lang)
    number = lexicon.number_re.pattern
    # a list's item opens after a comma, a coordinator or a subset opener ("including 12 in ...")
    openers = sorted((*lexicon.words["subset_openers"], "and", "et"), key=len, reverse=True)
    opener = "|".join(re.escape(fold(w)) for w in openers)
    # the site's words hold no coordinator: "five in Kolo and four in Bera" gives Bera four
    site = rf"(?:\s+(?:(?!(?:and|et)\b)[\w'-]+\s+){{1,{_SITE_WORDS}}}{_SITE_OF})?"
    return re.compile(
        rf"(?:^|[,;:]\s*|\b(?:{opener})\s+)(?P<n>{number})\s+(?:(?:others?|more|autres?)\s+)?"
        rf"{_LOCATIVE}{site}\s*$"
    )


def _number_before(text: str, sentence: Span, place: PlaceMention, lang: str) -> Casualties | None:
    """Return the toll a number right before a listed place's locative word gives it, after a
    comma, a coordinator or a subset opener ("neuf morts, cinq à Kolo et quatre à Bera", "nine
    killed, five in Kolo, four in Bera", "30 killed, including 12 in a school in Kolo": the
    place's own share, a language regularity, gapping), or None."""
    if not sentence.start <= place.span.start <= sentence.end:
        return None
    folded = fold(text[sentence.start : place.span.start])
    m = _number_right_before(lang).search(folded)
    if m is None or m.group("n").strip() in _ONE_WORDS:
        return None
    value = number_value(m.group("n"), load_number_lexicon(lang))
    if not value:
        return None
    return Casualties(
        fatalities=value,
        method="figures",
        reason="a number right before the place in a list of places: that place's own toll",
    )


# After the number of a gapped toll clause: an optional "others"/"autres", then the locative word.
_GAPPED_REST = re.compile(r"\s+(?:(?:others?|more|autres?)\s+)?(?:a|au|aux|dans|pres de|pres d'|in|at|near)\b")


def share_toll(casualties: Casualties | None, index: int, parts: int, *, unit: str = "places") -> Casualties | None:
    """Return the share of a toll reported for `parts` places (or days) together that falls to one."""
    if casualties is None or not casualties.fatalities or casualties.method != "figures":
        return casualties
    total = casualties.fatalities
    share = total // parts + (1 if index < total % parts else 0)
    return replace(
        casualties,
        fatalities=share,
        fatalities_low=None,
        fatalities_high=None,
        method="shared_toll",
        reason=f"{total} killed in {parts} {unit} together: split evenly (ACLED)",
    )
