"""Arrests that close an incident just told are part of its story (resolve/aftermath.py, issue 16:
one event per location per day per actor pair). Invented articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

from tests.resolve.conftest import pipeline_events as _events


def _sub_types(text: str, lang: str) -> list[str]:
    return sorted(e.sub_event_type for e in _events(text, lang, date(2022, 3, 9)))


def test_an_arrest_after_an_attack_on_its_day_is_no_event_of_its_own_en():
    # invented; neither sentence names a place the gazetteer knows
    for text in (
        "On March 7, a soldier fired on traders at a market, wounding four. The soldier was later arrested.",
        (
            "On March 7, a policeman shot dead a driver after a quarrel. He ran to a nearby camp, where other "
            "officers disarmed and arrested him."
        ),
    ):
        assert _sub_types(text, "en") == ["Attack"]


def test_an_arrest_after_an_attack_on_its_day_is_no_event_of_its_own_fr():
    text = "Le 7 mars, un gendarme a tiré sur des commerçants au marché, en blessant quatre. Il a été arrêté peu après."
    assert _sub_types(text, "fr") == ["Attack"]


def test_an_arrest_on_another_day_at_another_place_stays_an_event():
    text = (
        "Gunmen shot dead a trader in Gao on Monday, police said.\n\n"
        "On Tuesday, police arrested two suspects in Bamako."
    )
    assert _sub_types(text, "en") == ["Arrests", "Attack"]
