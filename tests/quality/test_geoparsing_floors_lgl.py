"""Quality gate on the geoparser over LGL (its first `limit` articles): a module of its own so that
pytest-xdist runs this long evaluation beside the others (tests/quality/floors.py)."""

from __future__ import annotations

import pytest

from tests.quality import floors

pytestmark = pytest.mark.slow  # loads the models and the gazetteer (floors.evaluate_geoparse)


def test_geoparsing_stays_above_pinned_floors():
    floors.check_geoparsing_floors("dev/geoparsing/lgl.xml")
