"""Taking or retaking a town with the verb apart from its object (issue 16): "rebels seized the
town of Kolo on Sunday", "l'armée a repris dimanche le contrôle de la ville" are the codebook's
territory sub-types, not the fight told beside them. Sentences are invented."""

from __future__ import annotations

import pytest

from tests.extract.conftest import event_sub_types

NON_STATE = "Non-state actor overtakes territory"
GOVERNMENT = "Government regains territory"


@pytest.mark.parametrize(
    ("text", "lang", "sub"),
    [
        ("Rebels seized the town of Kerou on Sunday after heavy fighting with the army.", "en", NON_STATE),
        ("Les rebelles ont pris dimanche la localité de Kerou après des combats avec l'armée.", "fr", NON_STATE),
        ("L'armée a repris dimanche le contrôle de la ville de Kerou.", "fr", GOVERNMENT),
        ("Les soldats ont repris mardi la localité de Kerou, selon un communiqué de l'armée.", "fr", GOVERNMENT),
        ("Des insurgés armés se sont emparés du village de Kerou lundi matin.", "fr", NON_STATE),
    ],
)
def test_a_town_taken_or_retaken_is_a_territory_change(text, lang, sub):
    assert event_sub_types(text, lang)[:1] == [sub]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "reprendre" without a place for object: the fighting resumed, nobody took anything
        ("Les combats ont repris dimanche à Kerou entre l'armée et les rebelles.", "fr"),
        # weapons seized are no territory
        ("Rebels clashed with soldiers near Kerou on Sunday and seized weapons.", "en"),
    ],
)
def test_no_town_taken_is_no_territory_change(text, lang):
    assert not {NON_STATE, GOVERNMENT} & set(event_sub_types(text, lang))
