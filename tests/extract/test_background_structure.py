"""Modality rules of issue 16 (event structure): sentences that frame, continue or describe the
frequency of incidents report none. Invented sentences, real spaCy models."""

from __future__ import annotations

import pytest

from tests.extract.conftest import find_mentions


def _modalities(text: str, lang: str) -> dict[str, str]:
    return {m.trigger.span.text: m.modality for m in find_mentions(text, lang)}


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        # a definite incident noun framed against a later event by a time distance
        ("en", "Friday's ambush comes three days before a planned vote in Kidal.", "ambush"),
        ("fr", "L'attaque survient deux jours avant la visite du président à Kidal.", "attaque"),
        # a copula right before "in response to": the sentence explains an incident told elsewhere
        (
            "en",
            "The air raid was in response to mortar fire on a police camp the previous week.",
            "air raid",
        ),
    ],
)
def test_a_framed_incident_noun_is_context(lang, text, trigger):
    assert _modalities(text, lang)[trigger] == "context"


def test_a_definite_incident_placed_after_dark_is_still_reported_en():
    text = "Sunday's raid took place in Bankass district, where the gunmen arrived after dark."
    assert _modalities(text, "en")["raid"] == "asserted"


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        (
            "fr",
            "Les bombardements de l'armée continuent de viser les bases jihadistes dans le nord.",
            "bombardements",
        ),
        (
            "en",
            "Air strikes by the army continue to hit rebel positions across the north.",
            "Air strikes",
        ),
    ],
)
def test_plural_incidents_that_continue_are_a_state_of_affairs(lang, text, trigger):
    assert _modalities(text, lang)[trigger] == "habitual"


def test_continuing_strikes_on_a_stated_day_are_reported_en():
    text = "Air strikes by the army continue to hit rebel positions near Gao on Tuesday."
    assert _modalities(text, "en")["Air strikes"] != "habitual"


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        (
            "fr",
            "Bamako dit abattre la plupart des drones lancés chaque nuit par les rebelles.",
            "drones",
        ),
        (
            "en",
            "Air defences destroy most of the drones launched every night by the rebels.",
            "drones",
        ),
    ],
)
def test_a_participle_on_the_incident_noun_carries_its_frequency(lang, text, trigger):
    assert _modalities(text, lang)[trigger] == "habitual"


def test_a_participle_of_plan_does_not_make_the_incident_a_plan_en():
    text = "The attack, planned for weeks, killed five soldiers near Gao on Tuesday."
    assert _modalities(text, "en").get("attack", "asserted") not in {"plan"}


@pytest.mark.parametrize(
    "text",
    [
        # the tagger may read a first-person future as a present: its form says future
        '"Demain nous prendrons pour cible les camions des soldats", a déclaré le chef rebelle.',
        "Nous attaquerons tous les convois qui roulent vers Gao, a-t-il prévenu.",
    ],
)
def test_a_french_future_is_not_a_report(text):
    assert set(_modalities(text, "fr").values()) <= {"plan", "threat"}


def test_a_french_past_with_the_same_verb_is_reported():
    assert set(_modalities("Les soldats ont pris pour cible un convoi près de Gao.", "fr").values()) == {"asserted"}
