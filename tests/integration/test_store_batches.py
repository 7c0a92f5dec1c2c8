"""Issue 2 acceptance: idempotent ingest and bad inputs that never stop a batch (into an SQLite
file and into a PostgreSQL store, issue 19)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from eventwire.store import open_store

SAMPLE = Path(__file__).resolve().parents[2] / "eventwire" / "sample" / "afp_2023-10-18_drones_iraq.txt"


def _ingest(db: str | Path, *inputs: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "eventwire.cli",
            "ingest",
            *inputs,
            "--published",
            "2023-10-18",
            "--db",
            str(db),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_ingest_twice_leaves_one_document_and_two_events(store_location):
    db = store_location  # an SQLite file, then a PostgreSQL URL given to --db
    first = _ingest(db, str(SAMPLE))
    second = _ingest(db, str(SAMPLE))
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    with open_store(db) as store:
        counts = store.counts()
        events = store.events()
    assert counts["documents"] == 1
    assert counts["events"] == 2
    assert len(events) == 2
    ids = {e["event_id"] for e in events}
    assert all(len(store_history) >= 1 for store_history in [ids])


def test_bad_inputs_are_skipped_and_the_rest_lands(tmp_path, store_location):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a_empty.txt").write_text("")
    (batch / "b_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 200)
    (batch / "c_koi8.txt").write_bytes("Вооруженные люди напали на деревню во вторник вечером.".encode("koi8-r"))
    with open(batch / "d_huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (batch / "e_german.txt").write_text(
        "Bewaffnete Männer haben am Dienstag ein Dorf im Norden des Landes angegriffen und mehrere Häuser niedergebrannt.",
        encoding="utf-8",
    )
    (batch / "f_seed.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    db = store_location
    proc = _ingest(db, str(batch))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    for reason in ("empty", "binary", "encoding", "too_large", "unsupported_language"):
        assert reason in proc.stderr, (reason, proc.stderr)
    with open_store(db) as store:
        assert store.counts()["documents"] == 1
        assert store.counts()["events"] == 2
        assert len(store.skips()) == 5
