"""A local HTTP server of invented feeds and pages, for the fetch, feed and watch tests (offline).

Paths: /rss.xml (RSS 2.0, ETag and Last-Modified, answers 304 to a matching conditional GET),
/atom.xml, /ssrf.xml (entries that must be refused), /broken.xml, /page.html (no feed),
/articles/{a,b,c,copy-of-a}.html, /plain.txt, /redirect-local (302 to 127.0.0.1),
/redirect-loop, /big (50 MB, no length), /big-declared (50 MB Content-Length), /slow (answers
after `SLOW_SECONDS`), /flaky (503 twice, then a page), /missing (404), /doc.pdf, /robots.txt
(`ROBOTS_TXT`: /private/ disallowed to every robot), /private/d.html, /robots-feed.xml (an
entry under /private/ and one allowed).

Links are absolute, built from the request's Host header, so the same feed served through a
routed name ("wire.test") links to that name.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

# Invented dispatches.
ARTICLE_A = (
    "Gunmen attacked a checkpoint near the town of Djibo on Tuesday, killing four soldiers, the army said "
    "in a statement. No group has claimed the attack so far."
)
ARTICLE_B = (
    "Des hommes armés ont attaqué mardi un poste de contrôle près de la ville de Ménaka, tuant trois "
    "gendarmes, a indiqué l'armée dans un communiqué."
)
ARTICLE_C = (
    "A roadside bomb struck a convoy on the road between Bama and Konduga on Wednesday, wounding two "
    "soldiers, a local official said."
)
ROBOTS_TXT = b"# invented site rules\nUser-agent: *\nDisallow: /private/\n"
SLOW_SECONDS = 2.0
BIG_BYTES = 50 * 1024 * 1024
RSS_ETAG = '"rss-v1"'
RSS_MODIFIED = "Tue, 13 Dec 2016 08:00:00 GMT"


def page(title: str, text: str, published: str = "2016-12-13") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{published}">'
        '<meta property="og:site_name" content="Sahel Wire"></head>'
        f"<body><nav>Home | World</nav><article>{paragraphs}</article>"
        f"<footer>All rights reserved</footer></body></html>"
    ).encode()


PAGES = {
    "/articles/a.html": page("Checkpoint attack near Djibo", ARTICLE_A),
    "/articles/copy-of-a.html": page("Checkpoint attack near Djibo", ARTICLE_A),
    "/articles/b.html": page("Attaque près de Ménaka", ARTICLE_B),
    "/articles/c.html": page("Roadside bomb", ARTICLE_C),
    "/private/d.html": page("Checkpoint attack near Djibo", ARTICLE_A),
}


def rss(base: str) -> bytes:
    items = [
        ("a", "Checkpoint attack near Djibo", "Tue, 13 Dec 2016 08:00:00 GMT"),
        ("b", "Attaque près de Ménaka", "mardi 13 décembre 2016"),
        ("copy-of-a", "Checkpoint attack (copy)", "Tue, 13 Dec 2016 09:00:00 GMT"),
    ]
    body = "".join(
        f"<item><title>{title}</title><link>{base}/articles/{slug}.html</link>"
        f'<guid isPermaLink="false">wire-{slug}</guid><pubDate>{date}</pubDate></item>'
        for slug, title, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>{base}/</link><description>Invented wire</description>{body}</channel></rss>"
    ).encode()


def atom(base: str) -> bytes:
    entries = [("c", "Roadside bomb", "2016-12-14T07:30:00+01:00"), ("a", "Checkpoint attack", "2016-12-13T08:00:00Z")]
    body = "".join(
        f'<entry><title>{title}</title><link href="{base}/articles/{slug}.html"/>'
        f"<id>urn:wire:{slug}</id><updated>{updated}</updated></entry>"
        for slug, title, updated in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Wire</title><id>urn:wire</id><updated>2016-12-14T07:30:00Z</updated>{body}</feed>"
    ).encode()


def ssrf_feed(base: str, port: int) -> bytes:
    links = [
        f"{base}/redirect-local",
        f"http://127.0.0.1:{port}/articles/a.html",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost.test/articles/a.html",
        "ftp://wire.test/articles/a.html",
    ]
    body = "".join(f"<item><title>Entry {n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Traps</title>{body}</channel></rss>'.encode()


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.server.requests.append((path, dict(self.headers)))
        base = f"http://{self.headers.get('Host')}"
        port = self.server.server_address[1]
        if path == "/rss.xml":
            if self.headers.get("If-None-Match") == RSS_ETAG:
                self.send_response(304)
                self.end_headers()
                return
            self._send(200, rss(base), "application/rss+xml", ETag=RSS_ETAG, **{"Last-Modified": RSS_MODIFIED})
        elif path == "/atom.xml":
            self._send(200, atom(base), "application/atom+xml")
        elif path == "/ssrf.xml":
            self._send(200, ssrf_feed(base, port), "application/rss+xml")
        elif path == "/robots.txt":
            self._send(200, ROBOTS_TXT, "text/plain")
        elif path == "/robots-feed.xml":
            items = "".join(
                f"<item><title>{slug}</title><link>{base}/{slug}.html</link><guid>{slug}</guid></item>"
                for slug in ("private/d", "articles/c")
            )
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'
            self._send(200, body.encode(), "application/rss+xml")
        elif path == "/broken.xml":
            self._send(200, b"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</ti", "application/rss+xml")
        elif path in PAGES:
            self._send(200, PAGES[path], "text/html; charset=utf-8")
        elif path == "/page.html":
            self._send(200, PAGES["/articles/a.html"], "text/html")
        elif path == "/plain.txt":
            self._send(200, ARTICLE_C.encode("cp1252"), "text/plain; charset=windows-1252")
        elif path == "/doc.pdf":
            self._send(200, b"%PDF-1.4 ...", "application/pdf")
        elif path == "/redirect-local":
            self._redirect(f"http://127.0.0.1:{port}/articles/a.html")
        elif path == "/redirect-loop":
            self._redirect("/redirect-loop")
        elif path == "/big":
            self._big(declared=False)
        elif path == "/big-declared":
            self._big(declared=True)
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, PAGES["/articles/a.html"], "text/html")
        elif path == "/flaky":
            self.server.flaky_calls += 1
            if self.server.flaky_calls <= 2:
                self._send(503, b"busy", "text/plain", **{"Retry-After": "0"})
            else:
                self._send(200, PAGES["/articles/c.html"], "text/html")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _big(self, *, declared: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declared:
            self.send_header("Content-Length", str(BIG_BYTES))
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65530 + b"</p>"
        try:
            for _ in range(BIG_BYTES // len(chunk)):
                self.wfile.write(chunk)
        except OSError:  # the client stopped reading at its limit
            pass


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.flaky_calls = 0

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that stopped reading (size or time limit) is what the tests want

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> FeedServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


# A public address the tests' resolver gives "wire.test"; RoutedTransport carries what is sent
# to it to the local server, so fetches run with the SSRF checks on (allow_private=False).
PUBLIC_ADDRESS = "93.184.216.34"


def routed_resolver(host: str, port: int) -> list[str]:
    """DNS for the tests: wire.test is public, localhost.test is the machine itself."""
    return {"wire.test": [PUBLIC_ADDRESS], "localhost.test": ["127.0.0.1"]}.get(host, [])


class RoutedTransport(httpx.BaseTransport):
    """Sends requests for PUBLIC_ADDRESS to the local server; records the URLs and Host headers
    the fetcher sent (it must connect to the address it checked, naming the host)."""

    def __init__(self, server: FeedServer) -> None:
        self.server = server
        self.inner = httpx.HTTPTransport()
        self.sent: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((str(request.url), request.headers["host"]))
        if request.url.host != PUBLIC_ADDRESS:
            raise httpx.ConnectError(f"test network: no route to {request.url.host}")
        request.url = request.url.copy_with(host="127.0.0.1", port=self.server.server_address[1])
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()
