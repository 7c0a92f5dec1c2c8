"""HTTP API and browser UI over the event store (`eventwire serve`).

    from eventwire.api import ApiSettings, create_app
    app = create_app(ApiSettings(db=Path("eventwire.sqlite"), token="s3cret"))

Routes live in `routes.py`, what they depend on (settings, token checks, a per-request store) in
`deps.py`, request and response models in `schemas.py`, the one error mapping in `errors.py`; the
UI's static files in `eventwire/web/`.
"""

from eventwire.api.app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
