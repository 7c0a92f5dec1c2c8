"""The actor filter: a case-insensitive substring of any of an event's actors, answered through
the index of distinct names (store/actors.py) or row by row, with the same result either way.

Each `store` test runs on SQLite and on PostgreSQL (`store_location`, tests/conftest.py)."""

from __future__ import annotations

import sqlite3

import pytest

from eventwire.store import EventFilters, open_store
from eventwire.store.actors import ActorIndex
from tests.factories import make_document, make_event
from tests.store.conftest import _make_result

# Invented actors, accented and not, with a wildcard character in one name.
ACTORS = {
    0: {"actor1": "Forces Armées de la République du Nord", "actor2": "Civilians (Nordland)"},
    1: {"actor1": "Unidentified Armed Group (Nordland)", "actor2": None, "assoc_actor_1": "Milice_Est; Farmers"},
    2: {"actor1": "Police Forces of Nordland", "actor2": "Protesters (Nordland)"},
    3: {"actor1": None, "actor2": None},
}


def ids(events):
    return sorted(e["event_id"] for e in events)


@pytest.fixture
def store(store_location):
    with open_store(store_location) as s:
        document = make_document()
        events = [make_event(document, n, **fields) for n, fields in ACTORS.items()]
        s.write_result(_make_result(document, *events))
        yield s


QUERIES = [
    ("armées", ["doc-a:0"]),  # a word of the name
    ("ARMÉES DE LA", ["doc-a:0"]),  # case folded beyond ASCII
    ("armees", []),  # accents are not folded: "armées" is not "armees"
    ("rmed gro", ["doc-a:1"]),  # mid-word
    ("civilians (nordland)", ["doc-a:0"]),  # actor2
    ("FARMERS", ["doc-a:1"]),  # an associated actor
    ("milice_est", ["doc-a:1"]),  # "_" is a literal character...
    ("milice est", []),
    ("mi_ice", []),  # ...not a wildcard
    ("nordland", ["doc-a:0", "doc-a:1", "doc-a:2"]),  # several names, several events
    ("forces", ["doc-a:0", "doc-a:2"]),
    ("nordland\npolice", []),  # one name at a time: nothing spans two actors
    ("nobody", []),
    ("", ["doc-a:0", "doc-a:1", "doc-a:2", "doc-a:3"]),  # the empty text: every event
]


@pytest.mark.parametrize(("actor", "expected"), QUERIES)
def test_the_actor_filter_is_a_case_folded_substring_of_one_actor(store, actor, expected):
    assert ids(store.events(EventFilters(actor=actor))) == expected


@pytest.mark.parametrize(("actor", "expected"), QUERIES)
def test_the_row_by_row_check_answers_as_the_index_does(store, monkeypatch, actor, expected):
    monkeypatch.setattr(ActorIndex, "INDEXED_UP_TO", 0)  # every match is "common": checked row by row
    assert ids(store.events(EventFilters(actor=actor))) == expected


def test_common_and_rare_names_pick_their_plan(store, monkeypatch):
    monkeypatch.setattr(ActorIndex, "INDEXED_UP_TO", 2)
    assert "actor_search" in store._actors.condition("nordland")[0]  # 3 events: row by row
    assert "event_actor_names" in store._actors.condition("police")[0]  # 1 event: by index
    monkeypatch.setattr(ActorIndex, "MAX_NAMES", 1)
    assert "actor_search" in store._actors.condition("forces")[0]  # 2 names: too many
    assert store._actors.condition("nobody") == ("1 = 0", [])


def test_a_correction_moves_the_event_to_its_new_actor(store):
    store.correct_event("doc-a:2", {"actor1": "Gendarmerie of Nordland"}, who="analyst:t", reason="source")
    assert ids(store.events(EventFilters(actor="police forces"))) == []
    assert ids(store.events(EventFilters(actor="GENDARMERIE"))) == ["doc-a:2"]
    assert ids(store.events(EventFilters(actor="protesters"))) == ["doc-a:2"]  # actor2 kept


def test_reprocessing_replaces_the_names_of_an_event(store):
    document = make_document()
    renamed = make_event(document, 0, actor1="Coastal Militia", actor2=None)
    store.write_result(_make_result(document, renamed), pipeline_version="9999.0")
    assert ids(store.events(EventFilters(actor="armées"))) == []
    assert ids(store.events(EventFilters(actor="coastal"))) == ["doc-a:0"]


def test_deleted_events_stay_out(store):
    store.delete_event("doc-a:1", who="analyst:t", reason="duplicate")
    assert ids(store.events(EventFilters(actor="armed group"))) == []
    assert ids(store.events(EventFilters(actor="armed group", include_deleted=True))) == ["doc-a:1"]


def test_migrations_6_and_7_index_the_events_of_an_older_store(tmp_path):
    path = tmp_path / "old.sqlite"
    with open_store(path) as s:
        document = make_document()
        s.write_result(_make_result(document, *(make_event(document, n, **f) for n, f in ACTORS.items())))
    conn = sqlite3.connect(path)  # back to schema 5: no name index
    conn.executescript(
        "DROP TABLE event_actor_names; DROP TABLE actor_names; DELETE FROM schema_version WHERE version >= 6;"
        " DROP INDEX reports_event_claim; DROP INDEX events_live_type_date_place;"
        " CREATE INDEX events_live_type_date ON events (event_type, event_date) WHERE deleted = 0 AND context_only = 0;"
    )
    conn.close()
    with open_store(path) as s:
        assert s.migrations_run == ["actor_names", "filter_indexes"]
        for actor, expected in QUERIES:
            assert ids(s.events(EventFilters(actor=actor))) == expected, actor
