"""Roles around French pronominal verbs: the subject of such a verb, which the parser labels
passive in a compound tense, acts; "s'en prendre à" / "s'attaquer à" name their target after "à"
(no target preposition of other verbs); a reflexive causative ("se faire tuer") is a passive; a
weekday the parser takes for an object is never the target. Sentences are invented."""

from __future__ import annotations

from tests.extract.conftest import find_mentions


def _mention(text: str, word: str):
    found = [m for m in find_mentions(text, "fr") if word in m.trigger.span.text]
    assert found, [m.trigger.span.text for m in find_mentions(text, "fr")]
    return found[0]


def test_s_en_prendre_a_targets_civilians():
    mention = _mention("Des hommes armés s'en prennent jeudi à des villageois à Kerou.", "pren")
    assert mention.agent is not None and "hommes" in mention.agent.text.split()
    assert mention.patient is not None and "villageois" in mention.patient.text.split()
    assert {"AGENT_ARMED", "PATIENT_CIVILIAN"} <= mention.cue_classes
    assert mention.trigger.sub_event_type == "Attack"


def test_the_subject_of_a_compound_s_attaquer_a_acts():
    mention = _mention("Les assaillants se sont violemment attaqués aux forces de sécurité à Kerou.", "attaqu")
    assert mention.agent is not None and "assaillants" in mention.agent.text.split()
    assert mention.patient is not None and "forces" in mention.patient.text.split()


def test_s_attaquer_a_names_its_target_after_a_day():
    mention = _mention("Des jihadistes se sont attaqués samedi à un poste de gendarmerie à Kerou.", "attaqu")
    assert mention.patient is not None and "poste" in mention.patient.text.split()
    assert "PATIENT_SECURITY" in mention.cue_classes


def test_a_is_no_target_of_other_verbs():
    mention = _mention("Des hommes armés ont tué deux bergers à Kerou.", "tué")
    assert mention.patient is not None and "bergers" in mention.patient.text.split()


def test_se_faire_tuer_is_a_passive():
    mention = _mention("Trois soldats se sont fait tuer près de Kerou.", "tuer")
    assert mention.agent is None or "soldats" not in mention.agent.text.split()
    assert mention.patient is not None and "soldats" in mention.patient.text.split()
