"""Turn extracted incident mentions into normalized Mentions: place, date, casualties, actors.

Each incident mention takes:
  - place: the most precise place mention inside its sentence (datelines excluded); a sentence
    naming no place leaves it None and the in-document resolver decides (never guessed here);
  - date: `resolve_event_date` over the document's time expressions;
  - casualties: `count_casualties` over its sentence only (a background toll elsewhere in the
    article never leaks into the incident);
  - actors: agent and patient phrases canonicalized with the alias dictionary; the claimant of a
    claim goes to claimed_by.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from eventwire.extract.incidents import IncidentMention
from eventwire.models import Actor, Document, Mention, PlaceMention, Span
from eventwire.normalize.actors import canonicalize_actor, find_actor_mentions
from eventwire.normalize.casualties import count_casualties
from eventwire.normalize.dates import TimeExpression, resolve_event_date

FEATURE_RANK = {"airbase": 0, "facility": 0, "camp": 0, "hospital": 0, "border_crossing": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 4}


@dataclass(frozen=True)
class DocumentContext:
    """What every mention of one document shares."""

    document: Document
    places: tuple[PlaceMention, ...]
    times: tuple[TimeExpression, ...]
    main_country: str | None
    main_iso: str | None


def document_context(document: Document, places: list[PlaceMention], times: list[TimeExpression]) -> DocumentContext:
    """Return the shared context; the main country is the one most place mentions fall in."""
    counts = Counter(
        (p.place.country, p.place.iso)
        for p in places
        if p.place is not None and p.relation != "dateline"
    )
    main = counts.most_common(1)[0][0] if counts else (None, None)
    return DocumentContext(document=document, places=tuple(places), times=tuple(times), main_country=main[0], main_iso=main[1])


def _sentence_place(sentence: Span, ctx: DocumentContext, *, exclude: tuple[Span, ...] = ()) -> PlaceMention | None:
    """Return the most precise place of a sentence, leaving out places inside `exclude` spans
    (the speaker "les services anti-terroristes du Kurdistan" does not place the incident)."""
    inside = [
        p for p in ctx.places
        if sentence.start <= p.span.start and p.span.end <= sentence.end
        and p.place is not None and p.relation != "dateline"
        and not any(x.start <= p.span.start and p.span.end <= x.end for x in exclude)
    ]
    if not inside:
        return None
    return min(
        inside,
        key=lambda p: (p.place.geo_precision, FEATURE_RANK.get(p.place.feature, 2), p.span.start),
    )


def _actor(span: Span | None, *, lang: str, country: str | None, when: date | None) -> Actor | None:
    """Return the actor a role phrase names: the whole phrase if it is an alias, else the first
    actor named inside it ("les forces américaines et la coalition" -> US forces)."""
    if span is None:
        return None
    inside = _sentence_actors(span, lang=lang, country=country, when=when)
    if inside:
        return inside[0]
    actor = canonicalize_actor(span.text, lang=lang, country=country, when=when)
    if actor is None:
        return None
    if actor.span is None or actor.span.start != span.start:
        actor = Actor(name=actor.name, country=actor.country, actor_type=actor.actor_type, span=span, method=actor.method)
    return actor


def _sentence_actors(sentence: Span, *, lang: str, country: str | None, when: date | None = None) -> list[Actor]:
    found = find_actor_mentions(sentence.text, lang=lang, country=country, when=when)
    out = []
    for a in found:
        if a.span is not None:
            span = Span(start=sentence.start + a.span.start, end=sentence.start + a.span.end, text=a.span.text)
            a = Actor(name=a.name, country=a.country, actor_type=a.actor_type, span=span, method=a.method)
        out.append(a)
    return out


def normalize_mention(incident: IncidentMention, ctx: DocumentContext) -> Mention:
    """Return the normalized Mention for one extracted incident mention."""
    document = ctx.document
    lang = document.lang
    place = _sentence_place(
        incident.sentence, ctx, exclude=tuple(x for x in (incident.attributed_to,) if x is not None)
    )
    country = place.place.country if place is not None else ctx.main_country
    published = document.published
    event_date = (
        resolve_event_date(incident.sentence, document.text, lang=lang, published=published, expressions=list(ctx.times))
        if published is not None
        else None
    )
    when = event_date.value if event_date is not None else None
    casualties = count_casualties(document.text, lang=lang, spans=[incident.sentence])
    actor1 = _actor(incident.agent, lang=lang, country=country, when=when)
    actor2 = _actor(incident.patient, lang=lang, country=country, when=when)
    in_sentence = _sentence_actors(incident.sentence, lang=lang, country=country, when=when)
    # an agent phrase that is not an actor ("La première attaque") leaves actor1 to the parse
    if actor2 is None and incident.patient is not None:
        inside = [a for a in in_sentence if a.span and incident.patient.start <= a.span.start < incident.patient.end]
        actor2 = inside[0] if inside else None
    if actor1 is None and incident.agent is not None:
        inside = [a for a in in_sentence if a.span and incident.agent.start <= a.span.start < incident.agent.end]
        actor1 = inside[0] if inside else None
    assoc2 = None
    if actor2 is not None:
        others = [
            a for a in in_sentence
            if a.name != actor2.name and a.actor_type == actor2.actor_type and a.span
            and incident.patient is not None and incident.patient.start <= a.span.start < incident.patient.end
        ]
        assoc2 = others[0] if others else None
    claimed_by: tuple[Actor, ...] = ()
    if incident.claimed:
        claimant = None
        if incident.attributed_to is not None:
            claimant = _actor(incident.attributed_to, lang=lang, country=country, when=when)
        if claimant is None and incident.claimed:
            claimant = actor1
        if claimant is not None and claimant.actor_type not in {"civilians", "state_forces", "external_forces", "protesters"}:
            claimed_by = (claimant,)
    speaker = _actor(incident.attributed_to, lang=lang, country=country, when=when)
    modality = incident.modality
    claim_status = incident.claim_status
    if claimed_by and claim_status == "alleged":
        claim_status = "claimed"  # "selon ces groupes, l'attaque aurait visé…": the group's own claim
    return Mention(
        document_id=document.id,
        sentence=incident.sentence,
        trigger=incident.trigger,
        event_type=incident.trigger.event_type,
        sub_event_type=incident.trigger.sub_event_type,
        modality=modality,
        claim_status=claim_status,
        attributed_to=incident.attributed_to.text if incident.attributed_to is not None else None,
        attribution_span=incident.attributed_to,
        actor1=actor1,
        actor2=actor2,
        assoc_actor_2=assoc2,
        claimed_by=claimed_by,
        place=place,
        date=event_date,
        casualties=casualties,
        outcome=incident.outcome,
        weapon=incident.weapon,
        confidence=incident.confidence,
        paragraph=incident.paragraph,
        count=incident.count,
        plural=incident.plural,
        ordinal=incident.ordinal,
        anaphoric=incident.anaphoric,
        cue_classes=incident.cue_classes,
        agent_text=incident.agent,
        patient_text=incident.patient,
        voice=speaker.name if speaker is not None else None,
    )
