"""Ethnic militias named by a people and a militia noun: "Fulani militias", "milices peules".

ACLED names such a militia "<People> Ethnic Militia (<country>)" after the country where it acts,
so one list of peoples (data/ethnic_militias.yaml) covers every country; actors.py keeps a longer
or equal alias of actors.tsv over a match here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import check_known_keys, data_path, key_error, read_yaml_mapping
from eventwire.lang.fold import fold, phrase_pattern

ETHNIC_MILITIAS_FILE = data_path("ethnic_militias.yaml")
ETHNIC_MILITIA_NAME = "{people} Ethnic Militia ({country})"


@dataclass(frozen=True)
class EthnicMilitia:
    """A people + militia noun found in a folded text (offsets into that text)."""

    start: int
    end: int
    people: str  # as ACLED writes it ("Fulani")


@dataclass(frozen=True)
class EthnicMilitiaWords:
    """The validated file: folded form → people, and one matcher for either word order."""

    people_by_form: dict[str, str]
    pattern: re.Pattern[str]
    party_nouns: frozenset[str] = frozenset()  # folded: "communities", "groups"
    clan_nouns: frozenset[str] = frozenset()  # folded: "clan", "clans"


def _strings(path: Path, key: str, value: object) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise key_error(path, key, "must be a non-empty list of non-empty strings")
    return value


@lru_cache(maxsize=4)
def load_ethnic_militias(path: str | None = None) -> EthnicMilitiaWords:
    """Return the peoples and militia nouns of data/ethnic_militias.yaml (validated, loaded once)."""
    file = Path(path) if path else ETHNIC_MILITIAS_FILE
    spec = read_yaml_mapping(file)
    check_known_keys(file, spec, {"version", "nouns", "peoples", "party_nouns", "clan_nouns"})
    nouns = _strings(file, "nouns", spec.get("nouns"))
    peoples = spec.get("peoples")
    if not isinstance(peoples, dict) or not peoples:
        raise key_error(file, "peoples", "must map each people's name to its forms")
    by_form: dict[str, str] = {}
    for people, forms in peoples.items():
        for form in _strings(file, str(people), forms):
            by_form[" ".join(fold(form).split())] = str(people)
    noun, who = phrase_pattern(nouns), phrase_pattern(list(by_form))
    return EthnicMilitiaWords(
        people_by_form=by_form,
        # "Tiv militiamen", "les milices peules"
        pattern=re.compile(rf"(?<![\w-])(?:(?P<before>{who})\s+(?:{noun})|(?:{noun})\s+(?P<after>{who}))(?![\w-])"),
        party_nouns=frozenset(fold(w) for w in _strings(file, "party_nouns", spec.get("party_nouns"))),
        clan_nouns=frozenset(fold(w) for w in _strings(file, "clan_nouns", spec.get("clan_nouns"))),
    )


def find_ethnic_militias(folded: str, words: EthnicMilitiaWords | None = None) -> list[EthnicMilitia]:
    """Return the ethnic militias named in a folded text, in text order."""
    words = words or load_ethnic_militias()
    out = []
    for m in words.pattern.finditer(folded):
        form = " ".join((m.group("before") or m.group("after")).split())
        out.append(EthnicMilitia(m.start(), m.end(), words.people_by_form[form]))
    return out
