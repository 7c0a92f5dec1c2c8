"""Places the entity recognizer missed, read from a locative word before a capitalized name.

Short reports name villages and towns the small models do not tag ("protests in Kerou", "the
streets of Kerou", "à Kerou"; a population noun does the same: "residents of Kerou protested",
"les habitants de Kerou"; a French sentence opening on "A" is "À": "A Kerou, des tirs…").
ACLED's notes name the place they code a village to: "(coded as Kerou, Tamba County)". A town
named bare after an attack verb ("gunmen attacked Kerou", data/attacked_place_verbs.yaml) is the
place attacked, when it lies in the document's country and the whole name is known.
A capitalized name right after a locative word (data: the
LOCATIVE pattern below, a language regularity) that the gazetteer knows as a town or a division
is a place mention (method "locative_lookup"). Among its namesakes, the one in the document's
country wins; without one, only a division or a town of MISSED_MIN_POPULATION counts
(UNIQUE_MIN_POPULATION when every entry of the name lies in one country): a hamlet abroad is more
likely a namesake of an unknown local village (see incident_place._domestic).
Month and weekday names, institution words (data/not_places.yaml), nationality adjectives and
actors' names are never places.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from eventwire.datafiles import data_path, read_language_lists
from eventwire.errors import DataFileError
from eventwire.extract.lexicon import fold
from eventwire.gazetteer import Candidate, Gazetteer
from eventwire.geo import haversine_km
from eventwire.geoparse import candidate_place
from eventwire.geoparse.names import institution_head
from eventwire.lang.fold import literal_alternation
from eventwire.lang.words import load_word_lists
from eventwire.models import PlaceMention, Span
from eventwire.normalize.appositions import names_a_group
from eventwire.normalize.dates import load_time_lexicon
from eventwire.normalize.doc_country import all_place_nouns, division_noun_after, load_place_nouns
from eventwire.normalize.ethnic_militias import load_ethnic_militias
from eventwire.normalize.village_places import load_folded_words, load_not_places

MISSED_MIN_POPULATION = 10_000
UNIQUE_MIN_POPULATION = 1_000
# A city named only inside another name counts from this size (a smaller one may be a namesake).
PASSING_MIN_POPULATION = 50_000
# A town is the seat of the division named after it when the division's point (its capital or
# largest town) lies this close.
SEAT_MAX_KM = 15.0
FEATURES = frozenset({"city", "admin1", "admin2"})
LOCATIVE = {
    "en": r"(?:\b|(?<=\d))(?:(?:in|at|near|outside|around)(?:\s+(?:central|northern|southern|eastern|western|north-eastern|"
    r"north-western|south-eastern|south-western))?|(?:villages?|towns?|city|area|outskirts|streets|county|region|"
    r"[Rr]esidents|[Ii]nhabitants|[Vv]illagers|"
    r"district|province|state|[Cc]ercle|[Uu]niversity|[Cc]ollege)\s+of|between|(?:km|kilometres?|kilometers?|miles?)\s+(?:\w+\s+)?(?:from|of))\s+",
    "fr": r"(?:(?:^|(?<=\n)|(?<=[.!?»]\s))[AÀ]\s+|(?:\b|(?<=\d))(?:à|dans|près\s+de|non\s+loin\s+de|aux\s+environs\s+de|(?:villages?|localité|ville|commune|[Hh]abitants|[Vv]illageois|"
    r"région|cercle|province|quartier|rues|secteur|km|kilomètres|entre)\s+(?:au\s+\w+\s+)?de)\s+|\b(?:près|non\s+loin|aux\s+environs|"
    r"villages?|localité|ville|commune|[Hh]abitants|[Vv]illageois|région|cercle|province|quartier|secteur)\s+d['’]\s*)",
}
_NAME = r"([A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+){0,2})"
# Further regularities: the second place of "between Kerou and Tamba"; the area written in
# brackets after a village ("in Kerou (Tamba)", "Kerou (Tamba, Sud)": ACLED's own notes write the
# district so); the first town of a road named after its ends ("the Kerou-Tamba road").
_EXTRA = (
    re.compile(r"\b(?:between|entre)\s+[A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+)?\s+(?:and|et|&)\s+" + _NAME),
    # (not an all-capital abbreviation of the name before it: "Armoured Personnel Carrier (APC)")
    re.compile(r"[A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý0-9][\w'’-]*)?\s*\(\s*(?![A-ZÀ-Ý0-9]+\s*[,)])" + _NAME + r"\s*[,)]"),
    re.compile(
        r"\b([A-ZÀ-Ý][a-zà-ÿ]+)-[A-ZÀ-Ý][\w'’ -]{1,25}?\s(?:road|highway|route|axis|axe)\b",
        re.IGNORECASE,
    ),
)


# The known place ACLED's notes code an unknown village to: "(coded as Kerou at geoprecision 2)",
# "(coordinates for Kerou used)"; the
# name is written whole, and a namesake abroad of a document set elsewhere is not it.
_CODED_AS = re.compile(r"\b(?:coded\s+(?:at\s+approximate\s+location\s+)?as|coordinates\s+(?:for|of))\s+" + _NAME)


# The area a place is qualified with, after a comma ("in Kerou, Tamba": Kerou lies in Tamba), read
# only when the gazetteer knows it as a division, or as a town that ends the phrase ("in the area
# of Kerou, Tamba."): a capitalized word after a comma may be anything ("in Kerou, Police said").
_QUALIFIED = r"[A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+)?,\s+"
_PHRASE_END = re.compile(r"\s*(?:[,.;:)]|$)")


# A road named by its two ends with the road noun BEFORE them ("on the axis Kerou-Tamba", "sur
# l'axe Kerou-Tamba"): the incident is coded at the first end the gazetteer knows.
_AXIS = re.compile(
    r"\b(?:axis|axe|road|route|highway|tronçon)\s+(?:de\s+|d['’]\s*|of\s+)?"
    r"([A-ZÀ-Ý][\w'’]+(?:-[A-ZÀ-Ý][\w'’]+)+)"
)


def _pattern(lang: str) -> re.Pattern[str] | None:
    return re.compile(LOCATIVE[lang] + _NAME) if lang in LOCATIVE else None


@cache
def _attacked_place(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of a capitalized name right after an attack verb ("gunmen attacked
    Kerou", "ont attaqué Tamba": data/attacked_place_verbs.yaml), or None for another language."""
    path = data_path("attacked_place_verbs.yaml")
    verbs = read_language_lists(path, what="verbs").get(lang)
    if not verbs:
        return None
    if not all(isinstance(v, str) and v.strip() for v in verbs):
        raise DataFileError(f"{path}: every {lang} verb must be a non-empty string")
    return re.compile(rf"\b(?:{literal_alternation([v.strip() for v in verbs])})\s+" + _NAME)


@cache
def _site_after_article() -> re.Pattern[str]:
    """Return the pattern of a site named after its town, after a locative word and an article
    ("in the Kerou refugee camp", "at the Tamba Market", "near the Kerou Airport": the town is
    Kerou; data/facility_nouns.yaml); group 1 is the name, its last word cut later if needed."""
    nouns = load_folded_words("facility_nouns.yaml", what="nouns")
    alternation = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    return re.compile(r"\b(?:in|at|near|outside|inside|around)\s+the\s+" + _NAME + rf"\s+(?i:{alternation})s?\b")


@cache
def _division_after() -> re.Pattern[str]:
    """Return the pattern of a name followed by a division noun ("Kerou Region", "Tamba County":
    data/division_nouns_after.yaml); group 1 is the name."""
    nouns = load_folded_words("division_nouns_after.yaml", what="nouns")
    alternation = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    return re.compile(_NAME + rf"\s+(?i:{alternation})\b")


@cache
def _inhabitants_after(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of a name followed by a noun of its people ("Kerou residents", "Tamba
    villagers": the `inhabitant_nouns` of data/words/<lang>.yaml), the name's own place noun
    between them or not ("Kerou town residents": data/place_nouns.yaml); group 1 is the name."""
    nouns = load_word_lists(lang).get("inhabitant_nouns")
    if not nouns:
        return None
    alternation = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    kinds = literal_alternation(load_place_nouns().get(lang, ()))
    return re.compile(_NAME + rf"(?:\s+(?i:{kinds}))?\s+(?i:{alternation})\b")


# A run of capitalized words ("Kerou University Students", "Tamba Girls' High School").
_CAPITALIZED_RUN = re.compile(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){1,4}")


def institution_towns(text: str, places: list[PlaceMention], *, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Return the towns at the head of institutions' names ("Kerou University students", "Tamba
    High School") that `places` does not cover: where a school's students or a town's council
    act, when the document names no other place (ACLED codes the institution's town).
    Only a town `_best` would take without the document's country (a namesake puzzle is left
    alone)."""
    taken = [(p.span.start, p.span.end) for p in places]
    out: list[PlaceMention] = []
    for m in _CAPITALIZED_RUN.finditer(text):
        head = institution_head(
            text, m.start(), m.end(), gazetteer, accept=lambda found: _best_of(found, None) is not None
        )
        if head is None or any(a < head[1] and head[0] < b for a, b in taken):
            continue
        start, end, name = head
        found = _best(gazetteer, name, None)
        if found is None:
            continue
        reason = f"the town of an institution named after it ({text[m.start() : m.end()]!r})"
        out.append(_found_mention(text, start, end, name, found, "institution_town", reason))
        taken.append((start, end))
    return out


def names_in_passing(
    text: str,
    places: list[PlaceMention],
    *,
    gazetteer: Gazetteer,
    proper: Callable[[int, int], bool],
    lang: str,
) -> list[PlaceMention]:
    """Return the countries, divisions and cities that open other names ("the Kerou Deputy
    Governor", "Tamba Girls' School", "a Kerou neighbourhood", "the Kerou Forest Service") and
    that `places` does not cover: the last evidence of where a story happened, read only when the
    document gives no other (ACLED codes every event to a country).

    One name per run of capitalized words, at its head (its first word, or its second after a
    sentence's opening word), and only when `proper(start, end)` (the parser's proper nouns
    outside a person's name: "Police" opening a sentence is no town). Only what has no namesake
    village: a country, a division, or a city of PASSING_MIN_POPULATION; never a generic word of
    names (data/generic_name_words.yaml: "the Supreme Court", "North Kerou")."""
    calendar = _calendar_words(lang)
    generic = load_folded_words("generic_name_words.yaml") | load_not_places()
    # an unknown mention may open on the name ("the Kerou Governor" tagged whole): the caller
    # drops the unknown mention a name in passing is found in
    taken = [(p.span.start, p.span.end) for p in places if p.place is not None]
    out: list[PlaceMention] = []
    for run in _PROPER_RUN.finditer(text):
        tokens = [(run.start() + m.start(), run.start() + m.end()) for m in _RUN_WORD.finditer(run.group())]
        head = next((i for i in range(min(2, len(tokens))) if proper(*tokens[i])), None)
        if head is None or fold(text[slice(*tokens[head])]) in generic | calendar:
            continue
        for j in range(min(len(tokens), head + 3), head, -1):
            start, end = tokens[head][0], tokens[j - 1][1]
            name = text[start:end]
            if any(a < end and start < b for a, b in taken) or not proper(start, end):
                continue
            if gazetteer.demonym_country(name) or (found := _passing_place(gazetteer.candidates(name))) is None:
                continue
            reason = f"opens the name {run.group()!r}; the document names no other place"
            out.append(_found_mention(text, start, end, name, found, "name_in_passing", reason))
            taken.append((start, end))
            break
    return out


def _passing_place(every: list[Candidate]) -> Candidate | None:
    """Return the entry a name read in passing means: a country, else the one division or big
    city its primary entries agree on (none when they lie in several countries)."""
    found = [
        c
        for c in every
        if c.primary
        and (
            c.feature in ("country", "admin1", "admin2")
            or c.feature == "city"
            and c.population >= PASSING_MIN_POPULATION
        )
    ]
    if len({c.iso for c in found}) != 1:
        return None
    return max(found, key=lambda c: (c.feature == "country", c.feature == "admin1", c.population))


# A run of capitalized words ("Kerou Girls' School", "Tamba-Kerou Road"); _RUN_WORD reads its words.
_PROPER_RUN = re.compile(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*")
_RUN_WORD = re.compile(r"[A-ZÀ-Ý][\w'’]*(?:-[A-ZÀ-Ý][\w'’]*)*")


def division_places(text: str, places: list[PlaceMention], *, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Return `places` with a town followed by a division noun read as that division ("in Kerou
    county": the county, not the town, when the town's country has a division of that name)."""
    out = []
    for p in places:
        pl = p.place
        if pl is None or pl.feature != "city" or not division_noun_after().match(text, p.span.end):
            out.append(p)
            continue
        divisions = [
            c
            for c in gazetteer.candidates(p.span.text, country=pl.iso)
            if c.feature in ("admin1", "admin2") and (c.primary or c.source == "supplement")
        ]
        if not divisions:
            out.append(p)
            continue
        division = max(divisions, key=lambda c: (c.feature == "admin1", c.population))
        if (
            pl.latitude is None
            or pl.longitude is None
            or (haversine_km(pl.latitude, pl.longitude, division.latitude, division.longitude) > SEAT_MAX_KM)
        ):
            out.append(p)  # "Kerou sub-county" in a county seated elsewhere: the town is nearer
            continue
        out.append(
            replace(
                p,
                place=candidate_place(division),
                reason=f"{p.span.text} followed by a division noun: the division, not the town",
            )
        )
    return out


def _shorter(name: str, kind: str) -> str | None:
    """Return `name` less its last word ("Kerou town" → "Kerou"); on a road named by its ends,
    less its last hyphenated part too ("Kerou-Tamba" → "Kerou")."""
    cut = max(name.rfind(" "), name.rfind("-") if kind == "axis" else -1)
    return name[:cut] if cut > 0 else None


def _calendar_words(lang: str) -> frozenset[str]:
    try:
        lex = load_time_lexicon(lang)
    except Exception:  # noqa: BLE001 - a language without a time lexicon has no calendar words
        return frozenset()
    return frozenset(fold(str(w)).rstrip(".") for key in ("months", "weekdays") for w in lex.maps.get(key, {}))


def lone_country_places(
    text: str,
    places: list[PlaceMention],
    *,
    lang: str,
    gazetteer: Gazetteer,
    is_name: Callable[[str], bool] = lambda _: False,
) -> list[PlaceMention]:
    """Return the towns a locative word points at that the gazetteer knows in one country only,
    however small ("the camp in Kerou", Kerou a hamlet of unknown population): the last evidence
    of a document that names no other place, for a name with no namesake abroad is no namesake
    puzzle (`missed_place_mentions` asks UNIQUE_MIN_POPULATION of them otherwise)."""
    return missed_place_mentions(
        text, places, lang=lang, gazetteer=gazetteer, main_iso=None, is_name=is_name, unique_floor=0
    )


def missed_place_mentions(
    text: str,
    places: list[PlaceMention],
    *,
    lang: str,
    gazetteer: Gazetteer,
    main_iso: str | None,
    is_name: Callable[[str], bool] = lambda _: False,
    unique_floor: int = UNIQUE_MIN_POPULATION,
) -> list[PlaceMention]:
    """Return the place mentions a locative word points at that `places` does not cover.

    `is_name` tells an actor's or an organisation's name ("in ODM strongholds"); `unique_floor`
    is the population a town needs when every entry of its name lies in one country."""
    pattern = _pattern(lang)
    if pattern is None:
        return []
    calendar = _calendar_words(lang)
    taken = [(p.span.start, p.span.end) for p in places]
    out: list[PlaceMention] = []
    matches = [(m, "locative") for m in pattern.finditer(text)]
    matches += [(m, "locative") for extra in _EXTRA for m in extra.finditer(text)]
    matches += [(m, "axis") for m in _AXIS.finditer(text)]
    matches += [(m, "coded") for m in _CODED_AS.finditer(text)]
    if (attacked := _attacked_place(lang)) is not None:
        matches += [(m, "attacked") for m in attacked.finditer(text)]
    matches += [(m, "qualifier") for m in re.finditer(LOCATIVE[lang] + _QUALIFIED + _NAME, text)]
    if lang == "en":
        matches += [(m, "locative") for m in _site_after_article().finditer(text)]
    matches += [(m, "division") for m in _division_after().finditer(text)]
    if (inhabitants := _inhabitants_after(lang)) is not None:
        peoples = load_ethnic_militias().people_by_form
        # "Maasai herders", "Pokot residents": a people, not a place
        matches += [(m, "inhabitants") for m in inhabitants.finditer(text) if fold(m.group(1)) not in peoples]
    for m, kind in sorted(matches, key=lambda mk: mk[0].start(1)):
        start, end = m.start(1), m.end(1)
        name = m.group(1)
        if any(a < end and start < b for a, b in taken):
            continue
        words = name.split()
        if fold(words[0]) in calendar or fold(name) in load_not_places() or fold(words[0]) in load_not_places():
            continue
        if gazetteer.demonym_country(words[0]) or is_name(name) or names_a_group(text, end):
            continue  # "the Kerou and Tamba clans": peoples
        found = _best(
            gazetteer, name, main_iso, prefer_area=kind in ("division", "qualifier"), unique_floor=unique_floor
        )
        if kind == "qualifier" and (
            found is None or (found.feature == "city" and not _PHRASE_END.match(text, m.end(1)))
        ):
            continue
        if kind == "coded" and (found is None or main_iso not in (None, found.iso)):
            continue
        # ("stormed Simba Hotel": the object is a building named after a town, not the town)
        while found is None and kind != "attacked" and (shorter := _shorter(name, kind)) is not None:
            name = shorter  # "in Kerou town", "à Kerou Centre", "the axis Kerou-Tamba"
            end = start + len(name)
            found = _best(gazetteer, name, main_iso, prefer_area=kind == "division", unique_floor=unique_floor)
            if kind != "axis" and found is not None and found.feature != "city" and found.iso != main_iso:
                found = (
                    None if found.population < MISSED_MIN_POPULATION else found
                )  # "in Tin Kerou" is no "Tin" district abroad
        if found is None or (kind == "inhabitants" and main_iso is not None and found.iso != main_iso):
            continue  # "Angered residents in Kerou": a capitalized word, not a town abroad
        if kind == "attacked" and (main_iso is None or found.iso != main_iso):
            continue  # "attacked Kerou": a town of the story's country, not a person's namesake
        reason = (
            f"named before {m.group(0)[m.end(1) - m.start() :].strip()!r}"
            if kind == "division"
            else f"named after {m.group(0)[: m.start(1) - m.start()].strip()[-40:]!r}"
        ) + "; missed by the entity recognizer, found in the gazetteer"
        out.append(_found_mention(text, start, end, name, found, "locative_lookup", reason))
        taken.append((start, end))
    return out


def _best(
    gazetteer: Gazetteer,
    name: str,
    main_iso: str | None,
    *,
    prefer_area: bool = False,
    unique_floor: int = UNIQUE_MIN_POPULATION,
) -> Candidate | None:
    """Return the entry a missed name most likely means: in the document's country first; a
    town before a division of the same name, unless a division noun follows the name
    (`prefer_area`: "Kerou Region" is the region)."""
    return _best_of(gazetteer.candidates(name), main_iso, prefer_area=prefer_area, unique_floor=unique_floor)


def _best_of(
    every: list[Candidate],
    main_iso: str | None,
    *,
    prefer_area: bool = False,
    unique_floor: int = UNIQUE_MIN_POPULATION,
) -> Candidate | None:
    """Return `_best`'s answer among the gazetteer entries of a name."""
    found = [c for c in every if c.feature in FEATURES and (c.primary or c.source == "supplement")]

    def rank(c: Candidate) -> tuple[bool, int]:
        return (c.feature != "city") if prefer_area else (c.feature == "city"), c.population

    home = [c for c in found if main_iso is not None and c.iso == main_iso]
    if home:
        return max(home, key=rank)
    # a name all of whose entries lie in one country is no namesake puzzle; a division named
    # with its noun is no namesake of a village either
    floor = unique_floor if len({c.iso for c in found}) == 1 else MISSED_MIN_POPULATION
    # a town of the hand-checked supplement is no namesake puzzle either (it has no population)
    known = [c for c in found if c.feature != "city" or c.population >= floor or c.source == "supplement"]
    if prefer_area and len({c.iso for c in known if c.feature != "city"}) > 1:
        return None  # "Central Region" names one in several countries
    return max(known, key=rank) if known else None


@cache
def _site_name_re() -> re.Pattern[str]:
    nouns = literal_alternation(load_folded_words("facility_nouns.yaml", what="nouns") | all_place_nouns())
    return re.compile(
        rf"^(?:(?:the|le|la|les|l['’])\s*)?(?:{nouns})s?(?:\s+(?:de\s+|d['’])?[a-zà-ÿ]+)?\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|of\s+)"
        rf"(?P<after>.+)$|^(?P<before>.+?)\s+(?:{nouns})s?$",
        re.IGNORECASE,
    )


def site_places(places: list[PlaceMention], *, gazetteer: Gazetteer, main_iso: str | None) -> list[PlaceMention]:
    """Return `places` with the unresolved names of sites and divisions resolved to their town
    ("la prison de Kerou", "le camp de réfugiés de Kerou", "Kerou market", "le district de Kerou":
    Kerou, in the document's country first; data/facility_nouns.yaml, data/place_nouns.yaml)."""
    pattern = _site_name_re()
    out = []
    for p in places:
        folded = fold(p.span.text)
        m = pattern.match(folded) if p.place is None and len(folded) == len(p.span.text) else None
        if m is None:
            out.append(p)
            continue
        group = "after" if m.group("after") else "before"
        start, end = m.start(group), m.end(group)
        name = p.span.text[start:end]
        found = _best(gazetteer, name, main_iso) if name[:1].isupper() else None
        if found is None:
            out.append(p)
            continue
        out.append(
            replace(
                p,
                place=candidate_place(found),
                method="site_town",
                reason=f"the site {p.span.text!r} is in {found.name}",
            )
        )
    return out


def _found_mention(
    text: str, start: int, end: int, name: str, found: Candidate, method: str, reason: str
) -> PlaceMention:
    """Return the mention of text[start:end], a name the recognizer missed, as the gazetteer's
    `found` under `name` (the span's words, or a shorter form of them)."""
    return PlaceMention(
        span=Span(start, end, text[start:end]), name=name, place=candidate_place(found), method=method, reason=reason
    )


def misspelt_places(places: list[PlaceMention], *, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Return `places` with each unknown name that is one slip of the pen from a division or a
    big town of one country resolved to it ("protests in Nakurru": Nakuru; Gazetteer.misspelt),
    the division first, then the biggest town."""
    out = []
    for p in places:
        found = gazetteer.misspelt(p.span.text) if p.place is None and p.span.text[:1].isupper() else []
        if not found:
            out.append(p)
            continue
        best = max(found, key=lambda c: (c.feature != "city", c.population))
        reason = f"{p.span.text!r} is not in the gazetteer; read as a misspelling of {best.name}"
        out.append(replace(p, place=candidate_place(best), method="misspelt", reason=reason))
    return out
