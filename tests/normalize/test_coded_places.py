"""The place an ACLED note says its event was coded to (normalize.coded_places; normalize.mentions
places the incident there before any other rule). Invented notes; the places are hand-made
fixtures."""

from __future__ import annotations

from dataclasses import replace

from eventwire.normalize.coded_places import coded_place
from tests.factories import make_place
from tests.factories import place_mention as mention

TAMBA = make_place("Tamba", "Kenya", "KE", 0.9, 38.9, admin1="Gao", geonameid=31, population=5000)
GAO = replace(TAMBA, name="Gao", feature="admin1", latitude=0.5, longitude=38.5, geonameid=32)
SILA = replace(GAO, name="Sila", latitude=-0.5, longitude=39.6, geonameid=33)


def test_the_place_a_note_codes_the_event_to_beats_the_border_it_names():
    text = "On May 3, two herders were killed at the border of Gao and Sila counties (coded as Tamba with GP2)."
    cands = [mention(text, "Gao", GAO), mention(text, "Sila", SILA), mention(text, "Tamba", TAMBA)]
    assert coded_place(text, cands) == cands[2]


def test_coordinates_used_name_the_coded_place():
    text = "On May 3, gunmen shot at a vehicle in Kerowa (Gao, coordinates for Tamba used), wounding a driver."
    cands = [mention(text, "Gao", GAO), mention(text, "Tamba", TAMBA)]
    assert coded_place(text, cands) == cands[1]


def test_coordinates_not_said_to_be_used_code_nothing():
    text = "Troops burned houses in Gao and Sila (approximate coordinates for Tamba and Sila)."
    cands = [mention(text, "Gao", GAO), mention(text, "Tamba", TAMBA)]
    assert coded_place(text, cands) is None
