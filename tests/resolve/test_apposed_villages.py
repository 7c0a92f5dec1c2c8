"""An unknown village given with its town after a comma ("in Kolo, Bera") is one location, coded
at the town (normalize.apposed_villages); a list or coordination of places stays one event per
location. Invented articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from tests.resolve.conftest import pipeline_events as _events

PUBLISHED = date(2023, 5, 10)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Gunmen killed a trader on Sunday in Tazor, Djibo, in northern Burkina Faso, residents said."),
        ("en", "Gunmen killed a trader on Sunday in Djibo, Tazor, in northern Burkina Faso, residents said."),
        ("fr", "Des assaillants ont tué un berger dimanche soir à Tazor, Djibo, selon un élu local."),
    ],
)
def test_an_unknown_village_apposed_to_its_town_is_one_location(lang, text):
    assert [e.location for e in _events(text, lang, PUBLISHED)] == ["Djibo"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Gunmen attacked Tazor, Djibo and Dori on Sunday, residents said."),
        ("fr", "Des hommes armés ont attaqué Tazor, Djibo et Dori dimanche, selon des habitants."),
    ],
)
def test_an_unknown_village_in_a_list_of_places_is_an_event_of_its_own(lang, text):
    assert sorted(e.location for e in _events(text, lang, PUBLISHED)) == ["Djibo", "Dori", "Tazor"]
