"""JSONL batch → Documents: one JSON object a line, read as a stream.

Record: `{"id", "text" or "html", "title"?, "url"?, "source"?, "published"?, "lang"?}`
(ARCHITECTURE.md, output contract). `source` becomes `Document.outlet`, `id` becomes
`Document.external_id`; `published` may be ISO 8601, RFC 822 or a written English/French date
(`ingest.dates`), and one no rule reads is a Skip "bad_date"; other keys are ignored. Each
line gives one Document or one Skip with origin "FILE:LINE"; blank lines are ignored. The file
is streamed, so a batch may be of any size: the `max_bytes` limit applies to each line (one
document), not to the file.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from eventwire.ingest.dates import describe_unreadable, parse_published
from eventwire.ingest.decode import MAX_INPUT_BYTES
from eventwire.ingest.html import build_html_document
from eventwire.ingest.text import read_text_document
from eventwire.models import Document, Skip

log = logging.getLogger(__name__)

_DRAIN_CHUNK_BYTES = 1 << 20
_STRING_FIELDS = ("title", "url", "source", "lang", "published")


@dataclass(frozen=True)
class _Record:
    """The validated fields of one JSONL line."""

    external_id: str | None
    text: str | None
    html: str | None
    title: str | None
    url: str | None
    outlet: str | None
    lang: str | None
    published: date | None


def read_jsonl_documents(
    path: str | Path,
    *,
    published: date | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Iterator[Document | Skip]:
    """Yield a Document or a Skip for each non-blank line of a JSONL file."""
    name = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the with below, after the check
    except FileNotFoundError:
        yield Skip(origin=name, reason="not_found", detail="no such file")
        return
    except OSError as e:
        yield Skip(origin=name, reason="unreadable", detail=f"cannot open: {e.strerror or e}")
        return
    with stream:
        yield from read_jsonl_stream(stream, name=name, published=published, max_bytes=max_bytes)


def read_jsonl_stream(
    stream: BinaryIO,
    *,
    name: str,
    published: date | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    first_line: bytes | None = None,
) -> Iterator[Document | Skip]:
    """Yield a Document or a Skip for each non-blank line of a binary JSONL stream.

    `first_line`, when given, is a line already read from the stream (stdin sniffing). A stream
    with no non-blank line is one Skip "empty" (an input is never neither read nor skipped).
    """
    lineno = records = 0
    while True:
        if first_line is not None:
            line, first_line = first_line, None
        else:
            line = stream.readline(max_bytes + 1)
        if not line:
            break
        lineno += 1
        origin = f"{name}:{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            records += 1
            _drain_line(stream)
            yield Skip(
                origin=origin,
                reason="too_large",
                detail=f"line is larger than {max_bytes} bytes",
            )
            continue
        if lineno == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        records += 1
        yield _read_line(line, origin=origin, published=published)
    if not records:
        yield Skip(origin=name, reason="empty", detail="no JSON lines (the input is empty or blank)")


def _drain_line(stream: BinaryIO) -> None:
    """Consume the rest of an over-long line without holding it in memory."""
    while True:
        chunk = stream.readline(_DRAIN_CHUNK_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def _read_line(line: bytes, *, origin: str, published: date | None) -> Document | Skip:
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as e:
        return Skip(
            origin=origin,
            reason="encoding",
            detail=f"JSON lines must be UTF-8: invalid byte 0x{line[e.start]:02x} at offset {e.start}",
        )
    try:
        value = json.loads(decoded)
    except json.JSONDecodeError as e:
        return Skip(origin=origin, reason="bad_json", detail=f"invalid JSON: {e.msg} (column {e.colno})")
    except (ValueError, RecursionError) as e:  # an integer of over 4,300 digits; nesting deeper than the stack
        return Skip(origin=origin, reason="bad_json", detail=f"unreadable JSON: {str(e).split(';')[0]}")
    record = _validate(value)
    if isinstance(record, tuple):
        reason, detail = record
        return Skip(origin=origin, reason=reason, detail=detail)
    reference = record.published or published
    if record.text is not None:
        return read_text_document(
            record.text,
            origin=origin,
            published=reference,
            title=record.title,
            url=record.url,
            outlet=record.outlet,
            lang=record.lang,
            external_id=record.external_id,
        )
    return build_html_document(
        record.html or "",
        origin=origin,
        default_published=published,
        given_published=record.published,
        url=record.url,
        title=record.title,
        outlet=record.outlet,
        lang=record.lang,
        external_id=record.external_id,
    )


def _validate(value: Any) -> _Record | tuple[str, str]:
    """Return the record's fields, or the skip reason and a one-line description of what is
    wrong with it ("bad_record", or "bad_date" for a `published` no date rule reads)."""
    if not isinstance(value, dict):
        return "bad_record", f"expected a JSON object, got {type(value).__name__}"
    for key in _STRING_FIELDS:
        if value.get(key) is not None and not isinstance(value[key], str):
            return "bad_record", f"field {key!r} must be a string, got {type(value[key]).__name__}"
    raw_id = value.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        return "bad_record", f"field 'id' must be a string or integer, got {type(raw_id).__name__}"
    text, html = value.get("text"), value.get("html")
    for key, content in (("text", text), ("html", html)):
        if content is not None and not isinstance(content, str):
            return "bad_record", f"field {key!r} must be a string, got {type(content).__name__}"
    if text is None and html is None:
        return "bad_record", 'no "text" or "html" field'
    own_date: date | None = None
    if value.get("published"):
        # ISO 8601, RFC 822 or a written English/French date (ingest.dates)
        own_date = parse_published(value["published"])
        if own_date is None:
            return "bad_date", describe_unreadable(value["published"])
    return _Record(
        external_id=None if raw_id is None else str(raw_id),
        text=text,
        html=html if text is None else None,
        title=value.get("title"),
        url=value.get("url"),
        outlet=value.get("source"),
        lang=value.get("lang"),
        published=own_date,
    )


def is_json_object_line(line: bytes) -> bool:
    """Return whether a line of bytes (BOM and spaces allowed) is one JSON object: a JSONL batch."""
    stripped = line.removeprefix(b"\xef\xbb\xbf").strip()
    if not stripped.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(stripped), dict)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError derive from ValueError
        return False
