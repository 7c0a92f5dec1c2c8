"""A habit told over a vague span of months or years, with a growing frequency or a repetition
without count, is no event (issue 16): "for many years", "over the years", "increasingly",
"depuis de nombreuses années", "au fil des ans"; nor is a trend told by a verb of increase whose
object is a plural incident noun, in a sentence with no day ("the group has stepped up its
attacks", "l'État islamique a intensifié ses attaques"), a series of incidents ("une série
d'assauts"), nor an actor described by a vague record in a relative clause set off by commas
("les rebelles, qui ont tué des dizaines de soldats, opèrent depuis la forêt"). Each text
opens on an invented incident so the probed sentence is part of the narration, and the same
cues are probed as an article's only sentence. Places and people are invented."""

from __future__ import annotations

import pytest

from eventwire.models import EVENT_MODALITIES
from tests.extract.conftest import probed as probed_mentions

HABITS = [
    # a vague span of months or years: a habit over time
    ("en", "Jihadists have attacked the Tarmu valley for many years."),
    ("en", "The district has been targeted by armed bandits for several months."),
    ("en", "Over the years, gunmen have abducted hundreds of herders in the Tarmu valley."),
    ("en", "The army post has been hit by rockets over recent months."),
    # a growing frequency, a repetition without count
    ("en", "Gunmen increasingly target schools in the Tarmu valley."),
    ("en", "Militants have attacked villages in the Tarmu valley more and more."),
    ("en", "Bandits have raided the market of Sobera on numerous occasions."),
    # French: a vague span in the present or with a noun
    ("fr", "Les jihadistes attaquent la vallée de Tarmu depuis de nombreuses années."),
    ("fr", "La région de Sobéra est ciblée par des bandits armés depuis quelques mois."),
    ("fr", "Au fil des ans, les enlèvements de bergers sont devenus la norme dans la vallée de Tarmu."),
    # a verb of increase with a plural incident object, no day: a trend
    ("en", "The rebel group has stepped up its attacks around Sobera."),
    ("en", "Jihadists have intensified their raids on villages near Sobera."),
    ("fr", "Le groupe rebelle a intensifié ses attaques autour de Sobéra."),
    ("fr", "Les bandits ont accentué leurs enlèvements sur la route de Sobéra."),
    # a series of incidents, as "series of" in English
    ("fr", "L'attaque est la dernière d'une série d'assauts contre des postes de l'armée à Sobéra."),
    ("fr", "Cette embuscade s'inscrit dans une succession d'attaques contre les convois près de Sobéra."),
    # an actor described by a vague record in a relative clause set off by commas: a tally
    ("fr", "Les rebelles, qui ont tué des dizaines de soldats à Sobéra, opèrent depuis des bases dans la forêt."),
    ("fr", "Le groupe, qui a enlevé des centaines de civils dans la vallée de Tarmu, reste actif."),
]


@pytest.mark.parametrize(("lang", "sentence"), HABITS)
def test_habit_over_a_vague_span_is_not_an_event(find_en, find_fr, lang, sentence):
    probed = probed_mentions(find_en, find_fr, lang, sentence)
    assert all(modality not in EVENT_MODALITIES for _, modality in probed), probed


@pytest.mark.parametrize(("lang", "sentence"), HABITS)
def test_habit_over_a_vague_span_alone_is_not_an_event(find_en, find_fr, lang, sentence):
    found = (find_en if lang == "en" else find_fr)(sentence)
    assert all(m.modality not in EVENT_MODALITIES for m in found), [(m.trigger.span.text, m.modality) for m in found]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # the span describes the actor in a relative clause: the incident of the day stays a report
        ("en", "On Sunday, gunmen who have terrorized the area for many years killed five villagers in Kerou."),
        ("en", "A gang that has held the district for several months abducted ten people in Kerou on Sunday."),
        (
            "fr",
            "Dimanche, des jihadistes, qui sévissent depuis de nombreuses années dans la zone, ont tué cinq soldats à Kerou.",
        ),
        # the span describes the place in an apposition
        (
            "fr",
            "Des hommes armés ont enlevé dix personnes dimanche à Kerou, une zone ciblée depuis quelques mois par les jihadistes.",
        ),
        # a verb of increase with a day: the incidents of that day are told
        ("en", "Troops intensified their air strikes on Kerou on Monday, killing ten militants."),
        ("fr", "L'armée a intensifié ses frappes aériennes sur Kerou lundi, tuant dix rebelles."),
        # a series on a named day: the incidents of that day
        ("fr", "Lundi, une série d'explosions a secoué le camp militaire de Kerou, faisant trois morts."),
        # a record with a figure, or a relative clause without commas: the actors of one incident
        ("fr", "Le groupe, qui a tué dix soldats à Kerou, opère depuis la forêt."),
        ("fr", "Des hommes armés qui ont tué des dizaines de villageois à Kerou se sont enfuis vers la forêt."),
        # "several times" counts shots or blows of one incident: not a habit
        ("en", "A police officer was shot several times in Kerou on Sunday."),
    ],
)
def test_incident_beside_a_vague_span_is_still_an_event(find_en, find_fr, lang, sentence):
    found = (find_en if lang == "en" else find_fr)(sentence)
    assert any(m.modality in EVENT_MODALITIES for m in found), [(m.trigger.span.text, m.modality) for m in found]
