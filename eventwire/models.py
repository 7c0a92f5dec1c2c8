"""The shared vocabulary: frozen records passed between the pipeline stages.

Every stage is a plain function that takes these records and returns new ones. Character offsets
(`start`, `end`) always index `Document.text` exactly as stored, so `document.text[start:end]`
gives back the quoted span.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any, Generic, TypeVar

# ACLED's event types and sub-types live in eventwire.taxonomy (data/taxonomy/acled.yaml); they
# are re-exported here only for callers not yet moved to it.
from eventwire.taxonomy import EVENT_TYPES, SUB_EVENT_TO_TYPE  # noqa: F401


class ClaimStatus(StrEnum):
    """How a report tells its event (CODING_RULES.md "Sources"), plus `context` for recaps."""

    REPORTED = "reported"
    CLAIMED = "claimed"
    ALLEGED = "alleged"
    DENIED = "denied"
    DISPUTED = "disputed"
    CONTEXT = "context"


class Modality(StrEnum):
    """How a mention tells its incident; only asserted, claimed and alleged ones become events."""

    ASSERTED = "asserted"
    CLAIMED = "claimed"
    ALLEGED = "alleged"
    DENIED = "denied"
    THREAT = "threat"
    PLAN = "plan"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"
    REACTION = "reaction"
    HABITUAL = "habitual"
    BACKGROUND = "background"
    CONTEXT = "context"


CLAIM_STATUSES = tuple(s.value for s in ClaimStatus)
MODALITIES = tuple(m.value for m in Modality)
EVENT_MODALITIES = frozenset({Modality.ASSERTED.value, Modality.CLAIMED.value, Modality.ALLEGED.value})
# The modalities of an event's mentions, firmest first: a reported fact beats a claim, a claim an
# allegation, and any of them a recap (the builder codes each field from the firmest mention).
MODALITY_ORDER = (Modality.ASSERTED, Modality.CLAIMED, Modality.ALLEGED, Modality.CONTEXT)
# A report's status when one voice's mentions differ, the one that prevails first: a denial or
# a dispute outweighs a claim, a claim an allegation, an allegation a plain report.
CLAIM_STATUS_ORDER = (
    ClaimStatus.DENIED,
    ClaimStatus.DISPUTED,
    ClaimStatus.CLAIMED,
    ClaimStatus.ALLEGED,
    ClaimStatus.REPORTED,
    ClaimStatus.CONTEXT,
)

# ACLED output columns, in ACLED's order (ARCHITECTURE.md, output contract).
ACLED_COLUMNS = (
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "iso",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "source",
    "notes",
)


@dataclass(frozen=True)
class Document:
    """One ingested dispatch; `id` is the hash of its normalized text."""

    id: str
    text: str
    lang: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    origin: str | None = None  # file path or "<stdin>" or "batch.jsonl:12"
    external_id: str | None = None  # the id given in a JSONL input, if any


@dataclass(frozen=True)
class Skip:
    """A document that was not processed, with the reason (never a silent loss)."""

    origin: str
    reason: str  # short machine code: empty, binary, encoding, too_large, unsupported_language…
    detail: str  # one human-readable line
    document_id: str | None = None


@dataclass(frozen=True)
class Span:
    """A character span of a document's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """A sentence quoted as support, with offsets into the stored document text."""

    document_id: str
    text: str
    start: int = field(metadata={"description": "Character offset into the document text."})
    end: int


@dataclass(frozen=True)
class Provenance:
    """Where one output field came from, or why it is unknown."""

    method: str
    document_id: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        if self.reason is not None and self.text is None:
            return {"reason": self.reason, "method": self.method}
        out = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "document_id": self.document_id,
            "method": self.method,
        }
        if self.reason:
            out["reason"] = self.reason
        return out


# Every `Place.feature` code: what the gazetteer index holds (GeoNames towns are "city" whatever
# their size, an unknown named village placed at a known one is "village") and the sites of the
# place supplement. A closed vocabulary of the program, not words of the documents.
PLACE_FEATURES = frozenset(
    {
        "continent",
        "country",
        "admin1",
        "admin2",
        "region",
        "city",
        "village",
        "airbase",
        "airport",
        "camp",
        "facility",
        "hospital",
        "border_crossing",
    }
)
# Place features (`Place.feature`) that name an area rather than a point, narrowest set first:
# a country's divisions; those or a whole country; any area, continents included.
DIVISION_FEATURES = frozenset({"admin1", "admin2", "region"})
COUNTRY_OR_DIVISION_FEATURES = DIVISION_FEATURES | {"country"}
AREA_FEATURES = COUNTRY_OR_DIVISION_FEATURES | {"continent"}


T = TypeVar("T")


@dataclass(frozen=True)
class Coded(Generic[T]):
    """One event field as a coder decided it: its value and where it came from, or, for a null
    value, the reason it is unknown (in `provenance.reason`)."""

    value: T
    provenance: Provenance


@dataclass(frozen=True)
class Place:
    """A resolved gazetteer entry."""

    name: str
    country: str  # English short name, e.g. "Iraq"
    iso: str  # ISO 3166-1 alpha-2, e.g. "IQ"
    latitude: float | None  # None only for a named place the gazetteer cannot locate
    longitude: float | None
    feature: str  # city, admin1, admin2, country, airbase, facility, region
    geo_precision: int  # ACLED 1..3
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    population: int = 0
    where_prec: int | None = None  # UCDP 1..7


@dataclass(frozen=True)
class PlaceMention:
    """A toponym (or relative place phrase) in a document and what it resolved to."""

    span: Span
    name: str  # the normalized name looked up
    place: Place | None
    method: str
    reason: str | None = None  # why unresolved or degraded
    relation: str | None = None  # "near", "west of", "border", "dateline"…


@dataclass(frozen=True)
class EventDate:
    """The day an incident happened, with ACLED time_precision."""

    value: date | None
    time_precision: int | None
    span: Span | None
    method: str
    reason: str | None = None


@dataclass(frozen=True)
class Casualties:
    """Casualty figures read from text; fatalities follow ACLED's conservative rule."""

    fatalities: int
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    abducted: int | None = None
    arrested: int | None = None
    spans: tuple[Span, ...] = ()
    method: str = "none"
    reason: str | None = None
    # the sides a summed toll adds up ("20 soldiers and 4 attackers killed" → (20, 4)); () else
    parts: tuple[int, ...] = ()


@dataclass(frozen=True)
class Actor:
    """A canonical actor (ACLED style) with the mention it came from."""

    name: str
    country: str | None = None
    actor_type: str | None = None  # state, rebel, militia, identity, civilians, protesters, external
    span: Span | None = None
    method: str = "alias"


@dataclass(frozen=True)
class Trigger:
    """A lexicon match that may start an incident mention."""

    span: Span
    lemma: str
    event_type: str
    sub_event_type: str
    cue: str  # lexicon entry id
    weight: float = 1.0


@dataclass(frozen=True)
class Mention:
    """One incident mention inside one document, after extraction and normalization."""

    document_id: str
    sentence: Span
    trigger: Trigger
    event_type: str
    sub_event_type: str
    modality: str
    claim_status: str
    attributed_to: str | None = None
    attribution_span: Span | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: Actor | None = None
    assoc_actor_2: Actor | None = None
    claimed_by: tuple[Actor, ...] = ()
    place: PlaceMention | None = None
    date: EventDate | None = None
    casualties: Casualties | None = None
    outcome: str | None = None  # destroyed, intercepted, repelled, killed, injured, abducted…
    weapon: str | None = None
    confidence: float = 0.5
    paragraph: int = 0
    count: int = 1  # incidents the trigger phrase announces ("deux attaques" -> 2)
    plural: bool = False  # a plural trigger may sum up several incidents
    ordinal: int | None = None  # "la première"/"the second" -> 1, 2
    anaphoric: bool = False  # "cette attaque", "the incident": refers to an earlier mention
    additive: bool = False  # "ont aussi revendiqué des attaques": adds incidents to those told
    pluperfect: bool = False  # "avaient été tués", "had killed": told before the article's incident
    cue_classes: frozenset[str] = frozenset()
    agent_text: Span | None = None
    patient_text: Span | None = None
    voice: str | None = None  # canonical name of who is quoted, to group one source's reports


@dataclass(frozen=True)
class Report:
    """One document's account of an event."""

    document_id: str
    url: str | None
    outlet: str | None
    attributed_to: str | None = field(metadata={"description": 'Who is quoted ("le Centcom"), if anyone.'})
    claim_status: str
    evidence: tuple[Evidence, ...]
    fatalities: int | None = None
    external_id: str | None = field(
        default=None,
        metadata={"description": "The id the input gave the document (JSONL `id`, a feed entry's id), if any."},
    )

    def as_dict(self) -> dict[str, Any]:
        # every field but the evidence is a str, an int or None: read as it is (what `asdict`
        # gave, without its deep copy, which cost a writer storing many reports a fifth of its time)
        d = {name: getattr(self, name) for name in _REPORT_FIELDS}
        d["evidence"] = [{"text": e.text, "start": e.start, "end": e.end} for e in self.evidence]
        return d


_REPORT_FIELDS = tuple(f.name for f in fields(Report))


@dataclass(frozen=True)
class Event:
    """One incident, in ACLED's columns, with its reports and field provenance."""

    event_id: str
    event_date: date | None
    time_precision: int | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    assoc_actor_1: str | None
    actor2: str | None
    assoc_actor_2: str | None
    country: str | None
    iso: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int
    source: str
    notes: str
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    claimed_by: tuple[str, ...] = ()
    disputed: bool = False
    confidence: float = 0.5
    reports: tuple[Report, ...] = ()
    provenance: dict[str, Provenance] = field(
        default_factory=dict,
        metadata={"description": "For each field: {text, start, end, document_id, method} or {reason}."},
    )
    context_only: bool = False

    def as_dict(self) -> dict[str, Any]:
        """Return the output-contract JSON object (ARCHITECTURE.md)."""
        out: dict[str, Any] = {}
        for col in ACLED_COLUMNS:
            value = getattr(self, col)
            out[col] = value.isoformat() if isinstance(value, date) else value
        out["fatalities_low"] = self.fatalities_low
        out["fatalities_high"] = self.fatalities_high
        out["injuries"] = self.injuries
        out["claimed_by"] = list(self.claimed_by)
        out["disputed"] = self.disputed
        out["confidence"] = round(self.confidence, 3)
        out["reports"] = [r.as_dict() for r in self.reports]
        out["provenance"] = {k: v.as_dict() for k, v in self.provenance.items()}
        return out
