"""Event structure by the codebook (issue 16): one event per location per day. Constructions that
tell two incidents in one sentence and that ACLED codes as two events. Invented articles through
the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from tests.resolve.conftest import pipeline_events as _events

PUBLISHED = date(2023, 5, 10)  # a Wednesday: Sunday is the 7th, Monday the 8th, Tuesday the 9th


@pytest.mark.parametrize(
    "lang, text",
    [
        # the gapped clause keeps its toll and locative word ("and three others in Dori on Monday")
        (
            "en",
            "Gunmen killed five civilians in Djibo on Sunday and three others in Dori on Monday, local sources said.",
        ),
        (
            "fr",
            "Des hommes armés ont tué cinq civils à Djibo dimanche et trois autres à Dori lundi, selon des sources locales.",
        ),
    ],
)
def test_a_gapped_clause_with_its_own_toll_place_and_day_is_an_event_of_its_own(lang, text):
    events = _events(text, lang, PUBLISHED)
    assert sorted((e.location, str(e.event_date), e.fatalities) for e in events) == [
        ("Djibo", "2023-05-07", 5),
        ("Dori", "2023-05-08", 3),
    ]


@pytest.mark.parametrize(
    "lang, text",
    [
        # the agent of the passive comes after both clauses: it is theirs, not a clause of its own
        ("fr", "Djibo a été attaquée lundi et Dori mardi par des hommes armés, selon des sources sécuritaires."),
        ("en", "The town of Djibo was attacked on Monday and Dori on Tuesday by gunmen, security sources said."),
    ],
)
def test_a_gapped_passive_clause_before_a_shared_agent_is_an_event_of_its_own(lang, text):
    events = _events(text, lang, PUBLISHED)
    assert sorted((e.location, str(e.event_date)) for e in events) == [
        ("Djibo", "2023-05-08"),
        ("Dori", "2023-05-09"),
    ]


@pytest.mark.parametrize(
    "lang, text",
    [
        # "then"/"puis" opens the gapped clause as "and"/"et" does
        (
            "fr",
            "Des hommes armés ont attaqué Djibo dimanche, puis Dori lundi, tuant neuf personnes, selon des sources locales.",
        ),
        ("en", "Gunmen attacked Djibo on Sunday, then Dori on Monday, killing nine people, local sources said."),
    ],
)
def test_a_gapped_clause_opened_by_then_is_an_event_of_its_own(lang, text):
    events = _events(text, lang, PUBLISHED)
    assert sorted((e.location, str(e.event_date)) for e in events) == [
        ("Djibo", "2023-05-07"),
        ("Dori", "2023-05-08"),
    ]


@pytest.mark.parametrize(
    "lang, text",
    [
        # the incident carried on to a second day it names: one event per day (ACLED)
        ("en", "The attack on Djibo began on Saturday and continued on Sunday, the army said."),
        ("fr", "L'attaque contre Djibo a commencé samedi et s'est poursuivie dimanche, selon l'armée."),
        ("en", "Soldiers clashed with jihadists in Djibo on Saturday and resumed on Sunday, the army said."),
        ("en", "Soldiers and jihadists fought in Djibo on Saturday and the clashes resumed on Sunday, the army said."),
        (
            "fr",
            "Des soldats ont affronté des jihadistes à Djibo samedi et les combats ont repris dimanche, selon l'armée.",
        ),
    ],
)
def test_an_incident_that_continued_on_a_named_day_is_one_event_per_day(lang, text):
    events = _events(text, lang, PUBLISHED)
    assert sorted(str(e.event_date) for e in events) == ["2023-05-06", "2023-05-07"]
    assert {e.location for e in events} == {"Djibo"}


def test_a_second_day_of_another_act_is_not_a_day_of_the_incident():
    # "killed on Saturday and buried on Sunday": the burial is no day of the incident
    for text in (
        "Three civilians were killed by gunmen in Djibo on Saturday and buried on Sunday, local sources said.",
        "Three civilians were killed by gunmen in Djibo on Saturday and the victims were buried on Sunday.",
    ):
        assert [str(e.event_date) for e in _events(text, "en", PUBLISHED)] == ["2023-05-06"]


@pytest.mark.parametrize(
    "lang, text",
    [
        # a comma stands for the coordinator of gapped items (asyndeton): one event per place
        (
            "fr",
            (
                "Deux attaques ont fait neuf morts dimanche au Burkina Faso, la première à Djibo, la seconde à Dori, "
                "selon des sources sécuritaires."
            ),
        ),
        (
            "en",
            "Two attacks killed nine people on Sunday in Burkina Faso, one in Djibo, another in Dori, sources said.",
        ),
        ("fr", "Deux attaques ont fait neuf morts dimanche au Burkina Faso, l'une à Djibo, l'autre à Dori."),
        ("en", "Gunmen killed nine people on Sunday in Burkina Faso, five in Djibo, four in Dori, sources said."),
    ],
)
def test_gapped_items_joined_by_a_comma_are_events_of_their_own(lang, text):
    events = _events(text, lang, PUBLISHED)
    assert sorted(e.location for e in events) == ["Djibo", "Dori"]
    assert sum(e.fatalities or 0 for e in events) == 9


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Gunmen killed nine people on Sunday in Burkina Faso, five in Djibo and four in Dori, sources said."),
        ("fr", "Des hommes armés ont tué neuf personnes dimanche au Burkina Faso, cinq à Djibo et quatre à Dori."),
    ],
)
def test_a_number_right_before_a_listed_place_is_its_own_toll(lang, text):
    # the sentence's whole toll ("nine") comes first; "five in Djibo" is Djibo's share
    events = _events(text, lang, PUBLISHED)
    assert sorted((e.location, e.fatalities) for e in events) == [("Djibo", 5), ("Dori", 4)]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # guards for constructions the codebook splits that the pipeline already splits
        (
            "en",
            "Gunmen attacked the villages of Djibo and Dori on Sunday, killing twelve people, sources said.",
            [("Djibo", "2023-05-07"), ("Dori", "2023-05-07")],
        ),
        (
            "fr",
            "Des hommes armés ont attaqué Djibo lundi et Dori mardi, faisant douze morts, selon des sources locales.",
            [("Djibo", "2023-05-08"), ("Dori", "2023-05-09")],
        ),
        (
            "en",
            "From Saturday to Monday, soldiers fought jihadists in Djibo, the army said.",
            [("Djibo", "2023-05-06"), ("Djibo", "2023-05-07"), ("Djibo", "2023-05-08")],
        ),
        (
            "en",
            "Gunmen killed five civilians in Djibo on Sunday. Meanwhile in Dori, soldiers clashed with jihadists.",
            [("Djibo", "2023-05-07"), ("Dori", "2023-05-07")],
        ),
        (
            "fr",
            (
                "Des hommes armés ont tué cinq civils dimanche à Djibo. Par ailleurs, à Dori, des soldats ont "
                "affronté des jihadistes, selon l'armée."
            ),
            [("Djibo", "2023-05-07"), ("Dori", "2023-05-07")],
        ),
    ],
)
def test_constructions_the_codebook_splits_stay_split(lang, text, expected):
    events = _events(text, lang, PUBLISHED)
    assert sorted((e.location, str(e.event_date)) for e in events) == expected
