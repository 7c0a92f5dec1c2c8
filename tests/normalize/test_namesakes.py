"""Namesakes abroad of a document's places, read where its local actors are (normalize.namesakes),
and groups of several countries (normalize.doc_country), on invented sentences."""

from __future__ import annotations

from eventwire.models import Place, PlaceMention
from eventwire.normalize.doc_country import named_countries, other_evidence
from eventwire.normalize.namesakes import local_isos, namesakes_at_home
from tests.factories import make_place
from tests.factories import place_mention as mention


def _place(name: str, country: str, iso: str, feature: str = "city") -> Place:
    return make_place(name, country, iso, 60.0, 10.0, feature, geonameid=1, population=3_000)


def _run(text: str, places: list[PlaceMention], gazetteer) -> tuple[list[PlaceMention], list[tuple[int, int]]]:
    others = other_evidence(text, places, lang="en", gazetteer=gazetteer)
    return namesakes_at_home(text, places, others, lang="en", gazetteer=gazetteer)


def test_a_group_of_several_countries_weighs_in_each_its_home_first(gazetteer):
    counts = other_evidence("Boko Haram fighters raided a village at dawn.", [], lang="en", gazetteer=gazetteer)
    assert {iso for _, iso in counts} == {"NG", "CM", "NE", "TD"}
    assert counts.most_common(1)[0][0] == ("Nigeria", "NG")


def test_a_bare_national_guard_names_no_country(gazetteer):
    # many countries have a national guard: the bare noun is one country's only in its own articles
    assert not other_evidence("Bandits fired on a National Guard post at night.", [], lang="en", gazetteer=gazetteer)
    counts = other_evidence(
        "Bandits fired on a Nigerien National Guard post at night.", [], lang="en", gazetteer=gazetteer
    )
    assert ("Niger", "NE") in counts


def test_a_village_namesake_far_abroad_counts_for_no_country(gazetteer):
    text = "Dozo hunters killed two herders in Zorbatouk."
    places = [mention(text, "Zorbatouk", _place("Zorbatouk", "Norway", "NO"))]
    kept, abroad = _run(text, places, gazetteer)
    assert kept == places
    assert abroad == [(places[0].span.start, places[0].span.end)]


def test_a_division_namesake_far_abroad_is_no_division_named(gazetteer):
    # "between Kerou and Zorbatouk" with a district Zorbatouk abroad: the local actor's village keeps
    # its name, and the text names no division of that far country
    text = "Dozo hunters killed two herders between Kerou and Zorbatouk."
    places = [mention(text, "Zorbatouk", _place("Zorbatouk", "Norway", "NO", feature="admin2"))]
    kept, abroad = _run(text, places, gazetteer)
    assert kept[0].place is None and kept[0].span == places[0].span
    assert abroad == []
    assert named_countries(text, kept) == frozenset()


def test_a_namesake_abroad_is_read_at_home_when_the_gazetteer_knows_it_there(gazetteer):
    text = "Dozo hunters killed two herders in Mopti."
    places = [mention(text, "Mopti", _place("Mopti", "Norway", "NO"))]
    kept, abroad = _run(text, places, gazetteer)
    assert not abroad
    assert kept[0].place is not None and kept[0].place.iso == "ML"


def test_state_forces_alone_keep_a_town_abroad(gazetteer):
    # an army strikes abroad: a town of some size is no village's namesake for state forces alone
    text = "Malian soldiers killed two herders in Zorbatouk."
    town = make_place("Zorbatouk", "Norway", "NO", 60.0, 10.0, "city", geonameid=1, population=50_000)
    places = [mention(text, "Zorbatouk", town)]
    assert _run(text, places, gazetteer) == (places, [])


def test_a_place_across_the_border_or_one_of_two_places_of_a_country_is_kept(gazetteer):
    text = "Dozo hunters killed two herders in Zorbatouk."
    places = [mention(text, "Zorbatouk", _place("Zorbatouk", "Burkina Faso", "BF"))]
    assert _run(text, places, gazetteer) == (places, [])
    text = "Dozo hunters raided Zorbatouk and Tazor, two towns far from home."
    places = [
        mention(text, "Zorbatouk", _place("Zorbatouk", "Norway", "NO")),
        mention(text, "Tazor", _place("Tazor", "Norway", "NO")),
    ]
    assert _run(text, places, gazetteer) == (places, [])


def test_a_peoples_name_read_as_a_town_abroad_is_no_place(gazetteer):
    text = "Armed Pokot herders attacked a school."
    places = [mention(text, "Pokot", _place("Pokot", "Malaysia", "MY"))]
    kept, _ = _run(text, places, gazetteer)
    assert kept[0].place is None


def test_an_alias_of_groups_of_two_countries_names_no_local_actor(gazetteer):
    # "ADF" names a group in two countries the table lists apart: it says nothing of either
    assert not local_isos("ADF fighters raided a village.", lang="en", gazetteer=gazetteer)
    assert local_isos("Dozo hunters raided a village.", lang="en", gazetteer=gazetteer) == {"ML"}


def test_a_name_after_anti_still_says_where_the_story_is(gazetteer):
    # "anti-IEBC protests" are no act of the commission, but happen in its country
    counts = other_evidence("Police dispersed anti-IEBC protesters at dawn.", [], lang="en", gazetteer=gazetteer)
    assert counts == {("Kenya", "KE"): 0.5}
    text = "Police dispersed anti-IEBC protesters in Zorbatouk."
    places = [mention(text, "Zorbatouk", _place("Zorbatouk", "Norway", "NO"))]
    assert _run(text, places, gazetteer)[1] == [(places[0].span.start, places[0].span.end)]


def test_an_alias_of_one_group_renamed_over_time_is_a_local_actor(gazetteer):
    # the table lists the group under its own name until a merger, then under the coalition's,
    # both of one country: the alias still says where it fights
    assert local_isos("Katiba Macina militants raided a village.", lang="en", gazetteer=gazetteer) == {"ML"}
    text = "Katiba Macina militants killed two herders in Zorbatouk."
    places = [mention(text, "Zorbatouk", _place("Zorbatouk", "Norway", "NO"))]
    assert _run(text, places, gazetteer)[1] == [(places[0].span.start, places[0].span.end)]


def _hamlet(name: str, country: str, iso: str, lat: float, lon: float) -> Place:
    return make_place(name, country, iso, lat, lon, "city", geonameid=1, population=0)


def test_home_forces_read_a_far_hamlet_namesake_as_no_place_abroad(gazetteer):
    # a national army acts at home: a hamlet two continents away is the namesake of a local village
    text = "Malian soldiers clashed with gunmen near Zorbatouk."
    small = [mention(text, "Zorbatouk", _place("Zorbatouk", "Norway", "NO"))]  # 3,000 people, far
    assert _run(text, small, gazetteer)[1] == [(small[0].span.start, small[0].span.end)]
    places = [mention(text, "Zorbatouk", _hamlet("Zorbatouk", "Norway", "NO", 69.0, 20.0))]
    kept, abroad = _run(text, places, gazetteer)
    assert kept == places
    assert abroad == [(places[0].span.start, places[0].span.end)]


def test_home_forces_keep_a_hamlet_of_a_neighbour_or_when_deployed_abroad(gazetteer):
    # an army strikes a neighbour's hamlet; peacekeepers serve far away
    text = "Malian soldiers clashed with gunmen near Zorbatouk."
    near = [mention(text, "Zorbatouk", _hamlet("Zorbatouk", "Niger", "NE", 14.0, 2.0))]
    assert _run(text, near, gazetteer) == (near, [])
    text = "Malian peacekeepers clashed with gunmen near Zorbatouk."
    far = [mention(text, "Zorbatouk", _hamlet("Zorbatouk", "Norway", "NO", 69.0, 20.0))]
    assert _run(text, far, gazetteer) == (far, [])
