"""The SSRF-safe fetcher (ingest.fetch) against a local server: limits, retries, redirects,
refusals, conditional GET, politeness."""

from __future__ import annotations

import ipaddress
import time

import pytest

from eventwire.ingest.fetch import FetchError, FetchPolicy, HostThrottle, SafeFetcher, address_refusal

from .feed_server import ARTICLE_A, PUBLIC_ADDRESS, RSS_ETAG, FeedServer, RoutedTransport, routed_resolver

QUICK = FetchPolicy(allow_private=True, host_delay=0, retries=0, read_timeout=5, total_timeout=20)


@pytest.fixture(scope="module")
def server():
    server = FeedServer().start()
    yield server
    server.shutdown()


def fetcher(policy: FetchPolicy = QUICK, **kw) -> SafeFetcher:
    return SafeFetcher(policy, **kw)


def failure(call) -> FetchError:
    with pytest.raises(FetchError) as raised:
        call()
    return raised.value


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.1", "private"),
        ("fd12::1", "private"),
        ("169.254.10.10", "link-local"),
        ("fe80::1", "link-local"),
        ("169.254.169.254", "metadata"),
        ("168.63.129.16", "metadata"),
        ("100.100.100.200", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
    ],
)
def test_address_refusal_names_the_kind_of_address(address, why):
    refusal = address_refusal(ipaddress.ip_address(address))
    assert refusal is not None and why in refusal


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_address_refusal_lets_public_addresses_through(address):
    assert address_refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://wire.test/a", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("http:///nohost", "no host"),
        ("http://127.0.0.1/", "loopback"),
        ("http://2130706433/", "resolves to 127.0.0.1"),  # a decimal IPv4, read by the resolver
        ("http://[::1]:8080/", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://localhost.test/", "localhost.test resolves to 127.0.0.1"),
    ],
)
def test_unsafe_urls_are_refused_before_any_request(url, words):
    seen = []

    def resolver(host, port):
        seen.append(host)
        return routed_resolver(host, port) or ["127.0.0.1"]

    error = failure(lambda: SafeFetcher(FetchPolicy(), resolver=resolver).fetch(url))
    assert error.reason == "unsafe_url" and words in error.detail
    assert "\n" not in error.detail


def test_fetch_connects_to_the_checked_address_and_names_the_host(server):
    transport = RoutedTransport(server)
    with SafeFetcher(FetchPolicy(host_delay=0), resolver=routed_resolver, transport=transport) as f:
        page = f.fetch("http://wire.test/articles/a.html")
    assert page.status == 200 and ARTICLE_A.encode() in page.body
    assert transport.sent == [(f"http://{PUBLIC_ADDRESS}/articles/a.html", "wire.test")]
    assert page.url == "http://wire.test/articles/a.html"


def test_a_redirect_to_the_machine_itself_is_refused(server):
    # the first hop is public (wire.test), the redirect points at 127.0.0.1: checked again
    transport = RoutedTransport(server)
    with SafeFetcher(FetchPolicy(host_delay=0), resolver=routed_resolver, transport=transport) as f:
        error = failure(lambda: f.fetch("http://wire.test/redirect-local"))
    assert error.reason == "unsafe_url" and "127.0.0.1: loopback address" in error.detail
    assert [url for url, _ in transport.sent] == [f"http://{PUBLIC_ADDRESS}/redirect-local"]


def test_allow_private_follows_the_redirect(server):
    with fetcher() as f:
        page = f.fetch(f"{server.base}/redirect-local")
    assert page.status == 200 and page.url == f"{server.base}/articles/a.html"


def test_redirects_are_counted(server):
    with fetcher() as f:
        error = failure(lambda: f.fetch(f"{server.base}/redirect-loop"))
    assert error.reason == "too_many_redirects" and not error.transient


def test_a_50_mb_body_is_cut_at_the_limit(server):
    with fetcher() as f:
        started = time.monotonic()
        streamed = failure(lambda: f.fetch(f"{server.base}/big"))
        declared = failure(lambda: f.fetch(f"{server.base}/big-declared"))
    assert streamed.reason == declared.reason == "too_large"
    assert "over the limit of 10485760 bytes" in streamed.detail
    assert time.monotonic() - started < 15  # stopped reading, did not take the 50 MB


def test_a_slow_server_times_out(server):
    policy = FetchPolicy(allow_private=True, host_delay=0, retries=0, read_timeout=0.3)
    with fetcher(policy) as f:
        error = failure(lambda: f.fetch(f"{server.base}/slow"))
    assert error.reason == "timeout" and error.transient


def test_server_errors_are_retried_with_back_off(server):
    waits: list[float] = []
    policy = FetchPolicy(allow_private=True, host_delay=0, retries=2, backoff=0.5)
    server.flaky_calls = 0
    with fetcher(policy, sleep=waits.append) as f:
        page = f.fetch(f"{server.base}/flaky")
    assert page.status == 200 and server.flaky_calls == 3
    assert waits == [0.0, 0.0]  # the server's Retry-After: 0 wins over the back-off


def test_retries_give_up_with_the_last_failure(server):
    waits: list[float] = []
    policy = FetchPolicy(allow_private=True, host_delay=0, retries=1, backoff=0.5)
    server.flaky_calls = 0
    with fetcher(policy, sleep=waits.append) as f:
        error = failure(lambda: f.fetch(f"{server.base}/flaky"))
        missing = failure(lambda: f.fetch(f"{server.base}/missing"))
    assert error.reason == "server_error" and "503" in error.detail and error.transient
    assert missing.reason == "http_error" and "404" in missing.detail and not missing.transient
    assert len(waits) == 1  # a 404 is not retried


def test_conditional_get_gives_304(server):
    with fetcher() as f:
        first = f.fetch(f"{server.base}/rss.xml")
        again = f.fetch(f"{server.base}/rss.xml", etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.etag == RSS_ETAG
    assert again.status == 304 and again.body == b""
    assert server.requests[-1][1].get("If-None-Match") == RSS_ETAG


def test_requests_to_one_host_are_spaced(server):
    waits: list[float] = []
    policy = FetchPolicy(allow_private=True, host_delay=5.0, retries=0)
    with fetcher(policy, sleep=waits.append) as f:
        f.fetch(f"{server.base}/articles/a.html")
        f.fetch(f"{server.base}/articles/b.html")
    assert len(waits) == 1 and 4.0 < waits[0] <= 5.0


def test_host_throttle_waits_only_what_remains():
    now = [100.0]
    waits: list[float] = []
    throttle = HostThrottle(2.0, clock=lambda: now[0], sleep=waits.append)
    throttle.wait("a.example")
    now[0] += 0.5
    throttle.wait("a.example")
    throttle.wait("b.example")
    now[0] += 3.0
    throttle.wait("a.example")
    assert waits == [1.5]


def _certificates(folder):
    """Make a CA and a certificate for wire.test signed by it (openssl); return their paths."""
    import subprocess

    def run(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    run(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Test CA",
    )
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "site.key", "-out", "site.csr", "-subj", "/CN=wire.test")
    (folder / "ext.cnf").write_text("subjectAltName=DNS:wire.test\n")
    run(
        "x509", "-req", "-in", "site.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "site.pem", "-days", "2", "-extfile", "ext.cnf",
    )  # fmt: skip
    return folder / "ca.pem", folder / "site.pem", folder / "site.key"


def test_https_connects_to_the_checked_address_and_verifies_the_name(tmp_path):
    # The TLS server name and the certificate check use the host name, the socket the address.
    import shutil
    import ssl
    import threading

    import httpx

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: cannot make test certificates")
    ca, cert, key = _certificates(tmp_path)
    server = FeedServer()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        trusted = httpx.HTTPTransport(verify=ssl.create_default_context(cafile=str(ca)))
        policy = FetchPolicy(allow_private=True, host_delay=0, retries=0)
        with SafeFetcher(policy, resolver=lambda host, _: ["127.0.0.1"], transport=trusted) as f:
            page = f.fetch(f"https://wire.test:{port}/articles/a.html")
        assert page.status == 200 and ARTICLE_A.encode() in page.body
        assert server.requests[-1][1]["Host"] == f"wire.test:{port}"
        other = httpx.HTTPTransport(verify=ssl.create_default_context(cafile=str(ca)))
        with SafeFetcher(policy, resolver=lambda host, _: ["127.0.0.1"], transport=other) as f:
            error = failure(lambda: f.fetch(f"https://other.test:{port}/articles/a.html"))
        assert error.reason == "network_error" and "CERTIFICATE_VERIFY_FAILED" in error.detail
    finally:
        server.shutdown()
