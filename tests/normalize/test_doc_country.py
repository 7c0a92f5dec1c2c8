"""The country a document is about (normalize.doc_country), on invented sentences."""

from __future__ import annotations

from collections import Counter

from eventwire.models import Place
from eventwire.normalize.doc_country import (
    elsewhere_countries,
    main_country,
    named_countries,
    other_evidence,
    place_evidence,
)
from tests.factories import make_place
from tests.factories import place_mention as mention


def _place(name: str, country: str, iso: str, feature: str, population: int = 50_000) -> Place:
    precision = 3 if feature != "city" else 1
    return make_place(name, country, iso, 10.0, 1.0, feature, precision, geonameid=1, population=population)


CHAD = _place("Chad", "Chad", "TD", "country")
NIGER = _place("Niger", "Niger", "NE", "country")
LAC = _place("Lac", "Chad", "TD", "admin1")
SMALL_FOREIGN = _place("Kerou", "Nigeria", "NG", "city", population=0)


def test_a_country_named_as_a_neighbour_or_destination_is_not_the_story():
    text = "Des hommes armés ont attaqué Kerou, dans le Lac, près du Niger, avant de repartir vers le Niger."
    places = [
        mention(text, "Kerou", None),
        mention(text, "Lac", LAC),
        mention(text, "Niger", NIGER),
        mention(text, "Niger", NIGER, nth=1),
    ]
    counts = place_evidence(text, places)
    assert ("Niger", "NE") not in counts
    assert counts[("Chad", "TD")] == 2.0  # a division weighs double
    assert named_countries(text, places) == frozenset({"TD"})


def test_a_country_something_is_carried_or_sent_to_is_not_the_story():
    # English: "to" a country is where someone or something goes, not where the incident is
    text = "A convoy carrying supplies to Niger hit a mine outside Kerou, in the Lac."
    places = [mention(text, "Niger", NIGER), mention(text, "Kerou", None), mention(text, "Lac", LAC)]
    assert ("Niger", "NE") not in place_evidence(text, places)
    assert elsewhere_countries(text, places, "TD") == frozenset({text.index("Niger")})
    assert elsewhere_countries(text, places, None) == frozenset()
    # "according to" names a source, not a destination; a country "in" which it happened counts
    said = "According to Niger, gunmen killed two people in Niger on Monday."
    places = [mention(said, "Niger", NIGER), mention(said, "Niger", NIGER, nth=1)]
    assert place_evidence(said, places)[("Niger", "NE")] > 1.0
    assert elsewhere_countries(said, places, "TD") == frozenset()


def test_a_place_named_again_adds_little_and_a_hamlet_abroad_little():
    text = "Kerou a été attaqué. Le Tchad, le Tchad, le Tchad."
    places = [mention(text, "Kerou", SMALL_FOREIGN)] + [mention(text, "Tchad", CHAD, nth=i) for i in range(3)]
    counts = place_evidence(text, places)
    assert counts[("Nigeria", "NG")] == 0.5
    assert counts[("Chad", "TD")] == 1.5


def test_a_border_counts_for_nothing():
    text = "Gunmen attacked near the Chad border."
    places = [mention(text, "Chad", CHAD, relation="border")]
    assert not place_evidence(text, places)


def test_state_forces_named_with_their_nationality_count_and_a_bare_noun_does_not(gazetteer):
    text = "L'armée tchadienne a repoussé les assaillants ; des gendarmes ont été blessés."
    counts = other_evidence(text, [], lang="fr", gazetteer=gazetteer)
    assert list(counts) == [("Chad", "TD")]
    assert counts[("Chad", "TD")] == 1.0


def test_a_nationality_before_a_place_noun_places_something_there(gazetteer):
    english = other_evidence("Gunmen raided a northern Chadian town.", [], lang="en", gazetteer=gazetteer)
    french = other_evidence("Un village tchadien a été attaqué.", [], lang="fr", gazetteer=gazetteer)
    bare = other_evidence("Des éleveurs tchadiens ont été attaqués.", [], lang="fr", gazetteer=gazetteer)
    assert english[("Chad", "TD")] == french[("Chad", "TD")] == 1.0
    assert bare[("Chad", "TD")] == 0.5


def test_places_outweigh_a_foreign_army_and_actors_decide_without_places():
    places = {("Chad", "TD"): 2.0}
    others = {("Niger", "NE"): 4.0}
    from collections import Counter

    assert main_country(Counter(places), Counter(others)) == ("Chad", "TD")
    assert main_country(Counter(), Counter(others)) == ("Niger", "NE")
    assert main_country(Counter(), Counter()) == (None, None)


def test_a_place_named_as_something_else_counts_half_unless_it_is_the_seat_of_a_source():
    text = "The Chad bus was stopped. A Niger-based group reported it."
    places = [mention(text, "Chad", CHAD), mention(text, "Niger", NIGER)]
    counts = place_evidence(text, places, not_locations=frozenset(p.span.start for p in places))
    assert counts == {("Chad", "TD"): 0.5}


def test_a_domestic_party_counts_half_and_foreign_forces_nothing(gazetteer):
    counts = other_evidence("ODM supporters met Barkhane troops.", [], lang="en", gazetteer=gazetteer)
    assert counts[("Kenya", "KE")] == 0.5
    assert ("France", "FR") not in counts


def test_a_headline_names_the_country(gazetteer):
    from eventwire.normalize.doc_country import title_evidence

    assert title_evidence("Chad: two killed in an attack on Kerou", gazetteer=gazetteer) == {("Chad", "TD"): 1.0}
    assert not title_evidence("Two killed in an attack near Chad", gazetteer=gazetteer)
    assert not title_evidence(None, gazetteer=gazetteer)


def test_a_nationality_before_a_noun_is_not_the_region_spelled_like_it(gazetteer):
    from eventwire.normalize.doc_country import attributive_demonyms

    region = _place("Chadian", "Niger", "NE", "admin1")
    text = "Chadian police forces raided Kerou. Later the Chadian region was calm."
    places = [mention(text, "Chadian", region), mention(text, "Chadian", region, nth=1)]
    assert attributive_demonyms(text, places, lang="en", gazetteer=gazetteer) == frozenset({0})


def test_a_division_written_with_its_noun_before_or_after_weighs_as_a_division():
    text = "Des hommes armés ont attaqué Kerou, dans la région du Lac. Kerou County est calme."
    lac_region = mention(text, "Lac", LAC)
    county = _place("Kerou", "Niger", "NE", "admin1")
    counts = place_evidence(text, [lac_region, mention(text, "Kerou", county, nth=1)])
    # "la région du Lac" and "Kerou County" both state the kind, noun before or after
    assert counts[("Chad", "TD")] == 3.0
    assert counts[("Niger", "NE")] == 3.0


def test_a_place_the_text_calls_a_village_weighs_as_a_hamlet():
    town = _place("Tazor", "Nigeria", "NG", "city", population=40_000)
    for lang, text in (
        ("en", "Gunmen raided Tazor village at dawn."),
        ("fr", "Des hommes armés ont attaqué le village de Tazor."),
    ):
        counts = place_evidence(text, [mention(text, "Tazor", town)], lang=lang)
        assert counts[("Nigeria", "NG")] == 0.5
    text = "Gunmen raided Tazor at dawn."
    assert place_evidence(text, [mention(text, "Tazor", town)])[("Nigeria", "NG")] == 1.0


def test_a_national_capital_breaks_a_tie(gazetteer):
    from eventwire.geoparse import candidate_place

    nairobi = candidate_place(gazetteer.capital("KE"))
    text = "Police shot two men in Tazor and in Nairobi on Sunday."
    places = [mention(text, "Tazor", _place("Tazor", "Tanzania", "TZ", "city")), mention(text, "Nairobi", nairobi)]
    assert main_country(place_evidence(text, places, gazetteer=gazetteer), Counter()) == ("Kenya", "KE")
    # without the gazetteer (no capital known) the first place named wins the tie, as before
    assert main_country(place_evidence(text, places), Counter()) == ("Tanzania", "TZ")


def test_a_people_known_in_one_country_places_the_story_there(gazetteer):
    # "Pokot": ACLED's actors of that people are all Kenyan (data/actors.tsv)
    counts = other_evidence(
        "Armed Pokot herders drove away 40 goats from Zorbatouk.", [], lang="en", gazetteer=gazetteer
    )
    assert counts == {("Kenya", "KE"): 0.5}
    # a people that is also a nationality is the nationality
    counts = other_evidence("Somali traders protested at Zorbatouk market.", [], lang="en", gazetteer=gazetteer)
    assert ("Kenya", "KE") not in counts


def test_a_nationality_before_an_actor_of_another_country_is_the_actors(gazetteer):
    # the table's "Nigerien National Guard" is Niger's; "the Malian National Guard" is Mali's
    # (a bare "National Guard", a force of many countries, names none: the nationality counts)
    counts = other_evidence(
        "Bandits robbed two officers of the Malian National Guard at Zorbatouk.", [], lang="en", gazetteer=gazetteer
    )
    assert counts == {("Mali", "ML"): 0.5}


def test_a_town_seating_the_division_of_its_name_outweighs_a_plain_town(gazetteer):
    text = "Gunmen attacked a checkpoint in Zorbatouk, near Mopti."
    places = [
        mention(text, "Zorbatouk", _place("Zorbatouk", "Nigeria", "NG", "city")),
        mention(text, "Mopti", _place("Mopti", "Mali", "ML", "city")),
    ]
    counts = place_evidence(text, places, gazetteer=gazetteer)
    assert counts[("Mali", "ML")] > counts[("Nigeria", "NG")]


def test_a_place_qualified_by_an_area_of_another_country_counts_nothing():
    # "Zorbatouk, Tazor": Zorbatouk lies in Tazor, whatever namesake the gazetteer found abroad
    text = "Gunmen raided Zorbatouk, Tazor, at dawn."
    places = [
        mention(text, "Zorbatouk", _place("Zorbatouk", "Nigeria", "NG", "city")),
        mention(text, "Tazor", _place("Tazor", "Kenya", "KE", "admin1")),
    ]
    counts = place_evidence(text, places)
    assert ("Nigeria", "NG") not in counts
    assert counts[("Kenya", "KE")] == 2.0
    # a place of the same country is no qualifier: both count
    places[0] = mention(text, "Zorbatouk", _place("Zorbatouk", "Kenya", "KE", "city"))
    assert place_evidence(text, places)[("Kenya", "KE")] == 3.0


def test_a_division_noun_only_one_country_uses_names_that_country(gazetteer):
    # Mali's second-level divisions are cercles: "the cercle of Tazor" is no division abroad
    text = "Gunmen abducted a trader in Zorbatouk (Cercle of Tazor) on Sunday."
    places = [mention(text, "Tazor", _place("Tazor", "Japan", "JP", "admin1"))]
    counts = place_evidence(text, places, lang="en", gazetteer=gazetteer)
    assert ("Japan", "JP") not in counts
    assert counts[("Mali", "ML")] == 3.0
    french = place_evidence("Un commerçant a été enlevé dans le cercle de Tazor.", [], lang="fr", gazetteer=gazetteer)
    assert french == {("Mali", "ML"): 3.0}
    # a noun two countries use is shared; a noun before a lower-case word names nothing
    shared = place_evidence("Residents of Tazor sub-county protested.", [], lang="en", gazetteer=gazetteer)
    assert shared.keys() == {("Kenya", "KE"), ("Uganda", "UG")}
    assert all(abs(w - 1.5) < 1e-3 for w in shared.values())
    assert not place_evidence("He joined a cercle of friends.", [], lang="en", gazetteer=gazetteer)


def test_a_mission_named_after_its_host_country_places_the_story_there(gazetteer):
    # a peacekeeping mission serves in the country its name gives; French forces come from abroad
    counts = other_evidence(
        "MINUSCA peacekeepers met Barkhane troops at Zorbatouk.", [], lang="en", gazetteer=gazetteer
    )
    assert counts[("Central African Republic", "CF")] == 1.0
    assert counts.most_common(1)[0][0] == ("Central African Republic", "CF")
    assert ("France", "FR") not in counts  # only its operation's theatre words count (country_cues)


SOMALIA = _place("Somalia", "Somalia", "SO", "country")


def test_a_group_of_two_countries_acts_in_the_one_not_named_as_the_border(gazetteer):
    # Al Shabaab is placed in Somalia and Kenya: a story at the border with Somalia is Kenya's
    text = "Al Shabaab fighters raided a police post at Kerou, at the border with Somalia."
    border = [mention(text, "Somalia", SOMALIA, relation="border")]
    counts = other_evidence(text, border, lang="en", gazetteer=gazetteer)
    assert counts[("Kenya", "KE")] == 0.5 and ("Somalia", "SO") not in counts
    # without the border the group's home leads
    home = other_evidence("Al Shabaab fighters raided a police post at Kerou.", [], lang="en", gazetteer=gazetteer)
    assert home[("Somalia", "SO")] > home[("Kenya", "KE")] > 0


def test_a_name_after_a_lower_case_arabic_article_is_a_proper_name(gazetteer):
    counts = other_evidence(
        "Gunmen believed to be al Shabaab fighters torched a truck.", [], lang="en", gazetteer=gazetteer
    )
    assert counts[("Somalia", "SO")] > 0


def test_a_police_unit_or_a_militia_of_one_country_names_it(gazetteer):
    # a police unit's own name and a land-defence militia's name are Kenya's (data/actors.tsv);
    # beside a group of two countries the unit settles where the clash was
    text = "Militants were driven out by officers of the Rural Border Patrol Unit at dawn."
    assert other_evidence(text, [], lang="en", gazetteer=gazetteer) == {("Kenya", "KE"): 1.0}
    text = "Al Shabaab militants were driven out by officers of the Rural Border Patrol Unit."
    assert main_country(Counter(), other_evidence(text, [], lang="en", gazetteer=gazetteer))[1] == "KE"
    for text in (
        "An Anti-Stock Theft Unit officer shot two herders.",
        "Sabaot Land Defence Force fighters raided a farm.",
    ):
        assert ("Kenya", "KE") in other_evidence(text, [], lang="en", gazetteer=gazetteer)


def test_a_foreign_forces_own_nationality_names_no_country_of_the_story(gazetteer):
    # "French Barkhane troops": the adjective says where the force comes from, not where it fights
    counts = other_evidence("JNIM fighters attacked French Barkhane troops.", [], lang="en", gazetteer=gazetteer)
    assert ("France", "FR") not in counts
    assert counts.most_common(1)[0][0] == ("Mali", "ML")


def test_a_country_people_are_deported_to_is_not_the_story():
    text = (
        "Police arrested two traders in Kerou and deported them to Niger; the rendition of refugees to Niger went on."
    )
    places = [mention(text, "Niger", NIGER), mention(text, "Niger", NIGER, nth=1)]
    assert not place_evidence(text, places)
    assert not named_countries(text, places)


def test_a_division_noun_of_two_countries_gives_its_home_a_hair_ahead(gazetteer):
    # "sub-county" is Kenya's and Uganda's: the tie goes to its home, listed first, in every run
    from eventwire.normalize.division_kinds import kind_evidence

    counts = kind_evidence("Teachers of Tazor sub-county protested.", "en", gazetteer, weight=3.0, repeat=0.25)
    assert counts[("Kenya", "KE")] > counts[("Uganda", "UG")] > 1.4
    assert main_country(counts, Counter()) == ("Kenya", "KE")
