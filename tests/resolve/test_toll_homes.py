"""A toll told in a sentence the grouping joins to several incidents belongs to one of them
(issue 16, ACLED: each death is coded in one event). Invented mentions."""

from __future__ import annotations

from eventwire.models import Casualties, Mention, PlaceMention, Span
from eventwire.resolve.build import shared_mention_keys
from eventwire.resolve.coders.fatalities import code_fatalities
from eventwire.resolve.in_document import MentionGroup
from eventwire.resolve.toll_homes import toll_homes, toll_mentions
from tests.factories import make_mention


def _mention(start: int, text: str, place: str | None = None, killed: int = 0) -> Mention:
    at = None
    if place is not None:
        i = text.index(place)
        at = PlaceMention(Span(start + i, start + i + len(place), place), place, None, "ner")
    toll = (
        Casualties(fatalities=killed, spans=(Span(start, start + 8, text[:8]),), method="figures") if killed else None
    )
    return make_mention(start, text, place=at, casualties=toll)


def _tolls(groups: list[MentionGroup]) -> list[int]:
    shared = shared_mention_keys(groups)
    homes = toll_homes(groups, shared)
    return [
        code_fatalities(toll_mentions(g, homes, shared), document_id="d", shared_mentions=shared).value.fatalities
        for g in groups
    ]


def test_a_retold_toll_belongs_to_the_incident_told_before_it_fr():
    strike = _mention(0, "Une frappe a tué quatre civils à Kerou dimanche.", "Kerou", killed=4)
    retold = _mention(60, "Un notable a assuré que le bombardement avait tué un berger.", killed=1)
    rockets = _mention(130, "Des roquettes ont ensuite été tirées sur Bera.", "Bera")
    groups = [MentionGroup((strike, retold), False), MentionGroup((retold, rockets), False)]
    # the retold toll follows Kerou's strike: Bera's rockets, told after it, killed nobody
    assert _tolls(groups) == [4, 0]


def test_a_summed_toll_in_a_lead_goes_to_one_incident_en():
    lead = _mention(0, "Gunmen killed five people in attacks on two villages.", killed=5)
    kerou = _mention(60, "Gunmen stormed Kerou at dawn.", "Kerou")
    bera = _mention(100, "Others raided Bera an hour later.", "Bera")
    groups = [MentionGroup((lead, kerou), False), MentionGroup((lead, bera), False)]
    assert _tolls(groups) == [5, 0]


def test_a_toll_told_at_a_named_place_is_that_incidents_en():
    lead = _mention(0, "Herders were among the dead, a chief in Kerou said, 24 of them.", killed=24)
    bera = _mention(90, "Nine more were found in Bera.", "Bera", killed=9)
    kerou = _mention(120, "Riders on motorcycles stormed Kerou at dusk.", "Kerou")
    groups = [MentionGroup((lead, bera), False), MentionGroup((lead, kerou), False)]
    assert _tolls(groups) == [9, 24]
