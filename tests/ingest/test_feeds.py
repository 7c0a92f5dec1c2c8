"""Feeds and pages → Documents (ingest.feeds), against the local server of feed_server.py."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.ingest.feeds import is_url, parse_feed, read_entry, read_feed, read_url
from eventwire.ingest.fetch import Fetched, FetchError, FetchPolicy, SafeFetcher
from eventwire.ingest.robots import RobotsRules, robots_refusal
from eventwire.models import Document, Skip

from .feed_server import ARTICLE_A, ARTICLE_B, ARTICLE_C, RSS_ETAG, FeedServer, atom, rss

LOCAL = FetchPolicy(allow_private=True, host_delay=0, retries=0, read_timeout=5)


@pytest.fixture(scope="module")
def server():
    server = FeedServer().start()
    yield server
    server.shutdown()


@pytest.fixture
def fetcher():
    with SafeFetcher(LOCAL) as f:
        yield f


def test_parse_feed_reads_rss_entries_with_their_ids_and_dates():
    entries, skipped = parse_feed(rss("http://wire.test"), feed_url="http://wire.test/rss.xml")
    assert skipped == ()
    assert [(e.url, e.entry_id, e.published) for e in entries] == [
        ("http://wire.test/articles/a.html", "wire-a", date(2016, 12, 13)),
        ("http://wire.test/articles/b.html", "wire-b", date(2016, 12, 13)),  # "mardi 13 décembre 2016"
        ("http://wire.test/articles/copy-of-a.html", "wire-copy-of-a", date(2016, 12, 13)),
    ]
    assert entries[1].title == "Attaque près de Ménaka"


def test_parse_feed_reads_atom_and_keeps_the_day_as_written():
    entries, _ = parse_feed(atom("http://wire.test"), feed_url="http://wire.test/atom.xml")
    # "2016-12-14T07:30:00+01:00" is the 14th where it was written (the 14th in UTC too here)
    assert [(e.entry_id, e.published) for e in entries] == [
        ("urn:wire:c", date(2016, 12, 14)),
        ("urn:wire:a", date(2016, 12, 13)),
    ]


def test_parse_feed_late_evening_date_is_not_moved_to_utc():
    body = (
        b'<rss version="2.0"><channel><item><link>/x</link>'
        b"<pubDate>Tue, 13 Dec 2016 23:30:00 -0500</pubDate></item></channel></rss>"
    )
    (entry,), _ = parse_feed(body, feed_url="http://wire.test/rss.xml")
    assert entry.published == date(2016, 12, 13) and entry.url == "http://wire.test/x"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</ti", "a broken feed"),
        (b"<html><body>Not a feed</body></html>", "not an RSS or Atom feed"),
        (b"\x00\x01 binary", "not an RSS or Atom feed"),
    ],
)
def test_parse_feed_refuses_what_is_not_a_feed(body, words):
    skip = parse_feed(body, feed_url="http://wire.test/x.xml")
    assert isinstance(skip, Skip) and skip.reason == "bad_feed" and words in skip.detail
    assert skip.origin == "http://wire.test/x.xml"


def test_parse_feed_skips_an_entry_without_link():
    body = b'<rss version="2.0"><channel><item><title>No link</title></item></channel></rss>'
    entries, (skip,) = parse_feed(body, feed_url="http://wire.test/rss.xml")
    assert entries == () and skip.reason == "bad_feed" and "no link" in skip.detail


def test_read_feed_is_conditional(server, fetcher):
    first = read_feed(f"{server.base}/rss.xml", fetcher)
    assert first.status == "read" and len(first.entries) == 3 and first.etag == RSS_ETAG
    again = read_feed(f"{server.base}/rss.xml", fetcher, etag=first.etag, last_modified=first.last_modified)
    assert again.status == "not_modified" and again.entries == () and again.etag == RSS_ETAG


def test_read_feed_failures_are_skips(server, fetcher):
    broken = read_feed(f"{server.base}/broken.xml", fetcher)
    missing = read_feed(f"{server.base}/missing", fetcher)
    assert (broken.reason, missing.reason) == ("bad_feed", "http_error")
    assert missing.origin == f"{server.base}/missing"


def test_read_entry_takes_the_page_text_and_the_feed_fields(server, fetcher):
    read = read_feed(f"{server.base}/rss.xml", fetcher)
    document = read_entry(read.entries[1], fetcher)
    assert isinstance(document, Document)
    assert document.text == ARTICLE_B and document.lang == "fr"
    assert document.external_id == "wire-b" and document.url == f"{server.base}/articles/b.html"
    assert document.title == "Attaque près de Ménaka" and document.published == date(2016, 12, 13)
    assert document.origin == document.url


def test_read_url_reads_html_and_declared_charsets(server, fetcher):
    page = read_url(f"{server.base}/articles/a.html", fetcher)
    plain = read_url(f"{server.base}/plain.txt", fetcher, published=date(2016, 12, 15))
    assert isinstance(page, Document) and page.text == ARTICLE_A and page.published == date(2016, 12, 13)
    assert isinstance(plain, Document) and plain.text == ARTICLE_C and plain.published == date(2016, 12, 15)


def test_read_url_failures_are_skips_with_the_url_as_origin(server, fetcher):
    pdf = read_url(f"{server.base}/doc.pdf", fetcher)
    missing = read_url(f"{server.base}/missing", fetcher)
    refused = read_url("http://127.0.0.1:9/", SafeFetcher(FetchPolicy()))
    assert (pdf.reason, missing.reason, refused.reason) == ("unsupported_type", "http_error", "unsafe_url")
    assert pdf.origin == f"{server.base}/doc.pdf"


def test_is_url():
    assert is_url("https://wire.test/a") and is_url("ftp://x/y")
    assert not is_url("dispatches/a.txt") and not is_url("-") and not is_url("C:\\news\\a.txt")


class _Answers:
    """A stand-in fetcher: each URL's answer (a body) or FetchError; counts the requests."""

    def __init__(self, answers, policy=None):
        self.answers = answers
        self.policy = policy or FetchPolicy()
        self.robots = None
        self.asked: list[str] = []

    def fetch(self, url, **_):
        self.asked.append(url)
        answer = self.answers[url]
        if isinstance(answer, FetchError):
            raise answer
        return Fetched(url, 200, answer, "text/plain")


@pytest.mark.parametrize(
    ("answer", "allowed"),
    [
        (b"User-agent: eventwire\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n", [True, False]),
        (b"User-agent: *\nAllow: /\n", [True, True]),
        (FetchError("http_error", "http://wire.test/robots.txt: HTTP 404 Not Found"), [True, True]),
        (FetchError("http_error", "http://wire.test/robots.txt: HTTP 403 Forbidden"), [False, False]),
        (FetchError("server_error", "http://wire.test/robots.txt: HTTP 503"), [False, False]),  # RFC 9309
        (FetchError("timeout", "http://wire.test/robots.txt: no answer in time"), [False, False]),
    ],
)
def test_robots_rules_by_what_robots_txt_answers(answer, allowed):
    fetcher = _Answers({"http://wire.test/robots.txt": answer})
    urls = ["http://wire.test/articles/a.html", "http://wire.test/private/b.html"]
    said = [robots_refusal(fetcher, url) for url in urls]  # type: ignore[arg-type]
    assert [s is None for s in said] == allowed
    assert all(s.startswith(f"robots.txt disallows {u}") for s, u in zip(said, urls, strict=True) if s)
    assert fetcher.asked == ["http://wire.test/robots.txt"]  # once per host


def test_robots_rules_are_read_again_after_their_time():
    now = [0.0]
    fetcher = _Answers({"http://wire.test/robots.txt": b"User-agent: *\nDisallow: /private/\n"})
    rules = RobotsRules(fetcher, ttl=60, clock=lambda: now[0])  # type: ignore[arg-type]
    assert rules.refusal("http://wire.test/private/a.html")
    now[0] = 30.0
    assert rules.refusal("http://wire.test/articles/a.html") is None
    fetcher.answers["http://wire.test/robots.txt"] = b"User-agent: *\nAllow: /\n"
    now[0] = 61.0
    assert rules.refusal("http://wire.test/private/a.html") is None
    assert len(fetcher.asked) == 2


def test_ignoring_robots_reads_no_robots_txt():
    fetcher = _Answers({}, FetchPolicy(obey_robots=False))
    assert robots_refusal(fetcher, "http://wire.test/private/a.html") is None  # type: ignore[arg-type]
    assert fetcher.asked == []
