"""The geoparser's data: word lists (data/geoparse/words.yaml), ranking weights
(data/geoparse/rank_weights.yaml) and the "language -> words" lists it shares with other stages
(building, feature, institution words), each loaded once and checked; errors name file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache

from eventwire.datafiles import (
    check_known_keys,
    data_path,
    key_error,
    read_language_lists,
    read_yaml_mapping,
)

WORDS_VERSION = 1
WEIGHTS_VERSION = 1


@dataclass(frozen=True)
class Compass:
    """Compass words: their bearing (None for the centre) and the English word written for them."""

    bearings: dict[str, float | None]
    english: dict[str, str]


@cache
def _words_file() -> dict:
    path = data_path("geoparse", "words.yaml")
    data = read_yaml_mapping(path)
    check_known_keys(path, data, {"version", "compass", "ngram_stop_words", "name_connectors", "name_particles"})
    if data.get("version") != WORDS_VERSION:
        raise key_error(path, "version", f"expected version {WORDS_VERSION}")
    compass = data.get("compass")
    if not isinstance(compass, dict) or not all(
        isinstance(v, list)
        and len(v) == 2
        and (v[0] is None or isinstance(v[0], int | float))
        and isinstance(v[1], str)
        for v in compass.values()
    ):
        raise key_error(path, "compass", "expected word -> [bearing or null, English word]")
    groups = data.get("ngram_stop_words")
    if not isinstance(groups, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in groups.values()
    ):
        raise key_error(path, "ngram_stop_words", "expected group -> list of words")
    for key in ("name_connectors", "name_particles"):
        words = data.get(key)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise key_error(path, key, "expected a list of words")
    if not set(data["name_particles"]) <= set(data["name_connectors"]):
        raise key_error(path, "name_particles", "every particle must also be a name connector")
    return data


@cache
def compass() -> Compass:
    """Return the compass words (data/geoparse/words.yaml, key compass)."""
    data = _words_file()["compass"]
    return Compass(
        bearings={str(w): v[0] for w, v in data.items()},
        english={str(w): v[1] for w, v in data.items() if v[1] != w},
    )


@cache
def ngram_stop_words() -> frozenset[str]:
    """Return the capitalized words that are never a missed place name (lower-cased)."""
    return frozenset(w.lower() for ws in _words_file()["ngram_stop_words"].values() for w in ws)


@cache
def name_connectors() -> frozenset[str]:
    """Return the lower-case words that may join the words of one place name."""
    return frozenset(_words_file()["name_connectors"])


@cache
def name_particles() -> frozenset[str]:
    """Return the name connectors that join one or two in a row ("de la", "do")."""
    return frozenset(_words_file()["name_particles"])


@cache
def words_pattern(file_name: str) -> re.Pattern[str]:
    """Return one case-insensitive pattern of the whole words of a "language -> list" data file,
    longest first."""
    data = read_language_lists(data_path(file_name))
    words = sorted({str(w).lower() for ws in data.values() for w in ws}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@cache
def words_set(file_name: str) -> frozenset[str]:
    """Return the lower-cased words of a "language -> list" data file."""
    data = read_language_lists(data_path(file_name))
    return frozenset(str(w).lower() for words in data.values() for w in words)


def building_re() -> re.Pattern[str]:
    """Return the pattern of the words that make a name a street, building or site rather than a
    settlement (data/building_words.yaml): such a name is never cut down to a town inside it
    ("Royal Street" is not Royal, Texas)."""
    return words_pattern("building_words.yaml")


def feature_word_re() -> re.Pattern[str]:
    """Return the pattern of the words that make a name a locality or natural feature of its own,
    never the bigger place it is named after (data/feature_words.yaml)."""
    return words_pattern("feature_words.yaml")


@dataclass(frozen=True)
class Weights:
    """The ranking weights of data/geoparse/rank_weights.yaml (see the comments there)."""

    primary: float
    feature: dict[str, float]
    other_feature: float
    supplement: float
    capital: float
    country_hint: float
    context_country: float
    context_neighbour: float
    dominant: float
    foreign: float
    demonym_context: float
    foreign_area: float
    context_admin1: float
    admin1_share_full: float
    dominant_admin1: float
    context_admin2: float
    near: float
    near_full_km: float
    near_zero_km: float
    anchor_max_population: int
    anchor_margin: float
    pair: float
    feature_hint: float
    population: float
    fame: float
    fame_from: int
    fame_ratio: int
    area_population_damping: float


@cache
def weights() -> Weights:
    """Return the checked ranking weights: every key present, each a number (feature: a mapping
    of feature -> number)."""
    path = data_path("geoparse", "rank_weights.yaml")
    data = read_yaml_mapping(path)
    names = [f.name for f in fields(Weights)]
    check_known_keys(path, data, {"version", *names})
    if data.get("version") != WEIGHTS_VERSION:
        raise key_error(path, "version", f"expected version {WEIGHTS_VERSION}")
    for name in names:
        value = data.get(name)
        if name == "feature":
            ok = isinstance(value, dict) and all(isinstance(v, int | float) for v in value.values())
        else:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok:
            raise key_error(path, name, "missing or not a number")
    return Weights(**{name: data[name] for name in names})
