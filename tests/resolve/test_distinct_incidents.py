"""Cross-document linking of one day and place: kindred types against different targets are two
incidents unless something corroborates one; calendar dates a day apart are one incident when one
is a night's first day, or when the reports agree on everything else. Invented events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventwire.models import Event
from eventwire.resolve.cross_document import match_events
from eventwire.resolve.distinct_incidents import one_incident_a_day_apart, targets_tell_apart
from eventwire.resolve.night_span import night_dated
from eventwire.resolve.similarity import date_score
from tests.resolve.test_cross_document import make_event
from tests.resolve.test_cross_document_actor_day import dated


def half_alike(a: Event, b: Event) -> float:
    """Fake similarity: two outlets' sentences of one day and place, told differently."""
    return 0.55


def almost_alike(a: Event, b: Event) -> float:
    return 0.9


def villagers_killed(doc: str = "a", **kw) -> Event:
    return make_event(doc, text="Des hommes armés ont tué quatre villageois à Tazor dimanche.", **kw)


def soldiers_clash(doc: str = "b", **kw) -> Event:
    fields = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor2": "Military Forces of Kenya (2013-)",
        **kw,
    }
    return make_event(doc, text="Soldiers clashed with gunmen in Tazor on Sunday.", **fields)


def test_an_attack_on_villagers_and_a_clash_with_soldiers_of_one_day_and_place_are_two_events():
    a, b = villagers_killed(), soldiers_clash()
    assert targets_tell_apart(a, b, 0.55)
    assert match_events(a, b, similarity=half_alike) is None


def test_different_targets_are_one_incident_when_something_corroborates_it():
    # the same toll ("quatre villageois" / "four people"), the same named perpetrator, or
    # evidence told almost alike
    toll = villagers_killed(fatalities=4), soldiers_clash(fatalities=4)
    assert not targets_tell_apart(*toll, 0.55)
    assert match_events(*toll, similarity=half_alike) is not None
    group = "Tazor Liberation Front"
    named = villagers_killed(actor1=group), soldiers_clash(actor1=group)
    assert not targets_tell_apart(*named, 0.55)
    assert match_events(*named, similarity=half_alike) is not None
    assert match_events(villagers_killed(), soldiers_clash(), similarity=almost_alike) is not None


def test_kindred_types_with_one_target_unnamed_are_left_to_the_score():
    a, b = villagers_killed(), soldiers_clash(actor2=None)
    assert not targets_tell_apart(a, b, 0.55)
    assert match_events(a, b, similarity=half_alike) is not None


def test_a_night_across_two_days_is_a_day_before_the_morning_it_ended():
    for night_text in ("dans la nuit du 6 au 7 décembre", "on the night of 6 to 7 December"):
        night = dated(make_event("a"), night_text)
        morning = dated(make_event("b", event_date=date(2019, 12, 7)), "le 7 décembre")
        assert night_dated(night)
        assert date_score(night, morning) == 0.5
        assert match_events(night, morning, similarity=almost_alike) is not None
    # the night's first day is its own day: the day before it is another day
    night = dated(make_event("a"), "dans la nuit du 6 au 7 décembre")
    before = dated(make_event("b", event_date=date(2019, 12, 5)), "on 5 December")
    assert date_score(night, before) is None


def test_calendar_dates_a_day_apart_are_one_incident_when_all_else_agrees():
    group = "Tazor Liberation Front"
    a = dated(make_event("a", actor1=group), "on 6 December")
    b = dated(make_event("b", actor1=group, event_date=date(2019, 12, 7)), "le 7 décembre")
    assert date_score(a, b) is None
    assert one_incident_a_day_apart(a, b, 0.9)
    assert match_events(a, b, similarity=almost_alike) is not None
    # evidence told only half alike, another sub-type or nobody named: two days, two events
    assert match_events(a, b, similarity=half_alike) is None
    other = replace(b, sub_event_type="Sexual violence")
    assert not one_incident_a_day_apart(a, other, 0.9)
    unnamed = (
        dated(make_event("a"), "on 6 December"),
        dated(make_event("b", event_date=date(2019, 12, 7)), "le 7 décembre"),
    )
    assert match_events(*unnamed, similarity=almost_alike) is None
