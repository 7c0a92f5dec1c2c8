"""An accented French participle that folds to a noun cue is read as the verb (issue 16): "les
ravisseurs ont frappé le chauffeur" (beat him) is no "frappe" (an air strike), so a kidnapping
whose victims were also beaten stays an Abduction (ACLED codebook). Sentences are invented."""

from __future__ import annotations

import pytest

from tests.extract.conftest import event_sub_types

ABDUCTION = "Abduction/forced disappearance"
AIR = "Air/drone strike"


@pytest.mark.parametrize(
    "text",
    [
        "Des hommes armés ont enlevé onze passagers mardi près de Kerou après avoir frappé le chauffeur.",
        "Deux passagers, frappés à coups de crosse, ont été enlevés mardi par des hommes armés près de Kerou.",
    ],
)
def test_a_kidnapping_with_beaten_victims_stays_an_abduction(text):
    assert event_sub_types(text, "fr")[:1] == [ABDUCTION]


@pytest.mark.parametrize(
    "text",
    [
        "Un drone a frappé mardi un convoi des rebelles près de Kerou, tuant six combattants.",
        "Des frappes ont touché mardi plusieurs quartiers de Kerou, faisant dix morts.",
        "Une frappe aérienne a visé mardi un dépôt des rebelles près de Kerou.",
    ],
)
def test_strikes_and_a_drone_that_struck_stay_air_strikes(text):
    assert event_sub_types(text, "fr")[:1] == [AIR]
