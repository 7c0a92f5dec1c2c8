"""A village the article places a few kilometres from a town of its incident is that incident's
location (resolve/stated_distance.py, issue 16: one event per location per day per actor pair).
Invented articles through the whole pipeline, and the distance reader of geoparse.relations."""

from __future__ import annotations

from datetime import date

from eventwire.geoparse.relations import stated_distance
from tests.resolve.conftest import pipeline_events as _events

LEAD_FR = "Lundi, des assaillants ont abattu dix villageois dans la commune de Tambarou, à quelque 40 km de Dori.\n\n"


def test_a_distance_phrase_before_a_town_is_read_with_its_start():
    assert stated_distance("Kolobi, hameau situé à une quinzaine de km de ") == (15.0, 23)
    assert stated_distance("Kolobi, 15 km from ") == (15.0, 8)
    assert stated_distance("Kolobi, 15 km north of ") is None  # an offset, read by read_relation
    assert stated_distance("Kolobi, near ") is None


def test_a_village_a_few_km_from_the_incident_town_is_the_same_attack_fr():
    text = LEAD_FR + (
        "Tôt lundi, les habitants de Kolobi, hameau situé à 12 km de Tambarou (Nord), "
        "ont péri sous les balles des assaillants.\n\n"
        "Une dizaine de ces habitants n'arriveront jamais à Tambarou, car ils ont été assassinés."
    )
    assert len(_events(text, "fr", date(2021, 11, 2))) == 1


def test_a_village_far_from_the_incident_town_stays_its_own_event_fr():
    text = LEAD_FR + (
        "Tôt lundi, les habitants de Kolobi, hameau situé à une centaine de km de Tambarou (Nord), "
        "ont péri sous les balles des assaillants, qui ont tué trois bergers."
    )
    assert len(_events(text, "fr", date(2021, 11, 2))) == 2


def test_a_village_near_the_town_told_as_another_incident_stays_its_own_event_fr():
    text = LEAD_FR + (
        "Par ailleurs, lundi, les habitants de Kolobi, hameau situé à 12 km de Tambarou (Nord), "
        "ont été visés par une autre attaque, qui a fait trois morts."
    )
    assert len(_events(text, "fr", date(2021, 11, 2))) == 2


def test_a_village_a_few_km_from_the_incident_town_is_the_same_attack_en():
    text = (
        "Gunmen killed ten civilians in Tambarou commune, some 40 km from Dori, on Monday.\n\n"
        "Early on Monday, residents of Kolobi, a village 10 km from Tambarou (North), were attacked "
        "by the gunmen on their way to the market."
    )
    assert len(_events(text, "en", date(2021, 11, 2))) == 1
