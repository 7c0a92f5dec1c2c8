"""English trigger and modality cues added to data/triggers/en.yaml and data/modality/en.yaml.

Sentences are written for these tests (invented places and people). The real English spaCy
model is loaded once per module.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def find(find_en):
    return find_en


def _only(found):
    assert len(found) == 1, [(m.trigger.span.text, m.trigger.sub_event_type, m.modality) for m in found]
    return found[0]


# --- sub-event types from the new or narrowed trigger cues ------------------------------------


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # A_PROTEST: marches and strikes by workers or detainees are protests
        ("Hundreds of teachers marched to the ministry in Kerou on Monday.", "Peaceful protest"),
        ("Detainees at the Kerou prison began a hunger strike on Monday.", "Peaceful protest"),
        ("Nurses went on strike across the province on Tuesday.", "Peaceful protest"),
        # A_LOOT: arson alone is property destruction, not a riot
        (
            "Gunmen set ablaze several houses in the village of Kerou on Sunday.",
            "Looting/property destruction",
        ),
        (
            "Attackers ransacked the health centre in Kerou overnight.",
            "Looting/property destruction",
        ),
        # A_RIOT: stone-throwing and petrol bombs, by protesters (a Violent demonstration) or by
        # a crowd with no demonstration (Mob violence); a shootout is a battle
        (
            "Protesters threw petrol bombs at the town hall in Kerou on Friday.",
            "Violent demonstration",
        ),
        (
            "Youths blocked the highway and threw petrol bombs at the town hall in Kerou on Friday.",
            "Violent demonstration",
        ),
        ("Rioters pelted two prison warders with stones in Kerou on Friday.", "Mob violence"),
        ("Two gunmen were killed in a shootout with police in Kerou on Friday.", "Armed clash"),
        # A_CLASH: "traded fire" / "exchanged fire"
        ("Soldiers and gang members traded fire for hours in Kerou on Monday.", "Armed clash"),
        # P_ARMED gangs + A_ATTACK: an attack between armed actors
        ("Gangs attacked a police station in Kerou on Sunday.", "Armed clash"),
        # A_KILL: "gunned down"
        ("Unknown assailants gunned down a trader in the market of Kerou on Friday.", "Attack"),
        # A_KILL: deaths reported without "killed"
        ("Four villagers lost their lives when gunmen raided Kerou on Sunday.", "Attack"),
        ("Two farmers were hacked to death in Kerou on Sunday.", "Attack"),
        # A_ATTACK: torture of a civilian
        ("Militiamen tortured a pastor in the village of Kerou on Monday.", "Attack"),
        # A_MOB: "jungle justice"
        (
            "A suspected thief was killed in an act of jungle justice in Kerou on Friday.",
            "Mob violence",
        ),
        # W_IED: a mine in a weapon phrase
        ("A soldier stepped on a mine near Kerou on Tuesday.", "Remote explosive/landmine/IED"),
        # A_INTERCEPT no longer fires on "destroyed": a drone strike that destroys a target is a strike
        ("A drone strike destroyed a militant vehicle near Kerou on Monday.", "Air/drone strike"),
        # N_PROPERTY: infrastructure sabotaged by an armed group is destroyed property
        (
            "Suspected militants destroyed a telecom mast in the town of Kerou.",
            "Looting/property destruction",
        ),
        ("Rebels destroyed two power stations near Kerou on Monday.", "Looting/property destruction"),
        # A_LOOT: a vehicle hijacked or people extorted is property taken by force
        ("Armed men hijacked a lorry on the highway near Kerou on Monday.", "Looting/property destruction"),
        ("Militiamen extorted traders at a checkpoint near Kerou on Monday.", "Looting/property destruction"),
        # W_GUN alone: someone shot is attacked; a shot officer makes it a battle
        ("The manager of a game reserve was shot with an arrow near Kerou on Monday.", "Attack"),
        ("Unknown gunmen shot and wounded two police reservists in Kerou on Monday.", "Armed clash"),
    ],
)
def test_new_trigger_cues_give_the_sub_event_type(find, text, sub_event_type):
    assert _only(find(text)).trigger.sub_event_type == sub_event_type


# --- ambiguous single words that must not trigger an incident type -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        # "March" the month is not a protest march
        "The new governor of Kerou took office in March.",
        # "mine" the pronoun is not a landmine
        "The farmer said the land was a gift from a friend of mine.",
        # "student body" is not a dead body
        "The academy enrols a student body of nearly six hundred.",
        # "according to" is not an accord
        "The harvest was good this year, according to the farmers' union.",
        # "execution" of a plan is not a killing
        "The execution of the budget was delayed by the ministry.",
    ],
)
def test_ambiguous_words_make_no_incident(find, text):
    assert find(text) == []


def test_struck_alone_is_not_an_air_strike(find):
    m = _only(find("Gunmen struck a bus carrying passengers near Kerou on Friday, killing six people."))
    assert m.trigger.sub_event_type != "Air/drone strike"
    assert m.trigger.event_type == "Violence against civilians"


def test_captured_fighters_is_not_a_territory_takeover(find):
    m = _only(find("Rebels captured two soldiers during fighting near Kerou on Monday."))
    assert m.trigger.sub_event_type != "Non-state actor overtakes territory"


def test_overrunning_a_position_is_a_battle_not_a_takeover(find):
    m = _only(find("Militants overran an army position near Kerou on Monday."))
    assert m.trigger.sub_event_type == "Armed clash"


def test_captured_town_is_a_territory_takeover(find):
    m = _only(find("Rebels captured the town of Kerou on Monday."))
    assert m.trigger.sub_event_type == "Non-state actor overtakes territory"


# --- modality ---------------------------------------------------------------------------------


def test_considering_an_attack_is_a_plan(find):
    m = _only(find("The commanders are considering launching an attack on the garrison at Kerou."))
    assert m.modality == "plan"


def test_last_week_recap_is_background(find):
    m = _only(find("Last week, gunmen raided a village near Kerou."))
    assert m.modality == "background"


def test_surge_in_attacks_is_habitual(find):
    m = _only(find("The region has seen a surge in militant attacks on schools."))
    assert m.modality == "habitual"


def test_tally_since_a_month_is_not_an_incident(find):
    m = _only(find("More than two hundred civilians have died in attacks since February, the agency said."))
    assert m.modality in {"background", "habitual"}


def test_ongoing_fight_is_not_an_incident(find):
    m = _only(find("The leader praised the ongoing fight against the government."))
    assert m.modality == "habitual"


@pytest.mark.parametrize(
    "text",
    [
        "The raid comes days after gunmen attacked a police post in Kerou.",
        "The ambush came hours after militants bombed a checkpoint outside Kerou.",
        "The strike follows days of clashes between the army and rebels along the border.",
    ],
)
def test_comes_after_recap_is_not_news(find, text):
    # background (the "comes … after" cue) or context (the "after" cue): never a new event
    m = _only(find(text))
    assert m.modality in {"background", "context"}
