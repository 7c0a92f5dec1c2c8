"""The document's shared context for coding its incidents: the places it names (with the towns the
entity recognizer missed, site places and capitals added), its main country from every kind of
evidence, the area an unplaced incident falls back to (the anchor), the lead's date and the
place names that are not locations (a namesake of an actor, a weapon, a journey's origin).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from eventwire.gazetteer import Gazetteer, load_gazetteer
from eventwire.geoparse import candidate_place
from eventwire.lang.actor_table import load_actor_aliases
from eventwire.lang.fold import fold, fold_word
from eventwire.lang.words import load_word_lists
from eventwire.models import (
    Actor,
    Document,
    Place,
    PlaceMention,
)
from eventwire.nlp.doc_cache import doc_text
from eventwire.normalize.actors import (
    find_actor_mentions,
)
from eventwire.normalize.capital import capital_mentions
from eventwire.normalize.clause_roles import distance_from, role_places
from eventwire.normalize.dates import (
    TimeExpression,
    dates_a_statement,
    starts_a_period,
)
from eventwire.normalize.doc_country import (
    attributive_demonyms,
    elsewhere_countries,
    main_country,
    named_countries,
    other_evidence,
    people_homes,
    place_evidence,
    title_evidence,
)
from eventwire.normalize.ethnic_militias import load_ethnic_militias
from eventwire.normalize.incident_place import document_villages
from eventwire.normalize.missed_places import (
    division_places,
    institution_towns,
    lone_country_places,
    missed_place_mentions,
    misspelt_places,
    names_in_passing,
    site_places,
)
from eventwire.normalize.namesakes import namesakes_at_home
from eventwire.normalize.proper_names import proper_name_test
from eventwire.normalize.variant_places import variant_places
from eventwire.normalize.village_places import load_folded_words
from eventwire.normalize.written_within import places_in_named_divisions

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A date in the article's opening this close to publication dates its main incident (news leads
# report the latest incident; older dates there are background). Set by reading dev articles'
# leads: most report an incident 0-3 days old.
LEAD_DATE_MAX_DAYS = 7
LEAD_MAX_CHARS = 800


@dataclass(frozen=True)
class DocumentContext:
    """What every mention of one document shares."""

    document: Document
    places: tuple[PlaceMention, ...]
    times: tuple[TimeExpression, ...]
    main_country: str | None
    main_iso: str | None
    lead_date: TimeExpression | None = None  # first date of the article's opening, if recent
    anchor: Place | None = None  # the article's most mentioned area, to code unknown villages to
    not_locations: frozenset[int] = frozenset()  # starts of place mentions that name no location
    villages: frozenset[str] = frozenset()  # unknown localities the article introduces
    named_isos: frozenset[str] = frozenset()  # countries named, themselves or by a division


# "a bus travelling to Merelo", "un convoi en provenance de Gao": where a journey leads is not
# where the incident happened.
JOURNEY_BEFORE = re.compile(
    r"(?:travell?ing|heading|headed|bound|en route|on (?:its|their|his|her) way|going|returning|coming)\s+"
    r"(?:to|for|from|back to)\s+$|(?:à destination|en direction|en provenance|en route)\s+(?:de|d['’]|du|des)\s*$"
    # "returning to their posts in Tazor", "qui regagnaient leur base à Merelo"
    r"|(?:returning|heading|going|travell?ing)\s+(?:back\s+)?to\s+(?:their|its|his|her|the)\s+\w+\s+in\s+"
    r"(?:[A-Z][\w'’-]+(?:\s*,\s*|\s+and\s+))*$"
    r"|(?:regagnaient|rejoignaient|regagnait|rejoignait)\s+(?:leur|leurs|sa|son|ses)\s+\w+\s+(?:à|au|de)\s+"
    r"(?:[A-Z][\w'’-]+(?:\s*,\s*|\s+et\s+))*$"
    # where a source was reached, not where anything happened: "joint depuis Yaoundé", "reached in Kano"
    r"|(?:joint|jointe|joints|contacté|contactée|interrogé|interrogée)\s+(?:par\s+t[ée]l[ée]phone\s+)?(?:depuis|à)\s+$"
    r"|(?:reached|contacted|speaking)\s+(?:by\s+(?:phone|telephone)\s+)?(?:in|from)\s+$",
    re.IGNORECASE,
)


# "Merelo Cement": a town followed by a capitalized word names an organisation, unless the word
# is a date or the place's own kind ("Tazor County", "Merelo Tuesday")
ORG_NAME_AFTER = re.compile(r" [A-Z][a-z]+\b")
NAME_NOT_ORG_AFTER = re.compile(
    r" (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|County|Province|State|Region|District|City|"
    r"Governorate|Square|Road|Street|Airport|Base)\b"
)


# A small town whose name is also an actor's ("FAMa", the Malian army, and Fama in Brazil) is
# the actor when the whole mention is the actor's name.
ACTOR_NAMESAKE_MAX_POP = 100_000


@lru_cache(maxsize=8)
def _locative_right_before(lang: str) -> re.Pattern[str]:
    """Return the pattern of a locative preposition ending a text ("in ", "near "): the
    `locatives` of data/words/<lang>.yaml."""
    words = "|".join(re.escape(w) for w in load_word_lists(lang).get("locatives")) or "(?!)"
    return re.compile(rf"\b(?:{words})\s+$")


def load_weapon_names() -> frozenset[str]:
    """Return the folded names of weapons that are never places (data/weapon_names.yaml)."""
    return load_folded_words("weapon_names.yaml", what="weapon names")


def _is_capital(place: Place) -> bool:
    capital = load_gazetteer().capital(place.iso)
    return capital is not None and capital.geonameid == place.geonameid


def is_actor_name(p: PlaceMention, find_actors: Callable[[str], list[Actor]]) -> bool:
    """Return whether a place mention is an actor's name ("Al-Qaïda", "FAMa")."""
    if p.place is not None and (p.place.feature != "city" or p.place.population >= ACTOR_NAMESAKE_MAX_POP):
        return False
    return bool(find_actors(p.span.text))


def non_location_mentions(
    doc: Doc | None,
    places: list[PlaceMention],
    *,
    lang: str,
    find_actors: Callable[[str], list[Actor]],
    main_iso: str | None = None,
) -> frozenset[int]:
    """Return the starts of place mentions used as something other than a location.

    "the Merelo-bound bus", "the Tazor bus", "traveling from Nairobi", "Al-Qaïda": a place
    name that modifies another noun, names the origin of a journey or is an actor's name does
    not place the incident.
    """
    if doc is None:
        return frozenset()
    out = set()
    text = doc_text(doc)
    ordered = sorted(places, key=lambda q: q.span.start)
    for i, p in enumerate(ordered):
        previous = ordered[i - 1] if i else None
        after = text[p.span.end : p.span.end + 8].lower()
        before = text[max(0, p.span.start - 6) : p.span.start].lower()
        if after.startswith(("-bound", "-based", " -bound")):
            out.add(p.span.start)
            continue
        if (
            p.place is not None
            and p.place.feature == "city"
            and re.search(r"\b(?:avec|with)\s+$", before + " ")
            and _is_capital(p.place)
        ):
            out.add(p.span.start)  # "un regain de tension avec Dakar": the government
            continue
        if fold_word(p.span.text) in load_weapon_names():
            out.add(p.span.start)  # "des tirs de roquettes Grad"
            continue
        if lang == "en" and before.endswith("from ") and not distance_from(text, p.span.start):
            out.add(p.span.start)
            continue
        if JOURNEY_BEFORE.search(text[max(0, p.span.start - 50) : p.span.start]):
            out.add(p.span.start)
            continue
        if (
            previous is not None
            and previous.span.start in out
            and re.fullmatch(r"\s*(?:,|and|et|or|ou)\s*", text[previous.span.end : p.span.start])
        ):
            out.add(p.span.start)  # the rest of a journey's list: "to their posts in Tazor and Merelo"
            continue
        if is_actor_name(p, find_actors):
            out.add(p.span.start)
            continue
        if (
            main_iso is not None
            and p.place is not None
            and p.place.iso != main_iso
            and p.place.feature == "city"
            and ORG_NAME_AFTER.match(text, p.span.end)
            and not NAME_NOT_ORG_AFTER.match(text, p.span.end)
        ):
            out.add(p.span.start)  # "registered under Merelo Cement": a foreign town inside a name
            continue
        if (p.place is not None and _names_an_office(text, p, lang)) or (
            lang == "en" and not _locative_right_before(lang).search(before) and _modifies_a_noun(doc, p, lang)
        ):
            out.add(p.span.start)
    # "venus de Kerou", "publié à Tamba"; "supplies bound to Lolo" in a story about Kerou
    return frozenset(out) | role_places(text, places, lang=lang) | elsewhere_countries(text, places, main_iso)


@lru_cache(maxsize=8)
def _office_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Return the patterns of an office title right after a place name ("[Kerou] Governor",
    "[Tamba] County Senator") and right before it ("the governor of [Kerou]", "le maire de
    [Tamba]"): the `office_titles` of data/words/<lang>.yaml."""
    titles = load_word_lists(lang).get("office_titles")
    if not titles:
        return None
    alternation = "|".join(sorted((re.escape(t).replace(r"\ ", r"\s+") for t in titles), key=len, reverse=True))
    division = r"(?:county|province|state|region|district|région|préfecture|commune|ville)"
    after = re.compile(rf"\s+(?:{division}\s+)?(?:(?:former|deputy)\s+)?(?:{alternation})\b", re.IGNORECASE)
    before = re.compile(
        rf"\b(?:{alternation})s?\s+(?:of\s+(?:the\s+)?|for\s+|de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*)"
        rf"(?:{division}\s+(?:of\s+|de\s+|d['’]\s*))?$",
        re.IGNORECASE,
    )
    return after, before


def _names_an_office(text: str, p: PlaceMention, lang: str) -> bool:
    """Return whether a place name only says whose office a title is ("the Kerou Governor",
    "former Tamba Senator", "the deputy governor of Kerou", "le maire de Tamba"): a language
    regularity; the official's place is not where the incident happened."""
    patterns = _office_patterns(lang)
    if patterns is None:
        return False
    after, before = patterns
    return bool(after.match(text, p.span.end) or before.search(text, max(0, p.span.start - 60), p.span.start))


def _modifies_a_noun(doc: Doc, p: PlaceMention, lang: str) -> bool:
    """Return whether a place name modifies a noun that is no place's ("the Kerou bus"): it names
    no location. A place noun keeps it one ("Kerou County"), and so does a noun of its people
    ("Kerou residents"), unless the name is a people's ("Maasai residents"). A locative before
    the name is checked by the caller ("a protest in Kerou town hall": still where)."""
    tokens = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
    if tokens is None:
        return False
    root = tokens.root
    words = load_word_lists(lang)
    # a division noun keeps it a location too ("Tamba sub-county", "Kerou ward")
    heads = {*words.get("place_head_nouns"), *load_folded_words("division_nouns_after.yaml", what="nouns")}
    return (
        root.dep_ == "compound"
        and root.head.pos_ == "NOUN"
        and root.head.lemma_.lower() not in heads
        and not (
            root.head.text.lower() in words.get("inhabitant_nouns")
            and fold(p.span.text) not in load_ethnic_militias().people_by_form
        )
    )


def document_context(
    document: Document,
    places: list[PlaceMention],
    times: list[TimeExpression],
    *,
    doc: Doc | None = None,
) -> DocumentContext:
    """Return the shared context; the main country is the one with the most evidence: places,
    state forces, nationality adjectives (normalize.doc_country)."""

    def find_actors(t: str) -> list[Actor]:
        return [
            a
            for a in find_actor_mentions(t, lang=document.lang, country=None)
            if a.span and a.span.end - a.span.start >= len(t) - 1
        ]

    gazetteer = load_gazetteer()
    # a generic word alone ("the Region", "North-East") or a people ("the Kerouvi community"): no place
    places = [p for p in places if not _generic_word(p.span.text) and not (p.place is None and _people(p.span.text))]
    # "Somali police forces": a nationality, not the region spelled like it
    adjectives = attributive_demonyms(document.text, places, lang=document.lang, gazetteer=gazetteer)
    places = [p for p in places if p.span.start not in adjectives]
    actor_names = [(p.span.start, p.span.end) for p in places if is_actor_name(p, find_actors)]
    # actors, nationality adjectives and the headline (normalize.doc_country) ...
    others = other_evidence(document.text, places, lang=document.lang, gazetteer=gazetteer, skip=actor_names)
    others += title_evidence(document.title, gazetteer=gazetteer)
    # ... tell where to look up the towns the entity recognizer missed ("protests in Kerou")
    evidence = partial(place_evidence, document.text, skip=actor_names, lang=document.lang, gazetteer=gazetteer)
    prior = main_country(evidence(places), others)
    missed = missed_place_mentions(
        document.text,
        places,
        lang=document.lang,
        gazetteer=gazetteer,
        main_iso=prior[1],
        is_name=lambda t: bool(find_actors(t)),
    )
    # "in Kerou county": the county, not the town of that name; "Kerou (Tamba)": Tamba's Kerou
    found = sorted([*places, *(p for p in missed if not _generic_word(p.span.text))], key=lambda p: p.span.start)
    places = division_places(document.text, found, gazetteer=gazetteer)
    places = places_in_named_divisions(document.text, places, gazetteer=gazetteer)
    # "Dozo hunters raided Kerou": not the Kerou abroad, a village at home (normalize.namesakes)
    places, abroad = namesakes_at_home(document.text, places, others, lang=document.lang, gazetteer=gazetteer)
    evidence = partial(evidence, skip=[*actor_names, *abroad])
    # the places alone first, to tell a foreign town inside a name; then with the places named as
    # something other than a location left out
    first = main_country(evidence(places), others)
    not_locations = non_location_mentions(doc, places, lang=document.lang, main_iso=first[1], find_actors=find_actors)
    located = evidence(places, not_locations=not_locations)
    main = main_country(located, others)
    if not located:
        # no place gives a country: a town named in passing still outweighs an actor or a
        # nationality ("Al-Shabaab attacked Kerou University": the group fights in two countries)
        places, main = _passing_over_actors(document, places, doc, gazetteer, evidence, others, main, find_actors)
    places = variant_places(places, gazetteer=gazetteer, iso=main[1]) if main[1] else places
    if main[1] is not None and not _below_country(places, main[1], not_locations):
        places = _places_in_country(document, places, doc, gazetteer, main[1])
    places = sorted(
        [
            *site_places(places, gazetteer=gazetteer, main_iso=main[1]),
            *capital_mentions(document.text, document.lang, main[1], places),
        ],
        key=lambda p: p.span.start,
    )
    anchor = _anchor(places, main[1], gazetteer)
    lead_date = _lead_date(document, times)
    not_locations = non_location_mentions(doc, places, lang=document.lang, main_iso=main[1], find_actors=find_actors)
    return DocumentContext(
        document=document,
        places=tuple(places),
        times=tuple(times),
        main_country=main[0],
        main_iso=main[1],
        lead_date=lead_date,
        anchor=anchor,
        not_locations=not_locations,
        villages=document_villages(document.text, tuple(places)),
        named_isos=named_countries(document.text, places, not_locations=not_locations),
    )


def _passing_over_actors(
    document: Document,
    places: list[PlaceMention],
    doc: Doc | None,
    gazetteer: Gazetteer,
    evidence: Callable[..., Counter],
    others: Counter,
    main: tuple[str | None, str | None],
    find_actors: Callable[[str], list[Actor]],
) -> tuple[list[PlaceMention], tuple[str | None, str | None]]:
    """Return the places and main country of a document whose places give no country, with the
    places named in passing (`_places_in_passing`) when they give one among the countries its
    actors point at; else `places` and `main` as they are."""
    passing, found = _places_in_passing(
        document,
        places,
        doc,
        gazetteer,
        lambda ps: main_country(_within(evidence(ps), _actor_countries(document, others, gazetteer)), Counter()),
        guess=not others,
        is_name=lambda t: bool(find_actors(t)),
    )
    if found[1] is None:
        return places, main
    return passing, main_country(evidence(passing), others)


def _places_in_passing(
    document: Document,
    places: list[PlaceMention],
    doc: Doc | None,
    gazetteer: Gazetteer,
    weigh: Callable[[list[PlaceMention]], tuple[str | None, str | None]],
    *,
    guess: bool = True,
    is_name: Callable[[str], bool] = lambda _: False,
) -> tuple[list[PlaceMention], tuple[str | None, str | None]]:
    """Return the places and the main country (`weigh`) of a document whose places give no
    country: the towns of institutions named after them, the names in passing, the hamlets the
    gazetteer knows in one country only, then (`guess`: nothing else names a country) the names
    one slip of the pen from a division or a big town, each tried while none is found."""
    main: tuple[str | None, str | None] = (None, None)
    if schools := institution_towns(document.text, places, gazetteer=gazetteer):
        # "Kerou University students protested" happened in Kerou
        places = sorted([*places, *schools], key=lambda p: p.span.start)
        main = weigh(places)
    # an actor's name is no place named in passing ("Al-Kerou Brigade": the Al of a group)
    actors = [
        (a.span.start, a.span.end)
        for a in find_actor_mentions(document.text, lang=document.lang, country=None)
        if a.span is not None
    ]
    if (
        main[1] is None
        and doc is not None
        and (
            passing := [
                p
                for p in _names_in_passing(document, places, doc, gazetteer)
                if not any(a <= p.span.start < b for a, b in actors)
            ]
        )
    ):
        # still none: "the Kerou Deputy Governor", "a Tamba neighbourhood" name where it is
        kept = [p for p in places if p.place is not None or not any(_overlap(p, q) for q in passing)]
        places = sorted([*kept, *passing], key=lambda p: p.span.start)
        main = weigh(places)
    if main[1] is None and (
        lone := lone_country_places(document.text, places, lang=document.lang, gazetteer=gazetteer, is_name=is_name)
    ):
        # still none: "gunmen attacked the camp in Kerou", a hamlet known in one country only
        places = sorted([*places, *lone], key=lambda p: p.span.start)
        main = weigh(places)
    if main[1] is None and guess and (spelt := misspelt_places(places, gazetteer=gazetteer)) != places:
        # still none: "protests in Nakurru" is a slip of the pen for a division or a big town
        places = spelt
        main = weigh(places)
    return places, main


def _actor_countries(document: Document, others: Counter, gazetteer: Gazetteer) -> frozenset[str]:
    """Return the ISO2 codes the actors and nationalities of a document point at, every country
    of a group that fights in several ("Nigeria|Chad" in data/actors.tsv) included."""
    isos = {iso for _, iso in others if iso}
    if not isos:
        return frozenset()
    names = {a.name for a in find_actor_mentions(document.text, lang=document.lang, country=None)}
    for entry in load_actor_aliases().entries:
        if entry.name in names and entry.country and (iso := gazetteer.country_iso(entry.country)):
            isos.add(iso)
    return frozenset(isos)


def _within(counts: Counter, isos: frozenset[str]) -> Counter:
    """Return the evidence of the countries `isos` only (all of it when `isos` is empty): a place
    named in passing may settle which country of an actor's, not outweigh the actors."""
    return Counter({k: v for k, v in counts.items() if not isos or k[1] in isos})


def _below_country(places: list[PlaceMention], iso: str, not_locations: frozenset[int]) -> bool:
    """Return whether a document names a division or a town of its main country as a location."""
    return any(
        p.place is not None
        and p.place.iso == iso
        and p.place.feature != "country"
        and p.relation not in ("dateline", "demonym")
        and p.span.start not in not_locations
        for p in places
    )


def _places_in_country(
    document: Document, places: list[PlaceMention], doc: Doc | None, gazetteer: Gazetteer, iso: str
) -> list[PlaceMention]:
    """Return the places of a document that names its country but no division or town of it as a
    location, with the towns of institutions named after them ("Kerou Teachers College students
    rioted"), else the names in passing ("the Tamba Women's Association"), else the slips of the
    pen ("protests in Nakurru") that lie in that country: the most specific place the text
    supports, before the capital ACLED falls back to."""

    def in_country(found: list[PlaceMention]) -> list[PlaceMention]:
        return [p for p in found if p.place is not None and p.place.iso == iso and p.place.feature != "country"]

    if schools := in_country(institution_towns(document.text, places, gazetteer=gazetteer)):
        return sorted([*places, *schools], key=lambda p: p.span.start)
    if doc is not None and (passing := in_country(_names_in_passing(document, places, doc, gazetteer))):
        kept = [p for p in places if p.place is not None or not any(_overlap(p, q) for q in passing)]
        return sorted([*kept, *passing], key=lambda p: p.span.start)
    spelt = misspelt_places(places, gazetteer=gazetteer)
    if in_country([p for p in spelt if p not in places]):
        return spelt
    return places


def _overlap(p: PlaceMention, q: PlaceMention) -> bool:
    return p.span.start < q.span.end and q.span.start < p.span.end


def _generic_word(name: str) -> bool:
    """Return whether a one-word mention is only generic words of names, division nouns or
    points of the compass ("Region", "North-East", "University": data/generic_name_words.yaml,
    data/division_nouns_after.yaml)."""
    parts = [fold(w) for w in name.split("-")]
    generic = load_folded_words("generic_name_words.yaml") | load_folded_words(
        "division_nouns_after.yaml", what="nouns"
    )
    return " " not in name.strip() and all(w in generic for w in parts)


def _people(name: str) -> bool:
    """Return whether a name is a people's (data/ethnic_militias.yaml, the peoples of
    data/actors.tsv), in the singular or the plural ("the Kerouvis")."""
    folded = fold(name)
    peoples = load_ethnic_militias().people_by_form.keys() | people_homes().keys()
    return folded in peoples or folded.removesuffix("s") in peoples


def _names_in_passing(
    document: Document, places: list[PlaceMention], doc: Doc, gazetteer: Gazetteer
) -> list[PlaceMention]:
    """Return missed_places.names_in_passing's places, proper nouns being the parser's."""
    proper = proper_name_test(doc)
    return names_in_passing(document.text, places, gazetteer=gazetteer, proper=proper, lang=document.lang)


def _anchor(places: list[PlaceMention], main_iso: str | None, gazetteer: Gazetteer) -> Place | None:
    """Return the area an incident the text does not place falls back to: the main country's
    division the document names most (its admin1, or its biggest named place there at
    geo_precision 3), else the country itself."""
    areas = Counter(
        p.place.admin1
        for p in places
        if p.place is not None
        and p.relation not in ("dateline", "distance reference")
        and p.place.iso == main_iso
        and p.place.admin1
        and not (p.relation or "").endswith(" part")
    )
    anchor = None
    if areas:
        admin1 = areas.most_common(1)[0][0]
        in_admin1 = [
            p.place for p in places if p.place is not None and p.place.admin1 == admin1 and p.place.iso == main_iso
        ]
        anchor = min(in_admin1, key=lambda pl: (0 if pl.feature == "admin1" else 1, -pl.population))
        anchor = replace(anchor, geo_precision=3) if anchor.feature != "admin1" else anchor
        town = _only_town(places, main_iso)
        anchor = town if town is not None and town.admin1 == admin1 else anchor
    elif main_iso is not None:
        # no division or town of the country named: an unknown village there keeps its name and
        # the country, with no coordinates (incident_place.derived_place)
        anchor = next(
            (
                p.place
                for p in places
                if p.place is not None and p.place.iso == main_iso and p.place.feature == "country"
            ),
            None,
        )
        country = gazetteer.country(main_iso) if anchor is None else None
        anchor = candidate_place(country) if country is not None else anchor
    return anchor


def _only_town(places: list[PlaceMention], main_iso: str | None) -> Place | None:
    """Return the one town or second-level division a document names in its main country, if it
    names one only ("shot in Kerou (Tamba)": a later sentence's unplaced incident is at Kerou,
    the most specific place the report supports, not Tamba's centre); None otherwise. The caller
    keeps it only inside the division the document names most."""
    towns = {
        (p.place.name, p.place.admin1): p.place
        for p in places
        if p.place is not None
        and p.place.iso == main_iso
        and p.place.feature not in ("country", "admin1", "region")
        and p.relation is None
        and p.place.geo_precision <= 2
    }
    # "Kerou (Tamba)" where Tamba is Kerou's county: the county's town glosses Kerou
    seats = {fold(pl.admin1 or "") for pl in towns.values() if fold(pl.name) != fold(pl.admin1 or "")}
    kept = [pl for pl in towns.values() if fold(pl.name) not in seats]
    return kept[0] if len(kept) == 1 else None


def _lead_date(document: Document, times: list[TimeExpression]) -> TimeExpression | None:
    """Return the date of the article's opening that dates its main incident, if any."""
    lead_date = None
    published = document.published
    # the opening: its first two paragraphs when they are short (a one-sentence lead is often
    # dated only in the next paragraph: "The truce was announced late Monday"), else 400 chars
    first_break = document.text.find("\n\n", 200)
    second_break = document.text.find("\n\n", first_break + 2) if first_break >= 0 else -1
    lead_end = max(400, first_break, second_break if 0 <= second_break <= LEAD_MAX_CHARS else -1)
    for t in times:
        if t.span.start > lead_end:
            break
        if dates_a_statement(document.text, t) or starts_a_period(document.text, t):
            continue  # "a spokesperson said on December 7", "since Friday": no incident's day
        if published is not None and 0 <= (published - t.value).days <= LEAD_DATE_MAX_DAYS:
            lead_date = t
            break
    return lead_date
