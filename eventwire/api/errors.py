"""Errors with their HTTP meaning, and the handlers that render every error as one JSON shape.

    {"error": {"code": "not_found", "message": "no event 'ew-…'"}}

EventwireError subclasses map to a status (`status_for`): InputError 400, StoreError 500 (the
message says what failed), the API's own NotFoundError 404, ConflictError 409, AuthError 401/403.
Request validation (pydantic) is 422; unknown routes 404; anything unexpected 500 with a generic
message (the traceback goes to the log, never to the client).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.errors import EventwireError, InputError, StoreError

logger = logging.getLogger(__name__)


class NotFoundError(EventwireError):
    """The event or document asked for is not in the store."""


class ConflictError(EventwireError):
    """The request cannot apply to the resource as it stands (e.g. correcting a deleted event)."""


class PayloadTooLargeError(EventwireError):
    """An upload over the input size limit."""


class AuthError(EventwireError):
    """Missing or wrong bearer token (401), or writes disabled (403)."""

    def __init__(self, message: str, *, status: int = 401) -> None:
        super().__init__(message)
        self.status = status


_STATUS: tuple[tuple[type[EventwireError], int, str], ...] = (
    (NotFoundError, 404, "not_found"),
    (ConflictError, 409, "conflict"),
    (PayloadTooLargeError, 413, "too_large"),
    (InputError, 400, "bad_input"),
    (StoreError, 500, "store_error"),
)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
}


def error_response(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers or None)


def status_for(error: EventwireError) -> tuple[int, str]:
    """Return the HTTP status and error code of an eventwire error."""
    if isinstance(error, AuthError):
        return error.status, "unauthorized" if error.status == 401 else "forbidden"
    for cls, status, code in _STATUS:
        if isinstance(error, cls):
            return status, code
    return 500, "error"


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body")
        message = str(item.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Make every error, expected or not, a JSON `{"error": {"code", "message"}}` body."""

    @app.exception_handler(EventwireError)
    async def _eventwire_error(request: Request, exc: EventwireError) -> JSONResponse:
        status, code = status_for(exc)
        if status >= 500:
            logger.error("%s %s: %s", request.method, request.url.path, exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
        return error_response(status, code, str(exc), **headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        return error_response(exc.status_code, code, message, **(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, "internal_error", "internal server error (see the server log)")
