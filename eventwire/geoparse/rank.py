"""Ranking a name's candidate places (`geocode_place`): the features, population and source of
each candidate, and the document's context (its countries, their neighbours, its divisions, the
"Town, State" pairs and the points of its other places), with the weights of
data/geoparse/rank_weights.yaml."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from eventwire.gazetteer import Candidate, Gazetteer, name_key
from eventwire.geoparse.common import BASE_FEATURES, WHERE_PREC
from eventwire.geoparse.vocab import weights
from eventwire.models import AREA_FEATURES, Place

# A division of the document's context: (iso, admin1), or (iso, admin1, admin2) for a county. A
# lookup is built from a candidate's fields, whose admin1 may be missing (None, never in a key).
AreaKey = tuple[str | None, ...]


def _score(
    c: Candidate,
    *,
    country_hint: str | None,
    context_countries: Mapping[str, float],
    context_admin1: Mapping[AreaKey, float],
    feature_hint: str | None,
    neighbours: frozenset[str] = frozenset(),
    dominant: str | None = None,
    within: tuple[str, str | None] | None = None,
    domestic_area: bool = False,
    dominant_admin1: tuple[str, str] | None = None,
    overshadowed: bool = False,
) -> float:
    w = weights()
    s = w.primary if c.primary or c.source == "supplement" else 0.0
    s += w.feature.get(c.feature, w.other_feature)
    if c.source == "supplement":
        s += w.supplement
    if c.capital:
        s += w.capital
    # An area's population is the sum of its towns': damp it so a province does not outrank
    # the big town of the same name elsewhere ("Gaza" city vs Mozambique's Gaza province).
    damping = w.area_population_damping if c.feature in ("admin1", "admin2") else 0.0
    s += w.population * max(0.0, math.log10(c.population + 1) - damping)
    if overshadowed:
        s -= w.fame
    if country_hint and c.iso == country_hint:
        s += w.country_hint
    context = 0.0
    if c.iso and context_countries.get(c.iso):
        context += w.context_country * min(1.0, context_countries[c.iso])
    elif c.iso and neighbours:
        context += w.context_neighbour * min(1.0, max(context_countries.get(n, 0.0) for n in neighbours))
    if c.iso and c.iso == dominant:
        context += w.dominant
    elif dominant and c.feature == "country" and not context:
        context -= w.foreign_area if domestic_area else w.foreign  # "Georgia" beside Atlanta
    if c.admin1 and context_admin1.get((c.iso, c.admin1)):
        context += w.context_admin1 * min(2.0, context_admin1[(c.iso, c.admin1)])
    if dominant_admin1 and (c.iso, c.admin1) == dominant_admin1:
        context += w.dominant_admin1
    if c.admin2 and context_admin1.get((c.iso, c.admin1, c.admin2)):
        context += w.context_admin2 * min(1.0, context_admin1[(c.iso, c.admin1, c.admin2)])
    # A town matched only on an alternate name ("East Liverpool" for "Liverpool") needs more
    # than the document's country to win.
    s += context if c.primary or c.feature != "city" else context / 2
    if within and c.iso == within[0] and (within[1] is None or c.admin1 == within[1]):
        s += w.pair
    if feature_hint:
        hint = feature_hint.lower()
        if (
            hint == c.feature
            or (hint in ("base", "camp", "airport") and c.feature in BASE_FEATURES)
            or hint in ("province", "region", "governorate", "state", "admin1")
            and c.feature in ("admin1", "region")
            or hint in ("district", "county", "admin2")
            and c.feature == "admin2"
        ):
            s += w.feature_hint
    return s


def nearness(lat: float, lon: float, anchors: tuple[tuple[float, float], ...]) -> float:
    """Return 1 when a point lies within w.near_full_km of an anchor, fading to 0 at w.near_zero_km
    (equirectangular distance: exact enough at these ranges)."""
    w = weights()
    best = w.near_zero_km
    k = math.cos(math.radians(lat))
    for alat, alon in anchors:
        dlat = lat - alat
        if abs(dlat) * 111.2 >= best:
            continue
        d = 111.2 * math.hypot(dlat, (lon - alon) * k)
        best = min(best, d)
    if best <= w.near_full_km:
        return 1.0
    return max(0.0, (w.near_zero_km - best) / (w.near_zero_km - w.near_full_km))


def _beyond_reach(alat: float, alon: float) -> Callable[[float, float], bool]:
    """Return a test of `nearness(lat, lon, ((alat, alon),)) == 0.0`, the same arithmetic with the
    weights read once (the margin of a name asks it of each of its candidates: hundreds for a
    common name)."""
    w = weights()
    zero, full = w.near_zero_km, w.near_full_km

    def away(lat: float, lon: float) -> bool:
        best = zero
        dlat = lat - alat
        if abs(dlat) * 111.2 < best:
            best = min(best, 111.2 * math.hypot(dlat, (lon - alon) * math.cos(math.radians(lat))))
        if best <= full:
            return False
        return max(0.0, (zero - best) / (zero - full)) == 0.0

    return away


def candidate_place(c: Candidate) -> Place:
    """Return a gazetteer entry as the Place an event is coded to (areas at their capital)."""
    return to_place(c, admin_point="capital")


def to_place(c: Candidate, *, admin_point: str) -> Place:
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


_ADMIN1_WORD = re.compile(r"\b(province|governorate|gouvernorat|region|région|state|état|wilaya)\b")
_BASE_WORD = re.compile(r"\b(base|camp|airport|aéroport|airfield|garrison)\b")
_ADMIN2_WORD = re.compile(r"\b(county|district|parish|comté|cercle)\b")


@lru_cache(maxsize=4096)  # asked for each candidate of each mention: the same few names recur
def _feature_hint_from_name(name: str) -> str | None:
    low = name.lower()
    if _ADMIN1_WORD.search(low):
        return "admin1"
    if _BASE_WORD.search(low):
        return "base"
    if _ADMIN2_WORD.search(low):
        return "admin2"
    return None


_GENERIC_RE = re.compile(
    r"^(?:(?:the\s+)?(?:province|governorate|region|state|district)\s+of\s+|"
    r"(?:la\s+)?(?:province|région|region|gouvernorat|wilaya|ville|localité|village|commune|"
    r"cercle|base(?:\s+aérienne|\s+militaire)?|camp|aéroport(?:\s+international)?)\s+"
    r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*))",
    re.IGNORECASE,
)
_GENERIC_SUFFIX_RE = re.compile(
    r"\s+(?:province|governorate|region|state|city|district|county|country)$", re.IGNORECASE
)


def geocode_place(
    name: str,
    *,
    gazetteer: Gazetteer,
    country_hint: str | None = None,
    context_countries: Iterable[str] | Mapping[str, float] = (),
    context_admin1: Mapping[AreaKey, float] | None = None,
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
    best = resolve_name(
        name,
        gazetteer=gazetteer,
        country_hint=country_hint,
        context_countries=context_countries,
        context_admin1=context_admin1 or {},
        feature_hint=feature_hint,
        dominant=dominant,
    )
    return to_place(best, admin_point=admin_point) if best else None


def resolve_name(name: str, **kwargs) -> Candidate | None:
    """Return the best candidate for `name` (see `geocode_place` and `ranked`), or None."""
    return rank_candidates(name, **kwargs)[0]


def _found(name: str, gazetteer: Gazetteer) -> tuple[list[Candidate], Candidate | None]:
    """Return the candidates of a name (tried without a generic word like "province of" when it
    has none) and, when the name is a people's ("Canadian", "European"), the place it names
    instead (the candidates are then empty)."""
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
            return [], gazetteer.country(demonym_iso)
        return [], gazetteer.demonym_place(name)  # "European" → Europe
    return found, None


def _scores(
    found: list[Candidate],
    *,
    gazetteer: Gazetteer,
    country_hint: str | None,
    context_countries: Mapping[str, float],
    context_admin1: Mapping[AreaKey, float],
    feature_hint: str | None,
    dominant: str | None,
    within: tuple[str, str | None] | None,
    dominant_admin1: tuple[str, str] | None,
    named_areas: frozenset[tuple[str, str]] | None,
) -> list[float]:
    """Return the score of each candidate in the document's context (`_score`)."""
    w = weights()
    # The name is also a division of the document's country, or a town of its main division:
    # "Georgia" beside Atlanta, "Lebanon" in a story about Tennessee towns.
    domestic_area = bool(dominant) and any(
        c.primary
        and c.iso == dominant
        and (c.feature == "admin1" or (c.feature == "city" and dominant_admin1 == (c.iso, c.admin1)))
        for c in found
    )
    famous = max((c.population for c in found if c.feature == "city" and c.primary), default=0)
    return [
        _score(
            c,
            country_hint=country_hint,
            context_countries=context_countries,
            context_admin1=context_admin1,
            feature_hint=feature_hint,
            neighbours=gazetteer.neighbours(c.iso) if c.iso else frozenset(),
            dominant=dominant,
            within=within,
            domestic_area=domestic_area,
            dominant_admin1=dominant_admin1,
            overshadowed=famous >= w.fame_from
            and c.feature == "city"
            and c.population * w.fame_ratio < famous
            and not (
                (c.iso, c.admin1) in named_areas if named_areas is not None else context_admin1.get((c.iso, c.admin1))
            )
            and not (within and c.iso == within[0]),
        )
        for c in found
    ]


def rank_candidates(
    name: str,
    *,
    gazetteer: Gazetteer,
    country_hint: str | None = None,
    context_countries: Mapping[str, float],
    context_admin1: Mapping[AreaKey, float],
    feature_hint: str | None = None,
    dominant: str | None = None,
    within: tuple[str, str | None] | None = None,
    dominant_admin1: tuple[str, str] | None = None,
    anchors: tuple[tuple[float, float], ...] = (),
    named_areas: frozenset[tuple[str, str]] | None = None,
) -> tuple[Candidate | None, float]:
    """Return `resolve_name`'s answer and its margin: how far its score is ahead of the best
    candidate lying elsewhere (infinite when nothing else is in the running).

    `anchors` are the points of places the document's other names surely are: a town or county
    near one of them gains up to the `near` weight, so among namesakes the one beside the story's
    other places wins ("Hanover" beside "Bethel, Vt." is Hanover, New Hampshire), though never
    over a country or division that wins without it."""
    abbreviated = gazetteer.abbreviation(name)
    if abbreviated is not None:
        return abbreviated, math.inf
    feature_hint = feature_hint or _feature_hint_from_name(name)
    found, instead = _found(name, gazetteer)
    if not found:
        return instead, math.inf
    scores = _scores(
        found,
        gazetteer=gazetteer,
        country_hint=country_hint,
        context_countries=context_countries,
        context_admin1=context_admin1,
        feature_hint=feature_hint,
        dominant=dominant,
        within=within,
        dominant_admin1=dominant_admin1,
        named_areas=named_areas,
    )
    top = max(range(len(found)), key=scores.__getitem__)
    if anchors and found[top].feature not in AREA_FEATURES:
        scores = [
            sc
            + weights().near
            * nearness(c.latitude, c.longitude, anchors)
            * (1.0 if c.primary or c.feature != "city" else 0.5)
            if c.feature not in AREA_FEATURES
            else sc
            for c, sc in zip(found, scores, strict=True)
        ]
        top = max(range(len(found)), key=scores.__getitem__)
    best = found[top]
    away = _beyond_reach(best.latitude, best.longitude)
    margin = scores[top] - max(
        (sc for c, sc in zip(found, scores, strict=True) if away(c.latitude, c.longitude)),
        default=-math.inf,
    )
    if best.feature in ("admin1", "admin2") and feature_hint not in ("admin1", "admin2"):
        # "Gao", "Erbil": a town named like its province is the town (ACLED codes the town).
        towns = [
            c
            for c in found
            if c.feature == "city"
            and c.iso == best.iso
            and (c.primary or c.population >= 1_000_000)
            and best.name in (c.admin1, c.admin2)
        ]
        if towns:
            best = max(towns, key=lambda c: c.population)
    return best, margin
