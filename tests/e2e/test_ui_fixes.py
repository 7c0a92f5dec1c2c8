"""The web UI's rough edges (issue 18, item 9), each checked in a real browser over an invented
store (tests/e2e/seed.py): outlines at the antimeridian, country names, timeline bars, the layout
at 800 px, the event page (evidence font, quotation marks, provenance history, no "null"), the
token field and the ingest summary."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from tests.e2e.conftest import Server, running_server
from tests.e2e.seed import PLAIN_EVIDENCE, QUOTE_EVENT_ID, QUOTED_EVIDENCE, build_store

MERCATOR_LIMIT = 85.0511  # latitudes beyond this are off a Web Mercator map
MIN_BAR_PX = 3
NULLISH = re.compile(r"\b(null|undefined|NaN)\b")
DOUBLED_OPENING = re.compile(r"^\s*[“\"«„‘]\s*[“\"«„‘]")
DOUBLED_CLOSING = re.compile(r"[”\"»“]\s*[”\"»“]\s*$")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Iterator[tuple[Server, dict[str, list[str]]]]:
    work = tmp_path_factory.mktemp("e2e-ui")
    ids = build_store(work / "ui.sqlite")
    with running_server(work / "ui.sqlite", work / "server.log") as server:
        yield server, ids


@pytest.fixture
def open_page(browser, seeded):
    """Return a function opening a page of the seeded server; page errors fail the test."""
    server, _ = seeded
    contexts, errors = [], []

    def open_(path: str = "/", *, width: int = 1400, height: int = 900, ready: str = "map"):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(server.url + path)
        page.wait_for_selector(f"body[data-ready={ready}]")
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == []


def wait_for_countries(page) -> None:
    page.wait_for_function("() => Number(document.getElementById('map').dataset.countries) > 100", timeout=20_000)


# -- the map -------------------------------------------------------------------------------------

RING_JUMPS = """() => {
  const rings = (a) => (a.length && a[0] instanceof L.LatLng ? [a] : a.flatMap(rings));
  const jumps = [];
  window.ewMapView.countries.eachLayer((layer) => {
    for (const ring of rings(layer.getLatLngs())) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i], b = ring[(i + 1) % ring.length];
        const offMap = Math.abs(a.lat) >= LIMIT && Math.abs(b.lat) >= LIMIT;
        if (Math.abs(a.lng - b.lng) > 180 && !offMap) jumps.push(layer.feature.properties.name);
      }
    }
  });
  return jumps;
}"""

# The longest horizontal step of any drawn outline inside the visible map, in pixels.
LONGEST_DRAWN_STEP = """() => {
  const box = document.getElementById('map').getBoundingClientRect();
  let longest = 0;
  for (const path of document.querySelectorAll('#map .leaflet-overlay-pane path')) {
    const matrix = path.getScreenCTM();
    const numbers = (path.getAttribute('d') || '').match(/[ML][^MLz]*/g) || [];
    let previous = null;
    for (const part of numbers) {
      const [x, y] = part.slice(1).trim().split(/[ ,]+/).map(Number);
      const p = new DOMPoint(x, y).matrixTransform(matrix);
      const visible = p.y > box.top + 2 && p.y < box.bottom - 2;
      if (part[0] === 'L' && previous && visible && previous.visible) {
        longest = Math.max(longest, Math.abs(p.x - previous.x));
      }
      previous = { x: p.x, visible };
    }
  }
  return longest;
}"""


def test_country_outlines_never_jump_across_the_antimeridian(open_page):
    page = open_page()
    wait_for_countries(page)
    assert page.evaluate(RING_JUMPS.replace("LIMIT", str(MERCATOR_LIMIT))) == []


def test_map_centred_on_the_antimeridian_draws_no_line_across_it(open_page, seeded):
    page = open_page()
    wait_for_countries(page)
    page.evaluate("() => { window.ewMap.setView([0, 180], 3, { animate: false }); }")
    page.wait_for_timeout(300)
    world_px = 256 * 2**3
    assert page.evaluate(LONGEST_DRAWN_STEP) < world_px / 4
    # Land is drawn on both sides of 180° (the outlines' world copies).
    sides = page.evaluate(
        """() => {
          const box = document.getElementById('map').getBoundingClientRect();
          const middle = box.left + box.width / 2;
          let west = 0, east = 0;
          for (const path of document.querySelectorAll('#map .leaflet-overlay-pane path')) {
            const r = path.getBoundingClientRect();
            if (!r.width || r.bottom < box.top || r.top > box.bottom) continue;
            if (r.right < middle && r.right > box.left) west += 1;
            if (r.left > middle && r.left < box.right) east += 1;
          }
          return [west, east];
        }"""
    )
    assert min(sides) > 0, sides
    # The events either side of 180° are all on the map.
    _, ids = seeded
    placed = page.evaluate("() => [...window.ewMapView.markers.keys()]")
    assert set(ids["pacific"]) <= set(placed)


def test_map_names_the_countries_without_overlaps(open_page):
    page = open_page()
    wait_for_countries(page)
    page.evaluate("() => { window.ewMap.setView([45, 60], 3, { animate: false }); }")
    page.wait_for_timeout(300)
    labels = page.evaluate(
        """() => [...document.querySelectorAll('#map .country-label:not(.off) span')].map((el) => {
          const r = el.getBoundingClientRect();
          return { name: el.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        })"""
    )
    names = {label["name"] for label in labels}
    assert len(labels) >= 15 and {"Russia", "Kazakhstan", "China"} <= names, names
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            apart = (
                a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
            )
            assert apart, (a, b)
    # Each name sits inside its country: "Kazakhstan" between 40–56°N and 46–88°E.
    kz = next(label for label in labels if label["name"] == "Kazakhstan")
    centre = page.evaluate(
        """([x, y]) => {
          const box = document.getElementById('map').getBoundingClientRect();
          const ll = window.ewMap.containerPointToLatLng([x - box.left, y - box.top]);
          return [ll.lat, ll.lng];
        }""",
        [(kz["left"] + kz["right"]) / 2, (kz["top"] + kz["bottom"]) / 2],
    )
    assert 40 < centre[0] < 56 and 46 < centre[1] < 88, centre
    # Zooming in names more countries.
    page.evaluate("() => { window.ewMap.setView([45, 60], 5, { animate: false }); }")
    page.wait_for_timeout(300)
    closer = page.locator("#map .country-label:not(.off)").count()
    page.evaluate("() => { window.ewMap.setView([45, 60], 2, { animate: false }); }")
    page.wait_for_timeout(300)
    assert page.locator("#map .country-label:not(.off)").count() < len(labels) <= closer


def test_timeline_bars_are_never_thinner_than_three_pixels(open_page, seeded):
    page = open_page()
    bars = page.evaluate(
        """() => [...document.querySelectorAll('#timeline rect[data-type]')].map((r) => ({
          width: r.getBoundingClientRect().width, count: Number(r.dataset.count) }))"""
    )
    assert bars and min(bar["width"] for bar in bars) >= MIN_BAR_PX
    total = sum(len(v) for v in seeded[1].values())  # every seeded event is dated
    assert sum(bar["count"] for bar in bars) == total
    assert "days" in page.inner_text("#timeline-title")  # bars count several days each


@pytest.mark.parametrize(("width", "height"), [(800, 600), (420, 780)])
def test_the_map_is_on_screen_without_scrolling_on_narrow_windows(open_page, width, height):
    page = open_page(width=width, height=height)
    wait_for_countries(page)
    box = page.locator("#map").bounding_box()
    visible_height = min(box["y"] + box["height"], height) - max(box["y"], 0)
    assert box["y"] < height / 2 and visible_height >= 0.4 * height, box
    assert box["width"] >= 0.6 * width, box
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


# -- the event page ------------------------------------------------------------------------------


@pytest.fixture
def quote_event_page(open_page):
    return open_page(f"/#/events/{QUOTE_EVENT_ID}", width=1280, ready="event")


def test_event_page_shows_no_null(quote_event_page):
    body = quote_event_page.inner_text("body")
    assert not NULLISH.search(body), NULLISH.search(body)
    assert "default" in quote_event_page.inner_text(".fields tr[data-field=injuries]")


def test_highlighted_evidence_keeps_the_text_size(quote_event_page):
    sizes = quote_event_page.evaluate(
        """() => [document.querySelector('.doctext'), document.querySelector('.doctext mark.evidence')]
          .map((el) => getComputedStyle(el).fontSize)"""
    )
    assert sizes[0] == sizes[1], sizes


def test_quotation_marks_are_never_doubled(quote_event_page):
    page = quote_event_page
    quotes = (
        page.locator(".reports .quote").all_inner_texts() + page.locator(".fields .prov-cell button").all_inner_texts()
    )
    assert len(quotes) >= 4
    for text in quotes:
        assert not DOUBLED_OPENING.search(text) and not DOUBLED_CLOSING.search(text), text
    # A quote with marks of its own keeps just those; any other gets “ ”.
    assert QUOTED_EVIDENCE in quotes and f"“{PLAIN_EVIDENCE}”" in quotes


def test_history_shows_before_and_after_per_field_without_json(quote_event_page):
    page = quote_event_page
    text = page.locator("table.history tr[data-action=updated]").inner_text()
    assert "location: Ridge → Ridgeway Camp" in text
    assert "location read from: “ridge” (gazetteer:ner) → “Ridgeway Camp” (gazetteer:ner)" in text
    assert "{" not in text and '"start"' not in text
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate(
        "() => { const t = document.querySelector('table.history'); return t.scrollWidth <= t.clientWidth; }"
    )


def test_entering_the_token_keeps_unsaved_edits(open_page, seeded):
    server, ids = seeded
    event_id = ids["pacific"][2]
    page = open_page(f"/#/events/{event_id}", ready="event")
    page.fill("#edit-location", "Anadyr Airport")
    page.fill("#edit-form input[name=who]", "E2E Analyst")
    page.fill("#token", server.token)
    page.press("#token", "Tab")
    page.wait_for_timeout(500)
    assert page.input_value("#edit-location") == "Anadyr Airport"
    assert page.input_value("#edit-form input[name=who]") == "E2E Analyst"
    # …and the token now in use lets the correction through.
    page.fill("#edit-form input[name=reason]", "the airport, not the town")
    page.click("#edit-form button[type=submit]")
    row = page.wait_for_selector("table.history tr[data-action=corrected]", timeout=20_000)
    assert "Anadyr → Anadyr Airport" in row.inner_text()


def test_ingest_summary_has_no_null(open_page, seeded):
    server, _ = seeded
    # The pipeline's answer is stubbed (no language models here): a pasted text, no title, no skip.
    answer = {
        "documents": [
            {
                "document_id": "doc-pasted",
                "origin": "api:text",
                "title": None,
                "status": "inserted",
                "event_ids": ["ew-pasted-1"],
                "context_ids": [],
                "created": ["ew-pasted-1"],
                "joined": [],
                "updated": [],
                "deleted": [],
            }
        ],
        "skips": [],
    }
    page = open_page("/#/ingest", ready="ingest")
    page.route(
        "**/api/documents",
        lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(answer)),
    )
    page.fill("#token", server.token)
    page.press("#token", "Tab")
    page.fill("#ingest-form textarea[name=content]", "An invented dispatch about a protest in Sampletown.")
    page.click("#ingest-form button[type=submit]")
    page.wait_for_selector(".ingest-summary")
    result = page.inner_text("#ingest-result")
    assert "1 new event(s)" in result and "ew-pasted-1 (new)" in result
    assert not NULLISH.search(result), result
