"""Whether a stretch of a parsed text is a proper name, by the parser's tags."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any


def proper_name_test(doc: Any) -> Callable[[int, int], bool]:
    """Return a test of character ranges [start, end) of a parsed text: does one open on a token
    and are all its tokens but punctuation tagged proper nouns, none a person's name (the spaCy
    tags of "Kerou Hills": PROPN PROPN)? The tokens are read once; each test then takes the
    tokens of its range as a slice (their offsets grow with their order)."""
    offsets = [t.idx for t in doc]
    punct = [t.is_punct for t in doc]
    starts = set(offsets)
    proper_at = {t.idx for t in doc if t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON", "PER")}

    def proper(start: int, end: int) -> bool:
        if start not in starts:
            return False
        inside = [offsets[i] for i in range(bisect_left(offsets, start), bisect_left(offsets, end)) if not punct[i]]
        return bool(inside) and all(at in proper_at for at in inside)

    return proper
