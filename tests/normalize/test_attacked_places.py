"""A town named bare after an attack verb is the place attacked ("gunmen attacked Kerou", "ils ont
attaqué Tamba"): the entity recognizer misses many such villages, so normalize.missed_places
looks the name up (data/attacked_place_verbs.yaml), in the document's country only. Invented
sentences around real Malian towns."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.normalize.missed_places import missed_place_mentions
from tests.resolve.conftest import pipeline_events


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen attacked Bankass on Tuesday, killing six civilians."),
        ("en", "They also raided Bankass, where four people were killed."),
        ("fr", "Des hommes armés ont attaqué Bankass mardi, tuant six civils."),
        ("fr", "Les jihadistes ont pris d'assaut Bankass dans la nuit."),
    ],
)
def test_a_town_of_the_document_country_after_an_attack_verb_is_a_place(gazetteer, lang, text):
    found = missed_place_mentions(text, [], lang=lang, gazetteer=gazetteer, main_iso="ML")
    assert [(p.span.text, p.place.iso, p.method) for p in found] == [("Bankass", "ML", "locative_lookup")]


def test_a_name_after_an_attack_verb_in_a_story_of_another_country_is_no_place(gazetteer):
    text = "Gunmen attacked Bankass on Tuesday."
    assert missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso="KE") == []
    assert missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None) == []


def test_a_weekday_after_an_attack_verb_is_no_place(gazetteer):
    text = "Gunmen attacked Tuesday a convoy near the border."
    assert missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso="ML") == []


def test_a_second_village_attacked_is_a_second_event():
    text = (
        "Suspected jihadists attacked the village of Bankass in central Mali on Tuesday, March 5, killing six "
        "civilians. They also attacked Djenne, killing four people."
    )
    events = pipeline_events(text, "en", date(2024, 3, 7))
    assert sorted((e.location, e.fatalities) for e in events) == [("Bankass", 6), ("Djenné", 4)]


def test_a_building_named_after_a_town_is_not_the_town(gazetteer):
    # the attacked object is the hotel: its name is no place, and is not cut down to the town's
    text = "Protesters stormed Bankass Hotel, where officials had gathered."
    assert missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso="ML") == []
