"""Every event gets a country and the most specific place its own clause names (issue 16), on
invented sentences through the whole pipeline."""

from __future__ import annotations

from datetime import date

from tests.resolve.conftest import pipeline_events as _events

SUNDAY = date(2020, 1, 13)


def test_a_village_written_in_its_county_is_one_event_at_the_village():
    # "Kerou" is also a town in Benin: the county written after it says which country, and the
    # county is where the village lies, not a second place attacked
    (event,) = _events("Gunmen shot dead a trader in Kerou village, Kakamega county, on Sunday.", "en", SUNDAY)
    assert (event.country, event.geo_precision) == ("Kenya", 2)
    assert event.location.startswith("Kerou")


def test_a_town_before_a_noun_of_its_people_places_their_protest():
    (event,) = _events(
        "Kisumu residents protested on Sunday against a plan to move the fish market to Nakuru.", "en", SUNDAY
    )
    assert (event.country, event.location) == ("Kenya", "Kisumu")


def test_a_known_town_outside_the_country_of_the_named_county_is_a_namesake():
    # "Tamba" is a town in Japan; the sentence calls it a village of a Kenyan sub-county
    (event,) = _events(
        "Gunmen stormed Tamba village in Kisumu sub county on Sunday, killing two herders.", "en", SUNDAY
    )
    assert event.country == "Kenya"


def test_a_nationwide_event_is_coded_to_the_capital():
    # ACLED codes an event placed only in a country to its capital at geo_precision 3
    (event,) = _events("On Sunday, Kenyan teachers marched in towns all over the country.", "en", SUNDAY)
    assert (event.country, event.location, event.geo_precision) == ("Kenya", "Nairobi", 3)


def test_a_town_named_only_inside_a_title_gives_the_country():
    (event,) = _events(
        "On Sunday, youths stoned the convoy of the Kisumu Deputy Governor when he visited Zorbatouk.", "en", SUNDAY
    )
    assert event.country == "Kenya"


def test_a_people_of_one_country_gives_the_country_and_the_village_keeps_its_name():
    (event,) = _events("On Sunday, Dogon militiamen killed three herders in Zorbatouk.", "en", SUNDAY)
    assert (event.country, event.location) == ("Mali", "Zorbatouk")
