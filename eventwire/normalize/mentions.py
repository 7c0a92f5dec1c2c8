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

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

from eventwire.extract.incidents import IncidentMention
from eventwire.extract.lexicon import load_modality_lexicon
from eventwire.gazetteer import load_gazetteer
from eventwire.geoparse import candidate_place
from eventwire.lang.fold import fold_word, literal_alternation, whole_phrase_regex
from eventwire.lang.words import load_word_lists
from eventwire.models import (
    COUNTRY_OR_DIVISION_FEATURES,
    Actor,
    Document,
    EventDate,
    Mention,
    Place,
    PlaceMention,
    Span,
)
from eventwire.normalize.actors import (
    canonicalize_actor,
    find_actor_mentions,
    perpetrator_in_sentence,
)
from eventwire.normalize.apposed_villages import drop_apposed_villages
from eventwire.normalize.casualties import count_casualties
from eventwire.normalize.clash_parties import clash_sides
from eventwire.normalize.coded_places import coded_place
from eventwire.normalize.dates import (
    resolve_event_date,
)
from eventwire.normalize.doc_context import DocumentContext
from eventwire.normalize.incident_place import (
    choose_places,
    sentence_places,
)
from eventwire.normalize.journey_places import journey_start
from eventwire.normalize.place_tolls import place_toll, share_toll
from eventwire.normalize.trigger_places import governed_place
from eventwire.normalize.village_places import load_folded_words


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


_NEXT_SENTENCE_RE = re.compile(r"[ \t]*([^\n]*?[.!?])(?=\s|$)")


@cache
def _incident_reference_re(lang: str) -> re.Pattern[str] | None:
    phrases = load_modality_lexicon(lang).classes.get("incident_ref", ())
    if not phrases:
        return None
    return whole_phrase_regex(" ".join(words).replace("' ", "'") for words in phrases)


def _incident_sentence_after(text: str, sentence: Span, *, lang: str) -> Span | None:
    """Return the sentence right after `sentence` in its paragraph when it refers back to an
    incident without naming a new one (the modality file's `incident_ref` class: "les faits se
    sont déroulés", "the incident took place")."""
    pattern = _incident_reference_re(lang)
    m = _NEXT_SENTENCE_RE.match(text, sentence.end)
    if pattern is None or m is None:
        return None
    if not pattern.search(fold_word(m.group(1))):
        return None
    return Span(m.start(1), m.end(1), m.group(1))


_ECHO_BEFORE = {
    "fr": r"(?:^|\W)(?:le|la|les|l')\s*({nouns})s?(?:\s+[\w-]+)?\s+(?:de|du|d')\s*$",
    "en": r"(?:^|\W)the\s+({nouns})s?\s+(?:in|at|of|near)\s*$",
}
_ECHO_AFTER = {"en": r"^\s+({nouns})s?\b"}


@lru_cache(maxsize=4)
def _echo_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    nouns = literal_alternation(load_folded_words("facility_nouns.yaml", what="nouns"))
    before, after = _ECHO_BEFORE.get(lang), _ECHO_AFTER.get(lang)
    return (
        re.compile(before.format(nouns=nouns)) if before else None,
        re.compile(after.format(nouns=nouns)) if after else None,
    )


def _is_fine(p: PlaceMention) -> bool:
    return (
        p.place is not None
        and p.place.feature not in {"country", "admin1"}
        and not (p.relation or "").endswith(" part")
    )


def _site_named_later(
    text: str, sentence: Span, usable: tuple[PlaceMention, ...], *, lang: str, main_iso: str | None
) -> PlaceMention | None:
    """Return the place a later sentence gives the site an incident hit ("un camp militaire a
    été visé par des obus dans l'est du pays" … "Le camp de Merelo abrite…"), or None.

    The site noun (data/facility_nouns.yaml) must be in the incident's sentence, and the later
    mention definite ("le camp de X", "the X base"): an echo of the same site.
    """
    before, after = _echo_patterns(lang)
    if before is None:
        return None
    words = set(re.findall(r"[\w-]+", fold_word(sentence.text)))
    for p in usable:
        if (
            p.span.start < sentence.end
            or not _is_fine(p)
            or (
                main_iso is not None and p.place is not None and p.place.iso != main_iso  # _is_fine: placed
            )
        ):
            continue
        m = before.search(fold_word(text[max(0, p.span.start - 40) : p.span.start]))
        noun = m.group(1) if m else None
        if (
            noun is None
            and after is not None
            and fold_word(text[max(0, p.span.start - 4) : p.span.start]).endswith("the ")
        ):
            m = after.match(fold_word(text[p.span.end : p.span.end + 20]))
            noun = m.group(1) if m else None
        if noun is not None and (noun in words or noun + "s" in words):
            return replace(
                p,
                method="site_named_later",
                reason=f"the {noun} the incident hit, named in a later sentence",
            )
    return None


def incident_places(incident: IncidentMention, ctx: DocumentContext) -> list[PlaceMention]:
    """Return the place(s) an incident mention reports (see normalize.incident_place)."""
    exclude = tuple(x for x in (incident.attributed_to,) if x is not None) + incident.reporting
    usable = tuple(p for p in ctx.places if p.span.start not in ctx.not_locations)
    sentence = incident.sentence
    candidates = sentence_places(sentence, usable, exclude=exclude)
    if not candidates:
        # "…au passage d'un camion de l'armée. Les faits se sont produits mardi près
        # de Tazor": the next sentence, when it points back at the incident, places it
        following = _incident_sentence_after(ctx.document.text, sentence, lang=ctx.document.lang)
        if following is not None:
            sentence, candidates = following, sentence_places(following, usable, exclude=exclude)
    if not any(_is_fine(p) for p in candidates):
        site = _site_named_later(
            ctx.document.text,
            incident.sentence,
            usable,
            lang=ctx.document.lang,
            main_iso=ctx.main_iso,
        )
        if site is not None:
            candidates = [site]
    if (coded := coded_place(ctx.document.text, candidates)) is not None:
        return [coded]  # "(coded as Kerou at geoprecision 2)" (normalize.coded_places)
    placed_before = any(
        p.span.start < sentence.start
        and p.relation != "dateline"
        and p.place is not None
        and p.place.feature != "country"
        for p in usable
    )
    start = journey_start(
        ctx.document.text,
        sentence,
        ctx.places,
        candidates,
        lang=ctx.document.lang,
        main_iso=ctx.main_iso,
        placed_before=placed_before,
    )
    if start is not None:
        return [start]  # "a bus travelling from Kerou to Tamba was ambushed" (normalize.journey_places)
    p_start, p_end = _paragraph_bounds(ctx.document.text, incident.sentence.start)
    paragraph = sentence_places(Span(p_start, p_end, ""), usable, exclude=exclude)
    chosen = choose_places(
        ctx.document.text,
        sentence,
        paragraph,
        candidates,
        main_iso=ctx.main_iso,
        document_anchor=ctx.anchor,
        known=usable,
        villages=ctx.villages,
        resolve=_town_in(ctx.main_iso, areas=True),
        named_isos=ctx.named_isos,
    )
    # "workers of a mine in Tamba protested in Kerou": the place the trigger governs (normalize.trigger_places)
    return governed_place(ctx.document.text, sentence, incident.trigger.span, chosen, candidates)


def town_in(iso: str | None) -> Callable[[str], Place | None] | None:
    """Return a lookup of a town or village by name in one country (None without a country)."""
    return _town_in(iso)


def _town_in(iso: str | None, *, areas: bool = False) -> Callable[[str], Place | None] | None:
    """Return a lookup of a town or village by name in one country (the most populous namesake);
    with `areas`, a division of that name when no town has it."""
    if iso is None:
        return None

    def resolve(name: str) -> Place | None:
        every = load_gazetteer().candidates(name, country=iso)
        found = [c for c in every if c.feature not in COUNTRY_OR_DIVISION_FEATURES] or (
            [c for c in every if c.feature in ("admin1", "admin2") and c.primary] if areas else []
        )
        return candidate_place(max(found, key=lambda c: c.population)) if found else None

    return resolve


def _actor(span: Span | None, *, lang: str, country: str | None, when: date | None) -> Actor | None:
    """Return the actor a role phrase names: the whole phrase if it is an alias, else the first
    actor named inside it ("les forces américaines et la coalition" -> US forces)."""
    if span is None:
        return None
    inside = _sentence_actors(span, lang=lang, country=country, when=when)
    if inside:
        return inside[0]
    actor = canonicalize_actor(span.text, lang=lang, country=country, when=when)
    if actor is None and len(span.text.split()) == 1:
        # a nationality alone ("US", "israélienne", "Nigerian") stands for that country's forces
        gazetteer = load_gazetteer()
        iso = gazetteer.demonym_country(span.text) or (
            span.text.isupper() and gazetteer.country(span.text) is not None and span.text
        )
        name = gazetteer.country_name(iso) if iso else None
        army = next(iter(load_word_lists(lang).get("army_nouns")), None)
        if name and army:
            actor = canonicalize_actor(army, lang=lang, country=name, when=when)
    if actor is None:
        return None
    if actor.span is None or actor.span.start != span.start:
        actor = Actor(
            name=actor.name,
            country=actor.country,
            actor_type=actor.actor_type,
            span=span,
            method=actor.method,
        )
    return actor


def _sentence_actors(sentence: Span, *, lang: str, country: str | None, when: date | None = None) -> list[Actor]:
    found = find_actor_mentions(sentence.text, lang=lang, country=country, when=when)
    out = []
    for a in found:
        if a.span is not None:
            span = Span(
                start=sentence.start + a.span.start,
                end=sentence.start + a.span.end,
                text=a.span.text,
            )
            a = Actor(name=a.name, country=a.country, actor_type=a.actor_type, span=span, method=a.method)
        out.append(a)
    return out


def normalize_mentions(incident: IncidentMention, ctx: DocumentContext) -> list[Mention]:
    """Return the normalized Mentions of one extracted incident mention: one per place when the
    sentence lists several places, else one."""
    places = drop_apposed_villages(ctx.document.text, distinct_places(incident_places(incident, ctx)))
    mention = normalize_mention(incident, ctx, place=places[0] if places else None)
    if len(places) < 2:
        return [mention]
    # one incident per listed place: the ordinal keeps the resolver from merging them back; a
    # toll given for all of them together is split evenly (ACLED), and any figure a sentence
    # gives for one place alone takes precedence over its share (resolve.build)
    return [
        replace(
            mention,
            place=p,
            count=1,
            plural=False,
            ordinal=i + 1,
            casualties=place_toll(ctx.document.text, ctx.document.lang, incident.sentence, p, ctx.places)
            or share_toll(
                count_casualties(ctx.document.text, lang=ctx.document.lang, spans=[incident.sentence]),
                i,
                len(places),
            ),
        )
        for i, p in enumerate(places)
    ]


def distinct_places(places: list[PlaceMention]) -> list[PlaceMention]:
    """Return listed places less those naming a place listed before them: "un quartier de
    Sanaa, la capitale" names one town twice (ACLED: one event per location)."""
    out: list[PlaceMention] = []
    for p in places:
        if p.place is not None and any(
            q.place is not None
            and (q.place.name, q.place.latitude, q.place.longitude)
            == (p.place.name, p.place.latitude, p.place.longitude)
            for q in out
        ):
            continue
        out.append(p)
    return out


def _mention_date(incident: IncidentMention, ctx: DocumentContext) -> EventDate | None:
    """Return the date of an incident mention: from its sentence or paragraph, else the
    article's lead date, else the publication date (normalize.dates)."""
    document = ctx.document
    published = document.published
    if published is None:
        return None
    times = [t for t in ctx.times if not any(r.start <= t.span.start < r.end for r in incident.reporting)]
    event_date = resolve_event_date(
        incident.sentence,
        document.text,
        lang=document.lang,
        published=published,
        expressions=times,
        trigger=incident.trigger.span,
    )
    if event_date.method == "published_date" and ctx.lead_date is not None:
        # no date near the sentence: the article's lead dates the incident it reports
        lead = ctx.lead_date
        event_date = EventDate(
            lead.value,
            lead.time_precision,
            lead.span,
            "lead_time_expression",
            reason="no date in the sentence or its paragraph; the article's lead date",
        )
    return event_date


@dataclass(frozen=True)
class _MentionActors:
    actor1: Actor | None
    actor2: Actor | None
    assoc2: Actor | None
    claimed_by: tuple[Actor, ...]
    speaker: Actor | None


def _mention_actors(
    incident: IncidentMention, document: Document, *, country: str | None, when: date | None
) -> _MentionActors:
    """Return the actors of an incident mention: agent and patient phrases canonicalized, roles
    swapped for a defensive verb, the sentence's perpetrator when the parse names none, the
    claimant of a claim and the speaker."""
    lang = document.lang
    actor1 = _actor(incident.agent, lang=lang, country=country, when=when)
    actor2 = _actor(incident.patient, lang=lang, country=country, when=when)
    if incident.trigger.cue == "A_INTERCEPT" or incident.trigger.lemma in load_word_lists(lang).get("defensive_lemmas"):
        # "the security forces repelled the militants": whoever defends is actor2, whoever was
        # repelled (when the object is an actor, not "the attack") is actor1
        actor1, actor2 = actor2, actor1
    in_sentence = _sentence_actors(incident.sentence, lang=lang, country=country, when=when)
    # an agent phrase that is not an actor ("La première attaque") leaves actor1 to the parse
    if actor2 is None and incident.patient is not None:
        inside = [a for a in in_sentence if a.span and incident.patient.start <= a.span.start < incident.patient.end]
        actor2 = inside[0] if inside else None
    if actor1 is None and incident.agent is not None:
        inside = [a for a in in_sentence if a.span and incident.agent.start <= a.span.start < incident.agent.end]
        actor1 = inside[0] if inside else None
    if "A_CLASH" in incident.cue_classes and (actor1 is None or _coordinated(incident.agent, lang)):
        # "clashes between the Kerouan and Tamba communities", "Kerouans and Tambas clashed":
        # the side named first is actor1, the other actor2
        first, second = clash_sides(
            document.text,
            incident.trigger.span,
            incident.sentence,
            incident.agent,
            lang=lang,
            country=country,
            when=when,
        )
        if first is not None:
            actor1, actor2 = first, actor2 or second
    if actor1 is None:
        # no agent naming an actor in the parse: the armed actor the sentence names as the perpetrator
        actor1 = perpetrator_in_sentence(
            document.text,
            in_sentence,
            lang=lang,
            trigger=incident.trigger.span,
            patient=incident.patient,
            exclude=tuple(incident.reporting) + ((incident.attributed_to,) if incident.attributed_to else ()),
        )
    assoc2 = None
    if actor2 is not None:
        others = [
            a
            for a in in_sentence
            if a.name != actor2.name
            and a.actor_type == actor2.actor_type
            and a.span
            and incident.patient is not None
            and incident.patient.start <= a.span.start < incident.patient.end
        ]
        assoc2 = others[0] if others else None
    claimed_by: tuple[Actor, ...] = ()
    if incident.claimed:
        claimant = None
        if incident.attributed_to is not None:
            claimant = _actor(incident.attributed_to, lang=lang, country=country, when=when)
        if claimant is None and incident.claimed:
            claimant = actor1
        if claimant is not None and claimant.actor_type not in {
            "civilians",
            "state_forces",
            "external_forces",
            "protesters",
        }:
            claimed_by = (claimant,)
    speaker = _actor(incident.attributed_to, lang=lang, country=country, when=when)
    return _MentionActors(actor1, actor2, assoc2, claimed_by, speaker)


def _coordinated(phrase: Span | None, lang: str) -> bool:
    """Return whether a phrase joins two parties ("Kerouans and Tambas")."""
    if phrase is None:
        return False
    joiners = {fold_word(w) for w in load_word_lists(lang).get("party_joiners")}
    return any(fold_word(w) in joiners for w in phrase.text.split())


def normalize_mention(incident: IncidentMention, ctx: DocumentContext, *, place: PlaceMention | None) -> Mention:
    """Return the normalized Mention for one extracted incident mention."""
    document = ctx.document
    country = ctx.main_country
    if place is not None:
        assert place.place is not None, f"{place.name}: an incident's place mention is resolved"
        country = place.place.country
    event_date = _mention_date(incident, ctx)
    when = event_date.value if event_date is not None else None
    casualties = place_toll(document.text, document.lang, incident.sentence, place, ctx.places) or count_casualties(
        document.text, lang=document.lang, spans=[incident.sentence]
    )
    actors = _mention_actors(incident, document, country=country, when=when)
    actor1, actor2, assoc2, claimed_by, speaker = (
        actors.actor1,
        actors.actor2,
        actors.assoc2,
        actors.claimed_by,
        actors.speaker,
    )
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
        additive=incident.additive,
        pluperfect=incident.pluperfect,
        cue_classes=incident.cue_classes,
        agent_text=incident.agent,
        patient_text=incident.patient,
        voice=speaker.name if speaker is not None else None,
    )
