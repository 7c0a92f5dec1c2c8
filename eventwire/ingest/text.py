"""Plain text → Document: normalization, repeated-paragraph removal, id, language.

Every reader (text file, HTML, JSONL, stdin) ends in `build_document`, so all inputs are
normalized, identified and language-checked the same way:

1. `normalize_text`: NFC, LF line ends, no BOM / zero-width characters, no trailing spaces,
   paragraphs separated by exactly one blank line.
2. `strip_repeated_paragraphs`: a paragraph repeating an earlier one is dropped.
3. empty → Skip "empty"; shorter than `MIN_TEXT_CHARS` → Skip "too_short".
4. `document_id`: sha256 of the resulting text, so the same dispatch always gets the same id.
5. language: a declared `lang` is trusted when eventwire supports it; otherwise lingua detects
   it; an unsupported language → Skip "unsupported_language".
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from datetime import date

from eventwire.models import Document, Skip
from eventwire.nlp.langid import (
    detect_language,
    normalize_language_code,
    unsupported_language_detail,
)
from eventwire.nlp.pipelines import SUPPORTED_LANGS

log = logging.getLogger(__name__)

# A text shorter than this cannot state an incident (who, what, where): "Frappe à Tazor." is 15.
MIN_TEXT_CHARS = 20

# Paragraphs shorter than this (after whitespace collapsing) are never dropped as repeats: bylines
# ("AFP", "Agence France-Presse" = 20), section heads ("Extension du conflit ?" = 22) and "Lire
# aussi" may legitimately recur and carry no incident. Chosen above the longest such line in the
# bundled AFP sample; a repeated sentence reporting an incident is always longer.
MIN_REPEATED_PARAGRAPH_CHARS = 25

# Invisible characters removed outright: BOM / zero-width no-break space, zero-width space,
# non-joiner, joiner, word joiner, soft hyphen. They break tokens and hashes and carry nothing in
# French or English text.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"))
_LINE_BREAKS = {ord("\u2028"): "\n", ord("\u2029"): "\n\n", ord("\x85"): "\n"}
_BLANK_LINES = re.compile(r"\n{3,}")
_WHITESPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Return `text` in the form every stage indexes: NFC, "\\n" lines, "\\n\\n" paragraphs.

    Removes BOM and zero-width characters, turns CRLF / CR / Unicode line separators into "\\n",
    strips trailing spaces of each line and the blank lines around the text, and collapses runs of
    blank lines into one. Typographic quotes, apostrophes and non-breaking spaces inside lines
    are kept as they are (French typography and character offsets depend on them).
    """
    text = text.translate(_INVISIBLE)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def split_paragraphs(text: str) -> list[str]:
    """Return the paragraphs of normalized text (separated by a blank line)."""
    return [p for p in text.split("\n\n") if p.strip()]


def _paragraph_key(paragraph: str) -> str:
    return _WHITESPACE.sub(" ", paragraph).strip().casefold()


def strip_repeated_paragraphs(text: str) -> str:
    """Return normalized `text` without paragraphs that repeat an earlier one.

    Scrapers and wire feeds often repeat a lead or a photo caption at the end of a dispatch;
    a repeat would otherwise be extracted as a second incident. Paragraphs are compared with
    whitespace collapsed and case folded; the first occurrence is kept. Paragraphs shorter than
    `MIN_REPEATED_PARAGRAPH_CHARS` are always kept (bylines, section heads). Lines inside a
    paragraph (single "\\n") are not compared separately, so hard-wrapped text is safe.
    """
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in split_paragraphs(text):
        key = _paragraph_key(paragraph)
        if len(key) >= MIN_REPEATED_PARAGRAPH_CHARS:
            if key in seen:
                log.debug("dropping repeated paragraph: %.60s", key)
                continue
            seen.add(key)
        kept.append(paragraph)
    return "\n\n".join(kept)


def _sha16(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def document_id(text: str) -> str:
    """Return the document id: first 16 hex digits of sha256 of the normalized, de-duplicated text.

    Normalizes first, so raw and already-normalized text (CRLF or LF, with or without the
    repeated paragraph) give the same id.
    """
    return _sha16(strip_repeated_paragraphs(normalize_text(text)))


def build_document(
    text: str,
    *,
    origin: str,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    lang: str | None = None,
    external_id: str | None = None,
    empty_detail: str = "no text (empty or whitespace only)",
) -> Document | Skip:
    """Return the Document for already-decoded text, or the Skip that says why not (steps 1-5)."""
    clean = strip_repeated_paragraphs(normalize_text(text))
    if not clean:
        return Skip(origin=origin, reason="empty", detail=empty_detail)
    doc_id = _sha16(clean)
    if len(clean) < MIN_TEXT_CHARS:
        return Skip(
            origin=origin,
            reason="too_short",
            detail=f"text is {len(clean)} characters, fewer than {MIN_TEXT_CHARS}",
            document_id=doc_id,
        )
    if lang is not None and lang.strip():
        code = normalize_language_code(lang)
        if code not in SUPPORTED_LANGS:
            return Skip(
                origin=origin,
                reason="unsupported_language",
                detail=unsupported_language_detail(code, declared=True),
                document_id=doc_id,
            )
    else:
        guess = detect_language(clean)
        if not guess.supported:
            return Skip(
                origin=origin,
                reason="unsupported_language",
                detail=unsupported_language_detail(guess.code, declared=False),
                document_id=doc_id,
            )
        code = guess.code
    return Document(
        id=doc_id,
        text=clean,
        lang=code,
        title=_clean_field(title),
        url=_clean_field(url),
        outlet=_clean_field(outlet),
        published=published,
        origin=origin,
        external_id=external_id,
    )


def _clean_field(value: str | None) -> str | None:
    """Return a one-line metadata value with whitespace collapsed, or None when blank."""
    if value is None:
        return None
    cleaned = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", value)).strip()
    return cleaned or None


# The reader of a plain-text dispatch is the common last step itself (its title stays None
# unless given: the first line of a plain-text file is not guessed to be a headline).
read_text_document = build_document
