"""A toll or a crowd's casualties told in a later sentence with no place of their own reach the
incident told before them (resolve/toll_joins.py, issue 16). Invented articles through the whole
pipeline."""

from __future__ import annotations

from datetime import date

from tests.resolve.conftest import pipeline_events as _events

DAY = date(2022, 10, 18)


# 1. A toll-only sentence joins the incident told before it, before a later sentence gathers
#    around it (language: "Five killed." has no act of its own).


def test_a_bare_toll_after_a_riot_is_its_toll_even_with_a_later_backstory_en():
    text = (
        "On Monday, angry market traders pelted a patrol with rocks in Gao. "
        "Four killed. The traders accuse a constable of beating a vendor the week before."
    )
    events = _events(text, "en", DAY)
    assert [e.fatalities for e in events if e.location == "Gao"] == [4]


def test_a_bare_toll_after_a_riot_is_its_toll_even_with_a_later_backstory_fr():
    text = (
        "Lundi, des habitants ont lancé des pierres sur des policiers à Gao. "
        "Deux jeunes ont été tués. Les habitants accusaient un agent d'avoir agressé une femme."
    )
    events = _events(text, "fr", DAY)
    assert [e.fatalities for e in events if e.location == "Gao"] == [2]


# 2. The security forces' shots at a crowd, told after its demonstration or riot, are its
#    casualties (ACLED codes them in the demonstration event).


def test_police_fire_after_a_riot_is_the_riots_toll_en():
    text = (
        "On Monday, inmates set mattresses on fire and rioted in the jail of Gao over a cancelled visit day. "
        "Police fired at them, killing one inmate and wounding nine others."
    )
    events = _events(text, "en", DAY)
    assert [e.fatalities for e in events if e.location == "Gao"] == [1]
    assert all(e.event_type == "Riots" for e in events)


def test_police_fire_after_a_demonstration_is_its_toll_fr():
    text = (
        "Lundi, des pêcheurs ont manifesté à Gao contre la fermeture du port. "
        "Ils ont affronté les policiers qui ont tiré à balles réelles, tuant deux personnes."
    )
    events = _events(text, "fr", DAY)
    assert [e.fatalities for e in events if e.location == "Gao"] == [2]


def test_a_death_without_police_after_a_protest_is_its_cause_not_its_toll_en():
    # no shot, no police: the death is what the crowd protests, not a casualty of the protest
    text = (
        "On Monday, drivers held a demonstration in Gao against road accidents. "
        "A bus collided with a motorcycle last week, killing two people."
    )
    events = _events(text, "en", DAY)
    assert [e.fatalities for e in events if e.sub_event_type == "Peaceful protest"] == [0]


def test_a_bare_toll_after_a_peaceful_sit_in_is_not_its_toll_en():
    # a peaceful protest has no deaths (ACLED): the toll told after it is of another incident
    # (neither sentence names a place: the toll-only sentence would join the incident before it)
    text = (
        "On Monday, parents staged a sit-in outside the district office, asking that a jailed headmaster be freed. "
        "Days earlier, part of the school collapsed, killing eight children."
    )
    events = _events(text, "en", DAY)
    assert [e.fatalities for e in events if e.event_type == "Protests"] == [0]
