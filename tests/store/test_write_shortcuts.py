"""The store's shortcuts on a document's write path (issue 19) store what the long way did.

Invented events (tests/factories): an account written in the ingest is built from the dict its
record was serialized from, not parsed back; an event row is made without the event's reports;
a rebuilt event whose actors stay the same keeps its actor index rows as they are.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from eventwire.models import ACLED_COLUMNS, Provenance
from eventwire.store import EventFilters, open_store
from eventwire.store.actors import search_names
from eventwire.store.rows import contribution_account, event_row, to_json
from tests.factories import TEXT_EN, make_document, make_event
from tests.store.conftest import _make_result


@pytest.mark.parametrize("context", [0, 1])
def test_an_account_from_its_dict_equals_the_account_parsed_from_its_record(context):
    event = make_event(
        provenance={
            "admin2": Provenance("gazetteer", reason="no admin2 in the text"),
            "location": Provenance("gazetteer", "doc-a", "Aïn al-Asad", 3, 14),
            "actor1": Provenance("claim", "doc-a", "la Résistance", 20, 33, reason="quoted"),
        },
        claimed_by=("Résistance islamique", "another group"),
    )
    fields = event.as_dict()
    record = to_json(fields)
    parsed = contribution_account({"document_id": "doc-a", "context": context, "record": record})
    built = contribution_account({"document_id": "doc-a", "context": context, "record": record, "fields": fields})
    assert built == parsed
    assert built.context_only is bool(context)


def test_an_event_row_holds_the_columns_of_the_output_contract():
    event = make_event()
    d = event.as_dict()
    row = event_row(event)
    assert {col: row[col] for col in ACLED_COLUMNS} == {col: d[col] for col in ACLED_COLUMNS}
    assert row["event_date"] == "2023-10-17"
    assert json.loads(row["claimed_by"]) == d["claimed_by"]
    assert json.loads(row["provenance"]) == d["provenance"]


def _actor_index(store) -> dict[str, list[str]]:
    rows = store._conn.execute(
        "SELECT l.event_id, n.name FROM event_actor_names l JOIN actor_names n ON n.id = l.name_id"
    ).fetchall()
    index: dict[str, list[str]] = {}
    for event_id, name in rows:
        index.setdefault(event_id, []).append(name)
    return {event_id: sorted(names) for event_id, names in index.items()}


def test_the_actor_index_follows_a_join_that_keeps_or_changes_the_actors(store_location):
    """A second outlet's account of an invented bus attack joins the stored event: the actors
    stay (index left as it is), then a third names the attackers (index rewritten)."""
    first = make_document(TEXT_EN, doc_id="doc-1", lang="en", outlet="Wire One")
    bus = make_event(first, actor1="Unidentified Armed Group (Kenya)", actor2="Civilians (Kenya)", country="Kenya")
    accounts = [(first, bus)]
    for doc_id, actor1 in (("doc-2", bus.actor1), ("doc-3", "Coastal Militia")):
        document = replace(first, id=doc_id, outlet=f"Outlet {doc_id}")
        report = replace(bus.reports[0], document_id=doc_id, outlet=document.outlet)
        accounts.append((document, replace(bus, event_id=f"{doc_id}:0", actor1=actor1, reports=(report,))))
    with open_store(store_location) as store:
        for document, event in accounts:
            store.ingest(_make_result(document, event), similarity=lambda a, b: 0.9)
            [stored] = store.events()
            expected = {
                stored["event_id"]: search_names(
                    store._conn.execute(
                        "SELECT actor_search FROM events WHERE event_id = ?", (stored["event_id"],)
                    ).fetchone()[0]
                )
            }
            assert _actor_index(store) == expected
        assert [e["event_id"] for e in store.events(EventFilters(actor="civilians"))] == ["doc-1:0"]
