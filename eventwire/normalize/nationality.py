"""State forces named by a nationality and a force noun: "Ukrainian forces", "l'armée soudanaise".

The nouns are in data/actor_nationality.yaml; the nationality is any demonym the gazetteer knows
(so every country is covered, not only those with rows in actors.tsv). actors.py turns a match
into the country's "Military Forces of …", "Police Forces of …" or "Government of …" name with
the period of the government in office.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import (
    check_known_keys,
    data_path,
    key_error,
    read_yaml_mapping,
    string_list,
)
from eventwire.lang.fold import phrase_pattern

NATIONALITY_FILE = data_path("actor_nationality.yaml")
KINDS = ("military", "police", "government")
_WORD = r"[^\W\d_][\w'’-]*"


@dataclass(frozen=True)
class ForceNouns:
    """One language's force nouns: where the nationality goes and the nouns of each kind."""

    order: str  # "before" ("Ukrainian army") or "after" ("armée ukrainienne")
    kinds: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class NationalForce:
    """A nationality + force noun found in a text (offsets into the folded text)."""

    start: int
    end: int
    kind: str  # one of KINDS
    demonym: str


def parse_force_nouns(path: Path) -> dict[str, ForceNouns]:
    """Return language → ForceNouns; raise DataFileError naming file and line when malformed."""
    raw = read_yaml_mapping(path)
    out: dict[str, ForceNouns] = {}
    for lang, spec in raw.items():
        if not isinstance(spec, dict):
            raise key_error(path, str(lang), "must map order and kinds")
        check_known_keys(path, spec, {"order", *KINDS})
        if spec.get("order") not in ("before", "after"):
            raise key_error(path, "order", "must be before or after")
        kinds: dict[str, tuple[str, ...]] = {}
        for kind in KINDS:
            nouns = string_list(path, kind, spec.get(kind))
            kinds[kind] = tuple(nouns)
        out[str(lang)] = ForceNouns(spec["order"], kinds)
    return out


@lru_cache(maxsize=4)
def load_force_nouns(path: str | None = None) -> dict[str, ForceNouns]:
    """Return the packaged force nouns (or those at `path`), validated, loaded once."""
    return parse_force_nouns(Path(path) if path else NATIONALITY_FILE)


@lru_cache(maxsize=8)
def _pattern(lang: str) -> re.Pattern[str] | None:
    nouns = load_force_nouns().get(lang)
    if nouns is None:
        return None
    groups = "|".join(f"(?P<{k}>{phrase_pattern(v)})" for k, v in nouns.kinds.items() if v)
    # a nationality of one or two words; "pro-Russian forces", "Russian-backed forces" are not
    # that country's forces, hence no dash on either side of the nationality
    # (one word first: "afghan | national police", "by ukrainian | forces" only when needed)
    dem = rf"(?P<dem>(?:{_WORD}\s+)??{_WORD})"
    if nouns.order == "before":
        body = rf"(?<![\w-]){dem}\s+(?:{groups})(?![\w-])"
    else:
        body = rf"(?<![\w-])(?:{groups})\s+{dem}(?![\w-])"
    return re.compile(body)


def find_national_forces(
    folded: str, lang: str, demonym_country: Callable[[str], str | None]
) -> list[tuple[NationalForce, str]]:
    """Return (match, ISO2 country) for each nationality + force noun in a folded text.

    `demonym_country(word)` gives the ISO2 code a demonym names, or None. A two-word nationality
    ("south sudanese") is tried before its word next to the noun; a French plural ("forces
    ukrainiennes") also as its singular.
    """
    pattern = _pattern(lang)
    if pattern is None:
        return []
    order = load_force_nouns()[lang].order
    out: list[tuple[NationalForce, str]] = []
    for m in pattern.finditer(folded):
        words = m.group("dem").split()
        tries = [" ".join(words)]
        if len(words) == 2:
            tries.append(words[-1] if order == "before" else words[0])
        kind = next(k for k in KINDS if m.groupdict().get(k))
        for word in tries:
            iso = demonym_country(word) or (demonym_country(word[:-1]) if word.endswith("s") else None)
            if not iso:
                continue
            if order == "before":
                start = m.start("dem") + m.group("dem").rindex(word) if word != m.group("dem") else m.start("dem")
                end = m.end()
            else:
                start = m.start()
                end = m.start("dem") + len(word)
            out.append((NationalForce(start, end, kind, word), iso))
            break
    return out
