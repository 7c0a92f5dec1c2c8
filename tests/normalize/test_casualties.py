"""Tests for eventwire.normalize.casualties: hand-written sentences, French and English."""

import pytest

from eventwire.errors import DataFileError
from eventwire.lang.numbers import parse_number, parse_number_lexicon
from eventwire.models import Span
from eventwire.normalize.casualties import count_casualties


def span_of(text, fragment):
    start = text.index(fragment)
    return Span(start, start + len(fragment), fragment)


@pytest.mark.parametrize(
    "phrase,lang,value",
    [
        ("deux", "fr", 2),
        ("onze", "fr", 11),
        ("vingt-trois", "fr", 23),
        ("soixante-et-onze", "fr", 71),
        ("quatre-vingt-dix-neuf", "fr", 99),
        ("deux cent cinquante", "fr", 250),
        ("une vingtaine", "fr", 20),
        ("une dizaine", "fr", 10),
        ("des dizaines", "fr", 10),
        ("des centaines", "fr", 100),
        ("2 500", "fr", 2500),
        ("au moins 12", "fr", 12),
        ("twenty-three", "en", 23),
        ("two hundred and five", "en", 205),
        ("dozens", "en", 12),
        ("a dozen", "en", 12),
        ("two dozen", "en", 24),
        ("several dozen", "en", 12),
        ("a few dozen", "en", 12),
        ("scores", "en", 20),
        ("tens", "en", 10),
        ("hundreds", "en", 100),
        ("1,200", "en", 1200),
        ("at least 12", "en", 12),
        ("between 10 and 15", "en", 10),
    ],
)
def test_parse_number_reads_words_digits_and_acled_vague_quantities(phrase, lang, value):
    assert parse_number(phrase, lang) == value


@pytest.mark.parametrize("phrase,lang", [("mercredi", "fr"), ("des", "fr"), ("soldiers", "en"), ("", "en")])
def test_parse_number_returns_none_for_non_numbers(phrase, lang):
    assert parse_number(phrase, lang) is None


def test_count_casualties_approximate_french():
    got = count_casualties("Une vingtaine de civils tués lors de l'attaque du marché.", lang="fr")
    assert (got.fatalities, got.fatalities_low, got.fatalities_high) == (20, 20, 20)
    assert got.method == "figures"
    assert got.spans[0].text == "Une vingtaine de civils tués"


def test_count_casualties_dozens_is_twelve():
    assert count_casualties("Dozens killed as gunmen stormed the town.", lang="en").fatalities == 12


def test_count_casualties_hundreds_is_hundred():
    assert count_casualties("Le bombardement a fait des centaines de morts.", lang="fr").fatalities == 100


def test_count_casualties_at_least_is_the_number():
    got = count_casualties("At least 12 soldiers were killed in the ambush.", lang="en")
    assert got.fatalities == 12


def test_count_casualties_keeps_injuries_apart():
    got = count_casualties("Au moins 12 soldats ont été tués et 20 autres blessés.", lang="fr")
    assert (got.fatalities, got.injuries) == (12, 20)
    got = count_casualties("Gunmen killed 12 people and injured 20 others.", lang="en")
    assert (got.fatalities, got.injuries) == (12, 20)
    got = count_casualties("The blast killed at least 5, wounding 7.", lang="en")
    assert (got.fatalities, got.injuries) == (5, 7)


def test_count_casualties_only_injuries_means_no_deaths():
    got = count_casualties("Trois policiers ont été blessés.", lang="fr")
    assert (got.fatalities, got.injuries) == (0, 3)


def test_count_casualties_range_keeps_low_and_high():
    got = count_casualties("Between 10 and 15 people were killed.", lang="en")
    assert (got.fatalities, got.fatalities_low, got.fatalities_high) == (10, 10, 15)
    got = count_casualties("Entre 10 et 15 personnes ont péri.", lang="fr")
    assert (got.fatalities, got.fatalities_low, got.fatalities_high) == (10, 10, 15)


def test_count_casualties_conflicting_sentences_take_lowest():
    text = "L'attaque a fait 10 morts. Selon une autre source, 11 personnes ont été tuées."
    got = count_casualties(text, lang="fr")
    assert (got.fatalities, got.fatalities_low, got.fatalities_high) == (10, 10, 11)
    assert [s.text for s in got.spans] == ["10 morts", "11 personnes ont été tuées"]


def test_count_casualties_sums_coordinated_numbers():
    got = count_casualties("Deux soldats et trois civils ont été tués.", lang="fr")
    assert got.fatalities == 5


def test_count_casualties_french_death_idioms():
    assert count_casualties("Onze personnes ont perdu la vie.", lang="fr").fatalities == 11
    assert count_casualties("Vingt-trois passagers ont péri.", lang="fr").fatalities == 23
    assert count_casualties("Un soldat a été tué.", lang="fr").fatalities == 1
    assert count_casualties("A soldier was killed and two were wounded.", lang="en").fatalities == 1


def test_count_casualties_no_casualties_phrases_give_zero():
    for text, lang in [
        ("L'engin a explosé sans faire de victime.", "fr"),
        ("L'attaque a été repoussée sans faire de blessé.", "fr"),
        ("The rocket caused no casualties.", "en"),
    ]:
        got = count_casualties(text, lang=lang)
        assert (got.fatalities, got.injuries, got.method) == (0, 0, "no_casualties_phrase"), text


def test_count_casualties_minor_injuries_have_unknown_count():
    for text, lang in [
        ("Deux soldats ont subi des blessures mineures.", "fr"),
        ("Several soldiers suffered minor injuries.", "en"),
    ]:
        got = count_casualties(text, lang=lang)
        assert (got.fatalities, got.injuries) == (0, None), text


def test_count_casualties_unnumbered_deaths_count_three():
    for text, lang in [
        ("Des hommes armés ont tué des villageois.", "fr"),
        ("L'attaque a fait plusieurs morts.", "fr"),
        ("An attack killed civilians in the village.", "en"),
    ]:
        got = count_casualties(text, lang=lang)
        assert got.fatalities == 3, text
        assert got.method == "unnumbered_deaths_default"
        assert got.fatalities_low is None and got.reason


def test_count_casualties_nothing_said_is_zero_with_reason():
    got = count_casualties("Des manifestants ont bloqué la route.", lang="fr")
    assert (got.fatalities, got.method, got.reason) == (0, "none", "no deaths reported")
    assert got.injuries is None


def test_count_casualties_abducted_and_arrested():
    got = count_casualties("Cinq personnes ont été enlevées et deux suspects arrêtés.", lang="fr")
    assert (got.abducted, got.arrested, got.fatalities) == (5, 2, 0)
    got = count_casualties("Gunmen kidnapped 14 students; police arrested three suspects.", lang="en")
    assert (got.abducted, got.arrested) == (14, 3)


def test_count_casualties_reads_only_the_given_spans():
    text = (
        "Quelque 1800 militaires sont déployés dans la province, où les combats ont causé des milliers "
        "de morts depuis 2012. Mardi, deux soldats ont été tués dans une embuscade."
    )
    got = count_casualties(
        text,
        lang="fr",
        spans=[span_of(text, "Mardi, deux soldats ont été tués dans une embuscade.")],
    )
    assert (got.fatalities, got.fatalities_low, got.fatalities_high) == (2, 2, 2)
    assert got.spans[0].text == text[got.spans[0].start : got.spans[0].end] == "deux soldats ont été tués"


def test_count_casualties_troop_numbers_are_not_casualties():
    got = count_casualties("Quelque 2500 militaires sont déployés.", lang="fr")
    assert (got.fatalities, got.injuries, got.method) == (0, None, "none")


def test_count_casualties_ages_and_dates_are_not_counts():
    got = count_casualties("A 38-year-old woman and her 9-year-old daughter were killed on 3 May.", lang="en")
    assert got.fatalities == 2  # no head count stated: two singular victims joined by "and"
    got = count_casualties("Several 20-year-old men were killed on 3 May.", lang="en")
    assert got.fatalities == 3  # reported deaths, but no head count stated
    got = count_casualties("Le 12 mars, trois civils ont été tués.", lang="fr")
    assert got.fatalities == 3 and got.spans[0].text == "trois civils ont été tués"


def test_parse_number_lexicon_rejects_unknown_outcome_naming_line(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text(
        "language: xx\nunits: {un: 1}\nmultipliers: {cent: 100}\napproximate: {dizaine: 10}\n"
        "casualties:\n  maimed:\n    before: [x]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"xx.yaml:6: maimed"):
        parse_number_lexicon(path)


@pytest.mark.parametrize(
    "text,killed",
    [
        ("On December 27 2019, 2 soldiers were killed near the border.", 2),
        ("On December 27, 2019, 2 soldiers were killed near the border.", 2),
        ("Around Sept 17th 2019, four herders were killed by gunmen.", 4),
    ],
)
def test_count_casualties_the_year_after_a_day_is_no_count(text, killed):
    # "December 27 2019, 2 soldiers": the year is the date's, not 2,019 more dead
    assert count_casualties(text, lang="en").fatalities == killed


def test_count_casualties_day_after_month_name_is_not_a_count():
    got = count_casualties("Two people were killed on May 3.", lang="en")
    assert got.fatalities == 2


@pytest.mark.parametrize(
    "text,lang,killed",
    [
        # a date inside the casualty phrase does not hide the figure
        ("Deux jours de deuil débutent après la mort ce jeudi 4 juin de 12 villageois.", "fr", 12),
        ("They mourned the deaths on Thursday, June 4 of 12 villagers.", "en", 12),
        # "a"/"un" after a preposition is an article, not one victim
        ("At least 11 passengers onboard a bus were on Friday evening killed by gunmen.", "en", 11),
        ("Au moins 11 passagers à bord d'un car ont été tués vendredi soir.", "fr", 11),
        ("Onze civils dans un car ont été tués vendredi.", "fr", 11),
        # the article alone still counts one
        ("A soldier was killed on Friday.", "en", 1),
        ("Un soldat a été tué vendredi.", "fr", 1),
    ],
)
def test_count_casualties_reads_through_dates_and_articles(text, lang, killed):
    assert count_casualties(text, lang=lang).fatalities == killed


def test_the_bodies_of_n_people_are_n_dead():
    from eventwire.normalize.casualties import count_casualties

    assert count_casualties("The bodies of at least 14 fishermen were found on the shore.", lang="en").fatalities == 14
    assert count_casualties("Les corps sans vie de cinq bergers ont été retrouvés.", lang="fr").fatalities == 5


def test_count_casualties_un_meme_is_the_same_not_one():
    # "un(e) même X" means "the same X": the head count before it is the toll
    text = "« Cinq membres d'une même famille ont été tués » lors du raid, selon un élu."
    assert count_casualties(text, lang="fr").fatalities == 5


@pytest.mark.parametrize(
    "text,killed,method",
    [
        # the verb names how the person was killed: a death with its count
        ("Residents beat to death a suspected thief near the market.", 1, "figures"),
        ("Two herders were lynched by an angry crowd.", 2, "figures"),
        ("Gunmen beheaded three farmers in their fields.", 3, "figures"),
        ("A village chief was hacked to death at dawn.", 1, "figures"),
        ("The councillor was assassinated outside his home.", 1, "singular_death"),
        ("The victim died on the way to hospital.", 1, "singular_death"),
        # "executed" is a death only as the victims' passive
        ("Five captives were executed by the militia.", 5, "figures"),
        ("The army executed a raid on the camp.", 0, "none"),
        # a toll saying no death was reported
        ("The shelling did not result in any deaths, officials said.", 0, "no_casualties_phrase"),
        ("Neither fatalities nor injuries were reported.", 0, "no_casualties_phrase"),
    ],
)
def test_count_casualties_killing_verbs_and_tolls_without_deaths(text, killed, method):
    got = count_casualties(text, lang="en")
    assert (got.fatalities, got.method) == (killed, method)


def test_count_casualties_is_remembered_per_regions():
    text = "Three soldiers were killed. Five civilians were wounded."
    first, second = Span(0, 27, text[:27]), Span(28, len(text), text[28:])
    killed = count_casualties(text, lang="en", spans=[first])
    assert killed.fatalities == 3
    assert count_casualties(text, lang="en", spans=[first]) is killed  # read once
    wounded = count_casualties(text, lang="en", spans=[second])
    assert (wounded.fatalities, wounded.injuries) == (0, 5)
    assert count_casualties(text, lang="en").fatalities == 3


def test_count_casualties_ignores_a_figure_no_incident_has():
    # fuzzing (benchmarks/fuzz.py): a 30-digit toll overflowed the store's 64-bit integers
    got = count_casualties("Gunmen attacked the town, killing 999999999999999999999999999999 people.", lang="en")
    assert got.fatalities is None or got.fatalities <= 100_000
    assert count_casualties("Gunmen killed 40000 people in the town.", lang="en").fatalities == 40000


def test_il_y_a_un_mort_counts_one_victim_fr():
    # invented: "a" of "il y a" is the verb, not the preposition "à": its article counts one ("y a un")
    c = count_casualties("Dans le camp, il y a un tué parmi les gendarmes.", lang="fr")
    assert c.fatalities == 1
    assert count_casualties("Il y a un camp militaire près de Kolo.", lang="fr").fatalities == 0


@pytest.mark.parametrize(
    ("lang", "text", "fatalities"),
    [
        # invented: deaths told as many without a number are ACLED's major attack (10)
        ("en", "Many rebels were killed during the army operation.", 10),
        ("en", "Gunmen killed many villagers near the market.", 10),
        ("fr", "L'attaque du camp a fait de nombreux morts.", 10),
        ("fr", "Les assaillants ont tué de nombreux civils.", 10),
        # a limited attack keeps 3; "many" about others than the victims is no toll's word
        ("en", "Several people were killed.", 3),
        ("en", "Many residents fled after gunmen killed villagers.", 3),
        ("fr", "Des civils ont été tués.", 3),
    ],
)
def test_deaths_told_as_many_count_ten(lang, text, fatalities):
    assert count_casualties(text, lang=lang).fatalities == fatalities


def test_count_casualties_reads_french_death_words_of_every_form():
    assert count_casualties("Le raid a causé la mort d'au moins 16 bergers.", lang="fr").fatalities == 16
    assert count_casualties("Vingt-six villageoises sont mortes dans l'incendie.", lang="fr").fatalities == 26
    assert count_casualties("Les assaillants ont égorgé 7 éleveurs.", lang="fr").fatalities == 7
    assert count_casualties("Le nombre de morts est passé à 33 mardi.", lang="fr").fatalities == 33
    assert count_casualties("Ils ont commis le massacre de 8 hommes et 3 femmes.", lang="fr").fatalities == 11
    # "massacres" is also the plural noun: no death told by it alone
    assert count_casualties("Les massacres de 2009 restent impunis.", lang="fr").fatalities == 0


def test_count_casualties_reads_a_number_across_an_aside_on_the_victims():
    text = "Au moins 27 éleveurs, des jeunes pour la plupart, ont été tués."
    assert count_casualties(text, lang="fr").fatalities == 27
    assert count_casualties("Nineteen guards (among them two officers) were killed.", lang="en").fatalities == 19
    # a clause between the number and the deaths is no aside
    text = "14 guards were posted, a resident said, and herders were killed."
    assert count_casualties(text, lang="en").fatalities == 3


def test_count_casualties_reads_the_total_before_an_aside_counting_a_part():
    assert count_casualties("Fifteen herders, three of them boys, were killed.", lang="en").fatalities == 15
    text = "Au moins 31 villageois, surtout des jeunes éleveurs, ont été tués."
    assert count_casualties(text, lang="fr").fatalities == 31
