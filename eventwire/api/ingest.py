"""Request bodies and uploaded files → Documents (or Skips), through the ingest stage's readers.

Reading follows `eventwire.ingest.sources` (what the CLI does with a file):
1. over `MAX_INPUT_BYTES` → Skip "too_large" (never read further);
2. JSONL (declared, a ".jsonl" upload, or an upload whose first line is a JSON object) →
   `read_jsonl_stream`, one Document or Skip per line;
3. uploaded bytes → `decode_bytes` (encoding, binary and empty checks);
4. HTML (declared, an .html/.htm upload, or content that looks like a page) →
   `build_html_document`; anything else → `read_text_document`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import PurePath

from eventwire.api.schemas import IngestFormat, IngestRequest
from eventwire.ingest import MAX_INPUT_BYTES, decode_bytes, looks_like_html, read_text_document
from eventwire.ingest.html import build_html_document
from eventwire.ingest.jsonl import is_json_object_line, read_jsonl_stream
from eventwire.models import Document, Skip

HTML_SUFFIXES = frozenset({".html", ".htm"})


def _too_large(origin: str, size: int) -> Skip:
    return Skip(
        origin=origin,
        reason="too_large",
        detail=f"input is {size} bytes, over the limit of {MAX_INPUT_BYTES}",
    )


def read_request_documents(request: IngestRequest, *, origin: str) -> Iterator[Document | Skip]:
    """Yield the Document(s) or Skip(s) of a JSON ingest request."""
    data = request.content.encode("utf-8")
    if request.format is IngestFormat.jsonl:
        yield from read_jsonl_stream(io.BytesIO(data), name=origin, published=request.published)
        return
    if len(data) > MAX_INPUT_BYTES:
        yield _too_large(origin, len(data))
        return
    if request.format is IngestFormat.html:
        yield build_html_document(
            request.content,
            origin=origin,
            default_published=request.published,
            url=request.url,
            title=request.title,
            outlet=request.source,
            lang=request.lang,
        )
        return
    yield read_text_document(
        request.content,
        origin=origin,
        published=request.published,
        title=request.title,
        url=request.url,
        outlet=request.source,
        lang=request.lang,
    )


def read_upload_documents(data: bytes, *, filename: str, published: date | None) -> Iterator[Document | Skip]:
    """Yield the Document(s) or Skip(s) of an uploaded file (text, HTML or JSONL)."""
    origin = f"upload:{filename}"
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".jsonl" or is_json_object_line(data.split(b"\n", 1)[0]):
        yield from read_jsonl_stream(io.BytesIO(data), name=origin, published=published)
        return
    if len(data) > MAX_INPUT_BYTES:
        yield _too_large(origin, len(data))
        return
    text = decode_bytes(data, origin=origin)
    if isinstance(text, Skip):
        yield text
    elif suffix in HTML_SUFFIXES or looks_like_html(text):
        yield build_html_document(text, origin=origin, default_published=published)
    else:
        yield read_text_document(text, origin=origin, published=published)
