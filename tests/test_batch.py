"""The batch runner (eventwire/batch.py) with a stand-in coder: one writer, input order,
resumable after a crash or a kill, a failing document a recorded skip, and `--engine ray` without
Ray a one-line error. The coder types each document as one hand-made event, so no model loads;
tests/test_batch_ray.py runs Ray itself.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zlib
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from eventwire import batch
from eventwire.batch import BatchError, BatchOptions, BatchProgress, count_inputs, progress_reporter, run_batch
from eventwire.cli import app as cli
from eventwire.models import Document, Skip
from eventwire.pipeline import DocumentResult
from eventwire.service import IngestOutcome, read_sources
from eventwire.store import open_store
from tests.factories import make_event

ROOT = Path(__file__).resolve().parents[1]
# Invented dispatches, one per line of the archive; each names its own village so no two texts
# (and so no two document ids) are the same.
VILLAGES = ("Adi", "Boro", "Chana", "Dufa", "Emi", "Fasa", "Gora", "Hilo", "Ito", "Jara", "Kesa", "Lomo")
CODED: list[str] = []  # ids of the documents the in-process coder was given


def _dispatch(village: str) -> str:
    return f"Gunmen attacked a market in the village of {village} on Monday, killing three traders."


def stand_in_coder(documents: list[Document]) -> list[DocumentResult]:
    """Type every document as one event (the pipeline's place in the tests); fail on 'Boom'."""
    if any("Boom" in d.text for d in documents):
        raise ValueError("the stand-in coder cannot read this")
    CODED.extend(d.id for d in documents if not d.id.startswith("warm-up"))
    return [
        DocumentResult(d, (make_event(d, event_id=f"ew-{d.id[:12]}", location=d.text.split()[8]),)) for d in documents
    ]


def slow_coder(documents: list[Document]) -> list[DocumentResult]:
    time.sleep(0.3 * len(documents))
    return stand_in_coder(documents)


def _archive(path: Path, villages: tuple[str, ...] = VILLAGES, extra: tuple[str, ...] = ()) -> Path:
    lines = [
        json.dumps({"id": f"rec-{n}", "text": _dispatch(v), "published": "2024-03-05", "source": "Wire"})
        for n, v in enumerate(villages)
    ]
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    return path


def _stored_documents(db: Path) -> tuple[list[str], int]:
    """Return the input ids of the stored documents, one entry per stored copy, and the events."""
    with open_store(db) as store:
        external = [
            d["external_id"] for n in range(len(VILLAGES)) for d in store.sources.documents_by_external_id(f"rec-{n}")
        ]
        return external, store.counts()["events"]


@pytest.fixture(autouse=True)
def _fresh_coder_log():
    CODED.clear()


def test_batch_stores_in_input_order_with_outcomes_like_the_service(tmp_path):
    archive = _archive(tmp_path / "archive.jsonl")
    options = BatchOptions(engine="local", workers=1, chunk_docs=5, published=date(2024, 3, 5))
    with open_store(tmp_path / "a.db") as store:
        outcomes = list(run_batch([archive], store, options, coder=stand_in_coder))
    assert [o.document.external_id for o in outcomes if isinstance(o, IngestOutcome)] == [
        f"rec-{n}" for n in range(len(VILLAGES))
    ]
    assert all(
        o.summary.status == "inserted" and len(o.event_ids) == 1 for o in outcomes if isinstance(o, IngestOutcome)
    )
    assert _stored_documents(tmp_path / "a.db") == ([f"rec-{n}" for n in range(len(VILLAGES))], len(VILLAGES))


def test_batch_resumes_after_the_writer_stops_and_stores_each_document_once(tmp_path, monkeypatch):
    archive = _archive(tmp_path / "archive.jsonl")
    db = tmp_path / "a.db"
    options = BatchOptions(engine="local", workers=1, chunk_docs=3)
    monkeypatch.setattr(batch, "WRITE_MIN_DOCS", 3)  # a transaction a chunk
    with open_store(db) as store:  # the writer stops after 5 documents (a crash of this process)
        for n, _ in enumerate(run_batch([archive], store, options, coder=stand_in_coder), start=1):
            if n == 5:
                break
        # a chunk is written in one transaction and told once committed: the whole chunk of
        # the fifth document is stored
        stored = store.counts()["documents"]
    first = set(CODED)
    assert len(first) >= 5 and stored == 6
    CODED.clear()
    states: list[BatchProgress] = []
    with open_store(db) as store:
        outcomes = list(run_batch([archive], store, options, coder=stand_in_coder, progress=states.append))
    statuses = [o.summary.status for o in outcomes if isinstance(o, IngestOutcome)]
    assert statuses[:stored] == ["unchanged"] * stored and set(statuses[stored:]) <= {"inserted", "unchanged"}
    assert not set(CODED) & {o.document.id for o in outcomes[:stored]}  # stored ones not coded again
    assert len(CODED) == len(VILLAGES) - stored
    assert states[-1].done == states[-1].total == len(VILLAGES) and states[-1].resumed == stored
    external, events = _stored_documents(db)
    assert sorted(external) == sorted(f"rec-{n}" for n in range(len(VILLAGES)))  # each once
    assert events == len(VILLAGES)


def test_batch_killed_mid_run_then_rerun_stores_every_document_once(tmp_path):
    """A real kill (SIGKILL) of a running batch, then the same command again."""
    archive = _archive(tmp_path / "archive.jsonl")
    db = tmp_path / "a.db"
    script = (
        "from eventwire import batch\n"
        "from eventwire.batch import BatchOptions, run_batch\n"
        "from eventwire.store import open_store\n"
        "from tests.test_batch import slow_coder\n"
        "batch.WRITE_MIN_DOCS = 1  # a transaction a chunk: some are stored before the kill\n"
        f"with open_store({str(db)!r}) as store:\n"
        f"    for _ in run_batch([{str(archive)!r}], store, BatchOptions(chunk_docs=1), coder=slow_coder):\n"
        "        pass\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if db.exists():
                with open_store(db) as store:
                    if store.counts()["documents"] >= 3:
                        break
            time.sleep(0.1)
        assert child.poll() is None, "the batch ended before it could be killed"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    with open_store(db) as store:
        before = store.counts()["documents"]
    assert 3 <= before < len(VILLAGES)
    with open_store(db) as store:
        outcomes = list(run_batch([archive], store, BatchOptions(chunk_docs=4), coder=stand_in_coder))
    assert len(CODED) == len(VILLAGES) - before
    assert sum(isinstance(o, IngestOutcome) and o.summary.status == "unchanged" for o in outcomes) == before
    external, events = _stored_documents(db)
    assert sorted(external) == sorted(f"rec-{n}" for n in range(len(VILLAGES)))
    assert events == len(VILLAGES)


def test_a_document_the_coder_fails_on_is_a_recorded_skip_and_its_chunk_is_kept(tmp_path):
    bad = json.dumps({"id": "rec-bad", "text": "Boom went the village of Zola on Monday, nobody was hurt at all."})
    archive = _archive(tmp_path / "archive.jsonl", VILLAGES[:3], extra=(bad, "{not json"))
    with open_store(tmp_path / "a.db") as store:
        outcomes = list(run_batch([archive], store, BatchOptions(chunk_docs=8), coder=stand_in_coder))
        skips = store.skips()
    assert [o.reason if isinstance(o, Skip) else "stored" for o in outcomes] == [
        "stored",
        "stored",
        "stored",
        "processing_error",
        "bad_json",
    ]
    assert [s["reason"] for s in skips] == ["processing_error", "bad_json"]
    assert "ValueError" in skips[0]["detail"]


def test_local_pool_of_two_processes_stores_what_one_process_stores(tmp_path):
    archive = _archive(tmp_path / "archive.jsonl")
    for name, workers in (("one.db", 1), ("two.db", 2)):
        with open_store(tmp_path / name) as store:
            list(run_batch([archive], store, BatchOptions(workers=workers, chunk_docs=2), coder=stand_in_coder))
    with open_store(tmp_path / "one.db") as one, open_store(tmp_path / "two.db") as two:
        keep = ("event_id", "location", "fatalities")
        assert [{k: e[k] for k in keep} for e in one.events()] == [{k: e[k] for k in keep} for e in two.events()]
        assert one.counts() == two.counts()


def test_engine_ray_without_ray_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError
    archive = _archive(tmp_path / "archive.jsonl")
    ran = CliRunner().invoke(
        cli, ["ingest", str(archive), "--engine", "ray", "--workers", "2", "--db", str(tmp_path / "a.db")]
    )
    assert ran.exit_code == 1
    assert ran.output.strip().splitlines() == [f"eventwire: {batch.RAY_MISSING}"]
    with pytest.raises(BatchError, match="needs Ray"):
        batch.open_pool(BatchOptions(engine="ray"), stand_in_coder)


def test_unknown_engine_and_bad_worker_count_are_refused():
    with pytest.raises(BatchError, match="unknown engine"):
        batch.open_pool(BatchOptions(engine="spark"), stand_in_coder)
    with pytest.raises(BatchError, match="at least 1"):
        batch.open_pool(BatchOptions(workers=0), stand_in_coder)


def test_count_inputs_counts_jsonl_records_and_gives_up_on_folders(tmp_path):
    archive = _archive(tmp_path / "archive.jsonl", VILLAGES[:4], extra=("", "  "))
    text = tmp_path / "one.txt"
    text.write_text(_dispatch("Moro"), encoding="utf-8")
    assert count_inputs([archive, text]) == 5
    assert count_inputs([tmp_path]) is None
    assert count_inputs(["-"]) is None


def test_progress_lines_name_done_total_and_rate():
    lines: list[str] = []
    report = progress_reporter(lines.append, every=3600.0)
    state = BatchProgress(total=4, done=2, resumed=1)
    report(state)
    assert lines == []  # not yet due
    state.done = 4
    report(state)
    assert len(lines) == 1 and lines[0].startswith("4/4 documents (1 already stored, 0 skipped), ")
    assert lines[0].endswith(" docs/s")


def test_a_rerun_of_a_finished_archive_starts_no_worker(tmp_path, monkeypatch):
    archive = _archive(tmp_path / "archive.jsonl", VILLAGES[:3])
    with open_store(tmp_path / "a.db") as store:
        list(run_batch([archive], store, BatchOptions(), coder=stand_in_coder))

    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(batch, "open_pool", no_pool)
    with open_store(tmp_path / "a.db") as store:
        outcomes = list(run_batch([archive], store, BatchOptions(engine="local", workers=2), coder=stand_in_coder))
    assert [o.summary.status for o in outcomes if isinstance(o, IngestOutcome)] == ["unchanged"] * 3


class _HeadLastPool:
    """A pool whose oldest chunk comes back last (one long document), the others at once."""

    def __init__(self) -> None:
        self.pending: list[tuple[int, list[Document]]] = []
        self.sent_before_head_done: list[int] = []
        self.head_done = False

    def submit(self, key: int, documents: list[Document]) -> None:
        self.pending.append((key, documents))
        if not self.head_done:
            self.sent_before_head_done.append(key)

    def finished(self, *, block: bool = True) -> list[tuple[int, list[DocumentResult | Skip]]]:
        if not block:
            return []
        others = [p for p in self.pending if p[0] != 0] or self.pending
        key, documents = others[0]
        self.pending.remove((key, documents))
        self.head_done = self.head_done or key == 0
        return [(key, batch.CodedChunk(list(stand_in_coder(documents))))]

    def close(self) -> None:
        pass


def test_a_slow_first_chunk_does_not_hold_back_the_others_and_order_is_kept(tmp_path):
    archive = _archive(tmp_path / "archive.jsonl")
    pool = _HeadLastPool()
    options = BatchOptions(workers=2, chunk_docs=1)  # 4 chunks in flight
    with open_store(tmp_path / "a.db") as store:
        documents = [d for d in batch.read_sources([archive]) if isinstance(d, Document)]
        outcomes = [o for _, o in batch._drive(documents, store, pool, options)]
    assert len(pool.sent_before_head_done) == len(VILLAGES)  # all sent while the first was coded
    assert [o.document.external_id for o in outcomes if isinstance(o, IngestOutcome)] == [
        f"rec-{n}" for n in range(len(VILLAGES))
    ]


class _FakeEncoder:
    """Unit vectors made from a hash of each sentence (the same whichever batch it comes in)."""

    def __init__(self) -> None:
        self.sentences: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.sentences.extend(texts)
        rows = [np.random.default_rng(zlib.crc32(t.encode())).normal(size=16) for t in texts]
        return np.asarray([r / np.linalg.norm(r) for r in rows], dtype=np.float32)


def _same_village_archive(path: Path) -> Path:
    """Three outlets' dispatches on one attack on Adi (invented): each one's event is a
    candidate of the others', so resolution compares their evidence sentences."""
    outlets = ("Wire", "Daily", "Courier")
    lines = [
        json.dumps(
            {"id": f"rec-{n}", "text": f"{_dispatch('Adi')} ({outlet})", "published": "2024-03-05", "source": outlet}
        )
        for n, outlet in enumerate(outlets)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _resolved(db: Path) -> tuple[dict, list[tuple]]:
    with open_store(db) as store:
        events = sorted((e["event_id"], e["location"], len(e["reports"])) for e in store.events())
        return store.counts(), events


def test_the_writer_never_loads_the_encoder_when_workers_send_the_vectors(tmp_path, monkeypatch):
    from eventwire.nlp import encoder as encoder_module
    from eventwire.resolve import similarity

    monkeypatch.setattr(encoder_module, "_recent", type(encoder_module._recent)())
    archive = _same_village_archive(tmp_path / "archive.jsonl")
    fake = _FakeEncoder()
    # the writer encodes with the fake when the workers send nothing...
    monkeypatch.setattr(similarity, "load_encoder", lambda: fake)
    with open_store(tmp_path / "writer.db") as store:
        list(run_batch([archive], store, BatchOptions(chunk_docs=2, ship_vectors=False), coder=stand_in_coder))
    assert fake.sentences, "the archive's events are compared by their evidence"
    # ...and never when they do: the worker (in this process, one worker) encodes them instead
    worker = _FakeEncoder()
    monkeypatch.setattr(encoder_module, "load_encoder", lambda: worker)

    def refuse():
        raise AssertionError("the writer loaded the sentence encoder")

    monkeypatch.setattr(similarity, "load_encoder", refuse)
    with open_store(tmp_path / "workers.db") as store:
        list(run_batch([archive], store, BatchOptions(chunk_docs=2, ship_vectors=True), coder=stand_in_coder))
    assert worker.sentences
    counts, events = _resolved(tmp_path / "workers.db")
    assert (counts, events) == _resolved(tmp_path / "writer.db")
    assert counts["events"] < counts["documents"]  # the reports joined one event


def test_workers_send_each_evidence_sentence_once_reusing_what_the_classifier_encoded(monkeypatch):
    from eventwire.nlp import encoder as encoder_module

    monkeypatch.setattr(encoder_module, "_recent", type(encoder_module._recent)())
    fake = _FakeEncoder()
    monkeypatch.setattr(encoder_module, "load_encoder", lambda: fake)
    documents = [Document(id=f"doc-{v}", text=_dispatch(v), lang="en") for v in ("Adi", "Boro")]
    results = stand_in_coder(documents)
    sentences = [r.text for result in results for r in result.events[0].reports[0].evidence]
    encoder_module.encode(sentences[:1])  # as the sub-type classifier does while coding
    keys, vectors = batch.evidence_vectors([*results, Skip("x.txt", "empty", "no text")])
    assert len(keys) == len(set(keys)) == vectors.shape[0] == len(set(sentences))
    assert fake.sentences == [*sentences[:1], *[s for s in dict.fromkeys(sentences) if s != sentences[0]]]


class _AllAtOncePool:
    """A pool whose chunks are all coded by the time the writer asks for the first."""

    def __init__(self) -> None:
        self.pending: list[tuple[int, list[Document]]] = []

    def submit(self, key: int, documents: list[Document]) -> None:
        self.pending.append((key, documents))

    def finished(self, *, block: bool = True) -> list[tuple[int, batch.CodedChunk]]:
        done, self.pending = self.pending, []
        return [(key, batch.CodedChunk(list(stand_in_coder(documents)))) for key, documents in done]

    def close(self) -> None:
        self.pending.clear()


def test_chunks_ready_together_are_one_transaction_and_a_rerun_asks_once_what_is_stored(tmp_path):
    archive = _archive(tmp_path / "archive.jsonl")
    documents = list(read_sources([archive]))
    options = BatchOptions(workers=4, chunk_docs=2)  # every chunk in flight at once
    with open_store(tmp_path / "a.db") as store:
        seen: list[str] = []
        store._conn.set_trace_callback(seen.append)
        outcomes = [o for _, o in batch._drive(documents, store, _AllAtOncePool(), options)]
        assert [o.summary.status for o in outcomes] == ["inserted"] * len(VILLAGES)
        # six chunks of two, all coded when the first is written: one transaction, one commit
        assert sum(s.startswith("BEGIN") for s in seen) == 1
        seen.clear()
        again = [o for _, o in batch._drive(documents, store, _AllAtOncePool(), options)]
    assert [o.summary.status for o in again] == ["unchanged"] * len(VILLAGES)
    assert sum("FROM documents WHERE id IN" in s for s in seen) == 1  # not one read a document


def test_a_worker_puts_what_its_warm_up_loaded_out_of_the_collector_s_sight():
    # the models and tables a worker loads live as long as it does: a full collection need not
    # walk them again for every ~150 documents coded
    import gc

    gc.unfreeze()
    try:
        loaded = [{"invented table": n} for n in range(1000)]  # stands in for the models
        batch.warm_up(stand_in_coder)
        assert CODED == [] and gc.get_freeze_count() >= len(loaded)
        assert all(o is not loaded[0] for o in gc.get_objects())  # no generation holds it any more
    finally:
        gc.unfreeze()


class _OneAtATimePool:
    """A pool handing back one chunk a call, the oldest first (workers at full speed), and
    noting how many chunks it had been given whenever the writer began a transaction."""

    def __init__(self, store) -> None:
        self.pending: list[tuple[int, list[Document]]] = []
        self.submitted = 0
        self.submitted_at_write: list[int] = []
        store._conn.set_trace_callback(
            lambda sql: sql.startswith("BEGIN") and self.submitted_at_write.append(self.submitted)
        )

    def submit(self, key: int, documents: list[Document]) -> None:
        self.pending.append((key, documents))
        self.submitted += 1

    def finished(self, *, block: bool = True) -> list[tuple[int, batch.CodedChunk]]:
        if not block or not self.pending:
            return []
        key, documents = self.pending.pop(0)
        return [(key, batch.CodedChunk(list(stand_in_coder(documents))))]

    def close(self) -> None:
        self.pending.clear()


def test_chunks_coming_back_one_at_a_time_are_written_a_few_together_while_workers_get_more(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "WRITE_MIN_DOCS", 4)
    archive = _archive(tmp_path / "archive.jsonl")
    documents = list(read_sources([archive]))
    options = BatchOptions(workers=1, chunk_docs=2)  # two chunks in flight
    with open_store(tmp_path / "a.db") as store:
        pool = _OneAtATimePool(store)
        outcomes = [o for _, o in batch._drive(documents, store, pool, options)]
    assert [o.document.external_id for o in outcomes] == [f"rec-{n}" for n in range(len(VILLAGES))]
    # twelve documents in chunks of two: a transaction for every two chunks, not for each
    assert len(pool.submitted_at_write) == 3
    # while the writer waited for a second chunk, the worker was given a new one for each
    # chunk it handed back: two in flight whenever a transaction began, but at the end
    assert pool.submitted_at_write == [4, 6, 6]


def test_a_sentence_two_chunks_of_one_transaction_send_keeps_the_first_chunk_s_vector(tmp_path):
    from eventwire.store.vectors import VectorCache

    documents = [d for d in read_sources([_archive(tmp_path / "archive.jsonl", VILLAGES[:2])])]
    first = np.ones((1, 4), dtype=np.float32)
    coded = [
        batch.CodedChunk(list(stand_in_coder([documents[0]])), ("same-sentence",), first),
        batch.CodedChunk(list(stand_in_coder([documents[1]])), ("same-sentence",), 2 * first),
    ]
    with open_store(tmp_path / "a.db") as store:
        store.write_batch(lambda: batch._write_chunks(store, coded, BatchOptions()))
        kept = VectorCache(store._conn).lookup(["same-sentence"])
    # as when the chunks are written one transaction each (the store keeps what it holds)
    assert kept["same-sentence"].tolist() == first[0].tolist()
