"""Resolution across documents and languages: does a new report join a stored event?

    1. candidates    the caller's blocking function returns stored events that could be the same
                     incident (the store blocks on country, a date window and a lat/lon grid with
                     indexed columns, so the cost per document does not grow with the store);
    2. match_events  scores each (new event, candidate) pair on place hierarchy, day, type,
                     actors and multilingual text similarity of the evidence (similarity.py);
                     pairs that cannot be one incident (other country, days apart, two named
                     villages, unrelated types, different perpetrators each named alone,
                     calendar dates a day apart unless one is a night's or the reports agree on
                     all else, kindred types against different targets with nothing
                     corroborating them: distinct_incidents.py) are never scored;
    3. assign        greedy, best score first, one-to-one: two incidents of one article never
                     join the same event, and an event never takes a second report of one article;
    4. decide        `join` the assigned event, else `create` one; a context mention (a recap of
                     an earlier incident) only ever joins, as a secondary report with claim status
                     `context`, and otherwise stays listed for `review` (CODING_RULES.md).

`combine_contributions` then makes one event of every document's account of it (ACLED's
conservative fatalities with low/high across reports, "; "-separated sources, disputed when the
reports contradict each other). Both are pure: the store applies the decisions in the same
transaction as the document (`Store.ingest`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from eventwire.models import Casualties, ClaimStatus, Event, Provenance, Report
from eventwire.resolve.coders.notes import with_fatalities
from eventwire.resolve.distinct_incidents import one_incident_a_day_apart, targets_tell_apart
from eventwire.resolve.similarity import (
    actor_pairs_differ,
    actor_score,
    actors_conflict,
    date_score,
    day_window,
    place_score,
    toll_score,
    type_score,
    types_contradict,
)
from eventwire.taxonomy import SUB_EVENT_TO_TYPE, WITHOUT_FATALITIES

Action = Literal["create", "join", "review"]


@dataclass(frozen=True)
class ResolutionSettings:
    """Weights and thresholds of cross-document matching.

    How they were tuned: on the dev gold (64 articles; 6 incidents told by 2-4 outlets) every
    cross-document pair passing the blocking rules was scored twice, once with the pipeline's
    predictions and once with the gold events themselves (the fields a better pipeline will
    give). Same-incident pairs scored 0.81-0.99 (predicted) and 0.72-0.99 (gold; lowest: a
    village and the county it lies in, told of one bus attack); different-incident pairs at most
    0.55 (predicted: two country-level strikes) and 0.80 (gold: two towns of one sentence naming
    four battles). min_score sits in the predicted gap; the gold's overlap is settled by the
    one-to-one assignment (the same town's two reports score higher and are taken first).
    Robustness was checked by resolving the gold events with noise a pipeline adds (a report
    coded to its region or to a town nearby, a kindred sub-type, a day off, another toll, an
    unnamed perpetrator). Text similarity weighs most because a report's structured fields are
    the noisiest part of a prediction (a misread dateline moves the place, "yesterday" moves the
    day); the blocking rules still veto it.
    """

    place_weight: float = 0.25
    date_weight: float = 0.15
    type_weight: float = 0.15
    text_weight: float = 0.45
    # added for the same named perpetrator, subtracted for different ones (a contradiction)
    actor_weight: float = 0.1
    # added when both reports give close positive tolls (toll_score); differing tolls take
    # nothing away: outlets count the dead differently and the toll rises over the days
    toll_weight: float = 0.05
    # below this score two reports are two incidents
    min_score: float = 0.62
    # evidence less alike than this never merges, whatever the fields say (USE cosine, best
    # sentence pair; same-incident pairs on the dev set: 0.44-1.00, all above 0.55 but one)
    min_text_similarity: float = 0.4


DEFAULT_SETTINGS = ResolutionSettings()


@dataclass(frozen=True)
class Match:
    """A scored (new event, stored event) pair that may be one incident."""

    event_id: str
    target_id: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    """What to do with one new event: create it, join `target_id`, or keep it for review."""

    event_id: str
    action: Action
    target_id: str | None = None
    score: float | None = None
    reasons: tuple[str, ...] = ()
    # other stored events the new one matched too (best first): when two of them match each
    # other as well, they are fragments of one incident (see `Resolver.merge_fragments`)
    also: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        """Return the one-line reason written to the revision log."""
        if self.action == "join":
            return f"same incident as {self.event_id} (score {self.score:.2f}: {', '.join(self.reasons)})"
        if self.action == "review":
            return "context mention matching no stored event; kept for review"
        return "no stored event matches"


Candidates = Callable[[Event], Sequence[Event]]
Similarity = Callable[[Event, Event], float]


def match_events(
    event: Event,
    candidate: Event,
    *,
    similarity: Similarity,
    settings: ResolutionSettings = DEFAULT_SETTINGS,
) -> Match | None:
    """Return the scored match of two events, or None when they cannot be one incident."""
    place = place_score(event, candidate)
    if place is None:
        return None
    day = date_score(event, candidate)
    if day is None and not _a_day_apart(event, candidate):
        return None
    kind = type_score(event, candidate)
    if kind is None or actor_pairs_differ(event, candidate):
        return None
    text = similarity(event, candidate)
    if text < settings.min_text_similarity or targets_tell_apart(event, candidate, text):
        return None
    if day is None:
        if not one_incident_a_day_apart(event, candidate, text):
            return None
        day = 1.0 - 1 / (day_window(event, candidate) + 1)
    actors = actor_score(event, candidate)
    tolls = toll_score(event, candidate)
    s = settings
    score = (
        s.place_weight * place
        + s.date_weight * day
        + s.type_weight * kind
        + s.text_weight * text
        + s.actor_weight * actors
        + s.toll_weight * tolls
    )
    if score < s.min_score:
        return None
    reasons = (
        f"place {place:.2f}",
        f"day {day:.2f}",
        f"type {kind:.2f}",
        f"text {text:.2f}",
        f"actors {actors:+.0f}",
        f"tolls {tolls:.0f}",
    )
    return Match(event.event_id, candidate.event_id, round(score, 4), reasons)


def _a_day_apart(a: Event, b: Event) -> bool:
    """Return whether two events are dated exactly a day apart (the calendar-date veto may yet be
    lifted: distinct_incidents.one_incident_a_day_apart)."""
    return a.event_date is not None and b.event_date is not None and abs((a.event_date - b.event_date).days) == 1


def link_across_documents(
    events: Sequence[Event],
    *,
    candidates: Candidates,
    similarity: Similarity,
    settings: ResolutionSettings = DEFAULT_SETTINGS,
) -> list[Decision]:
    """Return one Decision per event (same order): join a candidate, create, or review.

    `candidates(event)` returns the stored events it could join (blocking is the caller's job);
    stored context-only mentions are not join targets, nor events that already hold a report of
    the same document (one document's incidents stay apart: that was decided in-document).
    """
    matches: list[tuple[int, Match]] = []
    for index, event in enumerate(events):
        own_documents = {r.document_id for r in event.reports}
        for candidate in candidates(event):
            if candidate.event_id == event.event_id or candidate.context_only:
                continue
            if own_documents & {r.document_id for r in candidate.reports}:
                continue
            match = match_events(event, candidate, similarity=similarity, settings=settings)
            if match is not None:
                matches.append((index, match))
    # 3. one-to-one, best first; ties go to the earlier event and the smaller target id
    matches.sort(key=lambda m: (-m[1].score, m[0], m[1].target_id))
    assigned: dict[int, Match] = {}
    taken: set[tuple[str, str]] = set()  # (document id, target id)
    for index, match in matches:
        if index in assigned:
            continue
        documents = {r.document_id for r in events[index].reports}
        if any((d, match.target_id) in taken for d in documents):
            continue
        assigned[index] = match
        taken.update((d, match.target_id) for d in documents)
    decisions = []
    for index, event in enumerate(events):
        match = assigned.get(index)
        if match is not None:
            also = tuple(m.target_id for i, m in matches if i == index and m.target_id != match.target_id)
            decisions.append(Decision(event.event_id, "join", match.target_id, match.score, match.reasons, also))
        elif event.context_only:
            decisions.append(Decision(event.event_id, "review"))
        else:
            decisions.append(Decision(event.event_id, "create"))
    return decisions


# Combining the reports of one event --------------------------------------------------------------


def combine_contributions(event_id: str, contributions: Sequence[Event]) -> Event:
    """Return one event made of each document's own account of it (contributions, oldest first).

    Fields come from the account that knows them best: the place from the most precise place,
    the day from the most precise date, the type by a confidence-weighted vote (type and actors
    from the most confident account of that type). Fatalities follow ACLED's conservative rule:
    the lowest positive toll any report gives (0 when none reports a death), with the range of
    every figure in fatalities_low / fatalities_high. `source` lists the outlets in report order,
    "; "-separated; `disputed` is set when an account was disputed or accounts contradict each
    other (different named perpetrators, or unrelated event types). Context mentions contribute
    reports only, unless the event has nothing else.
    """
    if not contributions:
        raise ValueError(f"event {event_id}: nothing to combine")
    if len(contributions) == 1:
        return replace(contributions[0], event_id=event_id)
    live = [c for c in contributions if not c.context_only] or list(contributions)
    # type: vote weighted by confidence; a stable tie-break keeps the result order-independent
    votes: Counter[str] = Counter()
    for c in live:
        # a float vote: Counter takes it, but typeshed types its counts as int
        votes[c.sub_event_type] += c.confidence  # type: ignore[assignment]
    sub_type = min(votes, key=lambda s: (-round(votes[s], 6), s))
    typed = [c for c in live if c.sub_event_type == sub_type]
    lead = min(typed, key=lambda c: (-c.confidence, c.event_id))
    placed = min(live, key=lambda c: (c.latitude is None, c.geo_precision or 9, -c.confidence, c.event_id))
    dated = min(live, key=lambda c: (c.event_date is None, c.time_precision or 9, -c.confidence, c.event_id))
    toll = _combined_toll(live)
    if sub_type in WITHOUT_FATALITIES:  # a peaceful protest has no deaths whatever another account read
        toll = replace(toll, fatalities=0, fatalities_low=None, fatalities_high=None)
    reports = tuple(r for c in contributions for r in c.reports)
    outlets = [r.outlet or c.source for c in contributions for r in c.reports]
    documents = {r.document_id for r in reports}
    confidence = min(0.99, max(c.confidence for c in live) + 0.05 * (len(documents) - 1))
    return replace(
        lead,
        event_id=event_id,
        event_date=dated.event_date,
        time_precision=dated.time_precision,
        event_type=SUB_EVENT_TO_TYPE.get(sub_type, lead.event_type),
        sub_event_type=sub_type,
        actor1=_combined_actor1(lead, live),
        actor2=lead.actor2 or next((c.actor2 for c in live if c.actor2), None),
        country=placed.country,
        iso=placed.iso,
        admin1=placed.admin1,
        admin2=placed.admin2,
        location=placed.location,
        latitude=placed.latitude,
        longitude=placed.longitude,
        geo_precision=placed.geo_precision,
        fatalities=toll.fatalities,
        fatalities_low=toll.fatalities_low,
        fatalities_high=toll.fatalities_high,
        injuries=toll.injuries,
        claimed_by=tuple(dict.fromkeys(a for c in live for a in c.claimed_by)),
        disputed=_combined_dispute(live, reports),
        confidence=round(confidence, 3),
        source="; ".join(dict.fromkeys(o for o in outlets if o)),
        notes=with_fatalities(lead.notes, toll.fatalities),
        reports=reports,
        provenance=_combined_provenance(lead, placed, dated, _tolled(lead, live, toll.fatalities)),
        context_only=all(c.context_only for c in contributions),
    )


def _combined_actor1(lead: Event, live: Sequence[Event]) -> str | None:
    """Return the lead account's actor1, or the one perpetrator the others name when it names none."""
    named = [c.actor1 for c in live if _named_actor(c.actor1)]
    if not _named_actor(lead.actor1) and named and len(set(named)) == 1:
        return named[0]
    return lead.actor1


def _combined_toll(live: Sequence[Event]) -> Casualties:
    """Return the lowest positive toll of the accounts (ACLED's conservative rule), the range of
    every figure and the most injuries any gives."""
    positive = [c.fatalities for c in live if c.fatalities > 0]
    lows = [c.fatalities_low for c in live if c.fatalities_low is not None]
    lows += [c.fatalities for c in live if c.fatalities_low is None and c.fatalities > 0]
    highs = [c.fatalities_high for c in live if c.fatalities_high is not None]
    highs += [c.fatalities for c in live if c.fatalities_high is None and c.fatalities > 0]
    injuries = [c.injuries for c in live if c.injuries is not None]
    return Casualties(
        fatalities=min(positive) if positive else 0,
        fatalities_low=min(lows) if lows else None,
        fatalities_high=max(highs) if highs else None,
        injuries=max(injuries) if injuries else None,
        method="combined",
    )


def _combined_dispute(live: Sequence[Event], reports: Sequence[Report]) -> bool:
    """Return whether an account was disputed, a report denied or disputed, or accounts
    contradict each other (different named perpetrators, unrelated event types)."""
    return (
        any(c.disputed for c in live)
        or any(r.claim_status in {ClaimStatus.DENIED, ClaimStatus.DISPUTED} for r in reports)
        or any(actors_conflict(a, b) for i, a in enumerate(live) for b in live[i + 1 :])
        or any(types_contradict(a, b) for i, a in enumerate(live) for b in live[i + 1 :])
    )


def _tolled(lead: Event, live: Sequence[Event], fatalities: int) -> Event:
    """Return the account that gives the combined toll (the lead when it does): the fatalities'
    provenance quotes its figure, never another account's ("killed eight" for a toll of 3)."""
    if lead.fatalities == fatalities:
        return lead
    return min((c for c in live if c.fatalities == fatalities), key=lambda c: (-c.confidence, c.event_id), default=lead)


def _combined_provenance(lead: Event, placed: Event, dated: Event, tolled: Event) -> dict[str, Provenance]:
    """Return the lead account's provenance with the place's, the day's and the toll's from
    their accounts."""
    provenance = {**lead.provenance}
    if "fatalities" in tolled.provenance:
        provenance["fatalities"] = tolled.provenance["fatalities"]
    for key in ("location", "admin1", "admin2", "latitude", "longitude", "geo_precision"):
        if key in placed.provenance:
            provenance[key] = placed.provenance[key]
    for key in ("event_date", "time_precision"):
        if key in dated.provenance:
            provenance[key] = dated.provenance[key]
    return provenance


def _named_actor(actor: str | None) -> bool:
    return bool(actor) and not actor.casefold().startswith(  # type: ignore[union-attr]
        ("unidentified", "civilians", "protesters", "rioters")
    )
