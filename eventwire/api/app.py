"""The FastAPI application: settings, authentication, the browser UI's files, and the routes.

    app = create_app(ApiSettings(db=Path("eventwire.sqlite"), token="s3cret"))
    uvicorn.run(app)               # what `eventwire serve` does

Reads are open unless `private`; writes (ingest, corrections, deletions) need
`Authorization: Bearer TOKEN`, and are refused (403) when no token is configured. A `Store` is not
thread-safe and FastAPI runs sync endpoints in a thread pool, so each request opens its own
store (`store_for`); the pipeline runs under one lock per app (its models load once, lazily).
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Request, Security
from fastapi.responses import FileResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.api.errors import AuthError, error_response, install_error_handlers
from eventwire.store import Store, open_store

WEB_DIR = Path(__file__).resolve().parents[1] / "web"

# Browser libraries installed by `./dev setup` (npm, eventwire/web/package.json) and served from
# here: URL prefix → folder under eventwire/web/node_modules. Nothing is fetched from a CDN.
VENDOR_MOUNTS = {
    "leaflet": "leaflet/dist",
    "markercluster": "leaflet.markercluster/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
}

# The UI loads nothing from elsewhere; Leaflet sets inline styles, hence 'unsafe-inline' for
# styles only. Scripts come from this server alone.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


@dataclass(frozen=True)
class ApiSettings:
    """How the server runs: which store, which token, whether reads need the token."""

    db: Path = Path("eventwire.sqlite")
    token: str | None = None  # None: writes are refused
    private: bool = False  # True: reads need the token too
    web_dir: Path = WEB_DIR

    @classmethod
    def from_env(cls, **overrides: object) -> ApiSettings:
        """Return settings from EVENTWIRE_DB, EVENTWIRE_TOKEN and EVENTWIRE_PRIVATE, overridden
        by the keyword arguments that are not None."""
        values: dict[str, object] = {
            "db": Path(os.environ.get("EVENTWIRE_DB", "eventwire.sqlite")),
            "token": os.environ.get("EVENTWIRE_TOKEN") or None,
            "private": os.environ.get("EVENTWIRE_PRIVATE", "").strip().lower() in TRUE_WORDS,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


bearer = HTTPBearer(
    auto_error=False,
    description="The token given to `eventwire serve --token` (or EVENTWIRE_TOKEN).",
)


def settings_of(request: Request) -> ApiSettings:
    return request.app.state.settings


def _check_token(settings: ApiSettings, credentials: HTTPAuthorizationCredentials | None) -> None:
    if credentials is None:
        raise AuthError("this endpoint needs the header Authorization: Bearer TOKEN")
    assert settings.token is not None
    if not secrets.compare_digest(credentials.credentials.encode(), settings.token.encode()):
        raise AuthError("wrong bearer token")


Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]


def require_writer(request: Request, credentials: Credentials) -> None:
    """Allow the request only with the configured bearer token (writes)."""
    settings = settings_of(request)
    if settings.token is None:
        raise AuthError(
            "writes are disabled: start the server with --token or EVENTWIRE_TOKEN", status=403
        )
    _check_token(settings, credentials)


def require_reader(request: Request, credentials: Credentials) -> None:
    """Allow reads to anyone, or, on a private server, only with the bearer token."""
    settings = settings_of(request)
    if settings.private:
        if settings.token is None:
            raise AuthError("reads are closed and no token is configured", status=403)
        _check_token(settings, credentials)


@contextmanager
def store_for(request: Request) -> Iterator[Store]:
    """Yield a store opened for this request only (a Store is not thread-safe)."""
    with open_store(settings_of(request).db) as store:
        yield store


def ui_assets_installed(settings: ApiSettings) -> bool:
    modules = settings.web_dir / "node_modules"
    return all((modules / folder).is_dir() for folder in VENDOR_MOUNTS.values())


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """Return the API and UI over the store at `settings.db` (created and migrated now)."""
    from eventwire.api.routes import router

    settings = settings or ApiSettings.from_env()
    with open_store(settings.db):  # fail at start, not on the first request, on a bad file
        pass
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description=(
            "Conflict events extracted from news reports, with their evidence and revision log. "
            "Errors are JSON: `{\"error\": {\"code\", \"message\"}}`."
        ),
        docs_url=None,  # Swagger UI would load from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.pipeline_lock = threading.Lock()
    install_error_handlers(app)
    app.include_router(router)

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


async def _missing_assets(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    """Answer requests for uninstalled browser libraries with a JSON 404 saying what to run."""
    response = error_response(
        404, "not_found", "browser libraries are not installed: run ./dev setup (npm install)"
    )
    await response(scope, receive, send)
