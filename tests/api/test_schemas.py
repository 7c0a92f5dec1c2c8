"""The HTTP event schema is derived from models.py: one definition of an event's fields."""

from __future__ import annotations

from dataclasses import fields

from eventwire.api.schemas import EventChanges, EventOut, ReportOut, SubEventType
from eventwire.models import Event, Report
from eventwire.taxonomy import SUB_EVENT_TO_TYPE
from tests.api.conftest import make_results


def test_event_out_has_the_output_contract_fields_in_order():
    event = make_results()[0].events[0]
    assert list(EventOut.model_fields) == list(event.as_dict())
    assert EventOut.model_validate(event.as_dict()).model_dump() == event.as_dict()


def test_event_out_follows_the_records_fields():
    assert list(EventOut.model_fields) == [f.name for f in fields(Event) if f.name != "context_only"]
    assert list(ReportOut.model_fields) == [f.name for f in fields(Report)]
    assert all(f.is_required() for f in EventOut.model_fields.values())  # always present, maybe null
    assert EventOut.model_fields["provenance"].description.startswith("For each field")


def test_event_changes_are_fields_of_the_event():
    editable = set(EventChanges.model_fields)
    assert editable <= {f.name for f in fields(Event)}
    assert editable.isdisjoint({"event_id", "reports", "provenance", "context_only"})


def test_api_sub_types_are_the_taxonomys():
    assert {s.value for s in SubEventType} == set(SUB_EVENT_TO_TYPE)
