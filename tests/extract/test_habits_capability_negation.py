"""Background, capability, ranking, denial and negation forms that tell no incident (issue 16,
item 3), and the dated incidents beside them that stay reports. Each probed sentence follows an
invented incident so it is part of the narration. Places, groups and people are invented.

- a base-form verb with its own subject is a simple present in English ("bandit gangs raid
  villages, kill residents…", tagged as infinitives): undated, a habit;
- a capability is no act ("capable of attacking", « capables de frapper »);
- an incident noun that ranks the told incident among others ("It was the third attack on the
  village in a month", « C'est la deuxième attaque de ce type en une semaine »);
- a few or a part of incidents without a day ("claimed many of the attacks", « la plupart des
  attaques », « plusieurs attaques y ont déjà été perpétrées »);
- a frame that bears on the first of two coordinated verbs bears on the second (« par le passé,
  le groupe a attaqué des bases et enlevé des étrangers »);
- a negative pronoun as subject (« personne n'a été tué »), « ne … plus »;
- a quoted present that names only a part of the day ("they come at night, they kill…");
- a background cue in an apposition describes the place, not the day's attack, and so does one
  the parser hangs elsewhere when the verb has a weekday of its own.
"""

from __future__ import annotations

import pytest

from eventwire.models import EVENT_MODALITIES
from tests.extract.conftest import probed

NOT_EVENTS = [
    # English base forms the tagger reads as infinitives
    ("en", "Bandit gangs raid villages, kill residents and abduct people for ransom."),
    ("en", "Jihadists control large parts of the country and attack civilians and soldiers."),
    # a capability
    ("en", "The militants are capable of attacking anywhere in the country."),
    ("en", "The militants have the capacity to strike anywhere in the country."),
    ("fr", "Les jihadistes sont capables de frapper partout dans le pays."),
    ("fr", "Les jihadistes ont la capacité de frapper partout dans le pays."),
    # the told incident ranked among others
    ("en", "It was the third attack on the village in a month."),
    ("fr", "Il s'agit de la troisième attaque contre ce village en un mois."),
    ("fr", "C'est la deuxième attaque de ce type en une semaine."),
    # a few or a part of incidents, no day
    ("en", "The Islamic State group has claimed responsibility for many of the attacks."),
    ("en", "The group has been responsible for some of the deadliest attacks in the country."),
    ("fr", "Le groupe a revendiqué la plupart des attaques."),
    ("fr", "Plusieurs attaques y ont déjà été perpétrées."),
    ("fr", "Le groupe est à l'origine de plusieurs attaques meurtrières dans la région."),
    # a frame shared by two coordinated verbs
    ("fr", "Par le passé, le groupe a attaqué des bases militaires et enlevé des étrangers."),
    # negation
    ("fr", "Personne n'a été tué, selon la police."),
    ("fr", "Il n'y a plus eu d'affrontements depuis l'entrée en vigueur de la trêve."),
    ("en", "Nobody was killed, the police said."),
    # a denial in the present, a prevention
    ("fr", "Moscou dément viser délibérément des civils."),
    ("en", "The army says it takes precautions to avoid civilian casualties."),
    # a place ranked by the violence it suffers
    ("en", "The Sobera region is one of the areas worst hit by jihadist violence."),
    # a plural incident noun on a present clause, with no place, day or figure: a state of affairs
    ("fr", "La population vit dans la peur des attaques jihadistes."),
    ("fr", "La région vit au rythme des attaques et des enlèvements."),
    ("en", "The army is struggling to contain the attacks."),
    # a quoted present that names a part of the day only
    ("en", '"They come at night, they kill and they burn the houses," said a resident of Sobera.'),
]

KEPT = [
    (
        "fr",
        "Des hommes armés ont attaqué lundi un poste de police à Sobéra, une région en proie aux violences depuis 2015.",
    ),
    ("en", "On Sunday, militants attacked an army post in Sobera, a region plagued by violence since 2012."),
    ("en", "Several attacks hit villages around Sobera on Sunday, killing twelve people."),
    ("fr", "Plusieurs attaques ont visé dimanche des villages autour de Sobéra, faisant douze morts."),
    ("fr", "Lundi, plusieurs attaques ont frappé les environs de Sobéra."),
    ("en", "Nobody was hurt when a bomb exploded in Sobera market on Monday."),
    ("fr", "Des jihadistes ont attaqué lundi Sobéra et enlevé trois élus."),
    ("en", "Jihadists attacked Sobera on Monday and abducted three officials."),
    ("fr", "Dimanche, des jihadistes, qui attaquent régulièrement la zone, ont tué dix villageois à Sobéra."),
    ("en", "Gunmen attacked Sobera, a town regularly targeted by jihadists, on Monday, killing four."),
    # a reporting verb in the present gives the day's fighting
    ("fr", "Un responsable local fait état de combats violents."),
    ("fr", "Les habitants racontent des scènes de pillages."),
]


@pytest.mark.parametrize(("lang", "sentence"), NOT_EVENTS)
def test_statement_tells_no_incident(find_en, find_fr, lang, sentence):
    found = probed(find_en, find_fr, lang, sentence)
    assert all(modality not in EVENT_MODALITIES for _, modality in found), found


@pytest.mark.parametrize(("lang", "sentence"), KEPT)
def test_dated_incident_beside_it_stays_a_report(find_en, find_fr, lang, sentence):
    found = probed(find_en, find_fr, lang, sentence)
    assert any(modality in EVENT_MODALITIES for _, modality in found), found
