"""Death tolls counted over weeks, months or years: tallies, not an event's toll (issue 16).

"Des hommes armés ont attaqué Kerou lundi. Quelque 80 civils ont péri dans le cercle en cinq
mois.", "Supporters gathered to honour 60 people killed in over four months of unrest.":
a toll told over a span of weeks, months or years (data/tally_spans.yaml) in its own clause sums
many incidents (CODING_RULES.md: aggregate statistics). ACLED codes no event's fatalities from
it, so the figure is dropped from the sentence's reading, whatever incident the sentence tells.
The span is read in the toll's clause, after it ("… killed in four months") or before it ("En
cinq mois, quelque 80 civils ont péri"). A span that measures a record ("the deadliest
attack in two years": data/record_words.yaml) leaves the toll to the event.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.datafiles import data_path, read_language_lists
from eventwire.errors import DataFileError
from eventwire.lang.fold import fold, fold_text
from eventwire.lang.numbers import load_number_lexicon

KILLED = "killed"
# how far from a figure its clause is read for a span, in characters
WINDOW = 120
# what ends a clause before or after the toll: a sentence end, a comma after the toll, a semicolon,
# a colon, a bracket or a quote
_SENTENCE_BREAK = re.compile(r"[.!?;:()«»\"](?:\s|$)|[;:()«»\"]")
_COMMA = re.compile(r",")
# a short aside between commas right after a toll: ", many of them boys,"
_ASIDE = re.compile(r"^\s*,[^,]{1,40},")
# a year in a span ("since 2015"): "Y" in data/tally_spans.yaml
_YEAR = r"(?:19|20)\d\d"


@lru_cache(maxsize=8)
def _span_pattern(lang: str) -> re.Pattern[str]:
    """Return the pattern, on folded text, of data/tally_spans.yaml's spans for `lang`, "N"
    standing for a number with or without qualifiers (data/numbers/<lang>.yaml)."""
    path = data_path("tally_spans.yaml")
    lexicon = load_number_lexicon(lang)
    qualifiers = "|".join(re.escape(fold(q)) for q in sorted(lexicon.qualifiers, key=len, reverse=True))
    number = rf"(?:(?:{qualifiers or '(?!)'})\s+)*(?:{lexicon.number_re.pattern})"
    spans = []
    for i, phrase in enumerate(read_language_lists(path, what="phrases").get(lang) or [], 1):
        words = phrase.split() if isinstance(phrase, str) else []
        if not words or words.count("N") + words.count("Y") > 1:
            raise DataFileError(f"{path}: {lang} item {i} must be a phrase with at most one N or Y")
        spans.append(r"\s+".join({"N": number, "Y": _YEAR}.get(w) or re.escape(fold(w)) for w in words))
    return re.compile(rf"(?<!\w)(?:{'|'.join(spans) or '(?!)'})(?!\w)")


@lru_cache(maxsize=8)
def _record_pattern(lang: str) -> re.Pattern[str]:
    """Return the pattern, on folded text, of data/record_words.yaml's words for `lang`."""
    path = data_path("record_words.yaml")
    words = read_language_lists(path, what="words").get(lang) or []
    if not all(isinstance(w, str) and w.strip() for w in words):
        raise DataFileError(f"{path}: {lang} items must be non-empty strings")
    alternation = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation or '(?!)'})(?!\w)")


# A death toll this high with no day of its own is a whole conflict's tally ("the violence has
# killed more than 10,000 people since 2015"): such a figure is kept here so that the in-document
# resolver sees it and makes its whole sentence background (resolve.in_document), not only its toll.
CONFLICT_TALLY_MIN = 1000


def without_tallies(figures: list, text: str, lang: str) -> list:
    """Return the figures of one sentence (offsets into the whole `text`) less the deaths counted
    over a span of weeks, months or years (see the module docstring), a conflict's tally in the
    thousands excepted (CONFLICT_TALLY_MIN)."""
    return [
        f
        for f in figures
        if f.outcome != KILLED
        or (f.low is not None and f.low >= CONFLICT_TALLY_MIN)
        or not told_over_span(text, f.start, f.end, lang)
    ]


def told_over_span(text: str, start: int, end: int, lang: str) -> bool:
    """Return whether the toll at text[start:end] is told over a span of weeks, months or years in
    its clause, not one a record's ("the deadliest in two years")."""
    after = fold_text(_SENTENCE_BREAK.split(text[end : end + WINDOW])[0])[0]
    # an aside set off by commas right after the toll describes it, the clause goes on after it
    # ("25 herders slain, many of them boys, over six weeks")
    after = _COMMA.split(_ASIDE.sub("", after, count=1))[0]
    before = fold_text(_SENTENCE_BREAK.split(text[max(0, start - WINDOW) : start])[-1])[0]
    for part, span in ((after, _span_pattern(lang).search(after)), (before, _span_pattern(lang).search(before))):
        if span is not None and not _record_pattern(lang).search(part):
            return True
    return False
