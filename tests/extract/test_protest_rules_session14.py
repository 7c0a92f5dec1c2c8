"""How a demonstration went decides its sub-type (issue 16, session 14; ACLED codebook): a road
blocked with no barricade or fire is a Peaceful protest, shots over the crowd that hit nobody are an
intervention and shots that wound are excessive force, arrests or a dispersal told in the next
sentence make it a Protest with intervention, and a campaign "against the pandemic" is no fight.

Every sentence is invented for these tests (invented or generic places). Real spaCy models.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.conftest import event_sub_types
from tests.resolve.conftest import pipeline_events

PUBLISHED = date(2024, 5, 7)


def article_sub_types(text: str, lang: str) -> list[str]:
    return [e.sub_event_type for e in pipeline_events(text, lang, PUBLISHED)]


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # a road blocked by a crowd, nothing more: a Peaceful protest (ACLED: road-blocking is
        # violent when done with barricades, burning tyres or other material)
        ("en", "Farmers blocked the Dravo road on Monday to protest against the price of seed.", "Peaceful protest"),
        (
            "en",
            "On Monday, bus drivers blocked the highway at Dravo junction over police harassment.",
            "Peaceful protest",
        ),
        (
            "fr",
            "Des habitants ont bloqué la route nationale lundi à Dravo pour réclamer de l'eau potable.",
            "Peaceful protest",
        ),
        # with burning tyres or bonfires it is a Violent demonstration
        (
            "en",
            "Farmers blocked the Dravo road with burning tyres to protest the price of seed.",
            "Violent demonstration",
        ),
        (
            "fr",
            "Des jeunes ont bloqué la route à Dravo avec des pneus brûlés pour réclamer de l'eau.",
            "Violent demonstration",
        ),
        # a blockade broken up or met with arrests: with intervention
        (
            "en",
            "Traders blocked the market road in Dravo over new levies and were arrested by the police.",
            "Protest with intervention",
        ),
        # students "on rampage" are rioting, whatever else they do
        (
            "en",
            "On Monday, students went on rampage, blocking the Dravo highway in protest at delayed exam results.",
            "Violent demonstration",
        ),
        # shots over peaceful protesters that hit nobody: an intervention; shots that wound
        # them: excessive force
        (
            "en",
            "On Monday, officers fired warning shots over the heads of marching teachers in Dravo.",
            "Protest with intervention",
        ),
        ("en", "On Monday, police shot and wounded three protesters in Dravo.", "Excessive force against protesters"),
        (
            "fr",
            "Deux manifestants ont été blessés par balle par la police lundi lors d'une marche à Dravo.",
            "Excessive force against protesters",
        ),
    ],
)
def test_how_the_demonstration_went_decides_its_sub_type(lang, text, sub_event_type):
    assert event_sub_types(text, lang) == [sub_event_type]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "On Monday, nurses protested outside the hospital in Kerou over unpaid wages. Police arrested twelve of them.",
        ),
        (
            "en",
            "On Monday, nurses protested outside the hospital in Kerou over unpaid wages. Several arrests were made.",
        ),
        (
            "en",
            (
                "On Monday, nurses protested outside the hospital in Kerou over unpaid wages. "
                "Police dispersed them and detained their leader."
            ),
        ),
        (
            "fr",
            (
                "Lundi, des infirmiers ont manifesté devant l'hôpital de Kerou pour réclamer leurs salaires. "
                "La police a interpellé douze d'entre eux."
            ),
        ),
    ],
)
def test_arrests_or_a_dispersal_after_a_protest_make_it_one_with_intervention(lang, text):
    assert article_sub_types(text, lang) == ["Protest with intervention"]


def test_an_arrest_of_armed_men_after_a_protest_is_not_the_protesters():
    text = (
        "On Monday, residents protested in Kerou over the killing of a trader. "
        "Police arrested two gunmen suspected of the killing."
    )
    assert "Protest with intervention" not in article_sub_types(text, "en")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "On Monday, nurses protested in Kerou to demand protective gear for their work in the fight against the pandemic.",
        ),
        (
            "fr",
            "Lundi, des soignants ont manifesté à Kerou pour réclamer des primes pour leur combat contre la pandémie.",
        ),
    ],
)
def test_a_campaign_against_a_disease_is_no_fight(lang, text):
    assert event_sub_types(text, lang) == ["Peaceful protest"]
