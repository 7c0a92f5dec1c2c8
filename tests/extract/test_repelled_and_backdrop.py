"""Clash words that do not make a battle (issue 16, session 15): armed men who attack civilians
and are then driven off commit an Attack, and aircraft or drones striking amid fighting an
Air/drone strike; aircraft that only back troops who clash, and attackers who are themselves
harmed, leave it a battle.

Every sentence is invented for these tests (invented places). Real spaCy models.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import event_sub_types

sub_types = event_sub_types


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Gunmen attacked the village of Toravi on Sunday, killing eleven villagers, before soldiers repelled them.",
        ),
        (
            "fr",
            "Des hommes armés ont attaqué le village de Toravi, tuant onze villageois, avant d'être repoussés.",
        ),
    ],
)
def test_an_attack_on_civilians_whose_attackers_are_repelled_is_an_attack(lang, text):
    assert sub_types(text, lang)[0] == "Attack"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Jihadists attacked an army post near Toravi; the soldiers repelled the assault, killing six attackers.",
        ),
        (
            "en",
            "Militants clashed with soldiers near Toravi on Sunday, killing three civilians caught in the crossfire.",
        ),
    ],
)
def test_attackers_harmed_or_a_clash_told_as_the_act_stay_a_battle(lang, text):
    assert sub_types(text, lang)[0] == "Armed clash"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Fighter jets struck rebel positions near Toravi on Sunday amid heavy fighting, killing about 20 fighters.",
        ),
        ("en", "The army carried out air strikes on rebel positions near Toravi on Sunday as clashes continued."),
        (
            "fr",
            "Des avions de l'armée ont bombardé dimanche des positions rebelles près de Toravi lors de violents combats.",
        ),
        ("fr", "Un drone a frappé dimanche un convoi rebelle près de Toravi lors des combats, tuant six combattants."),
    ],
)
def test_aircraft_striking_amid_fighting_is_an_air_strike(lang, text):
    assert sub_types(text, lang)[0] == "Air/drone strike"


def test_aircraft_backing_troops_who_clash_is_a_battle():
    text = "Soldiers backed by helicopters clashed with rebels near Toravi on Sunday, killing 15 rebels."
    assert sub_types(text, "en")[0] == "Armed clash"
