"""Casualty constructions read by eventwire.normalize.casualties (issue 16): enumerated victims,
present-tense and object-first death phrases, numbered-only verbs, animals, dates with slashes,
partitives and risen tolls. Invented sentences, French and English."""

import pytest

from eventwire.normalize.casualties import count_casualties


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        # the victims listed after the dead are summed
        ("en", "Among the dead were two soldiers and three children.", 5),
        ("en", "The dead included two soldiers and three children.", 5),
        ("en", "Among the dead, two soldiers and three children.", 5),
        ("en", "The victims were a soldier and two police officers.", 3),
        ("fr", "Parmi les morts figurent deux soldats et trois enfants.", 5),
        ("fr", "Parmi les morts, deux gendarmes et trois bergers.", 5),
        ("fr", "Les victimes sont deux femmes et un enfant.", 3),
        # ... but after a toll in the same sentence they are a part of it
        ("en", "Twelve people were killed; among the dead were two soldiers and three children.", 12),
        ("fr", "Douze personnes ont été tuées, parmi les morts, deux soldats et trois enfants.", 12),
        # "the victims" with no number tells no death
        ("en", "Two people were injured. The victims were taken to hospital.", 0),
        ("fr", "Les victimes sont des civils.", 0),
    ],
)
def test_enumerated_victims_are_summed(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        ("en", "Two people die in clashes with police in the town.", 2),
        ("en", "One of the four guards succumbed to his wounds.", 1),
        ("fr", "Deux des cinq soldats sont morts.", 2),
        ("en", "Vigilantes lynch four suspected thieves.", 4),
        ("en", "Villagers beat three youths to death after a quarrel.", 3),
        ("en", "The court sentenced him to death.", 0),
        ("en", "Soldiers executed seven civilians in the village.", 7),
        ("en", "The army executed a raid on the camp.", 0),
        ("fr", "Des soldats ont exécuté sept civils au village.", 7),
        ("fr", "L'armée a exécuté une opération près du camp.", 0),
        ("en", "Two men were shot dead while police stopped a mob trying to lynch two women.", 2),
        # "lynch" as the noun of a mob is no death
        ("en", "Officers held back an angry lynch mob outside the station.", 0),
    ],
)
def test_death_phrases_of_notes_and_headlines(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        ("en", "Gunmen killed three cattle and wounded a herder.", 0),
        ("en", "Gunmen killed two herders and three cattle.", 2),
        ("en", "Militiamen kill a goat herder near the river.", 1),
        ("en", "Villagers caught and lynched three alleged cattle rustlers.", 3),
        ("fr", "Les assaillants ont tué trois bœufs et deux chèvres.", 0),
        ("fr", "Des hommes armés ont tué deux bergers et trois bœufs.", 2),
    ],
)
def test_animals_killed_are_no_fatalities(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        ("en", "Gunmen attacked soldiers on 06/12, seven soldiers killed.", 7),
        ("en", "A chief was killed on 03/07 by gunmen.", 1),
        ("en", "Gunmen attacked the market (near the second bridge 2), two were killed.", 2),
        ("fr", "Des hommes armés ont attaqué le poste le 06/12, sept soldats tués.", 7),
    ],
)
def test_dates_and_brackets_add_no_victims(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        ("en", "Gunmen killed a farmer and her daughter at the well.", 2),
        ("en", "Attackers hacked to death a teacher and his nephew at the school.", 2),
        ("en", "Gunmen killed a herder and wounded two others.", 1),
        ("fr", "Des hommes armés ont tué un berger et sa fille.", 2),
        ("fr", "Des hommes armés ont tué un berger et blessé deux autres.", 1),
    ],
)
def test_an_article_and_a_second_singular_victim_count_two(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "text,fatalities",
    [
        ("The overall toll of the ambush on the convoy rose to 14 on Sunday, officials said.", 14),
        ("The death toll from Saturday's attack on the market has risen to 14.", 14),
    ],
)
def test_a_risen_toll_reads_its_number_after_the_verb(text, fatalities):
    assert count_casualties(text, lang="en").fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        # an article counted as one opens a list of victims
        ("en", "A soldier, two women and three children were killed.", 6),
        ("fr", "Un soldat, deux femmes et trois enfants ont été tués.", 6),
        # ... but not the article of a place
        ("en", "In a village, 12 soldiers were killed.", 12),
        ("fr", "Dans un village, 12 soldats ont été tués.", 12),
        # the victims listed before the dead
        ("fr", "Deux soldats et trois enfants figurent parmi les victimes.", 5),
        ("fr", "Deux soldats et trois enfants sont au nombre des victimes.", 5),
        ("fr", "On dénombre parmi les morts deux soldats et trois civils.", 5),
        # bodies counted, not an army corps
        ("fr", "« Nous avons enterré 35 corps », a déclaré un élu local.", 35),
        ("fr", "Le 3e corps d'armée a été déployé.", 0),
    ],
)
def test_lists_of_victims_in_every_order(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        # one person named, or found dead in the singular
        ("en", "The village chief, Amadou Kolo, was found dead beside the well.", 1),
        ("en", "Police shot dead wanted militia leader Kolo Bera Tama on Monday.", 1),
        ("en", "Gunmen shot and killed Amadou Kolo in the market.", 1),
        ("fr", "Le gardien a été retrouvé mort dans sa maison.", 1),
        # a group or a single ethnic word is no one person: ACLED's default stands
        ("en", "Gunmen killed Fulani in the village.", 3),
        ("en", "Soldiers killed Kolo Bera militants near the border.", 3),
        ("en", "Two men were found dead near the river.", 2),
    ],
)
def test_a_named_or_found_victim_counts_one(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities
