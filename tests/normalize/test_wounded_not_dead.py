"""The wounded whose life is at stake, or who escaped death, are not dead (issue 16: wounded
counted as dead). A number told before the death word of such a phrase counts nobody. Invented
sentences."""

from __future__ import annotations

import pytest

from eventwire.normalize.casualties import count_casualties


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Four of the injured herders are fighting for their lives at the district clinic.", "en"),
        ("Two guards were left for dead by the raiders.", "en"),
        ("Three rangers were nearly killed when the convoy was ambushed.", "en"),
        ("Deux bergers blessés sont entre la vie et la mort.", "fr"),
        ("Trois gardes ont échappé à la mort lors de l'embuscade.", "fr"),
    ],
)
def test_a_life_at_stake_is_no_death(text, lang):
    assert count_casualties(text, lang=lang).fatalities == 0


@pytest.mark.parametrize(
    ("text", "lang", "killed"),
    [
        ("Five rangers were killed and two nearly killed in the ambush.", "en", 5),
        ("Cinq gardes ont été tués et deux ont échappé à la mort.", "fr", 5),
        ("Two herders lost their lives in the raid.", "en", 2),
    ],
)
def test_a_death_beside_an_escape_still_counts(text, lang, killed):
    assert count_casualties(text, lang=lang).fatalities == killed
