"""Split a sentence's incident over a gapped clause that gives another place and another day.

ACLED codes one event per location per day. "Kolo a été attaqué samedi et Bera dimanche",
"gunmen attacked Kolo on Saturday and Bera on Sunday" report two incidents: the second clause
repeats the verb of the first by gapping (a language regularity), leaving only a place name and
a day, so the sentence yields one incident mention. `split_gapped_days` makes such a mention
one per clause: a clause that ends the sentence's day expression's clause with a coordinator, a
capitalised name that is a place of the article's country, and a day expression of its own
(another day than the mention's), closing the clause.

The toll the sentence gives for both is split evenly (as for listed places or days); the
ordinal keeps the resolver from merging them back (normalize.mentions.normalize_mentions).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from eventwire.extract.lexicon import fold
from eventwire.models import EVENT_MODALITIES, Casualties, EventDate, Mention, Place, PlaceMention, Span
from eventwire.normalize.dates import TimeExpression
from eventwire.normalize.list_coordination import is_gapped_item
from eventwire.normalize.place_tolls import place_toll, share_toll
from eventwire.normalize.village_places import derived_place, load_not_places

# Between the first clause's day and the gapped clause's day: a few words of the first clause
# ("par des hommes armés"), a coordinator, the place name, and a preposition a day may take
# ("on", "le"). No comma inside the first clause's words: a comma may open another clause.
# The gapped clause may keep the toll or noun it repeats and the locative word before its place
# ("tué cinq civils à Kolo dimanche et trois autres à Bera lundi", "killed five in Kolo on Sunday
# and three others in Bera on Monday"); which words may stand there is `is_gapped_item`'s call.
GAPPED = re.compile(
    r"^(?P<rest>[^,.;:!?()]{0,60}?)\s*,?\s*\b(?:(?:and|et)(?:\s+(?:then|puis))?|then|puis)\s+"
    r"(?:(?P<gap>(?:[\w'’-]+\s+){0,3}?)(?:à|au|aux|dans|près\s+de|in|at|near)\s+)?"
    r"(?P<name>(?:(?:al|el)-)?[A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+)?)\s+(?:on\s+|le\s+)?$"
)
# What may follow the gapped clause's day: the clause ends ("…et Bera dimanche, selon…"), maybe
# after a locative phrase of the whole sentence ("…and Bera on Sunday in the hills east of Kolo")
# or the agent of a passive that both clauses share ("Kolo a été attaqué samedi et Bera dimanche
# par des hommes armés", "Kolo was attacked on Saturday and Bera on Sunday by gunmen who…").
CLAUSE_END = re.compile(
    r"^(?:\s+(?:in|au|dans|en)\s[^,.;:!?()]{1,50}?)?"
    r"(?:\s+(?:by|par)\s[^,.;:!?()]{1,80}?)?\s*(?:[,.;:!?)]|$)"
)
MAX_REST_WORDS = 6
REASON = "the day of a gapped clause naming another place (ACLED: one event per location per day)"


def split_gapped_days(
    mentions: list[Mention],
    text: str,
    places: tuple[PlaceMention, ...],
    times: tuple[TimeExpression, ...],
    *,
    resolve: Callable[[str], Place | None] | None = None,
    lang: str | None = None,
) -> list[Mention]:
    """Return the mentions with each one whose sentence goes on with a gapped clause at another
    place on another day made one mention per clause (see the module docstring); with `lang`,
    a toll each clause gives its own place stays that place's."""
    out: list[Mention] = []
    for m in mentions:
        found = _gapped_clause(m, text, places, times, resolve) if _splittable(m) else None
        if found is None:
            out.append(m)
            continue
        place, day = found
        both = (*places, place)
        out.append(replace(m, ordinal=1, casualties=_clause_toll(m, m.place, 0, text, both, lang)))
        out.append(
            replace(
                m,
                place=place,
                date=EventDate(day.value, day.time_precision, day.span, "time_expression", reason=REASON),
                ordinal=2,
                count=1,
                plural=False,
                casualties=_clause_toll(m, place, 1, text, both, lang),
            )
        )
    return out


def _clause_toll(
    m: Mention,
    place: PlaceMention | None,
    index: int,
    text: str,
    places: tuple[PlaceMention, ...],
    lang: str | None,
) -> Casualties | None:
    """Return the toll of one of the two clauses: the one its own words give its place ("cinq
    à Kolo … et trois autres à Bera"), else its even share of the sentence's toll."""
    own = place_toll(text, lang, m.sentence, place, places) if lang is not None else None
    return own or share_toll(m.casualties, index, 2)


def _splittable(m: Mention) -> bool:
    return (
        m.modality in EVENT_MODALITIES
        and m.ordinal is None
        and not m.anaphoric
        and m.date is not None
        and m.date.span is not None
        and m.date.time_precision == 1
        and m.sentence.start <= m.date.span.start < m.sentence.end
    )


def _gapped_clause(
    m: Mention,
    text: str,
    places: tuple[PlaceMention, ...],
    times: tuple[TimeExpression, ...],
    resolve: Callable[[str], Place | None] | None,
) -> tuple[PlaceMention, TimeExpression] | None:
    """Return the place and day of the gapped clause after a mention's day, or None."""
    assert m.date is not None and m.date.span is not None  # _splittable
    sentence = m.sentence
    days = [t for t in times if sentence.start <= t.span.start and t.span.end <= sentence.end]
    at = next((i for i, t in enumerate(days) if t.span.start == m.date.span.start), None)
    if at is None or at + 1 >= len(days):
        return None
    first, second = days[at], days[at + 1]
    gap = GAPPED.match(text[first.span.end : second.span.start])
    if (
        gap is None
        or (bool(gap.group("gap")) and not is_gapped_item(gap.group("gap")))
        or second.time_precision != 1
        or second.value == first.value
        or len(gap.group("rest").split()) > MAX_REST_WORDS
        or not CLAUSE_END.match(text[second.span.end : sentence.end])
    ):
        return None
    start = first.span.end + gap.start("name")
    end = first.span.end + gap.end("name")
    own = m.place.place if m.place is not None else None
    place = _place_named(text, start, end, places, resolve, own)
    if place is None or place.place is None:
        return None
    if own is not None and (own.iso != place.place.iso or own.name == place.place.name):
        return None
    return place, second


def _place_named(
    text: str,
    start: int,
    end: int,
    places: tuple[PlaceMention, ...],
    resolve: Callable[[str], Place | None] | None,
    anchor: Place | None,
) -> PlaceMention | None:
    """Return the place mention of a name: the geoparse's, else the name looked up in the
    article's country, else a village the gazetteer lacks coded to the first clause's place
    (ACLED geo_precision 2, as for a listed unknown village)."""
    for p in places:
        if p.span.start <= start < p.span.end and p.place is not None:
            return p if p.place.feature not in ("country", "admin1", "region") else None
    name = text[start:end]
    place = resolve(name) if resolve is not None else None
    if place is None:
        if anchor is None or fold(name) in load_not_places():
            return None
        return derived_place(PlaceMention(Span(start, end, name), name, None, "gapped"), anchor)
    return PlaceMention(
        span=Span(start, end, name),
        name=name,
        place=place,
        method="gapped",
        reason="named in a gapped clause with a day of its own; found in the article's country",
    )
