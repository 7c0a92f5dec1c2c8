"""Helpers shared by the resolve tests that run invented articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

from eventwire.ingest import read_text_document
from eventwire.pipeline import extract_events


def pipeline_events(text: str, lang: str, published: date):
    """Return the events the pipeline extracts from an invented article."""
    document = read_text_document(text, origin="t", published=published, lang=lang)
    return extract_events(document).events


def evidence_texts(event) -> list[str]:
    """Return the evidence sentences of every report of an event."""
    return [ev.text for report in event.reports for ev in report.evidence]
