"""`SpanCover`: one bisection answers `any(a <= pos < b for a, b in spans)` (issue 16, throughput)."""

from __future__ import annotations

import random

from eventwire.normalize.span_cover import SpanCover


def test_span_cover_agrees_with_trying_every_span() -> None:
    rng = random.Random(16)
    for _ in range(300):
        spans = [(a, a + rng.randint(-3, 25)) for a in (rng.randint(0, 200) for _ in range(rng.randint(0, 12)))]
        cover = SpanCover(iter(spans))
        for pos in range(-2, 240):
            assert (pos in cover) == any(a <= pos < b for a, b in spans), (spans, pos)


def test_nested_and_touching_spans() -> None:
    cover = SpanCover([(10, 40), (12, 15), (40, 42)])
    assert 10 in cover and 39 in cover and 40 in cover and 41 in cover
    assert 9 not in cover and 42 not in cover
    assert 0 not in SpanCover([])
