"""robots.txt for the article pages eventwire fetches (`ingest URL`, `watch`), per RFC 9309.

    rules = RobotsRules(fetcher)
    rules.refusal("https://news.example/private/a.html")   # None, or the skip detail

Each host's robots.txt (scheme, host and port) is read once through the same SafeFetcher as the
pages (SSRF checks, politeness delay, size and time limits; no retry) and kept `ttl` seconds,
then parsed by `urllib.robotparser` for the fetcher's product token ("eventwire"):
- 2xx: its rules; a page they disallow is skipped ("robots.txt disallows …");
- 401/403: the whole host is disallowed (urllib.robotparser's reading), other 4xx: no rules;
- 5xx, a timeout or a network failure: the host is unreachable, so every page is disallowed
  (RFC 9309 §2.3.1.4) until `unreachable_ttl` seconds have passed and it is asked again.
Feeds are not checked: a feed is published to be read by feed readers. `--ignore-robots` (the
policy's `obey_robots=False`) turns the check off.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from eventwire.ingest.fetch import FetchError, SafeFetcher

log = logging.getLogger(__name__)

PRODUCT_TOKEN = "eventwire"  # the user agent robots.txt groups are matched against
ROBOTS_REASON = "robots_disallowed"  # the skip reason of a page robots.txt disallows
ROBOTS_TTL = 3600.0  # seconds a host's robots.txt is kept (RFC 9309: at most 24 hours)
UNREACHABLE_TTL = 300.0  # seconds an unreachable robots.txt disallows the host


@dataclass
class _HostRules:
    parser: RobotFileParser | None  # None: robots.txt unreachable, everything disallowed
    why: str  # how the rules were read (for the skip detail)
    until: float  # clock time after which robots.txt is read again


class RobotsRules:
    """The robots.txt rules of each host a fetcher reads pages from, cached per host."""

    def __init__(
        self,
        fetcher: SafeFetcher,
        *,
        ttl: float = ROBOTS_TTL,
        unreachable_ttl: float = UNREACHABLE_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetcher = fetcher
        self._ttl = ttl
        self._unreachable_ttl = unreachable_ttl
        self._clock = clock
        self._hosts: dict[str, _HostRules] = {}

    def refusal(self, url: str) -> str | None:
        """Return why robots.txt forbids fetching `url` (the skip detail), or None."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return None  # refused by the fetcher's own checks, with their reason
        root = f"{parts.scheme}://{parts.netloc}"
        rules = self._hosts.get(root)
        if rules is None or self._clock() >= rules.until:
            rules = self._hosts[root] = self._read(root)
        if rules.parser is None:
            return f"robots.txt disallows {url}: {rules.why}"
        if rules.parser.can_fetch(PRODUCT_TOKEN, url):
            return None
        return f"robots.txt disallows {url} for {PRODUCT_TOKEN} ({rules.why}; --ignore-robots to fetch it)"

    def _read(self, root: str) -> _HostRules:
        robots_url = f"{root}/robots.txt"
        parser = RobotFileParser(robots_url)
        now = self._clock()
        try:
            answer = self._fetcher.fetch(robots_url, accept="text/plain, */*;q=0.5", retries=0)
        except FetchError as e:
            if e.reason in ("unsafe_url", "too_many_redirects"):
                # the host's pages meet the same refusal, with its own reason: no rules here
                parser.parse([])
                return _HostRules(parser, f"{robots_url}: {e.reason}", now + self._unreachable_ttl)
            if e.reason == "http_error":  # 4xx: 401/403 forbid everything, others nothing
                status = _status_of(e.detail)
                parser.parse(["User-agent: *", "Disallow: /"] if status in (401, 403) else [])
                return _HostRules(parser, f"{robots_url} answered HTTP {status or '4xx'}", now + self._ttl)
            log.info("%s unreachable (%s): the host's pages are not fetched for now", robots_url, e.detail)
            return _HostRules(None, f"{robots_url} could not be read ({e.reason})", now + self._unreachable_ttl)
        text = answer.body.decode("utf-8", errors="replace")
        parser.parse(text.splitlines())
        return _HostRules(parser, f"rules of {robots_url}", now + self._ttl)


def _status_of(detail: str) -> int | None:
    """Return the HTTP status in a FetchError detail ("…: HTTP 404 Not Found")."""
    _, _, rest = detail.rpartition("HTTP ")
    code = rest.split(" ")[0]
    return int(code) if code.isdigit() else None


def robots_refusal(fetcher: SafeFetcher, url: str) -> str | None:
    """Return why robots.txt forbids `fetcher` to read the page at `url`, or None (also when its
    policy says not to obey robots.txt); the rules are kept on the fetcher, one set per run."""
    if not fetcher.policy.obey_robots:
        return None
    if not isinstance(fetcher.robots, RobotsRules):
        fetcher.robots = RobotsRules(fetcher)
    return fetcher.robots.refusal(url)
