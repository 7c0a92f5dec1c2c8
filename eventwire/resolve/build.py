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
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date

from eventwire.extract.lexicon import Taxonomy
from eventwire.extract.subtype_model import SentenceScores, decide
from eventwire.models import (
    Actor,
    Document,
    Event,
    Evidence,
    Mention,
    Place,
    Provenance,
    Report,
)
from eventwire.normalize.actors import canonicalize_actor
from eventwire.resolve.in_document import MentionGroup, is_precise
from eventwire.resolve.structure import is_day_split
from eventwire.taxonomy import (
    DEFAULT_ACTOR1,
    DEFAULT_ACTOR2,
    DEMONSTRATION_TYPES,
    NOTES_VERBS,
    SUB_EVENT_TO_TYPE,
    VIOLENT_TYPES,
    SubEventType,
)

MODALITY_RANK = {"asserted": 0, "claimed": 1, "alleged": 2, "context": 3}
CLAIM_RANK = {"denied": 0, "disputed": 1, "claimed": 2, "alleged": 3, "reported": 4, "context": 5}
# Who acts when no perpetrator is named and the type has no default actor1 of its own
# (data/taxonomy/acled.yaml gives the demonstrations' "Protesters ({country})").
UNNAMED_ACTOR1 = "Unidentified Armed Group ({country})"


@dataclass(frozen=True)
class EventOptions:
    """What the builder needs besides the mentions."""

    default_country: str | None = None  # the document's main country, for vague mentions
    default_place: Place | None = None  # the article's main area (admin1 or finer), for placeless incidents
    perpetrators: tuple[Actor, ...] = ()  # named armed groups the article blames, most cited first
    taxonomy: Taxonomy | None = None  # the ACLED rules, to type an incident from all its cues
    # mentions told of several incidents at once (see `mention_key`): their tolls are totals
    shared_mentions: frozenset[tuple[int, int, int | None]] = frozenset()
    # the sub-type classifier's probabilities of the document's sentences (extract/subtype_model.py)
    subtype_scores: SentenceScores | None = None


def mention_key(m: Mention) -> tuple[int, int, int | None]:
    """Return a key that tells one mention from another within a document."""
    return (m.sentence.start, m.trigger.span.start, m.ordinal)


def old_sentences(groups) -> tuple:
    """Return the sentences that only tell context incidents (recaps, background), no reported one."""
    reported = {m.sentence.start for g in groups if not g.context for m in g.mentions}
    return tuple({m.sentence.start: m.sentence for g in groups if g.context for m in g.mentions
                  if m.sentence.start not in reported}.values())


def shared_mention_keys(groups) -> frozenset[tuple[int, int, int | None]]:
    """Return the keys of the mentions that belong to more than one incident group."""
    seen: dict[tuple[int, int, int | None], int] = {}
    for g in groups:
        if g.context:
            continue
        for k in {mention_key(m) for m in g.mentions}:
            seen[k] = seen.get(k, 0) + 1
    return frozenset(k for k, n in seen.items() if n > 1)


# Among places of equal precision, the smaller area is the better one.
AREA_RANK = {"admin2": 1, "admin1": 2, "region": 3, "country": 4}


def event_id_for(document_id: str, group: MentionGroup) -> str:
    """Return a stable event id: same document and same first evidence -> same id."""
    # the first precise mention identifies the incident (vague summaries can be shared by several)
    anchors = [m for m in group.mentions if is_precise(m)] or list(group.mentions)
    first = min(anchors, key=lambda m: (m.sentence.start, m.trigger.span.start))
    place_start = first.place.span.start if first.place is not None else -1
    key = f"{document_id}:{first.sentence.start}:{first.trigger.span.start}:{place_start}:{'context' if group.context else 'event'}"
    if is_day_split(first):
        key += f":{first.date.value}"  # one sentence, one place, several days: one event per day
    return "ew-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _primary(mentions: tuple[Mention, ...]) -> Mention:
    return min(
        mentions,
        key=lambda m: (
            MODALITY_RANK.get(m.modality, 4),
            0 if is_precise(m) else 1,
            0 if not (m.plural or m.count > 1) else 1,
            m.sentence.start,
        ),
    )


def _span_provenance(document_id: str, span, method: str, reason: str | None = None) -> Provenance:
    return Provenance(method=method, document_id=document_id, text=span.text, start=span.start, end=span.end,
                      reason=reason)


def _actor_name(actor: Actor | None) -> str | None:
    return actor.name if actor is not None else None


def _by_rule(actor: Actor | None) -> Actor | None:
    """Return a template actor without its span: it was named by a coding rule, not by the text."""
    if actor is None:
        return None
    return Actor(name=actor.name, country=actor.country, actor_type=actor.actor_type, span=None, method="rule")


def _is_state(actor: Actor | None) -> bool:
    return actor is not None and (actor.actor_type or "") in {"state_forces", "external_forces"}


# ACLED codes the claimant of a credible, uncontested claim by a named group as actor1.
CLAIMANT_REASON = "a named group's uncontested claim (ACLED codes the claimant)"
# Actor types of a named armed group whose claim ACLED takes as the perpetrator.
CLAIMANT_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia"})


def _credible_claimant(mentions, actor2: Actor | None) -> Actor | None:
    """Return the named armed group that claimed the incident, when nobody denies or disputes it."""
    if any(m.modality == "denied" or m.claim_status == "denied" for m in mentions):
        return None
    claimants = []
    for m in mentions:
        for a in m.claimed_by:
            if (a.actor_type in CLAIMANT_TYPES and a.method != "template" and not a.name.startswith("Unidentified")
                    and (actor2 is None or a.name != actor2.name) and a.name not in {c.name for c in claimants}):
                claimants.append(a)
    return claimants[0] if len(claimants) == 1 else None


def build_event(group: MentionGroup, document: Document, *, options: EventOptions) -> Event:
    """Return the Event one incident group describes, with reports and provenance."""
    mentions = group.mentions
    doc_id = document.id
    primary = _primary(mentions)
    prov: dict[str, Provenance] = {}
    prov["event_type"] = _span_provenance(doc_id, primary.trigger.span, f"trigger:{primary.trigger.cue}")
    # the type follows everything the best-attested voice says about the incident: the cues of
    # all its mentions together ("an attack" + "a drone struck the convoy" -> Air/drone strike;
    # "a protest" + "dispersed" + "one protester killed" -> Excessive force against protesters)
    rank = MODALITY_RANK.get(primary.modality, 4)
    voice_classes: set[str] = set()
    for m in mentions:
        if MODALITY_RANK.get(m.modality, 4) == rank:
            voice_classes |= m.cue_classes
    rule = options.taxonomy.classify(voice_classes) if options.taxonomy is not None else None
    event_type, sub = (rule.event_type, rule.sub_event_type) if rule is not None else (primary.event_type, primary.sub_event_type)
    if (event_type, sub) != (primary.event_type, primary.sub_event_type):
        prov["sub_event_type"] = Provenance(
            method="taxonomy:combined_cues", document_id=doc_id, text=primary.trigger.span.text,
            start=primary.trigger.span.start, end=primary.trigger.span.end,
            reason=f"cues of {sum(1 for m in mentions if MODALITY_RANK.get(m.modality, 4) == rank)} mentions: {', '.join(sorted(voice_classes))}",
        )
    else:
        prov["sub_event_type"] = prov["event_type"]
    if options.subtype_scores is not None:
        # the classifier over the same voice's sentences may overrule a rule it finds unlikely
        probs = options.subtype_scores.get(m.sentence.start for m in mentions if MODALITY_RANK.get(m.modality, 4) == rank)
        decision = decide(sub, probs, options.subtype_scores.labels)
        if decision is not None:
            event_type, sub = SUB_EVENT_TO_TYPE[decision.sub_event_type], decision.sub_event_type
            prov["sub_event_type"] = prov["event_type"] = Provenance(
                method="classifier", document_id=doc_id, text=primary.sentence.text,
                start=primary.sentence.start, end=primary.sentence.end, reason=decision.reason,
            )

    # place: the most precise any mention gives
    placed = [m for m in mentions if m.place is not None and m.place.place is not None]
    place_m = min(placed, key=lambda m: (
        m.place.place.geo_precision, 0 if is_precise(m) else 1,
        AREA_RANK.get(m.place.place.feature, 0),  # a province before its country
        m.sentence.start,
    )) if placed else None
    place = place_m.place.place if place_m is not None else None
    if place_m is not None:
        prov["location"] = Provenance(
            method=f"gazetteer:{place_m.place.method}",
            document_id=doc_id,
            text=place_m.place.span.text,
            start=place_m.place.span.start,
            end=place_m.place.span.end,
            reason=place_m.place.reason,
        )
    elif options.default_place is not None:
        # no sentence of the incident names a place: ACLED codes the area the article is about
        # (geo_precision 3), and the provenance says so
        place = replace(options.default_place, geo_precision=3)
        prov["location"] = Provenance(
            method="document_area", document_id=doc_id,
            reason=f"no place named for this incident; coded to the article's main area, {place.name}",
        )
    else:
        prov["location"] = Provenance(method="none", reason="no place named for this incident")
    country = place.country if place is not None else options.default_country

    # date: the most precise explicit one
    dated = [m for m in mentions if m.date is not None and m.date.value is not None]
    explicit = [m for m in dated if m.date.span is not None]
    date_m = min(explicit or dated, key=lambda m: (m.date.time_precision or 9, MODALITY_RANK.get(m.modality, 4), m.sentence.start)) if dated else None
    event_date: date | None = date_m.date.value if date_m else document.published
    time_precision = date_m.date.time_precision if date_m else (2 if document.published else None)
    if date_m is not None and date_m.date.span is not None:
        prov["event_date"] = Provenance(
            method=date_m.date.method, document_id=doc_id, text=date_m.date.span.text,
            start=date_m.date.span.start, end=date_m.date.span.end, reason=date_m.date.reason,
        )
    else:
        prov["event_date"] = Provenance(
            method="published_date",
            reason=(date_m.date.reason if date_m else None) or "no time expression; publication date used",
        )

    # casualties: the toll the article gives first (a lead states the total; later sentences
    # often count a part: "dont sept enfants", "three of them"), with the range of every
    # figure kept as low/high. A death reported without a number counts ACLED's 3 only when no
    # sentence gives a number; injuries never count.
    ordered = sorted(mentions, key=lambda m: m.sentence.start)
    numbered = [m for m in ordered if m.casualties is not None and m.casualties.method == "figures"
                and m.casualties.fatalities is not None and m.casualties.fatalities > 0]
    shared = [m for m in ordered if m.casualties is not None and m.casualties.method == "shared_toll"]
    unnumbered = [m for m in ordered if m.casualties is not None and m.casualties.method == "unnumbered_deaths_default"]
    zeroed = [m for m in ordered if m.casualties is not None and m.casualties.method == "no_casualties_phrase"]
    fat_m = None
    fatalities_low = fatalities_high = None
    def elsewhere(m: Mention) -> bool:
        # a toll told with the event's own place ("Another 9 died in Koumadi 2") comes before
        # one told with no place or a wider one
        return place is None or m.place is None or m.place.place is None or m.place.place.name != place.name

    def shared_toll(m: Mention) -> bool:
        return mention_key(m) in options.shared_mentions

    if numbered and all(shared_toll(m) for m in numbered):
        # every toll was told of several incidents together (ACLED: the most conservative)
        numbered = sorted(numbered, key=lambda m: (m.casualties.fatalities, elsewhere(m)))
    else:
        # this incident's own tolls first (sorted is stable: text order within each rank)
        numbered = sorted(numbered, key=lambda m: (shared_toll(m), elsewhere(m)))
    if numbered:
        fat_m = next((m for m in numbered if m.modality == "asserted"), numbered[0])
        fatalities = fat_m.casualties.fatalities
        lows = [m.casualties.fatalities_low if m.casualties.fatalities_low is not None else m.casualties.fatalities for m in numbered]
        highs = [m.casualties.fatalities_high if m.casualties.fatalities_high is not None else m.casualties.fatalities for m in numbered]
        fatalities_low, fatalities_high = min(lows), max(highs)
    elif shared:
        fat_m = shared[0]
        fatalities = fat_m.casualties.fatalities
    elif unnumbered:
        fat_m = unnumbered[0]
        fatalities = fat_m.casualties.fatalities
    else:
        fatalities = 0
        if zeroed:
            fatalities_low = fatalities_high = 0
    figures = [m.casualties for m in ordered if m.casualties is not None and m.casualties.method != "none"]
    injuries_values = [c.injuries for c in figures if c.injuries is not None]
    injuries = max(injuries_values) if injuries_values else None
    if fat_m is not None and fat_m.casualties.spans:
        sp = fat_m.casualties.spans[0]
        prov["fatalities"] = _span_provenance(doc_id, sp, f"casualties:{fat_m.casualties.method}")
    else:
        prov["fatalities"] = Provenance(method="casualties", reason="no deaths reported (ACLED codes 0)")

    # actors
    asserted = [m for m in mentions if m.modality == "asserted"]
    claims = [m for m in mentions if m.claim_status == "claimed" or m.modality == "claimed"]
    claimed_by: list[str] = []
    for m in claims:
        for a in m.claimed_by:
            if a.name not in claimed_by:
                claimed_by.append(a.name)
    actor1: Actor | None = None
    actor2: Actor | None = None
    if sub == SubEventType.DISRUPTED_WEAPONS_USE:
        # the weapon's operator is actor1; whoever intercepted or was targeted is actor2
        # the interceptor a reported fact names first, else the target of the attack
        for m in asserted + list(mentions):
            if actor2 is None and m.actor1 is not None and _is_state(m.actor1):
                actor2 = m.actor1
        for m in asserted + list(mentions):
            if actor2 is None and m.actor2 is not None and _is_state(m.actor2):
                actor2 = m.actor2
    else:
        for m in sorted(mentions, key=lambda x: (MODALITY_RANK.get(x.modality, 4), x.sentence.start)):
            if actor1 is None and m.actor1 is not None and m.modality == "asserted":
                actor1 = m.actor1
            if actor2 is None and m.actor2 is not None:
                actor2 = m.actor2
        if actor1 is None:
            actor1 = next((m.actor1 for m in mentions if m.actor1 is not None and m.modality == "alleged"), None)
    if actor1 is not None and actor1.name in claimed_by and not any(
        m.actor1 is not None and m.actor1.name == actor1.name for m in asserted
    ):
        actor1 = None  # a claim alone does not make the claimant actor1
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None
    primary_type = event_type
    state_actors = [a for m in mentions for a in (m.actor1, m.actor2) if a is not None and _is_state(a)]
    if primary_type in DEMONSTRATION_TYPES and country:
        # the demonstrators are actor1; the force that intervened, if any, actor2
        actor2 = state_actors[0] if state_actors else None
        actor1 = Actor(name=DEFAULT_ACTOR1[primary_type].format(country=country), country=country,
                       actor_type="protesters", method="rule")
    elif sub == SubEventType.AGREEMENT and country:
        # ACLED codes the government side of an agreement as actor1, the other party as actor2
        government = _by_rule(canonicalize_actor("government", lang="en", country=country, when=event_date))
        others = [a for m in mentions for a in (m.actor1, m.actor2) if a is not None and not _is_state(a)]
        actor1, actor2 = government, (others[0] if others else actor2)
    elif sub == SubEventType.ARRESTS:
        actor2 = actor1 if actor1 is not None and not _is_state(actor1) else actor2
        actor1 = state_actors[0] if state_actors else None
        if actor1 is None and country:
            actor1 = _by_rule(canonicalize_actor("police", lang="en", country=country, when=event_date))
    elif (actor1 is None or actor1.name.startswith("Unidentified")) and primary_type in VIOLENT_TYPES:
        blamed = [a for a in options.perpetrators if a.name not in claimed_by and (actor2 is None or a.name != actor2.name)]
        claimant = _credible_claimant(mentions, actor2)
        if claimant is not None:
            actor1 = replace(claimant, method="claim")
        elif blamed:
            actor1 = blamed[0]
    if actor1 is None:
        template = DEFAULT_ACTOR1.get(primary_type, UNNAMED_ACTOR1)
        actor1_name = template.format(country=country) if country else None
        prov["actor1"] = Provenance(method="default", reason="no perpetrator named in a reported fact")
    else:
        actor1_name = actor1.name
        reason = CLAIMANT_REASON if actor1.method == "claim" else None
        if actor1.span is not None:
            prov["actor1"] = _span_provenance(doc_id, actor1.span, f"actor:{actor1.method}", reason=reason)
        else:
            prov["actor1"] = Provenance(method=f"actor:{actor1.method}", reason=reason or f"ACLED's rule for {sub}")
    if actor2 is None and primary_type in DEFAULT_ACTOR2 and country:
        actor2_name: str | None = DEFAULT_ACTOR2[primary_type].format(country=country)
        prov["actor2"] = Provenance(method="default", reason="victims of violence against civilians")
    else:
        actor2_name = _actor_name(actor2)
        if actor2 is not None and actor2.span is not None:
            prov["actor2"] = _span_provenance(doc_id, actor2.span, f"actor:{actor2.method}")
    assoc2 = next((m.assoc_actor_2.name for m in mentions if m.assoc_actor_2 is not None), None)
    assoc1 = next((m.assoc_actor_1.name for m in mentions if m.assoc_actor_1 is not None), None)

    # reports: one per voice
    by_voice: dict[str, list[Mention]] = {}
    for m in mentions:
        # one report per source: "le Centcom" and "le commandement militaire américain" are one
        by_voice.setdefault(m.voice or (m.attributed_to or "").strip().lower(), []).append(m)
    reports = []
    for voice_mentions in by_voice.values():
        seen: set[int] = set()
        evidence = []
        for m in sorted(voice_mentions, key=lambda x: x.sentence.start):
            if m.sentence.start in seen:
                continue
            seen.add(m.sentence.start)
            evidence.append(Evidence(document_id=doc_id, text=m.sentence.text, start=m.sentence.start, end=m.sentence.end))
        status = min((m.claim_status for m in voice_mentions), key=lambda s: CLAIM_RANK.get(s, 9))
        if group.context:
            status = "context"
        # show the most specific way the source is named: a proper name ("le Centcom") over a
        # description ("les autorités militaires américaines")
        named = [m.attributed_to for m in voice_mentions if m.attributed_to]
        voice = next((v for v in named if any(c.isupper() for c in v[1:])), named[0] if named else None)
        reports.append(
            Report(
                document_id=doc_id,
                url=document.url,
                outlet=document.outlet,
                attributed_to=voice,
                claim_status=status,
                evidence=tuple(evidence),
                fatalities=fatalities,
            )
        )
    reports.sort(key=lambda r: r.evidence[0].start)

    # a dispute: sources that blame different perpetrators, or a denial
    blamed = {m.actor1.name for m in mentions if m.actor1 is not None and m.modality in {"alleged", "claimed"}}
    disputed = any(m.modality == "denied" for m in mentions) or len(blamed) > 1
    voices = len(reports)
    confidence = min(0.99, sum(m.confidence for m in mentions) / len(mentions) + 0.05 * (voices - 1))
    if place is None:
        confidence *= 0.8

    when = event_date.strftime("%-d %B %Y") if event_date else "an unknown date"
    where = place.name if place else (country or "an unknown place")
    if place is not None and place.admin1 and place.admin1 != place.name:
        where += f" ({place.admin1})"
    verb = NOTES_VERBS.get(sub, "was involved in")
    target = f" {actor2_name}" if actor2_name and not verb.endswith(("rioted", "protested", "a base", "activity")) else ""
    notes = f"On {when}, {actor1_name or 'an unidentified actor'} {verb}{target} in {where}. {fatalities} fatalities."
    if claimed_by:
        notes += f" Claimed by {', '.join(claimed_by)}."

    return Event(
        event_id=event_id_for(doc_id, group),
        event_date=event_date,
        time_precision=time_precision,
        event_type=primary_type,
        sub_event_type=sub,
        actor1=actor1_name,
        assoc_actor_1=assoc1,
        actor2=actor2_name,
        assoc_actor_2=assoc2,
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
        fatalities_low=fatalities_low,
        fatalities_high=fatalities_high,
        injuries=injuries,
        claimed_by=tuple(claimed_by),
        disputed=disputed,
        confidence=round(confidence, 3),
        reports=tuple(reports),
        provenance=prov,
        context_only=group.context,
    )
