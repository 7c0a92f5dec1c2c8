"""When two mentions of one document can be the same incident: kindred types, compatible days and
one location (ACLED codes one event per location per day per actor pair). Used by the in-document
merge (resolve/in_document.py) and the event coders."""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.datafiles import data_path, read_language_lists
from eventwire.errors import DataFileError
from eventwire.extract.roles import ROLE_PARTIES
from eventwire.geo import bearing_deg, points_km
from eventwire.models import Mention, Modality, Place
from eventwire.taxonomy import VIOLENT_TYPES, EventType

# Two precise places this close are one location (ACLED codes one event per location per day).
# (resolve.similarity's NEIGHBOUR_MAX_KM is the cross-document counterpart, between two reports.)
ONE_LOCATION_MAX_KM = 25.0
# A village the gazetteer lacks is coded near a known place (normalize.incident_place), so its
# point is only roughly right: two such places this close may be one (a commune and its locality).
DERIVED_ONE_LOCATION_MAX_KM = 100.0
DERIVED_METHODS = frozenset({"nearest_known_place", "unlocated"})
# Event types whose mentions can describe the same incident from two angles (a drone attack and
# its interception; a generic "attack" and the clash it became).
# (members by name: the enums are built from the taxonomy data file, so a type checker sees no
# attribute members)
COMPATIBLE_TYPES = {
    frozenset({EventType["STRATEGIC_DEVELOPMENTS"], EventType["EXPLOSIONS_REMOTE_VIOLENCE"]}),
    frozenset({EventType["BATTLES"], EventType["VIOLENCE_AGAINST_CIVILIANS"]}),
    frozenset({EventType["BATTLES"], EventType["EXPLOSIONS_REMOTE_VIOLENCE"]}),
    # a demonstration that turns violent is one incident, coded by what the crowd did
    frozenset({EventType["PROTESTS"], EventType["RIOTS"]}),
}
GENERIC_CLASSES = (
    frozenset({"A_ATTACK", "A_KILL", "W_GUN", "A_INJURE", "P_CIVILIAN", "P_SECURITY", "P_ARMED"})
    | {f"{role}_{party}" for role in ("AGENT", "PATIENT") for party in ROLE_PARTIES if party != "CROWD"}
    | {"N_TOWN", "V_CAPTURE", "V_RETAKE"}
)  # who did what to whom, and a place taken or named ("the
# village came under attack"), say nothing of the weapon: still generic
DIRECTION_BEARINGS = {
    "north": 0,
    "north-east": 45,
    "northeast": 45,
    "east": 90,
    "south-east": 135,
    "southeast": 135,
    "south": 180,
    "south-west": 225,
    "southwest": 225,
    "west": 270,
    "north-west": 315,
    "northwest": 315,
    "centre": None,
    "center": None,
}


def mention_place(m: Mention) -> Place | None:
    """Return the place a mention resolved to, or None."""
    return m.place.place if m.place is not None else None


def is_precise(m: Mention) -> bool:
    """Return whether a mention names a town, village, base or facility (geo_precision 1-2)."""
    p = mention_place(m)
    return p is not None and p.geo_precision <= 2 and p.feature not in {"country", "admin1", "region"}


def types_compatible(a: Mention, b: Mention) -> bool:
    """Return whether two mentions can be one incident by their types."""
    if a.event_type == b.event_type:
        return True
    if frozenset({a.event_type, b.event_type}) in COMPATIBLE_TYPES:
        return True
    # a mention typed only from generic cues ("attaque", "tués") fits any violent incident
    generic = (a.cue_classes <= GENERIC_CLASSES) or (b.cue_classes <= GENERIC_CLASSES)
    return generic and a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES


def dates_compatible(a: Mention, b: Mention) -> bool:
    """Return whether two mentions can be one incident by their days (unknown days fit any)."""
    if a.date is None or b.date is None or a.date.value is None or b.date.value is None:
        return True
    if a.date.method == "published_date" or b.date.method == "published_date":
        return True
    tolerance = 0 if (a.date.time_precision == 1 and b.date.time_precision == 1) else 3
    if Modality.CLAIMED in (a.modality, b.modality) and (a.anaphoric or b.anaphoric):
        # "L'attaque a été revendiquée lundi": the day a claim names is often the claim's own
        tolerance = max(tolerance, 3)
    days = (a.date.value - b.date.value).days
    if (a.anaphoric and days == 1) or (b.anaphoric and days == -1):
        # "Les victimes… deux personnes étaient portées disparues ce matin (dimanche)": an anaphor's
        # sentence may date what followed the night's incident (never what came before it)
        return True
    return abs(days) <= tolerance


def _direction_ok(relation: str | None, region: Place, point: Place) -> bool:
    if not relation or not relation.endswith(" part"):
        return True
    direction = relation[: -len(" part")]
    target = DIRECTION_BEARINGS.get(direction)
    if target is None or region.latitude is None or point.latitude is None:
        return True
    # a place has both coordinates or neither (models.Place)
    assert region.longitude is not None and point.longitude is not None
    b = bearing_deg(region.latitude, region.longitude, point.latitude, point.longitude)
    diff = abs((b - target + 180) % 360 - 180)
    return diff <= 67.5


def places_compatible(a: Mention, b: Mention) -> bool:
    """Return whether two mentions can be one incident by their places (unknown fits any)."""
    pa, pb = mention_place(a), mention_place(b)
    if pa is None or pb is None:
        return True
    if pa.iso != pb.iso:
        return False
    if is_precise(a) and is_precise(b):
        # is_precise: both are placed
        derived = any(m.place is not None and m.place.method in DERIVED_METHODS for m in (a, b))
        limit = DERIVED_ONE_LOCATION_MAX_KM if derived else ONE_LOCATION_MAX_KM
        if pa.name == pb.name:
            return True
        if (
            all(m.place is not None and m.place.method in DERIVED_METHODS for m in (a, b))
            and a.sentence.start != b.sentence.start
            and not any(_named_as_area(m) for m in (a, b))
        ):
            # two villages the gazetteer lacks, named differently in different sentences ("shelling
            # hit Kerou village" … "artillery struck Dioura village"), are two locations: their
            # points are only their anchor's (unless one is an area that may hold the other: "la
            # commune de Kerou" … "la localité de Dioura")
            return False
        km = points_km(pa, pb)  # None: two differently named places, one of them unlocated
        return km is not None and km <= limit
    if not is_precise(a) and not is_precise(b):
        # two region-level places: only their admin1, when both give one, can tell them apart
        return not (pa.admin1 and pb.admin1 and pa.admin1 != pb.admin1)
    region, point, region_m = (pa, pb, a) if not is_precise(a) else (pb, pa, b)
    if region.feature == "admin1" and point.admin1 and region.admin1 and point.admin1 != region.admin1:
        return False
    km = points_km(region, point)
    if region.feature not in {"country", "admin1", "region"} and km is not None and km > 150:
        return False
    return _direction_ok(region_m.place.relation if region_m.place else None, region, point)


@lru_cache(maxsize=1)
def _area_unit_before() -> re.Pattern[str]:
    path = data_path("area_unit_nouns.yaml")
    nouns = [n for words in read_language_lists(path, what="nouns").values() for n in words]
    if not all(isinstance(n, str) and n.strip() for n in nouns):
        raise DataFileError(f"{path}: every noun must be a non-empty string")
    alternation = "|".join(re.escape(n.strip().lower()) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(
        rf"\b(?:{alternation})\s+(?:de\s+(?:la\s+)?|d['’]\s*|du\s+|of\s+(?:the\s+)?)?$",
        re.IGNORECASE,
    )


def _named_as_area(m: Mention) -> bool:
    """Return whether a mention's place is introduced as an administrative area ("la commune de X")."""
    if m.place is None:
        return False
    start = m.place.span.start - m.sentence.start
    if not 0 <= start <= len(m.sentence.text):
        return False
    return bool(_area_unit_before().search(m.sentence.text[max(0, start - 40) : start]))


def compatible(a: Mention, b: Mention) -> bool:
    """Return whether two mentions can describe one incident."""
    return types_compatible(a, b) and dates_compatible(a, b) and places_compatible(a, b)
