"""Small per-language word lists the stages read (data/words/<lang>.yaml).

Each key is one list of words or phrases with one use, declared in `WORD_LISTS` with what it
is for; a file is validated as it loads (unknown keys, lists that are not lists of non-empty
strings raise a DataFileError naming file and line). Words are kept as written; callers fold
them as their comparison needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import check_known_keys, language_file, read_yaml_mapping, string_list

# key → what the list is for (the data files' comments give examples)
WORD_LISTS = {
    "defensive_lemmas": "verbs whose subject defends against the incident (actor2, not actor1)",
    "place_head_nouns": "nouns a place name may modify and still be a location ('Tazor County')",
    "inhabitant_nouns": "nouns of a place's people written after its name ('Kerou residents')",
    "village_nouns": "nouns that call a place a village ('Kerou village', 'le village de Kerou')",
    "deployment_cues": "word beginnings saying a state's forces serve abroad ('peacekeep', 'deployed')",
    "locatives": "prepositions right before a place name that keep it a location",
    "army_nouns": "the noun for a country's army, first one used ('armée', 'army')",
    "blame_cues": "word beginnings that blame a group named right after them ('présumés', 'claimed by')",
    "party_openers": "words after a fight's noun that open its two sides ('clashes between X and Y')",
    "party_joiners": "words that join the two sides of a fight ('X and Y', 'X et Y')",
    "party_enders": "words that end a fight's side ('between X and Y in Kerou', 'over land')",
    "list_followers": "words that may follow the last place of a list ('Kerou et Tamba près de Gao')",
    "list_gap_words": "words between a coordinator and the repeated locative of a next place ('et l'autre à')",
    "office_titles": "titles of an office named with its place ('the Kerou Governor', 'le maire de Kerou')",
    "group_nouns": "nouns after listed names that make them peoples or groups, not places ('the Kerou and Tamba clans')",
    "origin_cues": "words before 'from'/'de' naming where people came from ('venus de Kerou', 'coming from Kerou')",
    "issued_in_cues": "words before 'in'/'à' naming where a statement was issued ('un communiqué publié à Kerou')",
    "journey_cues": "words before 'from'/'de' naming where a journey set out ('a bus travelling from Kerou to Tamba')",
}


@dataclass(frozen=True)
class WordLists:
    """The word lists of one language."""

    language: str
    lists: dict[str, tuple[str, ...]]

    def get(self, key: str) -> tuple[str, ...]:
        """Return the list `key` (empty when the language has none)."""
        if key not in WORD_LISTS:
            raise KeyError(f"{key!r} is not a word list (known: {sorted(WORD_LISTS)})")
        return self.lists.get(key, ())


def parse_word_lists(path: Path) -> WordLists:
    """Return the validated word lists in `path`; raise DataFileError naming file and line."""
    raw = read_yaml_mapping(path)
    check_known_keys(path, raw, {"language", *WORD_LISTS})
    lists: dict[str, tuple[str, ...]] = {}
    for key in WORD_LISTS:
        lists[key] = string_list(path, key, raw.get(key))
    return WordLists(language=str(raw.get("language", path.stem)), lists=lists)


@lru_cache(maxsize=8)
def load_word_lists(lang: str) -> WordLists:
    """Return the packaged word lists of `lang` ("fr" or "en"), loaded once; a language without
    a file has empty lists."""
    path = language_file("words", lang, optional=True)
    return WordLists(language=lang, lists={}) if path is None else parse_word_lists(path)
