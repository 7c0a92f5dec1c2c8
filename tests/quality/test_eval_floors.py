"""Quality gate (tests/quality/floors.py): `eventwire eval` stays above the floors pinned in
benchmarks/quality_floors.json on every pinned gold file but the long ones that have a test module
of their own (floors.OWN_MODULE), and a missing or changed gold file fails with the reason."""

from __future__ import annotations

import pytest

from tests.quality import floors

pytestmark = pytest.mark.slow  # runs the whole pipeline (floors.run_eval)


@pytest.mark.parametrize("name", sorted(set(floors.FLOORS) - set(floors.OWN_MODULE)))
def test_eval_stays_above_pinned_floors(name):
    floors.check_eval_floors(name)


def test_missing_or_changed_gold_fails_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(floors, "SHARED", tmp_path)
    pinned = {"gold.jsonl": {"sha256_16": "0" * 16, "floors": {"f1": 0.5}}}
    with pytest.raises(pytest.fail.Exception, match="not present"):
        floors.check_floors("gold.jsonl", pinned, lambda path: {"f1": 1.0})
    (tmp_path / "gold.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="changed"):
        floors.check_floors("gold.jsonl", pinned, lambda path: {"f1": 1.0})
