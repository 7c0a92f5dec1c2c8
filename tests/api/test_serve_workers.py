"""`eventwire serve --workers 2`: two uvicorn processes answer on one port with the same store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.api.conftest import seed_store

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_with_two_workers_answers_reads_and_checks_the_token(tmp_path):
    db = tmp_path / "api.sqlite"
    seed_store(db)
    port = _free_port()
    command = [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port)]
    command += ["--token", "t0k3n", "--workers", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "EVENTWIRE_PRIVATE": ""}
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stdout.read().decode() if server.stdout else ""
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not answer in 60 s"
            time.sleep(0.25)
        ids = {httpx.get(f"{url}/api/events", timeout=10).json()["events"][0]["event_id"] for _ in range(6)}
        assert len(ids) == 1  # every worker reads the same store
        edit = {"who": "analyst", "reason": "recount", "changes": {"fatalities": 2}}
        refused = httpx.patch(f"{url}/api/events/ew-asad", json=edit, timeout=10)
        assert refused.status_code == 401  # the token reached the workers: a write without it is refused
        done = httpx.patch(
            f"{url}/api/events/ew-asad", json=edit, headers={"Authorization": "Bearer t0k3n"}, timeout=10
        )
        assert done.status_code == 200, done.text
    finally:
        server.terminate()
        server.wait(timeout=30)
