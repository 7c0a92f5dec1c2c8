"""Merge the incident mentions of one document into incidents (one group per incident).

Steps of `merge_mentions_in_document`, in order:
  1. split event mentions (reported, claimed, alleged) from context mentions;
  2. mentions with a precise place (geo_precision 1-2) seed incidents: two of them are one incident
     when type, day and place (within ONE_LOCATION_MAX_KM) agree (two villages the gazetteer lacks,
     named differently in different sentences, never are), except that a sentence opened by an
     additive connective ("Par ailleurs, …", "Meanwhile, …", resolve/additive.py) and one day of
     an operation told over several days, typed otherwise than the incident told before, and
     another actor pair's battle or attack on civilians (resolve/actor_pairs.py) start their own;
  3. every other mention joins an incident already seeded: an anaphor ("cette dernière
     tentative", "the attack") the nearest earlier one (the only one told so far even when typed
     differently); a region phrase ("dans l'ouest de l'Irak") the one lying in that part of the
     country; a plural summary ("trois drones", "deux attaques") every compatible one; a lone
     vague mention the only compatible one — else it seeds its own, as does a region listed
     with other places ("les régions de Mykolaïv, Kharkiv et Odessa");
  4. context mentions group the same way; an event mention that matches a context group about an
     earlier day joins it (the article retells background, CODING_RULES.md "Context mentions").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from eventwire.models import EVENT_MODALITIES, Mention, Modality
from eventwire.normalize.tally_figures import CONFLICT_TALLY_MIN
from eventwire.resolve.actor_pairs import another_actor_pair
from eventwire.resolve.additive import opens_addition, opens_sequel
from eventwire.resolve.compatibility import (
    GENERIC_CLASSES,
    compatible,
    dates_compatible,
    is_precise,
    mention_place,
    places_compatible,
    types_compatible,
)
from eventwire.resolve.demonstration_details import retypes_demonstration
from eventwire.resolve.structure import is_day_split
from eventwire.resolve.toll_joins import crowd_casualties_home, earlier_toll_home, nearest_earlier
from eventwire.resolve.toll_sentences import dated, placed_toll_home
from eventwire.taxonomy import VIOLENT_TYPES

# Incidents dated this many days before publication, in an article that also reports a recent
# one, are recaps. Tuned on the dev gold's publication lags: 98% of reported incidents are 0-4
# days old.
RECAP_MIN_DAYS = 7
# An incident told after the article's lead incident and dated this many days before it is a
# recap ("Le 3 mai, une dizaine de bergers avaient péri…" in a story of an attack on the 8th).
RECAP_BEFORE_LEAD_DAYS = 4
# A death toll this high with no day of its own is a conflict's tally ("the violence has killed
# more than 10,000 people since 2015", "la guerre a causé des milliers de décès"), not one incident
# (CODING_RULES.md: aggregate statistics).
TALLY_MIN_FATALITIES = CONFLICT_TALLY_MIN
# An anaphor ("the blast") dated this many days before the lead incident is not dated by it: its
# sentence recalls another, older incident ("the deadliest since the town fell in March 2016").
RECAP_ANAPHOR_MAX_DAYS = 30


@dataclass(frozen=True)
class MentionGroup:
    """The mentions of one incident inside one document."""

    mentions: tuple[Mention, ...]
    context: bool  # the incident is only brought up as background or recap


def _fits(m: Mention, group: list[Mention]) -> bool:
    """Return whether a mention fits a group: compatible with its precise mentions (or with all
    of them when none is precise)."""
    anchors = [x for x in group if is_precise(x)] or group
    return all(compatible(m, x) for x in anchors)


def _precise_home(m: Mention, groups: list[list[Mention]]) -> list[Mention] | None:
    """Return the first incident a precise mention fits, the one at the very place it names first
    ("a post near Kolo and another in Bera" … "a soldier was killed in Bera": Bera's)."""
    homes = [g for g in groups if any(is_precise(x) for x in g) and all(compatible(m, x) for x in g if is_precise(x))]
    name = _place_name(m)
    named = next((g for g in homes if name is not None and any(_place_name(x) == name for x in g)), None)
    return named or next(iter(homes), None)


def _starts_another(m: Mention, home: list[Mention]) -> bool:
    """Return whether a precise mention that fits an incident still starts one of its own (step 2
    of the module docstring)."""
    if m.ordinal is not None and any(x.ordinal is not None and x.ordinal != m.ordinal for x in home):
        return True  # "la première" and "la seconde" are two incidents by construction
    if opens_addition(m) and all(x.sentence.start != m.sentence.start for x in home):
        return True  # "Par ailleurs, des hommes armés ont attaqué…": another incident
    return _typed_otherwise(m, home) or _sequel(m, home) or _answer(m, home) or another_actor_pair(m, home)


def _group_into(groups: list[list[Mention]], mentions: list[Mention]) -> None:
    """Add mentions to groups following steps 2 and 3 of the module docstring."""
    precise = [m for m in mentions if is_precise(m)]
    vague = [m for m in mentions if not is_precise(m)]
    for m in precise:
        home = _precise_home(m, groups)
        if home is not None and _starts_another(m, home):
            home = None
        if home is None and not opens_addition(m):
            home = placed_toll_home(m, groups)
        if home is None:
            groups.append([m])
        else:
            home.append(m)
    _share_summaries(groups)
    for m in sorted(vague, key=lambda x: x.sentence.start):
        if _listed_with_others(m, mentions):
            # "abattus au-dessus des régions de Mykolaïv (Sud), Kharkiv (Nord-Est)…": a region
            # in a list of places is one of the locations, not a summary of the others
            groups.append([m])
            continue
        if (m.plural and m.additive) or opens_addition(m):
            # "des factions ont aussi revendiqué des attaques", "À quelques kilomètres, …": others
            groups.append([m])
            continue
        candidates = [g for g in groups if _fits(m, g) and not another_actor_pair(m, g)]
        if (
            not candidates
            and (toll_home := earlier_toll_home(m, groups)) is not None
            and not another_actor_pair(m, toll_home)
        ):
            toll_home.append(m)  # "Five killed." after a riot: its toll (resolve/toll_joins.py)
            continue
        if m.anaphoric:
            earlier = [g for g in candidates if min(x.sentence.start for x in g) < m.sentence.start]
            if earlier:
                # the nearest incident told before this sentence
                max(
                    earlier,
                    key=lambda g: max(x.sentence.start for x in g if x.sentence.start < m.sentence.start),
                ).append(m)
                continue
            told = [g for g in groups if min(x.sentence.start for x in g) < m.sentence.start]
            if (
                not candidates
                and len(told) == 1
                and all(dates_compatible(m, x) and places_compatible(m, x) for x in told[0])
            ):
                # "the attack" after the only incident told so far is that incident, whatever
                # words typed it ("militants seized the town…" "The attack began at dawn…")
                told[0].append(m)
                continue
        if m.ordinal is not None:
            ordered = [g for g in candidates if any(x.ordinal == m.ordinal for x in g)]
            if ordered:
                ordered[0].append(m)
                continue
        if len(candidates) == 1:
            candidates[0].append(m)
        elif len(candidates) > 1 and (m.plural or m.count > 1):
            for g in candidates:
                g.append(m)
        elif len(candidates) > 1:
            # a lone vague mention fits several incidents: the nearest one told before it, or it
            # stays its own (its place is only the region, which says so in its provenance)
            earlier = [g for g in candidates if min(x.sentence.start for x in g) < m.sentence.start]
            if earlier and m.anaphoric:
                earlier[-1].append(m)
            else:
                for g in candidates:
                    g.append(m)
        else:
            groups.append([m])


def _first_told_not_anaphoric(mentions: list[Mention]) -> list[Mention]:
    """Return the mentions with the anaphor flag cleared on those of the first sentence that tells
    an incident: nothing was told before them to point back at ("L'attaque d'un village a fait
    trente morts jeudi" opens the article; its definite article introduces the incident)."""
    if not mentions:
        return mentions
    first = min(m.sentence.start for m in mentions)
    return [replace(m, anaphoric=False) if m.anaphoric and m.sentence.start == first else m for m in mentions]


def _typed_otherwise(m: Mention, group: list[Mention]) -> bool:
    """Return whether a mention that is one day of an operation its sentence tells over several
    days, typed from specific cues, has another event type than every mention of a group told in
    other sentences ("Dimanche, un bombardement a tué dix civils à Kolo" … "L'armée et les
    rebelles se sont affrontés dimanche et lundi à Kolo"): the sentence tells an
    operation in its own right, not a detail of the incident told before (ACLED: one event per
    location per day per actor pair)."""
    if not is_day_split(m) or m.anaphoric or m.cue_classes <= GENERIC_CLASSES:
        return False
    return all(
        x.sentence.start != m.sentence.start and x.event_type != m.event_type and not (x.cue_classes <= GENERIC_CLASSES)
        for x in group
    )


def _share_summaries(groups: list[list[Mention]]) -> None:
    """Add a summary that seeded an incident told at another place to the other incidents it
    fits, told after it at other places ("Vingt civils ont été tués dans des attaques contre deux
    villages de la commune de Kolo." "À Bera, … douze personnes. À Dori, … huit villageois."):
    it sums them all up, and places none of them (resolve/build.py)."""
    for g in groups:
        for s in [x for x in g if _sums_up(x) and is_precise(x)]:
            if not any(is_precise(x) and _place_name(x) != _place_name(s) for x in g):
                continue
            for h in groups:
                anchors = [x for x in h if is_precise(x)]
                if (
                    h is g
                    or not anchors
                    or any(x is s or _place_name(x) == _place_name(s) for x in h)
                    or min(x.sentence.start for x in anchors) <= s.sentence.start
                    or not all(compatible(s, x) for x in anchors)
                ):
                    continue
                h.append(s)


def _place_name(m: Mention) -> str | None:
    return m.place.place.name if m.place is not None and m.place.place is not None else None


def _sums_up(m: Mention) -> bool:
    """Return whether a mention may sum up several incidents: a plural or counted incident phrase
    that is neither one place of a list nor an anaphor."""
    return (m.plural or m.count > 1) and m.ordinal is None and not m.anaphoric


def _other_violent_type(m: Mention, group: list[Mention]) -> bool:
    """Return whether a mention typed from specific cues has another violent event type than every
    mention of a group told in other sentences."""
    if m.event_type not in VIOLENT_TYPES or m.cue_classes <= GENERIC_CLASSES:
        return False
    return all(
        x.sentence.start != m.sentence.start and x.event_type != m.event_type and x.event_type in VIOLENT_TYPES
        for x in group
    )


def _sequel(m: Mention, group: list[Mention]) -> bool:
    """Return whether a mention's sentence tells what followed a group's incident, as an incident of
    another type ("Deux soldats ont été tués par une mine près de Kolo." … "Quelques heures plus
    tard, des jihadistes ont attaqué le camp de Kolo"): two events (ACLED codes each act)."""
    return opens_sequel(m) and _other_violent_type(m, group)


def _answer(m: Mention, group: list[Mention]) -> bool:
    """Return whether a mention is the other side's answer to a group's incident: its actor1 is the
    target the group names and its actor2 the group's actor1, with another violent event type
    ("Jihadists attacked an army post in Kolo" … "The army responded with air strikes near Kolo,
    killing 20 militants"). ACLED's actor1 is the side that acts: a strike in reply is an event of
    its own."""
    if m.anaphoric or m.actor1 is None or not _other_violent_type(m, group):
        return False
    return all(
        x.actor1 is not None
        and x.actor2 is not None
        and x.actor2.name == m.actor1.name
        and (m.actor2 is None or m.actor2.name == x.actor1.name)
        for x in group
    )


def _listed_with_others(m: Mention, mentions: list[Mention]) -> bool:
    """Return whether a mention is one place of a list its trigger was split over
    (normalize_mentions numbers them: same sentence and trigger, other ordinals)."""
    return m.ordinal is not None and any(
        x is not m
        and x.ordinal is not None
        and x.ordinal != m.ordinal
        and x.sentence.start == m.sentence.start
        and x.trigger.span.start == m.trigger.span.start
        for x in mentions
    )


def _explicit_day(m: Mention) -> date | None:
    if m.date is None or m.date.value is None or m.date.span is None:
        return None
    return m.date.value


def _placed_elsewhere(m: Mention, other: Mention | None) -> bool:
    """Return whether two mentions name different places (known to the gazetteer or not)."""

    def name(x: Mention | None) -> str | None:
        if x is None or x.place is None:
            return None
        return x.place.place.name if x.place.place is not None else x.place.name

    a, b = name(m), name(other)
    return a is not None and b is not None and a != b


def _tally_as_background(m: Mention) -> Mention:
    """Return a mention whose toll reaches TALLY_MIN_FATALITIES without a day of its own as background."""
    c = m.casualties
    if (
        m.modality in EVENT_MODALITIES
        and c is not None
        and c.fatalities >= TALLY_MIN_FATALITIES
        and not (m.date is not None and m.date.method == "time_expression")
    ):
        return replace(m, modality="background", claim_status="reported")
    return m


def mark_old_mentions(mentions: list[Mention], *, published: date | None) -> list[Mention]:
    """Return the mentions with recaps of older incidents turned into context mentions.

    An incident dated more than RECAP_MIN_DAYS before publication, in an article that also
    reports a recent one, is a recap ("In an earlier raid on 2 June…"), and so is one
    told after the lead incident and dated RECAP_BEFORE_LEAD_DAYS or more before it; a date
    after publication is a plan. An article whose incidents are all old reports them as news.
    """
    mentions = [_tally_as_background(m) for m in mentions]
    if published is None:
        return mentions
    days = {id(m): _explicit_day(m) for m in mentions}
    recent = any(
        d is not None and 0 <= (published - d).days <= RECAP_MIN_DAYS
        for m, d in ((m, days[id(m)]) for m in mentions)
        if m.modality in EVENT_MODALITIES
    ) or any(days[id(m)] is None for m in mentions if m.modality in EVENT_MODALITIES)
    lead = next(
        (
            m
            for m in sorted(mentions, key=lambda x: x.sentence.start)
            if m.modality in EVENT_MODALITIES and m.date is not None and m.date.value is not None
        ),
        None,
    )
    lead_day = lead.date.value if lead is not None and lead.date is not None else None  # set with lead
    out = []
    for m in mentions:
        d = days[id(m)]
        if m.modality in EVENT_MODALITIES and d is not None:
            before_lead = (
                lead is not None
                and lead_day is not None
                and lead.sentence.start < m.sentence.start
                and (lead_day - d).days >= RECAP_BEFORE_LEAD_DAYS
            )
            if (d - published).days > 0:
                m = replace(m, modality="plan", claim_status="reported")
            elif (recent and (published - d).days > RECAP_MIN_DAYS or before_lead) and (
                not m.anaphoric
                or _placed_elsewhere(m, lead)
                or (lead is not None and lead_day is not None and (lead_day - d).days > RECAP_ANAPHOR_MAX_DAYS)
            ):
                # ("ces commerçants ont été enlevés le 9 avril": an anaphor dates the incident the
                # article reports, it does not recall another one, unless it names another place:
                # "lors du raid sur le hameau de Tazor", or a day long before the lead's: "the
                # blast, the worst since rebels took the town in May 2011")
                m = replace(m, modality="context", claim_status="context")
        out.append(m)
    return out


def merge_mentions_in_document(mentions: list[Mention], *, published: date | None = None) -> list[MentionGroup]:
    """Return the incidents of one document as groups of its mentions, in text order.

    Groups marked `context` are not events: recaps of earlier incidents, and placeless details
    that fit none of the article's placed incidents; they are kept for review. An article that
    reports incidents but names no known place at all still gives events, with the location
    left unknown and the reason in their provenance.
    """
    mentions = mark_old_mentions(_first_told_not_anaphoric(mentions), published=published)
    event_mentions = [m for m in mentions if m.modality in EVENT_MODALITIES]
    context_mentions = [m for m in mentions if m.modality == Modality.CONTEXT]
    context_groups: list[list[Mention]] = []
    _group_into(context_groups, context_mentions)
    remaining, reported = _join_recalled(event_mentions, context_groups)
    groups: list[list[Mention]] = []
    _group_into(groups, remaining)
    # a recalled incident the article then tells with its own day and toll ("au lendemain de
    # violentes émeutes" … "samedi, des manifestations ayant fait 5 morts") is reported news
    context_groups = [g for g in context_groups if not any(g is r for r in reported)]
    groups += reported
    events, review = _events_and_details(groups, mentions)
    recaps = [g for g in events if _recalled_in_pluperfect(g, events)]
    events = [_without_empty_anaphora(g) for g in events if not any(g is r for r in recaps)]
    review += recaps
    out = [MentionGroup(tuple(sorted(g, key=lambda x: x.sentence.start)), context=False) for g in events]
    out += [
        MentionGroup(tuple(sorted(g, key=lambda x: x.sentence.start)), context=True) for g in context_groups + review
    ]
    return sorted(
        _without_summaries(out),
        key=lambda g: (g.context, min(m.sentence.start for m in g.mentions)),
    )


def _join_recalled(
    event_mentions: list[Mention], context_groups: list[list[Mention]]
) -> tuple[list[Mention], list[list[Mention]]]:
    """Add to a context group each event mention about the incident it recalls (same place and
    type, told later, not dated after it); return the mentions left and the context groups that
    such a mention tells in its own right (reported news after all)."""
    remaining: list[Mention] = []
    reported: list[list[Mention]] = []
    for m in event_mentions:
        home = next(
            (
                g
                for g in context_groups
                if any(
                    places_compatible(m, x)
                    and types_compatible(m, x)
                    and mention_place(m) is not None
                    and mention_place(x) is not None
                    for x in g
                )
                and m.date is not None
                and m.date.value is not None
                and all(x.sentence.start < m.sentence.start for x in g)
                and m.date.method != "published_date"
                and any(x.date is None or x.date.value is None or m.date.value <= x.date.value for x in g)
            ),
            None,
        )
        if home is not None:
            home.append(m)
            if _told_in_own_right(m) and not any(home is r for r in reported):
                reported.append(home)
        else:
            remaining.append(m)
    return remaining, reported


def _events_and_details(
    groups: list[list[Mention]], mentions: list[Mention]
) -> tuple[list[list[Mention]], list[list[Mention]]]:
    """Return the groups that are incidents and those kept for review; a placeless or
    region-level group that details an incident told before it joins that incident's group."""
    # the only incident the article places is denied ("de fausses informations annonçant une
    # embuscade à Gao"): its placeless sentences are about that, not another incident
    denied_placed = any(m.modality == Modality.DENIED and mention_place(m) is not None for m in mentions)
    placed = [g for g in groups if any(mention_place(m) is not None for m in g)]
    precise_groups = [g for g in groups if any(is_precise(m) for m in g)]
    events: list[list[Mention]] = []
    review: list[list[Mention]] = []
    for g in groups:
        if not any(mention_place(m) is not None for m in g):
            _placeless(g, placed, denied_placed, events, review)
        elif (
            precise_groups
            and g not in precise_groups
            and all(m.plural or m.count > 1 or not is_precise(m) for m in g)
            and not (len(g) == 1 and _listed_with_others(g[0], mentions))
        ):
            # a region-level mention beside precise incidents: a summary or a detail of them
            home = nearest_earlier(g, precise_groups)
            if home is None:
                events.append(g)
            elif not any(_elsewhere(m, home) or (m.plural and m.additive) for m in g):
                home.extend(g)
            else:
                # another country or day than the incident told before it ("the February 3
                # strikes were in retaliation for…" in a story of a strike on the 7th): recalled;
                # or other incidents added to it ("des factions ont aussi revendiqué des attaques")
                review.append(g)
        else:
            events.append(g)
    return events, review


def _placeless(
    g: list[Mention],
    placed: list[list[Mention]],
    denied_placed: bool,
    events: list[list[Mention]],
    review: list[list[Mention]],
) -> None:
    """Put a group with no place where it belongs: a detail of an incident told elsewhere in the
    article, or, on another day, a second incident at the place the article is about; else not
    codable (review). One opened as another ("À quelques kilomètres, …") is one near it, any type."""
    home = nearest_earlier(g, placed) or crowd_casualties_home(g, placed)
    if added := home is None and any(opens_addition(m) for m in g):
        home = nearest_earlier(g, placed, any_type=True)
    # another actor pair at the incident's place and day (resolve/actor_pairs.py): its own event there
    added = added or (home is not None and any(another_actor_pair(m, home) for m in g))
    if (
        home is None
        and not placed
        and not denied_placed
        and any(
            m.modality in EVENT_MODALITIES
            and (m.paragraph == 0 or (m.casualties is not None and m.casualties.fatalities))
            for m in g
        )
    ):
        # the article reports an incident (in its lead, or with a toll) but names no place the
        # gazetteer knows: an event with its location unknown (and said so), never a dropped one
        events.append(g)
    elif home is None:
        review.append(g)
    elif not added and (all(dates_compatible(m, x) for m in g for x in home) or not any(dated(m) for m in g)):
        home.extend(g)
    else:
        # the incident's most precise place ("dans le nord du pays" … "le village de Kolo": Kolo)
        where = next(
            x.place
            for x in sorted(home, key=lambda x: (not is_precise(x), x.sentence.start))
            if x.place is not None and x.place.place is not None
        )
        inherited = replace(
            where,
            method="document_place",
            reason=f"no place in its sentences; the article's place {where.span.text!r}",
        )
        events.append([replace(m, place=inherited) for m in g])


def _recalled_in_pluperfect(group: list[Mention], groups: list[list[Mention]]) -> bool:
    """Return whether an incident is only told in the pluperfect and without a day of its own,
    after an incident the article tells in another tense ("Des hommes armés ont tué douze civils
    dimanche à Kolo." … "Des jihadistes avaient déjà attaqué le village de Bera"): the pluperfect
    places it before the reported one, and without a day it is a recap (context). (One told with
    its day, "l'accord avait été paraphé mardi", is news of its own.)"""
    start = min(m.sentence.start for m in group)
    if not all(
        m.pluperfect and not m.anaphoric and not (m.date is not None and m.date.method == "time_expression")
        for m in group
    ):
        return False
    return any(
        g is not group and min(m.sentence.start for m in g) < start and not all(m.pluperfect for m in g) for g in groups
    )


def _without_summaries(out: list[MentionGroup]) -> list[MentionGroup]:
    """Return the groups without those that only sum up the others (plural, placeless or vague
    mentions): summaries attached to every incident never make an incident of their own."""

    def summary(g: MentionGroup) -> bool:
        return all((m.plural or m.count > 1) and not is_precise(m) for m in g.mentions)

    incidents = [g for g in out if not g.context and not summary(g)]
    return [g for g in out if not summary(g) or len(out) == 1 or (not incidents and not g.context)]


def _elsewhere(m: Mention, group: list[Mention]) -> bool:
    """Return whether a region-level mention names another country (a multinational region such
    as "the Sahel" names none) or another day than every mention of an incident group."""
    place = mention_place(m)
    others = {p.iso for p in map(mention_place, group) if p is not None and p.iso}
    if place is not None and place.iso and others and place.iso not in others:
        return True
    return m.date is not None and m.date.method == "time_expression" and not any(dates_compatible(m, x) for x in group)


def _told_in_own_right(m: Mention) -> bool:
    """Return whether an event mention gives an incident its own day and toll."""
    c = m.casualties
    return (
        m.date is not None and m.date.method == "time_expression" and c is not None and bool(c.fatalities or c.injuries)
    )


def _adds_nothing(m: Mention) -> bool:
    """Return whether a mention only points back at an incident told before it: an anaphor
    ("cette attaque", "the incident") with no place, day, toll, perpetrator or attribution of its own
    ("Cette énième attaque intervient dix jours après le scrutin", "…se dit indigné par cette
    tuerie"). Such a sentence is about something else (a comparison, a reaction)."""
    c = m.casualties
    return (
        m.anaphoric
        and m.place is None
        and not (m.date is not None and m.date.method == "time_expression")  # "the attack on December 6"
        and (c is None or (not c.fatalities and not c.injuries and not c.abducted and not c.arrested))
        and m.actor1 is None
        and not m.claimed_by
    )


def _without_empty_anaphora(group: list[Mention]) -> list[Mention]:
    """Return an incident's mentions less those that add nothing (kept when all would go); one
    that tells how a demonstration went stays (resolve/demonstration_details.py). A mention that
    brings a new voice ("les services anti-terroristes du Kurdistan ont indiqué qu'un drone était
    tombé") is a report of its own and stays, unless that voice only suggests something of the
    incident ("selon le gouverneur, cette attaque aurait ciblé une communauté"): an
    interpretation, not a report."""
    empty = [_adds_nothing(m) and not retypes_demonstration(m, group) for m in group]
    voices = {m.attributed_to for m, e in zip(group, empty) if not e}
    kept = [
        m
        for m, e in zip(group, empty)
        if not e or (m.attributed_to is not None and m.attributed_to not in voices and m.modality != Modality.ALLEGED)
    ]
    return kept or group
