"""`eventwire ingest --engine ray`: two Ray actors code invented dispatches with the real pipeline
(models loaded once per actor), this process stores them, and the store ends as the local engine
leaves it. Slow: starts Ray and loads the models in each actor."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app as cli
from eventwire.store import open_store

pytest.importorskip("ray")
pytestmark = pytest.mark.slow

# Invented dispatches, English and French.
DISPATCHES = (
    "Gunmen attacked a village near Kano, Nigeria, on Monday, killing three civilians.",
    "Two soldiers were killed when a roadside bomb hit their patrol near Gao, Mali, on Tuesday.",
    "Des hommes armés ont attaqué jeudi un marché de Djibo, au Burkina Faso, tuant cinq commerçants.",
    "Police fired tear gas at protesters in Nairobi, Kenya, on Friday; nobody was hurt.",
    "Un drone a frappé dimanche un camion près de Ménaka, au Mali, tuant deux personnes.",
    # a second outlet's report of the first attack: resolution compares their evidence sentences
    "Three civilians were killed on Monday when gunmen stormed a village near Kano in Nigeria.",
)
KEEP = ("event_id", "event_type", "sub_event_type", "country", "location", "fatalities", "event_date")


def _stored(db) -> tuple[dict, list[tuple]]:
    with open_store(db) as store:
        events = sorted((*(e[k] for k in KEEP), len(e["reports"])) for e in store.events())
        return store.counts(), events


def test_ray_two_workers_store_what_the_local_engine_stores(tmp_path, monkeypatch):
    from eventwire.resolve import similarity

    def refuse():
        raise AssertionError("the writer loaded the sentence encoder: the workers send the vectors")

    archive = tmp_path / "archive.jsonl"
    lines = [json.dumps({"id": f"rec-{n}", "text": t, "published": "2024-03-05"}) for n, t in enumerate(DISPATCHES)]
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runner = CliRunner()
    with monkeypatch.context() as patched:
        patched.setattr(similarity, "load_encoder", refuse)
        ray_run = runner.invoke(
            cli, ["ingest", str(archive), "--engine", "ray", "--workers", "2", "--db", str(tmp_path / "ray.db")]
        )
    assert ray_run.exit_code == 0, ray_run.output
    local_run = runner.invoke(cli, ["ingest", str(archive), "--db", str(tmp_path / "local.db")])
    assert local_run.exit_code == 0, local_run.output
    ray_counts, ray_events = _stored(tmp_path / "ray.db")
    assert ray_counts["documents"] == len(DISPATCHES)
    assert ray_counts["events"] < len(DISPATCHES)  # the two reports of one attack joined
    assert ray_events and (ray_counts, ray_events) == _stored(tmp_path / "local.db")
    # the same command again codes nothing: every document is already stored
    again = runner.invoke(
        cli, ["ingest", str(archive), "--engine", "ray", "--workers", "2", "--db", str(tmp_path / "ray.db")]
    )
    assert again.exit_code == 0, again.output
    assert f"{len(DISPATCHES)} document(s) processed ({len(DISPATCHES)} already stored)" in again.output
    assert _stored(tmp_path / "ray.db") == (ray_counts, ray_events)


def test_private_local_ray_keeps_its_daemons_light(tmp_path):
    """A private local Ray shares the cores with its workers: no log monitor (logs are not
    streamed to the driver), no autoscaler monitor, no metrics; its actors still code and the
    batch stores what the local engine stores."""
    import ray
    from ray._private import ray_constants

    from eventwire.batch import BatchOptions, run_batch
    from tests.test_batch import _archive, stand_in_coder

    archive = _archive(tmp_path / "archive.jsonl")
    seen: dict = {}

    def look(state) -> None:
        if not seen:  # the pool is up: the first chunk is stored
            node = ray._private.worker._global_node
            seen.update(processes=set(node.all_processes), config=dict(node._config))

    with open_store(tmp_path / "ray.db") as store:
        options = BatchOptions(engine="ray", workers=1, chunk_docs=4)
        list(run_batch([archive], store, options, coder=stand_in_coder, progress=look))
    assert not ray.is_initialized()  # its own Ray, shut down at the end
    assert ray_constants.PROCESS_TYPE_RAYLET in seen["processes"]
    assert ray_constants.PROCESS_TYPE_LOG_MONITOR not in seen["processes"]
    assert ray_constants.PROCESS_TYPE_MONITOR not in seen["processes"]
    assert seen["config"]["enable_metrics_collection"] is False
    with open_store(tmp_path / "local.db") as store:
        list(run_batch([archive], store, BatchOptions(chunk_docs=4), coder=stand_in_coder))
    assert _stored(tmp_path / "ray.db") == _stored(tmp_path / "local.db")
