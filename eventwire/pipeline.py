"""Wires the stages; the one entry point the CLI, the API and batch runners call.

    source ──ingest──▶ Document ──analyze──▶ AnalyzedDoc ──extract──▶ [IncidentMention]
        ──normalize──▶ [Mention with place, date, casualties, actors] ──resolve──▶ [Event]

This module implements nothing itself: each step is a function of its stage. Models, lexicons
and the gazetteer load lazily, once per process, on the first document that needs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.extract.incidents import find_incident_mentions
from eventwire.extract.lexicon import load_modality_lexicon, load_taxonomy, load_trigger_lexicon
from eventwire.extract.subtype_model import drop_non_events, score_incidents
from eventwire.gazetteer import load_gazetteer
from eventwire.geoparse import find_place_mentions
from eventwire.ingest import read_inputs
from eventwire.models import Document, Event, Skip
from eventwire.nlp.pipelines import AnalyzedDoc, analyze, analyze_batch
from eventwire.normalize.dates import find_time_expressions
from eventwire.normalize.doc_context import document_context
from eventwire.normalize.mentions import normalize_mentions, town_in
from eventwire.normalize.perpetrators import document_perpetrators
from eventwire.resolve.build import EventOptions, build_event, old_sentences, shared_mention_keys
from eventwire.resolve.clauses import split_clause_places
from eventwire.resolve.in_document import merge_mentions_in_document
from eventwire.resolve.structure import split_days


@dataclass(frozen=True)
class DocumentResult:
    """What the pipeline made of one input document."""

    document: Document
    events: tuple[Event, ...]
    context_mentions: tuple[Event, ...] = ()


# Documents parsed together by spaCy when a batch is read (small enough to stream results).
PIPE_BATCH_DOCS = 16


def extract_events(document: Document) -> DocumentResult:
    """Return the events one document reports, and its context mentions kept for review."""
    return extract_from_analyzed(analyze(document))


def extract_events_batch(documents: list[Document]) -> list[DocumentResult]:
    """Return `extract_events` for several documents, parsing them in one spaCy batch."""
    return [extract_from_analyzed(a) for a in analyze_batch(documents)]


def extract_from_analyzed(analyzed: AnalyzedDoc) -> DocumentResult:
    """Return the events of one parsed document (every stage after the parse)."""
    document = analyzed.document
    lang = document.lang
    incidents = find_incident_mentions(
        analyzed.doc,
        lang=lang,
        triggers=load_trigger_lexicon(lang),
        modality=load_modality_lexicon(lang),
        taxonomy=load_taxonomy(),
    )
    places = find_place_mentions(
        document.text,
        analyzed.doc,
        lang=lang,
        gazetteer=load_gazetteer(),
        published=document.published,
    )
    times = (
        find_time_expressions(document.text, lang=lang, published=document.published)
        if document.published is not None
        else []
    )
    ctx = document_context(document, places, times, doc=analyzed.doc)
    mentions = [m for incident in incidents for m in normalize_mentions(incident, ctx)]
    usable = tuple(p for p in ctx.places if p.span.start not in ctx.not_locations)
    mentions = split_clause_places(
        mentions,
        analyzed.doc,
        usable,
        taxonomy=load_taxonomy(),
        triggers=load_trigger_lexicon(lang),
        resolve=town_in(ctx.main_iso),
    )
    mentions = split_days(mentions, lang=lang, published=document.published)
    groups = merge_mentions_in_document(mentions, published=document.published)
    # the sub-type classifier (one batch of sentence vectors per document): drops incidents it
    # reads as no ACLED event; build_event lets it revise a rule's explosion sub-type
    scores = score_incidents(analyzed.doc, incidents, lang)
    groups = drop_non_events(groups, scores)
    options = EventOptions(
        default_country=ctx.main_country,
        default_place=ctx.anchor if ctx.anchor is not None and ctx.anchor.feature != "country" else None,
        perpetrators=document_perpetrators(
            document, mentions, country=ctx.main_country, old_news_extra=old_sentences(groups)
        ),
        taxonomy=load_taxonomy(),
        shared_mentions=shared_mention_keys(groups),
        subtype_scores=scores,
    )
    built = [build_event(g, document, options=options) for g in groups]
    return DocumentResult(
        document=document,
        events=tuple(e for e in built if not e.context_only),
        context_mentions=tuple(e for e in built if e.context_only),
    )


def process_inputs(paths: Iterable[str | Path], *, published: date | None = None) -> Iterator[DocumentResult | Skip]:
    """Yield, for each input document, its result or the Skip that says why it was not read."""
    yield from process_documents(read_inputs(paths, published=published))


def process_documents(items: Iterable[Document | Skip]) -> Iterator[DocumentResult | Skip]:
    """Yield, in input order, each Document's result and each Skip as it is; documents are
    parsed PIPE_BATCH_DOCS at a time (one spaCy batch)."""
    pending: list[Document] = []
    for item in items:
        if isinstance(item, Skip):
            yield from extract_events_batch(pending)
            pending = []
            yield item
            continue
        pending.append(item)
        if len(pending) >= PIPE_BATCH_DOCS:
            yield from extract_events_batch(pending)
            pending = []
    yield from extract_events_batch(pending)
