"""An incident named as the cause of one already told is background (resolve/causes.py, issue 16:
background never creates events). Invented articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

from tests.resolve.conftest import pipeline_events as _events


def test_the_incident_that_sparked_a_protest_is_no_event_en():
    text = (
        "On March 8, hundreds of traders marched through Gao to demand more security.\n\n"
        "The march was prompted by the murder of a shopkeeper whom robbers stabbed in Bamako on March 6."
    )
    events = _events(text, "en", date(2022, 3, 9))
    assert [(e.sub_event_type, e.location) for e in events] == [("Peaceful protest", "Gao")]


def test_the_attack_a_raid_answered_is_no_event_fr():
    text = (
        "Le 8 mars, des hommes armés ont tué quatre bergers près de Gao.\n\n"
        "Ce raid aurait été mené en représailles à l'attaque d'un campement à Bourem le 5 mars."
    )
    events = _events(text, "fr", date(2022, 3, 9))
    assert [e.location for e in events] == ["Gao"]
