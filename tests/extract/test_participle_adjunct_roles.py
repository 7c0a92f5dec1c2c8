"""A present-participle or gerund adjunct with no subject of its own ("…, tuant douze
personnes", "…, killing twelve people") takes the main verb's subject as its agent, and those it
harms are among the main verb's targets: armed men who fire on villagers, killing twelve people,
harm civilians (ACLED codebook: the target decides an Attack). Sentences are invented."""

from __future__ import annotations

import pytest

from tests.extract.conftest import find_mentions

FR = "Des hommes armés ont ouvert le feu sur des villageois à Talimbé, lundi, tuant onze personnes."
EN = "Gunmen opened fire on villagers in Talimbe on Monday, killing eleven people."


def _adjunct_mention(text: str, lang: str, trigger: str):
    found = [m for m in find_mentions(text, lang) if m.trigger.span.text == trigger]
    assert found
    return found[0]


@pytest.mark.parametrize(("lang", "text", "trigger"), [("fr", FR, "tuant")])
def test_a_participle_adjunct_takes_the_main_verbs_subject(lang, text, trigger):
    mention = _adjunct_mention(text, lang, trigger)
    assert mention.agent is not None and mention.agent.text == "Des hommes armés"
    assert "AGENT_ARMED" in mention.cue_classes


@pytest.mark.parametrize(("lang", "text", "trigger"), [("fr", FR, "tuant")])
def test_those_a_participle_adjunct_harms_are_the_main_verbs_targets(lang, text, trigger):
    mention = _adjunct_mention(text, lang, trigger)
    assert "PATIENT_CIVILIAN" in mention.cue_classes
    assert mention.trigger.sub_event_type == "Attack"


def test_a_past_participle_adjunct_is_passive_and_takes_no_agent():
    text = "Deux bergers ont été retrouvés près de Talimbé, tués par balle."
    found = [m for m in find_mentions(text, "fr") if m.trigger.span.text == "tués"]
    assert not found or found[0].agent is None or found[0].agent.text != "Deux bergers"


def test_an_adjunct_of_an_act_on_soldiers_names_no_civilian_target():
    text = "Des hommes armés ont ouvert le feu sur une patrouille de l'armée près de Talimbé, tuant trois soldats."
    mention = _adjunct_mention(text, "fr", "tuant")
    assert "PATIENT_CIVILIAN" not in mention.cue_classes


@pytest.mark.parametrize(("lang", "text", "word"), [("en", EN, "killing"), ("fr", FR, "tuant")])
def test_roles_of_an_adjunct_read_off_the_parse(lang, text, word):
    from eventwire.extract.roles import find_roles, participle_adjunct
    from eventwire.nlp.pipelines import load_pipeline

    doc = load_pipeline(lang)(text)
    token = next(t for t in doc if t.text == word)
    assert participle_adjunct(token)
    agent, _ = find_roles(token)
    assert agent is not None and agent.root.text in {"Gunmen", "hommes"}
