"""Event structure by the codebook (issue 16): one event per location per day per actor pair;
recaps and background never create events. Invented articles through the whole pipeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from eventwire.errors import DataFileError
from eventwire.models import Mention, Place, PlaceMention, Span, Trigger
from eventwire.normalize.mentions import distinct_places
from eventwire.resolve import structure
from eventwire.resolve.compatibility import places_compatible
from tests.factories import make_mention
from tests.resolve.conftest import evidence_texts as _evidence
from tests.resolve.conftest import pipeline_events as _events


def test_a_town_named_twice_in_one_list_is_one_location():
    # "dans un quartier de Bamako, la capitale": the capital phrase names Bamako again
    bamako = Place("Bamako", "Mali", "ML", 12.65, -8.0, "city", 1)
    first = PlaceMention(Span(30, 36, "Bamako"), "Bamako", bamako, "gazetteer")
    again = PlaceMention(Span(38, 49, "la capitale"), "Bamako", bamako, "capital")
    kati = PlaceMention(
        Span(60, 64, "Kati"),
        "Kati",
        Place("Kati", "Mali", "ML", 12.74, -8.07, "city", 1),
        "gazetteer",
    )
    assert distinct_places([first, again, kati]) == [first, kati]


def test_an_anaphor_dated_years_before_the_lead_recalls_another_incident_en():
    text = (
        "A car bomb killed twelve people in the market of Gao on Tuesday, officials said.\n\n"
        "Nobody has yet named the authors of the blast, the worst in Gao since rebels seized "
        "the town in March 2012."
    )
    events = _events(text, "en", date(2022, 10, 19))
    assert len(events) == 1
    assert events[0].event_date == date(2022, 10, 18)
    assert not any("March 2012" in t for t in _evidence(events[0]))


def test_regions_listed_with_and_are_one_event_each_en():
    text = (
        "Air defences destroyed nine Russian attack drones before dawn on Friday, the military said.\n\n"
        '"Our units downed the drones over Kharkiv, Sumy and Odesa regions," a spokesman wrote.'
    )
    events = _events(text, "en", date(2023, 12, 15))
    assert sorted(e.location for e in events) == ["Kharkiv", "Odesa", "Sumy"]


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            "Des jihadistes ont mené dimanche des attaques contre les positions de l'armée à Djibo et à Arbinda.",
        ),
        (
            "en",
            "Jihadists attacked army positions in Djibo and in Arbinda on Sunday, the army said.",
        ),
    ],
)
def test_places_listed_with_a_repeated_preposition_are_one_event_each(lang, text):
    # "à Kolo et à Bera": the coordinator may repeat the locative word (ACLED: one event per location)
    events = _events(text, lang, date(2023, 5, 10))
    assert len(events) == 2
    assert len({e.location for e in events}) == 2


def test_a_town_followed_by_its_region_is_one_location_fr():
    # "dans le cercle de Kolo au Nord": a preposition alone, without a coordinator, places the town
    text = "Des hommes armés ont tué six civils lundi à Djibo au Sahel, selon des habitants."
    events = _events(text, "fr", date(2023, 5, 10))
    assert len(events) == 1


def test_regions_listed_with_a_bracketed_direction_are_one_event_each_fr():
    text = (
        "La défense antiaérienne a détruit vendredi avant l'aube neuf drones d'attaque russes.\n\n"
        "Les drones ont été abattus au-dessus des régions de Kharkiv (Nord-Est), Soumy (Nord) "
        "et Odessa (Sud), selon un porte-parole."
    )
    events = _events(text, "fr", date(2023, 12, 15))
    assert sorted(e.location for e in events) == ["Kharkiv", "Odesa", "Sumy"]


@pytest.mark.parametrize(
    ("lang", "text", "days"),
    [
        (
            "fr",
            "Des combats ont opposé dimanche et lundi l'armée aux rebelles à Gao, faisant dix morts.",
            [date(2025, 5, 4), date(2025, 5, 5)],
        ),
        (
            "fr",
            "L'armée a affronté les jihadistes du lundi au mercredi près de Gao.",
            [date(2025, 5, 5), date(2025, 5, 6), date(2025, 5, 7)],
        ),
        (
            "en",
            "Troops fought the rebels on Sunday and Monday in the east of Gao.",
            [date(2025, 5, 4), date(2025, 5, 5)],
        ),
        (
            "en",
            "Soldiers clashed with militants from Monday to Wednesday near Gao, officials said.",
            [date(2025, 5, 5), date(2025, 5, 6), date(2025, 5, 7)],
        ),
        # "between … and …" joins the two ends of a span, not two listed days
        (
            "en",
            "Troops fought rebels near Gao between Monday and Wednesday.",
            [date(2025, 5, 5), date(2025, 5, 6), date(2025, 5, 7)],
        ),
        (
            "fr",
            "Des combats ont opposé l'armée aux rebelles du 3 au 5 mai près de Gao.",
            [date(2025, 5, 3), date(2025, 5, 4), date(2025, 5, 5)],
        ),
    ],
)
def test_an_incident_told_over_several_days_is_one_event_per_day(lang, text, days):
    events = _events(text, lang, date(2025, 5, 7))
    assert sorted(e.event_date for e in events) == days


def test_a_toll_for_two_days_together_is_split_evenly_fr():
    text = "Des combats ont opposé dimanche et lundi l'armée aux rebelles à Gao, faisant dix morts."
    events = _events(text, "fr", date(2025, 5, 7))
    assert sorted(e.fatalities for e in events) == [5, 5]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a night across two days is one incident
        (
            "fr",
            "Pendant la nuit de mardi à mercredi, des hommes armés ont attaqué le village de Kerou près de Gao.",
        ),
        ("en", "Gunmen attacked a police post in Gao on the night of Sunday to Monday."),
        # a span of weeks is a period, not the days of one operation
        ("fr", "Des combats ont eu lieu du 1er au 20 avril près de Gao."),
    ],
)
def test_a_night_or_a_long_period_is_not_split_into_days(lang, text):
    assert len(_events(text, lang, date(2025, 5, 7))) == 1


def test_day_words_are_validated_on_load(tmp_path, monkeypatch):
    bad = tmp_path / "day_spans.yaml"
    bad.write_text("fr:\n  and: []\n  to: [à]\n  from: [du]\n  night: [nuit de]\n", encoding="utf-8")
    monkeypatch.setattr(structure, "data_path", lambda *parts: bad)
    structure.load_day_words.cache_clear()
    try:
        with pytest.raises(DataFileError, match="day_spans.yaml:1: fr: 'and'"):
            structure.load_day_words("fr")
    finally:
        structure.load_day_words.cache_clear()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Forty people were killed in attacks near Gao between April 3 and April 30, officials said.",
        ),
        (
            "fr",
            "Plus de quarante civils ont été tués près de Gao entre le 3 et le 30 avril, selon une ONG.",
        ),
    ],
)
def test_a_toll_over_a_period_is_a_tally_not_an_event(lang, text):
    assert _events(text, lang, date(2025, 5, 7)) == ()


def _village_mention(start: int, name: str, before: str = "le village de ") -> Mention:
    text = before + name + ", près de Mopti."
    place = Place(name, "Mali", "ML", 14.49, -4.19, "village", 2)
    where = PlaceMention(
        Span(start + len(before), start + len(before) + len(name), name),
        name,
        place,
        "nearest_known_place",
    )
    trigger = Trigger(Span(start, start + 2, text[:2]), "attaquer", "Battles", "Armed clash", "t")
    return replace(make_mention(start, text, place=where), trigger=trigger)


def test_two_unknown_villages_in_two_sentences_are_two_locations():
    # both coded to the point of the town they are near: the point says nothing of where they are
    kerou, dioura = _village_mention(0, "Kerou"), _village_mention(200, "Dioura")
    assert not places_compatible(kerou, dioura)
    assert places_compatible(kerou, _village_mention(300, "Kerou"))


def test_an_unknown_commune_may_hold_an_unknown_village():
    commune = _village_mention(0, "Kerou", before="dans la commune de ")
    assert places_compatible(commune, _village_mention(200, "Dioura"))


def test_a_commune_and_a_locality_in_it_can_be_one_incident_fr():
    text = (
        "Des jihadistes ont tendu mardi une embuscade à des gendarmes sur le territoire de la commune "
        "de Zorokoumbé, près de Mopti.\n\n"
        "Selon un élu, les combats se sont déroulés au hameau de Tinkoulibé, près de Mopti."
    )
    assert len(_events(text, "fr", date(2022, 10, 19))) == 1


def test_a_region_in_a_list_of_places_is_one_of_the_locations_fr():
    text = (
        "La défense antiaérienne a détruit vendredi avant l'aube neuf drones d'attaque russes.\n\n"
        "Les drones ont été abattus au-dessus des régions de Mykolaïv (Sud), Kharkiv (Nord-Est) "
        "et Odessa (Sud), selon un porte-parole."
    )
    events = _events(text, "fr", date(2023, 12, 15))
    assert sorted(e.location for e in events) == ["Kharkiv", "Mykolaivska oblast", "Odesa"]


def test_the_attack_after_the_only_incident_told_is_that_incident_en():
    text = (
        "Jihadist fighters seized the town of Ansongo on Wednesday, forcing soldiers to withdraw.\n\n"
        "The attack started before sunrise, with gunmen striking from several directions and heavy "
        "fighting with troops in Mali, residents said."
    )
    assert len(_events(text, "en", date(2025, 4, 17))) == 1


def test_the_events_of_one_incident_told_over_several_days_have_distinct_ids():
    text = "Des combats ont opposé dimanche et lundi l'armée aux rebelles à Gao, faisant dix morts."
    events = _events(text, "fr", date(2025, 5, 7))
    assert len({e.event_id for e in events}) == len(events) == 2


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Gunmen attacked Bankass on Sunday and burned houses in Koro, residents said."),
        (
            "fr",
            (
                "Dimanche, cinq soldats ont péri dans une embuscade près de Djibo, tandis qu'à Arbinda "
                "des hommes armés ont abattu quatre bergers."
            ),
        ),
    ],
)
def test_two_incident_clauses_at_two_towns_are_two_events(lang, text):
    # ACLED, one event per location: a coordinated or contrasted clause that tells its own
    # incident at another town is another event
    events = _events(text, lang, date(2023, 5, 10))
    assert len({e.location for e in events}) == 2


def test_a_clause_without_an_incident_cue_adds_no_event_en():
    # "…and fled towards Koro": the second clause tells no incident, its town is no location
    events = _events("Gunmen attacked Bankass on Sunday and then fled towards Koro.", "en", date(2023, 5, 10))
    assert len(events) == 1


@pytest.mark.parametrize(
    "lang, text, tolls",
    [
        (
            "fr",
            (
                "Dimanche, cinq soldats ont été tués dans une embuscade près de Djibo, tandis qu'à Arbinda "
                "quatre bergers ont été tués par des hommes armés."
            ),
            [4, 5],
        ),
        (
            "en",
            "Gunmen killed five soldiers in Bankass on Sunday and killed two traders in Koro, residents said.",
            [2, 5],
        ),
    ],
)
def test_two_incident_clauses_each_keep_their_own_toll(lang, text, tolls):
    # ACLED codes each event's own toll: the clause at each town gives that town's figure, never
    # the sentence's figures together (issue 16)
    events = _events(text, lang, date(2023, 5, 10))
    assert sorted(e.fatalities for e in events) == tolls
