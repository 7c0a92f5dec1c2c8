"""The workers' side of the batch runner (`batch.py`): what a worker process or Ray actor runs
on a chunk of documents, and its warm-up. Imports nothing of the writer's side, so the pools
and the writer can live apart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from eventwire.models import Document, Skip
from eventwire.nlp.encoder import encode, recent_vectors
from eventwire.pipeline import DocumentResult, freeze_loaded_objects
from eventwire.resolve.similarity import evidence_sentences, text_key

logger = logging.getLogger(__name__)

# Invented dispatches that take each language's models through every stage once.
_WARMUP_TEXTS = {
    "en": "Gunmen attacked a village near Kano, Nigeria, on Monday, killing three civilians.",
    "fr": "Des hommes armés ont attaqué lundi le village de Bankass, au Mali, tuant trois civils.",
}

Coder = Callable[[list[Document]], list[DocumentResult]]
ChunkCoder = Callable[[list[Document]], "CodedChunk"]  # what a pool's workers run (`Worker`)


@dataclass(frozen=True)
class CodedChunk:
    """A worker's answer for a chunk: the results (or Skips) in order and, when asked for, the
    vectors (float32, a row each) of their events' distinct evidence sentences by `text_key`,
    saved to the store's vector cache, where cross-document similarity looks first."""

    items: list[DocumentResult | Skip]
    keys: tuple[str, ...] = ()
    vectors: np.ndarray | None = None


def code_chunk(coder: Coder, documents: list[Document]) -> list[DocumentResult | Skip]:
    """Return the coder's results for a chunk; when it fails, code the documents one by one, a
    document it fails on becoming a Skip "processing_error"."""
    try:
        return list(coder(documents))
    except Exception:
        logger.warning("a chunk of %d document(s) failed; coding them one by one", len(documents), exc_info=True)
    coded: list[DocumentResult | Skip] = []
    for document in documents:
        try:
            coded.extend(coder([document]))
        except Exception as e:
            logger.warning("document %s could not be coded", document.id, exc_info=True)
            detail = f"{type(e).__name__}: {e}"[:300]
            coded.append(Skip(document.origin or document.id, "processing_error", detail, document.id))
    return coded


class Worker:
    """What a worker runs on a chunk (picklable: sent to each process or actor): `code_chunk`,
    then, with `ship_vectors`, the vectors of the evidence sentences (`evidence_vectors`)."""

    def __init__(self, coder: Coder, ship_vectors: bool) -> None:
        self.coder, self.ship_vectors = coder, ship_vectors

    def __call__(self, documents: list[Document]) -> CodedChunk:
        items = code_chunk(self.coder, documents)
        return CodedChunk(items, *evidence_vectors(items)) if self.ship_vectors else CodedChunk(items)


def evidence_vectors(items: Iterable[DocumentResult | Skip]) -> tuple[tuple[str, ...], np.ndarray]:
    """Return the text keys and vectors (float32, a row each) of the distinct evidence sentences
    of the results' events and context mentions: those the sub-type classifier encoded while
    coding them are taken as it left them (`recent_vectors`), the others encoded in one call."""
    events = [e for item in items if isinstance(item, DocumentResult) for e in (*item.events, *item.context_mentions)]
    sentences = list(dict.fromkeys(sentence for event in events for sentence in evidence_sentences(event)))
    if not sentences:
        return (), np.zeros((0, 0), dtype=np.float32)
    known = recent_vectors(sentences)
    missing = [s for s in sentences if s not in known]
    if missing:
        known.update(zip(missing, encode(missing), strict=True))
    return tuple(text_key(s) for s in sentences), np.stack([known[s] for s in sentences])


def warm_up(coder: Coder | ChunkCoder) -> None:
    """Load the models of every language by coding one short invented text in each, then put
    them out of the garbage collector's sight (`freeze_loaded_objects`)."""
    from threadpoolctl import threadpool_limits

    # one worker, one core: BLAS threads would only fight the other workers
    threadpool_limits(limits=1)
    documents = [
        Document(id=f"warm-up-{lang}", text=text, lang=lang, published=date(2024, 1, 15))
        for lang, text in _WARMUP_TEXTS.items()
    ]
    if isinstance(coder, Worker):
        coder(documents)  # its encoder too, when it sends vectors
    else:
        code_chunk(coder, documents)  # type: ignore[arg-type]
    freeze_loaded_objects()
