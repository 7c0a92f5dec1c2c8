"""What every route depends on: the server's settings, the bearer-token checks, a per-request store.

`app.py` builds the application from these and `routes.py` declares its endpoints with them; both
import this module, neither imports the other's module level (no app <-> routes circle).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventwire.api.errors import AuthError
from eventwire.store import Store, open_store
from eventwire.store.locations import store_location

WEB_DIR = Path(__file__).resolve().parents[1] / "web"

# Browser libraries installed by `./dev setup` (npm, eventwire/web/package.json) and served from
# here: URL prefix → folder under eventwire/web/node_modules. Nothing is fetched from a CDN.
VENDOR_MOUNTS = {
    "leaflet": "leaflet/dist",
    "markercluster": "leaflet.markercluster/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
}

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


@dataclass(frozen=True)
class ApiSettings:
    """How the server runs: which store, which token, whether reads need the token."""

    db: str | Path = Path("eventwire.sqlite")  # an SQLite file or a PostgreSQL URL
    token: str | None = None  # None: writes are refused
    private: bool = False  # True: reads need the token too
    web_dir: Path = WEB_DIR

    @classmethod
    def from_env(cls, **overrides: object) -> ApiSettings:
        """Return settings from EVENTWIRE_DB, EVENTWIRE_TOKEN and EVENTWIRE_PRIVATE, overridden
        by the keyword arguments that are not None."""
        values: dict[str, object] = {
            "db": os.environ.get("EVENTWIRE_DB", "eventwire.sqlite"),
            "token": os.environ.get("EVENTWIRE_TOKEN") or None,
            "private": os.environ.get("EVENTWIRE_PRIVATE", "").strip().lower() in TRUE_WORDS,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        values["db"] = store_location(values["db"])  # type: ignore[arg-type]
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
        raise AuthError("writes are disabled: start the server with --token or EVENTWIRE_TOKEN", status=403)
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
