"""Validation of the sub-type example banks (eventwire/data/examples/*.yaml).

Each bank is a list of invented sentences labelled with an ACLED sub-event type (or "none"),
used to train the sub-type classifier. The checks: a header comment (source, licence), a
`version` key, known labels and languages, no duplicate sentence across the banks, and at least
MIN_PER_LABEL examples for every sub-event type that the banks present on this branch cover.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from eventwire.taxonomy import SUB_EVENT_TO_TYPE

DATA = Path(__file__).resolve().parents[2] / "eventwire" / "data"
EXAMPLES = DATA / "examples"
BANK_FILES = sorted(EXAMPLES.glob("*.yaml"))
LANGS = {"fr", "en"}
MIN_PER_LABEL = 40
# Battles and Explosions/Remote violence live in their own bank, written on another branch:
# their counts are only required where that file is present.
BATTLES_EXPLOSIONS_FILE = EXAMPLES / "subtypes_battles_explosions.yaml"
OPTIONAL_TYPES = {"Battles", "Explosions/Remote violence"}


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _line_of(path: Path, text: str) -> int:
    """Line number (1-based) of the first line of `path` holding `text`, 0 when not found."""
    needle = text[:40]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    return 0


def _entries():
    for path in BANK_FILES:
        for entry in _load(path).get("examples") or []:
            yield path, entry


def test_banks_exist():
    assert BANK_FILES, f"no example bank under {EXAMPLES}"


def test_taxonomy_sub_types_are_codebook_sub_types():
    """The rule file's sub-event types are the codebook's (the labels are checked against both)."""
    rules = _load(DATA / "taxonomy" / "acled.yaml")["rules"]
    unknown = {rule["sub_event_type"] for rule in rules} - set(SUB_EVENT_TO_TYPE)
    assert not unknown, f"acled.yaml names sub-event types outside the codebook: {sorted(unknown)}"


@pytest.mark.parametrize("path", BANK_FILES, ids=lambda p: p.name)
def test_header_and_version(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    assert header, f"{path.name}:1: the file must open with a header comment"
    joined = " ".join(header)
    assert "Source:" in joined, f"{path.name}: the header must name the source"
    assert "Licence" in joined or "License" in joined, f"{path.name}: the header must name the licence"
    data = _load(path)
    assert isinstance(data, dict) and "version" in data, f"{path.name}: missing `version` key"
    assert isinstance(data.get("examples"), list) and data["examples"], f"{path.name}: no `examples` list"


@pytest.mark.parametrize("path", BANK_FILES, ids=lambda p: p.name)
def test_entries_are_well_formed(path: Path):
    allowed = set(SUB_EVENT_TO_TYPE) | {"none"}
    problems = []
    for index, entry in enumerate(_load(path)["examples"]):
        text = entry.get("text") if isinstance(entry, dict) else None
        where = f"{path.name}:{_line_of(path, text) if isinstance(text, str) else '?'} (entry {index})"
        if not isinstance(entry, dict) or set(entry) != {"lang", "label", "text"}:
            problems.append(f"{where}: an entry has exactly the keys lang, label, text")
            continue
        if entry["label"] not in allowed:
            problems.append(f"{where}: unknown label {entry['label']!r}")
        if entry["lang"] not in LANGS:
            problems.append(f"{where}: lang must be one of {sorted(LANGS)}, not {entry['lang']!r}")
        if not isinstance(text, str) or len(text.split()) < 4:
            problems.append(f"{where}: text must be a sentence")
    assert not problems, "\n".join(problems)


def test_no_duplicate_texts():
    seen: dict[str, str] = {}
    duplicates = []
    for path, entry in _entries():
        key = " ".join(str(entry.get("text", "")).split()).casefold()
        where = f"{path.name}:{_line_of(path, entry.get('text', ''))}"
        if key in seen:
            duplicates.append(f"{where}: same text as {seen[key]}")
        else:
            seen[key] = where
    assert not duplicates, "\n".join(duplicates)


def test_enough_examples_per_sub_type():
    counts = Counter(entry.get("label") for _, entry in _entries())
    short = []
    for sub_type, event_type in SUB_EVENT_TO_TYPE.items():
        if event_type in OPTIONAL_TYPES and not BATTLES_EXPLOSIONS_FILE.exists():
            continue
        if counts[sub_type] < MIN_PER_LABEL:
            short.append(f"{sub_type}: {counts[sub_type]} < {MIN_PER_LABEL}")
    assert not short, "too few examples:\n" + "\n".join(short)


def test_both_languages_for_every_label():
    by_label: dict[str, set[str]] = {}
    for _, entry in _entries():
        by_label.setdefault(entry.get("label"), set()).add(entry.get("lang"))
    one_language = sorted(label for label, langs in by_label.items() if langs != LANGS)
    assert not one_language, f"labels with examples in one language only: {one_language}"
