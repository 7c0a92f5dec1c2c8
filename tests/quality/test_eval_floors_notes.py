"""Quality gate on the ACLED Kenya/Mali notes (their first `limit` notes): a module of its own so
that pytest-xdist runs this long evaluation beside the others (tests/quality/floors.py)."""

from __future__ import annotations

import pytest

from tests.quality import floors

pytestmark = pytest.mark.slow  # runs the whole pipeline (floors.run_eval)


def test_eval_stays_above_pinned_floors():
    floors.check_eval_floors("dev/acled_notes_dev.jsonl")
