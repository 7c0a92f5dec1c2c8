"""Names the index build adds beyond GeoNames' towns (eventwire/gazetteer/extra.py)."""

from __future__ import annotations

from eventwire.gazetteer.extra import TownGrid, airfield_towns, division_short_names


def test_division_short_names_drop_the_generic_noun_before_or_after():
    assert division_short_names(["Kerou District", "Cercle de Tamba", "District of Bera"]) == [
        "Kerou",
        "Tamba",
        "Bera",
    ]
    assert division_short_names(["Ab District", "Kerou"]) == []  # too short once cut; no noun


def _row(
    city: str, *, country: str = "ML", lat: str = "14.5", lon: str = "-4.2", subd: str = "Mopti"
) -> dict[str, str]:
    return {"city": city, "country": country, "lat": lat, "lon": lon, "subd": subd}


def test_airfield_towns_yield_the_towns_the_gazetteer_lacks_once():
    rows = [
        _row("Kerou"),
        _row("Kerou"),
        _row("Tamba / Port Tamba"),
        _row("Bera"),
        _row("Adi National Park"),
        _row("Strip 59A"),
        _row(""),
        _row("Sola", lat=""),
    ]
    towns = list(airfield_towns(rows, known=lambda iso, name: name == "Bera"))
    assert [(t.name, t.iso, t.subdivision) for t in towns] == [
        ("Kerou", "ML", "Mopti"),
        ("Tamba", "ML", "Mopti"),
        ("Port Tamba", "ML", "Mopti"),
    ]


def test_town_grid_gives_the_divisions_of_the_nearest_town_of_the_same_country():
    grid = TownGrid(
        [
            ("ML", "Mopti", "Douentza", 15.00, -2.95),
            ("BF", "Sahel", None, 14.95, -2.90),
            ("ML", "Gao", None, 16.3, -0.05),
        ]
    )
    assert grid.divisions("ML", 15.05, -2.90) == ("Mopti", "Douentza")
    assert grid.divisions("ML", 12.0, -8.0) == (None, None)  # no town within NEAREST_ADMIN_MAX_KM
