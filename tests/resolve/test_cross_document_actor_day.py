"""Cross-document vetoes from ACLED's unit of coding (one event per location per day per actor
pair): different actor pairs, and two calendar dates a day apart. Invented events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventwire.models import Event, Provenance
from eventwire.resolve.cross_document import match_events
from eventwire.resolve.similarity import actor_pairs_differ, date_score
from tests.resolve.test_cross_document import make_event, same_text


def dated(event: Event, text: str, method: str = "time_expression") -> Event:
    source = Provenance(method, event.reports[0].document_id, text, 0, len(text))
    return replace(event, provenance={**event.provenance, "event_date": source})


def test_an_attack_on_civilians_and_a_clash_with_the_police_may_be_one_incident():
    # outlets code one bus attack both ways when the police fought back
    attack = make_event("a")
    clash = make_event(
        "b",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor2="Police Forces of Kenya (2013-)",
    )
    assert not actor_pairs_differ(attack, clash)
    assert match_events(attack, clash, similarity=same_text) is not None


def test_two_calendar_dates_a_day_apart_are_two_days():
    a = dated(make_event("a"), "on 6 December")
    b = dated(make_event("b", event_date=date(2019, 12, 7)), "le 7 décembre")
    assert date_score(a, b) is None
    assert match_events(a, b, similarity=same_text) is None


def test_a_relative_date_a_day_off_still_matches():
    a = dated(make_event("a"), "on 6 December")
    for text in ("yesterday", "on Saturday", "2 days ago"):
        b = dated(make_event("b", event_date=date(2019, 12, 7)), text)
        assert date_score(a, b) == 0.5
    published = dated(make_event("b", event_date=date(2019, 12, 7)), "7 December 2019", method="published_date")
    assert date_score(a, published) == 0.5


def test_two_one_sided_events_by_different_perpetrators_are_two_events():
    army = make_event(
        "a",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Kenya (2013-)",
        actor2=None,
    )
    rebels = replace(army, event_id="b:0", actor1="Tazor Liberation Front", reports=make_event("b").reports)
    assert actor_pairs_differ(army, rebels)
    assert match_events(army, rebels, similarity=same_text) is None


def test_a_target_read_as_perpetrator_is_left_to_the_score():
    strike = make_event("a", actor1="Military Forces of Kenya (2013-)", actor2="Tazor Liberation Front")
    told_backwards = make_event("b", actor1="Tazor Liberation Front", actor2=None)
    assert not actor_pairs_differ(strike, told_backwards)
    assert match_events(strike, told_backwards, similarity=same_text) is not None
