"""The words around a place name that change its point or precision (step 3 of the geoparser):
"40 km north of Goma" (a point offset), "près de Gao", "some 100 km from the capital" (a
yardstick, not the place), "in western Iraq", "le nord du Bénin" (a part of an area), "à la
frontière nigérienne" (a border). Compass words come from data/geoparse/words.yaml."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import cache

from eventwire.gazetteer import Candidate, Gazetteer
from eventwire.geo import EARTH_RADIUS_KM
from eventwire.geoparse.rank import to_place
from eventwire.geoparse.vocab import compass
from eventwire.lang.fold import fold
from eventwire.lang.numbers import load_number_lexicon
from eventwire.models import AREA_FEATURES, Place

_DIRECTIONS = compass().bearings
_DIRECTION_EN = compass().english
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
# A single town's name before a capitalized street noun names a street ("Kerou Road", "Tamba
# Highway"): such a road is named after the town it leads to and lies elsewhere (a language
# regularity; "the Kerou-Tamba road", with both ends, is read by normalize.qualifying_places).
STREET_AFTER_RE = re.compile(r"\s+(?:Road|Highway|Street|Avenue|Boulevard|Lane|Drive)\b")
# A country named right after a street, school or hotel word names that facility.
FACILITY_BEFORE_RE = re.compile(
    r"\b(?:école|ecole|lycée|lycee|collège|college|rue|avenue|boulevard|bd|rond-point|hôtel|hotel|"
    r"stade|cité|quartier|school|street|road|stadium|university|université|universite)\s+"
    r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?$",
    re.IGNORECASE,
)


@cache
def _approximate_distance() -> tuple[re.Pattern[str], dict[str, float]]:
    """Return the pattern of a distance given by an approximate number word ("à une dizaine de
    kilomètres de Gao", "a dozen miles from Gao": data/numbers/<lang>.yaml, key approximate; the
    singular ones only, a plural is vague) and the value of each phrase (group 1), with the unit
    in group 2."""
    values = {
        fold(phrase): float(value)
        for lang in ("fr", "en")
        for phrase, value in load_number_lexicon(lang).approximate.items()
        if phrase.split()[0] in ("un", "une", "a")
    }
    words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(values, key=len, reverse=True))
    pattern = re.compile(
        rf"\b({words})\s+(?:de\s+|d['’]\s*|of\s+)?{_UNIT}{_CONVERSION}\s+(?:away\s+)?(?:of|from|de|du|d['’])\s*{_ART}"
        r"(?:(?:capital|capitale|city\s+of|town\s+of|ville\s+de|ville\s+d['’])\s*)?$",
        re.IGNORECASE,
    )
    return pattern, values


# Nearer than this, "N km from X" is coded near X (ACLED geo_precision 2).
DISTANCE_REFERENCE_MIN_KM = 60
_NEAR_RE = re.compile(
    r"(?:near|close\s+to|outside|on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of|"
    r"près\s+de|pres\s+de|non\s+loin\s+de|aux\s+environs\s+de|à\s+proximité\s+de|"
    r"aux\s+abords\s+de|dans\s+les\s+environs\s+de|en\s+périphérie\s+de)\s*(?:d['’]\s*)?" + _ART + r"$",
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
BORDER_ADJ_RE = re.compile(r"\bfronti[eè]re\s+([a-zà-ÿ]+)|\b([A-Z][a-z]+)\s+border\b")


def _offset(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """Return the point `km` away from (lat, lon) on `bearing_deg` (great circle)."""
    d = km / EARTH_RADIUS_KM
    b = math.radians(bearing_deg)
    la1, lo1 = math.radians(lat), math.radians(lon)
    la2 = math.asin(math.sin(la1) * math.cos(d) + math.cos(la1) * math.sin(d) * math.cos(b))
    lo2 = lo1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(la1), math.cos(d) - math.sin(la1) * math.sin(la2))
    return round(math.degrees(la2), 5), round(math.degrees(lo2), 5)


def _kilometres(m: re.Match[str], words: dict[str, float] | None = None) -> float:
    """Return the distance of a matched "<number> <unit>" (groups 1 and 2) in kilometres; the
    number may be an approximate number word of `words` ("une dizaine")."""
    number = m.group(1)
    km = (
        words[fold(" ".join(number.split()))] if words and not number[:1].isdigit() else float(number.replace(",", "."))
    )
    return km * 1.609 if m.group(2).lower().startswith("mi") else km


def _near(place: Place | None, phrase: str) -> tuple[Place | None, str | None, str | None]:
    """Return a place coded near a town ("near Gao", "20 km from Gao": ACLED geo_precision 2)."""
    if place is None:
        return None, "near", None
    return (
        replace(
            place,
            geo_precision=max(place.geo_precision, 2),
            where_prec=max(place.where_prec or 1, 2),
        ),
        "near",
        f"{phrase} {place.name}: coded to {place.name} (ACLED geo_precision 2)",
    )


def _part_of_country(country: Place, bearing: float, gazetteer: Gazetteer, admin_point: str) -> Place | None:
    """Return the first-level division of a country lying furthest in a direction ("le nord du
    Bénin" -> Alibori), or None when the country has fewer than three."""
    areas = [a for a in gazetteer.admin1_areas(country.iso) if a.centre_latitude is not None]
    if len(areas) < 3:
        return None
    origin = gazetteer.country(country.iso)
    assert origin is not None, f"{country.iso}: a country with divisions has a gazetteer entry"
    lat0, lon0 = origin.centre_latitude, origin.centre_longitude
    b = math.radians(bearing)
    scale = math.cos(math.radians(lat0))

    def reach(a: Candidate) -> float:
        return (a.centre_longitude - lon0) * scale * math.sin(b) + (a.centre_latitude - lat0) * math.cos(b)

    return to_place(max(areas, key=reach), admin_point=admin_point)


def _offset_relation(m: re.Match[str], place: Place | None) -> tuple[Place | None, str | None, str | None]:
    """Return (place, relation, reason) for "N km <direction> of" before a toponym."""
    km = _kilometres(m)
    direction = m.group(3).lower()
    bearing = _DIRECTIONS.get(direction)
    direction = _DIRECTION_EN.get(direction, direction)
    relation = f"{km:g} km {direction} of"
    if place is None:
        return None, relation, None
    lat, lon = (place.latitude, place.longitude)
    if bearing is not None:
        # `place` comes from a gazetteer candidate (geoparse.rank.to_place): it has a point
        assert lat is not None and lon is not None, f"{place.name}: gazetteer places have a point"
        lat, lon = _offset(lat, lon, km, bearing)
    return (
        replace(
            place,
            latitude=lat,
            longitude=lon,
            geo_precision=max(place.geo_precision, 2),
            where_prec=max(place.where_prec or 1, 2),
        ),
        relation,
        f"point offset {km:g} km {direction} of {place.name}",
    )


def stated_distance(before: str) -> tuple[float, int] | None:
    """Return (kilometres, start of the phrase) of a distance that ends `before` and names the
    place written right after it as its yardstick ("à une quinzaine de km de ", "15 km from "),
    or None; a distance with a direction ("20 km north of") is an offset, not read here."""
    if _OFFSET_RE.search(before):
        return None
    approximate, values = _approximate_distance()
    m = _DISTANCE_RE.search(before) or approximate.search(before)
    return (_kilometres(m, values), m.start()) if m else None


def read_relation(
    text: str,
    start: int,
    place: Place | None,
    *,
    gazetteer: Gazetteer | None = None,
    admin_point: str = "capital",
) -> tuple[Place | None, str | None, str | None]:
    """Return (place, relation, reason) after reading the words before a toponym."""
    before = text[max(0, start - 80) : start]
    if m := _OFFSET_RE.search(before):
        return _offset_relation(m, place)
    if _VAGUE_DISTANCE_RE.search(before):
        return place, "distance reference", "a yardstick some distance away, not the place itself"
    approximate, values = _approximate_distance()
    if m := _DISTANCE_RE.search(before) or approximate.search(before):
        km = _kilometres(m, values)
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
                return (
                    replace(area, geo_precision=3),
                    relation,
                    (
                        f"only the {direction} of {place.name} is named: coded to its first-level division "
                        f"furthest {direction}, {area.name} (ACLED geo_precision 3)"
                    ),
                )
        if place.feature in AREA_FEATURES:
            reason = (
                f"only the {direction} part of {place.name} is named: coded to {place.name} (ACLED geo_precision 3)"
            )
            return replace(place, geo_precision=3), relation, reason
        return (
            replace(place, geo_precision=2, where_prec=2),
            relation,
            (f"{direction} part of {place.name}: coded to {place.name} (ACLED geo_precision 2)"),
        )
    if _BORDER_BEFORE_RE.search(before):
        if place is None:
            return None, "border", None
        return (
            replace(place, geo_precision=3),
            "border",
            (f"border of {place.name}: coded to {place.name} (ACLED geo_precision 3)"),
        )
    return place, None, None
