"""A careful HTTP client for feeds and article pages: SSRF-safe, polite, bounded.

    fetcher = SafeFetcher(FetchPolicy())
    page = fetcher.fetch("https://news.example/article")     # a Fetched, or raises FetchError

Every fetch of a URL, in order:
1. The URL must be http or https with a host; anything else is refused ("unsafe_url").
2. The host is resolved once (DNS) and every address it resolves to must be public: not private,
   loopback, link-local, shared (CGNAT), reserved, multicast, unspecified, nor a cloud metadata
   address (`METADATA_ADDRESSES`); an IPv4-mapped IPv6 address is judged as its IPv4 address.
   `FetchPolicy.allow_private` lifts this (a newsroom's intranet feed).
3. The request goes to the address just checked, never to the name again (no second DNS answer
   can swap in 127.0.0.1): the URL's host is replaced by the address, the `Host` header and the
   TLS server name (SNI, certificate check) keep the name. No proxy from the environment.
4. Redirects are followed by hand, at most `max_redirects`, each new URL checked from step 1.
5. Before each request to a host, at least `host_delay` seconds since the last one (politeness).
6. The body is streamed and reading stops past `max_bytes` ("too_large"), or past
   `total_timeout` seconds for the whole answer ("timeout"); connect and read timeouts bound
   each network wait.
7. A timeout, a network error, HTTP 429 or 5xx is retried `retries` times, waiting `backoff`
   seconds, then twice that… (or the server's Retry-After, up to `MAX_RETRY_AFTER`).
8. `etag` / `last_modified` make the request conditional; a 304 answer is a Fetched with status
   304 and no body.

Failures raise FetchError(reason, detail); reasons: unsafe_url, too_many_redirects, http_error
(4xx), server_error (5xx, 429), timeout, network_error, too_large. `transient` says whether the
same URL may read well later (server_error, timeout, network_error).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Self
from urllib.parse import urljoin

import httpx

from eventwire import __version__
from eventwire.ingest.decode import MAX_INPUT_BYTES

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

# Cloud instance-metadata endpoints outside the ranges refused anyway: Azure's platform address
# is a public one, so it is named; AWS, GCP and OpenStack (169.254.169.254), AWS IPv6
# (fd00:ec2::254) and Alibaba (100.100.100.200) are link-local, private or shared already.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "168.63.129.16", "100.100.100.200", "fd00:ec2::254")
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
TRANSIENT_REASONS = frozenset({"server_error", "timeout", "network_error"})
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is not waited for in one run


class FetchError(Exception):
    """A URL that could not be read: a skip reason code and a one-line detail."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail

    @property
    def transient(self) -> bool:
        """Whether the same URL may read well later (the server or the network failed)."""
        return self.reason in TRANSIENT_REASONS


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of a SafeFetcher (module docstring, steps 2-7)."""

    allow_private: bool = False
    max_bytes: int = MAX_INPUT_BYTES
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 2.0
    host_delay: float = 1.0
    obey_robots: bool = True  # skip article pages robots.txt disallows (ingest.robots)
    user_agent: str = f"eventwire/{__version__} (news event coding; feed reader)"


@dataclass(frozen=True)
class Fetched:
    """A URL's answer: status 200-299 with its body, or 304 (not modified) without one."""

    url: str  # the URL that answered, after redirects
    status: int
    body: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def media_type(self) -> str:
        """The media type without parameters, lower-cased ("" when none was sent)."""
        return (self.content_type or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset parameter of the Content-Type, if any."""
        for param in (self.content_type or "").split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def address_refusal(address: IPAddress) -> str | None:
    """Return why fetching from `address` is refused (e.g. "loopback address"), or None when it
    is a public address."""
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        return address_refusal(mapped)
    if address in METADATA_ADDRESSES:
        return "cloud metadata address"
    for kind, test in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    ):
        if test:
            return f"{kind} address"
    if not address.is_global:  # shared CGNAT space, documentation and benchmark ranges…
        return "non-public address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """Return the addresses DNS gives for `host` (IPv4 and IPv6), in the system's order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass
class HostThrottle:
    """At least `delay` seconds between two requests to one host (politeness)."""

    delay: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)

    def wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            remaining = last + self.delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = self.clock()


class SafeFetcher:
    """Fetches URLs under a FetchPolicy (module docstring); one per run, closed after use."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        resolver: Resolver = system_resolver,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        """`resolver`, `clock`, `sleep` and `transport` (httpx's) are the system's unless given
        (tests give their own)."""
        self.policy = policy or FetchPolicy()
        self._resolver = resolver
        self._clock = clock
        self._sleep = sleep
        self.throttle = HostThrottle(self.policy.host_delay, clock=clock, sleep=sleep)
        self.robots: object | None = None  # ingest.robots.RobotsRules, made on first use
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        # No keep-alive: a pooled TLS connection is keyed by address and must not serve another
        # host name; no proxies from the environment: a proxy would resolve names itself.
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            limits=httpx.Limits(max_keepalive_connections=0),
            headers={"User-Agent": self.policy.user_agent},
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
        retries: int | None = None,
    ) -> Fetched:
        """Return the answer of `url` (after redirects), retrying transient failures (the
        policy's `retries` unless given); raise FetchError when it cannot be read."""
        headers = {"Accept": accept or "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._follow(url, headers)
            except _Retryable as e:
                if attempt >= (self.policy.retries if retries is None else retries):
                    raise e.error from None
                wait = e.retry_after if e.retry_after is not None else self.policy.backoff * 2**attempt
                log.info("%s: %s; retrying in %.1f s", url, e.error.detail, wait)
                self._sleep(wait)
                attempt += 1

    def _follow(self, url: str, headers: dict[str, str]) -> Fetched:
        """Return the answer at the end of `url`'s redirects, each hop checked."""
        current = url
        for _ in range(self.policy.max_redirects + 1):
            target, address = self.check_url(current)
            answer = self._request(target, address, headers)
            if isinstance(answer, Fetched):
                return answer
            current = urljoin(current, answer)
        raise FetchError("too_many_redirects", f"more than {self.policy.max_redirects} redirects from {url}")

    def check_url(self, url: str) -> tuple[httpx.URL, str]:
        """Return the parsed URL and the public address to connect to; raise FetchError
        "unsafe_url" for another scheme, no host, or an address the policy refuses."""
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as e:
            raise FetchError("unsafe_url", f"not a URL: {e}") from None
        if target.scheme not in ("http", "https"):
            raise FetchError("unsafe_url", f"only http and https URLs are fetched, not {target.scheme or 'none'!r}")
        host = target.host
        if not host:
            raise FetchError("unsafe_url", "the URL has no host")
        port = target.port or (443 if target.scheme == "https" else 80)
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            try:
                addresses = [ipaddress.ip_address(a.split("%")[0]) for a in self._resolver(host, port)]
            except (OSError, UnicodeError) as e:
                raise FetchError("network_error", f"cannot resolve {host}: {e}") from None
        if not addresses:
            raise FetchError("network_error", f"{host} resolves to no address")
        if not self.policy.allow_private:
            for address in addresses:
                refusal = address_refusal(address)
                if refusal is not None:
                    shown = host if str(address) == host else f"{host} resolves to {address}"
                    raise FetchError("unsafe_url", f"{shown}: {refusal} (--allow-private to fetch it)")
        return target, str(addresses[0])

    def _request(self, target: httpx.URL, address: str, headers: dict[str, str]) -> Fetched | str:
        """Return the answer of one request to `address`, or the Location of a redirect."""
        host = target.host
        named = f"[{host}]" if ":" in host else host  # an IPv6 literal is bracketed
        host_header = named if target.port is None else f"{named}:{target.port}"  # port None: the default
        request = self._client.build_request(
            "GET",
            target.copy_with(host=address),
            headers={**headers, "Host": host_header},
            extensions={"sni_hostname": host} if target.scheme == "https" else {},
        )
        self.throttle.wait(host)
        deadline = self._clock() + self.policy.total_timeout
        try:
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException as e:
            raise _Retryable(FetchError("timeout", f"{target}: no answer in time ({type(e).__name__})")) from None
        except httpx.TransportError as e:
            raise _Retryable(FetchError("network_error", f"{target}: {type(e).__name__}: {e}")) from None
        try:
            return self._answer(target, response, deadline)
        finally:
            response.close()

    def _answer(self, target: httpx.URL, response: httpx.Response, deadline: float) -> Fetched | str:
        status = response.status_code
        if status in REDIRECT_STATUSES:
            location = response.headers.get("location")
            if not location:
                raise FetchError("http_error", f"{target}: HTTP {status} redirect without a Location")
            return location
        if status in RETRY_STATUSES:
            error = FetchError("server_error", f"{target}: HTTP {status} {response.reason_phrase}".rstrip())
            raise _Retryable(error, retry_after=_retry_after(response.headers.get("retry-after")))
        if status == 304:
            return self._fetched(target, response, b"")
        if status >= 400 or status < 200:
            reason = "server_error" if status >= 500 else "http_error"
            raise FetchError(reason, f"{target}: HTTP {status} {response.reason_phrase}".rstrip())
        return self._fetched(target, response, self._read_body(target, response, deadline))

    def _read_body(self, target: httpx.URL, response: httpx.Response, deadline: float) -> bytes:
        """Return the decoded body, read chunk by chunk; stop past the size or time limit."""
        limit = self.policy.max_bytes
        too_large = FetchError("too_large", f"{target}: body is over the limit of {limit} bytes (stopped reading)")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_large
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise too_large
                chunks.append(chunk)
                if self._clock() > deadline:
                    raise FetchError(
                        "timeout", f"{target}: body not read within {self.policy.total_timeout:g} s (stopped reading)"
                    )
        except httpx.TimeoutException:
            raise _Retryable(FetchError("timeout", f"{target}: the body stopped arriving")) from None
        except httpx.TransportError as e:
            raise _Retryable(FetchError("network_error", f"{target}: {type(e).__name__}: {e}")) from None
        return b"".join(chunks)

    @staticmethod
    def _fetched(target: httpx.URL, response: httpx.Response, body: bytes) -> Fetched:
        return Fetched(
            url=str(target),
            status=response.status_code,
            body=body,
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )


class _Retryable(Exception):
    """A transient failure; `fetch` retries it, then raises its FetchError."""

    def __init__(self, error: FetchError, retry_after: float | None = None) -> None:
        super().__init__(error.detail)
        self.error = error
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    """Return the seconds a Retry-After header asks for (its delta-seconds form), capped."""
    if value is None or not value.strip().isdigit():
        return None
    return min(float(value.strip()), MAX_RETRY_AFTER)
