"""What every request meets before the application reads its body (issue 18): an ASGI middleware.

In order:
1. Host: a request whose Host header names none of the allowed hosts is refused (400
   `bad_host`): a web page on another site cannot reach a local server through DNS rebinding.
   By default the allowed hosts are localhost and the address the server listens on;
   `ApiSettings.allowed_hosts` replaces them ("*" allows any).
2. Methods: OPTIONS answers 204 with the `Allow` header of the path (every method some route
   accepts there), a method no route of a known path accepts answers 405 with the same header;
   HEAD is answered as GET without the body.
3. Writes (POST, PUT, PATCH, DELETE under /api/) need the bearer token: 401/403 before a byte
   of the body is read, so an unauthenticated 100 MB POST costs nothing.
4. Size: a body declared (Content-Length) or streamed beyond `ApiSettings.max_body_bytes` is
   refused with 413, the declared one before it is read, a streamed one as soon as it passes.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.routing import Mount

from eventwire.api.deps import ApiSettings, writer_problem
from eventwire.api.errors import error_response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WILDCARD_BINDS = frozenset({"", "0.0.0.0", "::"})
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
HTTP_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})
# Mounted static folders answer these.
STATIC_METHODS = frozenset({"GET", "HEAD"})


class BodyTooLargeError(HTTPException):
    """A streamed body passed the limit (raised from `receive`, rendered as a 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit} bytes")


def default_allowed_hosts(bind_host: str) -> frozenset[str]:
    """Return localhost and the bind address; for a wildcard bind (all interfaces), also this
    machine's name and addresses."""
    hosts = {*LOCAL_HOSTS, bind_host.strip("[]").lower()} - {""}
    if bind_host.strip("[]") in WILDCARD_BINDS:
        hosts -= WILDCARD_BINDS
        try:
            name, aliases, addresses = socket.gethostbyname_ex(socket.gethostname())
            hosts.update(h.lower() for h in (name, *aliases, *addresses, socket.getfqdn()))
        except OSError:
            hosts.add(socket.gethostname().lower())
    return frozenset(hosts)


def host_of(header: str) -> str:
    """Return the host name of a Host header, without port or IPv6 brackets, lower-cased."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header[1:]
    if header.count(":") == 1:
        return header.split(":", 1)[0]
    return header


def host_allowed(host: str, allowed: frozenset[str]) -> bool:
    if "*" in allowed or host in allowed:
        return True
    try:
        ipaddress.ip_address(host)
        return False
    except ValueError:
        return any(a.startswith("*.") and host.endswith(a[1:]) for a in allowed)


class RequestGuard:
    """The ASGI middleware of the module docstring; `application` is the app it guards (its
    routes give the `Allow` header)."""

    def __init__(self, app: ASGIApp, settings: ApiSettings, application: FastAPI) -> None:
        self.app = app
        self.settings = settings
        self.application = application
        self._table: list[tuple[re.Pattern[str], frozenset[str]]] | None = None
        self.allowed_hosts = (
            frozenset(h.lower() for h in settings.allowed_hosts)
            if settings.allowed_hosts
            else default_allowed_hosts(settings.bind_host)
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        if scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
            send = _without_body(send)
        limit = self.settings.max_body_bytes
        await self.app(scope, _capped(receive, limit), send)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> Any:
        """Return the response refusing the request before the application sees it, or None."""
        host = host_of(headers.get("host", ""))
        if not host_allowed(host, self.allowed_hosts):
            return error_response(400, "bad_host", f"host {host!r} is not served here (eventwire serve --allowed-host)")
        method, path = scope["method"], scope["path"]
        allowed = self._methods(scope)
        if allowed:
            allow = ", ".join(sorted(allowed | {"OPTIONS"}))
            if method == "OPTIONS":
                return _empty(204, Allow=allow)
            if method not in allowed:
                return error_response(405, "method_not_allowed", f"{method} is not allowed on {path}", Allow=allow)
        if method in WRITE_METHODS and path.startswith("/api/"):
            problem = writer_problem(self.settings, headers.get("authorization"))
            if problem is not None:
                status, message = problem
                extra = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
                return error_response(status, "unauthorized" if status == 401 else "forbidden", message, **extra)
        declared = headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > self.settings.max_body_bytes:
            return error_response(
                413, "too_large", f"request body of {declared} bytes over the limit of {self.settings.max_body_bytes}"
            )
        return None

    def _methods(self, scope: Scope) -> frozenset[str]:
        """Return every method some route accepts on the request's path (empty: unknown path)."""
        if self._table is None:
            self._table = _method_table(self.application)
        path = scope["path"]
        methods: set[str] = set()
        for pattern, accepted in self._table:
            if pattern.fullmatch(path):
                methods |= accepted
        if "GET" in methods:
            methods.add("HEAD")
        return frozenset(methods)


def _method_table(app: FastAPI) -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """Return (path pattern, methods) for every route: the API's from its OpenAPI schema (the
    routes of included routers), the top-level routes and the mounted static folders."""
    table: list[tuple[re.Pattern[str], frozenset[str]]] = []
    for path, operations in app.openapi().get("paths", {}).items():
        methods = frozenset(m.upper() for m in operations if m.upper() in HTTP_METHODS)
        table.append((_path_pattern(path), methods))
    for route in app.routes:
        path = getattr(route, "path", None)
        if not isinstance(path, str):
            continue
        if isinstance(route, Mount):
            table.append((re.compile(re.escape(path.rstrip("/")) + "(/.*)?"), STATIC_METHODS))
        elif getattr(route, "methods", None):
            table.append((_path_pattern(path), frozenset(route.methods)))  # type: ignore[attr-defined]
    return table


def _path_pattern(template: str) -> re.Pattern[str]:
    """Return the regular expression of a route path ("/api/events/{event_id}")."""
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts))


def _capped(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def capped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLargeError(limit)
        return message

    return capped


def _without_body(send: Send) -> Send:
    async def head(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return head


def _empty(status: int, **headers: str) -> ASGIApp:
    async def respond(scope: Scope, receive: Receive, send: Send) -> None:
        raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
        await send({"type": "http.response.start", "status": status, "headers": raw})
        await send({"type": "http.response.body", "body": b""})

    return respond
