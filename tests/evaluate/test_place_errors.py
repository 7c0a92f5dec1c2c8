"""The too-far place diagnostic (benchmarks/place_errors.py) classes a predicted place and its
provenance from output columns alone (invented places)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "place_errors.py"
spec = importlib.util.spec_from_file_location("place_errors", SCRIPT)
assert spec is not None and spec.loader is not None
place_errors = importlib.util.module_from_spec(spec)
spec.loader.exec_module(place_errors)


def _event(location: str, reason: str | None = None, method: str = "gazetteer:ner", **cols: object) -> dict:
    loc = {"method": method, "reason": reason}
    return {"location": location, "country": "Kerouvia", "geo_precision": 2, "provenance": {"location": loc}, **cols}


def test_place_class_tells_divisions_capital_and_towns_apart():
    assert place_errors.place_class(_event("Tamba", admin1="Tamba")) == "admin1"
    assert place_errors.place_class(_event("Lolo", admin1="Tamba", admin2="Lolo")) == "admin2"
    assert place_errors.place_class(_event("Kerouvia")) == "country"
    capital = _event("Kerou City", "only the country is named: coded to its capital, Kerou City (geo_precision 3)")
    assert place_errors.place_class(capital) == "capital"
    assert place_errors.place_class(_event("Zanto", admin1="Tamba")) == "town(gp2)"


def test_provenance_names_the_anchor_of_an_unknown_village():
    village = _event(
        "Zanto",
        "Zanto is not in the gazetteer: coded near Lolo (geo_precision 2)",
        "gazetteer:nearest_known_place",
        admin1="Tamba",
        admin2="Lolo",
    )
    assert place_errors.provenance(village) == "gazetteer:nearest_known_place@admin2"
    dateline = _event("Kerou City", "dateline: where the dispatch was filed, not necessarily the event place")
    assert place_errors.provenance(dateline) == "gazetteer:ner+dateline"


def test_distance_buckets():
    assert [place_errors.bucket(km) for km in (None, 30.0, 100.0, 500.0, 2000.0)] == [
        "no_coords",
        "25-75",
        "75-250",
        "250-1000",
        ">1000",
    ]
