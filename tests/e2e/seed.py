"""An event store for the UI tests, written through the store layer (no pipeline, no models).

Every document and event is invented. They exercise what the UI must draw well: events on both
sides of the antimeridian, dates spread over two years (many days per timeline pixel), evidence
that is itself a quotation, a provenance entry that quotes nothing, and a revision that changes a
field's provenance.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from eventwire.models import Document, Event, Evidence, Provenance, Report
from eventwire.pipeline import DocumentResult
from eventwire.store import open_store

QUOTE_TEXT = (
    '"The convoy was hit twice near the ridge," a militia spokesman told reporters. '
    "Three fighters were killed at Ridgeway Camp on Sunday, local officials said."
)
QUOTED_EVIDENCE = '"The convoy was hit twice near the ridge," a militia spokesman told reporters.'
PLAIN_EVIDENCE = "Three fighters were killed at Ridgeway Camp on Sunday, local officials said."
QUOTE_EVENT_ID = "ew-e2e-quote"
TIMELINE_DAYS = 730  # two years: under a pixel a day on a laptop screen
TIMELINE_EVENTS = 60

# (event id, place, country, iso, latitude, longitude): both sides of 180°.
PACIFIC = (
    ("ew-e2e-viti", "Nadi", "Fiji", "FJ", -17.77, 177.44),
    ("ew-e2e-lau", "Lakeba", "Fiji", "FJ", -18.2, -178.8),
    ("ew-e2e-anadyr", "Anadyr", "Russia", "RU", 64.73, 177.51),
)


def _document(doc_id: str, text: str, *, title: str | None = "Invented dispatch") -> Document:
    return Document(
        id=doc_id,
        text=text,
        lang="en",
        title=title,
        url=f"https://example.org/{doc_id}",
        outlet="Example Wire",
        published=date(2024, 5, 6),
        origin=f"{doc_id}.txt",
    )


def _event(document: Document, event_id: str, evidence: tuple[str, ...], **fields: object) -> Event:
    quotes = tuple(Evidence(document.id, q, document.text.index(q), document.text.index(q) + len(q)) for q in evidence)
    report = Report(document.id, document.url, document.outlet, "local officials", "reported", quotes, 0)
    values: dict[str, object] = {
        "event_id": event_id,
        "event_date": date(2024, 5, 5),
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Invented Militia",
        "assoc_actor_1": None,
        "actor2": "Invented Army",
        "assoc_actor_2": None,
        "country": "Fiji",
        "iso": "FJ",
        "admin1": None,
        "admin2": None,
        "location": "Nadi",
        "latitude": -17.77,
        "longitude": 177.44,
        "geo_precision": 2,
        "fatalities": 0,
        "source": "Example Wire",
        "notes": "An invented event for the browser tests.",
        "confidence": 0.7,
        "reports": (report,),
        "provenance": {},
    }
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]


def _provenance(document: Document, method: str, words: str) -> Provenance:
    start = document.text.index(words)
    return Provenance(method, document.id, words, start, start + len(words))


def _quote_event(document: Document, *, location: str, provenance: dict[str, Provenance]) -> Event:
    return _event(
        document,
        QUOTE_EVENT_ID,
        (QUOTED_EVIDENCE, PLAIN_EVIDENCE),
        location=location,
        fatalities=3,
        provenance=provenance,
    )


def build_store(path: Path) -> dict[str, list[str]]:
    """Write the invented store at `path`; return the event ids by purpose."""
    ids: dict[str, list[str]] = {"pacific": [], "timeline": [], "quote": [QUOTE_EVENT_ID]}
    with open_store(path) as store:
        for event_id, place, country, iso, lat, lon in PACIFIC:
            text = f"Gunfire was reported near {place} on Sunday, officials said."
            doc = _document(f"doc-{event_id}", text)
            event = _event(
                doc, event_id, (text,), location=place, country=country, iso=iso, latitude=lat, longitude=lon
            )
            store.write_result(DocumentResult(doc, (event,)))
            ids["pacific"].append(event_id)
        start = date(2022, 1, 3)
        for i in range(TIMELINE_EVENTS):
            text = f"Protesters gathered in Sampletown for the {i + 1}th time, organisers said."
            doc = _document(f"doc-timeline-{i}", text)
            when = start + timedelta(days=(i * TIMELINE_DAYS) // (TIMELINE_EVENTS - 1))
            event = _event(
                doc,
                f"ew-e2e-day-{i}",
                (text,),
                event_date=when,
                event_type="Protests",
                sub_event_type="Peaceful protest",
                location="Sampletown",
                latitude=10.0 + i * 0.01,
                longitude=20.0,
            )
            store.write_result(DocumentResult(doc, (event,)))
            ids["timeline"].append(event.event_id)

        # The quote event, then the same document reread by a later pipeline that places the
        # event elsewhere: an "updated" revision whose diff holds the provenance.
        doc = _document("doc-quote", QUOTE_TEXT, title=None)
        first = _quote_event(
            doc,
            location="Ridge",
            provenance={
                "location": _provenance(doc, "gazetteer:ner", "ridge"),
                "injuries": Provenance("default"),  # a method that quotes nothing
                "fatalities": _provenance(doc, "casualties:figures", "Three fighters were killed"),
            },
        )
        store.write_result(DocumentResult(doc, (first,)))
        later = replace(
            first,
            location="Ridgeway Camp",
            provenance={
                **first.provenance,
                "location": _provenance(doc, "gazetteer:ner", "Ridgeway Camp"),
            },
        )
        store.write_result(DocumentResult(doc, (later,)), pipeline_version="99.0.0")
    return ids
