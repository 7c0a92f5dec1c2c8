"""A toll told in a sentence of its own joins the incident it is plainly about (issue 16):
"the clashes", "ces affrontements" point back at the fight told before, and a risen toll reads
its number after its verb. Hand-written articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

from tests.resolve.conftest import pipeline_events as _events


def test_deaths_during_the_clashes_are_the_riots_toll_en():
    text = (
        "Rioters clashed with police in Gao on Monday, burning tyres and blocking roads.\n\n"
        "Three people were killed during the clashes."
    )
    (event,) = _events(text, "en", date(2022, 10, 18))
    assert event.fatalities == 3


def test_deaths_in_these_clashes_are_the_riots_toll_fr():
    text = (
        "Des manifestants ont affronté la police lundi à Gao en brûlant des pneus.\n\n"
        "Trois personnes ont été tuées dans ces affrontements."
    )
    (event,) = _events(text, "fr", date(2022, 10, 18))
    assert event.fatalities == 3


def test_a_risen_toll_in_a_later_sentence_is_the_attacks_en():
    text = (
        "Gunmen attacked the village of Kerou near Gao on Monday.\n\n"
        "The overall toll of the ambush rose to 14 on Tuesday, officials said."
    )
    (event,) = _events(text, "en", date(2022, 10, 18))
    assert event.fatalities == 14


def test_listed_victims_in_a_later_sentence_are_summed_fr():
    text = (
        "Des jihadistes ont attaqué lundi le village de Kerou, près de Gao.\n\n"
        "Parmi les morts, deux soldats et trois enfants, selon un élu local."
    )
    (event,) = _events(text, "fr", date(2022, 10, 18))
    assert event.fatalities == 5


def test_a_toll_reported_the_next_day_is_the_attacks_fr():
    text = (
        "Des jihadistes ont attaqué samedi le village de Kerou, près de Gao.\n\n"
        "Dimanche, le bilan s'élevait à 35 morts, selon un élu local."
    )
    (event,) = _events(text, "fr", date(2022, 10, 18))
    assert event.fatalities == 35


def test_a_killing_told_the_next_day_is_no_toll_report_fr():
    text = (
        "Des jihadistes ont attaqué samedi le village de Kerou, près de Gao.\n\n"
        "Dimanche, des hommes armés ont tué deux bergers."
    )
    events = _events(text, "fr", date(2022, 10, 18))
    assert sorted(e.fatalities for e in events) == [0, 2]


def test_a_toll_told_in_the_present_is_no_habit_fr():
    text = "Des jihadistes ont attaqué samedi le village de Kerou, près de Gao.\n\nLe bilan est de trente-cinq morts."
    (event,) = _events(text, "fr", date(2022, 10, 18))
    assert event.fatalities == 35


def test_a_toll_told_in_the_present_is_no_habit_en():
    text = "Jihadists attacked the village of Kerou near Gao on Saturday.\n\nThe death toll is 35 dead, officials said."
    (event,) = _events(text, "en", date(2022, 10, 18))
    assert event.fatalities == 35
