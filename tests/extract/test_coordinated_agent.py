"""The subject of the first of two coordinated verbs is the agent of the second ("a gunman shot
and killed a trader"), unless the second is passive or has a subject of its own. Sentences are
invented."""

from __future__ import annotations

import pytest

from tests.extract.conftest import find_mentions


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "agent"),
    [
        ("en", "A prison warder shot and killed a shopkeeper in Kolo.", "killed", "A prison warder"),
        ("en", "Two soldiers chased and killed a herder near Bama.", "killed", "Two soldiers"),
        ("fr", "Des hommes armés ont encerclé le village de Kolo et tué trois bergers.", "tué", "Des hommes armés"),
    ],
)
def test_find_roles_gives_a_coordinated_verb_the_first_verbs_subject(lang, text, trigger, agent):
    found = [m for m in find_mentions(text, lang) if m.trigger.span.text == trigger]
    assert found and found[0].agent is not None
    assert found[0].agent.text == agent


def test_find_roles_gives_no_agent_to_a_coordinated_passive():
    found = [
        m
        for m in find_mentions("A trader was shot and killed in Kolo on Monday.", "en")
        if m.trigger.span.text == "killed"
    ]
    assert found and found[0].agent is None
