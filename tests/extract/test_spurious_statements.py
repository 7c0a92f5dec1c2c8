"""More sentences that must not become events (issue 16, item 3): a quoted description in the
simple present, an incident announced through "will continue to" / « allons continuer à », an
order to act, a charge about a kind of act whatever its tense, a victim denied by its
determiner, a generic clause whose plural subject is that of a coordinated verb, and a few
habit phrases ("known for", « l'habitude de », "for a decade"). Each text opens on an invented
incident so the probed sentence is part of the narration; the probed sentence is the last one.
Places and people are invented."""

from __future__ import annotations

import pytest

from eventwire.models import EVENT_MODALITIES
from tests.extract.conftest import probed as _probed


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # a quoted description in the simple present, undated and with no figure
        ("en", '"These bandits kill innocent people and burn villages in Tarmu," the governor said.'),
        ("fr", "« Ces terroristes tuent des innocents et brûlent nos villages à Sobéra », a dit le préfet."),
        ("fr", "« Ils viennent à Sobéra, ils tirent sur tout le monde », a raconté un habitant."),
        # an incident completing a verb in the future or a near future
        ("en", '"We will continue to fight the bandits in Tarmu," the army spokesman told reporters.'),
        ("fr", "« Nous allons continuer à combattre les terroristes à Sobéra », a déclaré le porte-parole."),
        # an order to act is no act
        ("en", "The president ordered security forces to arrest the perpetrators in Tarmu."),
        ("fr", "Le président a ordonné aux forces de sécurité d'arrêter les auteurs à Sobéra."),
        # a charge about a kind of act (unnamed, uncounted victims), in a past tense too
        ("en", "Ethnic militias have been accused of massacring civilians in the Tarmu valley."),
        ("fr", "Des ONG ont accusé l'armée d'avoir tué des civils lors d'opérations à Sobéra."),
        # a victim denied by its determiner
        ("en", "The army said no soldier was killed in Tarmu."),
        ("fr", "L'armée a affirmé qu'aucun soldat n'avait été tué à Sobéra."),
        # the plural subject of the first of two coordinated verbs in the present
        ("en", "Armed groups operate in the Tarmu area and carry out attacks against the security forces."),
        # habit phrases
        ("en", "The militants are known for kidnapping foreigners in the Tarmu valley."),
        ("fr", "Les jihadistes ont pris l'habitude de poser des mines sur les routes de Sobéra."),
        ("en", "The rebels, who seized Tarmu in 2012, have been fighting the government for a decade."),
        # a present perfect progressive with no day: an ongoing state of affairs
        ("en", "The militia has been fighting the army for control of the Tarmu valley."),
    ],
)
def test_not_an_event(find_en, find_fr, lang, sentence):
    probed = _probed(find_en, find_fr, lang, sentence)
    assert all(modality not in EVENT_MODALITIES for _, modality in probed), probed


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # a quote told in a past tense, or with a day, or a figure: a report
        ("en", '"They attacked the market in Tarmu and killed my brother," a resident said.'),
        ("fr", "« Ils ont attaqué le marché de Sobéra mardi », a raconté un habitant."),
        ("en", '"Gunmen kill 12 in Tarmu," the station reported.'),
        # a progressive in a quote may tell the incident as it happens
        ("en", '"They are shooting at everybody in Tarmu," a resident said by phone on Tuesday.'),
        # a future in another clause does not reach a past incident
        ("en", "The army, which will hold a ceremony, said soldiers killed ten militants in Tarmu."),
        # a charge with counted victims: an allegation of one incident
        ("fr", "Des villageois ont accusé des soldats d'avoir tué quatre éleveurs à Sobéra."),
        # the actor denied is not the incident denied ("no group claimed the attack")
        ("en", "No group has claimed the attack on the police station in Tarmu on Tuesday."),
        # a present perfect progressive with a day: the incident as it goes on
        ("en", "Soldiers have been fighting militiamen in Tarmu since Monday, residents said."),
        # an order that does not govern the incident
        ("en", "Acting on orders from the governor, police fired tear gas at protesters in Tarmu on Tuesday."),
    ],
)
def test_still_an_event(find_en, find_fr, lang, sentence):
    probed = _probed(find_en, find_fr, lang, sentence)
    assert probed and any(modality in EVENT_MODALITIES for _, modality in probed), probed
