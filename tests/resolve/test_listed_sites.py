"""One event per location (issue 16): an unknown village listed with a known town is coded near
that town (geo_precision 2) and stays an event of its own, not merged back into the town's event
(resolve.listed_locations). Invented articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from tests.resolve.conftest import pipeline_events


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            (
                "Gunmen attacked army positions in northern Burkina Faso on Sunday. The attack targeted "
                "posts near the village of Tazorbaye and in the town of Dori, the army said."
            ),
        ),
        (
            "fr",
            (
                "Des hommes armés ont attaqué dimanche des positions de l'armée au Burkina Faso. L'assaut a "
                "visé des postes près du village de Tazorbaye et dans la ville de Dori, selon l'armée."
            ),
        ),
    ],
)
def test_an_unknown_village_listed_with_a_known_town_stays_an_event_of_its_own(lang, text):
    events = {e.location: e for e in pipeline_events(text, lang, date(2023, 5, 10))}
    assert sorted(events) == ["Dori", "Tazorbaye"]
    assert events["Tazorbaye"].geo_precision == 2 and events["Dori"].geo_precision == 1
