"""Place mentions in French and English news, resolved against the offline gazetteer.

`find_place_mentions` works in four steps (numbered in the body):
  1. datelines ("ERBIL (Reuters) -", "BAMAKO, 12 mars (AFP) -", "(Washington) -"), flagged
     relation="dateline" so callers never take them for the event place;
  2. toponyms from spaCy entities (GPE/LOC/FAC; LOC in the French model), then capitalized
     n-grams the NER missed when the gazetteer knows them well enough;
  3. relative phrases around each toponym ("in western Iraq", "près de Gao", "40 km north of
     Goma", "à la frontière nigérienne") that change the point or the precision;
  4. resolution in two passes: first without context, then with the countries and admin1 areas
     the document itself names, so "Georgia" next to "Atlanta" is the US state.
A name the gazetteer does not know is returned with place=None and a reason, never dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from eventwire.models import Place, PlaceMention, Span
from eventwire.normalize.gazetteer import Candidate, Gazetteer, name_key

# Ranking weights (geocode_place). Tuned by hand on GWN/LGL (benchmarks/geoparse_eval.py):
# a country named in the document outweighs one order of magnitude of population but not two.
W_PRIMARY = 2.0  # matched the entry's own name rather than an alternate
W_FEATURE = {"country": 6.0, "admin1": 3.0, "region": 4.0, "admin2": 0.0, "city": 0.0}
W_SUPPLEMENT = 4.0  # our own hand-checked entries
W_COUNTRY_HINT = 10.0
W_CONTEXT_COUNTRY = 4.0
W_CONTEXT_ADMIN1 = 3.0
W_FEATURE_HINT = 8.0
W_POPULATION = 1.0  # per power of ten
AREA_POPULATION_DAMPING = 1.0  # powers of ten taken off an area's summed town population
BASE_FEATURES = frozenset({"airbase", "airport", "camp", "facility", "hospital", "border_crossing"})
AREA_FEATURES = frozenset({"country", "admin1", "admin2", "region"})
# UCDP where_prec by feature: 1 exact place, 3 second-order division, 4 first-order, 5 larger
# region, 6 country.
WHERE_PREC = {"admin2": 3, "admin1": 4, "region": 5, "country": 6}
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
_OFFSET_RE = re.compile(
    rf"(\d+(?:[.,]\d+)?)\s*(km|kilom[eè]tres?|kilometers?|kilometres?|miles?|mi)\s+"
    rf"(?:au\s+|à\s+l['’]\s*|to\s+the\s+)?({_DIR})\s+(?:of|de|du|d['’])\s*{_ART}$",
    re.IGNORECASE,
)
_NEAR_RE = re.compile(
    r"(?:near|close\s+to|outside|on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of|"
    r"près\s+de|pres\s+de|non\s+loin\s+de|aux\s+environs\s+de|à\s+proximité\s+de|"
    r"aux\s+abords\s+de|dans\s+les\s+environs\s+de|en\s+périphérie\s+de)\s*(?:d['’]\s*)?"
    + _ART + r"$",
    re.IGNORECASE,
)
_PART_RE = re.compile(
    rf"(?:(?:in|across)\s+(?:the\s+)?({_DIR})(?:\s+part\s+of)?\s+{_ART}"
    rf"|(?:dans|en)\s+(?:le\s+|l['’]\s*)({_DIR})\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*))$",
    re.IGNORECASE,
)
_BORDER_BEFORE_RE = re.compile(
    r"(?:border\s+with|frontière\s+avec|fronti[eè]re\s+(?:du|de\s+la|de\s+l['’]|des)|"
    r"frontier\s+with)\s*" + _ART + r"$",
    re.IGNORECASE,
)
_BORDER_ADJ_RE = re.compile(r"\bfronti[eè]re\s+([a-zà-ÿ]+)|\b([A-Z][a-z]+)\s+border\b")
_DATELINE_RE = re.compile(
    rf"^[ \t]*(?P<name>[{_UP}][{_UP}'’ .\-]{{2,40}}?)[ \t]*"
    r"(?:,[^()\n]{0,40}?)?[ \t]*\((?:[^()\n]{1,25})\)[ \t]*[-–—:]",
    re.MULTILINE,
)
_PAREN_DATELINE_RE = re.compile(rf"^[ \t]*\((?P<name>[{_UP}][\w'’ .\-]{{1,40}}?)\)[ \t]*[-–—]?", re.MULTILINE)
_NGRAM_RE = re.compile(
    rf"[{_UP}]{_WORD}*(?:\s+(?:(?:al|el|ad|an|as|ash|de|du|des|d['’]|la|le|of|on|upon|sur)\s+)?"
    rf"[{_UP}]{_WORD}*)*"
)
_LEADING_ART_RE = re.compile(r"^(?:the|The|l['’]|L['’]|la|La|le|Le|les|Les)\s*", re.UNICODE)
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
) -> float:
    s = W_PRIMARY if c.primary else 0.0
    s += W_FEATURE.get(c.feature, 1.0)
    if c.source == "supplement":
        s += W_SUPPLEMENT
    # An area's population is the sum of its towns': damp it so a province does not outrank
    # the big town of the same name elsewhere ("Gaza" city vs Mozambique's Gaza province).
    damping = AREA_POPULATION_DAMPING if c.feature in ("admin1", "admin2") else 0.0
    s += W_POPULATION * max(0.0, math.log10(c.population + 1) - damping)
    if country_hint and c.iso == country_hint:
        s += W_COUNTRY_HINT
    if context_countries.get(c.iso):
        s += W_CONTEXT_COUNTRY * min(1.0, context_countries[c.iso])
    if c.admin1 and context_admin1.get((c.iso, c.admin1)) and c.feature != "admin1":
        s += W_CONTEXT_ADMIN1 * min(2.0, context_admin1[(c.iso, c.admin1)])
    if feature_hint:
        hint = feature_hint.lower()
        if hint == c.feature or (hint in ("base", "camp", "airport") and c.feature in BASE_FEATURES) or hint in ("province", "region", "governorate", "state", "admin1") and c.feature in (
            "admin1", "region"
        ) or hint in ("district", "county", "admin2") and c.feature == "admin2":
            s += W_FEATURE_HINT
    return s


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
    r"cercle)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*))",
    re.IGNORECASE,
)
_GENERIC_SUFFIX_RE = re.compile(r"\s+(?:province|governorate|region|state|city|district)$", re.IGNORECASE)


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

    Candidates are ranked by: own-name vs alternate-name match, feature (country > region >
    admin1 > town, bases when the phrase says "base"/"camp"), our supplement, the document's
    countries (`context_countries`, ISO2 codes or code → weight) and admin1 areas, and population.
    Areas are placed at their capital/largest town, as ACLED codes geo_precision 3; pass
    `admin_point="centre"` for the geographic centre (what geoparsing gold standards use).
    """
    if not isinstance(context_countries, Mapping):
        context_countries = {iso: 1.0 for iso in context_countries}
    context_admin1 = context_admin1 or {}
    feature_hint = feature_hint or _feature_hint_from_name(name)
    found = gazetteer.candidates(name)
    if not found:
        for stripped in (_GENERIC_RE.sub("", name), _GENERIC_SUFFIX_RE.sub("", name)):
            if stripped != name and stripped.strip():
                found = gazetteer.candidates(stripped)
                if found:
                    break
    demonym_iso = gazetteer.demonym_country(name)
    if demonym_iso and not any(
        c.primary and (c.feature in AREA_FEATURES or c.population >= 100_000) for c in found
    ):
        found = []  # "Canadian" is Canada, not Canadian, Texas
    if not found:
        iso = demonym_iso
        country = gazetteer.country(iso) if iso else None
        return _to_place(country, admin_point=admin_point) if country else None
    best = max(
        found,
        key=lambda c: _score(
            c, country_hint=country_hint, context_countries=context_countries,
            context_admin1=context_admin1, feature_hint=feature_hint,
        ),
    )
    if best.feature in ("admin1", "admin2") and feature_hint not in ("admin1", "admin2"):
        # "Gao", "Erbil": a town named like its province is the town (ACLED codes the town).
        towns = [
            c for c in found if c.feature == "city" and c.primary and c.iso == best.iso
            and best.name in (c.admin1, c.admin2)
        ]
        if towns:
            best = max(towns, key=lambda c: c.population)
    return _to_place(best, admin_point=admin_point)


def _offset(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """Return the point `km` away from (lat, lon) on `bearing_deg` (great circle)."""
    r = 6371.0
    d = km / r
    b = math.radians(bearing_deg)
    la1, lo1 = math.radians(lat), math.radians(lon)
    la2 = math.asin(math.sin(la1) * math.cos(d) + math.cos(la1) * math.sin(d) * math.cos(b))
    lo2 = lo1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(la1), math.cos(d) - math.sin(la1) * math.sin(la2)
    )
    return round(math.degrees(la2), 5), round(math.degrees(lo2), 5)


def _clean_name(text: str) -> str:
    name = _LEADING_ART_RE.sub("", text.strip())
    return name.strip(" ,.;:«»\"'’")


def _spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _find_datelines(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _DATELINE_RE.finditer(text):
        if m.start() > 0 and text[m.start() - 1] not in "\n":
            continue
        out.append((m.start("name"), m.end("name"), m.group("name").strip().title()))
    for m in _PAREN_DATELINE_RE.finditer(text):
        if m.start() == 0 or text[m.start() - 1] == "\n":
            out.append((m.start("name"), m.end("name"), m.group("name").strip()))
    return out


def _relation(
    text: str, start: int, place: Place | None
) -> tuple[Place | None, str | None, str | None]:
    """Return (place, relation, reason) after reading the words before a toponym."""
    before = text[max(0, start - 80):start]
    if m := _OFFSET_RE.search(before):
        km = float(m.group(1).replace(",", "."))
        if m.group(2).lower().startswith("mi"):
            km *= 1.609
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
    if _NEAR_RE.search(before):
        if place is None:
            return None, "near", None
        return replace(
            place, geo_precision=max(place.geo_precision, 2), where_prec=max(place.where_prec or 1, 2)
        ), "near", f"near {place.name}: coded to {place.name} (ACLED geo_precision 2)"
    if m := _PART_RE.search(before):
        direction = (m.group(1) or m.group(2)).lower()
        direction = _DIRECTION_EN.get(direction, direction)
        relation = f"{direction} part"
        if place is None:
            return None, relation, None
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
    """
    del published
    # (start, end, surface name, method, relation)
    raw: list[tuple[int, int, str, str, str | None]] = []
    taken: list[tuple[int, int]] = []

    # 1. datelines.
    for start, end, name in _find_datelines(text):
        raw.append((start, end, name, "dateline", "dateline"))
        taken.append((start, end))

    # 2a. NER toponyms.
    labels = ENTITY_LABELS.get(lang, frozenset({"GPE", "LOC", "FAC"}))
    blocked: list[tuple[int, int]] = []
    if doc is not None:
        for ent in doc.ents:
            span = (ent.start_char, ent.end_char)
            if ent.label_ in BLOCKING_LABELS:
                blocked.append(span)
                continue
            if ent.label_ not in labels or any(_spans_overlap(span, t) for t in taken):
                continue
            name = _clean_name(ent.text)
            if not name:
                continue
            if gazetteer.demonym_country(name) and not gazetteer.has_name(name):
                continue  # "forces américaines": an actor's adjective, not a place
            offset = ent.text.find(name)
            start = ent.start_char + max(offset, 0)
            raw.append((start, start + len(name), name, "ner", None))
            taken.append(span)

    # 2b. capitalized n-grams the NER missed.
    for m in _NGRAM_RE.finditer(text):
        span = (m.start(), m.end())
        if any(_spans_overlap(span, t) for t in taken + blocked):
            continue
        name = _clean_name(m.group(0))
        if not name or name.lower() in _NGRAM_STOP or len(name) < 3:
            continue
        found = gazetteer.candidates(name)
        if not found:
            continue
        if gazetteer.demonym_country(name) and not any(
            c.primary and c.feature in AREA_FEATURES for c in found
        ):
            continue  # "Americans", "Syrian": actors' adjectives, not places
        locative = bool(_LOCATIVE_RE.search(text[max(0, m.start() - 12):m.start()]))
        sentence_start = m.start() == 0 or text[max(0, m.start() - 2):m.start()].strip() in (
            ".", "!", "?", ""
        ) and (m.start() < 2 or text[m.start() - 1] in "\n ")
        strong = any(
            c.feature in ("country", "admin1", "region") or c.source == "supplement"
            or (c.primary and c.population >= NGRAM_MIN_POPULATION)
            for c in found
        )
        if strong or (locative and not sentence_start and any(c.primary for c in found)):
            start = m.start() + m.group(0).find(name)
            raw.append((start, start + len(name), name, "gazetteer", None))
            taken.append(span)

    # 2c. "à la frontière nigérienne", "the Syrian border".
    border_mentions: list[tuple[int, int, str, str]] = []
    for m in _BORDER_ADJ_RE.finditer(text):
        group = 1 if m.group(1) else 2
        iso = gazetteer.demonym_country(m.group(group))
        if iso and not any(_spans_overlap((m.start(group), m.end(group)), t) for t in taken):
            border_mentions.append((m.start(group), m.end(group), m.group(group), iso))

    # 4a. first pass without context, to learn the document's countries and admin1 areas.
    context_countries: Counter[str] = Counter()
    context_admin1: Counter[tuple[str, str]] = Counter()
    for start, end, name, method, relation in raw:
        first = geocode_place(name, gazetteer=gazetteer)
        if first is None:
            continue
        weight = 1.0 if first.feature in ("country", "admin1") else 0.5
        context_countries[first.iso] += weight
        if first.feature == "admin1" and first.admin1:
            context_admin1[(first.iso, first.admin1)] += 1
    for _, _, _, iso in border_mentions:
        context_countries[iso] += 1
    # Admin1 areas where several distinct names of this document have a town: local news names
    # neighbouring towns, so "Alexandria" beside "Pineville" is the one in Louisiana.
    names_by_admin1: dict[tuple[str, str], set[str]] = {}
    for _, _, name, _, _ in raw:
        for c in gazetteer.candidates(name):
            if c.admin1 and c.primary and c.iso in context_countries:
                names_by_admin1.setdefault((c.iso, c.admin1), set()).add(name_key(name))
    for area, names in names_by_admin1.items():
        if len(names) >= 2:
            context_admin1[area] += (len(names) - 1) / 2

    # 4b. resolve with context; 3. relative phrases.
    mentions: list[PlaceMention] = []
    for start, end, name, method, relation in raw:
        place = geocode_place(
            name, gazetteer=gazetteer, context_countries=context_countries,
            context_admin1=context_admin1, admin_point=admin_point,
        )
        reason = None
        if relation is None:
            place, relation, reason = _relation(text, start, place)
        if place is None:
            reason = f"{name!r} is not in the gazetteer"
        elif relation == "dateline":
            reason = "dateline: where the dispatch was filed, not necessarily the event place"
        mentions.append(PlaceMention(
            span=Span(start, end, text[start:end]), name=name, place=place, method=method,
            reason=reason, relation=relation,
        ))
    for start, end, word, iso in border_mentions:
        country = gazetteer.country(iso)
        place = _to_place(country, admin_point=admin_point) if country else None
        mentions.append(PlaceMention(
            span=Span(start, end, text[start:end]), name=word, place=place, method="demonym",
            reason=f"border of {place.name if place else iso}: coded to the country "
            "(ACLED geo_precision 3)", relation="border",
        ))
    mentions.sort(key=lambda pm: pm.span.start)
    return mentions
