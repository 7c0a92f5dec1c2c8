"""The FastAPI application: the routes, the browser UI's files, security headers, error handlers.

    app = create_app(ApiSettings(db=Path("eventwire.sqlite"), token="s3cret"))
    uvicorn.run(app)               # what `eventwire serve` does

Reads are open unless `private`; writes (ingest, corrections, deletions) need
`Authorization: Bearer TOKEN`, and are refused (403) when no token is configured. A `Store` is not
thread-safe and FastAPI runs sync endpoints in a thread pool, so each request opens its own
store (`store_for`); the pipeline runs under one lock per app (its models load once, lazily).
Settings, the token checks and `store_for` live in `deps.py`, which the routes import too.
"""

from __future__ import annotations

import threading
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.api.deps import VENDOR_MOUNTS, ApiSettings
from eventwire.api.errors import error_response, install_error_handlers
from eventwire.api.guard import RequestGuard
from eventwire.api.routes import router
from eventwire.store import open_store

__all__ = ["ApiSettings", "create_app"]

# The UI loads nothing from elsewhere; Leaflet sets inline styles, hence 'unsafe-inline' for
# styles only. Scripts come from this server alone.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """Return the API and UI over the store at `settings.db` (created and migrated now)."""
    settings = settings or ApiSettings.from_env()
    with open_store(settings.db):  # fail at start, not on the first request, on a bad file
        pass
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description=(
            "Conflict events extracted from news reports, with their evidence and revision log. "
            'Errors are JSON: `{"error": {"code", "message"}}`.'
        ),
        docs_url=None,  # Swagger UI would load from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.pipeline_lock = threading.Lock()
    install_error_handlers(app)
    app.include_router(router)
    # Host, methods, the write token and the body size, before the body is read (guard.py)
    app.add_middleware(RequestGuard, settings=settings, application=app)
    app.openapi = lambda: _openapi(app, settings)  # type: ignore[method-assign]

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    static = settings.web_dir / "static"

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=static), name="static")
    for prefix, folder in VENDOR_MOUNTS.items():
        directory = settings.web_dir / "node_modules" / folder
        app.mount(
            f"/vendor/{prefix}",
            StaticFiles(directory=directory) if directory.is_dir() else _missing_assets,
            name=f"vendor-{prefix}",
        )
    return app


def _openapi(app: FastAPI, settings: ApiSettings) -> dict[str, Any]:
    """Return the OpenAPI schema with the security the server applies: on a public server the
    reads (every GET) are open, so they name no security requirement; FastAPI marks every route
    that takes the optional bearer as needing it. Writes always need the token."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        if not settings.private:
            for operations in schema.get("paths", {}).values():
                if "get" in operations:
                    operations["get"].pop("security", None)
        app.openapi_schema = schema
    return app.openapi_schema


async def _missing_assets(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    """Answer requests for uninstalled browser libraries with a JSON 404 saying what to run."""
    response = error_response(404, "not_found", "browser libraries are not installed: run ./dev setup (npm install)")
    await response(scope, receive, send)
