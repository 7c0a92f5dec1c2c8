"""Later tolls of one incident told as more deaths add up (issue 16), a risen toll told with its
verb apart from "à", and a place's share of a toll given with its site ("12 in a school in
Kolo"). Hand-written articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from tests.resolve.conftest import pipeline_events as _events

DAY = date(2024, 3, 5)


@pytest.mark.parametrize(
    "text,lang,killed",
    [
        (
            (
                "Des hommes armés ont tué deux soldats lundi près de Djibo. "
                "Quatre autres soldats ont été tués dans l'attaque, selon l'armée."
            ),
            "fr",
            6,
        ),
        (
            (
                "Des jihadistes ont attaqué lundi un poste militaire à Djibo, tuant sept soldats. "
                "Cinq civils ont également été tués lors de l'attaque, selon une source locale."
            ),
            "fr",
            12,
        ),
        (
            (
                "Jihadists attacked an army post in Djibo on Monday, killing seven soldiers. "
                "Five civilians were also killed in the attack, a local source said."
            ),
            "en",
            12,
        ),
        (
            (
                "Des jihadistes ont attaqué lundi une base militaire à Djibo, tuant cinq soldats. "
                "Un assaillant a également été tué."
            ),
            "fr",
            6,
        ),
        (
            (
                "Des jihadistes ont attaqué lundi une base militaire à Djibo, tuant cinq soldats. "
                "Un civil a également péri dans l'attaque."
            ),
            "fr",
            6,
        ),
    ],
)
def test_deaths_told_as_more_add_to_the_toll(text, lang, killed):
    (event,) = _events(text, lang, DAY)
    assert event.fatalities == killed


@pytest.mark.parametrize(
    "text,lang,killed",
    [
        # the same deaths told again, or by another source: the first toll stands
        (
            (
                "Gunmen killed five soldiers in Djibo on Monday. "
                "The soldiers were killed when their patrol was ambushed."
            ),
            "en",
            5,
        ),
        (
            (
                "Des hommes armés ont tué huit civils lundi à Sollé, près de Djibo. "
                "Selon d'autres sources, dix civils ont été tués."
            ),
            "fr",
            8,
        ),
        # an ordinal counts one of the dead already told
        (
            (
                "Two men died when a rocket struck their truck near Kidal on Wednesday. "
                "One of the dead was a shepherd. A second man on a bicycle was also killed."
            ),
            "en",
            2,
        ),
        # "more than" qualifies a number
        (
            (
                "Gunmen killed eight civilians in Sollé near Djibo on Monday. "
                "More than ten civilians were killed, residents said."
            ),
            "en",
            8,
        ),
        # more wounded, not more dead
        (
            (
                "Des hommes armés ont tué deux soldats lundi près de Djibo. "
                "Un soldat a été tué et trois autres blessés, selon l'armée."
            ),
            "fr",
            2,
        ),
    ],
)
def test_a_toll_told_again_adds_nothing(text, lang, killed):
    (event,) = _events(text, lang, DAY)
    assert event.fatalities == killed


@pytest.mark.parametrize(
    "second",
    [
        "Le bilan est passé mardi à quinze morts, selon un élu.",
        "Le bilan a été porté à quinze morts mardi, selon un élu.",
    ],
)
def test_a_risen_toll_with_words_before_its_number_fr(second):
    (event,) = _events(f"Des hommes armés ont tué lundi huit civils à Sollé, près de Djibo. {second}", "fr", DAY)
    assert event.fatalities == 15


@pytest.mark.parametrize(
    "text,lang",
    [
        (
            (
                "Israeli strikes across Gaza killed at least 30 people on Monday, including 12 in a "
                "school in Gaza City and 8 in Rafah, civil defence said."
            ),
            "en",
        ),
        (
            (
                "Des frappes israéliennes ont tué au moins 30 personnes lundi dans la bande de Gaza, "
                "dont 12 dans une école de Gaza-ville et 8 à Rafah."
            ),
            "fr",
        ),
    ],
)
def test_a_place_s_share_told_with_its_site(text, lang):
    tolls = {e.location: e.fatalities for e in _events(text, lang, DAY)}
    assert tolls["Gaza City"] == 12
    assert tolls["Rafaḩ"] == 8


def test_a_listed_place_s_share_stops_at_the_coordinator_en():
    text = "Gunmen killed nine people on Monday, five in Kollo and four in Bera, near Djibo."
    assert sorted(e.fatalities for e in _events(text, "en", DAY)) == [4, 5]


def test_more_deaths_told_with_a_place_of_their_own_are_not_added_en():
    text = (
        "An air strike on a house in Rafah killed five people on Monday. Artillery fire also hit "
        "Khan Younis, and a drone strike in Deir al-Balah killed two others."
    )
    rafah = [e for e in _events(text, "en", DAY) if e.location == "Rafaḩ"]
    assert [e.fatalities for e in rafah] == [5]
