"""Choose the place of an incident mention among the place mentions of its sentence.

ACLED codes the most precise place the report supports. Three rules decide here:
  1. places inside the speaker or the reporting clause ("les services anti-terroristes du
     ministère", "joint depuis la capitale") and datelines never place the incident;
  2. a sentence that lists places ("Tazor et Merelo", "the villages of Balinga and Koumadi 2")
     reports one incident per place;
  3. a village the gazetteer does not know is kept under its own name, coded to the nearest
     known place the article gives (the town it is "20 km from", the district it lies in) with
     geo_precision 2 — ACLED's practice — instead of being dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from eventwire.extract.lexicon import fold
from eventwire.gazetteer import load_gazetteer
from eventwire.lang.words import load_word_lists
from eventwire.models import COUNTRY_OR_DIVISION_FEATURES, Place, PlaceMention, Span
from eventwire.normalize.appositions import (
    alternatives,
    at_border_between,
    comma_apposed,
    in_bracket_after_comma,
    is_date_name,
    names_division_of,
    names_groups,
    names_province_of_a_district,
    village_in_division,
)
from eventwire.normalize.doc_country import division_noun_after, named_division
from eventwire.normalize.list_coordination import coordinated
from eventwire.normalize.listed_points import own_point
from eventwire.normalize.qualifying_places import (
    commune_of_the_place_before,
    division_of_the_place_before,
    road_end,
)
from eventwire.normalize.village_places import (
    STRONG_LOCATIVE,
    apposition_place,
    derived_place,
    load_not_places,
    locative_names,
    village_mentions,
)

FEATURE_RANK = {
    "airbase": 0,
    "facility": 0,
    "camp": 0,
    "hospital": 0,
    "border_crossing": 0,
    "city": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 3,
    "country": 4,
}
# A foreign town smaller than this, in an article about another country, is a namesake of an
# unknown local village (a Tela in Mali vs Tela in Honduras); capitals and big cities stay.
FOREIGN_NAMESAKE_MAX_POP = 200_000
# rapidfuzz ratio (0-100) from which a written name respells a place's own name ("Boni", 75 for Bonn, is not)
RESPELT_MIN_RATIO = 80
# ... and a foreign city smaller than this yields to a namesake in the article's country ("Palma"
# in a story about Mozambique is the Mozambican town, not Palma de Mallorca)
FAMOUS_CITY_POP = 1_000_000


# Words right before a toponym that make it a place even when the gazetteer does not know it.
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:à|au|aux|dans|près de|non loin de|village de|villages de|localité de|localités de|"
    r"commune de|quartier de|habitants de|population de|populations de|in|at|near|village of|villages of|"
    r"town of|area of|residents of|outside of|outside|notamment|"
    # elided "de": "la localité d'Ifoura", "les habitants d'Oumassa"
    r"(?:village|localité|commune|quartier|habitants|population|populations|ville|région|cercle)\s+d['’]|"
    # a verb whose object is the place attacked ("a visé Tazor", "raided Merelo")
    r"visé|visée|visant|ciblé|ciblée|attaqué|attaquée|pris d'assaut|targeted|attacked|raided|stormed|hit|struck)\s*)$",
    re.IGNORECASE,
)


_NAME = r"((?:(?:al|el|ad|ar|as|an|ash|at|az|ed|en|es|et)-)?[A-ZÀ-Ý][\w'’-]+(?:\s(?:[A-ZÀ-Ý0-9][\w'’-]*))?)"
# ", Bera", " et Bera", and after a coordinator the locative word repeated: " et à Bera", " and in Bera",
# or a word calling the next place nearby: " and nearby Bera" (ACLED: one event per location)
_NEARBY = r"(?:(?:à|in|at)\s+|(?:nearby|neighbou?ring)\s+)?"
LIST_ITEM_AFTER = re.compile(
    r"(?:\s*,\s*(?:(?:et|and|ou|or)\s+" + _NEARBY + r")?|\s+(?:et|and|ou|or)\s+" + _NEARBY + r")" + _NAME
)
LIST_ITEM_BEFORE = re.compile(r"((?:[A-ZÀ-Ý][\w'’-]+)(?:\s(?:[A-ZÀ-Ý0-9][\w'’-]*))?)(?:\s*\([^()]{1,30}\))?\s*,\s*$")
# "Kharkiv, Sumy and Odesa regions" when NER found only the last name: the one before "and"
# joins the list only when the article's country has a place of that name
LIST_ITEM_BEFORE_JOINED = re.compile(r"((?:[A-ZÀ-Ý][\w'’-]+)(?:\s(?:[A-ZÀ-Ý0-9][\w'’-]*))?)\s+(?:et|and)\s+$")


@lru_cache(maxsize=1)
def _list_followers() -> frozenset[str]:
    """Return the words that may follow the last place of a list, in either language (a list is
    read before its language matters: "Kerou et Tamba près de Gao", "were attacked")."""
    return frozenset(w for lang in ("fr", "en") for w in load_word_lists(lang).get("list_followers"))


def _listed_after(text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
    """Yield the names listed right after `pos` (", Name", " et Name"…), up to `end` (group 1)."""
    while pos < end and (m := LIST_ITEM_AFTER.match(text, pos, end)):
        yield m
        pos = m.end(1)


def expand_list(
    text: str,
    sentence: Span,
    candidates: list[PlaceMention],
    *,
    resolve: Callable[[str], Place | None] | None = None,
) -> list[PlaceMention]:
    """Return the candidates plus the names listed with them that NER missed
    ("Balinga, Koumadi, Tazor et Merelo": all four, when one of them is a place mention).

    `resolve` looks a listed name up in the article's country ("Homs, Hama, al-Qusayr and
    Rastan": Hama is a known town); names it does not know stay unknown villages."""
    taken = {(p.span.start, p.span.end) for p in candidates}
    found = list(candidates)

    def add(start: int, end: int, joined: bool = False) -> None:
        # "…Market Square, Malian police officials said": a name followed by a lower-case word
        # modifies a noun (a demonym, an organisation), it is not a listed place
        nxt = re.match(r"\s+([a-zà-ÿ][\w'’]*)", text[end : end + 20])
        if not joined and nxt and nxt.group(1).lower() not in _list_followers():
            return
        if is_date_name(text[start:end]):
            return  # "On June 3, Kerou residents…": a date (normalize.appositions)
        if (start, end) not in taken and not any(q.span.start <= start < q.span.end for q in found):
            place = resolve(text[start:end]) if resolve is not None else None
            found.append(
                PlaceMention(
                    span=Span(start, end, text[start:end]),
                    name=text[start:end],
                    place=place,
                    method="list",
                    reason="listed with other places; found in the article's country"
                    if place is not None
                    else "listed with other places; not in the gazetteer",
                )
            )
            taken.add((start, end))

    for p in candidates:
        if p.place is not None and p.place.feature in COUNTRY_OR_DIVISION_FEATURES:
            continue
        # forward: ", Name" / " et Name" right after the mention, repeatedly
        for after in _listed_after(text, p.span.end, sentence.end):
            add(
                after.start(1),
                after.end(1),
                joined=bool(
                    re.search(
                        r"\b(?:et|and|ou|or)(?:\s+(?:nearby|neighbou?ring))?\s*$", text[after.start() : after.start(1)]
                    )
                ),
            )
        # backward: "Name, " right before the mention, repeatedly
        pos = p.span.start
        last = LIST_ITEM_BEFORE_JOINED.search(text, sentence.start, pos)
        if (
            last is not None
            and last.end() == pos
            and resolve is not None
            and resolve(last.group(1)) is not None
            and p.place is not None
        ):
            add(last.start(1), last.end(1), joined=True)
            pos = last.start(1)
        while pos > sentence.start and (m := LIST_ITEM_BEFORE.search(text, sentence.start, pos)) and m.end() == pos:
            add(m.start(1), m.end(1))
            pos = m.start(1)
    return sorted(found, key=lambda q: q.span.start)


def document_villages(text: str, places: tuple[PlaceMention, ...]) -> frozenset[str]:
    """Return the names an article introduces as localities the gazetteer does not know ("the
    villages of Balinga and Koumadi 2", "la localité d'Ifoura"), so that a later sentence naming
    one alone ("Another 9 died in Koumadi 2") is placed there too."""
    names: set[str] = set()
    for m in STRONG_LOCATIVE.finditer(text):
        spans = [(m.start(1), m.end(1))] + [(i.start(1), i.end(1)) for i in _listed_after(text, m.end(1), len(text))]
        for a, b in spans:
            name = text[a:b]
            if fold(name) in load_not_places() or len(name) < 3:
                continue
            if any(p.place is not None and p.span.start <= a < p.span.end for p in places):
                continue  # the gazetteer knows it
            names.add(name)
    return frozenset(names)


def _inside(span: Span, outer: tuple[Span, ...]) -> bool:
    return any(x.start <= span.start and span.end <= x.end for x in outer)


def sentence_places(
    sentence: Span, places: tuple[PlaceMention, ...], *, exclude: tuple[Span, ...]
) -> list[PlaceMention]:
    """Return the place mentions of a sentence that may place its incident, in text order."""
    return [
        p
        for p in places
        if sentence.start <= p.span.start
        and p.span.end <= sentence.end
        and p.relation not in ("dateline", "demonym", "distance reference")
        and not _inside(p.span, exclude)
    ]


def _precision_rank(p: PlaceMention) -> tuple[int, int, int]:
    """Return the sort key of a resolved mention: the most precise place first, then the earliest."""
    assert p.place is not None, f"{p.name}: only resolved mentions are ranked"
    return p.place.geo_precision, FEATURE_RANK.get(p.place.feature, 2), p.span.start


def _anchor(candidates: list[PlaceMention], main_iso: str | None, text: str = "") -> Place | None:
    """Return the most precise resolved place to code an unknown village to."""
    # the neighbour across a border never places a village ("près de la frontière du Niger")
    resolved = [
        (p, p.place)
        for p in candidates
        if p.place is not None and (main_iso is None or p.place.iso == main_iso) and p.relation != "border"
    ]
    if not resolved:
        return None

    def county(pp: tuple[PlaceMention, Place]) -> bool:
        return pp[1].feature == "city" and bool(text) and named_division(text, pp[0])

    # a name written with its division noun is the division, even where the gazetteer reads its
    # town: "Kerou village, Tamba sub-county, Gao county" lies in Tamba, not near Gao town (a
    # smaller division wins; a town the sentence names keeps its place in the order)
    smaller = any(pp[1].feature == "admin2" for pp in resolved)

    def precision(pp: tuple[PlaceMention, Place]) -> tuple[int, int]:
        if smaller and county(pp):
            return 2, FEATURE_RANK["admin1"]
        return pp[1].geo_precision, FEATURE_RANK.get(pp[1].feature, 2)

    best, place = min(resolved, key=precision)
    if (
        (best.relation or "").endswith(" part")
        and place.feature == "admin1"
        and fold(best.span.text) != fold(place.name)
    ):
        # "le nord du Togo" coded to its northernmost division is a guess: a village there is
        # only known to be in the country
        return replace(place, feature="country", name=place.country, admin1=None, admin2=None)
    return place


def _domestic(
    p: PlaceMention,
    main_iso: str | None,
    named_isos: frozenset[str],
    resolve: Callable[[str], Place | None] | None,
) -> PlaceMention:
    """Return a town resolved abroad as its namesake in the article's country, or as an unknown
    village, unless the article gives explicit evidence for the foreign one.

    A name with namesakes means the one in the country the article is about: in a story about
    Togo, "Tola" is the Togolese village, not Tola in Nicaragua; when Togo has no Tola, it is a
    village the gazetteer lacks. Evidence for the foreign town: it is big (a capital or a city
    of FOREIGN_NAMESAKE_MAX_POP, or of FAMOUS_CITY_POP when the article's country has a namesake),
    or the article names its country or one of its divisions
    ("rockets fired from Lebanon hit Metula, in northern Israel").
    """
    pl = p.place
    if (
        pl is None
        or main_iso is None
        or pl.iso == main_iso
        or pl.feature != "city"
        or pl.population >= FAMOUS_CITY_POP
        or pl.iso in named_isos
        or pl.geonameid is None
    ):  # the project's own supplement names known places
        return p
    home = resolve(p.span.text) if resolve is not None else None
    if home is None and pl.population >= FOREIGN_NAMESAKE_MAX_POP and _own_name(p.span.text, pl):
        return p
    if home is not None:
        return replace(
            p,
            place=home,
            method="domestic_namesake",
            reason=f"{pl.name} ({pl.country}) is outside the article's country; its namesake in {home.country}",
        )
    return replace(p, place=None, reason=f"{pl.name} ({pl.country}) is outside the article's country")


def _own_name(name: str, place: Place) -> bool:
    """Return whether `name` is the place's own name, not one of its names in another language:
    a big town abroad written "Kerouna" in its old Latin name is no evidence against a village
    Kerouna at home. A spelling of the own name is still the own name (a language regularity:
    transliterations and exonyms that only respell it, "Soumy"/"Sumy", "Odessa"/"Odesa", stay close to
    it; a division is named by its head word, "Kerou" for "Kerouska Oblast"; not "Boni" for Bonn,
    one letter of four changed, nor "Ber" for Berlin, a bare syllable)."""
    folded, own = fold(name), fold(place.name)
    if (own.startswith(folded) and len(folded) > 4) or fuzz.ratio(folded, own) >= RESPELT_MIN_RATIO:
        return True
    return any(c.geonameid == place.geonameid and c.primary for c in load_gazetteer().candidates(name))


def _is_locative(text: str, mention: PlaceMention) -> bool:
    before = text[max(0, mention.span.start - 30) : mention.span.start]
    return bool(LOCATIVE_BEFORE.search(before))


# A short bracketed gloss after a listed name ("Soumy (Nord), Odessa (Sud)"), skipped between items.
GLOSS = re.compile(r"\s*\([^()]{1,30}\)")


def _glossed(text: str, p: PlaceMention, run: list[PlaceMention]) -> bool:
    """Return whether a place mention is a bracketed gloss right after the last listed name."""
    return (
        bool(run) and text[run[-1].span.end : p.span.start].strip() == "(" and text[p.span.end : p.span.end + 1] == ")"
    )


def _container(text: str, p: PlaceMention, run: list[PlaceMention]) -> bool:
    """Return whether a place mention is the division a comma puts the last listed town in
    ("Kerou, Tamba County", "Kerou village, Tamba district"): an apposition, not a list item
    (ACLED codes one event, at the town)."""
    if not run or p.place is None or not comma_apposed(text[run[-1].span.end : p.span.start]):
        return False
    if in_bracket_after_comma(text, p, run[-1]) or names_division_of(text, p, run[-1]):
        return True  # "Kerou (Tamba, Sila)", "Kerou, Tamba" in Tamba county (normalize.appositions)
    last = run[-1].place
    if last is not None and last.feature in COUNTRY_OR_DIVISION_FEATURES:
        return False  # "Kharkiv, Sumy regions": a list of divisions
    return named_division(text, p) or (
        p.place.feature in ("admin1", "admin2")
        and last is not None
        and last.iso == p.place.iso
        and p.place.name in (last.admin1, last.admin2)
    )


def _longest_run(text: str, ordered: list[PlaceMention]) -> list[PlaceMention]:
    """Return the longest run of coordinated precise (or unknown) places of a sentence."""
    best: list[PlaceMention] = []
    run: list[PlaceMention] = []
    for p in ordered:
        if _glossed(text, p, run) or _container(text, p, run):
            continue  # "Kharkiv (Nord-Est), Soumy (Nord)": a direction in brackets glosses the name
        precise_or_unknown = (
            p.place is None
            or (
                p.place.feature not in COUNTRY_OR_DIVISION_FEATURES
                and p.place.geo_precision <= 2
                and p.relation is None
            )
            or (p.place.feature == "admin1" and p.relation is None)
        )  # "Mykolaïv (Sud), Kharkiv (Nord-Est)…"
        if not precise_or_unknown:
            run = []
            continue
        if run and coordinated(GLOSS.sub("", text[run[-1].span.end : p.span.start])):
            run.append(p)
        else:
            run = [p]
        if len(run) > len(best):
            best = list(run)
    return best


def _listed_places(
    text: str,
    best: list[PlaceMention],
    candidates: list[PlaceMention],
    usable: Callable[[PlaceMention], PlaceMention | None],
) -> list[PlaceMention]:
    """Return the places of a list (rule 2), one for "between X and Y", or [] for no list."""
    if not (
        len(best) >= 2 and (any(p.place is not None or p.method != "list" for p in best) or _is_locative(text, best[0]))
    ) or names_groups(text, best[-1]):
        return []  # (names_groups: "the Kerou and Tamba clans", normalize.appositions)
    listed = [u for u in (usable(p) for p in best) if u is not None]
    isos = {u.place.iso for u in listed if u.place is not None}  # `usable` mentions all have one
    between = re.search(
        r"\b(?:between|entre|linking|connecting|joining|reliant)\s+(?:the\s+|les\s+|la\s+|le\s+)?$",
        text[max(0, best[0].span.start - 20) : best[0].span.start],
        re.IGNORECASE,
    )
    # "the streets of Port Verel, located just below the hamlets of Tazor and
    # Merelo": unknown names described after a known town do not displace it
    earlier_town = any(
        p.place is not None
        and p.relation is None
        and p.place.feature not in COUNTRY_OR_DIVISION_FEATURES
        and p.span.end <= best[0].span.start
        for p in candidates
    )
    if earlier_town and all(p.place is None for p in best):
        listed = []
    # "at the border of Tamba and Sila counties", "in Tamba or Sila": one point (normalize.appositions);
    # so is a road "linking Tazor and Merelo" (a language regularity: the road between them)
    one_point = between is not None or at_border_between(text, best[0]) or alternatives(text, best)
    if len(listed) >= 2 and len(isos) == 1 and not one_point:
        return listed
    if one_point and listed:
        # "between Tazor and Merelo": one incident on the road between two places
        return [listed[0]]
    return []


# An open bracket and what follows it up to a name ("Kerou (", "Kerou (Tamba, ").
_OPEN_BRACKET = re.compile(r"\(\s*(?:[^()]{0,30},\s*)?$")


def _secondary(text: str, p: PlaceMention, candidates: list[PlaceMention]) -> bool:
    """Return whether a place only qualifies another the sentence names: a gloss in brackets
    after it ("Kerou (Tamba)", "Kerou (Gare, Tamba)"), the division a comma puts it in ("Kerou,
    Tamba county"), the commune an apposition puts it in ("Kerou, dans la commune de Tamba"), or
    an end of a road ("on the Kerou-Tamba road near Gao"). ACLED codes the place itself, at the
    gloss's point only when the place is unknown."""
    if (
        road_end(text, p)
        or names_province_of_a_district(p, candidates)
        or commune_of_the_place_before(text, p, candidates)
        or division_of_the_place_before(text, p, candidates)
    ):
        return True
    before = [c for c in candidates if c.span.end <= p.span.start]
    if not before:
        return False
    last = max(before, key=lambda c: c.span.end)
    opening = _OPEN_BRACKET.search(text, max(0, p.span.start - 40), p.span.start)
    # the gloss may follow the division noun of the name it glosses: "Kerou sub-county (Tamba,
    # …)" is Kerou, in Tamba county (a language regularity of ACLED's notes and local news)
    gap = text[last.span.end : opening.start()] if opening is not None else "-"
    noun = division_noun_after().match(gap)
    if opening is not None and opening.end() == p.span.start and not gap[noun.end() if noun else 0 :].strip():
        return True
    return _container(text, p, [last])


def _only_areas(text: str, resolved: list[PlaceMention], candidates: list[PlaceMention]) -> bool:
    """Return whether every resolved place of a sentence is a country, a division or a place that
    only qualifies another ("in Kerou, Tamba county": the county, even when the gazetteer reads
    Tamba as its town; "in Kerou (Tamba)": a gloss)."""
    return all(
        p.place is not None
        and (
            p.place.feature in COUNTRY_OR_DIVISION_FEATURES
            or named_division(text, p)
            or _secondary(text, p, candidates)
        )
        for p in resolved
    )


def choose_places(
    text: str,
    sentence: Span,
    paragraph_places: list[PlaceMention],
    candidates: list[PlaceMention],
    *,
    main_iso: str | None,
    document_anchor: Place | None = None,
    known: tuple[PlaceMention, ...] = (),
    villages: frozenset[str] = frozenset(),
    resolve: Callable[[str], Place | None] | None = None,
    named_isos: frozenset[str] = frozenset(),
) -> list[PlaceMention]:
    """Return the place(s) of the incidents a sentence reports: several when it lists places,
    one for the most precise place, or [] when it names none.

    `candidates` are the sentence's usable place mentions (see `sentence_places`);
    `paragraph_places` are the usable ones of its paragraph, to code unknown villages;
    `known` all the document's usable place mentions (see `locative_names`); `villages` the
    unknown localities the article introduces (see `document_villages`); `resolve` looks up
    a name in the article's country (see `expand_list`, `_domestic`); `named_isos` are the
    countries the article names itself or by a division (see `_domestic`).
    """
    anchor = _anchor(candidates, main_iso, text) or _anchor(paragraph_places, main_iso, text) or document_anchor
    candidates = [_domestic(p, main_iso, named_isos, resolve) for p in candidates]
    # "the areas bordering Somalia", "près de la frontière nigérienne" in a story about another
    # country: the incident is on this side of the border
    candidates = [
        p
        for p in candidates
        if not (p.relation == "border" and p.place is not None and (main_iso is None or p.place.iso != main_iso))
    ]
    candidates = candidates + locative_names(text, sentence, candidates, known)
    candidates = sorted(
        candidates + village_mentions(text, sentence, villages, candidates),
        key=lambda p: p.span.start,
    )

    def usable(p: PlaceMention) -> PlaceMention | None:
        if p.place is not None:
            return p
        if anchor is not None and p.span.text[:1].isupper() and fold(p.span.text) not in load_not_places():
            return derived_place(p, anchor)
        return None

    # rule 2: a list of places
    towns = (
        (
            lambda name: (
                town if (town := resolve(name)) is None or town.feature not in COUNTRY_OR_DIVISION_FEATURES else None
            )
        )
        if resolve is not None
        else None
    )
    expanded = expand_list(text, sentence, candidates, resolve=towns)
    best = _longest_run(text, expanded)
    listed = _listed_places(text, best, candidates, lambda p: usable(own_point(p, towns)))  # each at its point
    if listed:
        return listed
    # rule 1: the most precise resolved place; rule 3: an unknown village after "à", "in"…
    resolved = [p for p in candidates if p.place is not None]
    if (apposed := village_in_division(text, expanded, resolved)) is not None:
        return [apposed]  # "Kerou, Tamba" (normalize.appositions)
    unknown = [p for p in candidates if p.place is None and (p.method == "locative" or _is_locative(text, p))]
    described = apposition_place(text, unknown[0], resolved, main_iso) if unknown else None
    if described is not None and _only_areas(text, [p for p in resolved if p is not described], candidates):
        assert described.place is not None  # `resolved` mentions all have one
        return [derived_place(unknown[0], described.place)]
    if unknown and anchor is not None and _only_areas(text, resolved, candidates):
        derived = usable(unknown[0])
        if derived is not None:
            return [derived]
    if not resolved:
        return []
    in_main = [p for p in resolved if main_iso is None or (p.place is not None and p.place.iso == main_iso)]
    pool = in_main or resolved
    # "near Kerou (Tamba)", "along the Tamba-Kerou road near Gao": the place itself, not its gloss
    primary = [p for p in pool if not _secondary(text, p, candidates)]
    return [min(primary or pool, key=_precision_rank)]
