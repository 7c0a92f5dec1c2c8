"""Whether a text offset lies inside any of a list of character spans, asked for many offsets.

`any(a <= pos < b for a, b in spans)` tries every span for every offset (the country evidence
asks it for each capitalized run or cue of a text against each place and actor span). Sorted by
start, with the greatest end among the spans opening at or before each start, one bisection
answers: some span holds `pos` exactly when the spans opening at or before `pos` reach past it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class SpanCover:
    """The offsets covered by a set of half-open spans [start, end)."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))

    def __contains__(self, pos: int) -> bool:
        """Return `any(a <= pos < b for a, b in spans)`."""
        k = bisect_right(self._starts, pos)
        return k > 0 and self._reach[k - 1] > pos
