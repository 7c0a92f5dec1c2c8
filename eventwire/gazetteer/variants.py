"""Variant keys of town names: one coarse key for the French and English transliterations of a
name ("Tinkerouatene", "Tin-Kerwatene": data/gazetteer/transliteration.yaml), written to the index
for the populated places and looked up only within one country (Gazetteer.variants)."""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

from eventwire.datafiles import check_known_keys, data_path, key_error, read_yaml_mapping

TRANSLITERATION_FILE = ("gazetteer", "transliteration.yaml")
TRANSLITERATION_VERSION = 1


def transliteration_path() -> Path:
    """Return the path of the transliteration data file (part of the index fingerprint)."""
    return data_path(*TRANSLITERATION_FILE)


@cache
def _rules() -> tuple[int, tuple[tuple[str | re.Pattern[str], str], ...]]:
    """Return the minimum length and the checked rewrites of the data file: a plain string
    where the pattern has no regex syntax (str.replace is ten times faster), else compiled."""
    path = transliteration_path()
    data = read_yaml_mapping(path)
    check_known_keys(path, data, {"version", "min_chars", "rewrites"})
    if data.get("version") != TRANSLITERATION_VERSION:
        raise key_error(path, "version", f"expected version {TRANSLITERATION_VERSION}")
    if not isinstance(data.get("min_chars"), int):
        raise key_error(path, "min_chars", "expected a number")
    rewrites = data.get("rewrites")
    if not isinstance(rewrites, list) or not all(
        isinstance(r, list) and len(r) == 2 and all(isinstance(s, str) for s in r) for r in rewrites
    ):
        raise key_error(path, "rewrites", "expected a list of [pattern, replacement] pairs")
    try:
        compiled = tuple((p if re.escape(p).replace("\\ ", " ") == p else re.compile(p), r) for p, r in rewrites)
    except re.error as e:
        raise key_error(path, "rewrites", f"bad pattern: {e}") from e
    return data["min_chars"], compiled


def variant_key(key: str) -> str:
    """Return the variant key of a name key ("tin kerouatene" and "tin kerwatene" both give
    "tinkeruaten"), or "" when it is too short to stand for one town."""
    min_chars, rewrites = _rules()
    for pattern, replacement in rewrites:
        key = key.replace(pattern, replacement) if isinstance(pattern, str) else pattern.sub(replacement, key)
    return key if len(key) >= min_chars else ""


def write_variants(con: sqlite3.Connection) -> None:
    """Fill the index's `variants` table: the variant key of every Latin-script name of a
    populated place (the rewrites are of Latin letters), with its country, from the `names` and
    `places` tables already written."""
    con.create_function("variant_key", 1, variant_key, deterministic=True)
    con.execute("CREATE TABLE variants (iso TEXT, key TEXT, place_id INTEGER)")
    con.execute(
        "INSERT INTO variants SELECT DISTINCT p.iso, variant_key(n.key) AS v, p.id FROM names n "
        "JOIN places p ON p.id = n.place_id WHERE p.feature = 'city' AND n.key NOT GLOB '*[^a-z ]*' AND v != ''"
    )
    con.execute("CREATE INDEX variants_key ON variants(iso, key)")
