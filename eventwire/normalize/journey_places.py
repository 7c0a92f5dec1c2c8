"""The start of a journey an incident struck on the way ("a bus travelling from Kerou to Tamba
was ambushed"): where ACLED codes an incident the report places only by the journey.

ACLED codes an event on a road between two places, when the report says no more, to the place
the journey set out from, at geo_precision 2 (near it): its notes write "a vehicle travelling
from Kerou to Tamba was attacked" and code Kerou. The journey's end is where the travellers were
going, not where they were struck (invented examples; the cue words are data/words/<lang>.yaml's
`journey_cues`, a language regularity: "travelling from X to Y", "qui allait de X à Y").

Only when the sentence names no other place for the incident and no earlier sentence of the
article named one: a later sentence's journey ("the passengers were travelling from Kerou to
Tamba when…") retells an incident the article placed already.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from eventwire.lang.words import load_word_lists
from eventwire.models import COUNTRY_OR_DIVISION_FEATURES, PlaceMention, Span

# What joins the journey's start to its end ("from Kerou to Tamba", "de Kerou à destination de Tamba").
_TO = {
    "en": r"(?:\s+(?:town|village))?\s+(?:towards|to|for)\s+(?:the\s+)?",
    "fr": r"\s+(?:(?:à\s+destination|en\s+direction)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])|à|a|vers|pour)\s*",
}
_FROM = {"en": r"\s+from\s+(?:the\s+)?$", "fr": r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*$"}


@lru_cache(maxsize=4)
def _cue(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of a journey cue and its "from" ending right before a place."""
    cues = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in load_word_lists(lang).get("journey_cues")), key=len)
    if not cues or lang not in _FROM:
        return None
    return re.compile(rf"\b(?i:{'|'.join(reversed(cues))}){_FROM[lang]}")


def journey_start(
    text: str,
    sentence: Span,
    places: tuple[PlaceMention, ...],
    candidates: list[PlaceMention],
    *,
    lang: str,
    main_iso: str | None,
    placed_before: bool,
) -> PlaceMention | None:
    """Return the start of the journey a sentence's incident struck, coded near it (module
    docstring), or None. `places` are all the article's place mentions (the start is one the
    article does not count as a location: `doc_context.non_location_mentions`); `candidates`
    the sentence's usable ones; `placed_before` whether an earlier sentence named a place."""
    cue = _cue(lang)
    if cue is None or placed_before:
        return None
    for start in places:
        pl = start.place
        if (
            not (sentence.start <= start.span.start < sentence.end)
            or pl is None
            or pl.feature in COUNTRY_OR_DIVISION_FEATURES
            or (main_iso is not None and pl.iso != main_iso)
            or not cue.search(text, max(sentence.start, start.span.start - 40), start.span.start)
        ):
            continue
        to = re.compile(_TO[lang]).match(text, start.span.end)
        end = [c for c in candidates if to is not None and c.span.start == to.end()]
        others = [c for c in candidates if c not in end and c.span.start != start.span.start]
        if not end or any(c.place is None or c.place.feature not in COUNTRY_OR_DIVISION_FEATURES for c in others):
            continue  # no journey's end, or another place for the incident ("ambushed near Merelo")
        return replace(
            start,
            place=replace(pl, geo_precision=2, where_prec=2),
            relation="near",
            method="journey_start",
            reason=f"struck on a journey from {start.span.text} to {end[0].span.text}: coded near its start",
        )
    return None
