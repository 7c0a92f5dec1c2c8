"""Fighting carried on to a named day is that day's incident, not a trend (ACLED codes each day of
an operation): "Les affrontements se sont poursuivis le lendemain" tells the next day's fighting
(a past continuation verb with a day), while "les attaques se poursuivent" (present, no day)
is a trend; and "poursuivre", which also reports ("…, poursuit-il"), does not make "le
lendemain" the date of a statement when its subject is the incident word. Invented texts."""

from __future__ import annotations

from datetime import date

from eventwire.models import EVENT_MODALITIES
from tests.extract.conftest import find_mentions
from tests.resolve.conftest import pipeline_events

OPENING = "Des combats ont opposé l'armée à des jihadistes dimanche près de Gao. "
CONTINUED = "Les affrontements se sont poursuivis le lendemain, faisant vingt morts parmi les assaillants."


def _modalities(text: str) -> list[str]:
    return [m.modality for m in find_mentions(text, "fr") if m.trigger.lemma.startswith("affrontement")]


def test_fighting_continued_the_next_day_is_an_incident():
    assert _modalities(OPENING + CONTINUED) == ["asserted"]


def test_attacks_that_go_on_in_the_present_are_a_trend():
    trend = "Les attaques se poursuivent dans la région de Gao."
    assert not [m for m in find_mentions(trend, "fr") if m.modality in EVENT_MODALITIES]


def test_the_next_day_of_the_fighting_is_an_event_of_its_own():
    events = pipeline_events(OPENING + CONTINUED, "fr", date(2024, 3, 7))
    assert sorted((e.event_date, e.location) for e in events) == [
        (date(2024, 3, 3), "Gao"),
        (date(2024, 3, 4), "Gao"),
    ]
