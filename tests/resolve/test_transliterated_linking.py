"""Cross-document linking robust to how outlets spell a place (issue 16): place names that are
transliterations of one name are one place. Hand-made events, no models; invented names."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.resolve.cross_document import link_across_documents
from eventwire.resolve.place_names import transliterated_alike
from eventwire.resolve.similarity import place_score
from tests.resolve.test_cross_document import make_event


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("Kourmashifa", "Kurmeshefah", True),  # vowels heard differently, "sh", a final "h"
        ("Tin-Kerouatene", "Tinkerwaten", True),  # FR "ou" / EN "w", a mute "e", a hyphen
        ("Djenkoulabou", "Jenkulabu", True),  # FR "dj" / EN "j", "ou" / "u"
        ("Gandourafi 1", "Gandourafi 2", False),  # two numbered villages
        ("Tinkara", "Tankoura", False),  # four consonants: may be two villages
        ("Kourmashifa", "Kourmalifa", False),  # another consonant
        ("Bera", "Bora", False),  # too short
    ],
)
def test_transliterations_of_one_name_are_one_place(a, b, alike):
    assert transliterated_alike(a, b) is alike


def test_two_outlets_spelling_one_village_differently_agree_on_the_place():
    # "gunmen attacked Kourmashifa" / "an attack on Kurmeshefah": two located villages with
    # different names are two locations, unless the names are one name spelt two ways
    a = make_event("a", location="Kourmashifa", geo_precision=1, latitude=2.40, longitude=40.59)
    b = make_event("b", location="Kurmeshefah", geo_precision=1, latitude=2.52, longitude=40.51)
    other = replace(b, location="Tamboula")
    assert place_score(a, b) == 1.0
    assert place_score(a, other) is None


def test_a_french_and_an_english_report_of_one_village_attack_link():
    # "des hommes armés ont attaqué Kourmachifa" / "gunmen attacked Kurmeshefah": one incident
    fr = make_event(
        "a",
        text="Des hommes armés ont attaqué Kourmachifa dimanche.",
        location="Kourmachifa",
        geo_precision=1,
        latitude=2.40,
        longitude=40.59,
    )
    en = make_event(
        "b",
        text="Gunmen attacked Kurmeshefah on Sunday.",
        location="Kurmeshefah",
        geo_precision=1,
        latitude=2.45,
        longitude=40.60,
    )
    [decision] = link_across_documents([en], candidates=lambda _e: [fr], similarity=lambda _a, _b: 0.7)
    assert (decision.action, decision.target_id) == ("join", "a:0")
