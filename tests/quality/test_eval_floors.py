"""Quality gate: `eventwire eval` and the geoparser's accuracy within 161 km must not fall below
the floors pinned in benchmarks/quality_floors.json (STYLE.md). Runs when the shared gold files are present and
unchanged (same fingerprint); skips with the reason otherwise."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from eventwire.evaluate.scorer import run_eval

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
FLOORS = json.loads((ROOT / "benchmarks" / "quality_floors.json").read_text(encoding="utf-8"))["gold"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_eval_stays_above_pinned_floors(name):
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} not present (evaluation data lives outside the project)")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    if digest != FLOORS[name]["sha256_16"]:
        pytest.skip(f"{name} changed (sha256 {digest}); re-pin the floors deliberately")
    summary = run_eval(path).as_dict()
    low = {k: (summary[k], floor) for k, floor in FLOORS[name]["floors"].items() if summary[k] + 1e-9 < floor}
    assert not low, f"below the pinned floors (value, floor): {low}"


GEOPARSE_FLOORS = json.loads((ROOT / "benchmarks" / "quality_floors.json").read_text(encoding="utf-8"))["geoparse"]


@pytest.mark.parametrize("name", sorted(GEOPARSE_FLOORS))
def test_geoparsing_stays_above_pinned_floors(name):
    from eventwire.evaluate.geoparse import evaluate_geoparse

    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} not present (evaluation data lives outside the project)")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    if digest != GEOPARSE_FLOORS[name]["sha256_16"]:
        pytest.skip(f"{name} changed (sha256 {digest}); re-pin the floors deliberately")
    summary = evaluate_geoparse(path)["end_to_end"]
    low = {k: (summary[k], floor) for k, floor in GEOPARSE_FLOORS[name]["floors"].items()
           if summary[k] + 1e-9 < floor}
    assert not low, f"below the pinned floors (value, floor): {low}"
