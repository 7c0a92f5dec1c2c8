"""Helpers shared by the loaders of the data files under eventwire/data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import yaml

from eventwire.errors import DataFileError


def data_path(*parts: str) -> Path:
    """Return the path of a packaged data file, e.g. data_path("triggers", "fr.yaml")."""
    return Path(str(resources.files("eventwire"))).joinpath("data", *parts)


def language_file(folder: str, lang: str, *, optional: bool = False) -> Path | None:
    """Return data/<folder>/<lang>.yaml. A missing file raises DataFileError, or, with
    `optional` and the folder present, gives None (a language without such a list)."""
    path = data_path(folder, f"{lang}.yaml")
    if path.is_file():
        return path
    if optional and path.parent.is_dir():
        return None
    raise DataFileError(f"{path}: no {folder} file for language {lang!r}")


def string_list(path: Path, key: str, value: object) -> tuple[str, ...]:
    """Return `value` as a tuple of non-empty strings, or raise DataFileError naming the key's
    line; None (a key left empty) is an empty list."""
    value = value or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise key_error(path, key, "must be a list of non-empty strings")
    return tuple(value)


def read_yaml_mapping(path: Path) -> dict:
    """Return the top-level mapping of a YAML data file; raise DataFileError naming file (and
    line, for a syntax error) when it is missing, invalid or not a mapping."""
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError as e:
        raise DataFileError(f"{path}: data file missing") from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DataFileError(f"{where}: invalid YAML ({getattr(e, 'problem', e)})") from e
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a mapping at the top level")
    return data


def key_error(path: Path, key: str, message: str) -> DataFileError:
    """Return the DataFileError for a bad `key` of a data file, naming file and line."""
    return DataFileError(f"{path}:{key_line(path, key)}: {key}: {message}")


def check_known_keys(path: Path, data: dict, known) -> None:
    """Raise a DataFileError naming the first top-level key of `data` that is not in `known`."""
    for key in data:
        if key not in known:
            raise key_error(path, str(key), f"unknown key (expected one of {sorted(known)})")


def key_line(path: Path, key: str) -> int:
    """Return the 1-based line where `key` is defined or first listed in `path` (0: not found),
    so a loader's error names file and line."""
    needle = re.compile(rf"^\s*['\"]?{re.escape(key)}['\"]?\s*:")
    lines = path.read_text(encoding="utf-8").splitlines()
    for lineno, line in enumerate(lines, 1):
        if needle.search(line):
            return lineno
    for lineno, line in enumerate(lines, 1):
        if key in line and not line.lstrip().startswith("#"):
            return lineno
    return 0


def read_language_lists(path: Path, *, what: str = "words") -> dict[str, list]:
    """Return a data file that maps each language to a list (not_places.yaml,
    capital_phrases.yaml); raise DataFileError when it is not one."""
    data = read_yaml_mapping(path)
    if not all(isinstance(v, list) for v in data.values()):
        raise DataFileError(f"{path}: expected a mapping of language -> list of {what}")
    return data


def line_error(path: Path, lineno: int, message: str) -> DataFileError:
    """Return the DataFileError for line `lineno` of a data file."""
    return DataFileError(f"{path}:{lineno}: {message}")


def tsv_rows(path: Path, columns: tuple[str, ...], *, prefix: bool = False) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, stripped cells) for each data row of a tab-separated data file.

    Blank lines and lines starting with "#" are skipped; the first other line is the header and
    must be `columns` (or start with them, with `prefix`), else DataFileError naming the line.
    """
    header_seen = False
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if not header_seen:
            if tuple(cells[: len(columns)] if prefix else cells) != columns:
                raise line_error(path, lineno, f"expected the header {'<TAB>'.join(columns)}")
            header_seen = True
            continue
        yield lineno, cells
