"""The /api routes: thin wrappers over the store and the pipeline, as the CLI commands are."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import Response
from pydantic_core import to_json

from eventwire import PIPELINE_VERSION, __version__
from eventwire.api.deps import (
    reader_for,
    require_reader,
    require_writer,
    settings_of,
    store_for,
    ui_assets_installed,
)
from eventwire.api.errors import ConflictError, NotFoundError, PayloadTooLargeError
from eventwire.api.ingest import read_request_documents, read_upload_documents
from eventwire.api.schemas import (
    ClaimStatus,
    Correction,
    DocumentOut,
    ErrorBody,
    EventDetail,
    EventPage,
    ExportFormat,
    Health,
    IngestedDocument,
    IngestRequest,
    IngestResult,
    IsoDate,
    Meta,
    ReportDate,
    RevisionOut,
    SkipOut,
    SortOrder,
)
from eventwire.errors import InputError
from eventwire.export import write_csv, write_csv_with_sources, write_geojson, write_jsonl
from eventwire.ingest import MAX_INPUT_BYTES
from eventwire.models import Skip
from eventwire.store import EventFilters, Store, parse_event_filters
from eventwire.taxonomy import EVENT_TYPES, SUB_EVENT_TO_TYPE

MAX_PAGE = 5000
MAX_OFFSET = 1_000_000_000  # SQLite integers are 64-bit; bound what a client can send

_err = {"model": ErrorBody}
READ_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {**_err, "description": "Bad filter values"},
    401: {**_err, "description": "Private server: bearer token missing or wrong"},
    403: {**_err, "description": "Private server without a configured token"},
    422: {**_err, "description": "Invalid parameters"},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {**_err, "description": "Bad input"},
    401: {**_err, "description": "Bearer token missing or wrong"},
    403: {**_err, "description": "Writes disabled: no token configured"},
    422: {**_err, "description": "Invalid body"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {**_err, "description": "Unknown id"}}

router = APIRouter(prefix="/api")
read = APIRouter(dependencies=[Depends(require_reader)], responses=READ_ERRORS)
write = APIRouter(dependencies=[Depends(require_writer)], responses=WRITE_ERRORS)

EventId = Annotated[str, Path(max_length=200, description="Event id, e.g. ew-b28410f6ecd7f2de")]


# -- filters ---------------------------------------------------------------------------------


def event_filters(
    date_from: Annotated[IsoDate | None, Query(alias="from", description="Earliest event date.")] = None,
    date_to: Annotated[IsoDate | None, Query(alias="to", description="Latest event date.")] = None,
    country: Annotated[str | None, Query(max_length=200, description="Name or ISO code.")] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    event_type: Annotated[str | None, Query(max_length=200)] = None,
    sub_event_type: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Substring of any actor.")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=MAX_OFFSET)] = None,
    claim_status: Annotated[ClaimStatus | None, Query()] = None,  # type: ignore[valid-type]
    text: Annotated[str | None, Query(max_length=500, description="Words in the evidence sentences.")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat")] = None,
    near: Annotated[str | None, Query(max_length=200, description="lat,lon,radius_km")] = None,
    sort: Annotated[SortOrder, Query(description="Order; '-' means descending.")] = SortOrder.event_date_desc,
    include_context: Annotated[bool, Query(description="Also context mentions (claim status 'context').")] = False,
    document_id: Annotated[
        str | None,
        Query(max_length=200, description="Events a document reports: its stored id or the id its input gave it."),
    ] = None,
) -> EventFilters:
    """Return the EventFilters of the query string (read as `eventwire events` reads them)."""
    return parse_event_filters(
        date_from=date_from,
        date_to=date_to,
        country=country,
        admin1=admin1,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=actor,
        min_fatalities=min_fatalities,
        claim_status=claim_status.value if claim_status is not None else None,
        text=text,
        bbox=bbox,
        near=near,
        order_by=sort.value,
        include_context=include_context,
        document_id=document_id,
    )


Filters = Annotated[EventFilters, Depends(event_filters)]


# -- service ---------------------------------------------------------------------------------


@router.get("/health", response_model=Health, tags=["service"])
def health(request: Request) -> dict[str, Any]:
    """Return "ok" when the server answers (used to wait for start-up)."""
    return {
        "status": "ok",
        "version": __version__,
        "pipeline_version": PIPELINE_VERSION,
        "ui_assets": ui_assets_installed(settings_of(request)),
    }


@router.get("/meta", response_model=Meta, tags=["service"])
def meta(request: Request) -> dict[str, Any]:
    """Return the vocabularies (event types, claim statuses…) and the server's access mode."""
    settings = settings_of(request)
    return {
        "event_types": {t: list(subs) for t, subs in EVENT_TYPES.items()},
        "claim_statuses": [s.value for s in ClaimStatus],
        "sort_orders": [s.value for s in SortOrder],
        "export_formats": [f.value for f in ExportFormat],
        "private": settings.private,
        "writable": settings.token is not None,
    }


# -- events ----------------------------------------------------------------------------------


def _is_deleted(history: list[dict[str, Any]]) -> bool:
    return bool(history) and history[-1]["action"] == "deleted"


def _event_detail(store: Store, event_id: str) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        raise NotFoundError(f"no event {event_id!r}")
    history = store.history(event_id)
    return {**event, "deleted": _is_deleted(history), "history": history}


@read.get("/events", response_model=EventPage, tags=["events"])
def list_events(
    request: Request,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    """Return a page of stored events matching every filter given (as `eventwire events`)."""
    with reader_for(request) as store:
        rows = store.events(replace(filters, limit=limit + 1, offset=offset))
    more = len(rows) > limit
    return json_response(
        {
            "events": rows[:limit],
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if more else None,
        }
    )


def json_response(content: dict[str, Any]) -> Response:
    """Return `content` as JSON without validating it against the route's response model.

    The store already returns output-contract dicts (`Store.events`), the shape `EventPage`
    documents, so validating a page of 100 events field by field, in a second worker thread,
    only cost time under load (issue 18's load check); tests/api/test_events.py checks the two
    give the same bytes. The response model still documents the route (OpenAPI).
    """
    return Response(to_json(content), media_type="application/json")


@read.get("/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND, tags=["events"])
def get_event(request: Request, event_id: EventId) -> dict[str, Any]:
    """Return one event with its reports, evidence spans, provenance and revision history."""
    with store_for(request) as store:
        return _event_detail(store, event_id)


@read.get(
    "/events/{event_id}/history",
    response_model=list[RevisionOut],
    responses=NOT_FOUND,
    tags=["events"],
)
def get_history(request: Request, event_id: EventId) -> list[dict[str, Any]]:
    """Return the revision log of one event, oldest first."""
    with store_for(request) as store:
        rows = store.history(event_id)
    if not rows:
        raise NotFoundError(f"no event {event_id!r}")
    return rows


def _unchanged(current: dict[str, Any], changes: dict[str, Any]) -> bool:
    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else value

    return all(plain(v) == current.get(k) for k, v in changes.items())


@write.patch(
    "/events/{event_id}",
    response_model=EventDetail,
    responses={**NOT_FOUND, 409: {**_err, "description": "The event is deleted"}},
    tags=["events"],
)
def correct_event(request: Request, event_id: EventId, correction: Correction) -> dict[str, Any]:
    """Correct some fields of an event; recorded in its revision log with who and why.

    Corrected fields keep the analyst's value when the pipeline later reprocesses the document.
    """
    changes = correction.changes.given()
    if not changes:
        raise InputError("changes is empty: give at least one field to correct")
    with store_for(request) as store:
        current = _event_detail(store, event_id)
        if current["deleted"]:
            raise ConflictError(f"event {event_id!r} is deleted; it cannot be corrected")
        if "sub_event_type" in changes and "event_type" not in changes:
            changes["event_type"] = SUB_EVENT_TO_TYPE[changes["sub_event_type"]]
        event_type = changes.get("event_type", current["event_type"])
        sub_event_type = changes.get("sub_event_type", current["sub_event_type"])
        if sub_event_type not in EVENT_TYPES.get(event_type, ()):
            raise InputError(
                f"sub_event_type {sub_event_type!r} is not a sub-type of {event_type!r}; give "
                f"one of: {', '.join(EVENT_TYPES.get(event_type, ()))}"
            )
        if _unchanged(current, changes):
            return current
        store.correct_event(event_id, changes, who=correction.who, reason=correction.reason)
        return _event_detail(store, event_id)


@write.delete(
    "/events/{event_id}",
    response_model=EventDetail,
    responses={**NOT_FOUND, 409: {**_err, "description": "Already deleted"}},
    tags=["events"],
)
def delete_event(
    request: Request,
    event_id: EventId,
    who: Annotated[str, Query(min_length=1, max_length=200)],
    reason: Annotated[str, Query(min_length=1, max_length=2000)],
) -> dict[str, Any]:
    """Mark an event deleted (kept with its history; lists leave it out)."""
    with store_for(request) as store:
        current = _event_detail(store, event_id)
        if current["deleted"]:
            raise ConflictError(f"event {event_id!r} is already deleted")
        store.delete_event(event_id, who=who, reason=reason)
        return _event_detail(store, event_id)


# -- documents -------------------------------------------------------------------------------


@read.get("/documents/{document_id}", response_model=DocumentOut, responses=NOT_FOUND, tags=["documents"])
def get_document(request: Request, document_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """Return a stored document: its text (evidence offsets index it) and the events it reports."""
    with store_for(request) as store:
        document = store.document(document_id)
    if document is None:
        raise NotFoundError(f"no document {document_id!r}")
    return document


@read.get(
    "/documents/by-external-id/{external_id:path}",
    response_model=list[DocumentOut],
    responses=NOT_FOUND,
    tags=["documents"],
)
def get_documents_by_external_id(
    request: Request, external_id: Annotated[str, Path(max_length=2000)]
) -> list[dict[str, Any]]:
    """Return the stored documents the input called `external_id` (the JSONL `id`, a feed
    entry's id), newest first: more than one when texts given the same id differ."""
    with store_for(request) as store:
        documents = store.sources.documents_by_external_id(external_id)
    if not documents:
        raise NotFoundError(f"no document with external id {external_id!r}")
    return documents


def _ingest(request: Request, items: Any) -> dict[str, Any]:
    """Run the ingest service (`eventwire ingest`'s loop) over Documents and Skips: each
    Document's events are extracted and stored, resolved against the stored ones; each Skip is
    recorded."""
    from eventwire.service import ingest_documents  # loads no model until the first document

    documents, skips = [], []
    with request.app.state.pipeline_lock, store_for(request) as store:
        for outcome in ingest_documents(items, store):
            if isinstance(outcome, Skip):
                skips.append(SkipOut(**vars(outcome)))
                continue
            summary = outcome.summary
            documents.append(
                IngestedDocument(
                    document_id=outcome.document.id,
                    origin=outcome.document.origin or "",
                    title=outcome.document.title,
                    status=summary.status,
                    event_ids=list(outcome.event_ids),
                    context_ids=list(outcome.context_ids),
                    created=list(summary.created),
                    joined=list(summary.joined),
                    duplicate_of=summary.duplicate_of,
                    updated=list(summary.updated),
                    deleted=list(summary.deleted),
                )
            )
    return {"documents": documents, "skips": skips}


@write.post("/documents", response_model=IngestResult, tags=["documents"])
def ingest_document(request: Request, body: IngestRequest) -> dict[str, Any]:
    """Ingest text, an HTML page or a JSONL batch: extract its events and store them.

    A document that cannot be read is returned (and recorded) as a skip, not an error.
    """
    return _ingest(request, read_request_documents(body, origin=f"api:{body.format.value}"))


@write.post(
    "/documents/upload",
    response_model=IngestResult,
    responses={413: {**_err, "description": "File over the size limit"}},
    tags=["documents"],
)
async def upload_document(
    request: Request,
    file: Annotated[UploadFile, File(description="A .txt/.md, .html or .jsonl file.")],
    published: Annotated[ReportDate | None, Form(description="Reference date YYYY-MM-DD.")] = None,
) -> Any:
    """Ingest an uploaded file (format from its name and content, as `eventwire ingest`)."""
    from starlette.concurrency import run_in_threadpool

    data = await file.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise PayloadTooLargeError(f"{file.filename or 'the file'} is over the limit of {MAX_INPUT_BYTES} bytes")
    items = read_upload_documents(data, filename=file.filename or "upload", published=published)
    return await run_in_threadpool(_ingest, request, items)


# -- export ----------------------------------------------------------------------------------

_EXPORTS = {
    ExportFormat.acled_csv: (write_csv, "text/csv; charset=utf-8", "csv"),
    ExportFormat.csv: (write_csv_with_sources, "text/csv; charset=utf-8", "csv"),
    ExportFormat.geojson: (write_geojson, "application/geo+json", "geojson"),
    ExportFormat.jsonl: (write_jsonl, "application/x-ndjson", "jsonl"),
}


@read.get(
    "/export",
    response_class=Response,
    responses={
        200: {
            "content": {m: {} for _, m, _ in _EXPORTS.values()},
            "description": "The events as a file",
        }
    },
    tags=["events"],
)
def export(
    request: Request,
    filters: Filters,
    format: Annotated[ExportFormat, Query()] = ExportFormat.acled_csv,
) -> Response:
    """Return the matching events (all of them by default) as ACLED CSV, GeoJSON or JSONL."""
    writer, media_type, suffix = _EXPORTS[format]
    with store_for(request) as store:
        rows = store.events(filters)
    out = io.StringIO()
    writer(rows, out)
    return Response(
        out.getvalue(),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="eventwire-events.{suffix}"'},
    )


router.include_router(read)
router.include_router(write)
