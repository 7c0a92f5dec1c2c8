"""The margin's test of a candidate lying beyond the best one's reach is `nearness(...) == 0`
computed with the weights read once (issue 16, throughput): the same answer everywhere."""

from __future__ import annotations

import random

from eventwire.geoparse.rank import _beyond_reach, nearness
from eventwire.geoparse.vocab import weights


def test_beyond_reach_is_nearness_zero() -> None:
    w = weights()
    rng = random.Random(16)
    anchors = [(12.65, -8.0), (0.0, 179.9), (-33.9, 18.4), (64.1, -21.9)]
    for alat, alon in anchors:
        away = _beyond_reach(alat, alon)
        # points at random, and on and around the two distances where nearness changes
        points = [(rng.uniform(-80, 80), rng.uniform(-180, 180)) for _ in range(2000)]
        for km in (w.near_full_km, w.near_zero_km):
            for eps in (-1e-9, 0.0, 1e-9, -0.5, 0.5):
                points.append((alat + (km + eps) / 111.2, alon))
                points.append((alat, alon + (km + eps) / 111.2))
        points.append((alat, alon))
        for lat, lon in points:
            assert away(lat, lon) == (nearness(lat, lon, ((alat, alon),)) == 0.0), (alat, alon, lat, lon)
