"""Which place(s) an incident sentence reports (normalize.incident_place); hand-made mentions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.models import Place, Span
from eventwire.normalize.incident_place import choose_places, expand_list
from tests.factories import make_place
from tests.factories import place_mention as mention

GAO = make_place("Gao", latitude=16.27, longitude=-0.04, admin1="Gao", geonameid=2457163, population=86633)
MALI = make_place("Mali", latitude=12.65, longitude=-8.0, feature="country", geo_precision=3, geonameid=2453866)
# an invented foreign namesake (a small town abroad with a local village's name); ids are fixtures
NAMESAKE = make_place("Tela", "Honduras", "HN", 15.78, -87.46, geonameid=1, population=40000)
# an invented village of Mali, and a big namesake of it abroad
HOME_TOLA = make_place("Tola", admin1="Mopti", geonameid=1, population=900)
FOREIGN_TOLA = make_place("Tola", "Nicaragua", "NI", 11.44, -85.94, geonameid=3617052, population=400_000)


def sentence(text: str) -> Span:
    return Span(0, len(text), text)


def in_mali(text: str, cands: list, **kw):
    """Return the places `choose_places` keeps in an article about Mali (anchored to the country)."""
    return choose_places(text, sentence(text), cands, cands, main_iso="ML", document_anchor=MALI, **kw)


def test_choose_places_splits_a_list_of_villages_into_one_place_each():
    text = "Des hommes armés ont attaqué les villages de Kerou, Tamba et Merelo près de Gao."
    cands = [mention(text, "Kerou", None), mention(text, "Gao", GAO)]
    places = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert [p.span.text for p in places] == ["Kerou", "Tamba", "Merelo"]
    assert all(p.place is not None and p.place.geo_precision == 2 for p in places)
    assert "not in the gazetteer" in places[0].reason


def test_choose_places_between_two_places_is_one_incident():
    text = "Gunmen ambushed a bus on the road between Kerou and Gao."
    cands = [mention(text, "Kerou", None), mention(text, "Gao", GAO)]
    places = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert len(places) == 1


def test_choose_places_treats_a_small_foreign_namesake_as_an_unknown_village():
    text = "Les habitants de Tela et Kerou ont été attaqués dans le nord du Mali."
    cands = [
        mention(text, "Tela", NAMESAKE),
        mention(text, "Kerou", None),
        mention(text, "Mali", MALI),
    ]
    places = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert [p.span.text for p in places] == ["Tela", "Kerou"]
    assert {p.place.iso for p in places} == {"ML"}


def test_choose_places_prefers_the_most_precise_known_place():
    text = "Une embuscade a visé une patrouille à Gao, au Mali."
    cands = [mention(text, "Gao", GAO), mention(text, "Mali", MALI)]
    places = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert [p.place.name for p in places] == ["Gao"]


def test_choose_places_returns_nothing_without_a_place():
    text = "Les assaillants ont pris la fuite."
    assert choose_places(text, sentence(text), [], [], main_iso="ML") == []


def test_expand_list_finds_names_ner_missed():
    text = "Attaques à Kerou, Tamba, al-Hadra et Merelo."
    found = expand_list(text, sentence(text), [mention(text, "Kerou", None)])
    assert [p.span.text for p in found] == ["Kerou", "Tamba", "al-Hadra", "Merelo"]


def test_choose_places_never_codes_an_institution_as_a_village():
    text = "Le conseiller spécial du président de la République a été interpellé à Gao."
    cands = [mention(text, "République", None), mention(text, "Gao", GAO)]
    places = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert [p.span.text for p in places] == ["Gao"]


def test_choose_places_leaves_a_village_unlocated_when_only_the_country_is_known():
    # the capital's point would put the village hundreds of kilometres off: null and a reason
    text = "Des hommes armés ont attaqué lundi le village de Kerou."
    places = choose_places(text, sentence(text), [], [], main_iso="ML", document_anchor=MALI)
    (place,) = places
    assert place.span.text == "Kerou" and place.method == "unlocated"
    assert place.place.latitude is None and place.place.longitude is None
    assert place.place.iso == "ML" and "coordinates unknown" in place.reason


def test_choose_places_keeps_the_resolved_place_of_a_locality_in_a_claim_clause():
    # "Gao" sits inside the claim ("une vidéo revendiquant…") so it is not a candidate, but the
    # locality named after "localité de" is still the resolved town, not an unknown village
    text = "Le groupe a diffusé une vidéo revendiquant l'enlèvement de dix personnes dans la localité de Gao."
    gao = mention(text, "Gao", GAO)
    places = choose_places(text, sentence(text), [], [], main_iso="ML", document_anchor=MALI, known=(gao,))
    assert [(p.span.text, p.place.name, p.place.latitude) for p in places] == [("Gao", "Gao", GAO.latitude)]


def test_sentence_places_skip_a_distant_yardstick():
    from eventwire.normalize.incident_place import sentence_places

    text = "Kerou, à plus de 600 kilomètres de Gao, a été attaqué."
    gao = mention(text, "Gao", GAO, relation="distance reference")
    assert sentence_places(sentence(text), (gao,), exclude=()) == []


def test_expand_list_does_not_take_a_demonym_after_a_comma_for_a_place():
    text = "Clashes erupted in Kerou Square, Iraqi security officials said."
    cands = [mention(text, "Kerou Square", None)]
    found = expand_list(text, sentence(text), cands)
    assert [p.span.text for p in found] == ["Kerou Square"]


def test_choose_places_keeps_a_known_town_before_unknown_names_it_is_described_by():
    text = "The bodies of 12 men lay in the streets of Gao, just below the hamlets of Kerou and Tamba."
    cands = [mention(text, "Gao", GAO), mention(text, "Kerou", None), mention(text, "Tamba", None)]
    places = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert [p.span.text for p in places] == ["Gao"]


def test_choose_places_looks_up_listed_names_that_ner_missed_in_the_article_country():
    text = "Militants attacked positions in Gao, Ansongo, Kerou and Menaka on Friday."
    cands = [mention(text, "Gao", GAO)]
    ansongo = make_place("Ansongo", latitude=15.66, longitude=0.50, geonameid=2460954, population=32709)
    places = choose_places(
        text,
        sentence(text),
        cands,
        cands,
        main_iso="ML",
        resolve=lambda name: ansongo if name == "Ansongo" else None,
    )
    assert [p.span.text for p in places] == ["Gao", "Ansongo", "Kerou", "Menaka"]
    assert places[1].place == ansongo and "found in the article's country" in places[1].reason
    assert "not in the gazetteer" in places[2].reason


def test_choose_places_takes_the_namesake_in_the_article_country():
    text = "Des hommes armés ont attaqué Tola dans la nuit."
    cands = [mention(text, "Tola", NAMESAKE)]
    places = in_mali(text, cands, resolve=lambda name: HOME_TOLA if name == "Tola" else None)
    assert [(p.place.name, p.place.iso, p.method) for p in places] == [("Tola", "ML", "domestic_namesake")]


def test_choose_places_keeps_a_foreign_town_whose_country_the_article_names():
    text = "Une roquette tirée depuis le Mali est tombée sur Tela, au Honduras."
    cands = [mention(text, "Tela", NAMESAKE)]
    places = in_mali(text, cands, named_isos=frozenset({"ML", "HN"}))
    assert [(p.place.name, p.place.iso) for p in places] == [("Tela", "HN")]


def test_choose_places_never_codes_a_village_to_the_neighbour_across_a_border():
    text = "Des hommes armés ont attaqué Kerou, près de la frontière du Niger."
    niger = make_place("Niger", "Niger", "NE", 13.5, 2.1, "country", 3, geonameid=2440476)
    cands = [
        mention(text, "Kerou", None),
        mention(text, "Niger", niger, relation="border"),
    ]
    places = choose_places(text, sentence(text), cands, cands, main_iso=None)
    assert all(p.place is None or p.place.iso != "NE" for p in places)


def test_choose_places_prefers_a_home_namesake_to_a_foreign_city_that_is_not_famous():
    text = "Des hommes armés ont attaqué Tola."
    cands = [mention(text, "Tola", FOREIGN_TOLA)]
    found = in_mali(text, cands, resolve=lambda name: HOME_TOLA)
    kept = in_mali(text, cands, resolve=lambda name: None)
    assert [p.place.iso for p in found] == ["ML"]
    assert [p.place.iso for p in kept] == ["NI"]


BOUREM = make_place("Bourem", latitude=16.95, longitude=-0.35, admin1="Gao", geonameid=2460489, population=27488)
GAO_REGION = replace(GAO, feature="admin1", geo_precision=3, geonameid=2457161, population=500000)


def test_choose_places_takes_the_place_itself_not_its_gloss_in_brackets():
    text = "Des hommes armés ont attaqué un marché près de Bourem (Gao) dimanche."
    # "près de" codes Bourem at geo_precision 2, less precise than the town in brackets
    near_bourem = replace(BOUREM, geo_precision=2)
    cands = [mention(text, "Bourem", near_bourem), mention(text, "Gao", GAO)]
    (place,) = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert place.span.text == "Bourem"


def test_choose_places_codes_an_unknown_village_near_its_gloss():
    text = "Gunmen shot dead a trader in Tazor (Gao) on Sunday."
    cands = [mention(text, "Tazor", None), mention(text, "Gao", GAO)]
    (place,) = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert (place.span.text, place.place.geo_precision, place.place.latitude) == ("Tazor", 2, GAO.latitude)


def test_choose_places_reads_a_division_after_a_comma_as_the_container_not_a_second_place():
    text = "Gunmen shot dead a trader in Tazor, Gao region, on Sunday."
    cands = [mention(text, "Tazor", None), mention(text, "Gao", GAO_REGION)]
    (place,) = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert (place.span.text, place.place.geo_precision) == ("Tazor", 2)


def test_choose_places_prefers_the_place_the_clause_names_to_an_end_of_a_road():
    text = "Protesters blocked the Gao-Bourem road near Tazor on Sunday."
    tazor = make_place("Tazor", latitude=16.5, longitude=-0.2)
    cands = [mention(text, "Gao", GAO), mention(text, "Bourem", BOUREM), mention(text, "Tazor", tazor)]
    (place,) = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert place.span.text == "Tazor"


def test_choose_places_finds_a_village_ner_missed_before_its_division():
    # invented: NER tagged only the region; the village is the name the apposition places
    for text in (
        "Soldiers and gunmen clashed in Tazor, Gao region, on Sunday.",
        "Gunmen killed two herders near Tazor (Gao region) on Sunday.",
        "Des hommes armés ont tué trois civils à Tazor, dans la région de Gao.",
    ):
        cands = [mention(text, "Gao", GAO_REGION)]
        (place,) = choose_places(text, sentence(text), cands, cands, main_iso="ML")
        assert (place.span.text, place.place.geo_precision, place.place.latitude) == ("Tazor", 2, GAO.latitude)


def test_an_unknown_village_keeps_its_name_without_the_place_noun():
    text = "Gunmen killed two herders in Tazor village, Gao region, on Sunday."
    cands = [mention(text, "Tazor village", None), mention(text, "Gao", GAO_REGION)]
    (place,) = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert (place.place.name, place.place.geo_precision) == ("Tazor", 2)


def test_choose_places_codes_a_village_at_the_place_its_apposition_puts_it_in():
    # invented: the village is unknown; its apposition names its commune, a known town
    text = (
        "Des hommes armés ont tué trois civils lundi à Tazor, village de la commune de Bourem, dans la région de Gao."
    )
    cands = [mention(text, "Tazor", None), mention(text, "Bourem", BOUREM), mention(text, "Gao", GAO)]
    (place,) = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert (place.span.text, place.place.geo_precision, place.place.latitude) == ("Tazor", 2, BOUREM.latitude)
    assert place.place.where_prec == 2


def test_choose_places_codes_a_village_in_a_region_written_before_its_name():
    # invented: "la région de Gao" names the region even when the gazetteer read the town
    text = "Un drone s'est écrasé lundi dans la localité de Tazor, dans la région de Gao."
    cands = [mention(text, "Gao", GAO)]
    (place,) = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert (place.span.text, place.place.geo_precision) == ("Tazor", 2)


def test_an_unknown_village_of_a_district_is_coded_at_the_district_centre():
    # "Zanto" is invented; its district's capital lies far from the district's middle, where a
    # village of it is on average nearest
    from eventwire.gazetteer import load_gazetteer
    from eventwire.geoparse import candidate_place

    (district,) = [c for c in load_gazetteer().candidates("Bama", country="NG") if c.feature == "admin2"]
    text = "Gunmen killed two herders in Zanto village, Bama district, on Sunday."
    cands = [mention(text, "Zanto village", None), mention(text, "Bama", candidate_place(district))]
    (place,) = choose_places(text, sentence(text), cands, cands, main_iso="NG")
    assert place.method == "nearest_known_place"
    assert (place.place.name, place.place.latitude, place.place.longitude) == (
        "Zanto",
        district.centre_latitude,
        district.centre_longitude,
    )


def test_choose_places_reads_a_gloss_after_a_division_noun_as_the_county_not_the_place():
    # a language regularity: "Tamba sub-county (Gao, …)" is Tamba, in Gao county, even when the
    # gazetteer reads the gloss as a town more precise than the sub-county
    tamba = make_place("Tamba", latitude=16.9, longitude=0.4, feature="admin2", geo_precision=2)
    text = "Gunmen shot dead a herder in Tamba sub-county (Gao, approximate coordinates) on Sunday."
    cands = [mention(text, "Tamba", tamba), mention(text, "Gao", GAO)]
    (place,) = choose_places(text, sentence(text), cands, cands, main_iso="ML")
    assert place.span.text == "Tamba"


def test_choose_places_reads_a_big_town_abroad_under_another_languages_name_as_a_village_at_home():
    # "Lipsia" is an old name of a German city: in a story about Mali it is an unknown village,
    # however big the city; under its own name a big town abroad is kept (test above)
    text = "Des hommes armés ont attaqué Lipsia."
    foreign = make_place("Leipzig", "Germany", "DE", 51.34, 12.37, geonameid=2879139, population=504_971)
    cands = [mention(text, "Lipsia", foreign)]
    found = in_mali(text, cands, resolve=lambda name: None)
    assert [p.place.iso for p in found] == ["ML"]


@pytest.mark.parametrize(("written", "own"), [("Kerouna", "Kerunna"), ("Kerou", "Kerouvska Oblast")])
def test_choose_places_keeps_a_big_town_abroad_written_in_a_respelling_of_its_own_name(written, own):
    # a language regularity: a French or English respelling ("Kerouna" for "Kerunna") or a division
    # named by its head word ("Kerou" for "Kerouvska Oblast") is still the place's own name
    text = f"Des drones ont été abattus au-dessus de {written}."
    foreign = make_place(own, "Kerouvia", "KV", 50.0, 36.2, geonameid=990_001, population=900_000)
    cands = [mention(text, written, foreign)]
    found = in_mali(text, cands, resolve=lambda name: None)
    assert [p.place.iso for p in found] == ["KV"]


def test_choose_places_codes_an_unknown_village_just_outside_which_it_happened():
    # English: "outside (of) X" places an incident at X's edge, as "near X" does
    text = "A roadside bomb went off just outside of Kerou, wounding two soldiers."
    kerou = mention(text, "Kerou", None)
    places = choose_places(text, sentence(text), [], [kerou], main_iso="ML", document_anchor=MALI)
    assert [(p.span.text, p.place.iso) for p in places] == [("Kerou", "ML")]
    text = "A roadside bomb wounding two soldiers was blamed on Kerou."
    kerou = mention(text, "Kerou", None)
    assert choose_places(text, sentence(text), [], [kerou], main_iso="ML", document_anchor=MALI) == []


@pytest.mark.parametrize(("written", "own"), [("Kero", "Kera"), ("Ker", "Kerlin")])
def test_choose_places_reads_a_big_town_abroad_one_letter_or_a_syllable_off_as_a_village_at_home(written, own):
    # a language regularity: one letter of a four-letter name changed ("Kero" for Kera) or a bare
    # first syllable ("Ker" for Kerlin) names another place, not a respelling of the big town's
    text = f"Des hommes armés ont attaqué {written}."
    foreign = Place(
        name=own,
        country="Kerouvia",
        iso="KV",
        latitude=50.0,
        longitude=7.1,
        feature="city",
        geo_precision=1,
        geonameid=990_002,
        population=330_000,
    )
    cands = [mention(text, written, foreign)]
    found = choose_places(
        text, sentence(text), cands, cands, main_iso="ML", document_anchor=MALI, resolve=lambda name: None
    )
    assert [p.place.iso for p in found] == ["ML"]
