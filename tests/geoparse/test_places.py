"""Geocoding and place mentions on hand-written French and English sentences."""

from __future__ import annotations

import pytest
import spacy

from eventwire.geoparse import find_place_mentions, find_toponyms, geocode_place


def us_local_toponyms(*args, **kwargs):
    """`find_toponyms` with the us-local profile: most toponym tests read US local news, as the
    GeoWebNews/LGL benchmarks do (the default profile is tested below)."""
    return find_toponyms(*args, profile="us-local", **kwargs)


def _assert_toponym(gazetteer, text, ents, surface, relation, admin1=None):
    """Assert that `surface` is found as a resolved toponym with this relation (and admin1)."""

    toponyms = us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)
    hit = next((t for t in toponyms if t.span.text == surface), None)
    assert hit is not None and hit.place is not None, [(t.span.text, t.relation) for t in toponyms]
    assert hit.relation == relation
    assert admin1 is None or hit.place.admin1 == admin1


def _doc(lang, text, ents):
    """Return a blank-pipeline Doc with hand-placed entities [(surface, label)]."""
    doc = spacy.blank(lang)(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return doc


def test_geocode_place_prefers_airbase_supplement(gazetteer):
    place = geocode_place("Al Asad", gazetteer=gazetteer, feature_hint="base")
    assert place.feature == "airbase" and place.iso == "IQ"
    assert place.name == "Ain al-Asad Air Base"


def test_geocode_place_resolves_french_base_name_to_anbar(gazetteer):
    place = geocode_place("Aïn al-Assad", gazetteer=gazetteer)
    assert place.name == "Ain al-Asad Air Base"
    assert place.admin1 == "Al Anbar" and place.country == "Iraq"
    assert abs(place.latitude - 33.786) < 0.01 and place.geo_precision == 1


def test_geocode_place_french_exonym_irak_is_country(gazetteer):
    place = geocode_place("Irak", gazetteer=gazetteer)
    assert place.feature == "country" and place.iso == "IQ" and place.country == "Iraq"


def test_geocode_place_town_named_like_its_province_is_the_town(gazetteer):
    place = geocode_place("Gao", gazetteer=gazetteer, context_countries=["ML"])
    assert place.feature == "city" and place.admin1 == "Gao" and place.geo_precision == 1


def test_geocode_place_uses_document_countries(gazetteer):
    assert geocode_place("Georgia", gazetteer=gazetteer, context_countries=["US"]).iso == "US"
    assert geocode_place("Georgia", gazetteer=gazetteer, context_countries=["RU"]).iso == "GE"


def test_find_place_mentions_western_iraq_degrades_to_its_western_division(gazetteer):
    text = "Two drones were shot down in western Iraq on Tuesday."
    doc = _doc("en", text, [("Iraq", "GPE")])
    (mention,) = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    assert mention.place.iso == "IQ" and mention.place.feature == "admin1"
    assert mention.place.admin1 == "Al Anbar" and mention.place.geo_precision == 3
    assert mention.relation == "west part" and "west" in mention.reason


def test_find_place_mentions_french_west_of_iraq(gazetteer):
    text = "Des drones ont visé une base dans l'ouest de l'Irak."
    mentions = find_place_mentions(text, None, lang="fr", gazetteer=gazetteer)
    iraq = [m for m in mentions if m.place and m.place.iso == "IQ"]
    assert iraq and iraq[0].relation == "west part" and iraq[0].place.geo_precision == 3


def test_find_place_mentions_flags_datelines(gazetteer):
    text = "ERBIL (Reuters) - A drone struck the Harir air base on Monday."
    mentions = find_place_mentions(text, None, lang="en", gazetteer=gazetteer)
    dateline = mentions[0]
    assert dateline.relation == "dateline" and dateline.span.text == "ERBIL"
    assert dateline.place.admin1 == "Erbil"


def test_a_capitalised_town_before_a_colon_is_a_dateline(gazetteer):
    # a press regularity: "DAKAR: Gunmen attacked..." names where the story was filed
    text = "DAKAR: Gunmen attacked a village in the east on Monday."
    mentions = find_place_mentions(text, None, lang="en", gazetteer=gazetteer)
    assert mentions[0].relation == "dateline" and mentions[0].span.text == "DAKAR"


def test_find_place_mentions_french_dateline_with_date(gazetteer):
    text = "BAMAKO, 12 mars (AFP) - Des combats ont eu lieu près de Gao."
    mentions = find_place_mentions(text, None, lang="fr", gazetteer=gazetteer)
    assert mentions[0].relation == "dateline" and mentions[0].place.iso == "ML"
    gao = mentions[-1]
    assert gao.relation == "near" and gao.place.geo_precision == 2


def test_find_place_mentions_offsets_distance_phrases(gazetteer):
    text = "Rebels attacked a village 40 km north of Goma."
    doc = _doc("en", text, [("Goma", "GPE")])
    (mention,) = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    goma = geocode_place("Goma", gazetteer=gazetteer)
    assert mention.relation == "40 km north of" and mention.place.geo_precision == 2
    assert mention.place.latitude == pytest.approx(goma.latitude + 0.36, abs=0.02)


def test_a_distance_converted_in_brackets_still_offsets_the_place(gazetteer):
    # press style gives the other unit in brackets: "40 kilometers (25 miles) north of Goma"
    text = "Rebels attacked a village 40 kilometers (25 miles) north of Goma."
    doc = _doc("en", text, [("Goma", "GPE")])
    (mention,) = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    assert mention.relation == "40 km north of" and mention.place.geo_precision == 2


def test_find_place_mentions_border_adjective(gazetteer):
    text = "L'armée a été attaquée à la frontière nigérienne."
    mentions = find_place_mentions(text, None, lang="fr", gazetteer=gazetteer)
    assert [m.relation for m in mentions] == ["border"]
    assert mentions[0].place.iso == "NE" and mentions[0].place.geo_precision == 3


def test_find_place_mentions_skips_actor_demonyms(gazetteer):
    text = "Les forces américaines ont intercepté deux drones en Syrie."
    doc = _doc("fr", text, [("américaines", "LOC"), ("Syrie", "LOC")])
    mentions = find_place_mentions(text, doc, lang="fr", gazetteer=gazetteer)
    assert [m.place.iso for m in mentions] == ["SY"]


def test_find_place_mentions_unknown_name_kept_with_reason(gazetteer):
    text = "Fighting was reported in Zzyqxville on Sunday."
    doc = _doc("en", text, [("Zzyqxville", "GPE")])
    (mention,) = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    assert mention.place is None and "not in the gazetteer" in mention.reason


def test_find_place_mentions_kurdistan_exonym(gazetteer):
    text = "Une attaque a visé le Kurdistan d'Irak."
    doc = _doc("fr", text, [("Kurdistan d'Irak", "LOC")])
    (mention,) = find_place_mentions(text, doc, lang="fr", gazetteer=gazetteer)
    assert mention.place.admin1 == "Erbil" and mention.place.geo_precision == 3


# --- toponyms as geoparsing gold standards count them; ranking with document context ----------


def test_find_toponyms_returns_demonyms_that_place_mentions_leave_out(gazetteer):

    text = "Russian officials met European envoys in Geneva."
    doc = _doc("en", text, [("Russian", "NORP"), ("European", "NORP"), ("Geneva", "GPE")])
    toponyms = us_local_toponyms(text, doc, lang="en", gazetteer=gazetteer)
    by_text = {m.span.text: m for m in toponyms}
    assert by_text["Russian"].relation == "demonym" and by_text["Russian"].place.iso == "RU"
    assert by_text["European"].place.feature == "continent"
    places = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    assert [m.span.text for m in places] == ["Geneva"]


def test_find_toponyms_place_inside_organisation_name_is_flagged(gazetteer):

    text = "The Ohio Department of Health said cases rose."
    doc = _doc("en", text, [("The Ohio Department of Health", "ORG")])
    (mention,) = us_local_toponyms(text, doc, lang="en", gazetteer=gazetteer)
    assert mention.span.text == "Ohio" and mention.relation == "in name"
    assert find_place_mentions(text, doc, lang="en", gazetteer=gazetteer) == []


def test_town_state_pair_and_postal_abbreviation(gazetteer):
    text = "The fire started in Dublin, Ga., late on Friday."
    doc = _doc("en", text, [("Dublin", "GPE")])
    mentions = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    dublin = next(m for m in mentions if m.span.text == "Dublin")
    assert dublin.place.iso == "US" and dublin.place.admin1 == "Georgia"
    assert any(
        m.place and m.place.feature == "admin1" and m.place.admin1 == "Georgia"
        for m in mentions
        if m.span.text.startswith("Ga")
    )


def test_gaza_in_a_middle_east_story_is_palestine(gazetteer):
    text = "Jets struck Gaza overnight, the army of Israel said."
    doc = _doc("en", text, [("Gaza", "GPE"), ("Israel", "GPE")])
    gaza = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)[0]
    assert gaza.span.text == "Gaza" and gaza.place.iso == "PS"
    assert geocode_place("Gaza", gazetteer=gazetteer).iso == "PS"


def test_washington_alone_is_the_capital(gazetteer):
    place = geocode_place("Washington", gazetteer=gazetteer)
    assert place.feature == "city" and place.admin1 == "District of Columbia"


def test_continents_and_world_regions_are_known(gazetteer):
    assert geocode_place("Europe", gazetteer=gazetteer).feature == "continent"
    assert geocode_place("Afrique", gazetteer=gazetteer).name == "Africa"
    assert geocode_place("Middle East", gazetteer=gazetteer).feature == "region"


def test_names_starting_like_articles_are_not_cut(gazetteer):
    text = "Flights from Las Vegas and Lebanon resumed."
    doc = _doc("en", text, [("Las Vegas", "GPE"), ("Lebanon", "GPE")])
    names = [m.name for m in find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)]
    assert names == ["Las Vegas", "Lebanon"]


def test_county_inside_an_agency_name_and_local_context(gazetteer):

    text = "Deputies of the Laurel County Sheriff's Office arrested a man in London. Kentucky State Police assisted."
    doc = _doc(
        "en",
        text,
        [
            ("the Laurel County Sheriff's Office", "ORG"),
            ("London", "GPE"),
            ("Kentucky State Police", "ORG"),
        ],
    )
    by_text = {m.span.text: m for m in us_local_toponyms(text, doc, lang="en", gazetteer=gazetteer)}
    assert by_text["Laurel County"].place.admin1 == "Kentucky"
    assert by_text["London"].place.iso == "US" and by_text["London"].place.admin1 == "Kentucky"


def test_one_sense_per_document(gazetteer):
    text = "Gainesville police said the road was closed. Traffic in Gainesville was heavy."
    doc = _doc("en", text, [("Gainesville", "PERSON")])
    mentions = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    assert [m.span.start for m in mentions] == [0, text.rindex("Gainesville")]


def test_french_demonyms_give_context_but_are_not_places(gazetteer):
    text = "Des soldats maliens ont été tués à Gao, selon l'armée malienne."
    mentions = find_place_mentions(text, None, lang="fr", gazetteer=gazetteer)
    assert [m.span.text for m in mentions] == ["Gao"]
    assert mentions[0].place.iso == "ML" and mentions[0].place.feature == "city"


@pytest.mark.parametrize(
    ("lang", "text", "town", "relation"),
    [
        (
            "fr",
            "Ce village, situé à quelque 450 kilomètres de Lomé, a été attaqué par des hommes armés.",
            "Lomé",
            "distance reference",
        ),
        (
            "en",
            "The road runs several miles north-east of the capital Nairobi.",
            "Nairobi",
            "distance reference",
        ),
        ("en", "Gunmen attacked a village 20 km from Goma.", "Goma", "near"),
        # invented: a distance given by an approximate number word (data/numbers, approximate)
        ("fr", "Des hommes armés ont attaqué un hameau à une dizaine de kilomètres de Gao.", "Gao", "near"),
        ("fr", "Le village, à une centaine de km de Gao, a été attaqué dimanche.", "Gao", "distance reference"),
        ("en", "Gunmen attacked a village a dozen miles from Goma.", "Goma", "near"),
    ],
)
def test_find_place_mentions_distance_without_direction(gazetteer, lang, text, town, relation):
    doc = _doc(lang, text, [(town, "GPE" if lang == "en" else "LOC")])
    (mention,) = find_place_mentions(text, doc, lang=lang, gazetteer=gazetteer)
    assert mention.relation == relation
    assert mention.place is not None and mention.place.name.startswith(town[:4])


def test_find_place_mentions_reads_a_people_adjective_as_a_demonym(gazetteer):
    # Ethiopia has a Somali region; "Somali Islamist" names a people, not a place
    text = "An attack by a Somali Islamist group killed eight people in Kenya."
    doc = _doc("en", text, [("Somali", "NORP"), ("Kenya", "GPE")])
    mentions = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    assert [m.place.iso for m in mentions if m.relation != "demonym"] == ["KE"]


def test_find_place_mentions_a_country_naming_a_school_is_not_the_country(gazetteer):
    text = "Des heurts ont eu lieu devant l'école Canada, à Niamey."
    doc = _doc("fr", text, [("Canada", "LOC"), ("Niamey", "LOC")])
    mentions = find_place_mentions(text, doc, lang="fr", gazetteer=gazetteer)
    assert not [m for m in mentions if m.span.text == "Canada" and m.relation is None]
    assert [m.place.iso for m in mentions if m.relation is None] == ["NE"]


def test_find_place_mentions_a_town_naming_a_street_is_not_the_event_place(gazetteer):
    # a language regularity: "Kerou Road" is named after the town it leads to and lies elsewhere;
    # a road named by both its ends keeps them ("the Nakuru-Kisumu Highway")
    text = "Traders blocked Nairobi Road in Kisumu, then the Nakuru-Kisumu Highway."
    doc = _doc("en", text, [("Nairobi", "GPE"), ("Kisumu", "GPE"), ("Nakuru", "GPE")])
    mentions = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    assert [m.span.text for m in mentions if m.relation is None] == ["Kisumu", "Nakuru", "Kisumu"]


def test_a_dateline_area_is_part_of_the_dateline(gazetteer):
    text = "ERBIL, Kurdistan Region — A rocket hit a base in Anbar province on Sunday."
    mentions = find_place_mentions(text, None, lang="en", gazetteer=gazetteer)
    by_text = {m.span.text: m for m in mentions}
    assert by_text["ERBIL"].relation == "dateline"
    assert by_text["Kurdistan Region"].relation == "dateline"
    assert by_text["Anbar"].relation is None


@pytest.mark.parametrize(
    "lang,text,surface",
    [
        ("en", "Two drones targeted Ain al-Asad airbase in western Iraq overnight.", "Ain al-Asad"),
        (
            "fr",
            "Une roquette a frappé dimanche la base d'Ain al-Asad, dans la province d'Anbar.",
            "Ain al-Asad",
        ),
    ],
)
def test_a_base_the_ner_calls_a_person_is_a_place(gazetteer, lang, text, surface):
    doc = _doc(lang, text, [(surface, "PERSON" if lang == "en" else "PER")])
    mentions = find_place_mentions(text, doc, lang=lang, gazetteer=gazetteer)
    base = next(m for m in mentions if m.span.text == surface)
    assert base.place is not None and base.place.feature == "airbase"


def test_country_centre_is_the_geographic_centre_for_geoparsing(gazetteer):
    # Indonesia's towns cluster on Java; its geographic centre is ~1,400 km east of theirs
    place = geocode_place("Indonesia", gazetteer=gazetteer, admin_point="centre")
    assert abs(place.latitude - -5.0) < 1 and abs(place.longitude - 120.0) < 1
    # events are still coded to the capital (ACLED)
    assert geocode_place("Indonesia", gazetteer=gazetteer).name == "Indonesia"


def test_a_small_namesake_of_a_big_city_needs_its_state_named(gazetteer):
    # a US story: country context alone does not turn London into London, Ohio
    assert geocode_place("London", gazetteer=gazetteer, context_countries={"US": 1.0}).iso == "GB"
    ohio = geocode_place(
        "London",
        gazetteer=gazetteer,
        context_countries={"US": 1.0},
        context_admin1={("US", "Ohio"): 1.0},
    )
    assert (ohio.iso, ohio.admin1) == ("US", "Ohio")


def test_a_town_tagged_person_after_a_preposition_is_a_place(gazetteer):
    text = "The vice-chancellor of the university in Owerri said classes would resume."
    doc = _doc("en", text, [("Owerri", "PERSON")])
    (mention,) = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    assert mention.place.iso == "NG"
    # a person's name that is also a town, without a preposition, stays a person
    text = "Owerri said classes would resume."
    doc = _doc("en", text, [("Owerri", "PERSON")])
    assert find_place_mentions(text, doc, lang="en", gazetteer=gazetteer) == []


def test_the_north_of_a_country_is_coded_to_its_northernmost_division(gazetteer):
    text = "Une attaque a eu lieu au nord du Bénin."
    doc = _doc("fr", text, [("Bénin", "LOC")])
    (mention,) = find_place_mentions(text, doc, lang="fr", gazetteer=gazetteer)
    assert mention.relation == "north part"
    assert (mention.place.iso, mention.place.admin1, mention.place.geo_precision) == (
        "BJ",
        "Alibori",
        3,
    )
    assert "furthest north" in mention.reason
    text = "Clashes broke out in the north-east of Nigeria."
    doc = _doc("en", text, [("Nigeria", "GPE")])
    (mention,) = find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)
    assert mention.place.admin1 == "Borno"


def _non_locations(gazetteer, text, lang, ents):
    """Return the text's place mentions by surface and the starts of those that are no location."""
    from eventwire.normalize.doc_context import non_location_mentions

    doc = _doc(lang, text, ents)
    places = find_place_mentions(text, doc, lang=lang, gazetteer=gazetteer)
    out = non_location_mentions(doc, places, lang=lang, find_actors=lambda t: [])
    return {p.span.text: p for p in places}, out


def test_weapon_names_are_not_locations(gazetteer):
    text = "Des tirs de roquettes Falaq ont visé mardi Kiryat Shmona."
    places, out = _non_locations(gazetteer, text, "fr", [("Falaq", "LOC"), ("Kiryat Shmona", "LOC")])
    assert places["Falaq"].span.start in out and places["Kiryat Shmona"].span.start not in out


def test_a_capital_after_with_is_its_government_not_a_location(gazetteer):
    text = "Deux mouvements rebelles du nord du Mali ont rompu le dialogue, sur fond de tension avec Bamako."
    places, out = _non_locations(gazetteer, text, "fr", [("Mali", "LOC"), ("Bamako", "LOC")])
    assert places["Mali"].relation == "north part"
    assert places["Bamako"].span.start in out


@pytest.mark.parametrize(
    ("text", "ents", "surface", "relation"),
    [
        # a name the NER read as a person, made a place by the words right after it
        ("The Kent-based outfit has three drivers.", [("Kent", "PERSON")], "Kent", None),
        (
            "In Klamath Falls, Oregon, a bakery opened its doors.",
            [("Klamath Falls", "PERSON"), ("Oregon", "GPE")],
            "Klamath Falls",
            None,
        ),
        (
            "It was designed by the Slovak architect Ivan Novak.",
            [("Slovak", "PERSON"), ("Ivan Novak", "PERSON")],
            "Slovak",
            "demonym",
        ),
        # a legislator's party and home town; a country abbreviation inside an amount
        (
            "said state Rep. Anna Fields, D-Columbus, on Friday.",
            [("Anna Fields", "PERSON")],
            "Columbus",
            None,
        ),
        (
            "The projects cost 11 billion US dollars.",
            [("11 billion US dollars", "MONEY")],
            "US",
            None,
        ),
    ],
)
def test_find_toponyms_reads_the_words_around_a_name(gazetteer, text, ents, surface, relation):

    toponyms = us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)
    hit = next((t for t in toponyms if t.span.text == surface), None)
    assert hit is not None and hit.place is not None, [(t.span.text, t.relation) for t in toponyms]
    assert hit.relation == relation


def test_a_person_named_like_a_town_stays_a_person(gazetteer):

    text = "Kent Smith, a local farmer, said the road was closed."
    toponyms = us_local_toponyms(text, _doc("en", text, [("Kent Smith", "PERSON")]), lang="en", gazetteer=gazetteer)
    assert not any(t.span.text.startswith("Kent") for t in toponyms)


@pytest.mark.parametrize(
    ("text", "ents", "surface", "relation", "admin1"),
    [
        # an institution the NER read as a person: the place it is named after
        (
            "according to Anderson County Sheriff Tom Reyes, the bridge was reopened.",
            [("Anderson County Sheriff", "PERSON"), ("Tom Reyes", "PERSON")],
            "Anderson County",
            "in name",
            None,
        ),
        (
            "The Fort Mill Volunteer Fire Department answered the call.",
            [("The Fort Mill Volunteer Fire Department", "PERSON")],
            "Fort Mill",
            "in name",
            "South Carolina",
        ),
        # a town tagged PERSON, listed beside places the NER got right
        (
            "Voters in the Licking County towns of Newark, Heath and Pataskala approved the levy.",
            [
                ("Licking County", "GPE"),
                ("Newark", "GPE"),
                ("Heath", "GPE"),
                ("Pataskala", "PERSON"),
            ],
            "Pataskala",
            None,
            "Ohio",
        ),
        # a multi-word town tagged PERSON after a preposition; a possessive
        (
            "She gave a speech in Ciudad Juarez, across the river.",
            [("Ciudad Juarez", "PERSON")],
            "Ciudad Juarez",
            None,
            None,
        ),
        (
            "Joliet's building inspector says the sprinklers were off.",
            [("Joliet's", "GPE")],
            "Joliet",
            None,
            "Illinois",
        ),
    ],
)
def test_find_toponyms_reads_places_the_ner_took_for_people(gazetteer, text, ents, surface, relation, admin1):
    _assert_toponym(gazetteer, text, ents, surface, relation, admin1)


def test_a_surname_listed_beside_places_stays_a_person(gazetteer):

    text = "Hillary Clinton flew in. Talks in Washington and Clinton's staff followed."
    ents = [("Hillary Clinton", "PERSON"), ("Washington", "GPE"), ("Clinton's", "PERSON")]
    toponyms = us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)
    assert not any(t.span.text.startswith("Clinton") for t in toponyms)


def test_a_namesake_near_the_documents_other_places_wins(gazetteer):

    # Hanover, Maryland is the larger town; "Bethel, Vt." puts the story 40 km from Hanover, NH.
    text = (
        "Two people were found dead in their Hanover condominium. Police said the son lives "
        "in Bethel, Vt., and called the Hanover police station."
    )
    ents = [("Hanover", "GPE"), ("Bethel", "GPE"), ("Vt.", "GPE")]
    doc = _doc("en", text, ents)
    hanover = [t for t in us_local_toponyms(text, doc, lang="en", gazetteer=gazetteer) if t.span.text == "Hanover"]
    assert hanover and all(t.place.admin1 == "New Hampshire" for t in hanover), [t.place for t in hanover]
    # without the Vermont town, the larger Hanover wins
    alone = "Two people were found dead in their Hanover condominium."
    place = us_local_toponyms(alone, _doc("en", alone, [("Hanover", "GPE")]), lang="en", gazetteer=gazetteer)[0].place
    assert place.admin1 != "New Hampshire"


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Ohioans", "Ohio"),
        ("Texan", "Texas"),
        ("Ontarians", "Ontario"),
        ("Korean", "South Korea"),
        ("English", "England"),
        ("Gazans", "Gaza Strip"),
    ],
)
def test_demonyms_of_divisions_and_peoples(gazetteer, word, name):

    text = f"Many {word} say the plan is fair."
    toponyms = us_local_toponyms(text, _doc("en", text, [(word, "NORP")]), lang="en", gazetteer=gazetteer)
    hit = next(t for t in toponyms if t.span.text == word)
    assert hit.relation == "demonym" and hit.place is not None and hit.place.name == name


def test_a_short_form_is_the_longer_name_the_document_writes(gazetteer):

    # "DeKalb" alone is DeKalb, Illinois; beside "DeKalb County" (Georgia, with Decatur) it is the county
    text = (
        "DeKalb not likely to approve the plan. A cluster of homes north of Decatur, Ga., is "
        "unlikely to be approved by the DeKalb County Commission, and DeKalb residents object."
    )
    ents = [
        ("DeKalb", "GPE"),
        ("Decatur", "GPE"),
        ("Ga.", "GPE"),
        ("DeKalb County Commission", "ORG"),
    ]
    toponyms = us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)
    short = [t for t in toponyms if t.span.text == "DeKalb"]
    assert short and all(t.place.admin1 == "Georgia" for t in short), [(t.span.text, t.place) for t in toponyms]


@pytest.mark.parametrize(
    ("text", "ents", "surface", "relation", "admin1"),
    [
        # a caps dateline with a double dash; a dateline right after a headline
        (
            "At least 17 slain. MAKHACHKALA -- Three days of fighting ended.",
            [],
            "MAKHACHKALA",
            "dateline",
            None,
        ),
        (
            "Meth makers leave a toxic trail. CHATTANOOGA (AP) — Cooks hide their labs.",
            [("CHATTANOOGA", "PERSON")],
            "CHATTANOOGA",
            "dateline",
            "Tennessee",
        ),
        # "or" in a list of counties
        (
            "Residents of Butler, Clark, Preble or Warren counties in Ohio may apply.",
            [("Ohio", "GPE")],
            "Preble",
            None,
            "Ohio",
        ),
        # the NER split a town's name in two
        (
            "Thousands of migrants have settled in Boa Vista since 2018.",
            [("Boa", "GPE"), ("Vista", "ORG")],
            "Boa Vista",
            None,
            None,
        ),
    ],
)
def test_find_toponyms_datelines_lists_and_split_names(gazetteer, text, ents, surface, relation, admin1):
    _assert_toponym(gazetteer, text, ents, surface, relation, admin1)


def test_institution_heads_in_organisation_names(gazetteer):

    # a small town at the head of an organisation, in a story about its state: a toponym
    text = "The collision occurred in Lansing, Michigan, according to Grand Ledge Police Chief Ana Ruiz."
    ents = [
        ("Lansing", "GPE"),
        ("Michigan", "GPE"),
        ("Grand Ledge Police", "ORG"),
        ("Ana Ruiz", "PERSON"),
    ]
    toponyms = us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)
    hit = next((t for t in toponyms if t.span.text == "Grand Ledge"), None)
    assert hit is not None and hit.relation == "in name" and hit.place.admin1 == "Michigan"
    # a generic word heading an institution is not the town that bears it
    text = "He was sent to the Central Mental Hospital in Dublin."
    ents = [("the Central Mental Hospital", "ORG"), ("Dublin", "GPE")]
    toponyms = us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)
    assert not any(t.span.text == "Central" for t in toponyms)


def test_buildings_are_placed_at_the_dateline_town(gazetteer):

    text = (
        "WASHINGTON (AP) — The talks moved to the West Wing. Aides met at the Meydan Racecourse "
        "and later at the Christopher Inn with officials from Boston."
    )
    ents = [
        ("WASHINGTON", "GPE"),
        ("the West Wing", "FAC"),
        ("the Meydan Racecourse", "ORG"),
        ("Christopher Inn", "PERSON"),
        ("Boston", "GPE"),
    ]
    toponyms = {t.span.text: t for t in us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)}
    for building in ("West Wing", "Meydan Racecourse", "Christopher Inn"):
        hit = toponyms.get(building)
        assert hit is not None and hit.relation == "document focus", (building, list(toponyms))
        assert hit.place.name == "Washington" and hit.place.admin1 == "District of Columbia"
    # never an event place
    places = find_place_mentions(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)
    assert not any(p.span.text == "Christopher Inn" for p in places)


def test_a_province_code_inside_an_organisation_in_a_canadian_story(gazetteer):

    text = "The new FrontCounter BC office opened in Nelson, British Columbia, on Monday."
    ents = [("FrontCounter BC", "ORG"), ("Nelson", "GPE"), ("British Columbia", "GPE")]
    toponyms = us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)
    hit = next((t for t in toponyms if t.span.text == "BC"), None)
    assert hit is not None and hit.relation == "in name" and hit.place.name == "British Columbia"
    # without a Canadian place, a two-letter word inside a name is left alone
    text = "The new FrontCounter BC office opened on Monday."
    toponyms = us_local_toponyms(text, _doc("en", text, [("FrontCounter BC", "ORG")]), lang="en", gazetteer=gazetteer)
    assert not any(t.span.text == "BC" for t in toponyms)


def test_the_main_town_is_in_the_main_division_and_may_be_named_inside_a_name(gazetteer):

    # the only town named outright is a Pennsylvania namesake; the story is about Louisiana
    text = (
        "After the Louisiana Purchase, the Marigny plantation was subdivided. The New Orleans "
        "Railways company built a power house near Washington Square. Houses on Royal Street "
        "survive, and Louisiana protects them."
    )
    ents = [
        ("Louisiana", "GPE"),
        ("The New Orleans Railways", "ORG"),
        ("Washington Square", "GPE"),
        ("Royal Street", "FAC"),
    ]
    toponyms = us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)
    royal = next(t for t in toponyms if t.span.text == "Royal Street")
    assert royal.relation == "document focus" and royal.place.admin1 == "Louisiana", royal.place


def test_sites_the_gazetteer_lacks_are_placed_in_the_main_town(gazetteer):

    text = (
        "Fans gathered in Liverpool on Sunday. The team trained at Anfield, and Anfield was full. "
        "The Cauvery Board met in Liverpool."
    )
    ents = [("Liverpool", "GPE"), ("Anfield", "PERSON"), ("The Cauvery Board", "ORG")]
    doc = _doc("en", text, ents)
    toponyms = us_local_toponyms(text, doc, lang="en", gazetteer=gazetteer)
    anfield = [t for t in toponyms if t.span.text == "Anfield"]
    assert len(anfield) == 2 and all(t.relation == "document focus" and t.place.name == "Liverpool" for t in anfield)
    # "Anfield" after "at" is a site; the same name elsewhere is too (one sense per document)
    assert not any(p.span.text == "Anfield" for p in find_place_mentions(text, doc, lang="en", gazetteer=gazetteer))
    # a person tagged PERSON is never one
    text2 = "The coach, Jurgen Klopp, spoke in Liverpool."
    toponyms2 = us_local_toponyms(
        text2,
        _doc("en", text2, [("Jurgen Klopp", "PERSON"), ("Liverpool", "GPE")]),
        lang="en",
        gazetteer=gazetteer,
    )
    assert not any("Klopp" in t.span.text for t in toponyms2)


def test_country_names_split_by_the_ner_and_their_short_forms(gazetteer):

    text = "The vote cast by Trinidad and Tobago puzzled T&T's allies and Holland."
    ents = [("Trinidad", "GPE"), ("Tobago", "ORG"), ("T&T", "ORG"), ("Holland", "GPE")]
    toponyms = {t.span.text: t for t in us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)}
    assert toponyms["Trinidad and Tobago"].place.iso == "TT"
    assert toponyms["T&T"].place.iso == "TT"
    assert toponyms["Holland"].place.iso == "NL" and toponyms["Holland"].place.feature == "country"


def test_hyphenated_names_are_tried_apart(gazetteer):

    text = "Delano beat Watertown-ML in the final at the University of Nebraska-Lincoln arena."
    ents = [
        ("Delano", "GPE"),
        ("Watertown-ML", "ORG"),
        ("the University of Nebraska-Lincoln", "ORG"),
    ]
    found = {t.span.text: t for t in us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)}
    assert "Nebraska" in found and found["Nebraska"].place.feature == "admin1"
    # a hyphenated town stays whole
    text = "She moved to Winston-Salem last year."
    found = {
        t.span.text: t
        for t in us_local_toponyms(text, _doc("en", text, [("Winston-Salem", "GPE")]), lang="en", gazetteer=gazetteer)
    }
    assert found["Winston-Salem"].place.admin1 == "North Carolina"


def test_a_locality_named_after_a_bigger_place_is_not_that_place(gazetteer):

    text = (
        "A Tennessee Colony man was found shot near Palestine, Texas. Boats sailed past the "
        "Farallon Islands, and Las Vegas Valley residents voted."
    )
    ents = [
        ("Tennessee Colony", "GPE"),
        ("Palestine", "GPE"),
        ("Texas", "GPE"),
        ("Farallon Islands", "LOC"),
        ("Las Vegas Valley", "GPE"),
    ]
    found = {t.span.text: t for t in us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)}
    assert "Tennessee" not in found  # not the state of Tennessee
    assert found["Tennessee Colony"].place.admin1 == "Texas"  # placed in the story's town
    assert "Islands" not in found
    assert found["Las Vegas"].place.admin1 == "Nevada"  # a valley by a town is by that town


def test_peoples_the_ner_missed_and_legislators_counties(gazetteer):

    text = "The Czechs hold the presidency. Barbara Fleischauer, D-Monongalia, spoke in Charleston, W.Va."
    ents = [("Barbara Fleischauer", "PERSON"), ("Charleston", "GPE"), ("W.Va.", "GPE")]
    found = {t.span.text: t for t in us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)}
    assert found["Czechs"].relation == "demonym" and found["Czechs"].place.iso == "CZ"
    assert found["Monongalia"].place.feature == "admin2" and found["Monongalia"].place.admin1 == "West Virginia"


def test_a_home_town_after_a_person_or_organisation(gazetteer):

    text = "His cousin, Marcus Delane of Grand Prairie, said the game ran late."
    ents = [("Marcus Delane", "PERSON")]
    found = {t.span.text: t for t in us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)}
    assert found["Grand Prairie"].place.admin1 == "Texas"
    # a name that goes on is not a home town ("Theatre Works of Jackson next month")
    text = "It will be staged by Theatre Works of Jackson next month."
    found = us_local_toponyms(text, _doc("en", text, [("Theatre Works", "ORG")]), lang="en", gazetteer=gazetteer)
    assert not any(t.span.text == "Jackson" and t.method == "gazetteer" for t in found)


def test_one_division_among_many_named_does_not_claim_the_story(gazetteer):
    # Louisville, Kentucky (600 k people) beside a Columbus, Ohio dateline and six other states:
    # Ohio is one of many divisions named, so the small Louisville, Ohio does not win on it
    _assert_toponym(
        gazetteer,
        "COLUMBUS, Ohio (AP) — Notre Dame, Ind., beat Connecticut and Mississippi State "
        "beat Louisville in the semifinals. Oregon, Texas and South Carolina went out earlier.",
        [
            ("COLUMBUS", "GPE"),
            ("Ohio", "GPE"),
            ("Notre Dame", "GPE"),
            ("Ind.", "GPE"),
            ("Connecticut", "GPE"),
            ("Mississippi State", "ORG"),
            ("Louisville", "GPE"),
            ("Oregon", "GPE"),
            ("Texas", "GPE"),
            ("South Carolina", "GPE"),
        ],
        "Louisville",
        None,
        "Kentucky",
    )


def test_a_building_in_an_organisation_name_is_no_small_town(gazetteer):
    # "White House" is also a Tennessee town; in a Washington story it is the building
    _assert_toponym(
        gazetteer,
        "WASHINGTON (AP) — The White House chief of staff was not on the call.",
        [("WASHINGTON", "GPE"), ("The White House", "ORG")],
        "White House",
        "document focus",
        "District of Columbia",
    )


def test_a_town_named_like_its_division_is_the_division_at_its_border(gazetteer):

    text = "Traffic slowed at the New York border and at Exit 4 in Massachusetts."
    ents = [("New York", "GPE"), ("Massachusetts", "GPE")]
    found = {t.span.text: t for t in us_local_toponyms(text, _doc("en", text, ents), lang="en", gazetteer=gazetteer)}
    assert found["New York"].place.feature == "admin1"
    text = "She flew to New York on Monday."
    found = {
        t.span.text: t
        for t in us_local_toponyms(text, _doc("en", text, [("New York", "GPE")]), lang="en", gazetteer=gazetteer)
    }
    assert found["New York"].place.feature == "city"


@pytest.mark.parametrize(
    ("text", "ents", "surface"),
    [
        (
            "Barbara Fleischauer, D-Monongalia, spoke.",
            [("Barbara Fleischauer", "PERSON")],
            "Monongalia",
        ),
        ("Residents of Butler and Warren counties may apply.", [], "Butler"),
        (
            "according to Anderson County Sheriff Tom Reyes, the bridge was reopened.",
            [("Anderson County Sheriff", "PERSON"), ("Tom Reyes", "PERSON")],
            "Anderson County",
        ),
    ],
)
def test_us_local_news_detectors_run_only_with_their_profile(gazetteer, text, ents, surface):
    # invented US local news: a legislator's county, counties listed with one plural noun, a
    # sheriff's county
    doc = _doc("en", text, ents)
    assert surface in [t.span.text for t in us_local_toponyms(text, doc, lang="en", gazetteer=gazetteer)]
    assert surface not in [t.span.text for t in find_toponyms(text, doc, lang="en", gazetteer=gazetteer)]
    assert surface not in [m.span.text for m in find_place_mentions(text, doc, lang="en", gazetteer=gazetteer)]


def test_an_unknown_geo_profile_is_refused(gazetteer):
    with pytest.raises(ValueError, match="us-local"):
        find_toponyms("In Kerou.", None, lang="en", gazetteer=gazetteer, profile="rural")
