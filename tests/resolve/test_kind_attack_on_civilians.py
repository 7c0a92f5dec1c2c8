"""The kind coder keeps an attack on civilians an Attack when only another sentence of the
incident tells a fight (issue 16, session 15): "Armed men stormed a hamlet and killed six
farmers. Soldiers later clashed with the attackers" is the codebook's Attack, not a battle.
Sentences are invented."""

from __future__ import annotations

from eventwire.extract.lexicon import load_taxonomy
from eventwire.models import Mention
from eventwire.resolve.coders.kind import code_event_kind
from tests.factories import make_mention


def _mention(start: int, text: str, classes: set[str], sub: str, event_type: str) -> Mention:
    return make_mention(start, text, event_type=event_type, sub_event_type=sub, cue_classes=frozenset(classes))


ATTACK = "Armed men stormed the hamlet of Kelado on Sunday and killed six farmers."
FIGHT = "Soldiers later clashed with the attackers near Kelado."
VAC = "Violence against civilians"


def _kind(attack_classes: set[str]) -> str:
    attack = _mention(0, ATTACK, attack_classes, "Attack", VAC)
    fight = _mention(80, FIGHT, {"A_CLASH", "AGENT_SECURITY", "P_SECURITY", "P_ARMED"}, "Armed clash", "Battles")
    return code_event_kind([attack, fight], document_id="d", taxonomy=load_taxonomy()).sub_event_type.value


def test_a_fight_of_another_sentence_leaves_an_attack_on_civilians_an_attack():
    assert _kind({"A_ATTACK", "A_KILL", "AGENT_ARMED", "P_ARMED", "PATIENT_CIVILIAN", "P_CIVILIAN"}) == "Attack"


def test_an_armed_side_harmed_in_the_attack_makes_it_a_battle():
    classes = {"A_ATTACK", "A_KILL", "AGENT_ARMED", "P_ARMED", "PATIENT_CIVILIAN", "P_CIVILIAN", "PATIENT_SECURITY"}
    assert _kind(classes) == "Armed clash"


def test_deaths_with_nobody_named_acting_join_the_fight():
    # "Two people died near Kelado." beside a fight: the deaths are the battle's
    assert _kind({"A_KILL", "PATIENT_CIVILIAN", "P_CIVILIAN"}) == "Armed clash"


def test_an_armed_side_harmed_in_another_sentence_makes_it_a_battle():
    attack = _mention(0, ATTACK, {"A_ATTACK", "A_KILL", "AGENT_ARMED", "P_ARMED", "PATIENT_CIVILIAN"}, "Attack", VAC)
    fight = _mention(
        80, FIGHT, {"A_CLASH", "A_KILL", "PATIENT_ARMED", "P_SECURITY", "P_ARMED"}, "Armed clash", "Battles"
    )
    kind = code_event_kind([attack, fight], document_id="d", taxonomy=load_taxonomy())
    assert kind.sub_event_type.value == "Armed clash"


def test_a_fight_that_harmed_people_makes_it_a_battle():
    # "The shootout that followed left two herders and a gunman dead."
    attack = _mention(0, ATTACK, {"A_ATTACK", "AGENT_ARMED", "P_ARMED", "PATIENT_CIVILIAN"}, "Attack", VAC)
    fight = _mention(80, FIGHT, {"A_CLASH", "W_GUN", "A_KILL", "P_ARMED", "P_CIVILIAN"}, "Armed clash", "Battles")
    kind = code_event_kind([attack, fight], document_id="d", taxonomy=load_taxonomy())
    assert kind.sub_event_type.value == "Armed clash"


def test_a_fight_word_naming_no_armed_side_that_retells_the_toll_leaves_an_attack():
    # "The clashes also left several people wounded.": no armed side named, the toll retold
    attack = _mention(0, ATTACK, {"A_KILL", "AGENT_ARMED", "P_ARMED", "PATIENT_CIVILIAN", "P_CIVILIAN"}, "Attack", VAC)
    fight = _mention(80, FIGHT, {"A_CLASH", "A_INJURE"}, "Armed clash", "Battles")
    kind = code_event_kind([attack, fight], document_id="d", taxonomy=load_taxonomy())
    assert kind.sub_event_type.value == "Attack"
