"""An air or drone strike told in its own sentence beside a fight stays an Air/drone strike
(issue 16): "De violents combats ont opposé l'armée aux rebelles près de Kolo. L'aviation a mené
des frappes aériennes contre leurs positions, tuant douze combattants" is the strike (ACLED codes
it inside a wider battle). Sentences are invented."""

from __future__ import annotations

from eventwire.extract.lexicon import load_taxonomy
from eventwire.models import Mention
from eventwire.resolve.coders.kind import code_event_kind
from tests.factories import make_mention

FIGHT = "De violents combats ont opposé dimanche l'armée aux rebelles près de Kolo."
STRIKE = "L'aviation a mené des frappes aériennes contre leurs positions, tuant douze combattants."
BACKED = "Des soldats appuyés par des hélicoptères de combat ont affronté les rebelles près de Kolo."
REMOTE = "Explosions/Remote violence"


def _mention(start: int, text: str, classes: set[str], sub: str, event_type: str, modality: str) -> Mention:
    return make_mention(
        start, text, event_type=event_type, sub_event_type=sub, modality=modality, cue_classes=frozenset(classes)
    )


def _fight(text: str = FIGHT, extra: frozenset[str] = frozenset()) -> Mention:
    classes = {"A_CLASH", "P_ARMED", "P_SECURITY", "PATIENT_ARMED", *extra}
    return _mention(0, text, classes, "Armed clash", "Battles", "asserted")


def _strike(modality: str = "alleged") -> Mention:
    classes = {"W_AIR", "A_KILL", "P_ARMED", "PATIENT_ARMED"}
    return _mention(80, STRIKE, classes, "Air/drone strike", REMOTE, modality)


def _sub(mentions: list[Mention]) -> str:
    return code_event_kind(mentions, document_id="d", taxonomy=load_taxonomy()).sub_event_type.value


def test_a_strike_told_beside_a_fight_stays_an_air_strike():
    assert _sub([_fight(), _strike()]) == "Air/drone strike"


def test_a_strike_told_as_firmly_as_the_fight_stays_an_air_strike():
    assert _sub([_fight(), _strike("asserted")]) == "Air/drone strike"


def test_aircraft_backing_troops_in_the_fight_leave_it_a_battle():
    fight = _fight(BACKED, frozenset({"W_AIR"}))
    assert _sub([fight, _strike()]) == "Armed clash"


def test_a_fight_alone_stays_a_battle():
    assert _sub([_fight()]) == "Armed clash"


def test_an_earlier_strike_told_as_context_lends_nothing():
    assert _sub([_fight(), _strike("context")]) == "Armed clash"


MIXED = "Une frappe a tué trois bergers lundi près de Kolo, la milice affirmant avoir riposté par des roquettes."
RAID = "La frappe a touché une maison du village de Kolo, selon un responsable local."
ROCKETS = "Le groupe a tiré des dizaines de roquettes sur la ville de Tamba dimanche soir."
SHELLING = "Shelling/artillery/missile attack"


def _remote(start: int, text: str, classes: set[str], sub: str) -> Mention:
    return _mention(start, text, classes, sub, REMOTE, "asserted")


def test_a_strike_told_alone_outweighs_a_sentence_that_also_names_rockets():
    mixed = _remote(0, MIXED, {"W_AIR", "W_ARTILLERY", "A_KILL", "P_CIVILIAN", "P_ARMED"}, SHELLING)
    strike = _remote(120, RAID, {"W_AIR", "N_PROPERTY"}, "Air/drone strike")
    assert _sub([mixed, strike]) == "Air/drone strike"


def test_rockets_told_alone_keep_the_shelling():
    mixed = _remote(0, MIXED, {"W_AIR", "W_ARTILLERY", "A_KILL", "P_CIVILIAN", "P_ARMED"}, SHELLING)
    strike = _remote(120, RAID, {"W_AIR", "N_PROPERTY"}, "Air/drone strike")
    rockets = _remote(200, ROCKETS, {"W_ARTILLERY", "P_ARMED"}, SHELLING)
    assert _sub([mixed, strike, rockets]) == SHELLING
