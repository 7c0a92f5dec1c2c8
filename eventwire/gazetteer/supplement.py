"""The hand-checked place supplement (data/places_supplement.tsv), read and validated: bases,
camps, world regions and seas, ACLED spellings, French exonyms, demonyms, postal abbreviations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventwire.datafiles import data_path
from eventwire.errors import DataFileError
from eventwire.models import PLACE_FEATURES

SUPPLEMENT_COLUMNS = (
    "name",
    "aliases",
    "feature",
    "country",
    "admin1",
    "code",
    "lat",
    "lon",
    "geo_precision",
)
# Rows that are not places: a nationality adjective, an abbreviation of a division.
ROW_KINDS = frozenset({"demonym", "abbreviation"})
MERGE_FEATURES = frozenset({"country", "admin1"}) | ROW_KINDS
MULTINATIONAL = "ZZ"  # supplement country code of regions spanning several countries


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
                    raise DataFileError(f"{path}:{line_no}: header must be {' '.join(SUPPLEMENT_COLUMNS)} (tabs)")
                header_seen = True
                continue
            if len(cols) != len(SUPPLEMENT_COLUMNS):
                raise DataFileError(
                    f"{path}:{line_no}: expected {len(SUPPLEMENT_COLUMNS)} tab-separated columns, got {len(cols)}"
                )
            name, aliases, feature, country, admin1, code, lat, lon, prec = (c.strip() for c in cols)
            targeted = feature == "demonym" and code and not country
            if not name or not feature or (not targeted and (len(country) != 2 or not country.isupper())):
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
            if feature not in PLACE_FEATURES | ROW_KINDS:
                raise DataFileError(
                    f"{path}:{line_no}: unknown feature {feature!r} (one of "
                    f"{', '.join(sorted(PLACE_FEATURES | ROW_KINDS))})"
                )
            if feature == "abbreviation" and not admin1:
                raise DataFileError(f"{path}:{line_no}: abbreviation rows need the admin1 they abbreviate")
            if feature == "admin1" and not (code and code.startswith(country + ".")):
                raise DataFileError(f"{path}:{line_no}: admin1 rows need a GeoNames code like IQ.18")
            if feature not in MERGE_FEATURES and (
                entry.lat is None or entry.lon is None or entry.geo_precision not in (1, 2, 3)
            ):
                raise DataFileError(f"{path}:{line_no}: {feature} rows need lat, lon and geo_precision 1-3")
            entries.append(entry)
    if not header_seen:
        raise DataFileError(f"{path}:1: missing header line")
    return tuple(entries)
