"""Sentences that must not become events (issue 16): modal auxiliaries, prevention verbs, tallies
told through a whole conflict or a quantity of incidents, generic statements in the present with
a plural subject, a plural incident noun after a copula or a present "where" clause, iterative
adverbs, a standing accusation in the present, and a told incident recalled after
"after". Each text opens on an invented incident so the probed sentence is part of
the narration; the probed sentence is the last one. Places and people are invented."""

from __future__ import annotations

import pytest

from eventwire.models import EVENT_MODALITIES
from tests.extract.conftest import LEAD_EN, LEAD_FR


def _last(found, text):
    last = [m for m in found if m.sentence.start >= text.rindex(". ") + 2]
    return [(m.trigger.span.text, m.modality) for m in last]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # a modal auxiliary: an incident not realized (English grammar)
        ("en", "If the talks fail, the rebels would resume their offensive on the capital."),
        ("en", "Analysts say the group might try to seize the town before the rains."),
        ("en", "The rebels said they would attack the city if the government refused to talk."),
        # an incident noun kept from happening or fought as a whole
        ("en", "The minister said troops had been deployed to the area to prevent further attacks."),
        (
            "fr",
            "Des renforts ont été dépêchés dans la zone pour prévenir de nouvelles attaques, a indiqué le ministre.",
        ),
        # a whole conflict as the subject of a toll: a tally
        ("en", "The conflict has left thousands dead and forced hundreds of thousands from their homes."),
        ("fr", "La guerre a fait plus de 10.000 morts en dix ans, selon les Nations unies."),
        # a quantity of incidents without a day: a sum, not one incident
        ("en", "The militia has carried out dozens of attacks on civilians in the province."),
        ("fr", "Le groupe a mené des dizaines d'attaques contre des civils dans la province."),
        # a running count over a period, and a toll over the first half of a year: tallies
        ("fr", "Cette attaque porte à plus de 150 le nombre de soldats tués dans la région depuis janvier."),
        ("en", "Bandits killed more than 300 people in the Tarmu valley in the first quarter."),
        # the simple present with a plural subject, undated: a generic statement
        ("fr", "Les engins explosifs improvisés font de nombreuses victimes dans la région de Sobéra."),
        ("en", "Violence has escalated in the Tarmu valley, where bandits kill and kidnap villagers."),
        # a plural incident noun completing a copula in the present, undated: a description
        ("fr", "La région de Sobéra est le théâtre d'attaques jihadistes."),
        ("fr", "Les habitants de la région de Sobéra sont victimes d'exactions de la part des groupes armés."),
        ("fr", "Les attaques de convois sont incessantes sur la route de Sobéra."),
        ("fr", "La ville de Sobéra est la cible d'attaques répétées des jihadistes."),
        # a relative clause in the present that describes a place: a habit of the place
        ("en", "On Tuesday the governor visited the Tarmu valley, where bandits kidnap travellers for ransom."),
        ("fr", "Mardi, l'armée a renforcé sa présence dans la région de Sobéra, où des milices tuent des civils."),
        # iterative adverbs
        ("en", "Time and again, bandits have attacked villages in the Tarmu valley."),
        ("fr", "Des hommes armés enlèvent fréquemment des voyageurs sur la route de Sobéra."),
        # an accusation in the present, undated: a standing charge
        ("en", "Rights groups accuse the army of killing civilians in the Tarmu valley."),
        ("fr", "Des ONG accusent l'armée d'avoir tué des civils dans la région de Sobéra."),
        # a told incident recalled after "after": what follows it is no incident
        ("fr", "Le ministre de la Défense s'est rendu à Sobéra après l'attaque."),
        ("en", "The defence minister travelled to Sobera after the attack."),
    ],
)
def test_not_an_event(find_en, find_fr, lang, sentence):
    text = (LEAD_EN if lang == "en" else LEAD_FR) + sentence
    found = (find_en if lang == "en" else find_fr)(text)
    assert all(m.modality not in EVENT_MODALITIES for m in found if m.sentence.start >= len(text) - len(sentence)), (
        _last(found, text)
    )


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # one foiled attack is an incident (Disrupted weapons use), not a prevention of attacks
        ("en", "Soldiers prevented an attack on the army base in Kerou on Tuesday."),
        # a quantity of incidents on one day is one event
        ("en", "Dozens of air strikes hit Kerou on Tuesday, residents said."),
        # weapons counted are one shelling
        ("fr", "Les rebelles ont tiré mardi des dizaines d'obus de mortier sur Kerou."),
        # a toll told as risen (no period): the incident's own toll, still a report
        ("en", "By Tuesday evening the toll in Kerou had risen to 12 dead, police said."),
        # a copula in the past with a day: a report
        ("fr", "La ville de Sobéra a été la cible d'attaques jihadistes mardi."),
        # a figure after "after the attack": the toll of the told incident
        ("en", "Two wounded villagers died in hospital after the attack in Kerou, police said."),
        # "regular" names a kind of troops, not a frequency
        ("en", "Regular troops clashed with militiamen near Kerou on Tuesday."),
        # an accusation with a day: an allegation of an incident, still a report
        ("en", "Villagers accused soldiers of killing four herders in Kerou on Tuesday."),
        # a singular subject in the present: a report ("fait état d'une attaque")
        ("fr", "Une source sécuritaire fait état d'une attaque contre le poste de Kerou mardi."),
        # "after the attack" naming another incident (another village): not a recall of the told one
        ("en", "An official said he feared a higher toll after the attack on another village on Sunday."),
        ("fr", "Un élu a dit craindre un bilan plus lourd après l'attaque d'un autre village dimanche."),
        # "être" + the participle of "mourir" (tagged a noun) is a compound past: the told toll,
        # not a description like "les attaques sont fréquentes"
        ("fr", "Deux bergers sont morts, selon une source locale."),
        ("fr", "Trois femmes sont mortes dans la soirée."),
    ],
)
def test_still_an_event(find_en, find_fr, lang, sentence):
    text = (LEAD_EN if lang == "en" else LEAD_FR) + sentence
    found = (find_en if lang == "en" else find_fr)(text)
    probed = [m for m in found if m.sentence.start >= len(text) - len(sentence)]
    assert probed and any(m.modality in EVENT_MODALITIES for m in probed), _last(found, text)
