"""An unknown village a sentence situates by grammar (issue 16): "Mopti's village of X", "le
village de X dans la commune de Y". ACLED codes the village, at the known place (geo_precision
2), so two outlets that situate it differently still code one place. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from tests.resolve.conftest import pipeline_events


@pytest.mark.parametrize(
    ("lang", "text", "anchor"),
    [
        (
            "en",
            "Gunmen attacked Mopti's village of Tiranboula on Sunday, killing six civilians, Malian officials said.",
            "Mopti",
        ),
        (
            "fr",
            (
                "Au Mali, des hommes armés ont attaqué dimanche le village de Tiranboula dans la commune de "
                "Douentza, tuant six civils."
            ),
            "Douentza",
        ),
    ],
)
def test_a_village_owned_or_contained_by_a_known_place_is_the_incident_place(lang, text, anchor):
    [event] = pipeline_events(text, lang, date(2024, 3, 5))
    assert event.location == "Tiranboula"
    assert event.geo_precision == 2
    assert event.provenance["location"].method.endswith("nearest_known_place")
    assert anchor in (event.provenance["location"].reason or "")


def test_a_village_near_a_town_is_not_read_as_contained():
    # "near" gives a distance, not a container: the town is coded, as near (rule 1)
    text = "Gunmen attacked the village of Tiranboula near Douentza in Mali on Sunday, killing six civilians."
    [event] = pipeline_events(text, "en", date(2024, 3, 5))
    assert event.location == "Douentza"
