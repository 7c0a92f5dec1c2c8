"""Two actor pairs at one place and day are two events (ACLED: one event per location per day per
actor pair): a battle and an attack on civilians told in sentences of their own, each naming who
acted on whom, are not one incident told from two angles. Invented mentions and articles."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import Actor, Casualties
from eventwire.resolve.actor_pairs import another_actor_pair, events_of_two_actor_pairs
from tests.factories import make_event, make_mention
from tests.resolve.conftest import pipeline_events as _events

MILITANTS = Actor("Unidentified Armed Group (Mali)")
ARMY = Actor("Military Forces of Mali (2021-)")
CIVILIANS = Actor("Civilians (Mali)")
BASE = "Militants attacked an army base in Kerou on Tuesday, killing three soldiers. "
ALSO = "The attackers also killed five civilians in the town."


def _clash(**kw):
    fields = {"actor1": MILITANTS, "actor2": ARMY, "casualties": Casualties(3)}
    return make_mention(0, BASE, **{**fields, **kw})


def _killings(**kw):
    fields = {
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": MILITANTS,
        "actor2": CIVILIANS,
        "casualties": Casualties(5),
    }
    return make_mention(len(BASE), ALSO, **{**fields, **kw})


def test_killings_of_civilians_after_a_battle_are_another_actor_pair():
    assert another_actor_pair(_killings(), [_clash()])


def test_the_army_answering_an_attack_on_civilians_is_another_actor_pair():
    attack = _killings()
    answer = _clash(actor1=ARMY, actor2=MILITANTS, casualties=Casualties(2))
    assert another_actor_pair(answer, [attack])


@pytest.mark.parametrize(
    "kw",
    [
        {"actor1": None},  # a passive toll ("a herder died in the crossfire"): the battle's
        {"casualties": None},  # no victims of its own
        {"anaphoric": True},  # "the attack" points back at the battle
        {"plural": True},  # a summary
        {"event_type": "Battles", "sub_event_type": "Armed clash"},  # one type: one incident
    ],
)
def test_a_mention_without_its_own_actor_pair_and_victims_joins_the_incident(kw):
    assert not another_actor_pair(_killings(**kw), [_clash()])


def test_a_mention_in_the_sentence_of_the_incident_is_part_of_it():
    same_sentence = make_mention(
        0,
        BASE,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=MILITANTS,
        actor2=CIVILIANS,
        casualties=Casualties(5),
    )
    assert not another_actor_pair(same_sentence, [_clash()])


def test_built_events_of_two_actor_pairs():
    battle = make_event(event_type="Battles", sub_event_type="Armed clash", actor1="A", actor2="Army")
    killings = make_event(event_type="Violence against civilians", sub_event_type="Attack", actor1="A", actor2="Civ")
    assert events_of_two_actor_pairs(killings, battle)
    assert not events_of_two_actor_pairs(
        make_event(event_type="Violence against civilians", actor1="A", actor2=None), battle
    )
    assert not events_of_two_actor_pairs(
        make_event(event_type="Violence against civilians", actor1="A", actor2="Army"), battle
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            (
                "On Tuesday, March 5, militants attacked an army base in Gao, killing three soldiers. "
                "The attackers also killed five civilians in the town."
            ),
        ),
        (
            "fr",
            (
                "Mardi 5 mars, des hommes armés ont tué six civils à Gao. Les militaires arrivés sur place ont "
                "affronté les assaillants, tuant deux d'entre eux."
            ),
        ),
    ],
)
def test_a_battle_and_killings_of_civilians_at_one_place_and_day_are_two_events(lang, text):
    events = _events(text, lang, date(2024, 3, 7))
    assert sorted(e.event_type for e in events) == ["Battles", "Violence against civilians"]
    assert {e.location for e in events} == {"Gao"}


def test_civilians_killed_in_the_crossfire_are_a_toll_of_the_battle():
    text = (
        "On Tuesday, March 5, militants attacked an army base in Gao, killing three soldiers. "
        "A herder also died in the crossfire."
    )
    assert len(_events(text, "en", date(2024, 3, 7))) == 1
