"""A toll counted over weeks, months or years is a tally, not an event's toll (issue 16); a
French pluperfect put by a verb of speech still counts its victims. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.normalize.casualties import count_casualties
from tests.resolve.conftest import pipeline_events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Quelque 80 civils ont péri dans le cercle en cinq mois.", "fr"),
        ("En trois ans, quelque 200 bergers ont péri dans le cercle.", "fr"),
        ("Les violences ont fait 300 morts au cours des six derniers mois.", "fr"),
        ("Supporters gathered to honour 60 people killed in over four months of unrest.", "en"),
        ("The fighting has killed 300 people over the past three years.", "en"),
        ("Les affrontements ont fait plus de 400 morts depuis 2012 dans le cercle.", "fr"),
        ("Quelque 900 bergers ont péri en moins de deux ans dans le cercle.", "fr"),
        ("The insurgents have killed 300 rangers since 2019, the ministry says.", "en"),
    ],
)
def test_a_toll_told_over_months_or_years_is_no_events(text, lang):
    assert count_casualties(text, lang=lang).fatalities == 0


@pytest.mark.parametrize(
    ("text", "lang", "killed"),
    [
        ("Gunmen killed 12 people in Kolo on Monday in the deadliest attack in two years.", "en", 12),
        ("Des hommes armés ont tué 12 civils lundi, l'attaque la plus meurtrière depuis trois ans.", "fr", 12),
        ("Twelve soldiers were killed in two days of clashes near Kolo.", "en", 12),
        ("Un garçon de 12 ans a été tué lundi à Kolo.", "fr", 1),
        ("Gunmen killed 12 people in Kolo on Monday, the deadliest attack this year.", "en", 12),
        ("En 2019, une embuscade avait tué 30 soldats près de Kolo.", "fr", 30),
    ],
)
def test_a_record_or_a_span_of_days_keeps_the_toll(text, lang, killed):
    assert count_casualties(text, lang=lang).fatalities == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Un notable a assuré que le bombardement avait tué quatre bergers.", 4),
        ("Selon un élu, les assaillants avaient tué cinq bergers.", 5),
        ("Le maire a indiqué que l'explosion avait coûté la vie à trois enfants.", 3),
    ],
)
def test_a_pluperfect_of_reported_speech_counts_its_victims_fr(text, killed):
    assert count_casualties(text, lang="fr").fatalities == killed


def test_a_regional_tally_after_an_attack_is_not_its_toll_fr():
    text = (
        "Des jihadistes ont attaqué lundi le village de Kerou, près de Gao.\n\n"
        "Quelque 80 civils ont péri dans le cercle en cinq mois."
    )
    (event,) = pipeline_events(text, "fr", date(2022, 10, 18))
    assert event.fatalities == 0


def test_a_tally_over_months_after_an_attack_is_not_its_toll_en():
    text = (
        "Gunmen attacked the village of Kerou near Gao on Monday, burning houses.\n\n"
        "Some 80 herders have died in the district in five months, officials said."
    )
    (event,) = pipeline_events(text, "en", date(2022, 10, 18))
    assert event.fatalities == 0
