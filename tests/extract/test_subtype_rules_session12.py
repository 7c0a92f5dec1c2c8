"""Sub-event typing (issue 16, session 12): a device followed by gunfire on a force is an ambush
(ACLED: explosions inside a battle are the battle), and armed men on the receiving end make a
battle whatever civilian words the sentence holds.

Every sentence is invented for these tests (invented or generic places). Real spaCy models.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import event_sub_types

sub_types = event_sub_types


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        (
            "en",
            "A roadside bomb hit an army convoy near Kerou on Monday, followed by gunfire on the soldiers.",
            "Armed clash",
        ),
        (
            "en",
            "Militants detonated an IED and then opened up with small arms fire on a patrol near Kerou on Monday.",
            "Armed clash",
        ),
        (
            "fr",
            "Un engin explosif a touché une patrouille de l'armée près de Kerou lundi, suivi de tirs contre les soldats.",
            "Armed clash",
        ),
        # the device alone, or gunfire on civilians, stays what it was
        (
            "en",
            "A roadside bomb hit an army convoy near Kerou on Monday, killing two soldiers.",
            "Remote explosive/landmine/IED",
        ),
        (
            "fr",
            "Un engin explosif a touché une patrouille de l'armée près de Kerou lundi.",
            "Remote explosive/landmine/IED",
        ),
        # shells beside a French gun word are shellfire, not a fight
        ("fr", "Le camp militaire de Kerou a essuyé des tirs d'obus lundi.", "Shelling/artillery/missile attack"),
    ],
)
def test_a_device_followed_by_gunfire_on_a_force_is_an_ambush(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        ("en", "Militants killed six militiamen near the village of Kerou on Monday.", "Armed clash"),
        ("en", "Gunmen ambushed rival militiamen near the village of Kerou, killing four of them.", "Armed clash"),
        ("fr", "Des jihadistes ont tué trois miliciens près du village de Kerou lundi.", "Armed clash"),
        # civilians on the receiving end: an Attack, militia named or not
        ("en", "Militants killed six villagers in the village of Kerou on Monday.", "Attack"),
    ],
)
def test_armed_men_on_the_receiving_end_make_a_battle_near_a_village(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # people beaten, or a force on the receiving end: the looting is part of the attack or battle
        ("en", "Gunmen beat up two shopkeepers in Kerou on Monday before looting their shops.", "Attack"),
        (
            "en",
            "Robbers assaulted the night guards of a warehouse in Kerou on Monday before looting sacks of rice.",
            "Armed clash",
        ),
        ("en", "Militants attacked a police post in Kerou on Monday and set it on fire.", "Armed clash"),
        # nobody harmed: the looting itself
        ("en", "Armed men looted shops in the market of Kerou on Monday night.", "Looting/property destruction"),
    ],
)
def test_looting_with_people_beaten_or_a_force_attacked_is_the_attack(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


def test_forces_attacking_a_crowd_that_does_not_fight_back_is_an_attack():
    # the militia is named, not harmed nor acting: one-sided violence by the soldiers
    text = "Soldiers attacked a group of youths who had come to watch a ceremony of the militia in Kerou on Sunday."
    assert sub_types(text, "en")[0] == "Attack"
