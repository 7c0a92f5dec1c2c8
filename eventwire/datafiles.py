"""Helpers shared by the loaders of the data files under eventwire/data."""

from __future__ import annotations

import re
from pathlib import Path


def key_line(path: Path, key: str) -> int:
    """Return the 1-based line where `key` is defined or first listed in `path` (0: not found),
    so a loader's error names file and line."""
    needle = re.compile(rf"^\s*['\"]?{re.escape(key)}['\"]?\s*:")
    lines = path.read_text(encoding="utf-8").splitlines()
    for lineno, line in enumerate(lines, 1):
        if needle.search(line):
            return lineno
    for lineno, line in enumerate(lines, 1):
        if key in line and not line.lstrip().startswith("#"):
            return lineno
    return 0
