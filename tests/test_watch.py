"""`eventwire watch` and `eventwire ingest URL` (issue 19): feeds from a local server, each new
entry ingested once, every failure a recorded skip, the SSRF traps refused with their reasons.

The pipeline is the stand-in of test_cli_service (one hand-made event per document)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from eventwire.cli import app as cli
from eventwire.errors import InputError
from eventwire.ingest.fetch import FetchPolicy, SafeFetcher
from eventwire.service import FeedPass, IngestOutcome, parse_period, watch, watch_feeds
from eventwire.store import open_store
from tests.ingest.feed_server import FeedServer, RoutedTransport, routed_resolver
from tests.test_cli_service import stand_in_pipeline  # noqa: F401 - a fixture

LOCAL = FetchPolicy(allow_private=True, host_delay=0, retries=0, read_timeout=0.5)


@pytest.fixture(scope="module")
def server():
    server = FeedServer().start()
    yield server
    server.shutdown()


def _pass(store, fetcher, *feeds):
    items = list(watch_feeds(feeds, store, fetcher, resolve=False))
    outcomes = [i for i in items if isinstance(i, IngestOutcome)]
    passes = [i for i in items if isinstance(i, FeedPass)]
    skips = [i for i in items if not isinstance(i, IngestOutcome | FeedPass)]
    return outcomes, skips, passes


def test_watch_ingests_each_entry_once(store_location, server, stand_in_pipeline):  # noqa: F811
    feeds = (f"{server.base}/rss.xml", f"{server.base}/atom.xml")
    with open_store(store_location) as store, SafeFetcher(LOCAL) as fetcher:
        outcomes, skips, passes = _pass(store, fetcher, *feeds)
        documents = store.counts()["documents"]
        requests = len(server.requests)
        again = _pass(store, fetcher, *feeds)
        assert store.counts()["documents"] == documents
        feed_state = {f.feed_url: f for f in store.sources.feeds()}
        duplicates = [s for s in store.skips() if s["reason"] == "duplicate"]
    # rss: a, b, copy-of-a (same text as a); atom: c, a (already read by URL)
    assert [o.document.external_id for o in outcomes] == ["wire-a", "wire-b", "wire-copy-of-a", "urn:wire:c"]
    assert [o.summary.status for o in outcomes] == ["inserted", "inserted", "unchanged", "inserted"]
    assert documents == 3 and skips == []
    assert [(p.status, p.entries, p.seen, p.stored) for p in passes] == [("read", 3, 0, 3), ("read", 2, 1, 1)]
    assert [d["origin"] for d in duplicates] == [f"{server.base}/articles/copy-of-a.html"]
    # second pass: the RSS feed answers 304; the Atom feed (no validators) holds only read entries
    assert again[0] == [] and again[1] == []
    assert [(p.status, p.seen) for p in again[2]] == [("not_modified", 0), ("read", 2)]
    assert server.paths()[requests:] == ["/rss.xml", "/atom.xml"]  # no entry fetched again
    assert feed_state[feeds[0]].etag == '"rss-v1"' and feed_state[feeds[0]].status == "not_modified"


def test_watch_refuses_the_ssrf_traps_with_their_reasons(tmp_path, server, stand_in_pipeline):  # noqa: F811
    # Through a public name (wire.test → a public address, routed to the local server), with
    # the SSRF checks on: the feed reads, each trap is a recorded skip.
    transport = RoutedTransport(server)
    policy = FetchPolicy(host_delay=0, retries=0)
    with (
        open_store(tmp_path / "ew.sqlite") as store,
        SafeFetcher(policy, resolver=routed_resolver, transport=transport) as fetcher,
    ):
        outcomes, skips, passes = _pass(store, fetcher, "http://wire.test/ssrf.xml")
        recorded = {(s["origin"], s["reason"]) for s in store.skips()}
    assert outcomes == [] and [p.status for p in passes] == ["read"]
    details = {s.origin: s.detail for s in skips}
    assert {s.reason for s in skips} == {"unsafe_url"} and len(skips) == 5
    assert "127.0.0.1: loopback address" in details["http://wire.test/redirect-local"]
    assert "cloud metadata address" in details["http://169.254.169.254/latest/meta-data/"]
    assert "localhost.test resolves to 127.0.0.1" in details["http://localhost.test/articles/a.html"]
    assert "only http and https" in details["ftp://wire.test/articles/a.html"]
    assert recorded == {(s.origin, s.reason) for s in skips}
    assert all(url.startswith("http://93.184.216.34/") for url, _ in transport.sent)


def test_watch_records_feed_and_entry_failures(tmp_path, server, stand_in_pipeline):  # noqa: F811
    with open_store(tmp_path / "ew.sqlite") as store, SafeFetcher(LOCAL) as fetcher:
        _, skips, passes = _pass(store, fetcher, f"{server.base}/broken.xml", f"{server.base}/missing")
        slow = store.sources.url_done(f"{server.base}/slow")
        feed_state = {f.feed_url: f.status for f in store.sources.feeds()}
    assert [(s.reason, p.status) for s, p in zip(skips, passes, strict=True)] == [
        ("bad_feed", "bad_feed"),
        ("http_error", "http_error"),
    ]
    assert feed_state == {f"{server.base}/broken.xml": "bad_feed", f"{server.base}/missing": "http_error"}
    assert not slow


def test_cli_watch_once_and_ingest_urls(tmp_path, server, stand_in_pipeline):  # noqa: F811
    db = tmp_path / "ew.sqlite"
    args = ["watch", f"{server.base}/rss.xml", "--once", "--db", str(db), "--delay", "0"]
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code == 0, refused.output
    assert "unsafe_url" in refused.stderr and "--allow-private" in refused.stderr
    ran = CliRunner().invoke(cli, [*args, "--allow-private"])
    assert ran.exit_code == 0, ran.output
    assert "3 entries, 0 read before, 3 document(s) processed, 0 skipped" in ran.stderr
    again = CliRunner().invoke(cli, [*args, "--allow-private"])
    assert "not modified since the last reading" in again.stderr
    text = tmp_path / "local.txt"
    text.write_text("Gunmen attacked a market in the village of Adi on Monday, police said.", encoding="utf-8")
    urls = ["ingest", f"{server.base}/articles/c.html", str(text), f"{server.base}/missing", "--db", str(db)]
    mixed = CliRunner().invoke(cli, [*urls, "--allow-private"])
    assert mixed.exit_code == 0, mixed.output
    said = " ".join(mixed.stderr.split())  # rich wraps long lines
    assert "2 document(s) processed (0 already stored), 1 skipped" in said
    assert f"skipped {server.base}/missing: http_error: {server.base}/missing: HTTP 404" in said
    with open_store(db) as store:
        assert store.counts()["documents"] == 4  # a, b (copy-of-a is a), c, the file


def test_cli_watch_rejects_a_bad_period(tmp_path):
    ran = CliRunner().invoke(cli, ["watch", "http://wire.test/rss.xml", "--every", "soon", "--db", str(tmp_path / "x")])
    assert ran.exit_code == 2 and "not a duration" in ran.output


def test_watch_reads_again_every_period(tmp_path, server, stand_in_pipeline):  # noqa: F811
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            raise KeyboardInterrupt  # the user stops watching

    with open_store(tmp_path / "ew.sqlite") as store, SafeFetcher(LOCAL) as fetcher:
        passes = []
        with pytest.raises(KeyboardInterrupt):
            for item in watch([f"{server.base}/rss.xml"], store, fetcher, every=600, resolve=False, sleep=sleep):
                if isinstance(item, FeedPass):
                    passes.append(item.status)
    assert passes == ["read", "not_modified"]
    assert len(waits) == 2 and all(500 < w <= 600 for w in waits)


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("10m", 600), ("1h", 3600), ("45", 45), ("1.5m", 90)])
def test_parse_period(text, seconds):
    assert parse_period(text) == seconds


@pytest.mark.parametrize("text", ["soon", "", "0m", "-5s", "10 min"])
def test_parse_period_refuses(text):
    with pytest.raises(InputError):
        parse_period(text)


def test_watch_skips_the_pages_robots_txt_disallows(tmp_path, server, stand_in_pipeline):  # noqa: F811
    feed = f"{server.base}/robots-feed.xml"
    private = f"{server.base}/private/d.html"
    with open_store(tmp_path / "ew.sqlite") as store, SafeFetcher(LOCAL) as fetcher:
        before = len(server.requests)
        outcomes, skips, passes = _pass(store, fetcher, feed)
        fetched = server.paths()[before:]
        after_first = len(server.requests)
        again = _pass(store, fetcher, feed)
        recorded = [(s["origin"], s["reason"]) for s in store.skips()]
    assert [o.document.url for o in outcomes] == [f"{server.base}/articles/c.html"]
    assert [(s.origin, s.reason) for s in skips] == [(private, "robots_disallowed")]
    assert skips[0].detail.startswith(f"robots.txt disallows {private}")
    assert recorded == [(private, "robots_disallowed")]
    assert "/private/d.html" not in fetched and fetched.count("/robots.txt") == 1  # read once per host
    assert [(p.stored, p.skipped) for p in passes] == [(1, 1)]
    # asked again on the next pass (robots.txt may change), from the cached rules: still skipped
    assert [s.reason for s in again[1]] == ["robots_disallowed"]
    assert "/robots.txt" not in server.paths()[after_first:]


def test_cli_ingest_url_obeys_robots_txt_unless_told_not_to(tmp_path, server, stand_in_pipeline):  # noqa: F811
    db = tmp_path / "ew.sqlite"
    args = ["ingest", f"{server.base}/private/d.html", "--db", str(db), "--allow-private"]
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code == 0, refused.output
    said = " ".join(refused.stderr.split())
    assert "robots_disallowed: robots.txt disallows" in said and "1 skipped" in said
    ran = CliRunner().invoke(cli, [*args, "--ignore-robots"])
    assert ran.exit_code == 0, ran.output
    assert "1 document(s) processed" in " ".join(ran.stderr.split())
