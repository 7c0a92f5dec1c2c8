"""Documents, ingest, service routes, the UI's files and the error mapping."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eventwire.api import ApiSettings, routes
from tests.api.conftest import AUTH, TOKEN, client_for

ENGLISH_DISPATCH = (
    "Gunmen attacked a passenger bus near Wajir in northeastern Kenya on Monday, killing four "
    "people and wounding two others, police said. The attackers fled towards the Somali border."
)


def test_get_document_has_text_and_live_events(client):
    document = client.get("/api/documents/doc-iraq").json()
    assert document["text"].startswith("Deux drones")
    assert document["title"] == "Drones <b>abattus</b>"  # stored as given; the UI escapes it
    assert document["event_ids"] == ["ew-asad"]
    assert client.get("/api/documents/doc-nope").status_code == 404


def test_ingest_unreadable_inputs_become_recorded_skips(client, db):
    short = client.post("/api/documents", headers=AUTH, json={"content": "Frappe."})
    assert short.status_code == 200
    assert short.json()["documents"] == []
    assert [(s["origin"], s["reason"]) for s in short.json()["skips"]] == [("api:text", "too_short")]
    batch = "\n".join([json.dumps({"id": 1, "text": ""}), "{not json", json.dumps([1])])
    skips = client.post("/api/documents", headers=AUTH, json={"format": "jsonl", "content": batch}).json()["skips"]
    assert [(s["origin"], s["reason"]) for s in skips] == [
        ("api:jsonl:1", "empty"),
        ("api:jsonl:2", "bad_json"),
        ("api:jsonl:3", "bad_record"),
    ]
    from eventwire.store import open_store

    with open_store(db) as store:
        assert {s["reason"] for s in store.skips()} == {
            "too_short",
            "empty",
            "bad_json",
            "bad_record",
        }


def test_ingest_needs_the_token(client):
    response = client.post("/api/documents", json={"content": ENGLISH_DISPATCH})
    assert response.status_code == 401


def test_ingest_rejects_an_unknown_format(client):
    response = client.post("/api/documents", headers=AUTH, json={"format": "pdf", "content": "x" * 30})
    assert response.status_code == 422
    assert "format" in response.json()["error"]["message"]


def test_upload_binary_file_is_a_skip(client):
    response = client.post(
        "/api/documents/upload",
        headers=AUTH,
        files={"file": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "text/plain")},
    )
    assert response.status_code == 200
    assert [s["reason"] for s in response.json()["skips"]] == ["binary"]


def test_upload_over_the_size_limit_is_413(client, monkeypatch):
    monkeypatch.setattr(routes, "MAX_INPUT_BYTES", 100)
    response = client.post("/api/documents/upload", headers=AUTH, files={"file": ("big.txt", b"a " * 100)})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


@pytest.mark.slow
def test_ingest_text_runs_the_pipeline_and_stores_events(client):
    body = {
        "content": ENGLISH_DISPATCH,
        "published": "2023-10-17",
        "source": "Reuters",
        "title": "Bus attack near Wajir",
    }
    first = client.post("/api/documents", headers=AUTH, json=body)
    assert first.status_code == 200, first.text
    document = first.json()["documents"][0]
    assert document["status"] == "inserted"
    assert document["event_ids"]
    again = client.post("/api/documents", headers=AUTH, json=body).json()["documents"][0]
    assert again["status"] == "unchanged"
    stored = client.get(f"/api/documents/{document['document_id']}").json()
    assert stored["outlet"] == "Reuters"
    assert stored["published"] == date(2023, 10, 17).isoformat()
    event = client.get(f"/api/events/{document['event_ids'][0]}").json()
    # The seeded Wajir event may absorb it (cross-document resolution): either way it reports it.
    assert document["document_id"] in {r["document_id"] for r in event["reports"]}


def test_store_errors_are_json_500_with_the_message(db, tmp_path):
    client = client_for(ApiSettings(db=db, token=TOKEN))
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not an SQLite file" * 100)
    client.app.state.settings = ApiSettings(db=bad, token=TOKEN)
    response = client.get("/api/events")
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "store_error"
    assert "not-a-db.sqlite" in error["message"]


def test_unknown_path_is_a_json_404(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_openapi_schema_is_served(client):
    schema = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/export",
    } <= set(schema["paths"])
    assert set(schema["paths"]["/api/events/{event_id}"]) == {"get", "patch", "delete"}
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


def test_health_and_meta(client):
    assert client.get("/api/health").json()["status"] == "ok"
    meta = client.get("/api/meta").json()
    assert "Air/drone strike" in meta["event_types"]["Explosions/Remote violence"]
    assert meta["writable"] is True


def test_ui_and_its_libraries_are_served_by_eventwire(client):
    index = client.get("/")
    assert index.status_code == 200
    assert "default-src 'self'" in index.headers["content-security-policy"]
    html = index.text
    assert "/static/main.js" in html and "/vendor/leaflet/leaflet.js" in html
    assert "http://" not in html and "https://" not in html  # nothing from a CDN
    assert client.get("/static/main.js").status_code == 200
    if client.get("/api/health").json()["ui_assets"]:
        assert client.get("/vendor/leaflet/leaflet.js").status_code == 200
        atlas = client.get("/vendor/world-atlas/countries-110m.json")
        assert atlas.status_code == 200 and atlas.json()["type"] == "Topology"


def test_ui_libraries_missing_answer_with_a_hint(db, tmp_path):
    web = tmp_path / "web"
    (web / "static").mkdir(parents=True)
    (web / "static" / "index.html").write_text("<!doctype html>")
    client = client_for(ApiSettings(db=db, token=TOKEN, web_dir=web))
    response = client.get("/vendor/leaflet/leaflet.js")
    assert response.status_code == 404
    assert "./dev setup" in response.json()["error"]["message"]
    assert client.get("/api/health").json()["ui_assets"] is False
