"""What every route depends on: the server's settings, the bearer-token checks, a per-request store.

`app.py` builds the application from these and `routes.py` declares its endpoints with them; both
import this module, neither imports the other's module level (no app <-> routes circle).
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

from fastapi import Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventwire.api.errors import AuthError
from eventwire.errors import InputError
from eventwire.ingest import MAX_INPUT_BYTES
from eventwire.store import Store, open_store
from eventwire.store.locations import is_database_url, store_location

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


# The largest request body read (413 beyond, api/guard.py): a document at the input limit
# (ingest.MAX_INPUT_BYTES, 10 MiB) as JSON text, whose escapes can double it, or as an upload.
DEFAULT_MAX_BODY_BYTES = 2 * MAX_INPUT_BYTES


@dataclass(frozen=True)
class ApiSettings:
    """How the server runs: which store, which token, whether reads need the token, which Host
    names it answers (empty: localhost and `bind_host`), the largest request body."""

    db: str | Path = Path("eventwire.sqlite")  # an SQLite file or a PostgreSQL URL
    token: str | None = None  # None: writes are refused
    private: bool = False  # True: reads need the token too
    web_dir: Path = WEB_DIR
    allowed_hosts: tuple[str, ...] = ()
    bind_host: str = "127.0.0.1"
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES

    @classmethod
    def from_env(cls, **overrides: object) -> ApiSettings:
        """Return settings from EVENTWIRE_DB, EVENTWIRE_TOKEN, EVENTWIRE_PRIVATE,
        EVENTWIRE_ALLOWED_HOSTS (comma-separated) and EVENTWIRE_MAX_BODY_BYTES, overridden by the
        keyword arguments that are not None."""
        values: dict[str, object] = {
            "db": os.environ.get("EVENTWIRE_DB", "eventwire.sqlite"),
            "token": os.environ.get("EVENTWIRE_TOKEN") or None,
            "private": os.environ.get("EVENTWIRE_PRIVATE", "").strip().lower() in TRUE_WORDS,
            "allowed_hosts": tuple(
                h.strip() for h in os.environ.get("EVENTWIRE_ALLOWED_HOSTS", "").split(",") if h.strip()
            ),
        }
        size = os.environ.get("EVENTWIRE_MAX_BODY_BYTES", "").strip()
        if size:
            if not size.isdigit() or int(size) < 1:
                raise InputError(f"EVENTWIRE_MAX_BODY_BYTES must be a positive number of bytes, not {size!r}")
            values["max_body_bytes"] = int(size)
        values.update({k: v for k, v in overrides.items() if v is not None and v != ()})
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


def writer_problem(settings: ApiSettings, authorization: str | None) -> tuple[int, str] | None:
    """Return (status, message) refusing a write with this Authorization header, or None when
    it carries the configured token: what `require_writer` decides, for api/guard.py, which
    decides before the request body is read."""
    if settings.token is None:
        return 403, "writes are disabled: start the server with --token or EVENTWIRE_TOKEN"
    scheme, _, value = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return 401, "this endpoint needs the header Authorization: Bearer TOKEN"
    if not secrets.compare_digest(value.strip().encode(), settings.token.encode()):
        return 401, "wrong bearer token"
    return None


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


_readers = threading.local()  # per worker thread: (file key, Store) of the last SQLite store read


def _file_key(location: Path) -> tuple[str, int, int] | None:
    """Return what identifies an SQLite file (path, device, inode), None while it does not exist."""
    try:
        stat = location.stat()
    except OSError:
        return None
    return str(location), stat.st_dev, stat.st_ino


@contextmanager
def reader_for(request: Request) -> Iterator[Store]:
    """Yield a store for a read-only request: on SQLite, the one this worker thread opened for the
    same file before, kept open; a PostgreSQL store, or a file not there yet, is opened for the
    request only (as `store_for`).

    Opening a store (connecting, its pragmas, the schema and index checks, and the WAL work of
    closing) was a good part of a short read under load (issue 18's load check). A kept
    connection reads in autocommit, so each query sees the latest committed writes; a file
    replaced under the same name (another inode) is opened afresh, and a read that fails closes
    the kept store. One store a thread: a Store is not thread-safe.
    """
    db = settings_of(request).db
    key = None if is_database_url(db) else _file_key(Path(db))
    if key is None:
        with store_for(request) as store:
            yield store
        return
    kept: tuple[tuple[str, int, int], Store] | None = getattr(_readers, "kept", None)
    if kept is None or kept[0] != key:
        if kept is not None:
            kept[1].close()
        _readers.kept = None
        kept = _readers.kept = (key, open_store(db))
    try:
        yield kept[1]
    except BaseException:
        _readers.kept = None
        kept[1].close()
        raise


def ui_assets_installed(settings: ApiSettings) -> bool:
    modules = settings.web_dir / "node_modules"
    return all((modules / folder).is_dir() for folder in VENDOR_MOUNTS.values())
