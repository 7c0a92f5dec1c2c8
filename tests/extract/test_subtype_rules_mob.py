"""Mob violence against suspects (issue 16, ACLED codebook): a crowd that lynches, stones or burns
someone with no demonstration told is a mob, whatever the victim is accused of or armed with.

Every sentence is invented for these tests (invented or generic places). Real spaCy models.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import find_mentions

EVENT_MODALITIES = {"asserted", "claimed", "alleged"}


def sub_types(text: str, lang: str) -> list[str]:
    return [m.trigger.sub_event_type for m in find_mentions(text, lang) if m.modality in EVENT_MODALITIES]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the rape is the alleged cause, the mob's killing the event
        ("en", "A mob at Kerou market killed a herdsman who was said to have defiled a young girl."),
        ("fr", "Une foule en colère a tué à Kerou un homme accusé d'avoir violé une fillette."),
        # the victims' arms do not make the crowd's violence a gang's looting
        (
            "en",
            "Furious residents of Kerou on Friday stoned to death three armed gangsters caught breaking into a shop.",
        ),
        # stoning to death with no demand or demonstration: a mob, not demonstrators
        (
            "en",
            "A herdsman accused of theft was stoned to death by furious locals at Kerou market and his body burned.",
        ),
        # a crowd stoning people (not a demonstration's damage to property): a mob
        ("en", "Angry youths stoned two police officers and burned a patrol car in Kerou."),
    ],
)
def test_a_crowd_killing_a_suspect_is_mob_violence(lang, text):
    assert sub_types(text, lang)[:1] == ["Mob violence"], text


@pytest.mark.parametrize(
    ("lang", "text", "sub"),
    [
        # no mob: the rape itself is the event
        ("en", "Two men raped a schoolgirl in Kerou on Sunday.", "Sexual violence"),
        # a demonstration told: stoning during a protest stays a violent demonstration
        ("en", "Protesters demanding water stoned police vehicles in Kerou and burned tyres.", "Violent demonstration"),
    ],
)
def test_without_a_mob_or_with_a_demonstration_the_type_stays(lang, text, sub):
    assert sub in sub_types(text, lang), text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Refugees from two neighbouring countries clashed in the Kerou camp after a football match, leaving three dead.",
        ),
        ("en", "Rival fishermen clashed over nets at Kerou landing beach, injuring six."),
    ],
)
def test_unarmed_refugees_or_fishermen_fighting_are_a_mob(lang, text):
    assert sub_types(text, lang)[:1] == ["Mob violence"], text


def test_an_army_fighting_rebels_near_refugees_stays_a_battle():
    assert sub_types("Soldiers clashed with rebels near Kerou, forcing hundreds of refugees to flee.", "en")[:1] == [
        "Armed clash"
    ]
