"""A village the article places a few kilometres from a town it names is at that town's location.

A village the gazetteer lacks is coded at the nearest known place its sentence gives
(normalize.village_places), a point that may be far off: a region's seat when only a bracketed
region follows ("Kolo, à 12 km de Tamba (Nord)"). When the sentence itself says how
far the village lies from a town that the article names as a place of its incidents ("Kolo,
hameau à 12 km de Tamba", "Kolo, 10 km from Tamba"), that stated distance is
the best knowledge there is (a language regularity: the distance phrase right after a village's
name situates it), and a village within ONE_LOCATION_MAX_KM of a town is one location with it
(ACLED codes one event per location per day per actor pair; CODING_RULES.md: a village and the
commune around it). The village mention then takes the town's point and division (its own
name, geo_precision 2; its place method says so), so that the in-document grouping (resolve/in_document.py) can join the
two accounts of one attack ("Des hommes armés ont tué dix civils lundi dans la commune de Tamba"
… "Lundi matin, les habitants de Kolo, à 12 km de Tamba, ont été attaqués") and still
keeps apart a village told as another incident ("Par ailleurs, …", resolve/additive.py).
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.geoparse.relations import stated_distance
from eventwire.lang.fold import fold, fold_text
from eventwire.models import Mention, Place
from eventwire.resolve.compatibility import DERIVED_METHODS, ONE_LOCATION_MAX_KM

# The words that may stand between a village's name and its distance phrase: an apposed place
# noun and a participle (", village situé à ", ", a hamlet some "), no further clause.
APPOSITION_MAX_CHARS = 40
# The place method of a village coded at the town its sentence states it lies near.
STATED_METHOD = "stated_distance"
# How far after the village the yardstick town may be named.
LOOKAHEAD_CHARS = 90


def anchor_stated_distances(mentions: list[Mention]) -> list[Mention]:
    """Return the mentions with each village the gazetteer lacks, stated to lie at most
    ONE_LOCATION_MAX_KM from a town another mention of the document is placed at, coded at that
    town's point (module docstring)."""
    towns = _placed_towns(mentions)
    out = []
    for m in mentions:
        town = _yardstick(m, towns)
        if town is not None and m.place is not None and m.place.place is not None:
            own = m.place.place
            place = replace(
                town,
                name=own.name,
                feature=own.feature,
                geo_precision=2,
                geonameid=None,
                population=own.population,
            )
            # no longer a point only roughly right (compatibility.DERIVED_METHODS): its distance to
            # the town is the text's own
            m = replace(m, place=replace(m.place, place=place, method=STATED_METHOD))
        out.append(m)
    return out


def _placed_towns(mentions: list[Mention]) -> dict[str, Place]:
    """Return the located places the document's mentions are placed at, by folded name."""
    towns: dict[str, Place] = {}
    for m in mentions:
        place = m.place.place if m.place is not None else None
        if place is not None and place.latitude is not None and place.geo_precision <= 2:
            towns.setdefault(fold(place.name), place)
    return towns


def _yardstick(m: Mention, towns: dict[str, Place]) -> Place | None:
    """Return the town a derived village's sentence states it lies near (within
    ONE_LOCATION_MAX_KM), among the document's placed towns, or None."""
    if m.place is None or m.place.place is None or m.place.method not in DERIVED_METHODS:
        return None
    text = m.sentence.text
    end = m.place.span.end - m.sentence.start
    if not 0 < end <= len(text):
        return None
    after = text[end : end + LOOKAHEAD_CHARS]
    own = fold(m.place.place.name)
    folded, index = fold_text(after)
    for name, town in towns.items():
        found = folded.find(name)
        if name == own or found <= 0 or (found + len(name) < len(folded) and folded[found + len(name)].isalnum()):
            continue
        stated = stated_distance(after[: index[found]])
        if stated is not None and stated[0] <= ONE_LOCATION_MAX_KM and stated[1] <= APPOSITION_MAX_CHARS:
            return town
    return None
