"""Build one ACLED-style Event from the mentions of one incident in one document.

Which mention decides which field:
  - type: a reported fact (asserted) beats a claim or an allegation, a precise mention beats a
    vague one (CENTCOM's "drones destroyed" makes the claimed "attack on Ain al-Asad" a Disrupted
    weapons use);
  - place: the most precise place any mention gives; date: the most precise explicit date;
  - fatalities: ACLED's conservative rule — the lowest credible death toll, with the range kept
    as fatalities_low / fatalities_high; injuries never count;
  - actor1: the perpetrator a reported fact names; a group that claims the act goes to
    claimed_by, and becomes actor1 only when it is one named armed group whose claim nobody
    denies (ACLED codes credible claimants); otherwise "Unidentified Armed Group (<country>)";
  - reports: one per voice (who is quoted) with its claim status and evidence sentences.
Each field has its coder in resolve/coders/, which returns the value with its provenance;
`build_event` only composes them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from eventwire.extract.lexicon import Taxonomy
from eventwire.extract.subtype_model import SentenceScores
from eventwire.models import (
    CLAIM_STATUS_ORDER,
    Actor,
    ClaimStatus,
    Document,
    Event,
    Evidence,
    Mention,
    Modality,
    Place,
    Provenance,
    Report,
    Span,
)
from eventwire.resolve.coders.actors import code_actors
from eventwire.resolve.coders.base import MentionKey, mention_key
from eventwire.resolve.coders.date import code_event_date
from eventwire.resolve.coders.fatalities import code_fatalities
from eventwire.resolve.coders.kind import code_event_kind
from eventwire.resolve.coders.notes import code_notes
from eventwire.resolve.coders.place import code_place
from eventwire.resolve.compatibility import is_precise
from eventwire.resolve.in_document import MentionGroup
from eventwire.resolve.structure import is_day_split
from eventwire.resolve.toll_homes import toll_mentions

__all__ = [
    "EventOptions",
    "build_event",
    "event_id_for",
    "mention_key",
    "old_sentences",
    "shared_mention_keys",
]


@dataclass(frozen=True)
class EventOptions:
    """What the builder needs besides the mentions."""

    default_country: str | None = None  # the document's main country, for vague mentions
    default_place: Place | None = None  # the article's main area (admin1 or finer), for placeless incidents
    perpetrators: tuple[Actor, ...] = ()  # named armed groups the article blames, most cited first
    taxonomy: Taxonomy | None = None  # the ACLED rules, to type an incident from all its cues
    # mentions told of several incidents at once (see `mention_key`): their tolls are totals
    shared_mentions: frozenset[MentionKey] = frozenset()
    # the one incident each shared mention's toll belongs to (resolve/toll_homes.py), by anchor
    toll_homes: Mapping[MentionKey, MentionKey] = field(default_factory=dict)
    # the sub-type classifier's probabilities of the document's sentences (extract/subtype_model.py)
    subtype_scores: SentenceScores | None = None


def old_sentences(groups: Sequence[MentionGroup]) -> tuple[Span, ...]:
    """Return the sentences that only tell context incidents (recaps, background), no reported one."""
    reported = {m.sentence.start for g in groups if not g.context for m in g.mentions}
    return tuple(
        {
            m.sentence.start: m.sentence
            for g in groups
            if g.context
            for m in g.mentions
            if m.sentence.start not in reported
        }.values()
    )


def shared_mention_keys(groups: Sequence[MentionGroup]) -> frozenset[MentionKey]:
    """Return the keys of the mentions that belong to more than one incident group."""
    seen: dict[MentionKey, int] = {}
    for g in groups:
        if g.context:
            continue
        for k in {mention_key(m) for m in g.mentions}:
            seen[k] = seen.get(k, 0) + 1
    return frozenset(k for k, n in seen.items() if n > 1)


def event_id_for(document_id: str, group: MentionGroup) -> str:
    """Return a stable event id: same document and same first evidence -> same id."""
    # the first precise mention identifies the incident (vague summaries can be shared by several)
    # (and a summary told of several incidents, "attacks on two villages", identifies none of them)
    precise = [m for m in group.mentions if is_precise(m)]
    anchors = [m for m in precise if not (m.plural or m.count > 1)] or precise or list(group.mentions)
    first = min(anchors, key=lambda m: (m.sentence.start, m.trigger.span.start))
    place_start = first.place.span.start if first.place is not None else -1
    key = f"{document_id}:{first.sentence.start}:{first.trigger.span.start}:{place_start}:{'context' if group.context else 'event'}"
    if is_day_split(first) and first.date is not None:  # is_day_split: dated
        key += f":{first.date.value}"  # one sentence, one place, several days: one event per day
    return "ew-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def unique_event_ids(events: Sequence[Event]) -> list[Event]:
    """Return `events` with each id that an earlier event already has replaced by one derived
    from it and its rank (stable): two groups anchored on the same mention (a sentence whose
    figures and dates the splitting steps read as two incidents) must not share an id, or the
    store refuses the whole document."""
    seen: set[str] = set()
    out = []
    for event in events:
        event_id, n = event.event_id, 1
        while event_id in seen:
            n += 1
            event_id = "ew-" + hashlib.sha256(f"{event.event_id}:{n}".encode()).hexdigest()[:16]
        seen.add(event_id)
        out.append(event if event_id == event.event_id else replace(event, event_id=event_id))
    return out


def build_event(group: MentionGroup, document: Document, *, options: EventOptions) -> Event:
    """Return the Event one incident group describes, with reports and provenance."""
    mentions, doc_id = group.mentions, document.id
    kind = code_event_kind(
        mentions, document_id=doc_id, taxonomy=options.taxonomy, subtype_scores=options.subtype_scores
    )
    event_type, sub = kind.event_type.value, kind.sub_event_type.value
    # a summary told of several incidents ("attacks on two villages near Kolo") places none of
    # them when the incident has a place of its own
    own = [m for m in mentions if mention_key(m) not in options.shared_mentions and m.place is not None]
    location = code_place(own or mentions, document_id=doc_id, default_place=options.default_place)
    place = location.value
    country = place.country if place is not None else options.default_country
    day = code_event_date(mentions, document_id=doc_id, published=document.published)
    counted = toll_mentions(group, options.toll_homes, options.shared_mentions)  # a shared toll counts once
    toll = code_fatalities(
        counted, document_id=doc_id, place=place, shared_mentions=options.shared_mentions, sub_event_type=sub
    )
    fatalities = toll.value.fatalities
    actors = code_actors(
        mentions,
        document_id=doc_id,
        event_type=event_type,
        sub_event_type=sub,
        country=country,
        event_date=day.value.value,
        perpetrators=options.perpetrators,
    )
    prov: dict[str, Provenance] = {
        "event_type": kind.event_type.provenance,
        "sub_event_type": kind.sub_event_type.provenance,
        "location": location.provenance,
        "country": _country_provenance(place, country, location.provenance, document_id=doc_id),
        "event_date": day.provenance,
        "fatalities": toll.provenance,
        "actor1": actors.actor1.provenance,
        "actor2": actors.actor2.provenance,
    }
    reports = _reports(group, document, fatalities)
    notes = code_notes(
        sub_event_type=sub,
        event_date=day.value.value,
        actor1=actors.actor1.value,
        actor2=actors.actor2.value,
        place=place,
        country=country,
        fatalities=fatalities,
        claimed_by=actors.claimed_by,
    )
    return Event(
        event_id=event_id_for(doc_id, group),
        event_date=day.value.value,
        time_precision=day.value.time_precision,
        event_type=event_type,
        sub_event_type=sub,
        actor1=actors.actor1.value,
        assoc_actor_1=actors.assoc_actor_1,
        actor2=actors.actor2.value,
        assoc_actor_2=actors.assoc_actor_2,
        country=country,
        iso=place.iso if place is not None else None,
        admin1=place.admin1 if place is not None else None,
        admin2=place.admin2 if place is not None else None,
        location=place.name if place is not None else None,
        latitude=round(place.latitude, 5) if place is not None and place.latitude is not None else None,
        longitude=round(place.longitude, 5) if place is not None and place.longitude is not None else None,
        geo_precision=place.geo_precision if place is not None and place.latitude is not None else None,
        fatalities=fatalities,
        source=document.outlet or "",
        notes=notes,
        fatalities_low=toll.value.fatalities_low,
        fatalities_high=toll.value.fatalities_high,
        injuries=toll.value.injuries,
        claimed_by=actors.claimed_by,
        disputed=_disputed(mentions),
        confidence=_confidence(mentions, voices=len(reports), placed=place is not None),
        reports=reports,
        provenance=prov,
        context_only=group.context,
    )


def _country_provenance(place: Place | None, country: str | None, told: Provenance, *, document_id: str) -> Provenance:
    """Return where the event's country came from: its place's (the place's own evidence), the
    article's main country, or why there is none (ACLED codes every event to a country: a null
    one says what the text lacked)."""
    if place is not None and place.country:
        return replace(told, reason=told.reason or f"the country of {place.name}")
    if country:
        return Provenance(
            method="document_country",
            document_id=document_id,
            reason=f"no place named for this incident; the article's main country, {country}",
        )
    return Provenance(
        method="none",
        reason="no place, division, actor, nationality, institution or word of the text names a country",
    )


def _reports(group: MentionGroup, document: Document, fatalities: int) -> tuple[Report, ...]:
    """Return one report per voice (who is quoted), in the order of their first evidence."""
    by_voice: dict[str, list[Mention]] = {}
    for m in group.mentions:
        # one report per source: "le Centcom" and "le commandement militaire américain" are one
        by_voice.setdefault(m.voice or (m.attributed_to or "").strip().lower(), []).append(m)
    reports = []
    for voice_mentions in by_voice.values():
        sentences: dict[int, Span] = {}
        for m in sorted(voice_mentions, key=lambda x: x.sentence.start):
            sentences.setdefault(m.sentence.start, m.sentence)
        evidence = tuple(
            Evidence(document_id=document.id, text=s.text, start=s.start, end=s.end) for s in sentences.values()
        )
        status = min((m.claim_status for m in voice_mentions), key=_claim_rank)
        if group.context:
            status = ClaimStatus.CONTEXT.value
        # show the most specific way the source is named: a proper name ("le Centcom") over a
        # description ("les autorités militaires américaines")
        named = [m.attributed_to for m in voice_mentions if m.attributed_to]
        voice = next((v for v in named if any(c.isupper() for c in v[1:])), named[0] if named else None)
        reports.append(
            Report(
                document_id=document.id,
                url=document.url,
                outlet=document.outlet,
                attributed_to=voice,
                claim_status=status,
                evidence=evidence,
                fatalities=fatalities,
                external_id=document.external_id,
            )
        )
    return tuple(sorted(reports, key=lambda r: r.evidence[0].start))


def _claim_rank(status: str) -> int:
    return CLAIM_STATUS_ORDER.index(status) if status in CLAIM_STATUS_ORDER else len(CLAIM_STATUS_ORDER)


def _disputed(mentions: Sequence[Mention]) -> bool:
    """Return whether sources blame different perpetrators, or one denies the incident."""
    blamed = {
        m.actor1.name for m in mentions if m.actor1 is not None and m.modality in {Modality.ALLEGED, Modality.CLAIMED}
    }
    return any(m.modality == Modality.DENIED for m in mentions) or len(blamed) > 1


def _confidence(mentions: Sequence[Mention], *, voices: int, placed: bool) -> float:
    """Return the mean confidence of the mentions, raised by each further voice, lowered without
    a place."""
    confidence = min(0.99, sum(m.confidence for m in mentions) / len(mentions) + 0.05 * (voices - 1))
    if not placed:
        confidence *= 0.8
    return round(confidence, 3)
