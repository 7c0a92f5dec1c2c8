"""Divisions named with a noun only one country's administration uses ("the cercle of Kerou" is
Mali's, "Tamba sub-location" Kenya's: data/division_kinds.yaml).

Such a noun says the country of the name it goes with, whatever namesake the gazetteer knows
abroad ("the cercle of Kerou" is no division of a country far away named Kerou), and names that
country's division even when the name is unknown: the document's country evidence
(normalize.doc_country) weighs it as a division named with its noun.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from eventwire.datafiles import data_path, key_error, read_yaml_mapping
from eventwire.errors import DataFileError
from eventwire.extract.lexicon import fold
from eventwire.gazetteer import Gazetteer
from eventwire.lang.fold import literal_alternation

KINDS_FILE = "division_kinds.yaml"
HOME_FIRST = 1e-4  # below doc_country.TIE_BREAK: a capital still breaks a tie first
_ISO2 = re.compile(r"^[A-Z]{2}$")
# the name a noun goes with: a capitalized word, and up to two more
_NAME = r"[A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+){0,2}"


@cache
def load_division_kinds() -> dict[str, dict[str, tuple[str, ...]]]:
    """Return, per language, each folded noun with the ISO2 codes of the countries using it, in the
    file's order (its home first)."""
    path = data_path(KINDS_FILE)
    data = read_yaml_mapping(path)
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang, nouns in data.items():
        if not isinstance(nouns, dict) or not nouns:
            raise key_error(path, str(lang), "must map nouns to lists of ISO2 codes")
        out[str(lang)] = {}
        for noun, isos in nouns.items():
            if not isinstance(isos, list) or not isos or not all(isinstance(i, str) and _ISO2.match(i) for i in isos):
                raise key_error(path, str(noun), "must be a non-empty list of ISO2 codes (e.g. [ML])")
            out[str(lang)][fold(str(noun))] = tuple(dict.fromkeys(isos))
    if not out:
        raise DataFileError(f"{path}: no language")
    return out


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """Return the patterns of a kind noun ending a text before a name ("the cercle of "), opening
    one after a name (" Cercle") and of either form with its name (group 1 or 2: the noun)."""
    nouns = load_division_kinds().get(lang)
    if not nouns:
        return None
    words = literal_alternation(set(nouns)).replace(r"\ ", r"[\s-]")
    before = rf"\b(?i:({words}))\s+(?:(?i:of)\s+(?:the\s+)?|de\s+|d['’]\s*|du\s+)"
    after = rf"\s+(?i:({words}))\b"
    return (
        re.compile(before + "$"),
        re.compile("^" + after),
        re.compile(rf"{_NAME}{after}|{before}(?={_NAME})"),
    )


def _isos(noun: str, lang: str) -> tuple[str, ...]:
    kinds = load_division_kinds().get(lang, {})
    key = fold(noun)
    return kinds.get(key) or kinds.get(key.replace(" ", "-")) or kinds.get(key.replace("-", " ")) or ()


def kind_countries(text: str, start: int, end: int, lang: str) -> frozenset[str]:
    """Return the countries whose division noun goes with the name at text[start:end] ("the
    cercle of [Kerou]", "[Kerou] sub-county"), or an empty set."""
    patterns = _patterns(lang)
    if patterns is None:
        return frozenset()
    m = patterns[0].search(text[max(0, start - 30) : start]) or patterns[1].match(text[end : end + 30])
    return frozenset(_isos(m.group(1), lang)) if m else frozenset()


def kind_evidence(text: str, lang: str, gazetteer: Gazetteer, *, weight: float, repeat: float) -> Counter:
    """Return the weight per (country name, ISO2) of the division nouns of one or two countries the
    text writes with a name ("le cercle de Kerou"): `weight` shared among the noun's countries,
    `repeat` of it for each further mention of a noun."""
    patterns = _patterns(lang)
    counts: Counter = Counter()
    if patterns is None:
        return counts
    for seen, m in enumerate(patterns[2].finditer(text)):
        noun = m.group(1) or m.group(2)
        isos = _isos(noun, lang)
        for k, iso in enumerate(isos):
            name = gazetteer.country_name(iso)
            if name:
                # a noun of several countries: its home (listed first) a hair ahead, so a tie is
                # settled the same way every run (a set's order changes from run to run)
                home = HOME_FIRST if k == 0 and len(isos) > 1 else 0.0
                counts[(name, iso)] += weight * (repeat if seen else 1.0) / len(isos) + home  # type: ignore[assignment]
    return counts
