"""Places the entity recognizer missed, after a locative word (normalize.missed_places)."""

from __future__ import annotations

from eventwire.normalize.missed_places import missed_place_mentions


def test_a_known_town_after_in_is_a_place(gazetteer):
    text = "Traders protested in Mombasa town over new taxes."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [(p.span.text, p.place.iso, p.method) for p in found] == [("Mombasa", "KE", "locative_lookup")]


def test_a_month_an_institution_or_an_actor_is_never_a_place(gazetteer):
    text = "In March, protests in Parliament and in ODM strongholds turned violent."
    found = missed_place_mentions(
        text,
        [],
        lang="en",
        gazetteer=gazetteer,
        main_iso="KE",
        is_name=lambda t: t.startswith("ODM"),
    )
    assert found == []


def test_the_namesake_in_the_document_country_wins(gazetteer):
    text = "Des hommes armés ont attaqué un poste à Kidal."
    found = missed_place_mentions(text, [], lang="fr", gazetteer=gazetteer, main_iso="ML")
    assert [(p.place.name, p.place.iso, p.place.feature) for p in found] == [("Kidal", "ML", "city")]


def test_a_place_a_distance_is_given_from(gazetteer):
    text = "A bus hit a mine 12 km north of Kidal."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [p.place.iso for p in found] == ["ML"]


def test_a_site_named_after_its_town_is_placed_at_the_town(gazetteer):
    from eventwire.models import PlaceMention, Span
    from eventwire.normalize.missed_places import site_places

    def unresolved(text: str) -> PlaceMention:
        return PlaceMention(span=Span(0, len(text), text), name=text, place=None, method="ner")

    found = site_places(
        [
            unresolved("le camp de réfugiés de Kidal"),
            unresolved("Kidal market"),
            unresolved("la prison de Zorbatouk"),
            unresolved("le district de Kidal"),
        ],
        gazetteer=gazetteer,
        main_iso="ML",
    )
    assert [(p.place and p.place.name, p.method) for p in found] == [
        ("Kidal", "site_town"),
        ("Kidal", "site_town"),
        (None, "ner"),
        ("Kidal", "site_town"),
    ]


def test_the_area_in_brackets_the_second_end_of_a_span_and_a_road_name(gazetteer):
    def names(text: str) -> list[str]:
        return [p.span.text for p in missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)]

    assert names("A gang attacked a man in Zorbatouk (Mombasa), wounding him.") == ["Mombasa"]
    assert names("Gunmen attacked a bus between Zorbatouk and Kidal.") == ["Kidal"]
    assert names("Residents blocked the Mombasa-Zorbatouk road on Friday.") == ["Mombasa"]
    assert names("Gunmen seized a car in central Kidal.") == ["Kidal"]
    assert names("A rally met by the gates of the University of Eldoret.") == ["Eldoret"]


def test_the_town_of_a_population_noun_is_a_place(gazetteer):
    # a language regularity: "residents of X", "les habitants de X" name X's people
    text = "Residents of Mombasa blocked the road. Les habitants de Kidal ont manifesté."
    en = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso="KE")
    fr = missed_place_mentions(text, [], lang="fr", gazetteer=gazetteer, main_iso="ML")
    assert [p.span.text for p in en] == ["Mombasa"]
    assert [p.span.text for p in fr] == ["Kidal"]


def test_a_french_sentence_opening_on_a_capital_a_is_a_locative(gazetteer):
    # French capitals often drop the accent: "A Kidal" is "À Kidal"; "Il y a Kidal" is not one
    text = "Des tirs ont éclaté. A Kidal, des habitants ont fui. Il y a Gao."
    found = missed_place_mentions(text, [], lang="fr", gazetteer=gazetteer, main_iso="ML")
    assert [p.span.text for p in found] == ["Kidal"]


def test_a_name_before_a_division_noun_is_the_division(gazetteer):
    text = "Gunmen looted shops overnight in Tazorou, Mopti Region."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [(p.span.text, p.place.feature, p.place.iso) for p in found] == [("Mopti", "admin1", "ML")]


def test_a_road_named_by_its_ends_after_axis_is_placed_at_its_first_known_end(gazetteer):
    text = "A truck hit a mine on the axis Gao-Bourem."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [(p.span.text, p.place.iso) for p in found] == [("Gao", "ML")]


def test_a_distance_glued_to_its_number_is_a_locative(gazetteer):
    text = "Gunmen burned a school 10km from Kidal."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [(p.span.text, p.place.iso) for p in found] == [("Kidal", "ML")]


def test_a_town_before_a_noun_of_its_people_is_a_place(gazetteer):
    text = "On Monday, Kisumu residents blocked the main road over water cuts."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [(p.span.text, p.place.iso) for p in found] == [("Kisumu", "KE")]


def test_a_town_before_its_place_noun_and_a_noun_of_its_people_is_a_place(gazetteer):
    # a language regularity: "Kerou town residents" are Kerou's people, as "Kerou residents" are
    text = "On Monday, Kisumu town residents blocked the main road over water cuts."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [(p.span.text, p.place.iso) for p in found] == [("Kisumu", "KE")]


def test_a_people_or_a_capitalized_word_before_residents_is_no_place(gazetteer):
    # "Maasai" names a people; "Angered" a word at the start of a sentence, and the only town of
    # that name lies outside the document's country
    text = "Maasai herders marched on Monday. Angered residents then burnt a lorry."
    assert missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso="KE") == []


def _town(gazetteer, name: str, text: str):
    from eventwire.geoparse import candidate_place
    from eventwire.models import PlaceMention, Span

    town = max((c for c in gazetteer.candidates(name, country="KE") if c.feature == "city"), key=lambda c: c.population)
    start = text.index(name)
    return PlaceMention(span=Span(start, start + len(name), name), name=name, place=candidate_place(town), method="ner")


def test_a_town_followed_by_a_division_noun_is_the_division_it_seats(gazetteer):
    from eventwire.normalize.missed_places import division_places

    text = "A trader was shot in Tazor village, Kakamega county, on Sunday."
    (found,) = division_places(text, [_town(gazetteer, "Kakamega", text)], gazetteer=gazetteer)
    assert (found.place.name, found.place.feature) == ("Kakamega", "admin1")
    # a county whose point lies far from the town of its name: the town stays the nearer place
    text = "A trader was shot in Marsabit county on Sunday."
    (found,) = division_places(text, [_town(gazetteer, "Marsabit", text)], gazetteer=gazetteer)
    assert found.place.feature == "city"
    # no division noun: the town
    text = "A trader was shot in Kakamega on Sunday."
    (found,) = division_places(text, [_town(gazetteer, "Kakamega", text)], gazetteer=gazetteer)
    assert found.place.feature == "city"


def test_the_town_an_institution_is_named_after(gazetteer):
    from eventwire.normalize.missed_places import institution_towns

    text = "On Monday, Kisumu University students blocked a road. Zorbatouk College was closed."
    found = institution_towns(text, [], gazetteer=gazetteer)
    assert [(p.span.text, p.place.iso, p.method) for p in found] == [("Kisumu", "KE", "institution_town")]


def test_a_site_named_after_its_town_after_an_article(gazetteer):
    # invented: "in the Kidal refugee camp" is at Kidal, though NER tagged nothing
    text = "Two groups of refugees clashed in the Kidal Refugee camp on Monday."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso="ML")
    assert [(p.span.text, p.place.name, p.place.iso) for p in found] == [("Kidal", "Kidal", "ML")]


def test_a_place_named_only_inside_another_name(gazetteer):
    from eventwire.normalize.missed_places import names_in_passing

    def everything(start: int, end: int) -> bool:
        return True

    text = "Youths stoned the Kisumu Deputy Governor's car. The Supreme Court met. Zorbatouk Girls' School closed."
    found = names_in_passing(text, [], gazetteer=gazetteer, proper=everything, lang="en")
    assert [(p.span.text, p.place.iso, p.method) for p in found] == [("Kisumu", "KE", "name_in_passing")]
    # a country opening an institution's name: "the Kenya Forest Service"
    found = names_in_passing(
        "Rangers of the Kenya Forest Service burned huts.", [], gazetteer=gazetteer, proper=everything, lang="en"
    )
    assert [(p.span.text, p.place.iso) for p in found] == [("Kenya", "KE")]
    # what the parser does not call a proper noun is no place
    assert not names_in_passing(text, [], gazetteer=gazetteer, proper=lambda s, e: False, lang="en")


def test_an_unknown_name_one_slip_from_a_division_or_a_big_town(gazetteer):
    from eventwire.models import PlaceMention, Span
    from eventwire.normalize.missed_places import misspelt_places

    # invented: "Nakurru" (a letter doubled) is Nakuru, "Nairobbi" Nairobi; "Zorbatouk" is
    # nothing, and a short name ("Nakur") is never read as a slip
    unknown = [
        PlaceMention(span=Span(10, 17, "Nakurru"), name="Nakurru", place=None, method="unlocated"),
        PlaceMention(span=Span(22, 31, "Zorbatouk"), name="Zorbatouk", place=None, method="unlocated"),
    ]
    found = misspelt_places(unknown, gazetteer=gazetteer)
    assert [(p.span.text, p.place and p.place.iso, p.method) for p in found] == [
        ("Nakurru", "KE", "misspelt"),
        ("Zorbatouk", None, "unlocated"),
    ]
    assert gazetteer.misspelt("Nakur") == []
    assert {c.iso for c in gazetteer.misspelt("Nairobbi")} == {"KE"}


def test_a_name_in_passing_opens_an_unknown_mention(gazetteer):
    from eventwire.models import PlaceMention, Span
    from eventwire.normalize.missed_places import names_in_passing

    def everything(start: int, end: int) -> bool:
        return True

    # invented: the recognizer tagged "Kisumu Governor" whole, and nothing knows it
    text = "Youths burned the offices of the Kisumu Governor."
    start = text.index("Kisumu")
    unknown = PlaceMention(
        span=Span(start, start + 15, "Kisumu Governor"), name="Kisumu Governor", place=None, method="unlocated"
    )
    found = names_in_passing(text, [unknown], gazetteer=gazetteer, proper=everything, lang="en")
    assert [(p.span.text, p.place.iso, p.method) for p in found] == [("Kisumu", "KE", "name_in_passing")]


def test_a_supplement_town_is_found_without_the_documents_country(gazetteer):
    # invented: a city ward of the supplement (no population) after a locative, no country named
    text = "Traders protested in Kawangware over new taxes."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [(p.span.text, p.place.iso, p.place.admin1) for p in found] == [("Kawangware", "KE", "Nairobi")]


def test_a_hamlet_known_in_one_country_only_is_the_last_evidence(gazetteer):
    from eventwire.normalize.missed_places import lone_country_places

    # a town of unknown population: too small for a namesake puzzle, but no namesake abroad
    text = "Gunmen attacked the market in Leleni on Sunday."
    assert missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None) == []
    found = lone_country_places(text, [], lang="en", gazetteer=gazetteer)
    assert [(p.span.text, p.place.iso) for p in found] == [("Leleni", "ML")]


def test_the_division_a_place_is_qualified_with_after_a_comma(gazetteer):
    text = "Herders clashed in Zorbatouk, Vorarlberg during the night."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [(p.span.text, p.place.iso, p.place.feature) for p in found] == [("Vorarlberg", "AT", "admin1")]
    # after a comma, a division, or a town that ends the phrase: a capitalized word may be anything
    text = "Herders clashed in Zorbatouk, Police said on Monday."
    assert missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None) == []
    text = "Herders clashed in the area of Zorbatouk, Bregenz."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [(p.span.text, p.place.iso) for p in found] == [("Bregenz", "AT")]


def test_the_place_a_note_codes_a_village_to(gazetteer):
    # ACLED's notes name the known place an unknown village is coded to
    text = "Herders clashed in Zorbatouk village (coded as Bregenz at geoprecision 2)."
    found = missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)
    assert [(p.span.text, p.place.iso) for p in found] == [("Bregenz", "AT")]
    # a namesake abroad of a document set elsewhere is not the place it codes to
    assert missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso="KE") == []


def test_an_unknown_name_spelled_the_french_way_is_a_town_of_the_documents_country(gazetteer):
    from eventwire.models import PlaceMention, Span
    from eventwire.normalize.variant_places import variant_places

    # invented: "des heurts à Chinyanga" in a Tanzanian story is Shinyanga; in a Kenyan one, nothing
    unknown = [PlaceMention(span=Span(16, 25, "Chinyanga"), name="Chinyanga", place=None, method="unlocated")]
    found = variant_places(unknown, gazetteer=gazetteer, iso="TZ")
    assert [(p.place and p.place.name, p.method) for p in found] == [("Shinyanga", "variant")]
    assert variant_places(unknown, gazetteer=gazetteer, iso="KE") == unknown


def test_the_first_word_of_an_unknown_name_is_no_small_division_abroad(gazetteer):
    # "in Tinn Korabou": one village's name, not the district Tinn abroad and a word after it
    found = missed_place_mentions(
        "Gunmen attacked a checkpoint in Tinn Korabou.", [], lang="en", gazetteer=gazetteer, main_iso="ML"
    )
    assert not [p for p in found if p.place is not None and p.place.iso == "NO"]


def test_names_a_group_noun_closes_are_peoples_not_places(gazetteer):
    # a language regularity: "the Kerou clan", "between the Kidal and Mombasa clans" name peoples
    def names(text: str) -> list[str]:
        return [p.span.text for p in missed_place_mentions(text, [], lang="en", gazetteer=gazetteer, main_iso=None)]

    assert names("A feud broke out between Zorbatouk and Kidal clans over water.") == []
    assert names("Elders of the clans met in Kidal after a feud between Zorbatouk and Tazor clans.") == ["Kidal"]
    assert names("Gunmen attacked a bus between Zorbatouk and Kidal on Monday.") == ["Kidal"]
