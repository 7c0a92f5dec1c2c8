"""Toll details told in the present or as a total (issue 16): a list of the dead in the present
("Parmi les morts figurent trois enfants", "Among the dead are two soldiers") and a total of one
incident's deaths ("au total, 25 morts sont à déplorer, dont 10 soldats") stay with the told
incident; a total over several incidents or a period stays a tally.

Every sentence is invented for these tests (invented places). Real spaCy models.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.resolve.conftest import pipeline_events

FR_ATTACK = "Des hommes armés ont attaqué lundi le village de Sorvi, dans le nord du Mali. "
EN_ATTACK = "Gunmen attacked the village of Sorvi in northern Mali on Monday. "
FR_TOLD = "Des hommes armés ont attaqué lundi le village de Sorvi, dans le nord du Mali, tuant quatre personnes. "
EN_TOLD = "Gunmen attacked the village of Sorvi in northern Mali on Monday, killing four people. "


@pytest.mark.parametrize(
    ("lead", "sentence", "lang", "fatalities"),
    [
        # the present lists who died in the told incident: its toll, not a habit
        (FR_ATTACK, "Parmi les morts figurent trois enfants.", "fr", 3),
        (FR_ATTACK, "Trois enfants figurent parmi les morts.", "fr", 3),
        (EN_ATTACK, "Two soldiers are among the dead.", "en", 2),
        # a list of some of the dead never lowers the told toll
        (FR_TOLD, "Parmi les morts figurent deux soldats.", "fr", 4),
        (EN_TOLD, "Among the dead are two soldiers.", "en", 4),
        # a total with no plural of incidents and no period is the told incident's toll
        (FR_ATTACK, "Au total, 25 morts sont à déplorer, dont 10 soldats.", "fr", 25),
        (FR_ATTACK, "L'attaque a fait au total 25 morts, dont 10 soldats.", "fr", 25),
        (FR_ATTACK, "Le bilan total est de 25 morts, dont 10 soldats.", "fr", 25),
        (EN_ATTACK, "The attack left 25 dead in total, including 10 soldiers.", "en", 25),
        (EN_ATTACK, "In total, 25 people were killed, including 10 soldiers.", "en", 25),
        # a total over several incidents or a period stays a tally
        (FR_ATTACK, "Au total, 250 morts sont à déplorer dans ces attaques depuis janvier.", "fr", 0),
        (EN_ATTACK, "In total, 250 deaths were recorded in the attacks.", "en", 0),
    ],
)
def test_a_toll_list_or_total_stays_with_the_told_incident(lead, sentence, lang, fatalities):
    events = pipeline_events(lead + sentence, lang, date(2022, 3, 10))
    assert [e.fatalities for e in events] == [fatalities]


def test_a_plural_incident_noun_in_the_present_stays_a_description_fr():
    text = FR_ATTACK + "Les attaques sont incessantes dans la région."
    events = pipeline_events(text, "fr", date(2022, 3, 10))
    assert [e.fatalities for e in events] == [0]
