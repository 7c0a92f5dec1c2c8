"""The place an incident's own clause names, not the attackers' origin, the place a statement
was issued in, or the division an apposition puts the incident's town in (issue 16).
Invented sentences; the places are hand-made fixtures."""

from __future__ import annotations

from dataclasses import replace

from eventwire.models import Span
from eventwire.normalize.clause_roles import distance_from, role_places
from eventwire.normalize.incident_place import choose_places
from tests.factories import make_place
from tests.factories import place_mention as mention

KEROU = make_place("Kerou", latitude=14.1, longitude=-3.9, admin1="Gao", geonameid=21, population=20000)
TAZOR = replace(KEROU, name="Tazor", latitude=14.6, longitude=-4.4, geonameid=22)
GAO_TOWN = replace(KEROU, name="Gao", latitude=16.27, longitude=-0.04, geonameid=11, population=86633)
TAMBA = make_place(
    "Tamba", latitude=16.9, longitude=0.4, feature="admin2", geo_precision=2, admin1="Gao", admin2="Tamba", geonameid=12
)


def starts(text: str, names: list[str]) -> frozenset[int]:
    return frozenset(text.index(n) for n in names)


def test_the_place_the_attackers_came_from_is_not_the_incidents_fr():
    text = "Des hommes armés venus de Kerou ont attaqué mardi le village de Tazor."
    places = [mention(text, "Kerou", KEROU), mention(text, "Tazor", TAZOR)]
    assert role_places(text, places, lang="fr") == starts(text, ["Kerou"])
    text = "Des assaillants originaires de Kerou, dans le cercle de Tamba, ont tué six civils à Tazor."
    places = [mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA), mention(text, "Tazor", TAZOR)]
    assert role_places(text, places, lang="fr") == starts(text, ["Kerou", "Tamba"])


def test_the_area_apposed_to_the_attackers_origin_belongs_to_it_en():
    text = "Raiders coming from Kerou village in Tamba county attacked Tazor, killing a herder."
    places = [mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA), mention(text, "Tazor", TAZOR)]
    assert role_places(text, places, lang="en") == starts(text, ["Kerou", "Tamba"])


def test_only_an_area_continues_an_origin_phrase():
    text = "Gunmen from Kerou, Tazor residents said, burned the market."
    places = [mention(text, "Kerou", KEROU), mention(text, "Tazor", TAZOR)]
    assert role_places(text, places, lang="en") == starts(text, ["Kerou"])


def test_a_distance_from_a_town_is_no_origin():
    text = "Five people were killed 20 km from Kerou, in Tamba county."
    places = [mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA)]
    assert role_places(text, places, lang="en") == frozenset()


def test_the_place_a_statement_was_issued_in_is_the_sources():
    text = "Cinq civils ont été tués mardi à Tazor, selon un communiqué publié à Kerou."
    places = [mention(text, "Tazor", TAZOR), mention(text, "Kerou", KEROU)]
    assert role_places(text, places, lang="fr") == starts(text, ["Kerou"])
    text = "Five civilians were killed in Tazor, according to a statement released in Kerou."
    places = [mention(text, "Tazor", TAZOR), mention(text, "Kerou", KEROU)]
    assert role_places(text, places, lang="en") == starts(text, ["Kerou"])


def test_a_town_near_which_the_incident_happened_beats_the_division_apposed_to_it():
    near = replace(TAZOR, geo_precision=2)
    for text in (
        "Mardi, l'armée a neutralisé dix terroristes près de Tazor, dans la région de Gao.",
        "On Tuesday, soldiers killed ten militants near Tazor, in the Gao region.",
    ):
        cands = [mention(text, "Tazor", near, relation="near"), mention(text, "Gao", GAO_TOWN)]
        places = choose_places(text, Span(0, len(text), text), cands, cands, main_iso="ML")
        assert [p.span.text for p in places] == ["Tazor"]


def test_a_town_named_alone_after_a_comma_stays_a_candidate():
    text = "Soldiers killed ten militants near Tazor, in Gao, on Tuesday."
    near = replace(TAZOR, geo_precision=2)
    cands = [mention(text, "Tazor", near, relation="near"), mention(text, "Gao", GAO_TOWN)]
    places = choose_places(text, Span(0, len(text), text), cands, cands, main_iso="ML")
    assert [p.span.text for p in places] == ["Gao"]


def test_a_distance_from_a_town_keeps_the_town_a_location_en():
    for text in (
        "Gunmen attacked a post 5km from Tazor on Tuesday.",
        "Gunmen attacked a post some 30 miles from Tazor on Tuesday.",
    ):
        assert distance_from(text, text.index("Tazor"))
    text = "Gunmen from Tazor attacked a post on Tuesday."
    assert not distance_from(text, text.index("Tazor"))
    text = "Five people were killed 5km from Kerou in Tamba county."
    places = [mention(text, "Kerou", KEROU), mention(text, "Tamba", TAMBA)]
    assert role_places(text, places, lang="en") == frozenset()


def test_a_road_linking_two_towns_is_one_point_like_between():
    text = "On Tuesday, militants ambushed a convoy on the road linking Kerou and Tazor, killing a soldier."
    cands = [mention(text, "Kerou", KEROU), mention(text, "Tazor", TAZOR)]
    places = choose_places(text, Span(0, len(text), text), cands, cands, main_iso="ML")
    assert [p.span.text for p in places] == ["Kerou"]
