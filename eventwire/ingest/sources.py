"""Input paths → Documents: files, folders, JSONL batches and stdin, one result per document.

`read_inputs` never raises for a bad document: a missing path, an unreadable, empty, binary,
badly encoded, too large or too short file, a bad JSONL line or an unsupported language each
yields a `Skip` (origin, reason code, one-line detail) and the batch goes on.

How a path is read:
1. "-" → stdin: JSONL when its first line is a JSON object, else a text or HTML document.
2. a folder → every file below it whose suffix is in `FOLDER_SUFFIXES`, in sorted path order,
   skipping hidden files and folders (names starting with ".").
3. a ".jsonl" file → `read_jsonl_documents` (streamed, limit per line).
4. any other file → refused before reading when larger than `max_bytes` (os.stat), decoded
   (`decode_bytes`), then read as HTML when its suffix is .html/.htm or its content starts like
   an HTML document, else as plain text (.md files are read as plain text).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from eventwire.ingest.decode import MAX_INPUT_BYTES, decode_bytes, looks_like_html
from eventwire.ingest.html import read_html_document
from eventwire.ingest.jsonl import is_json_object_line, read_jsonl_documents, read_jsonl_stream
from eventwire.ingest.text import read_text_document
from eventwire.models import Document, Skip

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
FOLDER_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".jsonl"})


def read_inputs(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Iterator[Document | Skip]:
    """Yield one Document or one Skip per input document, in input order.

    `published` is the reference date for inputs that carry none; an input's own date (JSONL
    "published", HTML metadata) wins.
    """
    for path in paths:
        if str(path) == STDIN:
            yield from read_stdin(published=published, max_bytes=max_bytes)
            continue
        path = Path(path)
        if path.is_dir():
            for file in iter_folder(path):
                yield from read_file(file, published=published, max_bytes=max_bytes)
        else:
            yield from read_file(path, published=published, max_bytes=max_bytes)


def iter_folder(folder: Path) -> list[Path]:
    """Return the readable files below `folder` (by suffix), sorted, hidden entries left out."""
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(
            Path(root, name)
            for name in names
            if not name.startswith(".") and Path(name).suffix.lower() in FOLDER_SUFFIXES
        )
    return sorted(files)


def read_file(
    path: str | Path,
    *,
    published: date | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Iterator[Document | Skip]:
    """Yield the Document(s) or Skip(s) of one file (several for a JSONL batch)."""
    path = Path(path)
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_documents(path, published=published, max_bytes=max_bytes)
        return
    data = _read_capped(path, max_bytes=max_bytes)
    if isinstance(data, Skip):
        yield data
        return
    yield _read_document_bytes(data, origin=origin, published=published, html=suffix in HTML_SUFFIXES)


def _read_capped(path: Path, *, max_bytes: int) -> bytes | Skip:
    """Return the bytes of `path`, or a Skip; never holds more than `max_bytes` + 1 bytes."""
    origin = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return Skip(origin=origin, reason="not_found", detail="no such file or folder")
    except OSError as e:
        return Skip(origin=origin, reason="unreadable", detail=f"cannot stat: {e.strerror or e}")
    if size > max_bytes:
        return _too_large(origin, max_bytes, size=size)
    try:
        with open(path, "rb") as f:
            # Capped read: a file that grew since stat, or a pipe, still cannot exhaust memory.
            data = f.read(max_bytes + 1)
    except OSError as e:
        return Skip(origin=origin, reason="unreadable", detail=f"cannot read: {e.strerror or e}")
    if len(data) > max_bytes:
        return _too_large(origin, max_bytes)
    return data


def _too_large(origin: str, max_bytes: int, *, size: int | None = None) -> Skip:
    if size is None:
        detail = f"input is larger than the limit of {max_bytes} bytes"
    else:
        detail = f"file is {size} bytes, over the limit of {max_bytes}"
    return Skip(origin=origin, reason="too_large", detail=detail)


def _read_document_bytes(data: bytes, *, origin: str, published: date | None, html: bool) -> Document | Skip:
    text = decode_bytes(data, origin=origin)
    if isinstance(text, Skip):
        return text
    if html or looks_like_html(text):
        return read_html_document(text, origin=origin, published=published)
    return read_text_document(text, origin=origin, published=published)


def read_stdin(
    *,
    published: date | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    stream: BinaryIO | None = None,
) -> Iterator[Document | Skip]:
    """Yield the documents read from stdin (or `stream`): a JSONL batch or one text/HTML document.

    A first line holding a JSON object means JSONL; plain text and HTML never start that way.
    """
    source = stream if stream is not None else sys.stdin.buffer
    first = source.readline(max_bytes + 1)
    if is_json_object_line(first):
        yield from read_jsonl_stream(
            source, name=STDIN_ORIGIN, published=published, max_bytes=max_bytes, first_line=first
        )
        return
    rest = source.read(max_bytes + 1 - len(first)) if len(first) <= max_bytes else b""
    data = first + rest
    if len(data) > max_bytes:
        yield _too_large(STDIN_ORIGIN, max_bytes)
        return
    yield _read_document_bytes(data, origin=STDIN_ORIGIN, published=published, html=False)
