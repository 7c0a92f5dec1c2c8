"""Incidents told without the usual trigger words (issue 16, session 13): a gathering that
demands something is a protest, fire counted in bursts or aimed at another force's positions is
an exchange of fire.

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
            "On 3 March, taxi drivers gathered outside the town hall in Dravo demanding fuel subsidies.",
            "Peaceful protest",
        ),
        (
            "en",
            "On 3 March, parents blocked the school gate in Dravo, demanding a new head teacher.",
            "Peaceful protest",
        ),
        (
            "en",
            "On Sunday, shop owners in Dravo held a motorcade calling for the market to reopen.",
            "Peaceful protest",
        ),
        (
            "en",
            "On 3 March, police dispersed about 300 farm workers in Dravo who were demanding unpaid wages.",
            "Protest with intervention",
        ),
        (
            "fr",
            "Le 3 mars, la police a dispersé des ouvriers agricoles qui exigeaient le paiement de leurs salaires à Dravo.",
            "Protest with intervention",
        ),
    ],
)
def test_a_gathering_that_demands_something_is_a_protest(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "Mourners gathered in Dravo on Sunday for the funeral of the former mayor.",
        "The union demanded a pay rise for teachers in Dravo.",
    ],
)
def test_a_gathering_or_a_demand_alone_is_no_protest(text):
    assert sub_types(text, "en") == []


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March, northern troops fired with light weapons at the positions of a rebel unit near Kalvo.",
        "Observers counted 14 bursts of fire from heavy machineguns close to Dravo on Monday.",
    ],
)
def test_fire_on_enemy_positions_or_counted_bursts_is_an_exchange_of_fire(text):
    assert sub_types(text, "en")[0] == "Armed clash"
