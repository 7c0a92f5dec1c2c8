"""The one-sentence snippet benchmark (benchmarks/snippets.yaml) is valid, covers every ACLED
sub-event type and the no-event label, and shares no sentence with the classifier's bank."""

from __future__ import annotations

from pathlib import Path

from eventwire.extract.subtype_model import NONE_LABEL, load_examples
from eventwire.models import SUB_EVENT_TO_TYPE

SNIPPETS = Path(__file__).resolve().parents[2] / "benchmarks" / "snippets.yaml"


def test_snippets_cover_every_sub_type_and_none_in_both_languages():
    snippets = load_examples([SNIPPETS])
    labels = {e.label for e in snippets}
    assert labels == set(SUB_EVENT_TO_TYPE) | {NONE_LABEL}
    assert {e.lang for e in snippets if e.label == NONE_LABEL} == {"fr", "en"}


def test_snippets_are_not_in_the_classifier_bank():
    bank = {e.text.casefold() for e in load_examples()}
    shared = [e.text for e in load_examples([SNIPPETS]) if e.text.casefold() in bank]
    assert not shared, shared
