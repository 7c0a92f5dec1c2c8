"""Wires the stages; the one entry point the CLI, the API and batch runners call.

    source ──ingest──▶ Document ──analyze──▶ AnalyzedDoc ──extract──▶ [Mention]
        ──normalize──▶ [Mention with place, date, casualties, actors] ──resolve──▶ [Event]

This module implements nothing itself: each step is a function of its stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.models import Document, Event, Skip


@dataclass(frozen=True)
class DocumentResult:
    """What the pipeline made of one input document."""

    document: Document
    events: tuple[Event, ...]
    context_mentions: tuple[Event, ...] = ()


def extract_events(document: Document) -> DocumentResult:
    """Return the events one document reports (models load lazily, once per process)."""
    raise NotImplementedError  # wired by the lead (issue 2)


def process_inputs(
    paths: Iterable[str | Path], *, published: date | None = None
) -> Iterator[DocumentResult | Skip]:
    """Yield, for each input document, its result or the Skip that says why it was not read."""
    raise NotImplementedError  # wired by the lead (issue 2)
