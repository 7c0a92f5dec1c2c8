"""Run the web app and API with uvicorn (`eventwire serve` is a thin wrapper over `serve`)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace

from eventwire.api.deps import ApiSettings


def serve(settings: ApiSettings, *, host: str, port: int, verbose: int, say: Callable[[str], None]) -> None:
    """Serve `settings.db` on host:port until interrupted.

    Without a write token one is made and told through `say`, with the address served; an
    unusable store raises EventwireError (from `create_app`) before anything listens.
    """
    import uvicorn

    from eventwire.api import create_app

    if settings.token is None:
        settings = replace(settings, token=secrets.token_urlsafe(18))
        say(f"write token (no --token or EVENTWIRE_TOKEN given): {settings.token}")
    application = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    say(f"eventwire: serving {settings.db} on http://{shown}:{port}/ (API schema at /openapi.json)")
    uvicorn.run(application, host=host, port=port, log_level="info" if verbose else "warning")
