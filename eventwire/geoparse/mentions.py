"""Place mentions of a text, resolved: `find_place_mentions` (what the event pipeline uses) and
`find_toponyms` (every toponym as the GeoWebNews/LGL gold standards count them).

Both detect the names (`detect`: datelines, entities, n-grams, abbreviations, demonyms...),
resolve them in the document's context (`context`, `rank`) and read the words before each one
(`relations`). A name the gazetteer does not know is returned with place=None and a reason,
never dropped. Demonyms, places inside organisation names and unknown buildings placed at the
document's main town carry relations in `TOPONYM_ONLY_RELATIONS` and only `find_toponyms`
returns them. `profile` names the detectors' profile (`profiles.GEO_PROFILES`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from eventwire.gazetteer import Candidate, Gazetteer
from eventwire.geoparse.common import (
    DEMONYM,
    DOCUMENT_FOCUS,
    IN_NAME,
    TOPONYM_ONLY_RELATIONS,
    spans_overlap,
)
from eventwire.geoparse.context import resolve_all, resolve_by_round
from eventwire.geoparse.detect import Raw, detect, detection
from eventwire.geoparse.profiles import DEFAULT_PROFILE, check_profile
from eventwire.geoparse.rank import to_place
from eventwire.geoparse.relations import BORDER_ADJ_RE, FACILITY_BEFORE_RE, STREET_AFTER_RE, read_relation
from eventwire.models import PlaceMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _focus_town(raw: list[Raw], resolved: list[Candidate | None]) -> Candidate | None:
    """Return the document's main town, where unknown facility names ("Royal Street") are
    placed: the dateline's town, else the town named most often (inside names too) in the
    division named most often of the main country."""
    isos = Counter(c.iso for c, r in zip(resolved, raw, strict=True) if c is not None and c.iso and r[4] != DEMONYM)
    main_iso = isos.most_common(1)[0][0] if isos else None
    areas = Counter(
        c.admin1
        for c, r in zip(resolved, raw, strict=True)
        if c is not None and c.iso == main_iso and c.admin1 and r[4] != DEMONYM
    )
    main_area = areas.most_common(1)[0][0] if areas else None
    candidates = [
        (c, r)
        for c, r in zip(resolved, raw, strict=True)
        if c is not None and c.feature == "city" and c.primary and c.iso == main_iso and r[4] in (None, IN_NAME)
    ]
    if any(c.admin1 == main_area for c, _ in candidates):
        candidates = [(c, r) for c, r in candidates if c.admin1 == main_area]
    towns = Counter(c.place_id for c, _ in candidates)
    dateline = next(
        (c for c, r in zip(resolved, raw, strict=True) if c is not None and r[4] == "dateline" and c.feature == "city"),
        None,
    )
    if dateline is not None and dateline.iso == main_iso:
        return dateline  # "WASHINGTON (AP) —": the story's town, where its buildings are
    if towns:
        by_id = {c.place_id: c for c, _ in candidates}
        top = max(towns, key=lambda pid: (towns[pid], by_id[pid].population))
        return by_id[top]
    return None


def _mention(
    text: str,
    r: Raw,
    best: Candidate | None,
    *,
    gazetteer: Gazetteer,
    admin_point: str,
    toponyms: bool,
    focus: Candidate | None,
) -> PlaceMention:
    """Return the mention of one detected name, its place read with the words before it."""
    start, end, name, method, relation = r
    place = to_place(best, admin_point=admin_point) if best else None
    reason = None
    if (
        relation is None
        and place is not None
        and place.feature == "country"
        and FACILITY_BEFORE_RE.search(text[max(0, start - 30) : start])
    ):
        relation = IN_NAME  # "l'école Canada", "avenue du Mali": a street or school, not the country
    elif relation is None and place is not None and STREET_AFTER_RE.match(text, end) and text[start - 1 : start] != "-":
        relation = IN_NAME  # "Kerou Road": a street named after the town it leads to, not the town
    if relation is None:
        # an event's "nord du Bénin" is coded to a division; a toponym stays the country
        place, relation, reason = read_relation(
            text, start, place, gazetteer=None if toponyms else gazetteer, admin_point=admin_point
        )
    if relation == DOCUMENT_FOCUS and best is not None:
        place, relation = None, None  # "Lincoln High School" is not Lincoln
    if place is None and focus is not None and relation in (None, DOCUMENT_FOCUS, IN_NAME) and (method != "dateline"):
        place = replace(to_place(focus, admin_point=admin_point), geo_precision=2)
        relation = relation or DOCUMENT_FOCUS  # "Cauvery Management Board": still in a name
        reason = f"{name!r} is not in the gazetteer: placed at the document's main town"
    if place is None:
        reason = f"{name!r} is not in the gazetteer"
    elif relation == "dateline":
        reason = "dateline: where the dispatch was filed, not necessarily the event place"
    elif relation == DEMONYM:
        reason = f"demonym of {place.name}: not an event place"
    elif relation == IN_NAME:
        if reason is None:
            reason = f"{place.name} named inside an organisation's name: not an event place"
        else:
            reason += ", inside an organisation's name: not an event place"
    return PlaceMention(
        span=Span(start, end, text[start:end]),
        name=name,
        place=place,
        method=method,
        reason=reason,
        relation=relation,
    )


def _border_mentions(
    text: str, mentions: list[PlaceMention], gazetteer: Gazetteer, admin_point: str
) -> list[PlaceMention]:
    """2c/3. "à la frontière nigérienne", "the Syrian border": the country's border, replacing
    the demonym or plain mention of the adjective."""
    for m in BORDER_ADJ_RE.finditer(text):
        group = 1 if m.group(1) else 2
        iso = gazetteer.demonym_country(m.group(group))
        span = (m.start(group), m.end(group))
        if not iso or any(
            spans_overlap(span, (pm.span.start, pm.span.end)) and pm.relation not in (DEMONYM, None) for pm in mentions
        ):
            continue
        mentions = [pm for pm in mentions if not spans_overlap(span, (pm.span.start, pm.span.end))]
        country = gazetteer.country(iso)
        place = to_place(country, admin_point=admin_point) if country else None
        mentions.append(
            PlaceMention(
                span=Span(span[0], span[1], text[span[0] : span[1]]),
                name=m.group(group),
                place=place,
                method="demonym",
                reason=f"border of {place.name if place else iso}: coded to the country (ACLED geo_precision 3)",
                relation="border",
            )
        )
    return mentions


def mentions(
    text: str,
    doc: Doc | None,
    *,
    lang: str,
    gazetteer: Gazetteer,
    admin_point: str,
    toponyms: bool,
    profile: str = DEFAULT_PROFILE,
) -> list[PlaceMention]:
    """Detect, resolve and relate the place names of a text (see the module docstring)."""
    check_profile(profile)
    first = detection(text, doc, lang=lang, gazetteer=gazetteer, profile=profile)
    raw = first.raw
    # Second look, for the towns of the areas the document is about (local news), when the
    # first one asked about them.
    by_round = resolve_by_round(raw, text, gazetteer, rounds=2)
    support = frozenset(
        (c.iso, c.admin1)
        for c, r in zip(next(by_round), raw, strict=True)
        if c is not None and c.iso and c.admin1 and r[4] != DEMONYM and c.feature in ("city", "admin1", "admin2")
    )
    if support and first.support_matters(support):
        raw = detect(text, doc, lang=lang, gazetteer=gazetteer, support=support, profile=profile)
        resolved = resolve_all(raw, text, gazetteer, rounds=2)
    else:  # the same names: their second round follows the first
        resolved = next(by_round)
    focus = _focus_town(raw, resolved) if toponyms else None
    found = [
        _mention(
            text,
            r,
            best,
            gazetteer=gazetteer,
            admin_point=admin_point,
            toponyms=toponyms,
            focus=focus,
        )
        for r, best in zip(raw, resolved, strict=True)
    ]
    found = _border_mentions(text, found, gazetteer, admin_point)
    found.sort(key=lambda pm: pm.span.start)
    if not toponyms:
        found = [pm for pm in found if pm.relation not in TOPONYM_ONLY_RELATIONS]
    return found


def find_place_mentions(
    text: str,
    doc: Doc | None = None,
    *,
    lang: str,
    gazetteer: Gazetteer,
    published: date | None = None,
    admin_point: str = "capital",
    profile: str = DEFAULT_PROFILE,
) -> list[PlaceMention]:
    """Return the place mentions of a text in order, each resolved or with the reason it is not.

    `doc` is the spaCy parse of `text` (None: gazetteer n-grams and datelines only). `published`
    is accepted for symmetry with the other normalizers; datelines carry no place-relevant date.
    Demonyms and place names inside organisation names are not returned (see `find_toponyms`).
    """
    del published
    return mentions(
        text,
        doc,
        lang=lang,
        gazetteer=gazetteer,
        admin_point=admin_point,
        toponyms=False,
        profile=profile,
    )


def find_toponyms(
    text: str,
    doc: Doc | None = None,
    *,
    lang: str,
    gazetteer: Gazetteer,
    admin_point: str = "capital",
    profile: str = DEFAULT_PROFILE,
) -> list[PlaceMention]:
    """Return every toponym as geoparsing gold standards (GeoWebNews, LGL) count them.

    `find_place_mentions` plus, flagged by `relation`, what is not an event place: demonyms
    ("Russian", relation "demonym", resolved to the country or region), places inside
    organisation names ("Washington Post", "in name"), and unknown street or building names
    placed at the document's main town ("document focus").
    """
    return mentions(
        text,
        doc,
        lang=lang,
        gazetteer=gazetteer,
        admin_point=admin_point,
        toponyms=True,
        profile=profile,
    )
