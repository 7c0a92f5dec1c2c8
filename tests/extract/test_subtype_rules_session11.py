"""Sub-event typing (issue 16, session 11): a member of the security forces off duty is not a
fighting side, and a grenade answered with gunfire is a fight.

Every sentence is invented for these tests (invented or generic places). Real spaCy models.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.conftest import event_sub_types, find_mentions
from tests.resolve.conftest import pipeline_events

sub_types = event_sub_types


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # off duty, at home: the constable is not fighting (an Attack)
        ("en", "Two gunmen shot dead an off-duty constable outside a bar in Kerou on Monday.", "Attack"),
        ("en", "Militants killed a police sergeant at his home in Kerou on Monday.", "Attack"),
        ("fr", "Des hommes armés ont tué un gendarme à son domicile à Kerou lundi.", "Attack"),
        # on duty, at a checkpoint: a battle
        ("en", "Militants killed a police sergeant at a checkpoint in Kerou on Monday.", "Armed clash"),
    ],
)
def test_an_off_duty_member_of_the_forces_is_not_a_fighting_side(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        (
            "en",
            "Rebels lobbed a grenade into a guard post in Kerou on Monday, and the guards responded with gunfire.",
            "Armed clash",
        ),
        ("en", "Rebels lobbed a grenade into a guard post in Kerou on Monday, wounding two guards.", "Grenade"),
    ],
)
def test_a_grenade_answered_with_gunfire_is_a_fight(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


def test_gunfire_answering_a_grenade_in_the_next_sentence_makes_a_fight():
    text = (
        "Rebels lobbed a grenade into an army post in Kerou on Monday, the army said.\n\n"
        "The soldiers opened fire in response and one soldier was wounded."
    )
    subs = {e.sub_event_type for e in pipeline_events(text, "en", date(2024, 5, 7))}
    assert subs == {"Armed clash"}


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # the victims are passengers; the soldiers among them do not make the bus a battle
        (
            "en",
            "Gunmen ambushed a minibus near Kerou on Friday, killing seven passengers including two soldiers.",
            "Attack",
        ),
        ("fr", "Neuf passagers, y compris deux gendarmes, ont été tués par des hommes armés près de Kerou.", "Attack"),
        # nobody but the soldiers is named: they are the victims
        ("en", "Gunmen killed seven near Kerou on Friday, including two soldiers.", "Armed clash"),
    ],
)
def test_members_an_inclusion_phrase_names_do_not_say_what_the_group_is(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # the fighting an agreement is signed to end, or after, is what it is about
        (
            "en",
            "The two militias signed a ceasefire agreement in Kerou on Sunday to end weeks of fighting.",
            "Agreement",
        ),
        ("en", "A truce ending two weeks of clashes was signed in Kerou on Sunday.", "Agreement"),
        (
            "fr",
            "Les deux milices ont signé dimanche à Kerou un accord de cessez-le-feu pour mettre fin aux combats.",
            "Agreement",
        ),
        # fighting despite a truce is fighting
        (
            "en",
            "Fighting broke out in Kerou on Sunday despite a truce signed last week to end the clashes.",
            "Armed clash",
        ),
    ],
)
def test_the_fighting_an_agreement_is_signed_to_end_is_its_topic(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A US strike on a convoy near Kerou killed three militants on Monday."),
        ("en", "Coalition strikes killed five fighters in Kerou on Monday."),
    ],
)
def test_a_strike_a_state_is_said_to_make_is_from_the_air(lang, text):
    assert sub_types(text, lang)[0] == "Air/drone strike"


def test_a_strike_alone_is_no_air_strike():
    assert "W_AIR" not in {
        c for m in find_mentions("Teachers in Kerou went on strike on Monday.", "en") for c in m.cue_classes
    }
