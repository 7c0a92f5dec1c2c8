"""A sentence opened by an additive connective ("Par ailleurs", "Meanwhile") that reports an
incident in its own right tells another incident (ACLED: one event per location per day per
actor pair), even where the gazetteer places both no more precisely than one town. Invented
articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from tests.resolve.conftest import pipeline_events as _events


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            (
                "Rebel rockets killed four civilians this morning in the countryside of Gao, local sources said.\n\n"
                "Meanwhile, army artillery shelled rebel positions in the countryside of Gao, the sources added."
            ),
        ),
        (
            "fr",
            (
                "Des roquettes des rebelles ont tué quatre civils ce matin près de Gao, selon des sources locales.\n\n"
                "Par ailleurs, l'artillerie de l'armée a bombardé des positions rebelles près de Gao, selon les mêmes sources."
            ),
        ),
    ],
)
def test_a_sentence_opened_by_an_additive_connective_is_another_incident(lang, text):
    events = _events(text, lang, date(2024, 3, 12))
    assert len(events) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            (
                "Rebel rockets killed four civilians this morning in the countryside of Gao, local sources said.\n\n"
                "Meanwhile, the attack was condemned by the governor of Gao."
            ),
        ),
        (
            "fr",
            (
                "Des roquettes des rebelles ont tué quatre civils ce matin près de Gao, selon des sources locales.\n\n"
                "Par ailleurs, cette attaque a été condamnée par le gouverneur de Gao."
            ),
        ),
    ],
)
def test_an_anaphor_after_an_additive_connective_is_the_same_incident(lang, text):
    events = _events(text, lang, date(2024, 3, 12))
    assert len(events) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            (
                "Dimanche, un bombardement d'artillerie des rebelles a tué dix civils à Gao, selon un responsable local.\n\n"
                "L'armée et les rebelles se sont affrontés dimanche et lundi dans l'est de Gao."
            ),
        ),
        (
            "en",
            (
                "On Sunday, rebel artillery shelling killed ten civilians in Gao, a local official said.\n\n"
                "The army and the rebels fought on Sunday and Monday east of Gao."
            ),
        ),
    ],
)
def test_fighting_told_over_several_days_is_not_merged_into_a_shelling_of_the_first_day(lang, text):
    events = _events(text, lang, date(2025, 5, 6))
    battles = sorted(e.event_date for e in events if e.event_type == "Battles")
    assert battles == [date(2025, 5, 4), date(2025, 5, 5)]
    assert any(e.event_type == "Explosions/Remote violence" and e.event_date == date(2025, 5, 4) for e in events)
