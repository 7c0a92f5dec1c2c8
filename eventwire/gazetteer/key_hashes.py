"""A compact set of the lookup keys of an index table, to answer "no such name" without a query.

Most strings the geoparser looks up are no place name (capitalized word runs, lower-case words
read as possible demonyms), and each such miss cost an SQLite query (~30 µs in a worker). The
keys of a table are kept as the sorted array of their string hashes (8 bytes a key: ~7 MB for
the names and joined tables): a key whose hash is not there is surely absent; one whose hash is
there (the key, or a rare collision) is looked up as before, so every answer is the table's.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


class KeyHashes:
    """The hashes of a set of keys; `key in hashes` is False only for a key not in the set."""

    __slots__ = ("_hashes",)

    def __init__(self, keys: Iterable[str]) -> None:
        # str hashes are salted per process: the array is built and read in the same process
        self._hashes = np.unique(np.fromiter((hash(k) for k in keys), dtype=np.int64))

    def __contains__(self, key: str) -> bool:
        h = hash(key)
        at = int(self._hashes.searchsorted(h))
        return at < len(self._hashes) and int(self._hashes[at]) == h

    def __len__(self) -> int:
        return len(self._hashes)
