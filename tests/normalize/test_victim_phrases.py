"""Victims' noun phrases that hold a number which is no head count: an age, a family's size, an
ordinal; the ways of killing put with "to death" / "à mort"; bodies found; communiqué infinitives
of "neutraliser". Sentences and places are invented."""

from __future__ import annotations

import pytest

from eventwire.normalize.casualties import count_casualties
from eventwire.normalize.victim_phrases import blank_ages, ordinal_after, tells_ordinal_death


@pytest.mark.parametrize(
    ("lang", "text", "fatalities"),
    [
        # an age before the noun: the article counts the victim
        ("en", "In Kolo village, a 48-year-old farmer died from a landmine explosion.", 1),
        ("en", "Raiders shot dead a two years old child and wounded four herders at the well.", 1),
        ("fr", "Des hommes armés ont tué un garçon de 12 ans à Kolo.", 1),
        # a family counted by its size
        ("en", "Shells fired by rebels killed a family of five in Kolo town.", 5),
        ("fr", "Des hommes armés ont tué une famille de cinq personnes à Kolo.", 5),
        # an ordinal: the standing toll, not one more to add
        ("en", "Three men were killed and a fourth died later in hospital.", 4),
        ("fr", "Une quatrième victime a succombé à ses blessures à l'hôpital.", 4),
        ("en", "It was the second attack this month, killing two soldiers.", 2),
        # a way of killing before its object and "to death" / with "à mort"
        ("en", "A man stabbed a trader to death in Kolo market.", 1),
        ("en", "Vigilantes kicked a suspected pickpocket to death near the bus park.", 1),
        ("en", "The court sentenced a man to death in Kolo.", 0),
        ("en", "A judge condemned a soldier to death in Kolo.", 0),
        ("fr", "Des habitants ont battu à mort un voleur présumé à Kolo.", 1),
        ("fr", "Un voleur présumé a été battu à mort à Kolo.", 1),
        ("fr", "Deux voleurs ont été lynchés à mort par la foule à Kolo.", 2),
        ("fr", "Le tribunal a condamné à mort trois hommes.", 0),
        # one body found is one death
        ("en", "The body of a fisherman was pulled from the lake near Kolo.", 1),
        ("en", "The body of the missing teacher was found in Kolo.", 1),
        ("en", "His body was discovered under a bridge.", 1),
        ("fr", "Le corps sans vie d'un commerçant a été retrouvé près de Kolo.", 1),
        ("fr", "Le corps de l'enseignant enlevé a été retrouvé près de Kolo.", 1),
        ("fr", "Son corps a été retrouvé dans un puits.", 1),
        ("fr", "Le corps d'armée a lancé une offensive près de Kolo.", 0),
        # nobody reported hurt
        ("en", "Gunmen fired at a patrol in Kolo. Nobody was reported injured or killed at the depot.", 0),
        # the infinitive of a communiqué
        ("fr", "L'armée affirme avoir neutralisé six assaillants lors de la riposte.", 6),
        ("fr", "La riposte a permis de neutraliser 20 terroristes.", 20),
        ("en", "The troops repelled the attack, neutralising 20 terrorists.", 20),
        ("en", "The army managed to neutralise a bomb.", 0),
        ("fr", "L'armée a réussi à neutraliser un engin explosif.", 0),
        # "over" before a number is its qualifier, not a cause ("protested over the deaths of")
        ("en", "Over 20 villagers were killed in the raid.", 20),
        ("en", "Over a dozen people were killed near the ferry.", 12),
        ("en", "Students protested over the deaths of two classmates.", 0),
        # the other side of a toll, its death word not repeated
        ("fr", "L'attaque a fait 12 morts parmi les soldats et 5 parmi les assaillants.", 17),
        ("fr", "Le bilan fait état de trois morts côté armée et de neuf côté jihadiste.", 12),
        ("en", "The clash left four dead among the police and two among the attackers.", 6),
        ("fr", "Douze soldats ont été tués, dont trois parmi les officiers et deux parmi les sous-officiers.", 12),
        ("fr", "L'attaque a fait 12 morts parmi les soldats et 5 blessés parmi les civils.", 12),
        # a toll brought to its new total by the deaths just told
        ("en", "Two more bodies were found on Tuesday, bringing the death toll to 14.", 14),
        ("fr", "Deux autres corps ont été retrouvés mardi, ce qui porte le bilan à 14 morts.", 14),
    ],
)
def test_victim_phrases_give_the_toll(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


def test_blank_ages_keeps_the_length_and_the_article():
    folded = "a 48-year-old farmer and a six month old baby died"
    blanked = blank_ages(folded, "en")
    assert len(blanked) == len(folded)
    assert blanked.split() == ["a", "farmer", "and", "a", "baby", "died"]


def test_ordinals_after_an_article():
    assert ordinal_after("a fourth person died", 1, "en") == 4
    assert ordinal_after("une quatrieme victime", 3, "fr") == 4
    assert ordinal_after("a farmer died", 1, "en") is None
    assert tells_ordinal_death("A third victim died in hospital.", "en")
    assert not tells_ordinal_death("Three victims died in hospital.", "en")
