"""Toll wordings read by eventwire.normalize.casualties (issue 16, session 15): a total broken
down, a count of either deaths or injuries, a tally with an aside, listed verbs sharing their
auxiliary, "both", an elided side ("as was one of"), and death phrases ("fatally", "tortured to
death", "lynching", "run for their lives"). Invented sentences, French and English."""

import pytest

from eventwire.normalize.casualties import count_casualties


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        # a total, then the parts that break it down: the total (not 10)
        (
            "en",
            (
                "Rebels said five guards were killed in the raid, three were killed at the depot while two "
                "other guards were killed in an ambush."
            ),
            5,
        ),
        (
            "fr",
            (
                "Six gardes ont été tués lors du raid, quatre ont été tués au dépôt et deux autres ont été tués "
                "dans une embuscade."
            ),
            6,
        ),
        # the sides of a fight still add up when no toll is their sum
        ("en", "Three soldiers were killed, two civilians were killed and six raiders were killed.", 11),
    ],
)
def test_a_total_broken_down_is_counted_once(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        ("en", "Four rebels were reportedly killed, wounded or arrested in a sweep of Kolo.", 0),
        ("en", "Twelve people were injured or killed in the blast at Bera.", 0),
        ("en", "Gunmen killed or wounded 12 villagers in Dama.", 0),
        ("fr", "Trois rebelles ont été tués ou blessés près de Kolo.", 0),
        # "and" joins two tolls; "no one ... killed or injured" says nobody died
        ("en", "Two were killed and five wounded in Bera.", 2),
        ("en", "Luckily, nobody was killed or wounded in the Bera fire.", 0),
    ],
)
def test_a_count_of_deaths_or_another_outcome_is_no_toll(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


def test_a_tally_with_an_aside_after_its_toll_is_no_event_toll():
    text = "Mourners honoured 25 herders slain, many of them boys, over six weeks of raids."
    assert count_casualties(text, lang="en").fatalities == 0
    assert count_casualties("Gunmen killed 12 people, mostly herders, in Kolo on Monday.", lang="en").fatalities == 12


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        # listed participles share the singular auxiliary: one victim
        ("en", "A teacher was abducted, tortured and killed by gunmen near Kolo.", 1),
        ("en", "A trader was kidnapped, murdered and dumped in a river.", 1),
        ("fr", "Un enseignant a été enlevé, torturé et tué près de Kolo.", 1),
        # "both" counts two, not two kinds of victims
        ("en", "Both men (who were cousins) were killed in the attack.", 2),
        ("en", "Both of the guards were killed.", 2),
        ("en", "Both soldiers and civilians were killed in Bera.", 3),
        # a side told again by an ellipsis adds up
        ("en", "Two farmers were killed, as were three raiders.", 5),
        ("en", "Two soldiers were killed, as were five rebels.", 7),
        ("en", "The vote was held, as was reported, 5 days late.", 0),
    ],
)
def test_the_grammar_of_the_victims_gives_their_number(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        ("en", "The district clerk was tortured to death.", 1),
        ("fr", "Le greffier a été torturé à mort.", 1),
        ("en", "Residents retaliated by lynching the thief.", 1),
        ("fr", "Le lynchage d'un voleur présumé a eu lieu à Kolo.", 1),
        ("en", "Two men were fatally assaulted by residents of Bera.", 2),
        ("en", "A guard fatally shot a trader in Kolo.", 1),
        ("fr", "Deux passants ont été mortellement blessés à Kolo.", 2),
        ("en", "Police fired at stone throwers, leading to death of one protester.", 1),
        ("en", "Hunters discovered the mutilated body of a herder near Kolo.", 1),
        # a flight, not a death
        ("en", "Traders were forced to run for their lives.", 0),
        ("en", "Villagers fled for their lives when gunmen arrived.", 0),
    ],
)
def test_death_phrases(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        # a suicide bomber's own death counts (ACLED counts the perpetrators' deaths too)
        ("en", "The bomber blew himself up at the gate of the Kolo barracks.", 1),
        ("en", "Two bombers blew themselves up at the Bera market, killing 9 people.", 11),
        ("fr", "Le kamikaze s'est fait exploser près du poste de Kolo.", 1),
        ("fr", "Deux kamikazes se sont fait exploser au marché de Bera.", 2),
    ],
)
def test_a_suicide_bombers_own_death_counts(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        # an additive phrase joins two figures as "and" does (a language regularity)
        ("en", "Gunmen attacked the bus, killing four passengers as well as two policemen.", 6),
        ("en", "The blast killed three traders along with one soldier.", 4),
        ("fr", "Les assaillants ont tué quatre passagers ainsi que deux gendarmes.", 6),
        # the second figure counts another outcome: still the dead only
        ("en", "Two people were killed as well as three wounded.", 2),
        ("fr", "Deux civils ont été tués ainsi que trois blessés.", 2),
    ],
)
def test_an_additive_phrase_adds_the_figures(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


@pytest.mark.parametrize(
    "lang,text,fatalities",
    [
        # French: a number then "des" is a part of a group ("deux des assaillants"), not the
        # vague plural "des civils" that gives ACLED's default of 3
        ("fr", "Deux des assaillants ont été tués.", 2),
        ("fr", "Quatre des villageois ont été tués par les assaillants.", 4),
        ("en", "Two of the attackers were killed.", 2),
        # the vague plural alone still gives the default
        ("fr", "Des civils ont été tués lors de l'attaque.", 3),
    ],
)
def test_a_part_of_a_group_counts_its_number(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


def test_either_outcome_read_before_the_death_word_with_or_without_a_list_end() -> None:
    """A list joined by "or" before the death word makes its count one of either outcome; a
    window that does not end on "or"/"ou" holds no such list (invented sentences)."""
    from eventwire.normalize.casualties import count_casualties

    assert count_casualties("Twelve people were injured or killed in Kolo.", lang="en").fatalities == 0
    assert count_casualties("Twelve people were injured, or killed, in Kolo.", lang="en").fatalities == 0
    assert count_casualties("Gunmen in Kolo, north of Bera, killed twelve villagers.", lang="en").fatalities == 12
