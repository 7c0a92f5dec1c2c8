"""Cross-document resolution (issue 6): hand-made events, a fake text similarity, no models."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from eventwire.models import Event
from eventwire.resolve.cross_document import (
    combine_contributions,
    link_across_documents,
    match_events,
)
from eventwire.resolve.similarity import (
    EvidenceSimilarity,
    date_score,
    lexical_similarity,
    place_score,
    type_score,
)
from tests.factories import make_document, make_report
from tests.factories import make_event as build_event


def make_event(
    doc: str,
    n: int = 0,
    *,
    text: str = "Gunmen attacked a bus near Tazor.",
    outlet: str | None = None,
    status: str = "reported",
    **kw,
) -> Event:
    document = make_document(text, doc_id=doc, lang="en", url=None, outlet=outlet or f"outlet-{doc}")
    report = make_report(document, text, attributed_to=None, claim_status=status, fatalities=kw.get("fatalities", 0))
    fields = {
        "event_date": date(2019, 12, 6),
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Kenya)",
        "actor2": "Civilians (Kenya)",
        "country": "Kenya",
        "iso": "KE",
        "admin1": "Wajir",
        "admin2": None,
        "location": "Tazor",
        "latitude": 2.4094,
        "longitude": 40.5948,
        "notes": "On 6 December 2019, gunmen attacked a bus. 0 fatalities.",
        "fatalities_low": None,
        "fatalities_high": None,
        "claimed_by": (),
        "confidence": 0.5,
        "provenance": {},
        "reports": (report,),
        **kw,
    }
    return build_event(document, n, **fields)


def same_text(a: Event, b: Event) -> float:
    """Fake similarity: 0.9 when the first evidence words agree, else 0.1."""
    first = lambda e: e.reports[0].evidence[0].text.split()[0]
    return 0.9 if first(a) == first(b) else 0.1


def stored_only(*events: Event):
    return lambda _event: list(events)


def test_link_across_documents_joins_the_same_incident_from_another_outlet():
    stored = make_event("a")
    new = make_event("b")
    [decision] = link_across_documents([new], candidates=stored_only(stored), similarity=same_text)
    assert decision.action == "join"
    assert decision.target_id == "a:0"
    assert "text 0.90" in decision.reason


def test_link_across_documents_creates_when_nothing_matches():
    stored = make_event("a", country="Somalia", iso="SO")
    [decision] = link_across_documents([make_event("b")], candidates=stored_only(stored), similarity=same_text)
    assert decision.action == "create"


@pytest.mark.parametrize(
    "change",
    [
        {"event_date": date(2019, 12, 9)},  # 3 days apart at exact precision
        {"country": "Somalia"},
        {"event_type": "Protests", "sub_event_type": "Peaceful protest"},
        # two named villages 14 km apart are two locations
        {"location": "Elsewhere", "latitude": 2.53, "longitude": 40.60},
    ],
)
def test_match_events_blocks_pairs_that_cannot_be_one_incident(change):
    a, b = make_event("a"), make_event("b", **change)
    assert match_events(a, b, similarity=same_text) is None


def test_match_events_needs_similar_evidence():
    a, b = make_event("a"), make_event("b", text="Protesters gathered in the capital.")
    assert match_events(a, b, similarity=same_text) is None


def test_place_score_follows_place_hierarchy():
    village = make_event("a")
    region = make_event(
        "b", location="Wajir", latitude=1.7471, longitude=40.0573, geo_precision=3
    )  # ~95 km away, same admin1
    country = make_event("c", location="Kenya", admin1=None, latitude=-1.28, longitude=36.8, geo_precision=3)
    other_region = replace(region, admin1="Isiolo")
    assert place_score(village, village) == 1.0
    assert place_score(village, region) == 0.5
    assert place_score(village, country) == 0.2
    assert place_score(village, other_region) is None


def test_date_and_type_windows():
    a = make_event("a")
    assert date_score(a, make_event("b", event_date=date(2019, 12, 7))) == 0.5
    assert date_score(a, make_event("b", event_date=date(2019, 12, 9), time_precision=2)) == 0.25
    clash = make_event("b", event_type="Battles", sub_event_type="Armed clash")
    assert type_score(a, clash) == 0.55  # a bus attack told as a clash by another outlet


def test_link_across_documents_is_one_to_one_within_a_document():
    # two villages attacked the same day, each reported by both outlets
    yoro = make_event(
        "a",
        0,
        location="Balinga",
        latitude=14.2793,
        longitude=-2.1354,
        country="Mali",
        admin1="Mopti",
    )
    ganga = make_event(
        "a",
        1,
        location="Koumadi 2",
        latitude=14.34,
        longitude=-2.0244,
        country="Mali",
        admin1="Mopti",
    )
    new_yoro = replace(
        make_event("b", 0),
        **{k: getattr(yoro, k) for k in ("location", "latitude", "longitude", "country", "admin1")},
    )
    new_ganga = replace(
        make_event("b", 1),
        **{k: getattr(ganga, k) for k in ("location", "latitude", "longitude", "country", "admin1")},
    )
    decisions = link_across_documents([new_ganga, new_yoro], candidates=stored_only(yoro, ganga), similarity=same_text)
    assert [(d.event_id, d.target_id) for d in decisions] == [("b:1", "a:1"), ("b:0", "a:0")]


def test_link_across_documents_skips_events_already_reporting_the_document():
    stored = make_event("a")
    new = make_event("a", 1)  # same document: in-document resolution decided they differ
    [decision] = link_across_documents([new], candidates=stored_only(stored), similarity=same_text)
    assert decision.action == "create"


def test_context_mention_joins_or_is_kept_for_review():
    stored = make_event("a")
    recap = make_event("b", status="context", context_only=True)
    elsewhere = replace(recap, event_id="b:1", country="Somalia")
    decisions = link_across_documents([recap, elsewhere], candidates=stored_only(stored), similarity=same_text)
    assert [d.action for d in decisions] == ["join", "review"]


def test_combine_contributions_keeps_every_report_and_the_conservative_toll():
    first = make_event("a", fatalities=10, fatalities_low=10, fatalities_high=10, outlet="Nation")
    second = make_event(
        "b",
        fatalities=8,
        fatalities_low=None,
        fatalities_high=None,
        outlet="Reuters",
        location="Wajir",
        latitude=1.7471,
        longitude=40.0573,
        geo_precision=3,
    )
    third = make_event("c", fatalities=11, fatalities_low=11, fatalities_high=12, outlet="Nation")
    event = combine_contributions("a:0", [first, second, third])
    assert event.event_id == "a:0"
    assert [r.document_id for r in event.reports] == ["a", "b", "c"]
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (8, 8, 12)
    assert event.source == "Nation; Reuters"
    assert event.location == "Tazor"  # the most precise place
    assert "8 fatalities." in event.notes
    assert not event.disputed


def test_combine_contributions_sets_disputed_when_reports_blame_different_groups():
    a = make_event("a", actor1="Al Shabaab")
    b = make_event("b", actor1="Military Forces of Kenya (2013-)")
    assert combine_contributions("a:0", [a, b]).disputed


def test_combine_contributions_of_one_account_is_that_account():
    event = make_event("a")
    assert combine_contributions("a:0", [event]) == event


def test_combine_contributions_is_order_independent_but_for_report_order():
    a, b = make_event("a", fatalities=3), make_event("b", actor1="Al Shabaab", fatalities=5)
    ab, ba = combine_contributions("x", [a, b]), combine_contributions("x", [b, a])
    assert replace(ab, reports=(), source="") == replace(ba, reports=(), source="")


class FakeEncoder:
    """Maps a sentence to a unit vector by its first word (the same word, the same vector)."""

    def __init__(self):
        self.calls = 0

    def encode(self, texts):
        import numpy as np

        self.calls += len(texts)
        out = np.zeros((len(texts), 4), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, hash(t.split()[0]) % 4] = 1.0
        return out


def test_evidence_similarity_caches_vectors_by_text():
    encoder = FakeEncoder()
    saved = {}
    sim = EvidenceSimilarity(encoder, lookup=lambda keys: {k: saved[k] for k in keys if k in saved}, save=saved.update)
    a, b = make_event("a"), make_event("b")
    assert sim(a, b) == pytest.approx(1.0)
    assert encoder.calls == 1  # one distinct sentence
    again = EvidenceSimilarity(encoder, lookup=lambda keys: {k: saved[k] for k in keys})
    assert again(a, b) == pytest.approx(1.0)
    assert encoder.calls == 1  # read back from the cache


def test_lexical_similarity_is_a_model_free_fallback():
    a = make_event("a")
    assert lexical_similarity(a, a) == 1.0
    assert lexical_similarity(a, make_event("b", text="Protesters marched.")) == 0.0
