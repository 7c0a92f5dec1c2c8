"""Pydantic models of the HTTP API (the boundary only: the store and pipeline use dataclasses).

Response models mirror the output contract (ARCHITECTURE.md): an event is exactly what
`Store.events()` returns, so the API, `eventwire events --format jsonl` and the exports agree.
The event's models (EventOut, ReportOut, EvidenceOut) are derived from the records of models.py
(`response_model`), the event types' enums come from eventwire.taxonomy: one definition each.
"""

from __future__ import annotations

import re
from dataclasses import fields as dataclass_fields
from datetime import date, timedelta
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    create_model,
    field_validator,
)

from eventwire.models import CLAIM_STATUSES, Event, Evidence, Provenance, Report
from eventwire.taxonomy import EventType, SubEventType

ClaimStatus = Enum("ClaimStatus", {s: s for s in CLAIM_STATUSES}, type=str)  # type: ignore[misc]


class SortOrder(str, Enum):
    """How `GET /api/events` orders its results (a leading "-" means descending)."""

    event_date = "event_date"
    event_date_desc = "-event_date"
    fatalities = "fatalities"
    fatalities_desc = "-fatalities"
    confidence = "confidence"
    confidence_desc = "-confidence"
    updated_at = "updated_at"
    updated_at_desc = "-updated_at"
    event_id = "event_id"


class ExportFormat(str, Enum):
    acled_csv = "acled-csv"
    csv = "csv"
    geojson = "geojson"
    jsonl = "jsonl"


class IngestFormat(str, Enum):
    text = "text"
    html = "html"
    jsonl = "jsonl"


def _no_surrogates(value: str | None) -> str | None:
    """Reject strings SQLite cannot store (lone UTF-16 surrogates from JSON escapes)."""
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise ValueError("text must be valid Unicode (no lone surrogates)") from e
    return value


Text = Annotated[str, StringConstraints(max_length=10_000)]
ShortText = Annotated[str, StringConstraints(max_length=500)]

# Writes are typed strictly (issue 18): a boolean is true or false (not "yes", not 1), a count a
# JSON integer (not "3", not 3.5), a coordinate a number.
MAX_TOLL = 100_000  # above any toll one report gives for one event
Toll = Annotated[int, Field(strict=True, ge=0, le=MAX_TOLL)]
Precision = Annotated[int, Field(strict=True, ge=1, le=3)]
EARLIEST_DATE = date(1900, 1, 1)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_text(value: Any) -> Any:
    """Accept a date only as YYYY-MM-DD text (a number such as 0 is not read as 1970-01-01)."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return value.strip()
    raise ValueError("expected a date YYYY-MM-DD")


def _plausible_date(value: date | None) -> date | None:
    """Refuse a date before 1900 or after tomorrow (what a report can date, time zones allowed)."""
    if value is not None and not EARLIEST_DATE <= value <= date.today() + timedelta(days=1):
        raise ValueError(f"date must be between {EARLIEST_DATE.isoformat()} and tomorrow")
    return value


# Any date given as text, e.g. a filter bound; a date that dates a report or an event.
IsoDate = Annotated[date, BeforeValidator(_iso_date_text)]
ReportDate = Annotated[date, BeforeValidator(_iso_date_text), AfterValidator(_plausible_date)]


# -- errors ----------------------------------------------------------------------------------


class ErrorDetail(BaseModel):
    code: str = Field(description="Machine-readable error code, e.g. not_found, invalid_request.")
    message: str = Field(description="One line saying what is wrong and, where useful, what to do.")


class ErrorBody(BaseModel):
    """Every error the API returns has this shape."""

    error: ErrorDetail


# -- events ----------------------------------------------------------------------------------


def _wire_type(annotation: Any) -> Any:
    """Return the JSON-side type of a record field's type: dates as ISO text, tuples as lists,
    nested records as their response model, a field's Provenance as its plain object."""
    if annotation is date:
        return str
    if annotation is Provenance:
        return dict[str, Any]  # {text, start, end, document_id, method} or {reason}
    if annotation in _RESPONSE_MODELS:
        return _RESPONSE_MODELS[annotation]
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, UnionType):
        return Union[tuple(_wire_type(a) for a in args)]  # noqa: UP007 (built from a tuple)
    if origin is tuple:
        return list[_wire_type(args[0])]  # type: ignore[misc]
    if origin is dict:
        return dict[args[0], _wire_type(args[1])]  # type: ignore[misc,valid-type]
    return annotation


def response_model(
    record: type, *, name: str, exclude: frozenset[str] = frozenset(), doc: str | None = None
) -> type[BaseModel]:
    """Return the response model of a record of models.py: one required field per dataclass
    field (the output always carries them all, null where unknown), in the record's order, typed
    as the JSON the record's `as_dict` gives, with the field's `description` metadata."""
    hints = get_type_hints(record)
    definitions: dict[str, Any] = {}
    for f in dataclass_fields(record):
        if f.name in exclude:
            continue
        description = f.metadata.get("description")
        definitions[f.name] = (_wire_type(hints[f.name]), Field(description=description))
    model = create_model(name, __doc__=doc, **definitions)  # type: ignore[call-overload]
    _RESPONSE_MODELS[record] = model
    return model


_RESPONSE_MODELS: dict[type, type[BaseModel]] = {}

# The event of the output contract, derived from models.py (one definition of its fields).
EvidenceOut = response_model(Evidence, name="EvidenceOut", exclude=frozenset({"document_id"}))
ReportOut = response_model(Report, name="ReportOut")
EventOut = response_model(
    Event,
    name="EventOut",
    exclude=frozenset({"context_only"}),
    doc="One event in the output contract: ACLED's columns, extras, reports and provenance.",
)


class EventPage(BaseModel):
    """A page of events; ask again with `offset=next_offset` while it is not null."""

    events: list[EventOut]  # type: ignore[valid-type]
    limit: int
    offset: int
    next_offset: int | None


class RevisionOut(BaseModel):
    id: int
    event_id: str
    at: str
    action: str = Field(description="created, report_added, merged, split, updated, corrected, deleted")
    reason: str | None
    who: str
    diff: dict[str, Any] = Field(description="field: [old, new] (a created revision holds the whole event)")


class EventDetail(EventOut):  # type: ignore[misc,valid-type]
    """An event with its revision log (oldest first) and whether it is deleted."""

    deleted: bool
    history: list[RevisionOut]


# -- corrections -----------------------------------------------------------------------------


def _no_default_in_schema(schema: dict[str, Any]) -> None:
    # An absent field means "leave unchanged"; `null` is only valid where the column allows it.
    schema.pop("default", None)


def _required_if_given(annotation: Any, **kw: Any) -> Any:
    """Return a field that may be absent but, when given, must not be null."""
    return Field(default=None, json_schema_extra=_no_default_in_schema, **kw)


class EventChanges(BaseModel):
    """Fields an analyst may correct; absent fields are left as they are.

    Fields the store requires (event_type, sub_event_type, fatalities, source, notes,
    claimed_by, disputed, confidence) cannot be null; the others can be set to null (unknown).
    Giving `sub_event_type` alone also sets its `event_type`.
    """

    model_config = ConfigDict(extra="forbid")

    event_date: ReportDate | None = None
    time_precision: Precision | None = None
    event_type: EventType = _required_if_given(EventType)  # type: ignore[valid-type]
    sub_event_type: SubEventType = _required_if_given(SubEventType)  # type: ignore[valid-type]
    actor1: ShortText | None = None
    assoc_actor_1: ShortText | None = None
    actor2: ShortText | None = None
    assoc_actor_2: ShortText | None = None
    country: ShortText | None = None
    iso: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    admin1: ShortText | None = None
    admin2: ShortText | None = None
    location: ShortText | None = None
    latitude: Annotated[float, Field(strict=True, ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(strict=True, ge=-180, le=180)] | None = None
    geo_precision: Precision | None = None
    fatalities: Toll = _required_if_given(int)
    source: ShortText = _required_if_given(str)
    notes: Text = _required_if_given(str)
    fatalities_low: Toll | None = None
    fatalities_high: Toll | None = None
    injuries: Toll | None = None
    claimed_by: Annotated[list[ShortText], Field(max_length=50)] = _required_if_given(list)
    disputed: StrictBool = _required_if_given(bool)
    confidence: Annotated[float, Field(strict=True, ge=0, le=1)] = _required_if_given(float)

    _check_text = field_validator(
        "actor1",
        "assoc_actor_1",
        "actor2",
        "assoc_actor_2",
        "country",
        "admin1",
        "admin2",
        "location",
        "source",
        "notes",
    )(_no_surrogates)

    @field_validator("claimed_by")
    @classmethod
    def _check_claimed_by(cls, value: list[str] | None) -> list[str] | None:
        for item in value or ():
            _no_surrogates(item)
        return value

    def given(self) -> dict[str, Any]:
        """Return the fields the client sent, with enums as their plain values."""
        out = {}
        for name in self.model_fields_set:
            value = getattr(self, name)
            out[name] = value.value if isinstance(value, Enum) else value
        return out


class Correction(BaseModel):
    """An analyst's correction: what changes, who made it and why (kept in the revision log)."""

    model_config = ConfigDict(extra="forbid")

    who: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    changes: EventChanges

    _check_text = field_validator("who", "reason")(_no_surrogates)


# -- documents -------------------------------------------------------------------------------


class DocumentOut(BaseModel):
    id: str
    external_id: str | None
    origin: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    lang: str
    text: str = Field(description="The text as stored; evidence offsets index it.")
    pipeline_version: str
    ingested_at: str
    processed_at: str
    event_ids: list[str] = Field(description="Live events this document reports (its context mentions excluded).")
    context_ids: list[str] = Field(
        description="Live events it mentions only as context (an earlier incident recalled)."
    )
    aliases: list[str] = Field(description="Other external ids the same text was sent under.")


class IngestRequest(BaseModel):
    """A document to ingest: plain text, an HTML page, or a JSONL batch (one record a line)."""

    model_config = ConfigDict(extra="forbid")

    format: IngestFormat = IngestFormat.text
    content: Annotated[str, StringConstraints(min_length=1)] = Field(
        description='The text, the HTML page, or JSONL lines {"id", "text" or "html", "title"?, '
        '"url"?, "source"?, "published"?, "lang"?}.'
    )
    published: ReportDate | None = Field(
        default=None, description="Reference date for relative dates when the input has none."
    )
    title: ShortText | None = None
    url: Annotated[str, StringConstraints(max_length=2000)] | None = None
    source: ShortText | None = Field(default=None, description="The outlet (AFP, Reuters…).")
    lang: Annotated[str, StringConstraints(max_length=20)] | None = Field(
        default=None, description="fr or en; detected when absent."
    )

    _check_text = field_validator("content", "title", "url", "source", "lang")(_no_surrogates)


class IngestedDocument(BaseModel):
    document_id: str
    origin: str
    title: str | None
    status: Literal["inserted", "unchanged", "reprocessed", "kept_newer"]
    event_ids: list[str] = Field(description="Events the document reports (context excluded).")
    context_ids: list[str] = Field(description="Context mentions kept for review (not events).")
    created: list[str] = Field(description="Ids new to the store, context mentions included.")
    joined: list[str] = Field(description="Stored events this document's reports joined (cross-document resolution).")
    duplicate_of: str | None = Field(
        default=None,
        description="The same text was stored before under this external id (else document id);"
        " the new id is kept as an alias.",
    )
    updated: list[str]
    deleted: list[str]


class SkipOut(BaseModel):
    origin: str
    reason: str = Field(
        description="empty, binary, encoding, too_large, too_short, bad_json, bad_record, unsupported_language, failed…"
    )
    detail: str
    document_id: str | None


class IngestResult(BaseModel):
    documents: list[IngestedDocument]
    skips: list[SkipOut]


# -- service ---------------------------------------------------------------------------------


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    pipeline_version: str
    ui_assets: bool = Field(description="Whether the map libraries are installed (./dev setup).")


class Meta(BaseModel):
    """Vocabularies and settings the UI builds its forms from."""

    event_types: dict[str, list[str]]
    claim_statuses: list[str]
    sort_orders: list[str]
    export_formats: list[str]
    private: bool = Field(description="Whether reads need the bearer token too.")
    writable: bool = Field(description="Whether a write token is configured.")
