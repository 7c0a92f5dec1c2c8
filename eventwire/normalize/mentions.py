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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from eventwire.extract.incidents import IncidentMention
from eventwire.extract.lexicon import load_modality_lexicon
from eventwire.gazetteer import load_gazetteer
from eventwire.geoparse import candidate_place
from eventwire.lang.fold import fold_word
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
from eventwire.nlp.doc_cache import doc_text
from eventwire.normalize.actors import (
    canonicalize_actor,
    find_actor_mentions,
    perpetrator_in_sentence,
)
from eventwire.normalize.capital import _alternation, _phrase_pattern, capital_mentions
from eventwire.normalize.casualties import count_casualties
from eventwire.normalize.dates import (
    TimeExpression,
    dates_a_statement,
    resolve_event_date,
    starts_a_period,
)
from eventwire.normalize.doc_country import (
    attributive_demonyms,
    main_country,
    named_countries,
    other_evidence,
    place_evidence,
    title_evidence,
)
from eventwire.normalize.incident_place import (
    choose_places,
    document_villages,
    load_folded_words,
    sentence_places,
)
from eventwire.normalize.missed_places import missed_place_mentions, site_places
from eventwire.normalize.place_tolls import place_toll, share_toll

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A date in the article's opening this close to publication dates its main incident (news leads
# report the latest incident; older dates there are background). Set by reading dev articles'
# leads: most report an incident 0-3 days old.
LEAD_DATE_MAX_DAYS = 7
LEAD_MAX_CHARS = 800


@dataclass(frozen=True)
class DocumentContext:
    """What every mention of one document shares."""

    document: Document
    places: tuple[PlaceMention, ...]
    times: tuple[TimeExpression, ...]
    main_country: str | None
    main_iso: str | None
    lead_date: TimeExpression | None = None  # first date of the article's opening, if recent
    anchor: Place | None = None  # the article's most mentioned area, to code unknown villages to
    not_locations: frozenset[int] = frozenset()  # starts of place mentions that name no location
    villages: frozenset[str] = frozenset()  # unknown localities the article introduces
    named_isos: frozenset[str] = frozenset()  # countries named, themselves or by a division


# "a bus travelling to Merelo", "un convoi en provenance de Gao": where a journey leads is not
# where the incident happened.
JOURNEY_BEFORE = re.compile(
    r"(?:travell?ing|heading|headed|bound|en route|on (?:its|their|his|her) way|going|returning|coming)\s+"
    r"(?:to|for|from|back to)\s+$|(?:à destination|en direction|en provenance|en route)\s+(?:de|d['’]|du|des)\s*$"
    # "returning to their posts in Tazor", "qui regagnaient leur base à Merelo"
    r"|(?:returning|heading|going|travell?ing)\s+(?:back\s+)?to\s+(?:their|its|his|her|the)\s+\w+\s+in\s+"
    r"(?:[A-Z][\w'’-]+(?:\s*,\s*|\s+and\s+))*$"
    r"|(?:regagnaient|rejoignaient|regagnait|rejoignait)\s+(?:leur|leurs|sa|son|ses)\s+\w+\s+(?:à|au|de)\s+"
    r"(?:[A-Z][\w'’-]+(?:\s*,\s*|\s+et\s+))*$"
    # where a source was reached, not where anything happened: "joint depuis Yaoundé", "reached in Kano"
    r"|(?:joint|jointe|joints|contacté|contactée|interrogé|interrogée)\s+(?:par\s+t[ée]l[ée]phone\s+)?(?:depuis|à)\s+$"
    r"|(?:reached|contacted|speaking)\s+(?:by\s+(?:phone|telephone)\s+)?(?:in|from)\s+$",
    re.IGNORECASE,
)


# "Merelo Cement": a town followed by a capitalized word names an organisation, unless the word
# is a date or the place's own kind ("Tazor County", "Merelo Tuesday")
ORG_NAME_AFTER = re.compile(r" [A-Z][a-z]+\b")
NAME_NOT_ORG_AFTER = re.compile(
    r" (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|County|Province|State|Region|District|City|"
    r"Governorate|Square|Road|Street|Airport|Base)\b"
)


# A small town whose name is also an actor's ("FAMa", the Malian army, and Fama in Brazil) is
# the actor when the whole mention is the actor's name.
ACTOR_NAMESAKE_MAX_POP = 100_000


@lru_cache(maxsize=8)
def _locative_right_before(lang: str) -> re.Pattern[str]:
    """Return the pattern of a locative preposition ending a text ("in ", "near "): the
    `locatives` of data/words/<lang>.yaml."""
    words = "|".join(re.escape(w) for w in load_word_lists(lang).get("locatives")) or "(?!)"
    return re.compile(rf"\b(?:{words})\s+$")


def load_weapon_names() -> frozenset[str]:
    """Return the folded names of weapons that are never places (data/weapon_names.yaml)."""
    return load_folded_words("weapon_names.yaml", what="weapon names")


def _is_capital(place: Place) -> bool:
    capital = load_gazetteer().capital(place.iso)
    return capital is not None and capital.geonameid == place.geonameid


def is_actor_name(p: PlaceMention, find_actors: Callable[[str], list[Actor]]) -> bool:
    """Return whether a place mention is an actor's name ("Al-Qaïda", "FAMa")."""
    if p.place is not None and (p.place.feature != "city" or p.place.population >= ACTOR_NAMESAKE_MAX_POP):
        return False
    return bool(find_actors(p.span.text))


def non_location_mentions(
    doc: Doc | None, places: list[PlaceMention], *, lang: str,
    find_actors: Callable[[str], list[Actor]], main_iso: str | None = None,
) -> frozenset[int]:
    """Return the starts of place mentions used as something other than a location.

    "the Merelo-bound bus", "the Tazor bus", "traveling from Nairobi", "Al-Qaïda": a place
    name that modifies another noun, names the origin of a journey or is an actor's name does
    not place the incident.
    """
    if doc is None:
        return frozenset()
    out = set()
    text = doc_text(doc)
    ordered = sorted(places, key=lambda q: q.span.start)
    for i, p in enumerate(ordered):
        previous = ordered[i - 1] if i else None
        after = text[p.span.end:p.span.end + 8].lower()
        before = text[max(0, p.span.start - 6):p.span.start].lower()
        if after.startswith(("-bound", "-based", " -bound")):
            out.add(p.span.start)
            continue
        if (p.place is not None and p.place.feature == "city" and re.search(r"\b(?:avec|with)\s+$", before + " ")
                and _is_capital(p.place)):
            out.add(p.span.start)  # "un regain de tension avec Dakar": the government
            continue
        if fold_word(p.span.text) in load_weapon_names():
            out.add(p.span.start)  # "des tirs de roquettes Grad"
            continue
        if lang == "en" and before.endswith("from "):
            out.add(p.span.start)
            continue
        if JOURNEY_BEFORE.search(text[max(0, p.span.start - 50):p.span.start]):
            out.add(p.span.start)
            continue
        if previous is not None and previous.span.start in out and re.fullmatch(
            r"\s*(?:,|and|et|or|ou)\s*", text[previous.span.end:p.span.start]
        ):
            out.add(p.span.start)  # the rest of a journey's list: "to their posts in Tazor and Merelo"
            continue
        if is_actor_name(p, find_actors):
            out.add(p.span.start)
            continue
        if (main_iso is not None and p.place is not None and p.place.iso != main_iso
                and p.place.feature == "city" and ORG_NAME_AFTER.match(text, p.span.end)
                and not NAME_NOT_ORG_AFTER.match(text, p.span.end)):
            out.add(p.span.start)  # "registered under Merelo Cement": a foreign town inside a name
            continue
        tokens = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        if tokens is None or lang != "en":
            continue
        root = tokens.root
        if _locative_right_before(lang).search(before):
            continue  # "a protest in Kerou town hall", "shot at Kerou police station": still where
        if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() not in load_word_lists(lang).get("place_head_nouns"):
            out.add(p.span.start)
    return frozenset(out)


def document_context(
    document: Document, places: list[PlaceMention], times: list[TimeExpression], *, doc: Doc | None = None
) -> DocumentContext:
    """Return the shared context; the main country is the one with the most evidence: places,
    state forces, nationality adjectives (normalize.doc_country)."""
    def find_actors(t: str) -> list[Actor]:
        return [a for a in find_actor_mentions(t, lang=document.lang, country=None)
                if a.span and a.span.end - a.span.start >= len(t) - 1]

    gazetteer = load_gazetteer()
    # "Somali police forces": a nationality, not the region spelled like it
    adjectives = attributive_demonyms(document.text, places, lang=document.lang, gazetteer=gazetteer)
    places = [p for p in places if p.span.start not in adjectives]
    actor_names = [(p.span.start, p.span.end) for p in places if is_actor_name(p, find_actors)]
    # actors, nationality adjectives and the headline (normalize.doc_country) ...
    others = other_evidence(document.text, places, lang=document.lang, gazetteer=gazetteer, skip=actor_names)
    others += title_evidence(document.title, gazetteer=gazetteer)
    # ... tell where to look up the towns the entity recognizer missed ("protests in Kerou")
    prior = main_country(place_evidence(document.text, places, skip=actor_names), others)
    missed = missed_place_mentions(document.text, places, lang=document.lang, gazetteer=gazetteer,
                                   main_iso=prior[1], is_name=lambda t: bool(find_actors(t)))
    places = sorted([*places, *missed], key=lambda p: p.span.start)
    # the places alone first, to tell a foreign town inside a name; then with the places named as
    # something other than a location left out
    first = main_country(place_evidence(document.text, places, skip=actor_names), others)
    not_locations = non_location_mentions(doc, places, lang=document.lang, main_iso=first[1], find_actors=find_actors)
    main = main_country(place_evidence(document.text, places, not_locations=not_locations, skip=actor_names), others)
    places = sorted([*site_places(places, gazetteer=gazetteer, main_iso=main[1]),
                     *capital_mentions(document.text, document.lang, main[1], places)], key=lambda p: p.span.start)
    areas = Counter(
        p.place.admin1 for p in places
        if p.place is not None and p.relation not in ("dateline", "distance reference") and p.place.iso == main[1] and p.place.admin1
        and not (p.relation or "").endswith(" part")
    )
    anchor = None
    if areas:
        admin1 = areas.most_common(1)[0][0]
        in_admin1 = [p.place for p in places if p.place is not None and p.place.admin1 == admin1 and p.place.iso == main[1]]
        anchor = min(in_admin1, key=lambda pl: (0 if pl.feature == "admin1" else 1, -pl.population))
        anchor = replace(anchor, geo_precision=3) if anchor.feature != "admin1" else anchor
    elif main[1] is not None:
        # no division or town of the country named: an unknown village there keeps its name and
        # the country, with no coordinates (incident_place.derived_place)
        anchor = next((p.place for p in places if p.place is not None and p.place.iso == main[1] and p.place.feature == "country"), None)
        country = gazetteer.country(main[1]) if anchor is None else None
        anchor = candidate_place(country) if country is not None else anchor
    lead_date = None
    published = document.published
    # the opening: its first two paragraphs when they are short (a one-sentence lead is often
    # dated only in the next paragraph: "The truce was announced late Monday"), else 400 chars
    first_break = document.text.find("\n\n", 200)
    second_break = document.text.find("\n\n", first_break + 2) if first_break >= 0 else -1
    lead_end = max(400, first_break, second_break if 0 <= second_break <= LEAD_MAX_CHARS else -1)
    for t in times:
        if t.span.start > lead_end:
            break
        if dates_a_statement(document.text, t) or starts_a_period(document.text, t):
            continue  # "a spokesperson said on December 7", "since Friday": no incident's day
        if published is not None and 0 <= (published - t.value).days <= LEAD_DATE_MAX_DAYS:
            lead_date = t
            break
    not_locations = non_location_mentions(doc, places, lang=document.lang, main_iso=main[1], find_actors=find_actors)
    return DocumentContext(document=document, places=tuple(places), times=tuple(times), main_country=main[0],
                           main_iso=main[1], lead_date=lead_date, anchor=anchor, not_locations=not_locations,
                           villages=document_villages(document.text, tuple(places)),
                           named_isos=named_countries(document.text, places, not_locations=not_locations))


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
    return _phrase_pattern(" ".join(words).replace("' ", "'") for words in phrases)


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
    nouns = _alternation(load_folded_words("facility_nouns.yaml", what="nouns"))
    before, after = _ECHO_BEFORE.get(lang), _ECHO_AFTER.get(lang)
    return (re.compile(before.format(nouns=nouns)) if before else None,
            re.compile(after.format(nouns=nouns)) if after else None)


def _is_fine(p: PlaceMention) -> bool:
    return p.place is not None and p.place.feature not in {"country", "admin1"} and not (p.relation or "").endswith(" part")


def _site_named_later(text: str, sentence: Span, usable: tuple[PlaceMention, ...], *, lang: str,
                      main_iso: str | None) -> PlaceMention | None:
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
        if p.span.start < sentence.end or not _is_fine(p) or (
            main_iso is not None and p.place is not None and p.place.iso != main_iso  # _is_fine: placed
        ):
            continue
        m = before.search(fold_word(text[max(0, p.span.start - 40):p.span.start]))
        noun = m.group(1) if m else None
        if noun is None and after is not None and fold_word(text[max(0, p.span.start - 4):p.span.start]).endswith("the "):
            m = after.match(fold_word(text[p.span.end:p.span.end + 20]))
            noun = m.group(1) if m else None
        if noun is not None and (noun in words or noun + "s" in words):
            return replace(p, method="site_named_later", reason=f"the {noun} the incident hit, named in a later sentence")
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
        site = _site_named_later(ctx.document.text, incident.sentence, usable, lang=ctx.document.lang, main_iso=ctx.main_iso)
        if site is not None:
            candidates = [site]
    p_start, p_end = _paragraph_bounds(ctx.document.text, incident.sentence.start)
    paragraph = sentence_places(Span(p_start, p_end, ""), usable, exclude=exclude)
    return choose_places(
        ctx.document.text, sentence, paragraph, candidates, main_iso=ctx.main_iso, document_anchor=ctx.anchor,
        known=usable, villages=ctx.villages, resolve=_town_in(ctx.main_iso, areas=True), named_isos=ctx.named_isos,
    )


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
            [c for c in every if c.feature in ("admin1", "admin2") and c.primary] if areas else [])
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


def normalize_mentions(incident: IncidentMention, ctx: DocumentContext) -> list[Mention]:
    """Return the normalized Mentions of one extracted incident mention: one per place when the
    sentence lists several places, else one."""
    places = _distinct_places(incident_places(incident, ctx))
    mention = normalize_mention(incident, ctx, place=places[0] if places else None)
    if len(places) < 2:
        return [mention]
    # one incident per listed place: the ordinal keeps the resolver from merging them back; a
    # toll given for all of them together is split evenly (ACLED), and any figure a sentence
    # gives for one place alone takes precedence over its share (resolve.build)
    return [
        replace(mention, place=p, count=1, plural=False, ordinal=i + 1, casualties=place_toll(
            ctx.document.text, ctx.document.lang, incident.sentence, p, ctx.places) or share_toll(
            count_casualties(ctx.document.text, lang=ctx.document.lang, spans=[incident.sentence]), i, len(places)))
        for i, p in enumerate(places)
    ]


def _distinct_places(places: list[PlaceMention]) -> list[PlaceMention]:
    """Return listed places less those naming a place listed before them: "un quartier de
    Sanaa, la capitale" names one town twice (ACLED: one event per location)."""
    out: list[PlaceMention] = []
    for p in places:
        if p.place is not None and any(
            q.place is not None and (q.place.name, q.place.latitude, q.place.longitude)
            == (p.place.name, p.place.latitude, p.place.longitude) for q in out
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
    event_date = resolve_event_date(incident.sentence, document.text, lang=document.lang, published=published,
                                    expressions=times, trigger=incident.trigger.span)
    if event_date.method == "published_date" and ctx.lead_date is not None:
        # no date near the sentence: the article's lead dates the incident it reports
        lead = ctx.lead_date
        event_date = EventDate(lead.value, lead.time_precision, lead.span, "lead_time_expression",
                               reason="no date in the sentence or its paragraph; the article's lead date")
    return event_date


@dataclass(frozen=True)
class _MentionActors:
    actor1: Actor | None
    actor2: Actor | None
    assoc2: Actor | None
    claimed_by: tuple[Actor, ...]
    speaker: Actor | None


def _mention_actors(incident: IncidentMention, document: Document, *, country: str | None,
                    when: date | None) -> _MentionActors:
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
    if actor1 is None:
        # no agent naming an actor in the parse: the armed actor the sentence names as the perpetrator
        actor1 = perpetrator_in_sentence(
            document.text, in_sentence, lang=lang, trigger=incident.trigger.span, patient=incident.patient,
            exclude=tuple(incident.reporting) + ((incident.attributed_to,) if incident.attributed_to else ()))
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
    return _MentionActors(actor1, actor2, assoc2, claimed_by, speaker)


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
        document.text, lang=document.lang, spans=[incident.sentence])
    actors = _mention_actors(incident, document, country=country, when=when)
    actor1, actor2, assoc2, claimed_by, speaker = (
        actors.actor1, actors.actor2, actors.assoc2, actors.claimed_by, actors.speaker)
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
        cue_classes=incident.cue_classes,
        agent_text=incident.agent,
        patient_text=incident.patient,
        voice=speaker.name if speaker is not None else None,
    )
