"""Dated incidents told as one occurrence, not a habit or background (issue 16).

A log entry headed by its day tells its incident in the present; a main clause pinned to a day
of its own tells one incident even when a period or an earlier day is named in another phrase;
"rough up" is an assault. Sentences are written for these tests. Real spaCy models.
"""

from __future__ import annotations

import pytest

from tests.extract.conftest import find_mentions


def readings(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.trigger.span.text, m.modality) for m in find_mentions(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        # a dateline dates the present of a log entry (a noun or adjective trigger too)
        ("en", "17 April. Taxi drivers hold a demonstration against the fuel levy in Nyeri.", "demonstration"),
        ("en", "2 March. Rioting traders hurl bottles at the mayor's car outside the market in Nanyuki.", "Rioting"),
        # a day of its own: the period or the earlier day belongs to another phrase
        (
            "en",
            "On 12 May 2019, in Nyeri, traders protested the closure (since March) of the municipal market.",
            "protested",
        ),
        (
            "en",
            (
                "On 4 June 2019, students protested outside the county offices in Embu, following the expulsion "
                "of their classmates the previous day."
            ),
            "protested",
        ),
        (
            "fr",
            "Le 12 mai 2019, à Ségou, des commerçants ont protesté contre la fermeture (depuis janvier) du marché central.",
            "protesté",
        ),
        (
            "fr",
            "Le 12 mai 2019, des commerçants ont manifesté à Ségou contre la fermeture du marché, en vigueur depuis janvier.",
            "manifesté",
        ),
    ],
)
def test_dated_incident_is_asserted(lang: str, text: str, trigger: str) -> None:
    assert (trigger, "asserted") in readings(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a tally over a period stays background: no day of its own, or the English present perfect
        ("en", "Since January, gunmen have killed 40 people in the district."),
        ("en", "On 3 May 2020, gunmen have killed 40 people in the district since January."),
        ("fr", "Depuis janvier, des hommes armés ont tué 40 civils dans le cercle."),
    ],
)
def test_period_tally_stays_background(lang: str, text: str) -> None:
    assert all(modality == "background" for _, modality in readings(text, lang))


def test_rough_up_is_an_assault() -> None:
    found = find_mentions("A mob roughed up two traders at the bus stop in Embu on Sunday.", "en")
    assert [m.trigger.sub_event_type for m in found if m.modality == "asserted"] == ["Mob violence"]
    assert any("A_ASSAULT" in m.cue_classes for m in found)
