"""The country a document is about, weighed from every kind of evidence it gives.

ACLED codes every event to a country, so an article whose incident names only an unknown
village still needs one. The evidence, each with its weight:
  - a division of the country named ("la province de Kerou", "Lakeside County"): 2, a division's name
    rarely has a namesake abroad; 3 when written with its division noun ("Kerou County", "Tamba
    sub-county"): its kind is stated;
  - the country named, or a town in it: 1 each; a hamlet (under SMALL_TOWN_POPULATION) or a place
    the text calls a village ("Kerou village", "le village de Tamba") only 0.5, for it may be the
    foreign namesake of a local village;
  - a state force of the country ("l'armée malienne", "FAMa"): 1, state forces fight at home;
    any other actor the table places in a country (a rebel group, a party, an electoral board):
    0.5 (only a proper name or a phrase with the nationality: "gendarmes" alone says nothing);
  - a nationality adjective ("soldats nigériens", "the Syrian government"): 0.5; before a place
    noun ("a northern Syrian town", "un village burkinabè"): 1, it places something there.
  - a word of one country's institutions or daily life ("an MCA", "a boda boda rider", "le préfet
    du cercle": normalize.country_cues): 0.4 once, shared among the countries it belongs to.
What never counts: the neighbour across a border ("près de la frontière du Niger"), a country
named as a neighbour or destination ("proche du Mali", "fled to Chad"), the seat of a source
("a UK-based monitor"), an actor's name, foreign forces (external_forces: the country they come
from; but a peacekeeping mission named after its host, "... Mission in Kerou", weighs as state
forces there). Other places named as something other than a location (the `not_locations`: "the Kerou
bus", a journey's origin) count half.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import pairwise

from eventwire.datafiles import data_path, read_language_lists
from eventwire.extract.lexicon import fold
from eventwire.gazetteer import Gazetteer
from eventwire.lang.actor_table import load_actor_aliases
from eventwire.lang.fold import literal_alternation
from eventwire.lang.words import load_word_lists
from eventwire.models import COUNTRY_OR_DIVISION_FEATURES, DIVISION_FEATURES, Actor, Place, PlaceMention
from eventwire.normalize.actors import find_actor_mentions
from eventwire.normalize.country_cues import cue_evidence
from eventwire.normalize.division_kinds import kind_countries, kind_evidence
from eventwire.normalize.ethnic_militias import load_ethnic_militias
from eventwire.normalize.national_institutions import national_institution_evidence

# The evidence Counters hold these float weights: Counter takes them, but typeshed types its counts
# as int, hence the `type: ignore[assignment]` where a weight is stored.
W_AREA = 2.0
W_NAMED_DIVISION = 3.0
W_COUNTRY = 1.0
W_TOWN = 1.0
W_SMALL_TOWN = 0.5
W_SEAT = 1.25  # a town sharing its name with a division of its country: a seat, rarely a namesake
W_STATE_FORCES = 1.0
W_DOMESTIC_ACTOR = 0.5
W_NOT_LOCATION = 0.5  # a place modifying a noun or starting a journey ("the Kerou bus"): near the story
W_DEMONYM = 0.5
W_DEMONYM_PLACE = 1.0
W_REPEAT = 0.25  # each further mention of the same place
W_OTHERS = 0.25  # actors and adjectives beside places
SMALL_TOWN_POPULATION = 1_000
TIE_BREAK = 1e-3
BASED_AFTER = re.compile(r"\s?-?\s?based\b", re.IGNORECASE)
# relations under which a place says nothing of where the story is
NOT_THE_STORY = frozenset({"border", "demonym", "in name", "document focus"})
# "al Shabaab", "el-Kerou": a proper name after a lower-case Arabic article
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|an)[\s-][A-Z]")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_PREFIXED = re.compile(r"\b((?i:anti|pro))-(?=[A-Z])")
# A country named as a neighbour or a destination: "toutes proches du Mali", "near the Somali
# border", "repartir vers le Mali", "fled to Chad", "deported to Chad" say the story is elsewhere.
NEIGHBOUR_BEFORE = re.compile(
    r"\b(?:proches?|près|non\s+loin|à\s+proximité|aux\s+portes|frontalières?|limitrophes?|vers|"
    r"near|close\s+to|bordering|neighbouring|neighboring|towards?|into|fled\s+to|"
    # where people are sent: "deported to Chad", "the rendition of refugees to Chad"
    r"(?:deport|extradit|repatriat|rendition|expel)\w*(?:\s+[\w'’-]+){0,2}?\s+to|"
    # English names where something goes with "to": "supplies bound for troops sent to Chad", "a convoy
    # carrying aid to Chad" (a place of the story is "in", "at" or "near" it); not "according to"
    r"(?<!according\s)(?<!next\s)(?<!due\s)(?<!owing\s)to)"
    r"\s*(?:de\s+|du\s+|des\s+|d['’]\s*|à\s+|au\s+)?(?:the\s+|le\s+|la\s+|l['’]\s*)?$",
    re.IGNORECASE,
)


@cache
def load_place_nouns() -> dict[str, frozenset[str]]:
    """Return, per language, the folded nouns of inhabited places (data/place_nouns.yaml)."""
    data = read_language_lists(data_path("place_nouns.yaml"), what="nouns")
    return {lang: frozenset(fold(str(w)) for w in words) for lang, words in data.items()}


@cache
def all_place_nouns() -> frozenset[str]:
    """Return the folded nouns of inhabited places of every language (data/place_nouns.yaml)."""
    return frozenset(w for words in load_place_nouns().values() for w in words)


@cache
def division_noun_after() -> re.Pattern[str]:
    """Return the pattern of a division noun right after a name ("[Kerou] County", "[Tamba]
    sub-county": data/division_nouns_after.yaml), to match at a mention's end."""
    data = read_language_lists(data_path("division_nouns_after.yaml"), what="nouns")
    nouns = {fold(str(w)) for words in data.values() for w in words}
    return re.compile(rf"\s+(?i:{literal_alternation(nouns)})\b")


@cache
def division_noun_before() -> re.Pattern[str]:
    """Return the pattern of a division noun and "de"/"of" right before a name ("la région de
    [Kerou]", "the district of [Tamba]": data/division_nouns_before.yaml), to search up to a
    mention's start."""
    data = read_language_lists(data_path("division_nouns_before.yaml"), what="nouns")
    nouns = {fold(str(w)) for words in data.values() for w in words} | {
        str(w).lower() for words in data.values() for w in words
    }
    return re.compile(
        rf"\b(?i:{literal_alternation(nouns)})\s+(?i:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|of\s+(?:the\s+)?)$"
    )


def named_division(text: str, p: PlaceMention) -> bool:
    """Return whether a mention is written with its division noun ("Kerou County", "Tamba
    sub-county", "la région de Kerou"): a name given its kind is no namesake of a village abroad."""
    return bool(
        division_noun_after().match(text, p.span.end)
        or division_noun_after().search(p.span.text)
        or division_noun_before().search(text, max(0, p.span.start - 30), p.span.start)
    )


def _has_division(gazetteer: Gazetteer | None, name: str, iso: str) -> bool:
    return gazetteer is not None and any(
        c.feature in DIVISION_FEATURES and c.primary for c in gazetteer.candidates(name, country=iso)
    )


def _is_capital(place: Place, gazetteer: Gazetteer | None) -> bool:
    capital = gazetteer.capital(place.iso) if gazetteer is not None and place.feature == "city" else None
    return capital is not None and capital.geonameid == place.geonameid


@cache
def _village_nouns_re(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Return the patterns of a village noun right after a name ("Kerou village") and right
    before it ("the village of Kerou", "le village de Kerou"): data/words/<lang>.yaml."""
    nouns = load_word_lists(lang).get("village_nouns")
    if not nouns:
        return None
    alternation = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    return (
        re.compile(rf"\s+(?i:{alternation})\b"),
        re.compile(rf"\b(?i:{alternation})s?\s+(?:of|de|d['’]|du)\s*$"),
    )


def _called_village(text: str, p: PlaceMention, lang: str) -> bool:
    """Return whether the text calls a place a village ("Kerou village", "le village de Kerou"):
    a village is small, so its gazetteer entry weighs as a hamlet's (its namesake abroad may be a
    town)."""
    patterns = _village_nouns_re(lang)
    return patterns is not None and bool(
        patterns[0].match(text, p.span.end) or patterns[1].search(text[max(0, p.span.start - 25) : p.span.start])
    )


def _demonym_place(text: str, start: int, end: int, lang: str) -> bool:
    """Return whether the adjective at text[start:end] qualifies a place noun: "a Syrian town"
    (English: the noun follows), "un village malien", "la ville nigériane de" (French: it
    precedes, with at most one word between)."""
    nouns = load_place_nouns().get(lang, frozenset())
    if lang == "fr":
        before = _WORD_RE.findall(text[max(0, start - 30) : start])[-2:]
        return any(fold(w) in nouns or fold(w).rstrip("s") in nouns for w in before)
    after = _WORD_RE.findall(text[end : end + 25])[:1]
    return bool(after) and (fold(after[0]) in nouns or fold(after[0]).rstrip("s") in nouns)


def attributive_demonyms(
    text: str, places: Iterable[PlaceMention], *, lang: str, gazetteer: Gazetteer
) -> frozenset[int]:
    """Return the starts of place mentions that are nationality adjectives used before a noun
    ("Chadian police forces", "Somali troops"): a division spelled like a nationality (a region
    named after a people) is meant only before a place noun ("the Somali region")."""
    out = set()
    for p in places:
        if p.place is None or p.place.feature == "country" or not gazetteer.demonym_country(p.span.text):
            continue
        nxt = _WORD_RE.match(text, p.span.end + 1) if text[p.span.end : p.span.end + 1] == " " else None
        if nxt is None or not nxt.group()[:1].islower():
            continue
        if not _demonym_place(text, p.span.start, p.span.end, lang):
            out.add(p.span.start)
    return frozenset(out)


def place_evidence(
    text: str,
    places: Iterable[PlaceMention],
    *,
    not_locations: frozenset[int] = frozenset(),
    skip: Iterable[tuple[int, int]] = (),
    lang: str = "en",
    gazetteer: Gazetteer | None = None,
) -> Counter:
    """Return the weight per (country name, ISO2) of the places a document names.

    With `gazetteer`, a national capital breaks a tie (TIE_BREAK).

    `skip` are spans (actor names the geoparser also read as places) that count for nothing.
    """
    skip = tuple(skip)
    counts: Counter = Counter()
    seen: set[tuple[str, str]] = set()
    qualified = _qualified(text, places)
    for p in places:
        pl = p.place
        if pl is None or not pl.iso or p.relation in NOT_THE_STORY or any(a <= p.span.start < b for a, b in skip):
            continue
        if p.span.start in qualified or (
            (kinds := kind_countries(text, p.span.start, p.span.end, lang)) and pl.iso not in kinds
        ):
            continue  # "Kerou, Tamba" lies in Tamba's country; "the cercle of Kerou" in Mali
        if p.span.start in not_locations and BASED_AFTER.match(text, p.span.end):
            continue  # "a UK-based monitor" is abroad
        if pl.feature in DIVISION_FEATURES:
            weight = W_NAMED_DIVISION if named_division(text, p) else W_AREA
        elif named_division(text, p) and _has_division(gazetteer, p.span.text, pl.iso):
            weight = W_NAMED_DIVISION  # "Kerou county" read as the town: its country has the county too
        elif (
            pl.feature == "city"
            and not _called_village(text, p, lang)
            and _has_division(gazetteer, p.span.text, pl.iso)
        ):
            weight = W_SEAT  # "in Kerou": a town seating the division of its name, no hamlet's namesake
        elif _called_village(text, p, lang):
            weight = W_SMALL_TOWN
        elif pl.feature == "country":
            if NEIGHBOUR_BEFORE.search(text[max(0, p.span.start - 30) : p.span.start]):
                continue
            weight = W_COUNTRY
        elif pl.geonameid is not None and pl.population < SMALL_TOWN_POPULATION:
            weight = W_SMALL_TOWN
        else:
            weight = W_TOWN
        if p.span.start in not_locations:
            weight *= W_NOT_LOCATION
        # a place named again adds little: the story's country shows in the variety of its places
        repeat = W_REPEAT if (pl.name, pl.iso) in seen else 1.0
        # among equal evidence a national capital wins ("Kerou (Port Verel)": a town abroad and
        # the capital at home): a tie-break far below any weight
        counts[(pl.country, pl.iso)] += weight * repeat + (TIE_BREAK if _is_capital(pl, gazetteer) else 0.0)  # type: ignore[assignment]
        seen.add((pl.name, pl.iso))
    if gazetteer is not None:
        # "the cercle of Kerou", "Tamba sub-location": a division of one country's, known or not
        counts += _kind_evidence(text, lang, gazetteer)
    return counts


def _kind_evidence(text: str, lang: str, gazetteer: Gazetteer) -> Counter:
    """`kind_evidence` of the text's division nouns, remembered for the last text (a document's
    country is weighed several times over one text); a new Counter each call."""
    key = (text, lang, id(gazetteer))
    last = _KIND_MEMO[0]  # one tuple read and written whole: threads never see half of one
    if last is None or last[0] != key or last[1] is not gazetteer:
        last = _KIND_MEMO[0] = (
            key,
            gazetteer,
            kind_evidence(text, lang, gazetteer, weight=W_NAMED_DIVISION, repeat=W_REPEAT),
        )
    return Counter(last[2])


_KIND_MEMO: list[tuple[tuple[str, str, int], Gazetteer, Counter] | None] = [None]


# what may stand between a place and the area that qualifies it: "Kerou, Tamba", "Kerou (Tamba"
_QUALIFIER_BETWEEN = re.compile(r"\s*[,(]\s*")
_QUALIFIER_FEATURES = DIVISION_FEATURES | {"country", "city"}


def _qualified(text: str, places: Iterable[PlaceMention]) -> frozenset[int]:
    """Return the starts of the place mentions that the next one qualifies with an area of
    another country ("Kerou, Tamba", "Kerou (Tamba, Lolo)": Kerou lies in Tamba, so the namesake
    the gazetteer gave Kerou abroad says nothing of the story's country)."""
    ordered = sorted((p for p in places if p.place is not None), key=lambda p: p.span.start)
    out = set()
    for p, q in pairwise(ordered):
        if (
            p.place is not None
            and q.place is not None
            and q.place.iso
            and q.place.iso != p.place.iso
            and q.place.feature in _QUALIFIER_FEATURES
            and q.relation not in NOT_THE_STORY
            and _QUALIFIER_BETWEEN.fullmatch(text, p.span.end, q.span.start)
        ):
            out.add(p.span.start)
    return frozenset(out)


def other_evidence(
    text: str,
    places: Iterable[PlaceMention],
    *,
    lang: str,
    gazetteer: Gazetteer,
    skip: Iterable[tuple[int, int]] = (),
) -> Counter:
    """Return the weight per (country name, ISO2) of the document's actors, nationality
    adjectives and country cues (a word inside a place mention or an actor's name counts once,
    there)."""
    counts: Counter = Counter()
    taken: list[tuple[int, int]] = [*skip, *((p.span.start, p.span.end) for p in places if p.place is not None)]
    named = len(taken)  # the actors' spans follow
    unknown = [(p.span.start, p.span.end) for p in places if p.place is None]
    bordered = {p.place.iso for p in places if p.relation == "border" and p.place and p.place.feature == "country"}
    abroad: list[tuple[int, int]] = []  # foreign forces: their own country's words say nothing
    # "anti-IEBC protests": a name after "anti-"/"pro-" is no actor of the event, but still says
    # where the story is (the dash made a space, the spans unchanged)
    for actor in find_actor_mentions(unprefixed(text), lang=lang, country=None):
        if actor.span is None or not actor.country:
            continue
        if not (
            actor.span.text[:1].isupper()
            or _ARTICLE_NAME.match(actor.span.text)
            or any(gazetteer.demonym_country(w) for w in _WORD_RE.findall(actor.span.text))
        ):
            continue  # "gendarmes" alone names no country; "gendarmes maliens", "FAMa" do
        # "the Kerouan National Guard": a nationality stated before or inside the name says whose
        # it is, when the table's alias belongs to another country (the adjective is then the
        # actor's; otherwise it still counts as a nationality on its own)
        own = gazetteer.country_iso(actor.country)
        before = list(_WORD_RE.finditer(text, max(0, actor.span.start - 25), actor.span.start))[-1:]
        start = before[0].start() if before and before[0].end() >= actor.span.start - 1 else actor.span.start
        stated = _stated_nationality(text[start : actor.span.end], gazetteer)
        iso = stated if stated is not None and stated != own else own
        # "French Barkhane forces": a foreign force's own nationality says where it comes from only
        foreign = actor.actor_type == "external_forces"
        taken.append((start if iso != own or foreign else actor.span.start, actor.span.end))
        if foreign:
            abroad.append(taken[-1])
        if actor.actor_type == "state_forces" or _stationed(actor.name, actor.country):
            weight = W_STATE_FORCES  # a mission named after its host ("... Mission in Kerou") serves there
        elif actor.actor_type != "external_forces":
            weight = W_DOMESTIC_ACTOR
        else:
            continue
        shares = group_isos(actor, gazetteer) if iso == own else ()
        # "raided Kerou, at the border with Kerouvia": a group of two countries, one of them named
        # as the border, acts in the other
        shares = tuple(s for s in shares if s not in bordered) or shares
        for k, share in enumerate(shares or ([iso] if iso else [])):
            # a group of several countries ("Mali|Niger") weighs in each, its home a hair ahead
            counts[(gazetteer.country_name(share), share)] += weight / max(1, len(shares)) + (  # type: ignore[assignment]
                TIE_BREAK if k == 0 and len(shares) > 1 else 0.0
            )
    counts += _demonym_evidence(text, lang, gazetteer, taken, unknown)
    # "the Kerouvia Forest Service": a national body named after its country (its name is no place)
    counts += national_institution_evidence(text, gazetteer=gazetteer, taken=taken[named:])
    # "an MCA", "a boda boda rider", "le préfet du cercle": one country's words (normalize.country_cues);
    # a foreign force's operation is one too, of the countries where it serves ("opération Kerou")
    counts += cue_evidence(text, lang=lang, gazetteer=gazetteer, taken=[t for t in taken if t not in abroad])
    return counts


def _demonym_evidence(
    text: str, lang: str, gazetteer: Gazetteer, taken: list[tuple[int, int]], unknown: list[tuple[int, int]]
) -> Counter:
    """Return the weight per (country name, ISO2) of the nationality adjectives and the peoples
    ACLED knows in one country that the text uses outside the spans `taken` (other_evidence)."""
    counts: Counter = Counter()
    homes = people_homes()
    for m in _WORD_RE.finditer(text):
        # the demonym look-up (a cached key in a set): most words are none
        iso = gazetteer.demonym_country(m.group())
        if not iso:
            if not m.group()[:1].isupper():
                continue  # a people is named with a capital: a lowercase word is not looked up
            word = fold(m.group())
            home = homes.get(word) or homes.get(word.removesuffix("s"))
            if home and not any(a <= m.start() < b for a, b in taken):
                # "Kerouvian herders", "the Tambas": a people ACLED knows in one country only
                iso = gazetteer.country_iso(home)
                if iso:
                    counts[(gazetteer.country_name(iso), iso)] += W_DEMONYM  # type: ignore[assignment]
            continue
        if any(a <= m.start() < b for a, b in [*taken, *unknown]):
            continue
        name = gazetteer.country_name(iso)
        if name:
            place = _demonym_place(text, m.start(), m.end(), lang)
            counts[(name, iso)] += (  # type: ignore[assignment]
                W_DEMONYM_PLACE if place else W_DEMONYM
            )
    return counts


def group_isos(actor: Actor, gazetteer: Gazetteer) -> tuple[str, ...]:
    """Return the ISO2 codes of the countries the table places a group in ("Mali|Burkina
    Faso|Niger": its home first), when its alias names it in several; else ()."""
    if actor.span is None:
        return ()
    aliases = load_actor_aliases()
    key = " ".join(fold(actor.span.text).replace("-", " ").split())
    isos: list[str] = []
    for i in aliases.by_alias.get(key, ()):
        entry = aliases.entries[i]
        iso = gazetteer.country_iso(entry.country) if entry.name == actor.name and entry.country else None
        if iso and iso not in isos:
            isos.append(iso)
    return tuple(isos) if len(isos) > 1 else ()


def unprefixed(text: str) -> str:
    """Return the text with the dash of "anti-"/"pro-" before a capital made a space ("anti-IEBC"
    -> "anti IEBC"), so the name after it is read; same length, same spans."""
    return _PREFIXED.sub(r"\1 ", text)


def _stationed(name: str, country: str) -> bool:
    """Return whether an actor's name says it serves in its table country ("United Nations
    Stabilization Mission in Kerou": a peacekeeping mission stays in its host country)."""
    return bool(re.search(rf"\b(?:in|au|en)\s+(?:the\s+)?{re.escape(country)}$", name))


_PEOPLE_ACTOR = re.compile(r"^(?P<people>.+) Ethnic (?:Militia|Group) \((?P<country>[^)]+)\)$")


@cache
def people_homes() -> dict[str, str]:
    """Return the folded names of the peoples whose ACLED actors ("<People> Ethnic Militia
    (<country>)", "<People> Ethnic Group (<country>)": data/actors.tsv) all lie in one country,
    with that country; with the forms data/ethnic_militias.yaml gives them ("Peuls" → Fulani)."""
    countries: dict[str, set[str]] = {}
    for entry in load_actor_aliases().entries:
        m = _PEOPLE_ACTOR.match(entry.name)
        if m and entry.country and m.group("people") != "Unidentified":
            countries.setdefault(m.group("people"), set()).add(entry.country)
    homes = {fold(people): next(iter(c)) for people, c in countries.items() if len(c) == 1}
    for form, people in load_ethnic_militias().people_by_form.items():
        if fold(people) in homes:
            homes.setdefault(fold(form), homes[fold(people)])
    return homes


def _stated_nationality(name: str, gazetteer: Gazetteer) -> str | None:
    """Return the ISO2 of the one nationality an actor's words state ("the Kerouan National
    Guard" is Kerou's, whichever country the table's alias "National Guard" belongs to)."""
    found = {iso for w in _WORD_RE.findall(name) if (iso := gazetteer.demonym_country(w))}
    return next(iter(found)) if len(found) == 1 else None


def title_evidence(title: str | None, *, gazetteer: Gazetteer) -> Counter:
    """Return the weight per (country name, ISO2) of the countries a headline names ("Kerou :
    deux morts dans une attaque au Tchad"): W_COUNTRY each, once, unless named as a neighbour."""
    counts: Counter = Counter()
    if not title:
        return counts
    words = list(_WORD_RE.finditer(title))
    for i in range(len(words)):
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            start, end = words[i].start(), words[i + n - 1].end()
            if NEIGHBOUR_BEFORE.search(title[max(0, start - 30) : start]):
                continue
            found = [c for c in gazetteer.candidates(title[start:end]) if c.feature == "country" and c.primary]
            if found:
                counts[(found[0].country, found[0].iso)] = W_COUNTRY  # type: ignore[assignment]
                break
    return counts


def named_countries(
    text: str, places: Iterable[PlaceMention], *, not_locations: frozenset[int] = frozenset()
) -> frozenset[str]:
    """Return the ISO2 codes of the countries a document names as locations, by their own name
    or a division's (not as a neighbour, a border, or inside another name)."""
    return frozenset(
        p.place.iso
        for p in places
        if p.place is not None
        and p.place.iso
        and p.place.feature in COUNTRY_OR_DIVISION_FEATURES
        and p.relation not in NOT_THE_STORY
        and p.span.start not in not_locations
        and not (
            p.place.feature == "country" and NEIGHBOUR_BEFORE.search(text[max(0, p.span.start - 30) : p.span.start])
        )
    )


def elsewhere_countries(text: str, places: Iterable[PlaceMention], main_iso: str | None) -> frozenset[int]:
    """Return the starts of the mentions of countries other than `main_iso` named as a neighbour or
    a destination ("a convoy carrying supplies to Lolo", "fled into Lolo" in a story about Kerou):
    the incident is not there, so such a country is no place of it (a language regularity)."""
    if main_iso is None:
        return frozenset()
    return frozenset(
        p.span.start
        for p in places
        if p.place is not None
        and p.place.feature == "country"
        and p.place.iso != main_iso
        and NEIGHBOUR_BEFORE.search(text[max(0, p.span.start - 30) : p.span.start])
    )


def main_country(places: Counter, others: Counter) -> tuple[str | None, str | None]:
    """Return the (country name, ISO2) with the most evidence, or (None, None).

    Places come first: an army or a nationality is often foreign to the story ("l'armée
    israélienne" striking a village in Lebanon), so actors and adjectives only settle close
    calls, unless the document names no place at all."""
    counts = places + Counter({k: v * W_OTHERS for k, v in others.items()}) if places else others
    return counts.most_common(1)[0][0] if counts else (None, None)
