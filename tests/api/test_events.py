"""GET/PATCH/DELETE /api/events and /api/export against a seeded temporary store."""

from __future__ import annotations

import csv
import io
import json

import pytest

from eventwire.api import ApiSettings
from eventwire.api.schemas import EventPage
from eventwire.models import ACLED_COLUMNS
from tests.api.conftest import AUTH, TOKEN, client_for


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["event_id"] for e in response.json()["events"]]


def test_list_events_returns_output_contract_newest_first(client):
    body = client.get("/api/events").json()
    assert [e["event_id"] for e in body["events"]] == ["ew-asad", "ew-wajir"]
    assert body["next_offset"] is None
    event = body["events"][0]
    assert list(event)[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert event["reports"][0]["evidence"][0]["start"] >= 0
    assert list(event)[-1] == "provenance"


def test_the_event_list_is_the_bytes_its_response_model_would_give(client):
    """The list is serialized without validation (routes.json_response): it must still be
    exactly what EventPage, the documented model, gives for the same page."""
    for query in ("", "?limit=1", "?include_context=true"):
        response = client.get(f"/api/events{query}")
        assert response.headers["content-type"] == "application/json"
        assert EventPage.model_validate_json(response.content).model_dump_json().encode() == response.content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=Kenya", ["ew-wajir"]),
        ("country=iq", ["ew-asad"]),
        ("admin1=wajir", ["ew-wajir"]),
        ("event_type=Strategic developments", ["ew-asad"]),
        ("sub_event_type=Attack", ["ew-wajir"]),
        ("actor=resistance", ["ew-asad"]),
        ("min_fatalities=1", ["ew-wajir"]),
        ("claim_status=claimed", ["ew-asad"]),
        ("text=gunmen bus", ["ew-wajir"]),
        ("from=2023-10-17", ["ew-asad"]),
        ("to=2023-10-17", ["ew-wajir"]),
        ("bbox=40,30,45,35", ["ew-asad"]),
        ("near=1.7,40.0,50", ["ew-wajir"]),
        ("sort=fatalities", ["ew-asad", "ew-wajir"]),
        ("sort=-fatalities", ["ew-wajir", "ew-asad"]),
    ],
)
def test_list_events_applies_each_filter_of_the_cli(client, query, expected):
    assert ids(client.get(f"/api/events?{query}")) == expected


def test_list_events_pages_with_next_offset(client):
    first = client.get("/api/events?limit=1&sort=event_date").json()
    assert [e["event_id"] for e in first["events"]] == ["ew-wajir"]
    assert first["next_offset"] == 1
    second = client.get(f"/api/events?limit=1&sort=event_date&offset={first['next_offset']}")
    assert ids(second) == ["ew-asad"]
    assert second.json()["next_offset"] is None


@pytest.mark.parametrize(
    ("query", "status", "words"),
    [
        ("bbox=1,2", 400, "bbox"),
        ("near=a,b,c", 400, "near"),
        ("from=2023-10-18&to=2023-10-01", 400, "after"),
        ("text=%20", 400, "text search"),
        ("limit=0", 422, "limit"),
        ("sort=sideways", 422, "sort"),
        ("claim_status=rumoured", 422, "claim_status"),
        ("from=yesterday", 422, "from"),
    ],
)
def test_list_events_rejects_bad_filters_with_json_errors(client, query, status, words):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] in {"bad_input", "invalid_request"}
    assert words in error["message"]


def test_get_event_has_reports_evidence_provenance_and_history(client):
    event = client.get("/api/events/ew-asad").json()
    assert [r["claim_status"] for r in event["reports"]] == ["reported", "claimed"]
    assert event["reports"][0]["attributed_to"] == "le Centcom"
    assert event["provenance"]["location"]["text"] == "Aïn al-Asad"
    assert event["deleted"] is False
    assert [r["action"] for r in event["history"]] == ["created"]


def test_get_unknown_event_is_a_json_404(client):
    response = client.get("/api/events/ew-nope")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "no event 'ew-nope'"}}
    assert client.get("/api/events/ew-nope/history").status_code == 404


def correction(**changes):
    return {"who": "Analyst A", "reason": "base is at Al Asad", "changes": changes}


def test_correct_event_is_logged_with_who_and_why(client):
    response = client.patch(
        "/api/events/ew-asad",
        headers=AUTH,
        json=correction(location="Al Asad Airbase", latitude=33.8, longitude=42.44),
    )
    assert response.status_code == 200, response.text
    event = response.json()
    assert (event["location"], event["latitude"], event["longitude"]) == (
        "Al Asad Airbase",
        33.8,
        42.44,
    )
    last = event["history"][-1]
    assert (last["action"], last["who"], last["reason"]) == (
        "corrected",
        "Analyst A",
        "base is at Al Asad",
    )
    assert last["diff"]["location"] == ["Ain al-Asad Air Base", "Al Asad Airbase"]
    assert client.get("/api/events?actor=resistance").json()["events"][0]["location"] == ("Al Asad Airbase")


def test_correct_sub_event_type_alone_sets_its_type(client):
    event = client.patch("/api/events/ew-asad", headers=AUTH, json=correction(sub_event_type="Air/drone strike")).json()
    assert (event["event_type"], event["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_correct_with_unchanged_values_writes_no_revision(client):
    event = client.patch("/api/events/ew-asad", headers=AUTH, json=correction(location="Ain al-Asad Air Base")).json()
    assert [r["action"] for r in event["history"]] == ["created"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (correction(), 400, "changes is empty"),
        (correction(fatalities=None), 422, "fatalities"),
        (correction(fatalities=-1), 422, "fatalities"),
        (correction(latitude=91), 422, "latitude"),
        (correction(event_id="x"), 422, "event_id"),
        (correction(event_type="Battles"), 400, "not a sub-type"),
        (correction(sub_event_type="Rumour"), 422, "sub_event_type"),
        ({"who": "", "reason": "r", "changes": {"location": "X"}}, 422, "who"),
        ({"who": "a", "changes": {"location": "X"}}, 422, "reason"),
    ],
)
def test_correct_event_rejects_invalid_changes(client, body, status, words):
    response = client.patch("/api/events/ew-asad", headers=AUTH, json=body)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]


def test_correct_unknown_event_is_404(client):
    response = client.patch("/api/events/ew-nope", headers=AUTH, json=correction(location="X"))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": "Basic eDp5"}, 401)],
)
def test_writes_need_the_bearer_token(client, headers, status):
    response = client.patch("/api/events/ew-asad", headers=headers, json=correction(location="X"))
    assert response.status_code == status
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert client.get("/api/events/ew-asad").json()["location"] == "Ain al-Asad Air Base"


def test_writes_are_refused_without_a_configured_token(db):
    client = client_for(ApiSettings(db=db, token=None))
    response = client.patch("/api/events/ew-asad", headers=AUTH, json=correction(location="X"))
    assert response.status_code == 403
    assert "--token" in response.json()["error"]["message"]
    assert client.get("/api/meta").json()["writable"] is False


def test_private_server_closes_reads_without_the_token(db):
    client = client_for(ApiSettings(db=db, token=TOKEN, private=True))
    for path in ("/api/events", "/api/events/ew-asad", "/api/documents/doc-iraq", "/api/export"):
        assert client.get(path).status_code == 401, path
        assert client.get(path, headers=AUTH).status_code == 200, path
    assert client.get("/api/health").status_code == 200
    assert client.get("/api/meta").json()["private"] is True


def test_delete_event_keeps_history_and_hides_it(client):
    response = client.delete("/api/events/ew-wajir", headers=AUTH, params={"who": "Analyst B", "reason": "duplicate"})
    assert response.status_code == 200
    assert response.json()["deleted"] is True
    assert response.json()["history"][-1]["who"] == "Analyst B"
    assert ids(client.get("/api/events")) == ["ew-asad"]
    again = client.delete("/api/events/ew-wajir", headers=AUTH, params={"who": "Analyst B", "reason": "again"})
    assert again.status_code == 409
    patch = client.patch("/api/events/ew-wajir", headers=AUTH, json=correction(location="X"))
    assert patch.status_code == 409


def test_export_acled_csv_has_exactly_acled_columns(client):
    response = client.get("/api/export?format=acled-csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == list(ACLED_COLUMNS)
    assert len(rows) == 3


def test_export_geojson_and_jsonl_follow_filters(client):
    geo = client.get("/api/export?format=geojson&country=Kenya").json()
    assert geo["type"] == "FeatureCollection"
    assert [f["id"] for f in geo["features"]] == ["ew-wajir"]
    assert geo["features"][0]["geometry"]["coordinates"] == [40.0573, 1.7471]
    lines = client.get("/api/export?format=jsonl").text.splitlines()
    assert {json.loads(line)["event_id"] for line in lines} == {"ew-asad", "ew-wajir"}


def test_the_kept_sqlite_reader_sees_new_writes_and_a_replaced_file(tmp_path):
    """The event list reads through a store kept open per worker thread (deps.reader_for): it
    must see what other connections commit, and a new file put at the same path."""
    from eventwire.store import open_store
    from tests.api.conftest import make_results

    path = tmp_path / "kept.sqlite"
    iraq, kenya = make_results()
    with open_store(path) as store:
        store.write_result(iraq)
    client = client_for(ApiSettings(db=path))
    for _ in range(3):  # the worker threads open and keep their store
        assert ids(client.get("/api/events")) == ["ew-asad"]
    with open_store(path) as store:
        store.write_result(kenya)
    for _ in range(3):
        assert ids(client.get("/api/events")) == ["ew-asad", "ew-wajir"]
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"kept.sqlite{suffix}").unlink(missing_ok=True)
    with open_store(path) as store:
        store.write_result(kenya)
    for _ in range(3):
        assert ids(client.get("/api/events")) == ["ew-wajir"]
