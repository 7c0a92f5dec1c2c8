"""Hand-made documents, reports and events shared by the tests that need no pipeline.

One factory per record: each returns a valid record from invented text, every field overridable
by keyword, so a test states only what it is about.

    doc = make_document(TEXT_EN, doc_id="doc-b", lang="en")
    event = make_event(doc, fatalities=4, location="Wajir")   # reported by doc, quoting its text
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.models import Document, Event, Evidence, Mention, Place, PlaceMention, Provenance, Report, Span, Trigger

# Invented dispatches.
TEXT_FR = (
    "Deux drones ont été abattus près de la base aérienne d'Aïn al-Asad, a indiqué le Centcom. "
    "La Résistance islamique en Irak a revendiqué l'attaque."
)
TEXT_EN = "Four people were killed when gunmen attacked a bus near Wajir on Monday, police said."


def make_document(text: str = TEXT_FR, *, doc_id: str = "doc-a", **kw: Any) -> Document:
    """Return a document of `text` (French, AFP, 18 October 2023 unless overridden)."""
    fields: dict[str, Any] = {
        "id": doc_id,
        "text": text,
        "lang": "fr",
        "title": "Drones abattus",
        "url": "https://example.org/a",
        "outlet": "AFP",
        "published": date(2023, 10, 18),
        "origin": "a.txt",
    }
    fields.update(kw)
    return Document(**fields)


def quote(document: Document, text: str) -> Evidence:
    """Return the evidence of `text`, which must occur in the document."""
    start = document.text.index(text)
    return Evidence(document.id, text, start, start + len(text))


def _offsets(document: Document, text: str) -> tuple[str, str, int, int]:
    start = document.text.index(text)
    return document.id, text, start, start + len(text)


def make_report(
    document: Document,
    text: str | None = None,
    *,
    attributed_to: str | None = "Centcom",
    claim_status: str = "reported",
    fatalities: int | None = 0,
) -> Report:
    """Return the document's report quoting `text` (default: its first clause, up to a comma)."""
    evidence = quote(document, text if text is not None else document.text.split(",")[0])
    return Report(document.id, document.url, document.outlet, attributed_to, claim_status, (evidence,), fatalities)


def make_event(document: Document | None = None, ordinal: int = 0, **kw: Any) -> Event:
    """Return an event reported by `document` (default make_document()): two drones downed near an
    Iraqi air base, one report quoting the document's first clause; `kw` overrides any field."""
    document = document or make_document()
    fields: dict[str, Any] = {
        "event_id": f"{document.id}:{ordinal}",
        "event_date": date(2023, 10, 17),
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Islamic Resistance in Iraq",
        "assoc_actor_1": None,
        "actor2": "Military Forces of the United States (2021-)",
        "assoc_actor_2": None,
        "country": "Iraq",
        "iso": "IQ",
        "admin1": "Al Anbar",
        "admin2": "Heet",
        "location": "Ain al-Asad Airbase",
        "latitude": 33.8007,
        "longitude": 42.4413,
        "geo_precision": 1,
        "fatalities": 0,
        "source": document.outlet,
        "notes": "On 17 October 2023, two drones were shot down near Ain al-Asad.",
        "fatalities_low": 0,
        "fatalities_high": 0,
        "injuries": None,
        "claimed_by": ("Islamic Resistance in Iraq",),
        "disputed": False,
        "confidence": 0.8123,
        "provenance": {"admin2": Provenance("gazetteer", reason="no admin2 in the text")},
    }
    if "Aïn al-Asad" in document.text:  # the default text names the base: the location quotes it
        fields["provenance"]["location"] = Provenance("gazetteer", *_offsets(document, "Aïn al-Asad"))
    fields.update(kw)
    if "reports" not in kw:
        fields["reports"] = (make_report(document, fatalities=fields["fatalities"]),)
    return Event(**fields)


def make_bus_attack(document: Document, ordinal: int = 0, *, claim_status: str = "reported", **kw: Any) -> Event:
    """Return the invented bus attack of TEXT_EN (four killed near Wajir, Kenya), reported by the
    police in `document`; `kw` overrides any field."""
    report = make_report(
        document, "gunmen attacked a bus near Wajir", attributed_to="police", claim_status=claim_status, fatalities=4
    )
    fields: dict[str, Any] = {
        "event_date": date(2023, 10, 16),
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Kenya)",
        "actor2": "Civilians (Kenya)",
        "assoc_actor_2": "Passengers",
        "country": "Kenya",
        "iso": "KE",
        "admin1": "Wajir",
        "admin2": None,
        "location": "Wajir",
        "latitude": 1.7471,
        "longitude": 40.0573,
        "geo_precision": 2,
        "fatalities": 4,
        "fatalities_low": 4,
        "fatalities_high": 5,
        "injuries": 2,
        "claimed_by": (),
        "reports": (report,),
        "provenance": {},
    }
    fields.update(kw)
    return make_event(document, ordinal, **fields)


# -- places and mentions (hand-made, for the normalize and resolve rules) -----------------------


def make_place(
    name: str,
    country: str = "Mali",
    iso: str = "ML",
    latitude: float | None = 14.0,
    longitude: float | None = -4.0,
    feature: str = "city",
    geo_precision: int = 1,
    **kw: Any,
) -> Place:
    """Return a gazetteer entry for `name` (a town of Mali unless overridden); `kw` sets admin1,
    admin2, geonameid, population."""
    return Place(name, country, iso, latitude, longitude, feature, geo_precision, **kw)


def place_mention(
    text: str, name: str, place: Place | None, method: str = "ner", relation: str | None = None, nth: int = 0
) -> PlaceMention:
    """Return the mention of the `nth` (0: first) occurrence of `name` in `text`, resolved to `place`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return PlaceMention(Span(start, start + len(name), name), name, place, method, relation=relation)


def make_mention(
    start: int,
    text: str,
    *,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    modality: str = "asserted",
    claim_status: str = "reported",
    **fields: Any,
) -> Mention:
    """Return an incident mention of document "d" whose sentence is `text` at offset `start`, its
    trigger the sentence's first six characters (an "attack" of the mention's type); `fields` sets
    any other field."""
    trigger = Trigger(Span(start, start + 6, text[:6]), "attack", event_type, sub_event_type, "attack")
    return Mention(
        document_id="d",
        sentence=Span(start, start + len(text), text),
        trigger=trigger,
        event_type=event_type,
        sub_event_type=sub_event_type,
        modality=modality,
        claim_status=claim_status,
        **fields,
    )


def make_village_attack(document: Document, ordinal: int = 0, **kw: Any) -> Event:
    """Return an invented attack on the village of Kassoumbe, in an invented region ("Lanfara") of
    Mali, exactly located: 12 killed unless `fatalities` says otherwise, reported by `document`
    quoting its whole text; `kw` overrides any field."""
    fatalities = kw.get("fatalities", 12)
    fields: dict[str, Any] = {
        "event_date": date(2024, 3, 10),
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Mali)",
        "actor2": "Civilians (Mali)",
        "country": "Mali",
        "iso": "ML",
        "admin1": "Lanfara",
        "admin2": None,
        "location": "Kassoumbe",
        "latitude": 14.50,
        "longitude": -4.20,
        "fatalities": fatalities,
        "fatalities_low": None,
        "fatalities_high": None,
        "claimed_by": (),
        "provenance": {},
    }
    fields.update(kw)
    if "reports" not in kw:
        fields["reports"] = (make_report(document, document.text, attributed_to=None, fatalities=fatalities),)
    return make_event(document, ordinal, **fields)
