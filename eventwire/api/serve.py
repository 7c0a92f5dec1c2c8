"""Run the web app and API with uvicorn (`eventwire serve` is a thin wrapper over `serve`).

With `workers` > 1, uvicorn runs that many server processes on one socket (requests spread over
the machine's cores); each builds its app from the settings this process passes it in the
environment (`SETTINGS_ENV`, JSON), since worker processes are started afresh.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path

from fastapi import FastAPI

from eventwire.api.deps import ApiSettings

SETTINGS_ENV = "EVENTWIRE_SERVE_SETTINGS"


def serve(
    settings: ApiSettings, *, host: str, port: int, verbose: int, say: Callable[[str], None], workers: int = 1
) -> None:
    """Serve `settings.db` on host:port until interrupted, on `workers` processes.

    Without a write token one is made and told through `say`, with the address served; an
    unusable store raises EventwireError (from `create_app`) before anything listens.
    """
    import uvicorn

    from eventwire.api import create_app

    if settings.token is None:
        settings = replace(settings, token=secrets.token_urlsafe(18))
        say(f"write token (no --token or EVENTWIRE_TOKEN given): {settings.token}")
    application = create_app(settings)  # checks the store (and migrates it) once, here
    shown = f"[{host}]" if ":" in host else host
    say(f"eventwire: serving {settings.db} on http://{shown}:{port}/ (API schema at /openapi.json)")
    log_level = "info" if verbose else "warning"
    if workers <= 1:
        uvicorn.run(application, host=host, port=port, log_level=log_level)
        return
    os.environ[SETTINGS_ENV] = json.dumps(_settings_dict(settings))
    uvicorn.run(
        f"{__name__}:app_from_environment", factory=True, host=host, port=port, workers=workers, log_level=log_level
    )


def _settings_dict(settings: ApiSettings) -> dict[str, object]:
    values = asdict(settings)
    values["db"] = str(settings.db)
    values["web_dir"] = str(settings.web_dir)
    values["allowed_hosts"] = list(settings.allowed_hosts)
    values["db_is_path"] = isinstance(settings.db, Path)
    return values


def app_from_environment() -> FastAPI:
    """Return the app of a worker process, from the settings `serve` left in SETTINGS_ENV."""
    from eventwire.api import create_app

    values = json.loads(os.environ[SETTINGS_ENV])
    db = Path(values["db"]) if values.pop("db_is_path") else values["db"]
    settings = ApiSettings(
        **{
            **values,
            "db": db,
            "web_dir": Path(values["web_dir"]),
            "allowed_hosts": tuple(values["allowed_hosts"]),
        }
    )
    return create_app(settings)
