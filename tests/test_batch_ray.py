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
