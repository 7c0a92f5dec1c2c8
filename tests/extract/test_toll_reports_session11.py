"""Tolls told in a sentence of their own (issue 16, session 11): a source that "évoque" or "fait
état de" a toll, an army toll quoted ('neutralized') or in the pluperfect after a past verb of
speech, the army's idiom "tombés au combat" and its word "éliminés".

Every sentence is invented for these tests (invented places). Real spaCy models.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.normalize.casualties import count_casualties
from tests.resolve.conftest import pipeline_events

FR_ATTACK = "Des hommes armés ont attaqué lundi le poste militaire de Kerou, au Burkina Faso. "
EN_ATTACK = "Gunmen attacked an army post in Kerou, Burkina Faso, on Monday. "


@pytest.mark.parametrize(
    ("lang", "text", "fatalities"),
    [
        # a quote mark that opens a word is no elision: the quoted word is read
        ("en", "The army said 25 militants had been 'neutralized' in the fighting.", 25),
        ("fr", "Selon l'armée, 25 terroristes avaient été « neutralisés ».", 25),
        # an elided article before a death word still is part of that word
        ("fr", "Aucune mention n'a été faite de l'mort du chef.", 0),
        # the pluperfect of the intransitive death verbs
        ("fr", "L'armée a indiqué que douze soldats avaient perdu la vie.", 12),
        ("fr", "Trois civils avaient péri dans l'incendie.", 3),
        # the army's idiom for its dead; "tombés" alone is no death
        ("fr", "Douze soldats sont tombés au combat.", 12),
        ("fr", "Douze soldats sont tombés sur le champ d'honneur.", 12),
        ("fr", "Douze soldats sont tombés dans une embuscade.", 0),
        # "éliminés", the forces' word like "neutralisés", counts with a number only
        ("fr", "Vingt terroristes ont été éliminés lors de la riposte.", 20),
        ("en", "Troops eliminated 20 militants during the counter-attack.", 20),
    ],
)
def test_toll_forms(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    ("lang", "toll", "fatalities"),
    [
        # a source's present reporting verb: the toll is reported, not a habit or a plan
        ("fr", "Des sources locales évoquent un bilan de 30 morts.", 30),
        ("fr", "Des habitants font état de 30 morts.", 30),
        # the sequence of tenses: a past verb of speech puts the toll in the pluperfect
        ("fr", "L'armée a indiqué que douze soldats avaient perdu la vie.", 12),
        ("en", "The army said 25 militants had been 'neutralized' in the counter-attack.", 25),
        # the two sides' tolls in two sentences, one in the army's idiom
        ("fr", "Douze soldats sont tombés au combat. Vingt terroristes ont été neutralisés.", 32),
        ("fr", "Douze soldats ont été tués. Les militaires ont éliminé vingt terroristes lors de la riposte.", 32),
    ],
)
def test_a_toll_sentence_gives_the_attack_its_deaths(lang, toll, fatalities):
    text = (FR_ATTACK if lang == "fr" else EN_ATTACK) + toll
    events = pipeline_events(text, lang, date(2022, 3, 10))
    assert [e.fatalities for e in events] == [fatalities]
