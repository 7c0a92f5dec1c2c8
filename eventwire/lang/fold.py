"""Text folding shared by every stage: one module, three keys for three uses.

- `fold_text` / `fold`: text read by patterns written in plain ASCII (number words, casualty
  phrases, actor aliases). Typographic apostrophes and dashes become ASCII, no-break spaces
  become spaces, accents go (NFD), case is folded; `fold_text` also maps each folded character
  back to its offset in the original, so a match points into the document ("Tués" → "tues").
- `fold_word`: a token or lexicon phrase compared with a word list (triggers, modality cues,
  place words): typographic apostrophes become "'", lower case, compatibility forms and accents
  go (NFKD); spaces are kept as they are ("l’armée" → "l'armee").
- `fold_key`: a name compared with another name (gold and predicted locations, actor names):
  compatibility forms and accents go (NFKD), runs of blanks become one space, case is folded;
  a missing value gives "" ("Ségala  " == "segala"); `keep_accents` keeps the accents (actor
  names, which gold records spell exactly).

They differ on purpose and stay apart: each is the exact behaviour its callers were tuned with.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Literal

_CHAR_FOLDS = {"’": "'", "‘": "'", "ʼ": "'", "–": "-", "—": "-", "\u00a0": " ", "\u202f": " "}


def strip_accents(text: str, *, form: Literal["NFKD", "NFD"] = "NFKD") -> str:
    """Return `text` decomposed (`form`, NFKD or NFD) without its combining marks ("é" → "e").

    Char by char through a `str.translate` table (`_StripTable`): a text's decomposition is its
    chars' decompositions joined, then its combining marks reordered, and those all go; an ASCII
    text is its own decomposition."""
    if text.isascii():
        return text
    return text.translate(_STRIP_TABLES[form])


def _strip_accents_of(text: str, form: Literal["NFKD", "NFD"]) -> str:
    """Return `text` decomposed (`form`) without its combining marks, the reference reading."""
    return "".join(c for c in unicodedata.normalize(form, text) if not unicodedata.combining(c))


class _StripTable(dict[int, str]):
    """`str.translate` table of one decomposition form, filled on first sight of each char."""

    def __init__(self, form: Literal["NFKD", "NFD"]) -> None:
        super().__init__()
        self.form: Literal["NFKD", "NFD"] = form

    def __missing__(self, code: int) -> str:
        stripped = self[code] = _strip_accents_of(chr(code), self.form)
        return stripped


_STRIP_TABLES = {"NFKD": _StripTable("NFKD"), "NFD": _StripTable("NFD")}


def fold_text(text: str) -> tuple[str, list[int]]:
    """Return `text` lower-cased without accents, and for each folded char its index in `text`.

    Typographic apostrophes and dashes become ASCII and no-break spaces become spaces, so patterns
    written in plain ASCII match; the index list maps a folded match back to original offsets.
    """
    if text.isascii():  # the common case: one char in, one char out
        return text.casefold(), list(range(len(text)))
    folded = text.translate(_FOLD_TABLE)  # each char folded alone, as the loop below does
    if len(folded) == len(text) and _UNEVEN.isdisjoint(text):  # still one char per char
        return folded, list(range(len(text)))
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        one = _fold_char(ch)
        out.append(one)
        index.extend([i] * len(one))
    return "".join(out), index


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return strip_accents(_CHAR_FOLDS.get(ch, ch), form="NFD").casefold()


# Chars whose fold is not exactly one char ("ß" → "ss", a lone combining accent → ""): a text
# with none of them keeps one folded char per char, so its index is the identity.
_UNEVEN: set[str] = set()


class _FoldTable(dict[int, str]):
    """`str.translate` table filled on first sight of each char with `_fold_char` (per-char
    folding in C instead of a Python loop; same result char by char)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = self[code] = _fold_char(ch)
        if len(folded) != 1:
            _UNEVEN.add(ch)
        return folded


_FOLD_TABLE = _FoldTable()


def fold(phrase: str) -> str:
    """Return `phrase` folded like `fold_text`, with runs of spaces collapsed."""
    return " ".join(fold_text(phrase)[0].split())


def fold_word(text: str) -> str:
    """Return a token or lexicon phrase folded for comparison with a word list ("L’Armée" →
    "l'armee"); blanks are kept."""
    return strip_accents(text.replace("’", "'").replace("‘", "'").lower())


def fold_key(value: Any, *, keep_accents: bool = False) -> str:
    """Return a case-, accent- and blank-insensitive key for a name ("Ségala" == "segala");
    "" for None or an empty value. With `keep_accents`, accents count ("Sékou" != "Sekou")."""
    if not value:
        return ""
    text = str(value) if keep_accents else strip_accents(str(value))
    return " ".join(text.split()).casefold()


def phrase_pattern(phrases: list[str] | tuple[str, ...]) -> str:
    """Return a regex alternation of folded phrases, longest first, spaces matching any blank."""
    folded = sorted({fold(p) for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split(" ")) for p in folded)


def literal_alternation(phrases: Iterable[str]) -> str:
    """Return a regex alternation of literal (unfolded) phrases, longest first, so a longer phrase
    wins over its prefix ("camp militaire" over "camp")."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def whole_phrase_regex(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """Return one pattern matching any of the literal phrases as whole words."""
    return re.compile(r"(?<!\w)(?:" + literal_alternation(phrases) + r")(?!\w)", flags)
