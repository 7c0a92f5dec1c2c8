"""Event structure by the codebook (issue 16): one event per location per day. A gapped clause
giving another place and another day ("Kolo a été attaqué samedi et Bera dimanche"), a place
called nearby that NER missed ("in Kolo and nearby Bera"), and "another attack" told at another
place or day. Invented articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from tests.resolve.conftest import pipeline_events as _events

PUBLISHED = date(2023, 5, 10)  # a Wednesday: Saturday is the 6th, Sunday the 7th


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Gunmen attacked Djibo on Saturday and Dori on Sunday, killing twelve people, local sources said."),
        ("fr", "Djibo a été attaqué samedi par des hommes armés et Dori dimanche, selon des sources locales."),
        ("fr", "Des hommes armés ont attaqué Djibo samedi et Dori dimanche, selon des sources locales."),
    ],
)
def test_a_gapped_clause_with_another_place_and_day_is_an_event_of_its_own(lang, text):
    events = _events(text, lang, PUBLISHED)
    assert sorted((e.location, str(e.event_date)) for e in events) == [
        ("Djibo", "2023-05-06"),
        ("Dori", "2023-05-07"),
    ]


def test_a_toll_for_both_gapped_clauses_is_split_evenly():
    text = "Gunmen attacked Djibo on Saturday and Dori on Sunday, killing twelve people, local sources said."
    assert sorted(e.fatalities for e in _events(text, "en", PUBLISHED)) == [6, 6]


def test_a_village_the_gazetteer_lacks_in_a_gapped_clause_is_kept_under_its_name():
    text = "Gunmen attacked Djibo on Saturday and Tongomayel on Sunday in northern Burkina Faso, local sources said."
    events = _events(text, "en", PUBLISHED)
    assert ("Tongomayel", "2023-05-07") in [(e.location, str(e.event_date)) for e in events]
    assert len(events) == 2


@pytest.mark.parametrize(
    "lang, text",
    [
        # two days, one place: the days split (resolve.structure), no second place
        ("en", "Gunmen attacked Djibo on Saturday and on Sunday, local sources said."),
        # the second day dates a statement by someone, not a clause at a place
        ("en", "Gunmen attacked Djibo on Saturday and officials said on Sunday that five people died."),
    ],
)
def test_no_gapped_place_without_a_name_closing_the_clause_with_its_day(lang, text):
    events = _events(text, lang, PUBLISHED)
    assert {e.location for e in events} == {"Djibo"}


@pytest.mark.parametrize("nearby", ["nearby", "neighbouring", "neighboring"])
def test_a_place_called_nearby_that_ner_missed_is_an_event_of_its_own(nearby):
    # "in Kolo and nearby Bera": one event per location (ACLED), Bera found by the list reading
    text = (
        f"Gunmen killed seven civilians on Sunday in Djibo and {nearby} Tongomayel, in northern Burkina Faso, "
        "residents said."
    )
    events = _events(text, "en", PUBLISHED)
    assert sorted(e.location for e in events) == ["Djibo", "Tongomayel"]


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            (
                "Des hommes armés ont tué sept civils dimanche à Djibo, au Burkina Faso.\n\n"
                "Dans une autre attaque dans l'est du pays, des hommes armés ont tué cinq civils à Fada "
                "N'Gourma lundi."
            ),
        ),
        (
            "en",
            (
                "Gunmen killed seven civilians on Sunday in Djibo, northern Burkina Faso.\n\n"
                "In another attack, gunmen killed five civilians in Fada N'Gourma."
            ),
        ),
        (
            "en",
            (
                "Gunmen killed seven civilians on Sunday in Djibo, northern Burkina Faso.\n\n"
                "In another attack on Monday, gunmen killed five civilians."
            ),
        ),
    ],
)
def test_another_attack_at_another_place_or_day_is_an_event_of_its_own(lang, text):
    events = _events(text, lang, PUBLISHED)
    assert len(events) == 2
    assert sorted(e.fatalities for e in events) == [5, 7]
