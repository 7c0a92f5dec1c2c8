"""The agent of a participle modifying an incident noun ("l'embuscade tendue par …", "the ambush
carried out by …"), cut before the target it swallowed. Sentences are invented."""

from __future__ import annotations

import pytest

from eventwire.normalize.actors import canonicalize_actor
from tests.extract.conftest import find_mentions


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "agent"),
    [
        (
            "fr",
            "Le bilan de l'embuscade tendue par des jihadistes contre un convoi de l'armée a été revu.",
            "embuscade",
            "des jihadistes",
        ),
        (
            "en",
            "The toll of the ambush carried out by jihadists against an army convoy rose on Monday.",
            "ambush",
            "jihadists",
        ),
    ],
)
def test_find_roles_reads_the_agent_of_a_participle_before_its_target(lang, text, trigger, agent):
    found = [m for m in find_mentions(text, lang) if m.trigger.span.text == trigger]
    assert found and found[0].agent is not None
    assert found[0].agent.text == agent


def test_canonicalize_actor_reads_secessionists_in_cameroon_as_the_separatists():
    actor = canonicalize_actor("des sécessionnistes armés", lang="fr", country="Cameroon")
    assert actor is not None and actor.name == "Ambazonian Separatists"
    assert canonicalize_actor("des sécessionnistes armés", lang="fr", country="Mali") is None
