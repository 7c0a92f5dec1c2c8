"""Sub-event typing (issue 16, session 13): state forces taking a place regain territory, armed
men neutralised by a drone are its targets, and whom armed men open fire on decides between a
battle and an attack (the object "fire" of the idiom is no target), and the forces who only tell
an attack ("police said") are no side of it.

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
            "Soldiers took control of the town of Kerou on Monday, driving out the rebels.",
            "Government regains territory",
        ),
        (
            "fr",
            "L'armée a repris le contrôle de la ville de Kerou lundi après des combats contre les jihadistes.",
            "Government regains territory",
        ),
        # armed men taking a place still overtake it
        (
            "en",
            "Rebels seized control of the town of Kerou on Monday after the army withdrew.",
            "Non-state actor overtakes territory",
        ),
        (
            "fr",
            "Des insurgés ont pris le contrôle du camp de Kerou lundi matin.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_state_forces_taking_a_place_regain_territory(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        ("en", "An army drone neutralised several militants near Kerou on Monday.", "Air/drone strike"),
        (
            "fr",
            "Un drone de l'armée a neutralisé plusieurs terroristes lors d'une frappe près de Kerou.",
            "Air/drone strike",
        ),
        # the drone itself brought down stays a disrupted weapon
        ("en", "The army intercepted a drone over Kerou on Monday.", "Disrupted weapons use"),
        ("fr", "L'armée a abattu un drone au-dessus de Kerou lundi.", "Disrupted weapons use"),
    ],
)
def test_armed_men_neutralised_by_a_drone_are_its_targets(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        ("en", "Late on Monday, masked gunmen opened fire at a gendarmerie patrol near Kerou.", "Armed clash"),
        ("fr", "Des hommes armés ont ouvert le feu sur une patrouille militaire à Kerou lundi.", "Armed clash"),
        # the target of the fire decides: civilians on a bus are attacked
        ("en", "Gunmen opened fire on a bus near Kerou on Monday, police said.", "Attack"),
        ("fr", "Des hommes armés ont ouvert le feu sur un car de voyageurs à Kerou lundi.", "Attack"),
    ],
)
def test_whom_armed_men_open_fire_on_decides(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        ("en", "Gunmen stormed the home of the Kerou mayor on Monday, police said.", "Attack"),
        ("fr", "Des hommes armés ont attaqué le domicile du maire de Kerou lundi, a indiqué la gendarmerie.", "Attack"),
        # a force on the receiving end is still a side, whoever tells it
        ("en", "Gunmen attacked a police station in Kerou on Monday, police said.", "Armed clash"),
    ],
)
def test_the_forces_who_tell_an_attack_are_no_side_of_it(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        (
            "en",
            "An explosion targeted a minibus near Kerou on Monday, killing five passengers.",
            "Remote explosive/landmine/IED",
        ),
        (
            "en",
            "A blast at a market in Kerou killed seven people on Monday; no group claimed the attack.",
            "Remote explosive/landmine/IED",
        ),
        (
            "fr",
            "Une explosion a visé un car de voyageurs près de Kerou lundi, faisant cinq morts.",
            "Remote explosive/landmine/IED",
        ),
        # gunmen named as the ones who act make it their attack
        (
            "en",
            "Gunmen attacked a village near Kerou on Monday and blew up the mosque, killing four civilians.",
            "Attack",
        ),
    ],
)
def test_an_explosion_called_an_attack_with_nobody_acting_is_a_remote_explosive(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type
