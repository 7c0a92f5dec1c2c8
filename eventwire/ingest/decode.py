"""Raw bytes → text: size limit, binary detection, encoding, HTML sniffing.

Decoding cascade (`decode_bytes`), first match wins:

1. no bytes at all → Skip "empty".
2. a byte-order mark: UTF-32, UTF-8 or UTF-16 (LE/BE) decode by it; failing → Skip "encoding".
3. NUL bytes, or more than `MAX_CONTROL_BYTE_SHARE` of C0 control bytes → Skip "binary".
   (UTF-16 without a BOM lands here too: it cannot be told from binary reliably.)
4. strict UTF-8.
5. Windows-1252, accepted with a logged warning when the result is plausible Latin-script text
   (`_plausible_cp1252`); otherwise Skip "encoding". Old French and English sites and
   exported files are often Windows-1252 / Latin-1; refusing them would lose real dispatches,
   while a Cyrillic or Greek 8-bit file decodes to runs of accented capitals and is refused.
"""

from __future__ import annotations

import codecs
import logging

from eventwire.models import Skip

log = logging.getLogger(__name__)

# Inputs larger than this are refused before being read (os.stat / a capped read): a dispatch is
# a few KB; 10 MB leaves room for HTML pages with inline scripts and styles.
MAX_INPUT_BYTES = 10 * 1024 * 1024

# Text files hold no C0 control bytes besides tab, LF, VT, FF, CR (and ESC in rare terminal
# captures); random binary data holds ~11% (28 of 256 byte values). 2% separates the two with
# wide margins on both sides.
MAX_CONTROL_BYTE_SHARE = 0.02
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])

# In French or English, letters outside ASCII (é, ç, œ…) are a few percent of all letters; an
# 8-bit Cyrillic or Greek file read as Windows-1252 is almost all non-ASCII letters. 30% keeps
# accent-heavy French headlines and refuses those.
MAX_CP1252_NON_ASCII_LETTER_SHARE = 0.30

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HTML_SNIFF_CHARS = 1024


def decode_bytes(data: bytes, *, origin: str) -> str | Skip:
    """Return the text of `data`, or the Skip (empty, binary, encoding) that says why not."""
    if not data:
        return Skip(origin=origin, reason="empty", detail="file is empty (0 bytes)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, encoding, origin=origin)
    binary = _binary_detail(data)
    if binary is not None:
        return Skip(origin=origin, reason="binary", detail=binary)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = f"invalid UTF-8 byte 0x{data[e.start]:02x} at offset {e.start}"
    return _decode_cp1252(data, origin=origin, utf8_error=utf8_error)


def _decode_with_bom(data: bytes, encoding: str, *, origin: str) -> str | Skip:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        return Skip(
            origin=origin,
            reason="encoding",
            detail=f"starts with a {encoding} byte-order mark but does not decode: {e.reason}",
        )


def _binary_detail(data: bytes) -> str | None:
    """Return why `data` looks binary, or None when it looks like text."""
    if b"\x00" in data:
        return "binary content (NUL bytes)"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    share = controls / len(data)
    if share > MAX_CONTROL_BYTE_SHARE:
        return f"binary content ({share:.0%} control bytes)"
    return None


def _decode_cp1252(data: bytes, *, origin: str, utf8_error: str) -> str | Skip:
    refused = Skip(
        origin=origin,
        reason="encoding",
        detail=f"not UTF-8 ({utf8_error}) and not plausible Windows-1252 text",
    )
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return refused
    if not _plausible_cp1252(text):
        return refused
    log.warning("%s: not UTF-8 (%s); read as Windows-1252", origin, utf8_error)
    return text


def _plausible_cp1252(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    non_ascii = sum(1 for c in letters if not c.isascii())
    return non_ascii / len(letters) <= MAX_CP1252_NON_ASCII_LETTER_SHARE


def looks_like_html(text: str) -> bool:
    """Return True when the opening of `text` is an HTML document (doctype or <html> tag)."""
    head = text[:_HTML_SNIFF_CHARS].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype", "<html")) or "<html" in head
