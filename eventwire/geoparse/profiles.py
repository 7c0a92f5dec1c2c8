"""Detector profiles: which place-mention detectors run on a text.

"conflict" (the default) runs the detectors that hold for any news; "us-local" adds those written
for US local news (the GeoWebNews/LGL benchmarks): counties and parishes listed with one plural
noun ("Jackson and Barrow counties"), a legislator's party and home town ("D-Monongalia"), the
place at the head of an institution's name ("Anderson County Sheriff"), the home town written
after a person or a club ("the Garden Club of Centerville"), and towns the NER took for people
listed beside places ("Newark, Heath and Pataskala").
"""

from __future__ import annotations

CONFLICT = "conflict"
US_LOCAL = "us-local"
GEO_PROFILES = (CONFLICT, US_LOCAL)
DEFAULT_PROFILE = CONFLICT


def check_profile(profile: str) -> str:
    """Return `profile` when it is known; raise ValueError naming the known ones otherwise."""
    if profile not in GEO_PROFILES:
        raise ValueError(f"unknown geo profile {profile!r} (expected one of {', '.join(GEO_PROFILES)})")
    return profile
