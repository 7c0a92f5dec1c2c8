"""Wires the stages; the one entry point the CLI, the API and batch runners call.

    source ──ingest──▶ Document ──analyze──▶ AnalyzedDoc ──extract──▶ [IncidentMention]
        ──normalize──▶ [Mention with place, date, casualties, actors] ──resolve──▶ [Event]

This module implements nothing itself: each step is a function of its stage. Models, lexicons
and the gazetteer load lazily, once per process, on the first document that needs them.

Two guards keep one document from costing a batch (issue 18):
- a text longer than `LONG_TEXT_CHARS` is read in parts of at most `PART_CHARS` (whole
  paragraphs, `ingest.parts.split_parts`), each part a document of its own for the stages, its
  events' offsets then moved back into the whole text: spaCy's 1,000,000-character limit is never
  reached, and the stages that compare a document's mentions with each other stay within a part,
  so the cost grows with the text, not with its square;
- a document whose processing fails is yielded as a Skip ("failed", the error in one line),
  and the documents parsed in the same spaCy batch are processed again one by one.
"""

from __future__ import annotations

import gc
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from eventwire.extract.incidents import find_incident_mentions
from eventwire.extract.lexicon import load_modality_lexicon, load_taxonomy, load_trigger_lexicon
from eventwire.extract.subtype_model import (
    SentenceScores,
    first_to_judge,
    gate_sentences,
    keep_events,
    require_together,
    score_incidents,
)
from eventwire.gazetteer import load_gazetteer
from eventwire.geoparse import candidate_place, find_place_mentions
from eventwire.ingest import read_inputs
from eventwire.ingest.parts import split_parts
from eventwire.models import Document, Event, Evidence, Place, Provenance, Report, Skip
from eventwire.nlp.pipelines import AnalyzedDoc, analyze, analyze_batch
from eventwire.normalize.dates import find_time_expressions
from eventwire.normalize.doc_context import DocumentContext, document_context
from eventwire.normalize.institution_country import with_institution_country
from eventwire.normalize.mentions import normalize_mentions, town_in
from eventwire.normalize.perpetrators import document_perpetrators
from eventwire.preload import load_data_files
from eventwire.resolve.aftermath import arrests_as_aftermath
from eventwire.resolve.build import (
    EventOptions,
    build_event,
    old_sentences,
    shared_mention_keys,
    unique_event_ids,
)
from eventwire.resolve.causes import causes_as_background
from eventwire.resolve.clauses import split_clause_places
from eventwire.resolve.coders.kind import classifier_sentences
from eventwire.resolve.gapped_days import split_gapped_days
from eventwire.resolve.in_document import merge_mentions_in_document
from eventwire.resolve.same_incident import merge_same_incidents
from eventwire.resolve.stated_distance import anchor_stated_distances
from eventwire.resolve.structure import split_days
from eventwire.resolve.toll_homes import toll_homes


@dataclass(frozen=True)
class DocumentResult:
    """What the pipeline made of one input document."""

    document: Document
    events: tuple[Event, ...]
    context_mentions: tuple[Event, ...] = ()


log = logging.getLogger(__name__)

# Documents parsed together by spaCy when a batch is read (small enough to stream results).
PIPE_BATCH_DOCS = 16

# A text longer than this is read in parts of at most PART_CHARS (module docstring). A dispatch
# is a few thousand characters, far below; a 5,000-line list of one-line incidents (218 KB) took
# 95 s read whole and takes ~40 s in parts (benchmarks/pathological.py).
LONG_TEXT_CHARS = 30_000
PART_CHARS = 10_000


def freeze_loaded_objects() -> None:
    """Put what a warmed-up process has loaded (spaCy models, lexicons, gazetteer tables, the
    classifier) out of the garbage collector's sight, for a worker to call once after its
    warm-up: those ~600,000 objects live as long as the process, and every full collection
    walked them all (~150 ms on the 2-core dev machine, about one per 150 documents coded: ~1 ms
    of CPU per document). The gazetteer's tables read in one scan on first use (misspellable
    names, divisions, capitals), which the warm-up texts may not need, are loaded first (their
    scans would otherwise fall on a worker's first documents), then the warm-up's garbage is
    collected; nothing coded changes. So are the data files and patterns the stages read on
    first use (`preload.load_data_files`: ~0.3 s per worker)"""
    load_gazetteer().load_tables()
    load_data_files()
    gc.collect()
    gc.freeze()


def extract_events(document: Document) -> DocumentResult:
    """Return the events one document reports, and its context mentions kept for review."""
    if len(document.text) > LONG_TEXT_CHARS:
        return extract_in_parts(document)
    return extract_from_analyzed(analyze(document))


def extract_events_batch(documents: list[Document]) -> list[DocumentResult]:
    """Return `extract_events` for several documents, parsing them in one spaCy batch."""
    short = [d for d in documents if len(d.text) <= LONG_TEXT_CHARS]
    staged = [_stage(analyzed) for analyzed in analyze_batch(short)]
    # the first sentence each document's none gate judges, and the sentences the classifier reads
    # to type the incidents it may retype (`code_event_kind`), for every document in one encoder
    # call (an incident the gate then drops had its sentences encoded for nothing: few do)
    require_together(
        [
            (s.scores, first_to_judge(s.judged) + _kind_sentences(s.judged, s.scores))
            for s in staged
            if isinstance(s, _Staged)
        ]
    )
    finished = iter(_finish(s) if isinstance(s, _Staged) else s for s in staged)
    return [next(finished) if len(d.text) <= LONG_TEXT_CHARS else extract_in_parts(d) for d in documents]


def extract_in_parts(document: Document, *, part_chars: int = PART_CHARS) -> DocumentResult:
    """Return the events of a long document read in parts (module docstring): each part is
    processed as a document with the same id and metadata, and its events' evidence and
    provenance offsets are moved back into the whole text (event ids of later parts are made
    unique by the part's offset)."""
    events: list[Event] = []
    context: list[Event] = []
    for start, end in split_parts(document.text, part_chars):
        part = replace(document, text=document.text[start:end])
        result = extract_from_analyzed(analyze(part))
        events.extend(_shifted(e, start) for e in result.events)
        context.extend(_shifted(e, start) for e in result.context_mentions)
    return DocumentResult(document=document, events=tuple(events), context_mentions=tuple(context))


def _shifted(event: Event, offset: int) -> Event:
    """Return `event` with its offsets moved by `offset` characters (and an id unique to it)."""
    if offset == 0:
        return event

    def evidence(e: Evidence) -> Evidence:
        return replace(e, start=e.start + offset, end=e.end + offset)

    def report(r: Report) -> Report:
        return replace(r, evidence=tuple(evidence(e) for e in r.evidence))

    def provenance(p: Provenance) -> Provenance:
        if p.start is None or p.end is None:
            return p
        return replace(p, start=p.start + offset, end=p.end + offset)

    key = f"{event.event_id}:{offset}".encode()
    return replace(
        event,
        event_id="ew-" + hashlib.sha256(key).hexdigest()[:16],
        reports=tuple(report(r) for r in event.reports),
        provenance={k: provenance(p) for k, p in event.provenance.items()},
    )


@dataclass(frozen=True)
class _Staged:
    """A parsed document's mention groups with the sentences its none gate judges
    (`gate_sentences`), and what the later stages read besides: a batch of documents scores its
    gates' first sentences together."""

    document: Document
    ctx: DocumentContext
    mentions: list
    judged: list
    scores: SentenceScores


def extract_from_analyzed(analyzed: AnalyzedDoc) -> DocumentResult:
    """Return the events of one parsed document (every stage after the parse)."""
    staged = _stage(analyzed)
    return _finish(staged) if isinstance(staged, _Staged) else staged


def _stage(analyzed: AnalyzedDoc) -> _Staged | DocumentResult:
    """Return the stages of one parsed document up to its mention groups and their scores, or
    its result when it tells no incident."""
    document = analyzed.document
    lang = document.lang
    incidents = find_incident_mentions(
        analyzed.doc,
        lang=lang,
        triggers=load_trigger_lexicon(lang),
        modality=load_modality_lexicon(lang),
        taxonomy=load_taxonomy(),
    )
    if not incidents:  # every later stage reads the incidents: a text that tells none has no event
        return DocumentResult(document=document, events=())
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
    # nothing else gives a country: the town an institution is named after ("Kerou Girls' School")
    ctx = with_institution_country(ctx, load_gazetteer())
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
    mentions = split_gapped_days(mentions, document.text, usable, ctx.times, resolve=town_in(ctx.main_iso), lang=lang)
    mentions = split_days(mentions, lang=lang, published=document.published)
    mentions = arrests_as_aftermath(mentions)  # "…killed a trader. Police later arrested two suspects."
    mentions = causes_as_background(mentions)  # "The protest was sparked by the killing of…"
    mentions = anchor_stated_distances(mentions)  # "…à Tamba." "Kolo, à 12 km de Tamba, …"
    groups = merge_mentions_in_document(mentions, published=document.published)
    # the sub-type classifier (sentence vectors encoded when a stage first asks for them; a batch
    # of documents encodes its none gates' first sentences together): drops incidents it reads as
    # no ACLED event; build_event lets it revise a rule's explosion sub-type
    scores = score_incidents(analyzed.doc, incidents, lang)
    return _Staged(document, ctx, mentions, gate_sentences(groups, scores), scores)


def _kind_sentences(judged: list, scores: SentenceScores) -> list[int]:
    """Return the starts of the sentences `code_event_kind` reads the classifier's scores of, for
    the incident groups of one document (`gate_sentences`)."""
    taxonomy = load_taxonomy()
    return [s for g, _ in judged for s in classifier_sentences(g.mentions, taxonomy=taxonomy, subtype_scores=scores)]


def _finish(staged: _Staged) -> DocumentResult:
    """Return the events of a staged document: the none gate, then the events built."""
    document, ctx, mentions, scores = staged.document, staged.ctx, staged.mentions, staged.scores
    groups = keep_events(staged.judged, scores)
    shared = shared_mention_keys(groups)
    options = EventOptions(
        default_country=ctx.main_country,
        default_place=_default_place(ctx.anchor),
        perpetrators=document_perpetrators(
            document, mentions, country=ctx.main_country, old_news_extra=old_sentences(groups)
        ),
        taxonomy=load_taxonomy(),
        shared_mentions=shared,
        toll_homes=toll_homes(groups, shared),
        subtype_scores=scores,
    )
    # two events built for one incident told from two angles (a summary, a kindred sub-type)
    built = merge_same_incidents(unique_event_ids([build_event(g, document, options=options) for g in groups]))
    return DocumentResult(
        document=document,
        events=tuple(e for e in built if not e.context_only),
        context_mentions=tuple(e for e in built if e.context_only),
    )


def _default_place(anchor: Place | None) -> Place | None:
    """Return where an incident the text does not place is coded: the article's main area; when
    that is the whole country, its capital at geo_precision 3 (ACLED codes a nationwide or
    unplaced event in a country to its capital: "nurses struck across Kerouvia" is coded to the
    capital of Kerouvia)."""
    if anchor is None or anchor.feature != "country":
        return anchor
    capital = load_gazetteer().capital(anchor.iso) if anchor.iso else None
    return replace(candidate_place(capital), geo_precision=3) if capital is not None else None


def process_inputs(paths: Iterable[str | Path], *, published: date | None = None) -> Iterator[DocumentResult | Skip]:
    """Yield, for each input document, its result or the Skip that says why it was not read."""
    yield from process_documents(read_inputs(paths, published=published))


def process_documents(items: Iterable[Document | Skip]) -> Iterator[DocumentResult | Skip]:
    """Yield, in input order, each Document's result and each Skip as it is; documents are
    parsed PIPE_BATCH_DOCS at a time (one spaCy batch). A document whose processing fails is
    yielded as a Skip "failed"; the others of its batch are unaffected."""
    pending: list[Document] = []
    for item in items:
        if isinstance(item, Skip):
            yield from _guarded_batch(pending)
            pending = []
            yield item
            continue
        pending.append(item)
        if len(pending) >= PIPE_BATCH_DOCS:
            yield from _guarded_batch(pending)
            pending = []
    yield from _guarded_batch(pending)


def _guarded_batch(documents: list[Document]) -> list[DocumentResult | Skip]:
    """Return `extract_events_batch`, or, when it fails, each document processed alone (a Skip
    for each one that fails again)."""
    if not documents:
        return []
    try:
        return list(extract_events_batch(documents))
    except Exception as error:  # noqa: BLE001 - one bad document must not cost the batch
        if len(documents) == 1:
            return [_failure(documents[0], error)]
    out: list[DocumentResult | Skip] = []
    for document in documents:
        try:
            out.append(extract_events(document))
        except Exception as error:  # noqa: BLE001
            out.append(_failure(document, error))
    return out


def _failure(document: Document, error: Exception) -> Skip:
    """Return the Skip of a document the pipeline failed on (the traceback goes to the log)."""
    log.error("processing %s (document %s) failed", document.origin or "a document", document.id, exc_info=error)
    detail = f"processing failed: {type(error).__name__}: {error}".splitlines()[0][:300]
    return Skip(origin=document.origin or document.id, reason="failed", detail=detail, document_id=document.id)
