"""Place mentions in French and English news, resolved against the offline gazetteer.

`find_place_mentions` (what the event pipeline uses) and `find_toponyms` (every toponym as the
GeoWebNews/LGL gold standards count them) share these steps (numbered in the body):
  1. datelines ("ERBIL (Reuters) -", "BAMAKO, 12 mars (AFP) -", "(Washington) -", "ATLANTA -"),
     flagged relation="dateline" so callers never take them for the event place; "Jackson and
     Barrow counties";
  2. toponyms from spaCy entities (GPE/LOC/FAC; LOC in the French model), demonyms (NORP,
     lowercase "maliens"), well-known places inside organisation names ("Ohio Department of
     Health"), capitalized n-grams the NER missed when the gazetteer knows them well enough (or,
     on a second look, when they are towns of the divisions the document is about), dotted
     abbreviations ("U.S.", "Ga."), and every other occurrence of a name found once;
  3. relative phrases around each toponym ("in western Iraq", "près de Gao", "40 km north of
     Goma", "à la frontière nigérienne") that change the point or the precision;
  4. resolution: first each name alone, then with the context of the document's *other* names:
     their countries (and neighbours), the dominant country, their admin1 and admin2 areas, and
     "Town, State" pairs, so "Georgia" next to "Atlanta" is the US state and "Gaza" beside
     "Israel" is in Palestine.
A name the gazetteer does not know is returned with place=None and a reason, never dropped.
Demonyms, places inside organisation names and unknown buildings placed at the document's main
town carry relations in `TOPONYM_ONLY_RELATIONS` and only `find_toponyms` returns them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from functools import cache

from eventwire.datafiles import data_path, read_language_lists
from eventwire.geo import EARTH_RADIUS_KM
from eventwire.models import AREA_FEATURES, Place, PlaceMention, Span
from eventwire.gazetteer import Candidate, Gazetteer, name_key

# Ranking weights (geocode_place). Tuned by hand on GWN/LGL (benchmarks/geoparse_eval.py):
# a country named in the document outweighs one order of magnitude of population but not two.
W_PRIMARY = 2.0  # matched the entry's own name rather than an alternate
W_FEATURE = {
    "continent": 8.0, "country": 12.0, "region": 8.0, "admin1": 3.0, "admin2": 0.0, "city": 0.0,
}
W_SUPPLEMENT = 9.0  # our own hand-checked entries (their aliases count as own names)
W_CAPITAL = 3.0  # a national capital ("Washington", "Paris" without other context)
W_COUNTRY_HINT = 10.0
W_CONTEXT_COUNTRY = 6.0  # a country the rest of the document names
W_CONTEXT_NEIGHBOUR = 2.0  # a neighbour of such a country ("Gaza" beside "Israel")
W_DOMINANT = 2.0  # the country most of the rest of the document is in
W_FOREIGN = 3.0  # taken off a country the rest of a document with a dominant country never names
DEMONYM_CONTEXT = 0.5  # what "soldats maliens" says of the story's country
W_FOREIGN_AREA = 8.0  # ... when the name is also a division of that country ("Georgia")
W_CONTEXT_ADMIN1 = 3.0
ADMIN1_SHARE_FULL = 2.0  # a division with half the weight of those named counts in full
W_DOMINANT_ADMIN1 = 2.0  # the division most of the rest of the document is in (local news)
W_CONTEXT_ADMIN2 = 4.0  # "Paris" beside "Henry County": the county the town is in
W_NEAR = 3.0  # a town close to another place the document names (Hanover NH beside Bethel, Vt.)
NEAR_FULL_KM = 40.0  # ... in full up to this distance, fading to nothing at NEAR_ZERO_KM
NEAR_ZERO_KM = 150.0
ANCHOR_MAX_POPULATION = 500_000  # a big city is named from afar (teams, brands, flights)
ANCHOR_MARGIN = 4.0  # a place counts as an anchor when its score leads any namesake elsewhere by this
W_PAIR = 12.0  # "Dublin, Ga.", "Paris, Texas": the division or country written after the town
W_FEATURE_HINT = 8.0
W_POPULATION = 1.0  # per power of ten
# A town a hundredth the size of a city of a million that bears its name ("Liverpool",
# Pennsylvania vs Liverpool) needs its own division named in the document to win on country
# context alone.
W_FAME = 8.0
FAME_FROM = 1_000_000
FAME_RATIO = 100
AREA_POPULATION_DAMPING = 1.0  # powers of ten taken off an area's summed town population
BASE_FEATURES = frozenset({"airbase", "airport", "camp", "facility", "hospital", "border_crossing"})
# UCDP where_prec by feature: 1 exact place, 3 second-order division, 4 first-order, 5 larger
# region, 6 country.
WHERE_PREC = {"admin2": 3, "admin1": 4, "region": 5, "country": 6, "continent": 7}
# Relations of toponyms that are not places of the text's events; only `find_toponyms` returns
# them: demonyms ("Russian officials"), place names inside organisation names ("Washington
# Post"), and unknown facility names placed at the document's main town ("Royal Street").
DEMONYM = "demonym"
IN_NAME = "in name"
DOCUMENT_FOCUS = "document focus"
TOPONYM_ONLY_RELATIONS = frozenset({DEMONYM, IN_NAME, DOCUMENT_FOCUS})
NEAR_KM = 25.0  # UCDP where_prec 2 radius; "near X" stays coded to X (ACLED geo_precision 2)

ENTITY_LABELS = {"en": frozenset({"GPE", "LOC", "FAC"}), "fr": frozenset({"LOC"})}
BLOCKING_LABELS = frozenset({"PERSON", "PER", "ORG", "NORP", "WORK_OF_ART", "EVENT", "MISC"})

_UP = "A-ZÀ-ÖØ-Þ"
_WORD = r"[\w'’\-]"
_DIRECTIONS = {
    "north": 0, "northern": 0, "nord": 0, "south": 180, "southern": 180, "sud": 180,
    "east": 90, "eastern": 90, "est": 90, "west": 270, "western": 270, "ouest": 270,
    "north-east": 45, "northeast": 45, "north-eastern": 45, "northeastern": 45, "nord-est": 45,
    "north-west": 315, "northwest": 315, "north-western": 315, "northwestern": 315,
    "nord-ouest": 315, "south-east": 135, "southeast": 135, "south-eastern": 135,
    "southeastern": 135, "sud-est": 135, "south-west": 225, "southwest": 225,
    "south-western": 225, "southwestern": 225, "sud-ouest": 225,
    "central": None, "centre": None, "center": None,
}
_DIRECTION_EN = {
    "nord": "north", "northern": "north", "sud": "south", "southern": "south", "est": "east",
    "eastern": "east", "ouest": "west", "western": "west", "nord-est": "north-east",
    "nord-ouest": "north-west", "sud-est": "south-east", "sud-ouest": "south-west",
    "northeastern": "north-east", "north-eastern": "north-east", "northeast": "north-east",
    "northwestern": "north-west", "north-western": "north-west", "northwest": "north-west",
    "southeastern": "south-east", "south-eastern": "south-east", "southeast": "south-east",
    "southwestern": "south-west", "south-western": "south-west", "southwest": "south-west",
    "centre": "central", "center": "central",
}
_DIR = "|".join(sorted(_DIRECTIONS, key=len, reverse=True))
_ART = r"(?:the\s+|le\s+|la\s+|les\s+|l['’]\s*)?"
# a distance unit (group: the unit as written)
_UNIT = r"(km|kilom[eè]tres?|kilometers?|kilometres?|miles?|mi)"
# The same distance in the other unit, in brackets: "50 kilometers (30 miles) north of X".
_CONVERSION = r"(?:\s*\(\s*(?:about\s+|some\s+|environ\s+)?\d+(?:[.,]\d+)?\s*[a-z]{1,10}\s*\))?"
_OFFSET_RE = re.compile(
    rf"(\d+(?:[.,]\d+)?)\s*{_UNIT}{_CONVERSION}\s+"
    rf"(?:au\s+|à\s+l['’]\s*|to\s+the\s+)?({_DIR})\s+(?:of|de|du|d['’])\s*{_ART}$",
    re.IGNORECASE,
)
# "à près de 450 kilomètres de Dakar", "some 100 km from the capital": without a direction the
# town is only a yardstick; far away, it is not where anything happened.
_DISTANCE_RE = re.compile(
    rf"(\d+(?:[.,]\d+)?)\s*{_UNIT}{_CONVERSION}\s+(?:away\s+)?(?:of|from|de|du|d['’])\s*{_ART}"
    r"(?:(?:capital|capitale|city\s+of|town\s+of|ville\s+de|ville\s+d['’])\s*)?$",
    re.IGNORECASE,
)
# "several miles north-east of the capital Dakar", "à des centaines de kilomètres de Conakry":
# a vague distance is a yardstick too.
_VAGUE_DISTANCE_RE = re.compile(
    r"(?:several|many|some|a\s+few|dozens\s+of|hundreds\s+of|plusieurs|quelques|des\s+dizaines\s+de|"
    r"des\s+centaines\s+de)\s+" + _UNIT + r"\s+"
    r"(?:away\s+)?(?:(?:au\s+|à\s+l['’]\s*|to\s+the\s+)?[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s+)?"
    r"(?:of|from|de|du|d['’])\s*" + _ART + r"(?:capital\s+|capitale\s+)?$",
    re.IGNORECASE,
)
# A country named right after a street, school or hotel word names that facility.
_FACILITY_BEFORE_RE = re.compile(
    r"\b(?:école|ecole|lycée|lycee|collège|college|rue|avenue|boulevard|bd|rond-point|hôtel|hotel|"
    r"stade|cité|quartier|school|street|road|stadium|university|université|universite)\s+"
    r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?$",
    re.IGNORECASE,
)
# Nearer than this, "N km from X" is coded near X (ACLED geo_precision 2).
DISTANCE_REFERENCE_MIN_KM = 60
_NEAR_RE = re.compile(
    r"(?:near|close\s+to|outside|on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of|"
    r"près\s+de|pres\s+de|non\s+loin\s+de|aux\s+environs\s+de|à\s+proximité\s+de|"
    r"aux\s+abords\s+de|dans\s+les\s+environs\s+de|en\s+périphérie\s+de)\s*(?:d['’]\s*)?"
    + _ART + r"$",
    re.IGNORECASE,
)
_PART_RE = re.compile(
    rf"(?:(?:in|across)\s+(?:the\s+)?({_DIR})(?:\s+part)?(?:\s+of)?\s+{_ART}"
    rf"|(?:dans\s+le\s+|dans\s+l['’]\s*|en\s+l['’]\s*|au\s+|à\s+l['’]\s*|du\s+|de\s+l['’]\s*)({_DIR})\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*))$",
    re.IGNORECASE,
)
_BORDER_BEFORE_RE = re.compile(
    r"(?:border\s+with|frontière\s+avec|fronti[eè]re\s+(?:du|de\s+la|de\s+l['’]|des)|"
    r"frontier\s+with|bordering|frontali[eè]re?s?\s+(?:du|de\s+la|de\s+l['’]|des|de)|"
    r"limitrophes?\s+(?:du|de\s+la|de\s+l['’]|des|de))\s*" + _ART + r"$",
    re.IGNORECASE,
)
_BORDER_ADJ_RE = re.compile(r"\bfronti[eè]re\s+([a-zà-ÿ]+)|\b([A-Z][a-z]+)\s+border\b")
_DATELINE_RE = re.compile(
    rf"(?:^|(?<=[.!?\"”][ \t]))[ \t]*(?P<name>[{_UP}][{_UP}'’ .\-]{{2,40}}?)[ \t]*"
    r"(?:,[^()\n]{0,40}?)?[ \t]*\((?:[^()\n]{1,25})\)[ \t]*[-–—:]",
    re.MULTILINE,
)
_PAREN_DATELINE_RE = re.compile(rf"^[ \t]*\((?P<name>[{_UP}][\w'’ .\-]{{1,40}}?)\)[ \t]*[-–—]?", re.MULTILINE)
_NGRAM_RE = re.compile(
    rf"[{_UP}]{_WORD}*(?:\s+(?:(?:al|el|ad|an|as|ash|de|du|des|d['’]|la|le|of|on|upon|sur)\s+"
    rf"|(?:al|el|ad|an|ar|as|ash|az)-)?"  # "Ain al-Asad": an Arabic article joined by a hyphen
    rf"[{_UP}]{_WORD}*)*"
)
_LEADING_ART_RE = re.compile(r"^(?:(?:the|The|la|La|le|Le|les|Les)\s+|[lL]['’]\s*)", re.UNICODE)
_LOCATIVE_RE = re.compile(
    r"\b(?:in|at|near|from|to|outside|of|à|au|aux|dans|en|près\s+de|vers|de|du|d['’])\s*$", re.IGNORECASE
)
# Capitalized words that start sentences or titles and happen to be place names somewhere.
_NGRAM_STOP = frozenset({
    "the", "a", "an", "he", "she", "it", "we", "they", "this", "that", "but", "and", "mr", "mrs",
    "le", "la", "les", "un", "une", "il", "elle", "ils", "mais", "et", "selon", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "police", "president",
    # compass words that happen to name divisions somewhere (Lebanon's "South", Uganda's "Western")
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "centre", "center", "nord", "sud", "est", "ouest", "midwest", "northeast", "northwest",
    "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
})
# A capitalized n-gram the NER did not tag counts as a toponym only when the gazetteer knows
# it as a country, first-level division, supplement entry, or a town at least this large (or any
# town right after a locative preposition).
NGRAM_MIN_POPULATION = 100_000


def _score(
    c: Candidate,
    *,
    country_hint: str | None,
    context_countries: Mapping[str, float],
    context_admin1: Mapping[tuple[str, str], float],
    feature_hint: str | None,
    neighbours: frozenset[str] = frozenset(),
    dominant: str | None = None,
    within: tuple[str, str | None] | None = None,
    domestic_area: bool = False,
    dominant_admin1: tuple[str, str] | None = None,
    overshadowed: bool = False,
) -> float:
    s = W_PRIMARY if c.primary or c.source == "supplement" else 0.0
    s += W_FEATURE.get(c.feature, 1.0)
    if c.source == "supplement":
        s += W_SUPPLEMENT
    if c.capital:
        s += W_CAPITAL
    # An area's population is the sum of its towns': damp it so a province does not outrank
    # the big town of the same name elsewhere ("Gaza" city vs Mozambique's Gaza province).
    damping = AREA_POPULATION_DAMPING if c.feature in ("admin1", "admin2") else 0.0
    s += W_POPULATION * max(0.0, math.log10(c.population + 1) - damping)
    if overshadowed:
        s -= W_FAME
    if country_hint and c.iso == country_hint:
        s += W_COUNTRY_HINT
    context = 0.0
    if c.iso and context_countries.get(c.iso):
        context += W_CONTEXT_COUNTRY * min(1.0, context_countries[c.iso])
    elif c.iso and neighbours:
        context += W_CONTEXT_NEIGHBOUR * min(
            1.0, max(context_countries.get(n, 0.0) for n in neighbours)
        )
    if c.iso and c.iso == dominant:
        context += W_DOMINANT
    elif dominant and c.feature == "country" and not context:
        context -= W_FOREIGN_AREA if domestic_area else W_FOREIGN  # "Georgia" beside Atlanta
    if c.admin1 and context_admin1.get((c.iso, c.admin1)):
        context += W_CONTEXT_ADMIN1 * min(2.0, context_admin1[(c.iso, c.admin1)])
    if dominant_admin1 and (c.iso, c.admin1) == dominant_admin1:
        context += W_DOMINANT_ADMIN1
    if c.admin2 and context_admin1.get((c.iso, c.admin1, c.admin2)):
        context += W_CONTEXT_ADMIN2 * min(1.0, context_admin1[(c.iso, c.admin1, c.admin2)])
    # A town matched only on an alternate name ("East Liverpool" for "Liverpool") needs more
    # than the document's country to win.
    s += context if c.primary or c.feature != "city" else context / 2
    if within and c.iso == within[0] and (within[1] is None or c.admin1 == within[1]):
        s += W_PAIR
    if feature_hint:
        hint = feature_hint.lower()
        if hint == c.feature or (hint in ("base", "camp", "airport") and c.feature in BASE_FEATURES) or hint in ("province", "region", "governorate", "state", "admin1") and c.feature in (
            "admin1", "region"
        ) or hint in ("district", "county", "admin2") and c.feature == "admin2":
            s += W_FEATURE_HINT
    return s


def _nearness(lat: float, lon: float, anchors: tuple[tuple[float, float], ...]) -> float:
    """Return 1 when a point lies within NEAR_FULL_KM of an anchor, fading to 0 at NEAR_ZERO_KM
    (equirectangular distance: exact enough at these ranges)."""
    best = NEAR_ZERO_KM
    k = math.cos(math.radians(lat))
    for alat, alon in anchors:
        dlat = lat - alat
        if abs(dlat) * 111.2 >= best:
            continue
        d = 111.2 * math.hypot(dlat, (lon - alon) * k)
        if d < best:
            best = d
    if best <= NEAR_FULL_KM:
        return 1.0
    return max(0.0, (NEAR_ZERO_KM - best) / (NEAR_ZERO_KM - NEAR_FULL_KM))


def candidate_place(c: Candidate) -> Place:
    """Return a gazetteer entry as the Place an event is coded to (areas at their capital)."""
    return _to_place(c, admin_point="capital")


def _to_place(c: Candidate, *, admin_point: str) -> Place:
    area = c.feature in AREA_FEATURES
    use_centre = area and admin_point == "centre"
    return Place(
        name=c.name,
        country=c.country,
        iso=c.iso,
        latitude=c.centre_latitude if use_centre else c.latitude,
        longitude=c.centre_longitude if use_centre else c.longitude,
        feature=c.feature,
        geo_precision=c.geo_precision,
        admin1=c.admin1,
        admin2=c.admin2,
        geonameid=c.geonameid,
        population=c.population,
        where_prec=WHERE_PREC.get(c.feature, 1),
    )


def _feature_hint_from_name(name: str) -> str | None:
    low = name.lower()
    if re.search(r"\b(province|governorate|gouvernorat|region|région|state|état|wilaya)\b", low):
        return "admin1"
    if re.search(r"\b(base|camp|airport|aéroport|airfield|garrison)\b", low):
        return "base"
    if re.search(r"\b(county|district|parish|comté|cercle)\b", low):
        return "admin2"
    return None


_GENERIC_RE = re.compile(
    r"^(?:(?:the\s+)?(?:province|governorate|region|state|district)\s+of\s+|"
    r"(?:la\s+)?(?:province|région|region|gouvernorat|wilaya|ville|localité|village|commune|"
    r"cercle|base(?:\s+aérienne|\s+militaire)?|camp|aéroport(?:\s+international)?)\s+"
    r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*))",
    re.IGNORECASE,
)
_GENERIC_SUFFIX_RE = re.compile(r"\s+(?:province|governorate|region|state|city|district|county|country)$", re.IGNORECASE)


def geocode_place(
    name: str,
    *,
    gazetteer: Gazetteer,
    country_hint: str | None = None,
    context_countries: Iterable[str] | Mapping[str, float] = (),
    context_admin1: Mapping[tuple[str, str], float] | None = None,
    feature_hint: str | None = None,
    admin_point: str = "capital",
) -> Place | None:
    """Return the best gazetteer entry for a place name, or None when nothing matches.

    Candidates are ranked by: own-name vs alternate-name match, feature (continent, region and
    country > admin1 > town, bases when the phrase says "base"/"camp"), our supplement, national
    capitals, the document's countries (`context_countries`, ISO2 codes or code → weight), their
    neighbours, the document's admin1 areas, and population. Postal abbreviations ("Ga.") name
    their division. Areas are placed at their capital/largest town, as ACLED codes
    geo_precision 3; pass `admin_point="centre"` for the geographic centre (what geoparsing gold
    standards use).
    """
    if not isinstance(context_countries, Mapping):
        context_countries = {iso: 1.0 for iso in context_countries}
    dominant = None
    if context_countries:
        iso, weight = max(context_countries.items(), key=lambda kv: kv[1])
        if weight >= 0.5 * sum(context_countries.values()):
            dominant = iso
    best = _resolve(
        name, gazetteer=gazetteer, country_hint=country_hint, context_countries=context_countries,
        context_admin1=context_admin1 or {}, feature_hint=feature_hint, dominant=dominant,
    )
    return _to_place(best, admin_point=admin_point) if best else None


def _resolve(name: str, **kwargs) -> Candidate | None:
    """Return the best candidate for `name` (see `geocode_place` and `_ranked`), or None."""
    return _ranked(name, **kwargs)[0]


def _ranked(
    name: str,
    *,
    gazetteer: Gazetteer,
    country_hint: str | None = None,
    context_countries: Mapping[str, float],
    context_admin1: Mapping[tuple[str, str], float],
    feature_hint: str | None = None,
    dominant: str | None = None,
    within: tuple[str, str | None] | None = None,
    dominant_admin1: tuple[str, str] | None = None,
    anchors: tuple[tuple[float, float], ...] = (),
    named_areas: frozenset[tuple[str, str]] | None = None,
) -> tuple[Candidate | None, float]:
    """Return `_resolve`'s answer and its margin: how far its score is ahead of the best
    candidate lying elsewhere (infinite when nothing else is in the running).

    `anchors` are the points of places the document's other names surely are: a town or county
    near one of them gains up to W_NEAR, so among namesakes the one beside the story's other
    places wins ("Hanover" beside "Bethel, Vt." is Hanover, New Hampshire), though never over a
    country or division that wins without it."""
    abbreviated = gazetteer.abbreviation(name)
    if abbreviated is not None:
        return abbreviated, math.inf
    feature_hint = feature_hint or _feature_hint_from_name(name)
    found = gazetteer.candidates(name)
    if not found:
        for stripped in (_GENERIC_RE.sub("", name), _GENERIC_SUFFIX_RE.sub("", name)):
            if stripped != name and stripped.strip():
                found = gazetteer.candidates(stripped)
                if found:
                    break
    demonym_iso = gazetteer.demonym_country(name)
    if (demonym_iso or name_key(name) in gazetteer.demonym_keys) and not any(
        c.primary and (c.feature in AREA_FEATURES or c.population >= 100_000) for c in found
    ):
        found = []  # "Canadian" is Canada, not Canadian, Texas; "English" is England
    if not found:
        if demonym_iso:
            return gazetteer.country(demonym_iso), math.inf
        return gazetteer.demonym_place(name), math.inf  # "European" → Europe
    # The name is also a division of the document's country, or a town of its main division:
    # "Georgia" beside Atlanta, "Lebanon" in a story about Tennessee towns.
    domestic_area = bool(dominant) and any(
        c.primary and c.iso == dominant and (
            c.feature == "admin1"
            or (c.feature == "city" and dominant_admin1 == (c.iso, c.admin1))
        )
        for c in found
    )
    famous = max((c.population for c in found if c.feature == "city" and c.primary), default=0)
    scores = [
        _score(
            c, country_hint=country_hint, context_countries=context_countries,
            context_admin1=context_admin1, feature_hint=feature_hint,
            neighbours=gazetteer.neighbours(c.iso) if c.iso else frozenset(),
            dominant=dominant, within=within, domestic_area=domestic_area,
            dominant_admin1=dominant_admin1,
            overshadowed=famous >= FAME_FROM and c.feature == "city" and c.population * FAME_RATIO < famous
            and not ((c.iso, c.admin1) in named_areas if named_areas is not None
                     else context_admin1.get((c.iso, c.admin1)))
            and not (within and c.iso == within[0]),
        )
        for c in found
    ]
    top = max(range(len(found)), key=scores.__getitem__)
    if anchors and found[top].feature not in AREA_FEATURES:
        scores = [
            sc + W_NEAR * _nearness(c.latitude, c.longitude, anchors)
            * (1.0 if c.primary or c.feature != "city" else 0.5)
            if c.feature not in AREA_FEATURES else sc
            for c, sc in zip(found, scores, strict=True)
        ]
        top = max(range(len(found)), key=scores.__getitem__)
    best = found[top]
    margin = scores[top] - max(
        (sc for c, sc in zip(found, scores, strict=True)
         if _nearness(c.latitude, c.longitude, ((best.latitude, best.longitude),)) == 0.0),
        default=-math.inf,
    )
    if best.feature in ("admin1", "admin2") and feature_hint not in ("admin1", "admin2"):
        # "Gao", "Erbil": a town named like its province is the town (ACLED codes the town).
        towns = [
            c for c in found if c.feature == "city" and c.iso == best.iso
            and (c.primary or c.population >= 1_000_000) and best.name in (c.admin1, c.admin2)
        ]
        if towns:
            best = max(towns, key=lambda c: c.population)
    return best, margin


def _offset(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """Return the point `km` away from (lat, lon) on `bearing_deg` (great circle)."""
    d = km / EARTH_RADIUS_KM
    b = math.radians(bearing_deg)
    la1, lo1 = math.radians(lat), math.radians(lon)
    la2 = math.asin(math.sin(la1) * math.cos(d) + math.cos(la1) * math.sin(d) * math.cos(b))
    lo2 = lo1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(la1), math.cos(d) - math.sin(la1) * math.sin(la2)
    )
    return round(math.degrees(la2), 5), round(math.degrees(lo2), 5)


_POSSESSIVE_RE = re.compile(r"['’]s$")


def _clean_name(text: str) -> str:
    name = _LEADING_ART_RE.sub("", text.strip())
    return _POSSESSIVE_RE.sub("", name.strip(" ,.;:«»\"'’")).strip(" ,.;:«»\"'’")


def _spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_CAPS_DATELINE_RE = re.compile(
    r"(?:^|(?<=[.!?\"”]\s))[ \t]*(?P<name>[A-Z][A-Z'’.\-]{2,}(?:[ \t]+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,[ \t]*(?P<area>[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?))?(?:[ \t]+(?:--|[-–—])|:)[ \t]",
    re.MULTILINE,
)


# "Abuja, Nigeria – Armed men…": a title-case town, a comma, a country and a dash opening a
# paragraph.
_TITLE_DATELINE_RE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w'’.\-]+(?:[ \t]+[A-Z][\w'’.\-]+){0,2}),[ \t]*[A-Z][\w.]+"
    r"(?:[ \t]+[A-Z][\w.]+)?[ \t]+[-–—][ \t]",
    re.MULTILINE,
)


def _find_datelines(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _TITLE_DATELINE_RE.finditer(text):
        out.append((m.start("name"), m.end("name"), m.group("name").strip()))
    for m in _CAPS_DATELINE_RE.finditer(text):  # "ATLANTA - ", "BEIRUT, Lebanon — ", "DAKAR: "
        out.append((m.start("name"), m.end("name"), m.group("name").strip().title()))
        if m.group("area"):  # "MERELO, Tazor Province —": the area belongs to the dateline
            out.append((m.start("area"), m.end("area"), m.group("area").strip()))
    for m in _DATELINE_RE.finditer(text):
        if m.start() > 0 and text[m.start() - 1] not in "\n" and not re.search(
            r"[.!?\"”][ \t]+$", text[max(0, m.start() - 3):m.start()]
        ):  # a line's start, or a headline's end ("Meth makers leave a trail. CHATTANOOGA (AP) —")
            continue
        out.append((m.start("name"), m.end("name"), m.group("name").strip().title()))
    for m in _PAREN_DATELINE_RE.finditer(text):
        if m.start() == 0 or text[m.start() - 1] == "\n":
            out.append((m.start("name"), m.end("name"), m.group("name").strip()))
    return out


def _kilometres(m: re.Match[str]) -> float:
    """Return the distance of a matched "<number> <unit>" (groups 1 and 2) in kilometres."""
    km = float(m.group(1).replace(",", "."))
    return km * 1.609 if m.group(2).lower().startswith("mi") else km


def _near(place: Place | None, phrase: str) -> tuple[Place | None, str | None, str | None]:
    """Return a place coded near a town ("near Gao", "20 km from Gao": ACLED geo_precision 2)."""
    if place is None:
        return None, "near", None
    return replace(
        place, geo_precision=max(place.geo_precision, 2), where_prec=max(place.where_prec or 1, 2)
    ), "near", f"{phrase} {place.name}: coded to {place.name} (ACLED geo_precision 2)"


def _part_of_country(
    country: Place, bearing: float, gazetteer: Gazetteer, admin_point: str
) -> Place | None:
    """Return the first-level division of a country lying furthest in a direction ("le nord du
    Bénin" -> Alibori), or None when the country has fewer than three."""
    areas = [a for a in gazetteer.admin1_areas(country.iso) if a.centre_latitude is not None]
    if len(areas) < 3:
        return None
    origin = gazetteer.country(country.iso)
    lat0, lon0 = origin.centre_latitude, origin.centre_longitude
    b = math.radians(bearing)
    scale = math.cos(math.radians(lat0))

    def reach(a: Candidate) -> float:
        return (a.centre_longitude - lon0) * scale * math.sin(b) + (a.centre_latitude - lat0) * math.cos(b)

    return _to_place(max(areas, key=reach), admin_point=admin_point)


def _relation(
    text: str, start: int, place: Place | None, *,
    gazetteer: Gazetteer | None = None, admin_point: str = "capital",
) -> tuple[Place | None, str | None, str | None]:
    """Return (place, relation, reason) after reading the words before a toponym."""
    before = text[max(0, start - 80):start]
    if m := _OFFSET_RE.search(before):
        km = _kilometres(m)
        direction = m.group(3).lower()
        bearing = _DIRECTIONS.get(direction)
        direction = _DIRECTION_EN.get(direction, direction)
        relation = f"{km:g} km {direction} of"
        if place is None:
            return None, relation, None
        lat, lon = (place.latitude, place.longitude)
        if bearing is not None:
            lat, lon = _offset(lat, lon, km, bearing)
        return replace(
            place, latitude=lat, longitude=lon, geo_precision=max(place.geo_precision, 2),
            where_prec=max(place.where_prec or 1, 2),
        ), relation, f"point offset {km:g} km {direction} of {place.name}"
    if _VAGUE_DISTANCE_RE.search(before):
        return place, "distance reference", "a yardstick some distance away, not the place itself"
    if m := _DISTANCE_RE.search(before):
        km = _kilometres(m)
        if km >= DISTANCE_REFERENCE_MIN_KM:
            return place, "distance reference", f"a yardstick {km:g} km away, not the place itself"
        return _near(place, f"{km:g} km from")
    if _NEAR_RE.search(before):
        return _near(place, "near")
    if m := _PART_RE.search(before):
        direction = (m.group(1) or m.group(2)).lower()
        direction = _DIRECTION_EN.get(direction, direction)
        relation = f"{direction} part"
        if place is None:
            return None, relation, None
        bearing = _DIRECTIONS.get(direction)
        if place.feature == "country" and bearing is not None and gazetteer is not None:
            area = _part_of_country(place, bearing, gazetteer, admin_point)
            if area is not None:
                return replace(area, geo_precision=3), relation, (
                    f"only the {direction} of {place.name} is named: coded to its first-level division "
                    f"furthest {direction}, {area.name} (ACLED geo_precision 3)"
                )
        if place.feature in AREA_FEATURES:
            reason = (
                f"only the {direction} part of {place.name} is named: coded to {place.name} "
                "(ACLED geo_precision 3)"
            )
            return replace(place, geo_precision=3), relation, reason
        return replace(place, geo_precision=2, where_prec=2), relation, (
            f"{direction} part of {place.name}: coded to {place.name} (ACLED geo_precision 2)"
        )
    if _BORDER_BEFORE_RE.search(before):
        if place is None:
            return None, "border", None
        return replace(place, geo_precision=3), "border", (
            f"border of {place.name}: coded to {place.name} (ACLED geo_precision 3)"
        )
    return place, None, None


_TOKEN_RE = re.compile(rf"[{_UP}]{_WORD}*|[a-zà-ÿ]{_WORD}*")
_CONNECTORS = frozenset({
    "al", "el", "ad", "an", "as", "ash", "de", "du", "des", "la", "le", "of", "on", "upon", "sur",
})
_BASE_AFTER_RE = re.compile(r"\s+(?:air\s*base|airbase|air\s+field|airfield|base|camp|airport)\b", re.IGNORECASE)
_BASE_BEFORE_RE = re.compile(
    r"\b(?:base(?:\s+a[ée]rienne|\s+militaire)?|camp|a[ée]roport)\s+(?:de\s+|d['’]\s*)?$", re.IGNORECASE
)


@cache
def _words_pattern(file_name: str) -> re.Pattern[str]:
    """Return one case-insensitive pattern of the whole words of a "language -> list" data file,
    longest first."""
    data = read_language_lists(data_path(file_name))
    words = sorted({str(w).lower() for ws in data.values() for w in ws}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@cache
def _words_set(file_name: str) -> frozenset[str]:
    """Return the lower-cased words of a "language -> list" data file."""
    data = read_language_lists(data_path(file_name))
    return frozenset(str(w).lower() for words in data.values() for w in words)


def _building_re() -> re.Pattern[str]:
    """Return the pattern of the words that make a name a street, building or site rather than a
    settlement (data/building_words.yaml): such a name is never cut down to a town inside it
    ("Royal Street" is not Royal, Texas)."""
    return _words_pattern("building_words.yaml")


_PLURAL_DIVISIONS_RE = re.compile(
    rf"(?P<names>(?:[{_UP}][\w'’.\-]*(?:\s+[{_UP}][\w'’.\-]*)?\s*(?:,\s*|\s+and\s+|\s+or\s+|\s*&\s*))+"
    rf"(?:and\s+|or\s+)?[{_UP}][\w'’.\-]*(?:\s+[{_UP}][\w'’.\-]*)?)\s+(?P<kind>counties|parishes)\b"
)
_ABBREV_RE = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{0,4}\.\s?){1,3}(?![\w])")
STRONG_TOWN_POPULATION = 100_000
PERSON_TAGGED_TOWN_POPULATION = 10_000


def _strong(found: list[Candidate]) -> bool:
    """Return whether a name is a well-known place: an area, our supplement, or a big town."""
    return any(
        c.feature in ("continent", "country", "admin1", "region") or c.source == "supplement"
        or (c.primary and (c.population >= STRONG_TOWN_POPULATION or c.capital))
        or (c.primary and c.feature == "admin2" and " " in c.name)
        for c in found
    )


def _subspans(
    text: str, start: int, end: int, gazetteer: Gazetteer, accept,
    code_isos: frozenset[str] = frozenset(),
) -> list[tuple[int, int, str]]:
    """Return the longest non-overlapping capitalized sub-spans of text[start:end] accepted by
    `accept(name, candidates)` ("Laurel County Sheriff's Office" → "Laurel County")."""
    tokens = []
    for m in _TOKEN_RE.finditer(text[start:end]):
        # "Watertown-ML", "Nebraska-Lincoln": capitalized parts joined by a hyphen are tried
        # apart too (a hyphenated town, "Winston-Salem", is still found whole)
        at = start + m.start()
        for part in re.split(r"(?<=[\w’'])-(?=[A-Z])", m.group(0)):
            tokens.append((at, at + len(part), part))
            at += len(part) + 1
    out: list[tuple[int, int, str]] = []
    i = 0
    longer = None  # a longer known town around an accepted name: "New London", not "London"
    while i < len(tokens):
        hit = None
        if longer is not None and longer[3] <= i:
            longer = None
        for j in range(min(len(tokens), i + 4), i, -1):
            first, last = tokens[i][2], tokens[j - 1][2]
            if not first[:1].isupper() or not last[:1].isupper():
                continue
            if any(not t[2][:1].isupper() and t[2].lower() not in _CONNECTORS for t in tokens[i:j]):
                continue
            name = _clean_name(text[tokens[i][0]:tokens[j - 1][1]])
            if name.lower() in _NGRAM_STOP or len(name) < 2 or _building_re().fullmatch(name):
                continue  # "Racecourse" in "Meydan Racecourse" is no town
            found = gazetteer.candidates(name)
            if _feature_word_re().fullmatch(name) and not any(c.feature in ("region", "continent") for c in found):
                continue  # "Islands" in "Farallon Islands" is no division (but "the Gulf" is one)
            if j - i > 1 and _building_re().fullmatch(last) and not _strong(found):
                continue  # "the White House chief of staff" is no town White House, Tennessee
            if len(name) == 2 and not (name.isupper() and any(
                c.feature in ("country", "region") or (c.feature == "admin1" and c.iso in code_isos)
                for c in found
            )):
                continue  # "US", "EU", "FrontCounter BC" in a Canadian story; never "Al" or "St"
            s0 = tokens[i][0] + text[tokens[i][0]:tokens[j - 1][1]].find(name)
            if accept(name, found):
                hit = (s0, s0 + len(name), name, j)
                if longer is not None and longer[3] >= j:
                    hit = longer
                    out = [o for o in out if o[0] < longer[0]]
                break
            if longer is None and j - i > 1 and any(c.primary for c in found):
                longer = (s0, s0 + len(name), name, j)
        if hit:
            out.append(hit[:3])
            i = hit[3]
        else:
            i += 1
    return out


_NEXT_WORD_RE = re.compile(rf"(?: (?:and|of|de|del|la|do|da|upon|on|&))? [{_UP}][\w'’\-]+")


def _joined_right(text: str, end: int, name: str, gazetteer: Gazetteer) -> str | None:
    """Return the name with the one or two capitalized words right after it ("Boa" + "Vista",
    "Trinidad" + "and Tobago") when the gazetteer knows the whole as a place of its own."""
    ends = []
    pos = end
    for _ in range(2):
        m = _NEXT_WORD_RE.match(text, pos)
        if not m:
            break
        pos = m.end()
        ends.append(pos)
    for stop in reversed(ends):
        joined = name + text[end:stop]
        if any(c.primary and c.feature in ("city", "admin1", "admin2", "country") for c in gazetteer.candidates(joined)):
            return joined
    return None


def _feature_word_re() -> re.Pattern[str]:
    """Return the pattern of the words that make a name a locality or natural feature of its own,
    never the bigger place it is named after (data/feature_words.yaml)."""
    return _words_pattern("feature_words.yaml")


_OF_TOWN_RE = re.compile(rf"\s+(?:of|from)\s+([{_UP}][\w'’.\-]*(?:\s[{_UP}][\w'’.\-]*)?)(?=[,.;])")
_BORDER_AFTER_RE = re.compile(r"\s+(?:state\s+)?(?:border|line)\b")
_SITE_BEFORE_RE = re.compile(r"\b(?:in|at|near|on|outside|inside|around)\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_GAP_RE = re.compile(r"\s*(?:,|,?\s+(?:and|or|&)|&)\s+|,")


def _institution_head(
    text: str, start: int, end: int, gazetteer: Gazetteer, accept=None
) -> tuple[int, int, str] | None:
    """Return the place at the head of an institution's name ("Anderson County" in "Anderson
    County Sheriff Greg Taylor"): the longest run of one to three capitalized words that the
    gazetteer knows as a town or division, followed by an institution word, directly or after
    one other capitalized word (and accepted by `accept(candidates)` when given)."""
    tokens = [(start + m.start(), start + m.end(), m.group(0))
              for m in _TOKEN_RE.finditer(text[start:end])]
    words = _words_set("institution_words.yaml")
    for j in range(min(3, len(tokens) - 1), 0, -1):
        after = [t[2].lower() for t in tokens[j:j + 2]]
        if not after or not (after[0] in words or (len(after) > 1 and after[1] in words and tokens[j][2][:1].isupper())):
            continue
        if not all(t[2][:1].isupper() for t in tokens[:j]):
            continue
        name = text[tokens[0][0]:tokens[j - 1][1]]
        if j == 1 and name.lower() in _words_set("generic_name_words.yaml"):
            continue
        found = gazetteer.candidates(name)
        if any(c.primary and c.feature in ("city", "admin2", "admin1") for c in found) and (
            accept is None or accept(found)
        ):
            return tokens[0][0], tokens[j - 1][1], name
    return None


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or before.strip() == "" and ("\n" in before or start < 3) or bool(
        re.search(r"[.!?:\"“«]\s*$", before)
    )


_BASED_RE = re.compile(r"-based\b", re.IGNORECASE)
_STATE_AFTER_RE = re.compile(rf",\s*((?:[{_UP}][\w.]*\.?)(?:\s[{_UP}][\w.]*)?)")
# "Sen. Ray Miller, D-Columbus": a US legislator's party and home town
_PARTY_TOWN_RE = re.compile(rf"\b[DRI]-([{_UP}][a-z]+(?:\s[{_UP}][a-z]+)?)\b")


def _place_hint_after(text: str, end: int, name: str, found: list[Candidate], gazetteer: Gazetteer) -> str | None:
    """Return the relation ("" for a plain place, DEMONYM) that the words right after a person- or
    organisation-tagged name give it, or None when they make it no place.

    "Kent-based": a known place; "Klamath Falls, Oregon": a town of the division or country named
    right after it; "Slovak architect": a demonym before a lower-case noun."""
    if _BASED_RE.match(text, end) and any(c.primary for c in found):
        return ""
    m = _STATE_AFTER_RE.match(text, end)
    if m is not None and found:
        area = gazetteer.abbreviation(m.group(1)) or next(
            (c for c in gazetteer.candidates(m.group(1)) if c.feature in ("admin1", "country") and c.primary), None
        )
        if area is not None and any(
            c.feature == "city" and c.iso == area.iso and (area.feature == "country" or c.admin1 == area.admin1)
            for c in found
        ):
            return ""
    if " " not in name and re.match(r"\s+[a-z]", text[end:end + 3]) and gazetteer.demonym_place(name, derived=False):
        return DEMONYM
    return None


def _detect(
    text: str, doc, *, lang: str, gazetteer: Gazetteer,
    support: frozenset[tuple[str, str]] = frozenset(),
) -> list[tuple[int, int, str, str, str | None]]:
    """Return (start, end, name, method, relation) of every toponym, demonym included.

    `support` holds the (country, admin1) areas the document's well-known places are in: a
    capitalized name the NER missed is then also taken when it is a town of one of them.
    """

    support_isos = frozenset(iso for iso, _ in support)

    def supported(found: list[Candidate]) -> bool:
        return bool(support) and any(
            c.primary and c.feature in ("city", "admin2") and (c.iso, c.admin1) in support
            for c in found
        )

    raw: list[tuple[int, int, str, str, str | None]] = []
    taken: list[tuple[int, int]] = []
    listed: list[tuple[int, int, str]] = []  # towns tagged PERSON: places if listed with places

    def free(span: tuple[int, int]) -> bool:
        return not any(_spans_overlap(span, t) for t in taken)

    def add(start: int, end: int, name: str, method: str, relation: str | None) -> None:
        raw.append((start, end, name, method, relation))
        taken.append((start, end))

    def demonym(name: str, found: list[Candidate]) -> bool:
        return not any(c.primary and c.feature in AREA_FEATURES for c in found) and (
            gazetteer.demonym_place(name, derived=lang == "en") is not None
        )

    # 1. datelines.
    for start, end, name in _find_datelines(text):
        if free((start, end)) and gazetteer.has_name(name):
            add(start, end, name, "dateline", "dateline")

    # 1b. "Jackson and Barrow counties", "Rapides and Avoyelles parishes".
    for m in _PLURAL_DIVISIONS_RE.finditer(text):
        generic = "County" if m.group("kind").lower() == "counties" else "Parish"
        for n in re.finditer(rf"[{_UP}][\w'’.\-]*(?:\s+[{_UP}][\w'’.\-]*)?", m.group("names")):
            span = (m.start("names") + n.start(), m.start("names") + n.end())
            full = f"{n.group(0)} {generic}"
            if free(span) and any(c.feature == "admin2" for c in gazetteer.candidates(full)):
                add(span[0], span[1], full, "gazetteer", None)

    # 2a. NER entities: toponyms; demonyms (NORP); places named inside organisation names.
    labels = ENTITY_LABELS.get(lang, frozenset({"GPE", "LOC", "FAC"}))
    blocked: list[tuple[int, int]] = []
    if doc is not None:
        for ent in doc.ents:
            span = (ent.start_char, ent.end_char)
            if not free(span):
                continue
            name = _clean_name(ent.text)
            if not name:
                continue
            offset = ent.text.find(name)
            start = ent.start_char + max(offset, 0)
            found = gazetteer.candidates(name)
            if ent.label_ in labels and (longer := _joined_right(text, start + len(name), name, gazetteer)):
                # "Boa" GPE + "Vista" ORG: the NER split a town's name
                name, found = longer, gazetteer.candidates(longer)
            if ent.label_ in labels:
                if demonym(name, found):
                    add(start, start + len(name), name, "ner", DEMONYM)
                elif found or gazetteer.abbreviation(name):
                    add(start, start + len(name), name, "ner", None)
                else:
                    feature_named = bool(_feature_word_re().search(name))
                    parts = _subspans(
                        text, start, start + len(name), gazetteer,
                        # "Tennessee Colony", "Niger Delta": a place of its own, not Tennessee or
                        # Niger (but "Las Vegas Valley" is by Las Vegas)
                        lambda n, f: _strong(f) and not (feature_named and any(
                            c.feature in ("country", "admin1", "region") for c in f)),
                    )
                    for s0, e0, n0 in parts:
                        add(s0, e0, n0, "ner", None)
                    if not parts:
                        add(start, start + len(name), name, "ner", None)
                continue
            if ent.label_ == "NORP":
                # "Somali Islamist": a people named as an adjective, even where a province
                # shares the name (Ethiopia's Somali region)
                if demonym(name, found) or gazetteer.demonym_place(name, derived=lang == "en") is not None:
                    add(start, start + len(name), name, "ner", DEMONYM)
                else:
                    blocked.append(span)
                continue
            if ent.label_ not in BLOCKING_LABELS:
                continue
            hint = _place_hint_after(text, ent.end_char, name, found, gazetteer)
            if hint is not None:
                # "the Kent-based outfit", "In Klamath Falls, Oregon," (a town the NER read as a
                # person), "the prominent Slovak architect": the words around it make it a place
                add(start, start + len(name), name, "ner", hint or None)
                continue
            if any(c.feature in BASE_FEATURES for c in found) and (
                _BASE_AFTER_RE.match(text, ent.end_char) or _BASE_BEFORE_RE.search(text[max(0, ent.start_char - 25):ent.start_char])
            ):
                # "Ain al-Asad airbase" tagged PERSON: a base the gazetteer knows, named as one
                add(start, start + len(name), name, "ner", None)
                continue
            blocked.append(span)
            areas = [c for c in found if c.feature in ("continent", "country", "admin1", "region")]
            person = ent.label_ in ("PERSON", "PER")
            if not person and (_strong(found) or demonym(name, found)):
                # "Texas" or "Gainesville" tagged ORG: a place name used for its institutions.
                add(start, start + len(name), name, "ner",
                    DEMONYM if demonym(name, found) else None)
            elif person and any(c.primary for c in areas):
                add(start, start + len(name), name, "ner", None)
            elif person and any(
                c.primary and c.feature == "city" and c.population >= PERSON_TAGGED_TOWN_POPULATION for c in found
            ) and _LOCATIVE_RE.search(text[max(0, start - 12):start]):
                # "in Owerri", "in Ciudad Juarez": a town tagged PERSON after a preposition
                add(start, start + len(name), name, "ner", None)
            elif person and (inst := _institution_head(text, start, start + len(name), gazetteer)):
                # "Anderson County Sheriff Greg Taylor", "Tega Cay Fire Department": the place
                # an institution tagged PERSON is named after
                add(*inst, "ner", IN_NAME)
            elif person and any(
                c.primary and (c.feature in ("city", "admin2")) for c in found
            ):
                listed.append((start, start + len(name), name))
            elif person and " " in name and _building_re().fullmatch(name.split()[-1]):
                add(start, start + len(name), name, "ner", DOCUMENT_FOCUS)  # "Christopher Inn"
            elif person and not found and _SITE_BEFORE_RE.search(
                text[max(0, start - 10):start]
            ) and not re.match(r"['’]s\b", text[start + len(name):start + len(name) + 3]):
                # "at Brands Hatch", "in Faubourg Marigny": a site the gazetteer lacks, in town
                add(start, start + len(name), name, "ner", DOCUMENT_FOCUS)
            elif not person:
                parts = _subspans(
                    text, start, start + len(name), gazetteer,
                    lambda n, f: _strong(f) or demonym(n, f) or supported(f), code_isos=support_isos,
                )
                for s0, e0, n0 in parts:
                    found0 = gazetteer.candidates(n0)
                    add(s0, e0, n0, "ner", DEMONYM if demonym(n0, found0) else IN_NAME)
                if not parts and (inst := _institution_head(
                    text, start, start + len(name), gazetteer,
                    lambda f: _strong(f) or supported(f) or any(c.primary and c.iso in support_isos for c in f),
                )):
                    add(*inst, "ner", IN_NAME)  # "the Oakdale Fire Department", "Grand Ledge Police"
                    continue
                if not parts and ent.label_ in ("ORG", "FAC") and _building_re().search(name):
                    # "Barclays Center", "Lincoln High School": a building, somewhere in town
                    add(start, start + len(name), name, "ner", DOCUMENT_FOCUS)

    # 2b. capitalized n-grams the NER missed, or the well-known places inside them.
    for m in _NGRAM_RE.finditer(text):
        span = (m.start(), m.end())
        if not free(span) or any(_spans_overlap(span, t) for t in blocked):
            continue
        locative = bool(_LOCATIVE_RE.search(text[max(0, m.start() - 12):m.start()]))
        initial = _sentence_start(text, m.start())

        def accept(
            name: str, found: list[Candidate], whole: bool = False,
            locative: bool = locative, initial: bool = initial,
        ) -> bool:
            if demonym(name, found):
                return True  # "The Czechs are...": a people the NER missed
            if not found:
                return False
            if _strong(found) or supported(found):
                return not (initial and name.lower() in _NGRAM_STOP)
            return whole and locative and not initial and any(c.primary for c in found)

        name = _clean_name(m.group(0))
        if doc is not None and " " not in name and doc.vocab[name.lower()].is_stop and not (
            name.isupper() and len(name) == 2
        ):
            continue  # "Most", "Will", "May" opening a sentence ("US" is not the pronoun "us")
        if name.isupper() and len(name) == 2:
            # "US", "UK", "EU"; a state code only after a town ("Portland, OR")
            found = gazetteer.candidates(name)
            after_town = bool(re.search(r"[a-z],\s*$", text[max(0, m.start() - 3):m.start()]))
            if any(c.feature in ("country", "region") or (after_town and c.feature == "admin1")
                   for c in found):
                add(m.start(), m.start() + 2, name, "gazetteer", None)
            continue
        if not name or name.lower() in _NGRAM_STOP or len(name) < 3:
            parts = []
        elif accept(name, gazetteer.candidates(name), whole=True):
            start = m.start() + m.group(0).find(name)
            parts = [(start, start + len(name), name)]
        elif " " in name and _building_re().fullmatch(name.rsplit(" ", 1)[1]):
            # "Nordland Avenue" is a street in the story's town, not Norway's Nordland
            start = m.start() + m.group(0).find(name)
            add(start, start + len(name), name, "gazetteer", DOCUMENT_FOCUS)
            parts = []
        else:
            parts = _subspans(text, m.start(), m.end(), gazetteer, accept)
        for s0, e0, n0 in parts:
            add(s0, e0, n0, "gazetteer", DEMONYM if demonym(n0, gazetteer.candidates(n0)) else None)

    # 2b''. "Kalena Horhn of Grand Prairie,", "the Home Economics Club of Centerville.": the home
    # town written after a person or an organisation.
    for b in blocked:
        m = _OF_TOWN_RE.match(text, b[1])
        if m and free((m.start(1), m.end(1))) and any(
            c.primary and c.feature in ("city", "admin2") for c in gazetteer.candidates(m.group(1))
        ):
            add(m.start(1), m.end(1), m.group(1), "gazetteer", None)

    # 2b'. "Sen. Ray Miller, D-Columbus": a legislator's home town, when the gazetteer knows it.
    for m in _PARTY_TOWN_RE.finditer(text):
        span = (m.start(1), m.end(1))
        if free(span) and any(c.feature == "admin2" or c.primary and c.feature == "city"
                              for c in gazetteer.candidates(m.group(1))):
            add(span[0], span[1], m.group(1), "gazetteer", None)  # "D-Monongalia": a county

    # 2c. dotted abbreviations: "U.S.", "Ga.", "W.Va.", "D.C.".
    for m in _ABBREV_RE.finditer(text):
        surface = m.group(0).strip()
        span = (m.start(), m.start() + len(surface))
        if not free(span):
            continue
        if gazetteer.abbreviation(surface) is not None or any(
            c.feature in ("country", "admin1", "region") for c in gazetteer.candidates(surface)
        ):
            add(span[0], span[1], surface, "gazetteer", None)

    # 2c'. lowercase demonyms ("soldats maliens", "forces américaines"): never places, but they
    # tell which country the story is about.
    for m in re.finditer(r"(?<![\w'’-])[a-zà-ÿ][a-zà-ÿ\-]{3,}(?![\w'’-])", text):
        span = (m.start(), m.end())
        if name_key(m.group(0)) in gazetteer.demonym_keys and free(span):
            add(span[0], span[1], m.group(0), "gazetteer", DEMONYM)

    # 2c''. "Newark, Heath and Pataskala", "Gainesville and Duluth": a town the NER tagged PERSON
    # listed beside places is one (repeated until no list grows).
    # Not a surname the document gives a person elsewhere ("Hillary Clinton" ... "Obama and Clinton").
    person_ents = [e for e in doc.ents if e.label_ in ("PERSON", "PER")] if doc is not None else []
    surnames = {w for e in person_ents if " " in e.text.strip() for w in e.text.split()[1:]}
    listed = [item for item in listed if item[2] not in surnames]
    grew = True
    while grew and listed:
        grew = False
        places = [(r[0], r[1]) for r in raw if r[4] in (None, IN_NAME, "dateline")]
        for item in list(listed):
            if any(_LIST_GAP_RE.fullmatch(text[item[1]:p[0]]) or _LIST_GAP_RE.fullmatch(text[p[1]:item[0]])
                   for p in places) and free(item[:2]):
                add(item[0], item[1], item[2], "ner", None)
                listed.remove(item)
                grew = True

    # 2d. one sense per document: a name found as a place once is a place wherever else it is
    # written (the NER tags "Gainesville" PERSON in one sentence and GPE in the next), unless it
    # is part of a person's longer name.
    persons = [(e.start_char, e.end_char) for e in person_ents]
    known = {r[2]: r[4] for r in raw if r[4] in (None, IN_NAME, DEMONYM, "dateline", DOCUMENT_FOCUS)}
    for name, relation in known.items():
        if len(name) < 3:
            continue
        for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w])", text):
            span = (m.start(), m.end())
            if not free(span):
                continue
            if any(_spans_overlap(span, p) and p != span for p in persons):
                continue
            inside_org = any(_spans_overlap(span, b) and b != span for b in blocked)
            rel = relation if relation in (DEMONYM, DOCUMENT_FOCUS) else IN_NAME if inside_org else None
            add(span[0], span[1], name, "propagated", rel)
    raw.sort(key=lambda r: r[0])
    return raw


def _document_context(
    raw: list[tuple[int, int, str, str, str | None]],
    resolved: list[Candidate | None],
    gazetteer: Gazetteer,
) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """Return, per name key, what each name contributes to the document's countries and admin1
    areas, so that a mention is ranked with the context of the *other* names only.

    A named division counts 1; a name's current resolution 0.5; and, because local news names
    neighbouring towns, each name spreads 1 over the divisions where it has a town, so a rare
    name ("Edgar County") says more than a common one ("Marshall").
    """
    by_country: dict[str, Counter] = {}
    by_admin1: dict[str, Counter] = {}
    by_named: dict[str, Counter] = {}
    for (_, _, name, _, relation), c in zip(raw, resolved, strict=True):
        key = name_key(name)
        countries = by_country.setdefault(key, Counter())
        areas = by_admin1.setdefault(key, Counter())
        named = by_named.setdefault(key, Counter())
        if c is not None and c.iso and relation == DEMONYM:
            countries[c.iso] = max(countries[c.iso], DEMONYM_CONTEXT)  # "soldats maliens"
        elif c is not None and c.iso:
            countries[c.iso] = max(countries[c.iso], 1.0 if c.feature in ("country", "admin1") else 0.5)
            if c.admin1:
                areas[(c.iso, c.admin1)] = max(
                    areas[(c.iso, c.admin1)], 1.0 if c.feature == "admin1" else 0.5
                )
                named[(c.iso, c.admin1)] = 1.0
        towns = {
            (cand.iso, cand.admin1) for cand in gazetteer.candidates(name)
            if cand.admin1 and cand.primary and cand.iso and cand.feature in ("city", "admin2")
        }
        for area in sorted(towns):
            areas[area] = max(areas[area], 1.0 / len(towns))
        # second-level divisions: a county named, or the county of a town named (keys of three)
        for cand in gazetteer.candidates(name):
            if cand.primary and cand.iso and cand.admin1 and cand.admin2 and cand.feature in (
                "city", "admin2"
            ):
                areas[(cand.iso, cand.admin1, cand.admin2)] = 1.0
    return by_country, by_admin1, by_named


def _leave_one_out(parts: dict[str, Counter], key: str, total: Counter) -> Counter:
    """Return `total` (the sum of `parts`) without the part of `key`."""
    out = Counter(total)
    for area, w in parts.get(key, {}).items():
        out[area] -= w
        if out[area] <= 1e-9:
            del out[area]
    return out


def _resolve_all(
    raw: list[tuple[int, int, str, str, str | None]], text: str, gazetteer: Gazetteer, *,
    rounds: int,
) -> list[Candidate | None]:
    """Resolve every detected name: first alone, then `rounds` times with the context of the
    document's other names (see `_document_context`)."""
    # "Dublin, Ga.", "Paris, Texas": the division or country written right after a town.
    within: list[tuple[str, str | None] | None] = [None] * len(raw)
    for i in range(len(raw) - 1):
        if re.fullmatch(r"\s*,\s*", text[raw[i][1]:raw[i + 1][0]]):
            nxt = _resolve(raw[i + 1][2], gazetteer=gazetteer, context_countries={},
                           context_admin1={})
            if nxt is not None and nxt.feature in ("admin1", "country") and nxt.iso:
                within[i] = (nxt.iso, nxt.admin1 if nxt.feature == "admin1" else None)

    # 4. resolution: first without context, then twice with the context of the other names.
    border_isos = [gazetteer.demonym_country(m.group(1) or m.group(2))
                   for m in _BORDER_ADJ_RE.finditer(text)]
    ranked = [
        _ranked(r[2], gazetteer=gazetteer, context_countries={}, context_admin1={}, within=w)
        for r, w in zip(raw, within, strict=True)
    ]
    resolved: list[Candidate | None] = [c for c, _ in ranked]
    for _ in range(rounds):
        by_country, by_admin1, by_named = _document_context(raw, resolved, gazetteer)
        all_countries: Counter = sum(by_country.values(), Counter())
        all_admin1: Counter = sum(by_admin1.values(), Counter())
        all_named: Counter = sum(by_named.values(), Counter())
        # Towns and counties the other names resolve to: a namesake near them is the one meant.
        points = [
            (name_key(r[2]), c.latitude, c.longitude)
            for r, (c, margin), w in zip(raw, ranked, within, strict=True)
            if c is not None and c.feature not in AREA_FEATURES and r[4] != DEMONYM
            and (margin >= ANCHOR_MARGIN or w is not None) and c.population < ANCHOR_MAX_POPULATION
        ]
        new: list[tuple[Candidate | None, float]] = []
        for r, w in zip(raw, within, strict=True):
            key = name_key(r[2])
            anchors = tuple({(lat, lon) for k, lat, lon in points if k != key})
            countries = _leave_one_out(by_country, key, all_countries)
            for iso in border_isos:
                if iso:
                    countries[iso] += 1.0
            admin1 = _leave_one_out(by_admin1, key, all_admin1)
            named = frozenset(_leave_one_out(by_named, key, all_named))
            dominant = None
            if countries:
                iso, weight = countries.most_common(1)[0]
                if weight >= 0.5 * sum(countries.values()):
                    dominant = iso
            areas = {a: v for a, v in admin1.items() if len(a) == 2}
            top = max(areas.items(), key=lambda kv: kv[1], default=None)
            dominant_admin1 = top[0] if top and top[1] >= 0.4 * sum(areas.values()) else None
            # a division counts as the story's in proportion to its share of the divisions named:
            # "Sioux Falls, S.D." in a list of cities across the country says little of the rest
            total = sum(areas.values())
            if total and len(areas) > 1:
                admin1 = Counter({a: v * min(1.0, ADMIN1_SHARE_FULL * v / total) if len(a) == 2 else v
                                  for a, v in admin1.items()})
            new.append(_ranked(
                r[2], gazetteer=gazetteer, context_countries=countries, context_admin1=admin1,
                dominant=dominant, within=w, dominant_admin1=dominant_admin1, anchors=anchors,
                named_areas=named,
            ))
        ranked = new
        resolved = [c for c, _ in ranked]
    return _bordered_divisions(raw, _short_forms(raw, ranked, gazetteer), text, gazetteer)


def _bordered_divisions(
    raw: list[tuple[int, int, str, str, str | None]], resolved: list[Candidate | None], text: str,
    gazetteer: Gazetteer,
) -> list[Candidate | None]:
    """A town named like a division is the division when its border is meant ("near the New
    York border", "the Washington state line")."""
    out = list(resolved)
    for i, (r, c) in enumerate(zip(raw, resolved, strict=True)):
        if c is None or c.feature != "city" or not _BORDER_AFTER_RE.match(text, r[1]):
            continue
        division = next((d for d in gazetteer.candidates(r[2])
                         if d.feature == "admin1" and d.primary and d.iso == c.iso), None)
        if division is not None:
            out[i] = division
    return out


def _short_forms(
    raw: list[tuple[int, int, str, str, str | None]], ranked: list[tuple[Candidate | None, float]],
    gazetteer: Gazetteer,
) -> list[Candidate | None]:
    """Resolve a short form like the longer name the document also writes: "DeKalb" beside
    "DeKalb County" is that county, "Avondale" beside "Avondale Estates" that town, unless the
    short form is itself a well-known place near it or elsewhere (a capital, a big city)."""
    resolved = [c for c, _ in ranked]
    longer: dict[str, Candidate] = {}
    for r, (c, margin) in zip(raw, ranked, strict=True):
        if c is not None and " " in r[2] and c.feature in ("city", "admin2") and r[4] != DEMONYM and (
            margin >= ANCHOR_MARGIN and not r[2].endswith(" City")
            or re.search(r" (?:County|Parish|Township|Borough)$", r[2])
        ):
            longer.setdefault(name_key(r[2]), c)
    if not longer:
        return resolved
    out = list(resolved)
    for i, (r, c) in enumerate(zip(raw, resolved, strict=True)):
        key = name_key(r[2])
        target = next((t for k, t in longer.items() if k.startswith(key + " ")), None)
        if target is None or r[4] == DEMONYM:
            continue
        if c is not None and (c.capital or c.population >= STRONG_TOWN_POPULATION or c.feature in (
            "country", "admin1", "continent", "region"
        ) or _nearness(c.latitude, c.longitude, ((target.latitude, target.longitude),)) > 0):
            continue
        near = [x for x in gazetteer.candidates(r[2])
                if _nearness(x.latitude, x.longitude, ((target.latitude, target.longitude),)) == 1.0]
        out[i] = max(near, key=lambda x: (x.feature == target.feature, x.population)) if near else target
    return out


def _mentions(
    text: str, doc, *, lang: str, gazetteer: Gazetteer, admin_point: str, toponyms: bool
) -> list[PlaceMention]:
    raw = _detect(text, doc, lang=lang, gazetteer=gazetteer)
    # Second look, for the towns of the areas the document is about (local news).
    support = frozenset(
        (c.iso, c.admin1) for c, r in zip(_resolve_all(raw, text, gazetteer, rounds=1), raw,
                                          strict=True)
        if c is not None and c.iso and c.admin1 and r[4] != DEMONYM
        and c.feature in ("city", "admin1", "admin2")
    )
    if support:
        raw = _detect(text, doc, lang=lang, gazetteer=gazetteer, support=support)
    resolved = _resolve_all(raw, text, gazetteer, rounds=2)

    # Unknown facility names ("Royal Street") are placed at the document's main town.
    focus = None
    if toponyms:
        isos = Counter(c.iso for c, r in zip(resolved, raw, strict=True)
                       if c is not None and c.iso and r[4] != DEMONYM)
        main_iso = isos.most_common(1)[0][0] if isos else None
        # the main town: named most often (inside names too), in the division named most often
        areas = Counter(c.admin1 for c, r in zip(resolved, raw, strict=True)
                        if c is not None and c.iso == main_iso and c.admin1 and r[4] != DEMONYM)
        main_area = areas.most_common(1)[0][0] if areas else None
        candidates = [(c, r) for c, r in zip(resolved, raw, strict=True)
                      if c is not None and c.feature == "city" and c.primary and c.iso == main_iso
                      and r[4] in (None, IN_NAME)]
        if any(c.admin1 == main_area for c, _ in candidates):
            candidates = [(c, r) for c, r in candidates if c.admin1 == main_area]
        towns = Counter(c.place_id for c, _ in candidates)
        dateline = next((c for c, r in zip(resolved, raw, strict=True)
                         if c is not None and r[4] == "dateline" and c.feature == "city"), None)
        if dateline is not None and dateline.iso == main_iso:
            focus = dateline  # "WASHINGTON (AP) —": the story's town, where its buildings are
        elif towns:
            by_id = {c.place_id: c for c, _ in candidates}
            top = max(towns, key=lambda pid: (towns[pid], by_id[pid].population))
            focus = by_id[top]

    mentions: list[PlaceMention] = []
    for (start, end, name, method, relation), best in zip(raw, resolved, strict=True):
        place = _to_place(best, admin_point=admin_point) if best else None
        reason = None
        if relation is None and place is not None and place.feature == "country" and _FACILITY_BEFORE_RE.search(
            text[max(0, start - 30):start]
        ):
            relation = IN_NAME  # "l'école Canada", "avenue du Mali": a street or school, not the country
        if relation is None:
            # an event's "nord du Bénin" is coded to a division; a toponym stays the country
            place, relation, reason = _relation(
                text, start, place, gazetteer=None if toponyms else gazetteer, admin_point=admin_point
            )
        if relation == DOCUMENT_FOCUS and best is not None:
            place, relation = None, None  # "Lincoln High School" is not Lincoln
        if place is None and focus is not None and relation in (None, DOCUMENT_FOCUS, IN_NAME) and (
            method != "dateline"
        ):
            place = replace(_to_place(focus, admin_point=admin_point), geo_precision=2)
            relation = relation or DOCUMENT_FOCUS  # "Cauvery Management Board": still in a name
            reason = f"{name!r} is not in the gazetteer: placed at the document's main town"
        if place is None:
            reason = f"{name!r} is not in the gazetteer"
        elif relation == "dateline":
            reason = "dateline: where the dispatch was filed, not necessarily the event place"
        elif relation == DEMONYM:
            reason = f"demonym of {place.name}: not an event place"
        elif relation == IN_NAME and reason is None:
            reason = f"{place.name} named inside an organisation's name: not an event place"
        elif relation == IN_NAME:
            reason += ", inside an organisation's name: not an event place"
        mentions.append(PlaceMention(
            span=Span(start, end, text[start:end]), name=name, place=place, method=method,
            reason=reason, relation=relation,
        ))

    # 2c/3. "à la frontière nigérienne", "the Syrian border".
    for m in _BORDER_ADJ_RE.finditer(text):
        group = 1 if m.group(1) else 2
        iso = gazetteer.demonym_country(m.group(group))
        span = (m.start(group), m.end(group))
        if not iso or any(_spans_overlap(span, (pm.span.start, pm.span.end)) and
                          pm.relation not in (DEMONYM, None) for pm in mentions):
            continue
        mentions = [pm for pm in mentions if not _spans_overlap(span, (pm.span.start, pm.span.end))]
        country = gazetteer.country(iso)
        place = _to_place(country, admin_point=admin_point) if country else None
        mentions.append(PlaceMention(
            span=Span(span[0], span[1], text[span[0]:span[1]]), name=m.group(group), place=place,
            method="demonym", reason=f"border of {place.name if place else iso}: coded to the "
            "country (ACLED geo_precision 3)", relation="border",
        ))
    mentions.sort(key=lambda pm: pm.span.start)
    if not toponyms:
        mentions = [pm for pm in mentions if pm.relation not in TOPONYM_ONLY_RELATIONS]
    return mentions


def find_place_mentions(
    text: str,
    doc=None,
    *,
    lang: str,
    gazetteer: Gazetteer,
    published: date | None = None,
    admin_point: str = "capital",
) -> list[PlaceMention]:
    """Return the place mentions of a text in order, each resolved or with the reason it is not.

    `doc` is the spaCy parse of `text` (None: gazetteer n-grams and datelines only). `published`
    is accepted for symmetry with the other normalizers; datelines carry no place-relevant date.
    Demonyms and place names inside organisation names are not returned (see `find_toponyms`).
    """
    del published
    return _mentions(text, doc, lang=lang, gazetteer=gazetteer, admin_point=admin_point,
                     toponyms=False)


def find_toponyms(
    text: str,
    doc=None,
    *,
    lang: str,
    gazetteer: Gazetteer,
    admin_point: str = "capital",
) -> list[PlaceMention]:
    """Return every toponym as geoparsing gold standards (GeoWebNews, LGL) count them.

    `find_place_mentions` plus, flagged by `relation`, what is not an event place: demonyms
    ("Russian", relation "demonym", resolved to the country or region), places inside
    organisation names ("Washington Post", "in name"), and unknown street or building names
    placed at the document's main town ("document focus").
    """
    return _mentions(text, doc, lang=lang, gazetteer=gazetteer, admin_point=admin_point,
                     toponyms=True)
