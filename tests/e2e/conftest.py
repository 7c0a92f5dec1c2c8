"""A real `eventwire serve` on a free localhost port, and headless Debian Chromium to drive it.

Chromium comes from Debian (`./dev test` installs it when /usr/bin/chromium is missing) and is
driven by Python playwright with `executable_path`; `playwright install` is never run. Without
Chromium or playwright the e2e tests skip, saying why.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path(os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "e2e"
SERVER_START_TIMEOUT_S = 60


@dataclass(frozen=True)
class Server:
    url: str
    token: str
    db: Path
    log: Path

    def api(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(db: Path, log: Path) -> Iterator[Server]:
    """Run `eventwire serve` over the store at `db` (created if missing) until the block ends."""
    port, token = _free_port(), "e2e-token"
    command = [
        sys.executable,
        "-m",
        "eventwire.cli",
        "serve",
        "--db",
        str(db),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--token",
        token,
    ]
    env = {**os.environ, "EVENTWIRE_PRIVATE": ""}
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            pytest.fail(f"eventwire serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"eventwire serve did not answer in {SERVER_START_TIMEOUT_S}s:\n{log.read_text()}")
        time.sleep(0.25)
    try:
        yield Server(url=url, token=token, db=db, log=log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    work = tmp_path_factory.mktemp("e2e")
    with running_server(work / "e2e.sqlite", work / "server.log") as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="Python playwright is not installed (pip install -e .[test])"
    )
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip(f"{CHROMIUM} is missing: ./dev test installs Debian's chromium (apt-get)")
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
