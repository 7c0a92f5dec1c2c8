"""Two events of one document never share an id (fuzzing, benchmarks/fuzz.py: a sentence of
absurd figures gave two groups anchored on the same mention, and the store refused the document
with a 500)."""

from __future__ import annotations

from eventwire.resolve.build import unique_event_ids
from tests.factories import make_event


def test_unique_event_ids_renames_a_repeated_id_stably():
    first, second, other = make_event(event_id="ew-a"), make_event(event_id="ew-a"), make_event(event_id="ew-b")
    out = unique_event_ids([first, second, other])
    assert out[0] is first and out[2] is other
    assert out[1].event_id not in {"ew-a", "ew-b"} and out[1].event_id.startswith("ew-")
    assert unique_event_ids([first, second, other])[1].event_id == out[1].event_id
