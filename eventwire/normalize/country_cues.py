"""Words of one country's institutions, administration or daily life as weak evidence of where
a story is (data/country_cues.yaml).

A report that names only a village no gazetteer knows still tells a reader its country by its
words: "an MCA" is a Kenyan Member of County Assembly, "a boda boda rider" rides in Kenya, Uganda
or Tanzania, "le préfet du cercle" serves in Mali; so does the name of a national institution that names
no place ("students of Kerou Memorial University": data/named_institutions.yaml). Each cue the text uses weighs W_CUE, shared
among its countries (its home a hair ahead); a cue used again adds nothing. The document's country
evidence (normalize.doc_country) counts it with the actors and nationality adjectives, so it
decides only when no place names a country, and below an actor of another country's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from eventwire.datafiles import data_path, key_error, read_yaml_mapping
from eventwire.errors import DataFileError
from eventwire.gazetteer import Gazetteer
from eventwire.normalize.span_cover import SpanCover

CUES_FILE = "country_cues.yaml"
INSTITUTIONS_FILE = "named_institutions.yaml"
ALL_LANGUAGES = "all"
W_CUE = 0.4  # below a domestic actor's 0.5: a named group outweighs one word of daily life
HOME_FIRST = 1e-3  # a cue shared by several countries: its home (listed first) wins a tie
_ISO2 = re.compile(r"^[A-Z]{2}$")
_LANG = re.compile(r"^[a-z]{2}$")


def cue_key(words: str) -> str:
    """Return the key of a cue or of the words matching it: dashes made spaces, spaces single,
    lower case unless the cue has a capital ("MCA" keeps its case)."""
    key = " ".join(words.replace("-", " ").split())
    return key if key != key.lower() else key.lower()


@cache
def load_country_cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """Return, per language ("all": every one), each cue's key with the ISO2 codes of its
    countries, its home first (data/country_cues.yaml), and the names of national institutions
    that name no place ("Kerou Memorial University": data/named_institutions.yaml) as cues too."""
    out = parse_country_cues(data_path(CUES_FILE))
    for lang, names in parse_country_cues(data_path(INSTITUTIONS_FILE)).items():
        out[lang] = {**out.get(lang, {}), **names}
    return out


def parse_country_cues(path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """Return `load_country_cues`'s table from a file; raise DataFileError naming the line of a
    bad entry."""
    data = read_yaml_mapping(path)
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang, cues in data.items():
        if not (str(lang) == ALL_LANGUAGES or _LANG.match(str(lang))) or not isinstance(cues, dict) or not cues:
            raise key_error(path, str(lang), "must be a language code or 'all' mapping cues to ISO2 codes")
        table: dict[str, tuple[str, ...]] = {}
        for cue, isos in cues.items():
            if not isinstance(cue, str) or not cue.strip():
                raise key_error(path, str(cue), "a cue must be a non-empty string")
            if not isinstance(isos, list) or not isos or not all(isinstance(i, str) and _ISO2.match(i) for i in isos):
                raise key_error(path, cue, "must be a non-empty list of ISO2 codes (e.g. [KE, UG])")
            if len(set(isos)) != len(isos):
                raise key_error(path, cue, "lists a country twice")
            table[cue_key(cue)] = tuple(isos)
        out[str(lang)] = table
    if not out:
        raise DataFileError(f"{path}: no language")
    return out


@cache
def _cues(lang: str) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, ...]]]:
    """Return the pattern of the cues of a language (those of "all" with them) as whole words,
    a final "s" allowed, and their countries by key."""
    data = load_country_cues()
    table = {**data.get(ALL_LANGUAGES, {}), **data.get(lang, {})}
    if not table:
        return None, table

    def alternation(cues: Iterable[str]) -> str:
        return "|".join(re.escape(c).replace(r"\ ", r"[\s-]+") for c in sorted(cues, key=len, reverse=True))

    exact = [c for c in table if c != c.lower()]
    loose = [c for c in table if c == c.lower()]
    parts = [f"(?:{alternation(exact)})" if exact else "", f"(?i:{alternation(loose)})" if loose else ""]
    return re.compile(rf"(?<!\w)(?:{'|'.join(p for p in parts if p)})s?(?!\w)"), table


def cue_evidence(text: str, *, lang: str, gazetteer: Gazetteer, taken: Iterable[tuple[int, int]] = ()) -> Counter:
    """Return the weight per (country name, ISO2) of the country cues the text uses outside the
    spans `taken` (a place or an actor already counted there): W_CUE per cue, once."""
    pattern, table = _cues(lang)
    counts: Counter = Counter()
    if pattern is None:
        return counts
    covered = SpanCover(taken)
    seen: set[str] = set()
    for m in pattern.finditer(text):
        if m.start() in covered:
            continue
        words = " ".join(m.group().replace("-", " ").split())
        # "Matatus": a cue in lower case read in any case, a final "s" the plural's
        key = next((k for k in (words, words.lower(), words[:-1], words[:-1].lower()) if k in table), None)
        if key is None or key in seen:
            continue
        seen.add(key)
        isos = table[key]
        for k, iso in enumerate(isos):
            name = gazetteer.country_name(iso)
            if name:
                # Counter takes float weights; typeshed types its counts as int
                counts[(name, iso)] += W_CUE / len(isos) + (HOME_FIRST if k == 0 and len(isos) > 1 else 0.0)  # type: ignore[assignment]
    return counts
