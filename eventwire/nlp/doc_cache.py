"""What the stages read from a parse, read once per parse.

A spaCy Doc is not changed after the pipeline made it, so a value computed from its tokens (its
text, the folded token keys, the cue matches of a sentence) can be kept with it and dropped with
it: each stage asks here instead of recomputing ("doc.text" alone joins every token again).
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_CACHES: WeakKeyDictionary[Doc, dict[str, Any]] = WeakKeyDictionary()


def doc_cache(doc: Any) -> dict[str, Any] | None:
    """Return the dict of values kept for a parsed Doc (None for anything else: a Span, a stub)."""
    if not isinstance(doc, Doc):
        return None
    cache = _CACHES.get(doc)
    if cache is None:
        cache = _CACHES[doc] = {}
    return cache


def doc_text(doc: Any) -> str:
    """Return `doc.text`, joined once per parse."""
    cache = doc_cache(doc)
    if cache is None:
        return str(doc.text)
    text = cache.get("text")
    if text is None:
        text = cache["text"] = doc.text
    return str(text)
