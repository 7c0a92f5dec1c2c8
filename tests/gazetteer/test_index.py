"""Gazetteer index: build offline into a temporary cache, name keys, supplement validation."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.gazetteer import (
    build_gazetteer_index,
    default_index_path,
    load_gazetteer,
    load_places_supplement,
    name_key,
)
from tests.gazetteer.test_key_hashes import _recording


def test_name_key_joins_transliterations():
    assert name_key("Aïn al-Assad") == name_key("Ain al-Asad") == name_key("Ain al Asad")
    assert name_key("base d'Aïn al-Assad").endswith(name_key("Ain al-Asad"))
    assert name_key("U.S.") == name_key("US")


def test_default_index_path_follows_eventwire_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    path = default_index_path()
    assert path.parent == tmp_path and path.suffix == ".sqlite" and "gazetteer-v" in path.name


def test_build_gazetteer_index_works_offline(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    path = build_gazetteer_index(default_index_path())
    assert path.exists() and not list(tmp_path.glob("*.tmp"))
    gazetteer = load_gazetteer(path)
    found = gazetteer.candidates("Bagdad", country="IQ")
    assert any(c.feature == "city" and c.admin1 == "Baghdad" for c in found)
    load_gazetteer.cache_clear()


def test_load_places_supplement_has_bases_and_exonyms():
    entries = {e.name: e for e in load_places_supplement()}
    assert "Aïn al-Assad" in entries["Ain al-Asad Air Base"].aliases
    assert entries["Ain al-Asad Air Base"].admin1 == "Al Anbar"
    assert "Irak" in entries["Iraq"].aliases


def test_load_places_supplement_names_file_and_line(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "# header comment\n"
        "name\taliases\tfeature\tcountry\tadmin1\tcode\tlat\tlon\tgeo_precision\n"
        "Somewhere\t\tcamp\tIQ\t\t\tnorth\t42\t1\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"bad.tsv:3"):
        load_places_supplement(bad)


def test_a_supplement_row_with_an_unknown_feature_names_its_line(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "name\taliases\tfeature\tcountry\tadmin1\tcode\tlat\tlon\tgeo_precision\n"
        "Kerou Market\t\tmarket\tML\t\t\t14.1\t-3.2\t1\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"bad.tsv:2: unknown feature 'market'"):
        load_places_supplement(bad)


def test_a_name_is_found_with_or_without_its_spaces():
    gazetteer = load_gazetteer()
    joined = {(c.name, c.iso) for c in gazetteer.candidates("Guidanroumdji")}
    assert ("Guidan Roumdji", "NE") in joined  # GeoNames writes it in two words
    # the exact spelling still comes first: no joined-key lookup when the name is known as written
    assert {c.iso for c in gazetteer.candidates("Bagdad")} >= {"IQ"}


def test_wide_areas_are_placed_at_their_geographic_centre_and_counties_have_short_names():
    from eventwire.gazetteer.shapes import hull_centre as _hull_centre

    # towns crowded in the south of a wide area, a few far north: the hull's centre, not the crowd's
    towns = [(43.0 + i * 0.01, -80.0 + i * 0.01, 1000) for i in range(200)]
    towns += [(44.0 + k, -85.0, 300) for k in range(13)]  # a thin chain of towns up to 56° N
    towns += [(50.0, -85.0 - k, 300) for k in range(10)]  # and one west to 95° W
    lat, _ = _hull_centre(towns)
    assert 47.0 < lat < 52.0
    gazetteer = load_gazetteer()
    ontario = next(c for c in gazetteer.candidates("Ontario") if c.feature == "admin1")
    assert ontario.centre_latitude > 47.0  # Sudbury-ish population centre would be ~46
    # "Oxford" is also Oxford County, Ontario (a county's name without "County")
    assert any(
        c.feature == "admin2" and c.iso == "CA" and c.admin1 == "Ontario" for c in gazetteer.candidates("Oxford")
    )


def test_the_index_knows_an_airfield_town_and_a_district_without_its_noun(gazetteer):
    airfield = [c for c in gazetteer.candidates("Amanab") if c.source == "airportsdata" and c.feature == "city"]
    assert [(c.iso, c.geo_precision, c.population) for c in airfield] == [("PG", 1, 0)]
    assert any(c.feature == "admin2" and c.iso == "GH" for c in gazetteer.candidates("Kwabre"))


def test_a_name_written_with_its_arabic_article_joined_is_found(gazetteer):
    # "Alqaim" for "Al Qaim", "Alfashir" for "El Fasher": the article written joined to the name
    assert {c.iso for c in gazetteer.candidates("Alqaim")} == {"IQ"}
    assert "SD" in {c.iso for c in gazetteer.candidates("Alfashir")}
    assert gazetteer.candidates("Alzzzq") == []


def test_a_supplement_constituency_is_a_division_unless_a_town_nearby_bears_its_name(gazetteer):
    # a constituency no installed gazetteer holds: a second-level division of its county
    found = [c for c in gazetteer.candidates("Kitutu Chache North") if c.iso == "KE"]
    assert [(c.feature, c.admin1, c.admin2, c.source) for c in found] == [
        ("admin2", "Kisii", "Kitutu Chache North", "supplement")
    ]
    # named like the town at its centre: not added twice, its former name goes to the town
    assert not any(c.feature == "admin2" and c.source == "supplement" for c in gazetteer.candidates("Kilgoris"))
    assert [c.name for c in gazetteer.candidates("Transmara West") if c.iso == "KE"] == ["Kilgoris"]


def test_the_tables_scanned_on_first_use_are_read_by_load_tables(gazetteer):
    # a worker's warm-up reads them, so no scan falls on its first documents
    from eventwire.gazetteer.query import Gazetteer

    fresh = Gazetteer(gazetteer.path)
    fresh.load_tables()
    queries: list[str] = []
    _recording(fresh, queries)
    assert fresh.admin1_areas("ML")
    assert fresh.capital("ML") is not None
    assert fresh.major_names()
    assert not [q for q in queries if "feature = 'admin1'" in q or "capital = 1" in q or "primary_name = 1" in q]
