"""Excessive force against protesters needs the forces acting or force told against the crowd
(issue 16): a death told beside a protest and the police with no force used is the protest's
cause, and protesters who turn on the police riot. Sentences are invented."""

from __future__ import annotations

import pytest

from eventwire.extract.lexicon import load_taxonomy

EXCESSIVE = "Excessive force against protesters"


def _sub(classes: set[str]) -> str | None:
    rule = load_taxonomy().classify(classes)
    return rule.sub_event_type if rule is not None else None


def test_protesters_who_storm_a_police_post_after_a_death_in_custody_riot():
    # "Protesters stormed the police post of Kerou after a young man died in custody; several
    # officers were injured."
    classes = {"A_PROTEST", "P_PROTESTER", "A_ATTACK", "A_KILL", "P_SECURITY", "PATIENT_SECURITY", "N_PROPERTY"}
    assert _sub(classes) == "Violent demonstration"


def test_a_death_with_no_force_told_is_no_excessive_force():
    # "Residents of Kerou protested on Tuesday over the death of a driver; police were present."
    assert _sub({"A_PROTEST", "P_PROTESTER", "A_KILL", "P_SECURITY"}) != EXCESSIVE


@pytest.mark.parametrize(
    "classes",
    [
        # "Troops shot into a crowd of marchers near the Kerou market, killing seven."
        {"A_PROTEST", "P_PROTESTER", "A_KILL", "P_SECURITY", "W_GUN"},
        # "Police killed two marchers as they broke up the protest in Kerou."
        {"A_PROTEST", "P_PROTESTER", "A_KILL", "P_SECURITY", "AGENT_SECURITY"},
    ],
)
def test_forces_that_kill_protesters_use_excessive_force(classes):
    assert _sub(classes) == EXCESSIVE
