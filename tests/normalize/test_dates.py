"""Tests for eventwire.normalize.dates: hand-written sentences, French and English."""

from datetime import date

import pytest

from eventwire.errors import DataFileError
from eventwire.lang.time_words import parse_time_lexicon
from eventwire.models import Span
from eventwire.normalize.dates import find_time_expressions, resolve_event_date

WED = date(2023, 10, 18)  # a Wednesday
THU = date(2023, 10, 19)


def only(text, lang, published=WED):
    found = find_time_expressions(text, lang=lang, published=published)
    assert len(found) == 1, found
    return found[0]


def sentence_of(text, fragment):
    start = text.index(fragment)
    return Span(start, start + len(fragment), fragment)


def test_find_time_expressions_bare_weekday_is_publication_day_when_same_weekday():
    e = only("Mercredi, des hommes armés ont attaqué le village.", "fr")
    assert (e.value, e.time_precision, e.kind) == (date(2023, 10, 18), 1, "weekday")
    assert e.span.text == "Mercredi"


def test_find_time_expressions_bare_weekday_is_day_before_when_published_next_day():
    assert only("Les combats ont eu lieu mercredi.", "fr", THU).value == date(2023, 10, 18)
    assert only("Gunmen struck on Wednesday.", "en", THU).value == date(2023, 10, 18)


def test_find_time_expressions_weekday_with_day_part():
    e = only("L'attaque a eu lieu mardi soir.", "fr")
    assert (e.span.text, e.value) == ("mardi soir", date(2023, 10, 17))
    assert only("on Friday night, gunmen opened fire", "en").value == date(2023, 10, 13)


def test_find_time_expressions_last_weekday_is_strictly_before_publication():
    assert only("mercredi dernier", "fr").value == date(2023, 10, 11)
    assert only("last Wednesday", "en").value == date(2023, 10, 11)
    assert only("last Friday", "en").value == date(2023, 10, 13)


def test_find_time_expressions_future_weekday_is_ignored():
    assert find_time_expressions("Une réunion est prévue jeudi prochain.", lang="fr", published=WED) == []


def test_find_time_expressions_night_is_coded_to_its_first_day():
    e = only("dans la nuit de samedi au dimanche", "fr")
    assert (e.value, e.kind, e.time_precision) == (date(2023, 10, 14), "night", 1)
    assert only("overnight Saturday to Sunday", "en").value == date(2023, 10, 14)
    assert only("dans la nuit du 6 au 7 octobre", "fr").value == date(2023, 10, 6)


def test_find_time_expressions_relative_days():
    assert only("hier", "fr").value == date(2023, 10, 17)
    assert only("avant-hier", "fr").value == date(2023, 10, 16)
    assert only("yesterday", "en").value == date(2023, 10, 17)
    assert only("il y a deux jours", "fr").value == date(2023, 10, 16)
    assert only("two days ago", "en").value == date(2023, 10, 16)


def test_find_time_expressions_anchored_to_previous_date():
    found = find_time_expressions(
        "Le 12 octobre, l'armée a riposté. La veille, le camp avait été attaqué.",
        lang="fr",
        published=WED,
    )
    assert [(e.value, e.kind) for e in found] == [
        (date(2023, 10, 12), "absolute"),
        (date(2023, 10, 11), "anchored"),
    ]
    found = find_time_expressions("le lendemain", lang="fr", published=WED)
    assert found[0].value == date(2023, 10, 19)


def test_find_time_expressions_days_later_count_from_previous_date():
    # Invented: a second attack told two days after the first, an operation's later day.
    for text, lang in (
        ("Le 12 octobre, des hommes armés ont attaqué Kerou. Deux jours plus tard, ils sont revenus.", "fr"),
        ("On 12 October, gunmen attacked Kerou. Two days later, they came back.", "en"),
    ):
        found = find_time_expressions(text, lang=lang, published=WED)
        assert [(e.value, e.kind) for e in found] == [
            (date(2023, 10, 12), "absolute"),
            (date(2023, 10, 14), "anchored"),
        ]
    assert only("a day later", "en").kind == "anchored"


def test_find_time_expressions_absolute_dates():
    assert only("le 7 février", "fr").value == date(2023, 2, 7)
    assert only("on 7 February", "en").value == date(2023, 2, 7)
    assert only("October 7, 2023", "en").value == date(2023, 10, 7)
    assert only("samedi 14 octobre", "fr").span.text == "samedi 14 octobre"
    assert only("le 1er mai 2022", "fr").value == date(2022, 5, 1)
    e = only("7/2/2024", "fr")
    assert (e.value, e.kind) == (date(2024, 2, 7), "absolute")
    assert only("2023-10-01", "en").value == date(2023, 10, 1)
    # abbreviated months without their dot, ordinal days
    assert only("On Aug 22nd, protesters gathered", "en").value == date(2023, 8, 22)
    assert only("On Sept 23rd 2019, workers", "en").value == date(2019, 9, 23)
    # a span of days is coded to its first day
    assert only("22-23 March: students held a demonstration", "en").value == date(2023, 3, 22)
    assert only("du 22 au 23 mars, des attaques", "fr").value == date(2023, 3, 22)


def test_find_time_expressions_month_after_publication_month_is_last_year():
    assert only("le 28 décembre", "fr").value == date(2022, 12, 28)
    assert only("in December", "en").value == date(2022, 12, 15)


def test_find_time_expressions_month_and_part_of_month_precision():
    mid = only("mi-mars", "fr")
    assert (mid.value, mid.time_precision) == (date(2023, 3, 15), 2)
    assert only("mid-March", "en").time_precision == 2
    month = only("en mars", "fr")
    assert (month.value, month.time_precision, month.kind) == (date(2023, 3, 15), 3, "month")
    assert only("in March", "en").time_precision == 3
    assert only("début octobre", "fr").value == date(2023, 10, 5)


def test_find_time_expressions_vague_periods_have_precision_two():
    recent = only("ces derniers jours", "fr")
    assert (recent.time_precision, recent.value) == (2, date(2023, 10, 16))
    week = only("last week", "en")
    assert (week.time_precision, week.value, week.kind) == (2, date(2023, 10, 12), "week")
    assert only("la semaine dernière", "fr").time_precision == 2
    assert only("le mois dernier", "fr").time_precision == 3


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Quelque 2500 militaires sont déployés dans la région.", "fr"),
        ("Des soldats des FAMa sont arrivés.", "fr"),
        ("They may march on the capital.", "en"),
    ],
)
def test_find_time_expressions_ignores_numbers_and_lowercase_english_names(text, lang):
    assert find_time_expressions(text, lang=lang, published=WED) == []


def test_resolve_event_date_prefers_expression_in_sentence():
    text = "Mardi, des hommes armés ont tué trois civils. Le 2 octobre, un camp avait été visé."
    got = resolve_event_date(sentence_of(text, "Le 2 octobre, un camp avait été visé."), text, lang="fr", published=WED)
    assert (got.value, got.time_precision, got.method) == (date(2023, 10, 2), 1, "time_expression")
    assert got.span.text == "Le 2 octobre"


def test_resolve_event_date_falls_back_to_previous_expression_in_paragraph():
    text = "Mardi, des hommes armés ont attaqué Boni. Ils ont tué trois civils."
    got = resolve_event_date(sentence_of(text, "Ils ont tué trois civils."), text, lang="fr", published=WED)
    assert (got.value, got.method) == (date(2023, 10, 17), "previous_time_expression")


def test_resolve_event_date_does_not_cross_paragraphs():
    text = "Mardi, le ministre a parlé.\n\nDes hommes armés ont tué trois civils."
    got = resolve_event_date(
        sentence_of(text, "Des hommes armés ont tué trois civils."), text, lang="fr", published=WED
    )
    assert got.method == "published_date"
    assert got.value == WED and got.reason


def test_resolve_event_date_accepts_precomputed_expressions():
    text = "Gunmen killed two people on Monday."
    exprs = find_time_expressions(text, lang="en", published=WED)
    got = resolve_event_date(Span(0, len(text), text), text, lang="en", published=WED, expressions=exprs)
    assert got.value == date(2023, 10, 16)


def test_parse_time_lexicon_rejects_unknown_key_naming_line(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text("language: xx\nweekdays: {lundi: 0}\nmonths: {mars: 3}\nbogus: 1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"xx.yaml:4: bogus"):
        parse_time_lexicon(path)


@pytest.mark.parametrize(
    "text,trigger,lang,expected",
    [
        (
            "Deux jours de deuil débutent aujourd'hui après la mort ce lundi 2 octobre de 12 villageois.",
            "mort",
            "fr",
            date(2023, 10, 2),
        ),
        (
            "Mourning begins today after the killing on Monday, October 2 of 12 villagers.",
            "killing",
            "en",
            date(2023, 10, 2),
        ),
        # a date that only dates the statement gives way to the incident's
        (
            "Gunmen killed five people on Monday, the governor said on Tuesday.",
            "killed",
            "en",
            date(2023, 10, 2),
        ),
    ],
)
def test_resolve_event_date_takes_the_expression_nearest_the_trigger(text, trigger, lang, expected):
    start = text.index(trigger)
    got = resolve_event_date(
        Span(0, len(text), text),
        text,
        lang=lang,
        published=date(2023, 10, 4),
        trigger=Span(start, start + len(trigger), trigger),
    )
    assert got.value == expected


# --- every relative expression of both languages (issue 16, item 4) -------------------------------
MON = date(2023, 10, 16)  # a Monday


@pytest.mark.parametrize(
    "text,lang,expected,precision",
    [
        # weekdays, bare or with "dernier"/"last", "ce", "on": the latest such day not after publication
        ("Ce lundi, des hommes armés ont attaqué un marché.", "fr", date(2023, 10, 16), 1),
        ("Lundi dernier, des hommes armés ont attaqué un marché.", "fr", date(2023, 10, 16), 1),
        ("Des bandits ont attaqué le convoi samedi matin.", "fr", date(2023, 10, 14), 1),
        ("Un soldat a été tué mardi soir.", "fr", date(2023, 10, 17), 1),
        ("Gunmen attacked a market on Monday.", "en", date(2023, 10, 16), 1),
        ("Gunmen attacked a market last Tuesday.", "en", date(2023, 10, 17), 1),
        ("A soldier was killed on Tuesday evening.", "en", date(2023, 10, 17), 1),
        # nights: the day the night starts, unless it ended on the publication day (then that
        # day, precision 2: normalize/nights.py)
        (
            "Un dépôt a brûlé, nuit de mardi à mercredi, selon un témoin.",
            "fr",
            date(2023, 10, 18),
            2,
        ),
        ("Un dépôt a brûlé, nuit de lundi à mardi, selon un témoin.", "fr", date(2023, 10, 16), 1),
        ("Un dépôt a brûlé cette nuit, selon un témoin.", "fr", date(2023, 10, 18), 2),
        ("A depot burned down overnight, a witness said.", "en", date(2023, 10, 18), 2),
        ("A depot burned down last night, a witness said.", "en", date(2023, 10, 18), 2),
        ("Dans la nuit de dimanche, un camp a été attaqué.", "fr", date(2023, 10, 15), 1),
        ("Overnight Saturday to Sunday, a camp was attacked.", "en", date(2023, 10, 14), 1),
        ("A camp was attacked overnight Saturday.", "en", date(2023, 10, 14), 1),
        ("A camp was attacked overnight into Sunday.", "en", date(2023, 10, 14), 1),
        # days relative to publication
        ("Hier, trois civils ont été tués.", "fr", date(2023, 10, 17), 1),
        ("Avant-hier, trois civils ont été tués.", "fr", date(2023, 10, 16), 1),
        ("Three civilians were killed yesterday.", "en", date(2023, 10, 17), 1),
        ("Il y a trois jours, un poste a été attaqué.", "fr", date(2023, 10, 15), 1),
        ("A post was attacked three days ago.", "en", date(2023, 10, 15), 1),
        # dates without a year, written out or in figures
        ("Le 12 mai, des manifestants ont bloqué la route.", "fr", date(2023, 5, 12), 1),
        ("On May 12, protesters blocked the road.", "en", date(2023, 5, 12), 1),
        ("Le 12/05, des manifestants ont bloqué la route.", "fr", date(2023, 5, 12), 1),
        # weeks: precision 2, coded to the middle; months: precision 3
        ("Earlier this week, protesters blocked the road.", "en", date(2023, 10, 17), 2),
        ("Cette semaine, des manifestants ont bloqué la route.", "fr", date(2023, 10, 17), 2),
        ("Last week, protesters blocked the road.", "en", date(2023, 10, 12), 2),
        ("Le week-end dernier, des manifestants ont bloqué la route.", "fr", date(2023, 10, 14), 2),
        ("In March, protesters blocked the road.", "en", date(2023, 3, 15), 3),
        ("En mars, des manifestants ont bloqué la route.", "fr", date(2023, 3, 15), 3),
    ],
)
def test_resolve_event_date_relative_expressions(text, lang, expected, precision):
    got = resolve_event_date(Span(0, len(text), text), text, lang=lang, published=WED)
    assert (got.value, got.time_precision) == (expected, precision)


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        (
            "Le 12 octobre, l'armée a riposté. La veille, le camp avait été attaqué.",
            "fr",
            date(2023, 10, 11),
        ),
        (
            "On October 12 the army hit back. The previous day, the camp had been attacked.",
            "en",
            date(2023, 10, 11),
        ),
    ],
)
def test_resolve_event_date_chained_to_the_previous_date(text, lang, expected):
    sentence = text[text.index(".") + 2 :]
    got = resolve_event_date(sentence_of(text, sentence), text, lang=lang, published=WED)
    assert got.value == expected


@pytest.mark.parametrize(
    "text,lang",
    [
        # a date after publication is a plan, not the incident
        ("Des hommes armés ont attaqué un poste, avant le scrutin du 20 octobre.", "fr"),
        ("Gunmen attacked a post ahead of the vote on October 20.", "en"),
        # a date that dates a statement, even after a comma
        ("Des hommes armés ont attaqué un poste, a annoncé, ce mercredi, le gouverneur.", "fr"),
        ("Gunmen attacked a post, the governor stated, on Wednesday.", "en"),
    ],
)
def test_resolve_event_date_skips_plans_and_statements(text, lang):
    got = resolve_event_date(Span(0, len(text), text), text, lang=lang, published=MON)
    assert got.method == "published_date"
    assert got.value == MON


def test_resolve_event_date_since_only_when_nothing_else():
    text = "Depuis vendredi, les combats se poursuivent; mardi soir deux civils ont été tués."
    got = resolve_event_date(Span(0, len(text), text), text, lang="fr", published=WED)
    assert got.value == date(2023, 10, 17)
    text = "Les combats se poursuivent depuis vendredi."
    got = resolve_event_date(Span(0, len(text), text), text, lang="fr", published=WED)
    assert got.value == date(2023, 10, 13)
    # the next sentence goes on about the period it opens
    text = "Depuis le 2 octobre, la région a subi vingt attaques. La plupart visaient des postes."
    got = resolve_event_date(sentence_of(text, "La plupart visaient des postes."), text, lang="fr", published=WED)
    assert got.value == date(2023, 10, 2)


SUN = date(2023, 10, 15)


def test_find_time_expressions_night_ending_on_publication_day_is_that_day_precision_2():
    # a Sunday paper's "nuit de samedi à dimanche" may fall on either side of midnight
    e = only("la nuit de samedi au dimanche", "fr", SUN)
    assert (e.value, e.kind, e.time_precision) == (SUN, "night", 2)
    assert only("dans la nuit du 14 au 15 octobre", "fr", SUN).value == SUN
    assert only("overnight Saturday to Sunday", "en", SUN).value == SUN
    assert only("overnight into Sunday", "en", SUN).value == SUN


def test_find_time_expressions_night_reported_later_is_its_first_day():
    monday = date(2023, 10, 16)
    e = only("la nuit de samedi au dimanche", "fr", monday)
    assert (e.value, e.time_precision) == (date(2023, 10, 14), 1)
    assert only("dans la nuit du 14 au 15 octobre", "fr", monday).value == date(2023, 10, 14)


def test_resolve_event_date_prefers_a_named_day_to_overnight():
    text = "Gunmen attacked a camp overnight on Friday 13 October, the army said."
    got = resolve_event_date(Span(0, len(text), text), text, lang="en", published=SUN)
    assert (got.value, got.time_precision) == (date(2023, 10, 13), 1)


def test_find_time_expressions_gives_a_new_list_each_call():
    found = find_time_expressions("Gunmen attacked the post on Monday.", lang="en", published=WED)
    found.clear()
    again = find_time_expressions("Gunmen attacked the post on Monday.", lang="en", published=WED)
    assert [e.value for e in again] == [date(2023, 10, 16)]
    assert find_time_expressions("Gunmen attacked the post on Monday.", lang="en", published=THU)[0].value == date(
        2023, 10, 16
    )
