"""Quality gate: `eventwire eval` and the geoparser's accuracy within 161 km must not fall below
the floors pinned in benchmarks/quality_floors.json (STYLE.md). Runs when the shared gold files
are present and unchanged (same fingerprint); skips with the reason otherwise."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.evaluate.scorer import run_eval

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
PINNED = json.loads((ROOT / "benchmarks" / "quality_floors.json").read_text(encoding="utf-8"))
FLOORS = PINNED["gold"]
GEOPARSE_FLOORS = PINNED["geoparse"]


def _check_floors(name: str, pinned: dict, measure: Callable[[Path], dict]) -> None:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} not present (evaluation data lives outside the project)")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    if digest != pinned[name]["sha256_16"]:
        pytest.skip(f"{name} changed (sha256 {digest}); re-pin the floors deliberately")
    summary = measure(path)
    low = {k: (summary[k], floor) for k, floor in pinned[name]["floors"].items() if summary[k] + 1e-9 < floor}
    assert not low, f"below the pinned floors (value, floor): {low}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_eval_stays_above_pinned_floors(name):
    _check_floors(name, FLOORS, lambda path: run_eval(path).as_dict())


@pytest.mark.parametrize("name", sorted(GEOPARSE_FLOORS))
def test_geoparsing_stays_above_pinned_floors(name):
    from eventwire.evaluate.geoparse import evaluate_geoparse

    _check_floors(name, GEOPARSE_FLOORS, lambda path: evaluate_geoparse(path)["end_to_end"])
