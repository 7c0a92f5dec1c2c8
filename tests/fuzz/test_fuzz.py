"""A small run of the fuzzing harness (benchmarks/fuzz.py, issue 18): generated hostile inputs
through the `extract` path and POST /api/documents, none may crash."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz.py"


def _load_harness():
    spec = importlib.util.spec_from_file_location("eventwire_fuzz_harness", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load_harness()


def test_cases_are_reproducible_and_every_kind_is_planned():
    plan = fuzz.kind_plan(400, seed=3)
    assert len(plan) == 400 and set(plan) == set(fuzz.KIND_WEIGHTS)
    assert Counter(plan)["random_bytes"] > Counter(plan)["absurd_dispatch"]  # cheap kinds get most
    again = [fuzz.make_case(plan[i], i, 3) for i in range(40)]
    assert [fuzz.make_case(plan[i], i, 3) for i in range(40)] == again
    assert all(c.suffix in fuzz.SUFFIX_FORMAT for c in again)


def test_a_crash_is_counted_and_saved(tmp_path):
    case = fuzz.Case(kind="random_bytes", index=5, suffix=".txt", data=b"\x00boom", post="json")
    report = fuzz.Report(crashes=[(case, "extract", "Traceback ...\nValueError: boom")])
    fuzz.save_crashes(report, tmp_path, seed=1)
    assert (tmp_path / "random_bytes-5.txt").read_bytes() == b"\x00boom"
    assert "--seed 1 --index 5" in (tmp_path / "random_bytes-5.extract.txt").read_text(encoding="utf-8")
    assert "CRASH random_bytes#5" in fuzz.summary(report)


@pytest.mark.slow
def test_two_hundred_generated_inputs_crash_nothing():
    report = fuzz.run(200, seed=2024)
    assert sum(c["inputs"] for c in report.counts.values()) == 200
    assert report.crashes == [], fuzz.summary(report)
