"""URLs and RSS/Atom feeds → Documents, through the SafeFetcher (ingest.fetch).

    with SafeFetcher() as fetcher:
        read = read_feed("https://news.example/rss", fetcher)   # a FeedRead, or a Skip
        for entry in read.entries:
            document = read_entry(entry, fetcher)                # a Document, or a Skip

- `read_url`: one page → a Document (HTML through trafilatura, like an .html file; plain text
  as it is) or a Skip whose origin is the URL; a page its host's robots.txt disallows is a Skip
  "robots_disallowed" (ingest.robots; `FetchPolicy.obey_robots=False` to fetch it anyway). A
  page of another type (PDF, image) is a Skip "unsupported_type"; a fetch failure is a Skip
  with the FetchError's reason.
- `read_feed`: a feed URL, conditionally (the ETag / Last-Modified of the last read) → the
  entries (link, id, title, date, the HTML the feed carries), "not_modified" on a 304, or a Skip
  "bad_feed" when the body is not RSS or Atom.
- `read_entry`: an entry → its article page's Document; the entry's id becomes the document's
  external id, its title and date win over the page's (the feed is the publisher's own record).
  When the page has no article text, the HTML the feed carries (content, else summary) is read.

Entry dates are read by ingest.dates from the string the feed wrote (so the day is the one the
publisher wrote, not moved to UTC), else from feedparser's parse; an entry with no readable date
takes the page's date.
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal
from urllib.parse import urljoin

import feedparser

from eventwire.ingest.dates import parse_published
from eventwire.ingest.decode import decode_bytes, looks_like_html
from eventwire.ingest.fetch import Fetched, FetchError, SafeFetcher
from eventwire.ingest.html import build_html_document
from eventwire.ingest.robots import ROBOTS_REASON, robots_refusal
from eventwire.ingest.text import build_document
from eventwire.models import Document, Skip

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", ""})
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.1"
_URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def is_url(value: str) -> bool:
    """Return whether an input names a URL ("scheme://…") rather than a file."""
    return bool(_URL_SCHEME.match(value))


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, as the feed tells it."""

    url: str  # the article's link, absolute
    entry_id: str | None  # the feed's id for it (RSS guid, Atom id)
    title: str | None
    published: date | None
    html: str | None  # the content (else summary) the feed carries, if any


@dataclass(frozen=True)
class FeedRead:
    """A feed's answer: its entries, or "not_modified" (304) with none."""

    feed_url: str
    status: Literal["read", "not_modified"]
    entries: tuple[FeedEntry, ...] = ()
    etag: str | None = None
    last_modified: str | None = None
    skipped: tuple[Skip, ...] = ()  # entries the feed gives without a link


def fetch_skip(error: FetchError, origin: str) -> Skip:
    """Return the Skip recording a failed fetch of `origin`."""
    return Skip(origin=origin, reason=error.reason, detail=error.detail)


def read_urls(urls: Iterable[str], fetcher: SafeFetcher, *, published: date | None = None) -> Iterator[Document | Skip]:
    """Yield one Document or Skip per URL, in order."""
    for url in urls:
        yield read_url(url, fetcher, published=published)


def read_url(
    url: str,
    fetcher: SafeFetcher,
    *,
    published: date | None = None,
    given_published: date | None = None,
    title: str | None = None,
    external_id: str | None = None,
    fallback_html: str | None = None,
) -> Document | Skip:
    """Return the Document of the page at `url` (origin and url: `url`), or a Skip.

    `published` is the default date, `given_published` a date that wins over the page's;
    `fallback_html` is read when the page has no article text (a feed's own copy).
    """
    refused = robots_refusal(fetcher, url)
    if refused is not None:
        return Skip(origin=url, reason=ROBOTS_REASON, detail=refused)
    try:
        page = fetcher.fetch(url, accept=PAGE_ACCEPT)
    except FetchError as e:
        return fetch_skip(e, url)
    text = _page_text(page, url)
    if isinstance(text, Skip):
        return text
    fields: dict[str, Any] = {"origin": url, "url": url, "title": title, "external_id": external_id}
    if page.media_type in HTML_TYPES or looks_like_html(text):
        document = build_html_document(text, default_published=published, given_published=given_published, **fields)
        if isinstance(document, Skip) and document.reason == "empty" and fallback_html:
            log.info("%s: no article text in the page; reading the feed's copy", url)
            document = build_html_document(
                fallback_html, default_published=published, given_published=given_published, **fields
            )
        return document
    return build_document(text, published=given_published or published, **fields)


def _page_text(page: Fetched, url: str) -> str | Skip:
    """Return the decoded text of a page (its declared charset first), or a Skip."""
    if page.media_type not in HTML_TYPES | TEXT_TYPES:
        return Skip(origin=url, reason="unsupported_type", detail=f"{page.media_type} is not an HTML or text page")
    charset = page.charset
    if charset and page.body:
        try:
            return page.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            log.info("%s: body is not %s as declared; sniffing its encoding", url, charset)
    return decode_bytes(page.body, origin=url)


def read_feed(
    feed_url: str,
    fetcher: SafeFetcher,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FeedRead | Skip:
    """Return the entries of the feed at `feed_url` (conditional on `etag`/`last_modified`), or
    the Skip saying why it cannot be read."""
    try:
        answer = fetcher.fetch(feed_url, etag=etag, last_modified=last_modified, accept=FEED_ACCEPT)
    except FetchError as e:
        return fetch_skip(e, feed_url)
    if answer.status == 304:
        return FeedRead(feed_url, "not_modified", etag=answer.etag or etag, last_modified=answer.last_modified)
    parsed = parse_feed(answer.body, feed_url=answer.url or feed_url, origin=feed_url)
    if isinstance(parsed, Skip):
        return parsed
    entries, skipped = parsed
    return FeedRead(feed_url, "read", entries, answer.etag, answer.last_modified, skipped)


def parse_feed(
    body: bytes, *, feed_url: str, origin: str | None = None
) -> tuple[tuple[FeedEntry, ...], tuple[Skip, ...]] | Skip:
    """Return the entries of an RSS or Atom document (links made absolute against `feed_url`)
    and a Skip per entry without a link; a Skip "bad_feed" when `body` is not a feed."""
    origin = origin or feed_url
    parsed = feedparser.parse(body, response_headers={"content-location": feed_url})
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.get("version") or (problem is not None and not parsed.entries):
        # not a feed at all, or a broken one of which nothing could be read
        why = f": {str(problem).splitlines()[0][:200]}" if problem is not None else ""
        kind = "a broken feed" if parsed.get("version") else "not an RSS or Atom feed"
        return Skip(origin=origin, reason="bad_feed", detail=f"{kind}{why}")
    if parsed.get("bozo"):
        log.info("%s: feed is not well-formed (%s); reading what it holds", origin, parsed.get("bozo_exception"))
    entries: list[FeedEntry] = []
    skipped: list[Skip] = []
    for n, raw in enumerate(parsed.entries, start=1):
        entry = _entry(raw, feed_url)
        if entry is None:
            skipped.append(Skip(origin=f"{origin}#{n}", reason="bad_feed", detail=f"entry {n} has no link"))
        else:
            entries.append(entry)
    return tuple(entries), tuple(skipped)


def _entry(raw: Any, feed_url: str) -> FeedEntry | None:
    entry_id = raw.get("id") or None
    link = raw.get("link") or (entry_id if entry_id and is_url(entry_id) else None)
    if not link:
        return None
    contents = raw.get("content") or []
    html = next((c.get("value") for c in contents if c.get("value")), None) or raw.get("summary") or None
    return FeedEntry(
        url=urljoin(feed_url, link.strip()),
        entry_id=entry_id,
        title=raw.get("title") or None,
        published=_entry_date(raw),
        html=html,
    )


def _entry_date(raw: Any) -> date | None:
    """Return the day the entry was published: the string as written (ingest.dates), else
    feedparser's reading of it (UTC), else None."""
    for key in ("published", "updated"):
        written = raw.get(key)
        if written:
            day = parse_published(written)
            if day is not None:
                return day
        parsed = raw.get(f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date()
    return None


def read_entry(entry: FeedEntry, fetcher: SafeFetcher, *, published: date | None = None) -> Document | Skip:
    """Return the Document of a feed entry's article page (module docstring), or a Skip."""
    return read_url(
        entry.url,
        fetcher,
        published=published,
        given_published=entry.published,
        title=entry.title,
        external_id=entry.entry_id,
        fallback_html=entry.html,
    )
