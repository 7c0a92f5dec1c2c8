"""Lookup keys of place names: the one normalization the index build and its queries share."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from eventwire.gazetteer.words import alternation, name_words
from eventwire.lang.fold import strip_accents

_QUOTES = re.compile(r"[’‘ʼ`´′]")
_NON_WORD = re.compile(r"[\W_]+")
_DOUBLE = re.compile(r"(\w)\1+")


@cache
def _key_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Return the article (hyphen, space) and elision patterns and the abbreviations of name keys
    (data/gazetteer/name_words.yaml)."""
    return (
        re.compile(rf"\b(?:{alternation('key_articles_hyphen')})-(?=\w)"),
        re.compile(rf"\b(?:{alternation('key_articles_space')}) (?=\w)"),
        re.compile(rf"\b[{''.join(name_words()['key_elisions'])}]'(?=\w)"),
        dict(name_words()["key_abbreviations"]),
    )


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Return the lookup key of a place name: lowercase, unaccented, articles normalized.

    "Aïn al-Assad", "Ain al Asad" and "base d'Aïn al-Assad"'s tail all give "ain asad": Arabic
    articles (al-, el-, ash-…) and French elisions (d', l') are dropped and doubled letters
    collapsed, because transliterations disagree on exactly these.
    """
    article_hyphen, article_space, elision, abbreviations = _key_patterns()
    text = strip_accents(name).lower()
    text = _QUOTES.sub("'", text).replace(".", "")
    text = article_hyphen.sub("", text)
    text = article_space.sub("", text)
    text = elision.sub("", text)
    words = [abbreviations.get(w, w) for w in _NON_WORD.sub(" ", text).split()]
    return _DOUBLE.sub(r"\1", " ".join(words))


def fold_name(name: str) -> str:
    """Return a name lower-cased without accents, to compare country names."""
    return strip_accents(name.casefold())
