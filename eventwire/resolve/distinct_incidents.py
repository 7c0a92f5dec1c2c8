"""Two reports of one day and place that still tell two incidents, and two reports a day apart
that still tell one. Used by the cross-document linker (cross_document.match_events).

ACLED codes one event per location per day per actor pair. Outlets code one incident with
kindred types (an attack on civilians for one, a clash for another that saw the police fire
back), so a kindred type alone does not tell two incidents apart; but kindred types whose
targets differ too (civilians for one, soldiers for the other) are two actor pairs, and are one
incident only when something else corroborates it: the same positive toll, the same named
perpetrator, or evidence told almost alike (`targets_tell_apart`).

The other way round, two calendar dates a day apart are two days (similarity._calendar_dated),
unless the reports agree on everything else: the same named place, the same sub-event type, the
same named perpetrator and evidence told almost alike (`one_incident_a_day_apart`): outlets in
other time zones, or one that dates a night attack by the evening and another by the morning
("late on 2 May" / "au petit matin du 3 mai", invented), write different calendar days.
"""

from __future__ import annotations

from eventwire.models import Event
from eventwire.resolve.place_names import transliterated_alike
from eventwire.resolve.similarity import (
    SAME_EVENT_TYPE_SCORE,
    actor_score,
    same_place_name,
    toll_score,
    type_score,
)

# Evidence at least this alike (USE cosine, best sentence pair) is one account told twice: it
# corroborates a link the structured fields leave in doubt (different outlets' sentences of one
# incident score 0.4-1.0, two incidents of one day and place rarely above 0.7).
CORROBORATING_TEXT = 0.7
# Evidence this alike, with the same place, sub-type and perpetrator, is one incident even with
# calendar dates a day apart.
ONE_INCIDENT_TEXT = 0.8


def _target(event: Event) -> str:
    return " ".join((event.actor2 or "").casefold().split())


def targets_tell_apart(a: Event, b: Event, text: float) -> bool:
    """Return whether two reports of kindred but different event types also name different
    targets (actor2), with nothing corroborating one incident (module docstring): two actor
    pairs, two events. Invented: "gunmen killed four villagers in Kerou" and "soldiers clashed
    with gunmen in Kerou" the same day, no toll in common."""
    kind = type_score(a, b)
    if kind is None or kind >= SAME_EVENT_TYPE_SCORE:
        return False
    ta, tb = _target(a), _target(b)
    if not ta or not tb or ta == tb:
        return False
    corroborated = toll_score(a, b) > 0 or actor_score(a, b) > 0 or text >= CORROBORATING_TEXT
    return not corroborated


def one_incident_a_day_apart(a: Event, b: Event, text: float) -> bool:
    """Return whether two reports dated a day apart agree on everything else (module
    docstring): the same named place, sub-event type and named perpetrator, and evidence at
    least ONE_INCIDENT_TEXT alike."""
    if a.event_date is None or b.event_date is None or abs((a.event_date - b.event_date).days) != 1:
        return False
    return (
        (same_place_name(a.location, b.location) or transliterated_alike(a.location, b.location))
        and a.sub_event_type == b.sub_event_type
        and actor_score(a, b) > 0
        and text >= ONE_INCIDENT_TEXT
    )
