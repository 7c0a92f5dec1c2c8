"""Aircraft and drones decide the sub-type (issue 16, session 14): a drone strike on a
"gathering" of fighters is no force against protesters, a drone or a device that destroys a
vehicle struck it (no interception), and "de combat" in an aircraft's name is no fight.

Every sentence is invented for these tests (invented or generic places). Real spaCy models.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import event_sub_types

sub_types = event_sub_types


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Un drone de l'armée a frappé samedi un rassemblement de combattants près de Dravo, tuant dix d'entre eux.",
        ),
    ],
)
def test_a_drone_strike_on_a_gathering_is_no_force_against_protesters(lang, text):
    assert sub_types(text, lang)[0] == "Air/drone strike"


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        ("fr", "Un drone de l'armée a détruit samedi un véhicule des rebelles près de Dravo.", "Air/drone strike"),
        (
            "fr",
            "Un engin explosif a détruit samedi un véhicule de transport sur la route de Dravo.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_a_weapon_that_destroys_a_vehicle_struck_it(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La défense antiaérienne a détruit samedi deux drones au-dessus de Dravo."),
        ("en", "Air defences shot down two drones over Dravo on Saturday."),
    ],
)
def test_a_drone_destroyed_in_flight_is_still_disrupted(lang, text):
    assert sub_types(text, lang)[0] == "Disrupted weapons use"


@pytest.mark.parametrize(
    "text",
    [
        "Des hélicoptères de combat ont tiré samedi sur des terroristes près de Dravo, en neutralisant une dizaine.",
        "Un avion de combat a bombardé samedi une base des rebelles près de Dravo.",
        "Un drone de combat de l'armée a frappé samedi des rebelles près de Dravo, tuant cinq d'entre eux.",
    ],
)
def test_a_combat_aircraft_holds_no_fight(text):
    # "de combat" names the aircraft: a strike from the air, not a battle
    assert sub_types(text, "fr")[0] == "Air/drone strike"


def test_a_fight_beside_combat_aircraft_is_still_a_battle():
    text = "Des combats ont opposé samedi l'armée à des rebelles près de Dravo, avec l'appui d'hélicoptères de combat."
    assert sub_types(text, "fr")[0] == "Armed clash"


@pytest.mark.parametrize(
    ("text", "patient"),
    [
        ("Des hommes armés ont tué samedi deux soldats à Adi.", "deux soldats"),
        ("Des jihadistes ont exécuté dimanche cinq bergers à Adi.", "cinq bergers"),
    ],
)
def test_the_object_after_a_day_named_before_it_is_the_target(find_fr, text, patient):
    # French news names the day between the verb and its object ("ont tué samedi deux soldats")
    mention = find_fr(text)[0]
    assert mention.patient is not None and mention.patient.text.startswith(patient)


def test_a_span_of_time_after_the_day_is_no_target(find_fr):
    mention = find_fr("Des hommes armés ont attaqué samedi pendant deux heures le village de Dravo.")[0]
    assert mention.patient is None or not mention.patient.text.startswith("deux heures")
