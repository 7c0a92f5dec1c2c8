"""ingest stage: text, HTML, JSONL files, folders and stdin → `Document` (or `Skip`).

Skip reason codes: not_found, unreadable, empty, binary, encoding, too_large, too_short,
bad_json, bad_record, bad_date, unsupported_language; for URLs and feeds (fetch, feeds) also
unsafe_url, http_error, timeout, network_error, too_many_redirects, bad_feed; the pipeline adds
"failed" (processing raised).
"""

from eventwire.ingest.decode import MAX_INPUT_BYTES, decode_bytes, looks_like_html
from eventwire.ingest.html import extract_html, read_html_document
from eventwire.ingest.jsonl import read_jsonl_documents
from eventwire.ingest.sources import read_file, read_inputs, read_stdin
from eventwire.ingest.text import (
    MIN_TEXT_CHARS,
    document_id,
    normalize_text,
    read_text_document,
    strip_repeated_paragraphs,
)

__all__ = [
    "MAX_INPUT_BYTES",
    "MIN_TEXT_CHARS",
    "decode_bytes",
    "document_id",
    "extract_html",
    "looks_like_html",
    "normalize_text",
    "read_file",
    "read_html_document",
    "read_inputs",
    "read_jsonl_documents",
    "read_stdin",
    "read_text_document",
    "strip_repeated_paragraphs",
]
