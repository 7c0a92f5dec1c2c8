"""Event structure by the codebook (issue 16), session 11: places listed with a gap between the
coordinator and the repeated locative word, an incident presupposed by an "after" phrase under a
hedge, a placeless incident of another day placed at its article's most precise place. Invented
articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.lang.fold import fold
from eventwire.models import PlaceMention, Span
from eventwire.normalize import list_coordination
from eventwire.normalize.place_tolls import place_toll
from tests.resolve.conftest import pipeline_events as _events


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            (
                "Deux attaques ont fait neuf morts dimanche au Burkina Faso, l'une à Djibo et "
                "l'autre à Dori, selon des sources sécuritaires."
            ),
        ),
        (
            "en",
            (
                "Two attacks killed nine people on Sunday in northern Burkina Faso, one in the town of Djibo "
                "and the other in Dori, security sources said."
            ),
        ),
        (
            "en",
            (
                "Jihadists attacked army positions in northern Burkina Faso on Sunday. The attack targeted a "
                "military post in the town of Djibo and another in the town of Dori, the army said."
            ),
        ),
        (
            "fr",
            ("Les villages de Djibo et de Dori ont été attaqués dimanche par des hommes armés, faisant douze morts."),
        ),
        (
            "fr",
            (
                "Des hommes armés ont tué sept civils dimanche à Djibo et dans la localité voisine de Dori, "
                "au Burkina Faso, selon des habitants."
            ),
        ),
    ],
)
def test_a_second_place_after_a_gapped_coordinator_is_an_event_of_its_own(lang, text):
    # "l'une à Kolo et l'autre à Bera", "de Kolo et de Bera": one event per location (ACLED)
    events = _events(text, lang, date(2023, 5, 10))
    assert sorted(e.location for e in events) == ["Djibo", "Dori"]


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            (
                "Des hommes armés ont attaqué deux villages dimanche au Burkina Faso.\n\n"
                "Douze personnes ont été tuées à Djibo et huit à Dori, selon un élu local."
            ),
        ),
        (
            "en",
            (
                "Gunmen attacked two villages in northern Burkina Faso on Sunday.\n\n"
                "Twelve people were killed in Djibo and eight in Dori, a local official said."
            ),
        ),
    ],
)
def test_a_gapped_toll_counts_for_its_own_place(lang, text):
    # "douze tués à Kolo et huit à Bera": the second number leaves out the death word
    events = {e.location: e.fatalities for e in _events(text, lang, date(2023, 5, 10))}
    assert events == {"Djibo": 12, "Dori": 8}


@pytest.mark.parametrize(
    "between, listed",
    [
        (" et l'autre à ", True),
        (" and eight in ", True),
        (" and another in the town of ", True),
        (" et deux autres à ", True),
        (" and another post in ", False),  # a noun: maybe a second site at one place
        (" et de ", True),
        (" et d'", True),
        (" and died in ", False),  # a verb, not a gap
        (" and fled to ", False),
        (" and the army said in ", False),
    ],
)
def test_gapped_coordination_needs_words_standing_for_the_repeated_noun(between, listed):
    assert list_coordination.coordinated(between) is listed


def test_a_gapped_clause_without_its_own_place_takes_no_toll():
    text = "Douze personnes ont été tuées à Djibo et huit autres ont été blessées."
    sentence = Span(0, len(text), text)
    djibo = PlaceMention(Span(text.index("Djibo"), text.index("Djibo") + 5, "Djibo"), "Djibo", None, "ner")
    assert place_toll(text, "fr", sentence, djibo, (djibo,)) is None


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            (
                "Quinze civils ont été tués jeudi lors d'une attaque contre le village de Djibo, au "
                "Burkina Faso, ont indiqué des habitants dimanche.\n\n"
                "Un habitant a dit craindre un bilan plus élevé après l'attaque d'une autre localité voisine, "
                "Dori, dimanche à l'aube, par des hommes armés."
            ),
        ),
        (
            "en",
            (
                "At least twelve civilians were killed on Thursday in an attack on the village of Djibo in "
                "northern Burkina Faso, residents said on Sunday.\n\n"
                "A resident said he feared a higher toll after the attack on another nearby village on "
                "Sunday morning."
            ),
        ),
    ],
)
def test_an_attack_in_an_after_phrase_under_a_fear_happened(lang, text):
    # "craint un bilan plus lourd après l'attaque de Bera": the fear bears on the toll, the
    # "after" phrase presupposes the attack (a second event, another day)
    events = sorted(_events(text, lang, date(2023, 5, 7)), key=lambda e: e.event_date)
    assert [e.event_date for e in events] == [date(2023, 5, 4), date(2023, 5, 7)]
    assert events[1].fatalities == 0  # a feared toll counts no death


def test_a_placeless_incident_of_another_day_takes_the_most_precise_place():
    # "dans le nord du pays" then "le village de Kolo": the other day's attack nearby is coded at
    # Kolo, not at the region
    text = (
        "Quinze civils ont été tués jeudi au Burkina Faso, selon des habitants. "
        "« Des hommes armés ont attaqué le village de Djibo », a dit un habitant.\n\n"
        "Il a dit craindre un bilan plus élevé après l'attaque d'une autre localité voisine dimanche "
        "matin par des hommes armés."
    )
    events = sorted(_events(text, "fr", date(2023, 5, 7)), key=lambda e: e.event_date)
    assert [(e.event_date, e.location) for e in events] == [
        (date(2023, 5, 4), "Djibo"),
        (date(2023, 5, 7), "Djibo"),
    ]


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            (
                "Des hommes armés ont tué huit civils dimanche dans le village de Kourbelé, dans la commune "
                "de Djibo, au Burkina Faso, selon des habitants.\n\n"
                "Le même jour, le village de Tanhoré, dans la même commune, a été attaqué, faisant trois morts."
            ),
        ),
        (
            "en",
            (
                "Gunmen killed eight civilians on Sunday in the village of Kourbele, in Djibo commune, "
                "Burkina Faso, residents said.\n\n"
                "The same day, gunmen attacked the village of Tanhore, also in Djibo commune, killing three "
                "people."
            ),
        ),
    ],
)
def test_villages_the_gazetteer_lacks_in_one_commune_are_one_event_each(lang, text):
    # "le village de Kerou, dans la commune de Tamba": the commune is named after its town; the
    # place is the village (coded there), and another village of that commune is another event
    events = {e.location: e.fatalities for e in _events(text, lang, date(2023, 5, 10))}
    assert {fold(k): v for k, v in events.items()} == {"kourbele": 8, "tanhore": 3}


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            (
                "La police a dispersé mercredi à coups de gaz lacrymogène une manifestation de l'opposition "
                "à Ouagadougou, au Burkina Faso.\n\n"
                "À quelques kilomètres de là, des hommes armés ont abattu un commerçant près du marché central."
            ),
        ),
        (
            "en",
            (
                "Police used tear gas on Wednesday to break up an opposition protest in Ouagadougou, "
                "Burkina Faso.\n\n"
                "A few kilometres away, gunmen shot dead a trader near the central market."
            ),
        ),
    ],
)
def test_a_placeless_killing_told_a_few_kilometres_away_is_an_event_of_its_own(lang, text):
    # "Non loin de là, des hommes armés ont abattu un passant": another incident near the place told
    # before, whatever its type (not a detail of the protest, not dropped for want of a place)
    events = _events(text, lang, date(2023, 5, 11))
    assert sorted(e.sub_event_type for e in events) == ["Attack", "Protest with intervention"]
    assert {e.location for e in events} == {"Ouagadougou"}
