"""Issue 7 acceptance, in a real browser: ingest the seed through the UI, see its two markers at
the right places, open the Ain al-Asad event, see the CENTCOM sentence highlighted, correct the
location, see the correction in the history and in the API. Screenshots go to artifacts/e2e/."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "eventwire" / "sample" / "afp_2023-10-18_drones_iraq.txt"
AIN_AL_ASAD = (33.786, 42.441)
HARIR = (36.534, 44.340)
MAX_MARKER_ERROR_KM = 25  # the seed acceptance test's tolerance (tests/integration)
CENTCOM_SENTENCE = "a indiqué le commandement militaire américain pour le Moyen-Orient (Centcom)"
INGEST_TIMEOUT_MS = 240_000  # first document: language models and the gazetteer index load


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def marker_positions(page) -> dict[str, tuple[float, float]]:
    """Return where each marker is drawn: its on-screen centre read back as lat/lon."""
    return page.evaluate(
        """() => {
          const box = document.getElementById('map').getBoundingClientRect();
          const out = {};
          for (const el of document.querySelectorAll('#map [data-event-id]')) {
            const r = el.getBoundingClientRect();
            const ll = window.ewMap.containerPointToLatLng(
              [r.left + r.width / 2 - box.left, r.top + r.height / 2 - box.top]);
            out[el.dataset.eventId] = [ll.lat, ll.lng];
          }
          return out;
        }"""
    )


@pytest.mark.slow
def test_analyst_ingests_maps_reads_and_corrects_the_seed(server, browser, artifacts):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # 1. The empty map, then ingest the bundled dispatch by uploading it.
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=map]")
    page.fill("#token", server.token)
    page.press("#token", "Tab")
    page.click("nav >> text=Ingest")
    page.check("input[name=mode][value=upload]")
    page.set_input_files("input[name=file]", str(SAMPLE))
    page.fill("#ingest-form input[name=published]", "2023-10-18")
    page.click("#ingest-form button[type=submit]")
    summary = page.wait_for_selector(".ingest-summary", timeout=INGEST_TIMEOUT_MS)
    assert "1 document(s) processed" in summary.inner_text()
    assert "2 new event(s)" in summary.inner_text()
    assert "null" not in page.inner_text("#ingest-result")

    # 2. Two markers, drawn where the events are, over the country boundaries.
    page.click("nav >> text=Map")
    page.wait_for_function("() => document.querySelectorAll('#map [data-event-id]').length === 2", timeout=20_000)
    page.wait_for_function("() => Number(document.getElementById('map').dataset.countries) > 100", timeout=20_000)
    page.wait_for_timeout(500)  # let the fit-to-markers zoom settle
    with server.api() as api:
        events = api.get("/api/events").json()["events"]
    assert len(events) == 2
    drawn = marker_positions(page)
    assert set(drawn) == {e["event_id"] for e in events}
    asad = next(e for e in events if km((e["latitude"], e["longitude"]), AIN_AL_ASAD) < 25)
    harir = next(e for e in events if km((e["latitude"], e["longitude"]), HARIR) < 25)
    assert km(tuple(drawn[asad["event_id"]]), AIN_AL_ASAD) < MAX_MARKER_ERROR_KM
    assert km(tuple(drawn[harir["event_id"]]), HARIR) < MAX_MARKER_ERROR_KM
    page.screenshot(path=str(artifacts / "map.png"))

    # Brushing the timeline away from 18 October empties the map; clearing brings both back.
    box = page.locator("#timeline svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.05, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.2, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => document.querySelectorAll('#map [data-event-id]').length === 0", timeout=5_000)
    assert page.inner_text("#count") == "0 of 2 event(s)"
    page.click("#brush-clear")
    page.wait_for_function("() => document.querySelectorAll('#map [data-event-id]').length === 2", timeout=5_000)

    # 3. Open the Ain al-Asad event from its marker; the CENTCOM sentence is highlighted.
    page.click(f"#map [data-event-id='{asad['event_id']}']")
    page.click(".leaflet-popup .open-event")
    page.wait_for_selector("body[data-ready=event]")
    assert asad["location"] in page.inner_text(".event-title")
    highlighted = page.locator(".doctext mark.evidence")
    marked_text = "".join(highlighted.all_inner_texts())
    assert CENTCOM_SENTENCE in marked_text
    centcom_mark = page.locator(".doctext mark.evidence", has_text="(Centcom) dans un communiqué")
    assert centcom_mark.count() == 1 and centcom_mark.is_visible()
    assert "le Centcom" in page.inner_text(".reports")
    page.screenshot(path=str(artifacts / "event.png"), full_page=True)

    # 4. Correct the location; the history shows who, why and what changed.
    page.fill("#edit-location", "Al Asad Airbase")
    page.fill("#edit-latitude", "33.8003")
    page.fill("#edit-longitude", "42.4412")
    page.fill("#edit-form input[name=who]", "E2E Analyst")
    page.fill("#edit-form input[name=reason]", "official name of the base")
    page.click("#edit-form button[type=submit]")
    row = page.wait_for_selector("table.history tr[data-action=corrected]", timeout=20_000)
    row_text = row.inner_text()
    assert "E2E Analyst" in row_text and "official name of the base" in row_text
    assert "Ain al-Asad Air Base → Al Asad Airbase" in row_text
    page.wait_for_selector("body[data-ready=event]")
    assert "Al Asad Airbase" in page.inner_text(".event-title")
    page.screenshot(path=str(artifacts / "event-corrected.png"), full_page=True)

    # 5. The API agrees.
    with server.api() as api:
        event = api.get(f"/api/events/{asad['event_id']}").json()
    assert (event["location"], event["latitude"], event["longitude"]) == (
        "Al Asad Airbase",
        33.8003,
        42.4412,
    )
    last = event["history"][-1]
    assert (last["action"], last["who"], last["reason"]) == (
        "corrected",
        "E2E Analyst",
        "official name of the base",
    )

    # Text is always escaped: markup in a stored value is shown, never run.
    markup = '<img src=x onerror="window.__injected=1"><b>bold</b>'
    with server.api() as api:
        response = api.patch(
            f"/api/events/{harir['event_id']}",
            headers={"Authorization": f"Bearer {server.token}"},
            json={"who": "E2E", "reason": "escaping check", "changes": {"location": markup}},
        )
        assert response.status_code == 200, response.text
    page.goto(f"{server.url}/#/events/{harir['event_id']}")
    page.wait_for_selector("body[data-ready=event]")
    assert markup in page.inner_text(".event-title")
    assert page.locator(".event-title img, .event-title b").count() == 0
    assert page.evaluate("() => window.__injected") is None

    # Everything the page loaded came from eventwire itself (no CDN, no tiles).
    foreign = [url for url in requests if not url.startswith((server.url, "data:"))]
    assert requests and not foreign, foreign
    assert errors == []
    context.close()
