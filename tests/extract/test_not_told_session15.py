"""Sentences that name an incident without telling one (issue 16, session 15): an incident asked
for or authorized by a document, a counterfactual past, a participle adjunct or a relative clause
in the present in a sentence whose only time phrase is a span ("for years"), and a denunciation in
the present. Each text opens on an invented incident so the probed sentence is part of the
narration; the probed sentence is the last one. Places and people are invented."""

from __future__ import annotations

import pytest

from eventwire.models import EVENT_MODALITIES
from tests.extract.conftest import probed as _probed


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # an incident asked for: the object of a demand verb, or of "call for" / « appeler à »
        ("en", "The UN called for the arrest of the perpetrators."),
        ("en", "The opposition called for protests across the country."),
        ("fr", "L'ONU a demandé l'arrestation des auteurs."),
        ("fr", "L'opposition a appelé à des manifestations dans tout le pays."),
        ("fr", "Un mandat d'arrêt a été émis contre lui, réclamant son arrestation."),
        # a document that authorizes an incident is not the incident
        ("en", "The prosecutor issued an arrest warrant for the former mayor of Tarmu."),
        # a counterfactual past
        ("en", "Had the troops not intervened, the militants would have killed more villagers."),
        # a participle adjunct of an ongoing clause, with a span for its only time phrase
        (
            "en",
            (
                "Gunmen known locally as bandits have been terrorising communities in the Tarmu valley, "
                "kidnapping residents for ransom."
            ),
        ),
        # a relative clause in the present, the sentence's only time phrase a span
        ("en", "Bandits, who kidnap villagers for ransom, have terrorised the Tarmu region for years."),
        # a French present participle adjunct of a present clause
        ("fr", "Dans cette zone, les jihadistes imposent leur loi, enlevant et tuant ceux qui refusent."),
        # a commitment to act is no act
        ("en", "The army said it remains committed to fighting terrorism in the Tarmu region."),
        ("fr", "L'armée assure rester déterminée à combattre le terrorisme dans la région de Sobéra."),
        # "widespread" tells a habit
        ("en", "Armed robberies and kidnappings are widespread on the road to Sobera."),
        # an indefinite plural of incidents as the object of a present (or English present
        # perfect) verb, in an undated sentence: an activity
        ("en", "The town of Bira has suffered several attacks by armed groups."),
        ("fr", "Le groupe mène des attaques contre les forces de sécurité dans la région de Bira."),
        # an infinitive of purpose shares the present of its head
        ("en", "The militants often disguise themselves as soldiers to attack villages."),
        ("fr", "Les bandits se cachent dans la forêt pour attaquer les convois."),
        # a count of repetitions in an undated compound past
        ("fr", "Cette localité a déjà été attaquée à plusieurs reprises par des hommes armés."),
        # a denunciation in the present of uncounted acts
        ("fr", "Les organisations de défense des droits humains dénoncent des exactions commises par l'armée."),
    ],
)
def test_not_an_event(find_en, find_fr, lang, sentence):
    probed = _probed(find_en, find_fr, lang, sentence)
    assert all(modality not in EVENT_MODALITIES for _, modality in probed), probed


@pytest.mark.parametrize(
    ("lang", "sentence", "trigger"),
    [
        # a participle adjunct of a past clause tells an incident
        ("fr", "Mardi, des hommes armés ont attaqué le village de Sobéra, tuant trois éleveurs.", "attaqué"),
        # "committed" without a copula before it is no commitment
        (
            "en",
            "Crimes committed to terrorize the population include the killing of ten herders in Sobera on Tuesday.",
            "killing",
        ),
        # a day named keeps incidents counted by "several" reported
        ("en", "On Tuesday, militants carried out several attacks on army posts near Bira.", "attacks"),
        # an infinitive of purpose of a past head, a repetition on a named day
        ("en", "On Tuesday gunmen came to the village of Sobera to kill the chief.", "kill"),
        ("fr", "Dimanche, des hommes armés ont attaqué le poste de Sobéra à plusieurs reprises.", "attaqué"),
        # "call" without "for" names a told incident
        ("en", "The governor called the attack on the Sobera market on Tuesday cowardly.", "attack"),
        # a day named beside a span keeps the present a log entry's
        ("en", "On Tuesday, 14 May, bandits kidnap ten travellers near Sobera, a chronicle reads.", "kidnap"),
    ],
)
def test_still_an_event(find_en, find_fr, lang, sentence, trigger):
    probed = _probed(find_en, find_fr, lang, sentence)
    assert any(text == trigger and modality in EVENT_MODALITIES for text, modality in probed), probed
