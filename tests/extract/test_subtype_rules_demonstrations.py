"""Sub-event typing of demonstrations, riots and mob violence (issue 16, ACLED's codebook): what
the demonstrators did decides between a Peaceful protest and a Violent demonstration, and a crowd
or a vigilante group that attacks people with no demonstration is Mob violence.

Every sentence is invented for these tests (invented or generic places). Real spaCy models.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.resolve.conftest import pipeline_events

PUBLISHED = date(2024, 5, 7)


def sub_types(text: str, lang: str) -> list[str]:
    return [e.sub_event_type for e in pipeline_events(text, lang, PUBLISHED)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Bus drivers protested in Kerou on Monday. The protest later turned violent."),
        (
            "en",
            (
                "Market traders protested against a new levy in Kerou on Monday. "
                "The demonstration turned violent when the traders started looting a bakery."
            ),
        ),
        (
            "fr",
            (
                "Des commerçants ont manifesté lundi à Kerou contre une nouvelle taxe. "
                "La manifestation a dégénéré quand certains ont pillé une boutique."
            ),
        ),
    ],
)
def test_a_sentence_that_tells_how_the_protest_went_types_it(lang, text):
    assert sub_types(text, lang) == ["Violent demonstration"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "On Monday, youths in Kerou protested against the new fuel tax, burning tyres and lighting bonfires."),
        ("en", "Farm workers protest in Kerou on Monday and light fires on the main road."),
        (
            "fr",
            (
                "Des jeunes ont manifesté lundi à Kerou contre la hausse du prix du carburant, "
                "brûlant des pneus et lançant des pierres."
            ),
        ),
    ],
)
def test_the_demonstrators_acts_are_not_what_they_protest_against(lang, text):
    assert sub_types(text, lang) == ["Violent demonstration"]


def test_what_a_protest_is_against_stays_its_topic():
    text = "Residents of Kerou protested on Monday against the killing of a teacher."
    assert sub_types(text, "en") == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday in Kerou, angry demonstrators ambushed a tax collector and injured him.",
        (
            "A police officer guarding the ballot boxes in Kerou was injured on Monday when protesting students "
            "hit him with a stone."
        ),
    ],
)
def test_demonstrators_who_attack_people_are_rioting(text):
    assert sub_types(text, "en") == ["Violent demonstration"]


def test_striking_workers_who_march_are_still_peaceful():
    assert sub_types("Striking nurses held a protest outside the district hospital in Kerou on Monday.", "en") == [
        "Peaceful protest"
    ]


def test_a_death_at_a_protest_with_nobody_named_as_the_killer_is_a_violent_demonstration():
    text = "On Monday, a woman died in Kerou while marching with other vendors in protest at higher market fees."
    assert sub_types(text, "en") == ["Violent demonstration"]


@pytest.mark.parametrize(
    "text",
    [
        "A vigilante group beat a suspected cattle thief to death in Kerou on Monday.",
        "On Monday in Kerou, members of a vigilante group hacked a suspected burglar to death.",
    ],
)
def test_a_vigilante_group_killing_a_suspect_is_mob_violence(text):
    assert sub_types(text, "en") == ["Mob violence"]


def test_a_bare_toll_sentence_does_not_type_the_lynching_it_counts():
    # the lynching is told as it was reported (alleged), the toll as fact
    text = "Two men accused of stealing goats were reportedly lynched by villagers in Kerou on Monday. Two fatalities."
    assert sub_types(text, "en") == ["Mob violence"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Fishermen clashed with police in Kerou on Monday after officials closed the landing beach."),
        ("fr", "Des pêcheurs se sont affrontés avec la police lundi à Kerou après la fermeture du débarcadère."),
    ],
)
def test_civilians_who_clash_with_the_police_are_not_an_armed_side(lang, text):
    assert set(sub_types(text, lang)) == {"Mob violence"}


def test_a_mob_stoning_a_rally_is_mob_violence_even_when_police_disperse_it():
    text = (
        "On Monday in Kerou, a mob threw stones at the governor as he addressed a campaign rally. "
        "Officers then broke up the crowd with tear gas."
    )
    assert sub_types(text, "en") == ["Mob violence"]
