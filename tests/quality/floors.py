"""The quality gate's shared part (its tests: tests/quality/test_*.py). Quality gate: `eventwire eval` and the geoparser's accuracy within 161 km must not fall below
the floors pinned in benchmarks/quality_floors.json (STYLE.md). The shared gold files must be
present and unchanged (same fingerprint): a missing file or a changed fingerprint FAILS with the
reason, so that a gate that measured nothing never passes for a green one. The data is looked up
in $EVENTWIRE_SHARED_DATA, else in the first `shared/data` folder above the project (../shared
for a checkout, further up for a git worktree)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.evaluate.runner import run_eval

ROOT = Path(__file__).resolve().parents[2]


def _shared_data() -> Path:
    if os.environ.get("EVENTWIRE_SHARED_DATA"):
        return Path(os.environ["EVENTWIRE_SHARED_DATA"])
    found = [p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").is_dir()]
    return found[0] if found else ROOT.parent / "shared" / "data"


SHARED = _shared_data()
PINNED = json.loads((ROOT / "benchmarks" / "quality_floors.json").read_text(encoding="utf-8"))
FLOORS = PINNED["gold"]
GEOPARSE_FLOORS = PINNED["geoparse"]


def check_floors(name: str, pinned: dict, measure: Callable[[Path], dict]) -> None:
    path = SHARED / name
    if not path.exists():
        pytest.fail(
            f"{path} not present: the evaluation data lives outside the project, at ../shared/data"
            " or $EVENTWIRE_SHARED_DATA"
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    if digest != pinned[name]["sha256_16"]:
        pytest.fail(
            f"{name} changed (sha256_16 {digest}, pinned {pinned[name]['sha256_16']}): measure it"
            " and re-pin its floors deliberately in benchmarks/quality_floors.json"
        )
    summary = measure(path)
    unknown = sorted(set(pinned[name]["floors"]) - set(summary))
    assert not unknown, f"floors on figures the evaluation does not report: {unknown}"
    low = {k: (summary[k], floor) for k, floor in pinned[name]["floors"].items() if summary[k] + 1e-9 < floor}
    assert not low, f"below the pinned floors (value, floor): {low}"


# The longest evaluations run from test modules of their own, so that pytest-xdist (which keeps a
# test module on one worker: `./dev test` runs `--dist loadfile`) runs them side by side, first
# (tests/conftest.py LONGEST_FIRST); every other pinned file is checked by
# tests/quality/test_eval_floors.py or tests/quality/test_geoparsing_floors.py.
OWN_MODULE = ("dev/acled_notes_dev.jsonl", "dev/gold_b.jsonl", "dev/geoparsing/lgl.xml")


def check_eval_floors(name: str) -> None:
    # a long file may be pinned on its first `limit` records (the CI time budget); the README's
    # table gives the whole file's figures
    limit = FLOORS[name].get("limit")
    check_floors(name, FLOORS, lambda path: run_eval(path, limit=limit).as_dict())


def check_geoparsing_floors(name: str) -> None:
    from eventwire.evaluate.geoparse import evaluate_geoparse

    limit = GEOPARSE_FLOORS[name].get("limit")
    check_floors(
        name,
        GEOPARSE_FLOORS,
        lambda path: evaluate_geoparse(path, limit=limit, end_to_end_only=True)["end_to_end"],
    )
