"""Sub-event typing (issue 16, item 5, session 10): who is on the receiving end, exchanges of
fire, hyphenated cues, and a fight told in another sentence beside a remote weapon.

Every sentence is invented for these tests (invented or generic places). Real spaCy models.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.lexicon import hyphen_variants, phrase_words
from tests.extract.conftest import find_mentions
from tests.resolve.conftest import pipeline_events

EVENT_MODALITIES = {"asserted", "claimed", "alleged"}


def sub_types(text: str, lang: str) -> list[str]:
    return [m.trigger.sub_event_type for m in find_mentions(text, lang) if m.modality in EVENT_MODALITIES]


def classes(text: str, lang: str) -> set[str]:
    out: set[str] = set()
    for m in find_mentions(text, lang):
        out |= m.cue_classes
    return out


def test_a_hyphenated_cue_also_matches_as_spacy_splits_it():
    assert hyphen_variants(phrase_words("shoot-out")) == (("shoot-out",), ("shoot", "-", "out"))
    assert hyphen_variants(phrase_words("exchange of fire")) == (("exchange", "of", "fire"),)
    assert "A_CLASH" in classes("A shoot-out broke out in Kerou on Monday and two robbers died.", "en")
    assert "W_IED" in classes("A booby-trapped motorbike went off near the Kerou market, killing three.", "en")


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # a shoot-out is an exchange of fire between armed sides
        (
            "en",
            "A shoot-out broke out between police and robbers in Kerou on Monday and two robbers died.",
            "Armed clash",
        ),
        # fire in both directions along a front line: both sides are shooting
        (
            "en",
            "Monitors counted forty explosions and bursts of machine-gun fire in both directions of the front line near Kerou.",
            "Armed clash",
        ),
        # mortars and machine guns at a rebel position: a house hit nearby does not make it shelling
        (
            "en",
            "Rebel trenches near Kerou came under mortar rounds and machine-gun bursts from the army; one house was damaged.",
            "Armed clash",
        ),
        # kidnappers who fight the men pursuing them: a clash, not an attack on civilians
        (
            "en",
            "Militiamen searching for kidnapped farmers clashed with the kidnappers near Kerou, and two militiamen were killed.",
            "Armed clash",
        ),
    ],
)
def test_exchanges_of_fire_are_clashes(lang, text, sub_event_type):
    assert sub_types(text, lang)[0] == sub_event_type


@pytest.mark.parametrize(
    ("lang", "text", "sub_event_type"),
    [
        # the forces' raid kills, nobody armed is named on the other side: an Attack
        ("en", "A shopkeeper's son was shot dead in a police raid in Kerou on Monday.", "Attack"),
        # an armed side named: the raid is a fight
        ("en", "Three gunmen were shot dead in a police raid on their hideout in Kerou on Monday.", "Armed clash"),
    ],
)
def test_who_the_raid_kills_decides(lang, text, sub_event_type):
    assert sub_event_type in sub_types(text, lang)


def test_soldiers_a_participle_says_were_killed_are_its_victims():
    found = find_mentions("Le bilan des soldats tués dans l'attaque du poste de Kerou reste imprécis.", "fr")
    assert any("PATIENT_SECURITY" in m.cue_classes for m in found)


def test_a_fight_told_in_another_sentence_leaves_an_air_strike_one():
    text = (
        "A drone strike killed five militants on Monday near Kerou, the army said.\n\n"
        "Soldiers fought the militants in the area on Monday."
    )
    subs = {e.sub_event_type for e in pipeline_events(text, "en", date(2024, 5, 7))}
    assert "Air/drone strike" in subs


def test_a_strike_in_the_same_sentence_as_the_fight_stays_a_clash():
    text = "Soldiers backed by a drone fought the militants near Kerou on Monday, killing five, the army said."
    subs = {e.sub_event_type for e in pipeline_events(text, "en", date(2024, 5, 7))}
    assert subs == {"Armed clash"}
