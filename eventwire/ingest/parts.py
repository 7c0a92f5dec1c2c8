"""Long text → parts: spans of whole paragraphs (else lines, else words) under a size limit.

A document longer than spaCy's `max_length` (1,000,000 characters) cannot be parsed in one piece,
and the stages after the parse compare a document's mentions with each other, so their cost grows
faster than the text. `split_parts` cuts a text into consecutive spans the pipeline reads one at
a time, keeping every offset into the original text:

1. paragraphs (separated by a blank line) are packed greedily into parts of at most `max_chars`;
2. a paragraph longer than `max_chars` is cut at line breaks, packed the same way;
3. a line longer than `max_chars` is cut after the last sentence end (". ", "! ", "? ") before
   the limit, else at the last space, else hard at the limit.
The separators between parts (blank lines, the line break or space cut at) belong to no part.
"""

from __future__ import annotations

import re

# Where a line longer than a part may be cut, best first: after a sentence end, at a space.
_SENTENCE_END = re.compile(r"[.!?…][\"'»”)]*\s")


def split_parts(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Return the (start, end) spans of `text` cut into parts of at most `max_chars` characters.

    A text within the limit is one part, `[(0, len(text))]`. Spans are in order, do not overlap,
    and hold every non-separator character of the text.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    if len(text) <= max_chars:
        return [(0, len(text))] if text else []
    pieces: list[tuple[int, int]] = []
    for start, end in _runs(text, 0, len(text), "\n\n"):
        if end - start <= max_chars:
            pieces.append((start, end))
            continue
        for line_start, line_end in _runs(text, start, end, "\n"):
            if line_end - line_start <= max_chars:
                pieces.append((line_start, line_end))
            else:
                pieces.extend(_cut_line(text, line_start, line_end, max_chars))
    return _pack(pieces, max_chars)


def _runs(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """Return the non-blank runs of text[start:end] between occurrences of `separator`."""
    runs = []
    at = start
    while at < end:
        cut = text.find(separator, at, end)
        stop = end if cut < 0 else cut
        if text[at:stop].strip():
            runs.append((at, stop))
        at = stop + len(separator)
    return runs


def _cut_line(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Return the spans of one over-long line: cut after a sentence end, else at a space."""
    spans = []
    while end - start > max_chars:
        limit = start + max_chars
        window = text[start : limit + 1]
        cut = None
        for match in _SENTENCE_END.finditer(window):
            cut = start + match.end() - 1  # the space after the sentence end
        if cut is None or cut <= start:
            space = window.rfind(" ")
            cut = start + space if space > 0 else limit
        spans.append((start, cut))
        start = cut + 1 if cut < end and text[cut].isspace() else cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        spans.append((start, end))
    return [(s, _rstrip(text, s, e)) for s, e in spans if text[s:e].strip()]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _pack(pieces: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Return consecutive pieces merged greedily into spans of at most `max_chars` characters."""
    parts: list[tuple[int, int]] = []
    for start, end in pieces:
        if parts and end - parts[-1][0] <= max_chars:
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((start, end))
    return parts
