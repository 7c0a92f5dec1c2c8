"""Sentence vectors kept in the store (`sentence_vectors`), for cross-document resolution's
evidence similarity: a sentence is encoded once per store, whichever process meets it first."""

from __future__ import annotations

import numpy as np

from eventwire.resolve.similarity import ENCODER_NAME
from eventwire.store.dialect import Connection


class VectorCache:
    """Sentence vectors kept in the `sentence_vectors` table (float32 blobs)."""

    def __init__(self, conn: Connection, model: str = ENCODER_NAME) -> None:
        self.conn = conn
        self.model = model

    def lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            for key, blob in self.conn.execute(
                "SELECT text_key, vector FROM sentence_vectors WHERE model = ? AND text_key IN"
                f" ({', '.join('?' * len(chunk))})",
                [self.model, *chunk],
            ):
                out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def save(self, vectors: dict[str, np.ndarray]) -> None:
        # in key order: two processes saving the same sentences never wait on each other's rows
        self.conn.executemany(
            "INSERT INTO sentence_vectors (text_key, model, vector) VALUES (?, ?, ?) ON CONFLICT (text_key) DO NOTHING",
            [(k, self.model, np.asarray(vectors[k], dtype=np.float32).tobytes()) for k in sorted(vectors)],
        )
