"""The words the index build and the name keys treat as regularities of place names
(data/gazetteer/name_words.yaml), loaded once and checked: every key known, every value a list of
words (or, for the abbreviations, a mapping of word -> word); errors name file and line."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from eventwire.datafiles import check_known_keys, data_path, key_error, read_yaml_mapping

NAME_WORDS_FILE = ("gazetteer", "name_words.yaml")
NAME_WORDS_VERSION = 1
_LISTS = (
    "key_articles_hyphen",
    "key_articles_space",
    "key_elisions",
    "division_generic_words",
    "division_generic_joiners",
    "display_generic_suffixes",
    "air_base_words",
    "not_a_town_words",
)
_KNOWN = frozenset({"version", "key_abbreviations", "county_word", *_LISTS})


def name_words_path() -> Path:
    """Return the path of the name-words data file (part of the index fingerprint)."""
    return data_path(*NAME_WORDS_FILE)


@cache
def name_words() -> dict:
    """Return the checked contents of data/gazetteer/name_words.yaml."""
    path = name_words_path()
    data = read_yaml_mapping(path)
    check_known_keys(path, data, _KNOWN)
    if data.get("version") != NAME_WORDS_VERSION:
        raise key_error(path, "version", f"expected version {NAME_WORDS_VERSION}")
    for key in _LISTS:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise key_error(path, key, "expected a list of words")
    abbreviations = data.get("key_abbreviations")
    if not isinstance(abbreviations, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in abbreviations.items()
    ):
        raise key_error(path, "key_abbreviations", "expected a mapping of word -> word")
    if not isinstance(data.get("county_word"), str):
        raise key_error(path, "county_word", "expected one word")
    return data


def alternation(key: str) -> str:
    """Return the words of list `key` as a regex alternation, in the file's order."""
    return "|".join(re.escape(w) for w in name_words()[key])
