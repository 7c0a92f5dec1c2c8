"""Victims counted with a word of the wounded or the abducted who then die (issue 16), the
article of a qualifier ("a total of 20"), coordination past a subset aside, French death
participles after an adverb, and dozens ("two dozen" 24, "several dozen" 12 as ACLED's
"dozens"). Invented sentences, French and English."""

import pytest

from eventwire.normalize.casualties import count_casualties


@pytest.mark.parametrize(
    "text,lang,killed",
    [
        ("Deux soldats blessés ont succombé mardi à leurs blessures.", "fr", 2),
        ("Deux des otages ont été tués.", "fr", 2),
        ("Deux des otages sont morts.", "fr", 2),
        ("Les trois otages enlevés ont été exécutés.", "fr", 3),
        ("Cinq personnes ont été enlevées puis tuées.", "fr", 5),
        ("Two wounded soldiers later succumbed to their injuries.", "en", 2),
        ("Two of the hostages died.", "en", 2),
        ("Two hostages were killed.", "en", 2),
        ("Five people were kidnapped and killed.", "en", 5),
    ],
)
def test_victims_described_as_wounded_or_abducted_who_die_are_counted(text, lang, killed):
    got = count_casualties(text, lang=lang)
    assert (got.fatalities, got.method) == (killed, "figures")
    assert got.injuries is None and got.abducted is None


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Douze soldats ont été blessés et des civils tués.", "fr"),
        ("Douze soldats ont été blessés, des civils tués.", "fr"),
    ],
)
def test_wounded_and_dead_of_different_people_stay_apart(text, lang):
    got = count_casualties(text, lang=lang)
    assert (got.fatalities, got.injuries) == (3, 12)  # the dead have no number: ACLED's default


def test_the_object_of_a_kidnapping_verb_is_not_the_count_of_the_dead():
    got = count_casualties("Villagers said the herder accused of abducting a girl was executed on Sunday.", lang="en")
    assert (got.fatalities, got.method) == (1, "singular_death")


def test_twelve_wounded_or_killed_is_no_known_death():
    assert count_casualties("Twelve people were wounded or killed.", lang="en").fatalities == 0


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked two villages near Gao on Monday, killing a total of 20 civilians.",
        "The blast killed an estimated 20 people.",
    ],
)
def test_the_article_of_a_qualifier_is_no_victim(text):
    assert count_casualties(text, lang="en").fatalities == 20


def test_an_article_still_counts_one_victim():
    assert count_casualties("Gunmen killed a trader.", lang="en").fatalities == 1


@pytest.mark.parametrize(
    "text,lang,killed",
    [
        ("Fifteen rebels, including their leader, and three guards died in the fighting.", "en", 18),
        ("Four traders, including a woman, as well as two guards lost their lives.", "en", 6),
        ("Four traders (including a woman) along with two guards lost their lives.", "en", 6),
        ("Au moins 4 civils, dont un journaliste, ainsi que 2 policiers ont été tués lundi.", "fr", 6),
        ("Gunmen killed 12 people, including 3 children, and 5 soldiers.", "en", 17),
        ("Douze personnes, dont trois enfants, ont été tuées.", "fr", 12),
    ],
)
def test_coordination_reads_past_an_aside_that_counts_a_part(text, lang, killed):
    assert count_casualties(text, lang=lang).fatalities == killed


def test_an_aside_before_another_outcome_adds_nothing():
    got = count_casualties("Gunmen killed 12 people, including 3 children, and wounded 5.", lang="en")
    assert (got.fatalities, got.injuries) == (12, 5)


@pytest.mark.parametrize(
    "text,killed",
    [
        ("Un civil a également péri dans l'attaque.", 1),
        ("Deux soldats ont eux aussi perdu la vie.", 2),
        ("Deux civils ont également trouvé la mort dans l'explosion.", 2),
        ("Douze soldats ont péri.", 12),
    ],
)
def test_french_death_participles_after_an_adverb(text, killed):
    assert count_casualties(text, lang="fr").fatalities == killed


@pytest.mark.parametrize(
    "text,killed",
    [
        ("Nearly two dozen soldiers were killed in the ambush.", 24),
        ("Several dozen civilians were killed.", 12),
        ("A dozen people were killed and two dozen injured.", 12),
    ],
)
def test_dozens_multiplied_and_vague(text, killed):
    assert count_casualties(text, lang="en").fatalities == killed
