"""Quality gate: the geoparser's end-to-end accuracy within 161 km stays above the floors pinned in
benchmarks/quality_floors.json on every pinned corpus but the long ones that have a test module of
their own (tests/quality/floors.py OWN_MODULE)."""

from __future__ import annotations

import pytest

from tests.quality import floors

pytestmark = pytest.mark.slow  # loads the models and the gazetteer (floors.evaluate_geoparse)


@pytest.mark.parametrize("name", sorted(set(floors.GEOPARSE_FLOORS) - set(floors.OWN_MODULE)))
def test_geoparsing_stays_above_pinned_floors(name):
    floors.check_geoparsing_floors(name)
