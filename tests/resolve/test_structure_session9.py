"""Event structure by the codebook (issue 16), continued: sentence fragments, tallies and recaps,
one incident told twice. Invented articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.nlp.pipelines import load_pipeline
from tests.resolve.conftest import evidence_texts as _evidence
from tests.resolve.conftest import pipeline_events as _events


def test_a_sentence_never_opens_on_a_comma_fr():
    text = "Des hommes armés ont tué au moins quinze personnes samedi.\nÀ Solenzo, les assaillants ont tué neuf civils."
    doc = load_pipeline("fr")(text)
    assert [s.text.strip() for s in doc.sents] == [
        "Des hommes armés ont tué au moins quinze personnes samedi.",
        "À Solenzo, les assaillants ont tué neuf civils.",
    ]


def test_a_fronted_place_stays_with_its_incident_fr():
    text = (
        "Des hommes armés ont tué au moins quinze personnes samedi lors d'attaques contre les villages "
        "de Solenzo et Tougan, dans l'ouest du Burkina Faso.\n"
        "À Solenzo, les assaillants ont tué neuf civils et incendié le marché. "
        "À Tougan, six miliciens ont péri."
    )
    events = _events(text, "fr", date(2023, 3, 14))
    by_place = {e.location: e for e in events}
    assert sorted(by_place) == ["Solenzo", "Tougan"]
    assert any(t.startswith("À Solenzo, les assaillants") for t in _evidence(by_place["Solenzo"]))
    assert not any("neuf civils" in t for t in _evidence(by_place["Tougan"]))


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            (
                "Gunmen killed 12 civilians in the village of Solenzo on Sunday, residents said.\n"
                "Since January, some 230 herders have died in raids across the region, a rights group said.\n"
                "At least 80 soldiers have died in attacks this year."
            ),
        ),
        (
            "fr",
            (
                "Des hommes armés ont tué douze civils dimanche dans le village de Solenzo, selon des habitants.\n"
                "Depuis janvier, quelque 230 bergers ont péri lors de raids dans la région, selon une ONG.\n"
                "Au moins 80 soldats ont péri dans des attaques cette année."
            ),
        ),
    ],
)
def test_a_count_over_a_period_is_a_tally_whatever_its_word(lang, text):
    events = _events(text, lang, date(2023, 3, 14))
    assert len(events) == 1
    assert events[0].sub_event_type == "Attack"
    assert len(_evidence(events[0])) == 1


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            (
                "Suspected jihadists killed 30 people in Solenzo on Thursday, officials said.\n"
                "The country has been battling an insurgency since 2012. Thousands of people have been killed."
            ),
        ),
        (
            "fr",
            (
                "Des jihadistes présumés ont tué trente personnes jeudi à Solenzo, selon des élus.\n"
                "Les violences ont fait plus de 10.000 morts et deux millions de déplacés depuis 2015."
            ),
        ),
    ],
)
def test_a_toll_in_the_thousands_without_a_day_is_a_tally(lang, text):
    events = _events(text, lang, date(2023, 3, 10))
    assert len(events) == 1
    assert _evidence(events[0]) == [text.split("\n")[0]]


def test_the_first_incident_sentence_points_back_at_nothing_fr():
    # "l'attaque d'un village" opens the article: a definite article, not an anaphor, so the
    # lead's Thursday does not stretch to the Wednesday bomb told after it
    text = (
        "Au moins trente personnes ont été tuées jeudi dans l'attaque d'un village du centre du Mali.\n"
        "Les assaillants ont incendié des maisons à Bandiagara, a indiqué le maire.\n"
        "Par ailleurs, mercredi, deux soldats ont été tués par un engin explosif près de Douentza."
    )
    events = _events(text, "fr", date(2023, 3, 10))
    bomb = next(e for e in events if e.location == "Douentza")
    assert not any("trente" in t for t in _evidence(bomb))


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            (
                "Two soldiers died when their truck hit a landmine near Kidal on Tuesday. "
                "Hours later, militants attacked an army camp in Kidal, sparking a gunfight, the army said."
            ),
        ),
        (
            "fr",
            (
                "Deux soldats ont été tués mardi lorsque leur véhicule a sauté sur une mine près de Kidal. "
                "Quelques heures plus tard, des jihadistes ont attaqué le camp militaire de Kidal, "
                "déclenchant des combats."
            ),
        ),
    ],
)
def test_a_sequel_of_another_type_is_its_own_event(lang, text):
    events = _events(text, lang, date(2023, 3, 15))
    assert sorted(e.event_type for e in events) == ["Battles", "Explosions/Remote violence"]


def test_a_reply_by_the_other_side_is_its_own_event_en():
    text = (
        "Jihadists attacked a military post in Djibo on Sunday, killing five soldiers, the army said.\n"
        "The army responded with air strikes on the attackers' positions near Djibo, killing about 20 militants."
    )
    events = _events(text, "en", date(2023, 3, 14))
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Armed clash"]


def test_a_same_type_reply_stays_one_clash_en():
    text = (
        "Jihadists attacked a military post in Djibo on Sunday, killing five soldiers, the army said.\n"
        "Soldiers fought back near Djibo, killing about 20 assailants."
    )
    assert len(_events(text, "en", date(2023, 3, 14))) == 1


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            (
                "Vingt bergers ont été tués dimanche lors des attaques contre deux villages de la commune "
                "de Solenzo, dans l'ouest du Burkina Faso.\n"
                "À Wabangassi, les assaillants ont abattu des bergers. À Koulinkoro, huit villageois ont été abattus."
            ),
        ),
        (
            "en",
            (
                "At least 20 civilians were killed on Sunday in attacks on two villages near Solenzo in western "
                "Burkina Faso.\nIn Wabangassi, the attackers shot dead herders. In Koulinkoro, eight villagers died."
            ),
        ),
    ],
)
def test_a_summary_of_two_village_attacks_places_neither(lang, text):
    events = _events(text, lang, date(2023, 3, 14))
    assert sorted(e.location for e in events) == ["Koulinkoro", "Wabangassi"]
    assert all(any("two villages" in t or "deux villages" in t for t in _evidence(e)) for e in events)


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            (
                "Des hommes armés ont tué douze civils dimanche dans le village de Solenzo, selon des habitants.\n"
                "Des jihadistes avaient déjà attaqué le village de Tougan, tuant six bergers.\n"
                "En début de mois, des hommes armés avaient abattu cinq commerçants près de Dori."
            ),
        ),
        (
            "en",
            (
                "Gunmen killed 12 civilians in the village of Solenzo on Sunday, residents said.\n"
                "Jihadists had previously raided Tougan, killing six herders.\n"
                "Earlier this month, gunmen shot dead five traders near Dori."
            ),
        ),
    ],
)
def test_an_undated_pluperfect_or_an_earlier_this_month_recap_is_context(lang, text):
    events = _events(text, lang, date(2023, 3, 14))
    assert [e.location for e in events] == ["Solenzo"]


def test_a_pluperfect_incident_with_its_own_day_is_news_fr():
    # the pluperfect with a day of its own: told as news, not recalled
    text = (
        "Des jihadistes ont tué jeudi quatre gendarmes dans une embuscade près de Kaya.\n"
        "La veille, mercredi, des hommes armés avaient enlevé six commerçants à Dori."
    )
    events = _events(text, "fr", date(2023, 3, 17))
    assert sorted(e.location for e in events) == ["Dori", "Kaya"]


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            (
                "Gunmen killed 12 civilians in the village of Solenzo on Sunday, residents said.\n"
                "Some 300 herders have died in the region over the past three months, the UN said.\n"
                "Armed bandits regularly raid villages and abduct residents in the region.\n"
                "The UN mission called for an investigation into the killings."
            ),
        ),
        (
            "fr",
            (
                "Des hommes armés ont tué douze civils dimanche dans le village de Solenzo, selon des habitants.\n"
                "Quelque 300 bergers ont péri dans la région au cours des trois derniers mois, selon l'ONU.\n"
                "Des bandits armés pillent régulièrement les villages et enlèvent des habitants dans la région.\n"
                "La mission onusienne a demandé une enquête sur ces tueries."
            ),
        ),
    ],
)
def test_tallies_habits_and_calls_for_inquiry_add_nothing_to_the_event(lang, text):
    events = _events(text, lang, date(2023, 3, 14))
    assert len(events) == 1
    assert _evidence(events[0]) == [text.split("\n")[0]]


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            (
                "Gunmen killed 12 civilians in the village of Solenzo on Sunday, residents said.\n"
                "Gangs control most of Port-au-Prince and kidnap residents for ransom.\n"
                "Jihadists have been carrying out raids around Dori for years."
            ),
        ),
        (
            "fr",
            (
                "Des hommes armés ont tué douze civils dimanche dans le village de Solenzo, selon des habitants.\n"
                "Les gangs contrôlent la majeure partie de Port-au-Prince et y enlèvent des habitants contre rançon."
            ),
        ),
    ],
)
def test_an_undated_simple_present_tells_a_habit(lang, text):
    events = _events(text, lang, date(2024, 3, 14))
    assert [e.location for e in events] == ["Solenzo"]
