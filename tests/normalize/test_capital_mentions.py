"""'The capital' names the nation's capital, not a district's (normalize.mentions.capital_mentions)."""

from __future__ import annotations

from eventwire.normalize.capital import capital_mentions


def test_the_capital_of_an_area_is_not_the_national_capital():
    assert capital_mentions("The mayor of Kerou, the capital of the area, spoke.", "en", "ML", []) == []
    assert capital_mentions("Des tirs ont visé la capitale de la région.", "fr", "ML", []) == []


def test_the_capital_alone_or_of_the_country_is_the_national_capital():
    assert [p.place.iso for p in capital_mentions("Shots rang out in the capital of the country.", "en", "ML", [])] == [
        "ML"
    ]
    assert [p.place.iso for p in capital_mentions("Des tirs dans la capitale.", "fr", "ML", [])] == ["ML"]
