"""A place beside another that situates it, a date or a border is no second location
(normalize.appositions, used by normalize.incident_place); invented sentences and places."""

from __future__ import annotations

import pytest

from eventwire.models import Place, PlaceMention, Span
from eventwire.normalize import appositions
from eventwire.normalize.appositions import is_date_name
from eventwire.normalize.incident_place import choose_places
from tests.factories import make_place
from tests.factories import place_mention as mention


def town(name: str, lat: float, *, admin1: str = "Tamba", admin2: str | None = None) -> Place:
    return make_place(name, "Kenya", "KE", lat, 37.0, admin1=admin1, admin2=admin2, population=5000)


# invented places: Kerou lies in Tamba county, whose main town is Tamba; Sila is another county
KEROU = town("Kerou", 1.0)
TAMBA = town("Tamba", 1.3)
SILA = town("Sila", 2.5, admin1="Sila")
MERELO = town("Merelo", 1.1)


def names(text: str, cands: list[PlaceMention]) -> list[str]:
    return [p.span.text for p in choose_places(text, Span(0, len(text), text), cands, cands, main_iso="KE")]


def test_a_town_naming_the_county_after_a_comma_situates_the_place_before_it():
    text = "On March 3, gunmen killed two herders in Kerou, Tamba."
    assert names(text, [mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA)]) == ["Kerou"]


def test_a_list_that_goes_on_after_the_county_town_stays_a_list():
    text = "On March 3, gunmen attacked Kerou, Tamba and Merelo."
    cands = [mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA), mention(text, "Merelo", MERELO)]
    assert names(text, cands) == ["Kerou", "Tamba", "Merelo"]


def test_two_towns_of_other_counties_after_a_comma_stay_two_places():
    text = "On March 3, protesters blocked roads in Kerou, Sila."
    assert names(text, [mention(text, "Kerou", KEROU), mention(text, "Sila", SILA)]) == ["Kerou", "Sila"]


def test_places_after_a_comma_inside_a_bracket_situate_the_first():
    for text in (
        "On March 3, a mob lynched a man near the Bera area (Merelo, Sila).",
        "On March 3, police dispersed traders (coordinates for Merelo, Sila, used).",
    ):
        assert names(text, [mention(text, "Merelo", MERELO), mention(text, "Sila", SILA)]) == ["Merelo"]


def test_an_unknown_village_before_a_county_town_is_coded_there(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(appositions, "_names_a_division", lambda name, iso: name == "Tamba")
    text = "Gunmen attacked Bonkolo, Tamba. Two police officers were killed."
    (place,) = choose_places(
        text, Span(0, 41, text[:41]), [mention(text, "Tamba", TAMBA)], [mention(text, "Tamba", TAMBA)], main_iso="KE"
    )
    assert (place.span.text, place.place.geo_precision, place.place.latitude) == ("Bonkolo", 2, TAMBA.latitude)


def test_a_date_before_a_place_is_not_a_listed_place():
    for text in ("On 3 March 2021, Tamba residents protested.", "On Tuesday, Tamba residents protested."):
        assert names(text, [mention(text, "Tamba", TAMBA)]) == ["Tamba"]
    assert is_date_name("March 2021") and is_date_name("Le 3 mars") and is_date_name("Aug 15th")
    assert not is_date_name("Kerou") and not is_date_name("Marsabel")


def test_the_places_a_border_joins_are_one_location():
    for text in (
        "On March 3, two herders were killed at the border of Tamba and Sila counties.",
        "Deux bergers ont été tués à la frontière entre Tamba et Sila.",
    ):
        cands = [mention(text, "Tamba", TAMBA), mention(text, "Sila", SILA)]
        assert names(text, cands) == ["Tamba"]


def test_a_division_or_a_gloss_before_a_county_town_is_no_village(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(appositions, "_names_a_division", lambda name, iso: name == "Tamba")
    text = "Gunmen killed a herder in Bonkolo Sub-County, Tamba."
    assert names(text, [mention(text, "Tamba", TAMBA)]) == ["Tamba"]
    text = "A mob beat a thief in Merelo (Bonkolo, Tamba)."
    assert names(text, [mention(text, "Merelo", MERELO), mention(text, "Tamba", TAMBA)]) == ["Merelo"]


def test_names_listed_before_a_group_noun_are_no_places():
    text = "On March 3, the Merelo and Sila clans clashed over grazing land."
    assert len(names(text, [mention(text, "Merelo", MERELO), mention(text, "Sila", SILA)])) == 1
    text = "On March 3, gunmen attacked Merelo and Sila villages."
    assert names(text, [mention(text, "Merelo", MERELO), mention(text, "Sila", SILA)]) == ["Merelo", "Sila"]


def test_places_joined_by_or_are_one_incident():
    for text in (
        "On March 3, gunmen killed a trader in Merelo or Sila.",
        "Un commerçant a été tué à Merelo ou à Sila.",
    ):
        assert names(text, [mention(text, "Merelo", MERELO), mention(text, "Sila", SILA)]) == ["Merelo"]


def test_the_county_town_matches_its_division_accents_and_noun_aside():
    text = "On March 3, gunmen attacked a checkpoint in Kerou, Tâmba."
    kerou = town("Kerou", 1.0, admin1="Sila", admin2="Cercle de Tamba")
    tamba = town("Tâmba", 1.3)
    assert names(text, [mention(text, "Kerou", kerou), mention(text, "Tâmba", tamba)]) == ["Kerou"]


def test_the_short_form_of_a_states_long_name_situates_the_town_before_it():
    # a state named by its short form, its long official name being "Tamba de Santa Rosa" (as
    # Spanish-speaking countries name states): one place, the town
    text = "On March 3, gunmen attacked a taxi in Kerou, Tamba, and fled."
    kerou = town("Kerou", 1.0, admin1="Tamba de Santa Rosa")
    assert names(text, [mention(text, "Kerou", kerou), mention(text, "Tamba", TAMBA)]) == ["Kerou"]
    # a division only starting with the town's name, without "de", is another place
    sila = town("Kerou", 1.0, admin1="Tamba Oriental")
    assert names(text, [mention(text, "Kerou", sila), mention(text, "Tamba", TAMBA)]) == ["Kerou", "Tamba"]


def test_a_region_named_by_an_adjective_of_its_town_situates_the_village_before_it():
    # invented Kerouv, the town that names "Kerouvska oblast" (regions named by an adjective of
    # their town's name, as Ukrainian and Russian do); Bonkolo, a village of that region, is only
    # "near" (geo_precision 2), yet the region's town after the comma is no second place
    text = "On 9 May, rebel forces fired mortars at positions near Bonkolo, Kerouv."
    bonkolo = make_place("Bonkolo", "Kenya", "KE", 1.0, 37.0, geo_precision=2, admin1="Kerouvska oblast")
    kerouv = make_place("Kerouv", "Kenya", "KE", 1.4, 37.0, admin1="Kerouvska oblast", population=400_000)
    cands = [mention(text, "Bonkolo", bonkolo, relation="near"), mention(text, "Kerouv", kerouv)]
    assert names(text, cands) == ["Bonkolo"]
    # a longer name that only opens on the town's is another division ("Kerouvanovska oblast")
    far = make_place("Bonkolo", "Kenya", "KE", 1.0, 37.0, geo_precision=2, admin1="Kerouvanovska oblast")
    assert names(text, [mention(text, "Bonkolo", far, relation="near"), mention(text, "Kerouv", kerouv)]) == ["Kerouv"]


def test_a_district_written_with_its_noun_before_its_province_town_is_the_place():
    # "in Kerou district, Tamba": the district of Tamba province, not Tamba town (geo_precision 1)
    text = "On 8 May, eight militants were killed in an operation in Kerou district, Tamba."
    district = make_place("Kerou", "Kenya", "KE", 1.0, 37.0, "admin2", 3, admin1="Tamba", admin2="Kerou")
    assert names(text, [mention(text, "Kerou", district), mention(text, "Tamba", TAMBA)]) == ["Kerou"]
    # a district of another province stays another place
    other = make_place("Kerou", "Kenya", "KE", 1.0, 37.0, "admin2", 3, admin1="Sila", admin2="Kerou")
    assert names(text, [mention(text, "Kerou", other), mention(text, "Tamba", TAMBA)]) == ["Tamba"]


def test_a_town_naming_the_province_of_a_district_the_sentence_names_yields_to_the_district():
    # "In Tamba, ...in Kerou": Kerou a district of Tamba province, Tamba the province's town
    text = "In Tamba, police rescued officers gathered at a school in Kerou after youth attacked them."
    district = make_place("Kerou", "Kenya", "KE", 1.0, 37.0, "admin2", 2, admin1="Tamba", admin2="Kerou")
    assert names(text, [mention(text, "Tamba", TAMBA), mention(text, "Kerou", district)]) == ["Kerou"]
    # a town of the province (no district) leaves the province's town a place of its own
    assert names(text, [mention(text, "Tamba", TAMBA), mention(text, "Kerou", KEROU)]) == ["Tamba"]
