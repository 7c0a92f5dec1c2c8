"""Actor phrases → canonical ACLED-style actor names, via the alias table data/actors.tsv.

Lookup order for one alias (CODING_RULES.md, "Actors"):
1. a named actor of the article's country ("armée malienne", "FAMa" → "Military Forces of Mali
   (2021-)"); among the rows of one force, the government tenure covering `when` (the open-ended
   tenure when no date is given);
2. a template filled with the article's country ("hommes armés" → "Unidentified Armed Group
   (Mali)", "police" → the Police Forces of that country with its tenure: from its own rows here
   when it has some, else the period of the government in office at `when` from
   data/government_tenures.tsv, "Police Forces of Ukraine (2019-)");
3. a named actor of another country ("Boko Haram" reported from Chad).
Matching ignores case and accents, spans word boundaries, and reads "l'armée" as "armée".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import check_known_keys, data_path, key_error, read_yaml_mapping
from eventwire.gazetteer import Gazetteer, load_gazetteer
from eventwire.lang.actor_table import (  # noqa: F401 (ACTOR_TYPES, parse_actor_aliases re-exported)
    ACTOR_TYPES,
    ELISION,
    ActorAliases,
    ActorEntry,
    load_actor_aliases,
    parse_actor_aliases,
)
from eventwire.lang.fold import fold, fold_text, phrase_pattern
from eventwire.models import Actor, Span
from eventwire.normalize.ethnic_militias import ETHNIC_MILITIA_NAME, find_ethnic_militias
from eventwire.normalize.nationality import NationalForce, find_national_forces
from eventwire.normalize.tenures import government_period

log = logging.getLogger(__name__)

# ACLED writes "Military Forces of the United States", "Civilians (United States)".
COUNTRIES_WITH_THE = frozenset(
    {
        "United States",
        "Central African Republic",
        "Democratic Republic of Congo",
        "Republic of Congo",
        "United Kingdom",
        "United Arab Emirates",
        "Netherlands",
        "Philippines",
        "Gambia",
    }
)
# Names that take the period of the government in office (CODING_RULES.md, "Actors").
GOVERNMENT_NAMED = ("Military Forces of ", "Police Forces of ", "Government of ")
_DETERMINERS = re.compile(
    r"^(?:(?:les|le|la|l'|des|du|de|d'|un|une|plusieurs|quelques|the|a|an|some|several|"
    r"two|three|deux|trois)\s*)+"
)


def _of_country(country: str) -> str:
    return f"the {country}" if country in COUNTRIES_WITH_THE else country


def _pick_tenure(rows: list[ActorEntry], when: date | None) -> ActorEntry:
    """Return the row whose tenure covers `when`; with no date, the open-ended (current) one."""
    if when is not None:
        covering = [r for r in rows if r.covers(when)]
        if covering:
            return covering[-1]
    current = [r for r in rows if r.tenure_end is None]
    return (current or rows)[-1]


def _fill_template(
    template: ActorEntry, aliases: ActorAliases, country: str, when: date | None
) -> tuple[str, str, str | None, str]:
    """Return (name, actor_type, country, "template") for a template filled with `country`."""
    name = template.name.format(country=country, of_country=_of_country(country))
    forces = [r for r in aliases.of_country(country) if r.base == name]
    if forces:
        chosen = _pick_tenure(forces, when)
        return chosen.name, chosen.actor_type, country, "template"
    period = government_period(country, when) if name.startswith(GOVERNMENT_NAMED) else None
    if period:
        # "police" in Ukraine in May 2020 → "Police Forces of Ukraine (2019-)"
        name = f"{name} ({period})"
    return name, template.actor_type, country, "template"


def _national_template(aliases: ActorAliases, kind: str) -> ActorEntry:
    """Return the template row of one kind of national force (military, police, government)."""
    prefix = {
        "military": "Military Forces of {",
        "police": "Police Forces of {",
        "government": "Government of {",
    }[kind]
    return next(e for e in aliases.entries if e.country is None and e.name.startswith(prefix))


def _resolve(
    indexes: tuple[int, ...],
    aliases: ActorAliases,
    country: str | None,
    when: date | None,
    key: str = "",
) -> tuple[str, str, str | None, str] | None:
    """Return (name, actor_type, country, method) for an alias's rows, or None."""
    rows = [aliases.entries[i] for i in indexes]
    named = [r for r in rows if r.country is not None]
    local = [r for r in named if country is not None and r.country == country]
    if local and when is not None and any(r.covers(when) for r in local):
        # of the actors one alias names in turn, the one of the date
        local = [r for r in local if r.covers(when)]
    elif local and when is None and any(r.tenure_end is None for r in local):
        # undated: the actor the alias names now ("Katiba Macina" → JNIM since 2017)
        local = [r for r in local if r.tenure_end is None]
    if local:
        chosen = _pick_tenure([r for r in local if r.base == local[0].base], when)
        return chosen.name, chosen.actor_type, chosen.country, "alias"
    templates = [r for r in rows if r.country is None]
    if templates and country:
        return _fill_template(templates[0], aliases, country, when)
    # another country's actor: only by a name, not by a common noun ("gendarmes" in Mali)
    named = [r for r in named if key not in r.common]
    if named:
        # a group of several countries ("Mali|Niger": its home first) is placed at home when the
        # text says nothing of its country
        home = [r for r in named if r.base == named[0].base and r.country == named[0].country]
        chosen = _pick_tenure(home, when)
        return chosen.name, chosen.actor_type, chosen.country, "alias"
    return None


def find_actor_mentions(
    text: str,
    *,
    lang: str,
    country: str | None,
    when: date | None = None,
    aliases: ActorAliases | None = None,
) -> list[Actor]:
    """`_find_actor_mentions`, remembered per text, language, country, date and alias table (the
    stages read the same sentences several times); a new list each call."""
    aliases = aliases or load_actor_aliases()
    gazetteer = load_gazetteer()
    key = (text, lang, country, when, id(aliases), id(gazetteer))
    hit = _MENTIONS_MEMO.get(key)
    if hit is None or hit[0] is not aliases or hit[1] is not gazetteer:  # the tables are kept
        if len(_MENTIONS_MEMO) >= 4096:
            _MENTIONS_MEMO.clear()
        hit = _MENTIONS_MEMO[key] = (
            aliases,
            gazetteer,
            tuple(_find_actor_mentions(text, lang=lang, country=country, when=when, aliases=aliases)),
        )
    return list(hit[2])


_MENTIONS_MEMO: dict[tuple, tuple[object, object, tuple[Actor, ...]]] = {}


def _find_actor_mentions(
    text: str,
    *,
    lang: str,
    country: str | None,
    when: date | None = None,
    aliases: ActorAliases | None = None,
) -> list[Actor]:
    """Return the actors named in `text`, in text order, with spans into `text`.

    The longest alias wins where aliases overlap ("hommes armés non identifiés" over "hommes
    armés"); generic mentions ("civils", "gunmen") need `country` and are skipped without it.
    """
    aliases = aliases or load_actor_aliases()
    gazetteer = load_gazetteer()
    read = _read_text(text, lang, aliases, gazetteer)
    folded, index = read.folded, read.index
    found: list[tuple[int, int, tuple[str, str, str | None, str]]] = []
    for start, end, key in read.aliases:
        resolved = _resolve(aliases.by_alias[key], aliases, country, when, key)
        if resolved is not None:
            found.append((start, end, resolved))
    # "Ukrainian forces", "l'armée soudanaise": that country's forces, for every country the
    # gazetteer has a demonym for; a longer alias ("armée malienne" listed per tenure) keeps its
    # own row, a shorter one inside ("forces", "army") gives way
    for force, iso in read.forces:
        name = gazetteer.country_name(iso)
        if not name or any(s <= force.start and force.end <= e for s, e, _ in found):
            continue
        resolved = _fill_template(_national_template(aliases, force.kind), aliases, name, when)
        found = [f for f in found if f[1] <= force.start or f[0] >= force.end]
        found.append((force.start, force.end, (*resolved[:3], "nationality")))
    if country:
        found = _with_ethnic_militias(folded, found, country)
    out: list[Actor] = []
    for fstart, fend, (name, actor_type, actor_country, method) in sorted(found, key=lambda f: f[0]):
        start, end = index[fstart], index[fend - 1] + 1
        out.append(Actor(name, actor_country, actor_type, Span(start, end, text[start:end]), method))
    return out


_Found = list[tuple[int, int, tuple[str, str, str | None, str]]]


@dataclass(frozen=True)
class _TextReading:
    """What `_find_actor_mentions` reads in a text whatever the country and date: the folded text
    and its offsets, the aliases found (start, end, key) and the national forces."""

    folded: str
    index: list[int]
    aliases: tuple[tuple[int, int, str], ...]
    forces: tuple[tuple[NationalForce, str], ...]


def _read_text(text: str, lang: str, aliases: ActorAliases, gazetteer: Gazetteer) -> _TextReading:
    """`_TextReading` of a text, remembered per text, language and tables (a document is read
    without a country for its country, then with it for its actors)."""
    key = (text, lang, id(aliases), id(gazetteer))
    hit = _READINGS.get(key)
    if hit is None or hit[0] is not aliases or hit[1] is not gazetteer:  # the tables are kept
        if len(_READINGS) >= 1024:
            _READINGS.clear()
        folded, index = fold_text(text)
        found = tuple(
            (m.start(), m.end(), " ".join(m.group().replace("-", " ").split())) for m in aliases.finditer(folded)
        )
        forces = tuple(find_national_forces(folded, lang, gazetteer.demonym_country))
        hit = _READINGS[key] = (aliases, gazetteer, _TextReading(folded, index, found, forces))
    return hit[2]


_READINGS: dict[tuple, tuple[object, object, _TextReading]] = {}


def _with_ethnic_militias(folded: str, found: _Found, country: str) -> _Found:
    """Return `found` with the ethnic militias of `folded` ("Fulani militias" in Benin → "Fulani
    Ethnic Militia (Benin)"): a row of the article's country covering one keeps its own name; a
    shorter alias inside, or another country's row, gives way."""
    for militia in find_ethnic_militias(folded):
        if any(s <= militia.start and militia.end <= e and r[2] == country for s, e, r in found):
            continue
        name = ETHNIC_MILITIA_NAME.format(people=militia.people, country=country)
        found = [f for f in found if f[1] <= militia.start or f[0] >= militia.end]
        found.append((militia.start, militia.end, (name, "identity_militia", country, "ethnic")))
    return found


def canonicalize_actor(
    text: str,
    *,
    lang: str,
    country: str | None,
    when: date | None = None,
    aliases: ActorAliases | None = None,
) -> Actor | None:
    """Return the canonical actor a phrase names ("les FAMa", "US forces"), or None if none.

    The whole phrase is tried first (determiners such as "les", "the", "des" dropped); else the
    longest alias found inside it ("des hommes armés à moto" → Unidentified Armed Group).
    """
    aliases = aliases or load_actor_aliases()
    key = " ".join(ELISION.sub("", _DETERMINERS.sub("", fold(text))).replace("-", " ").split())
    if key in aliases.by_alias:
        resolved = _resolve(aliases.by_alias[key], aliases, country, when, key)
        if resolved is not None:
            name, actor_type, actor_country, method = resolved
            return Actor(name, actor_country, actor_type, Span(0, len(text), text), method)
    mentions = [
        (a, a.span)
        for a in find_actor_mentions(text, lang=lang, country=country, when=when, aliases=aliases)
        if a.span is not None
    ]
    if not mentions:
        return None
    return max(mentions, key=lambda found: (found[1].end - found[1].start, -found[1].start))[0]


# Who may carry out an attack: ACLED's armed actor types (civilians, protesters and the rest are
# victims or bystanders when no parse names them as the agent).
ARMED_TYPES = frozenset({"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"})
GROUP_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia"})
_CLAUSE_END = re.compile(r"[.;!?]")
AGENT_CUES_FILE = data_path("agent_cues.yaml")
# how far before its verb a subject may start ("the rebels on Tuesday evening shot …"), and
# how far after the incident word an agent complement ("killed in an attack by …")
SUBJECT_MAX_CHARS = 80
AGENT_AFTER_MAX_CHARS = 50


@dataclass(frozen=True)
class AgentCues:
    """One language's agent complement and passive-voice words (data/agent_cues.yaml)."""

    by: re.Pattern[str]  # matches at the end of the text before an actor
    passive: re.Pattern[str]  # searched between an actor and the incident word


def _phrases(path: Path, lang: str, key: str, spec: dict) -> list[str]:
    words = spec.get(key)
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise key_error(path, key, f"{lang}: must be a list of non-empty strings")
    return words


@lru_cache(maxsize=4)
def load_agent_cues(path: str | None = None) -> dict[str, AgentCues]:
    """Return language → AgentCues from data/agent_cues.yaml (validated, loaded once)."""
    file = Path(path) if path else AGENT_CUES_FILE
    out = {}
    for lang, spec in read_yaml_mapping(file).items():
        if not isinstance(spec, dict):
            raise key_error(file, str(lang), "must map by, determiners and passive")
        check_known_keys(file, spec, {"by", "determiners", "passive", "linked"})
        by = phrase_pattern(_phrases(file, lang, "by", spec))
        dets = phrase_pattern(_phrases(file, lang, "determiners", spec))
        passive = phrase_pattern(_phrases(file, lang, "passive", spec))
        if spec.get("linked"):
            _phrases(file, lang, "linked", spec)
        out[str(lang)] = AgentCues(
            # "by suspected militants", "by the Somali Islamist group": determiners and up to
            # two more words (adjectives, a nationality) between "by" and the actor
            by=re.compile(rf"(?<![\w])(?:{by})(?![\w])\s*(?:(?:{dets})(?![\w])\s*)*(?:[^\W\d_][\w'-]*\s+){{0,2}}$"),
            passive=re.compile(rf"(?<![\w])(?:{passive})(?![\w])"),
        )
    return out


def perpetrator_in_sentence(
    text: str,
    actors: list[Actor],
    *,
    lang: str,
    trigger: Span,
    patient: Span | None,
    exclude: tuple[Span, ...] = (),
) -> Actor | None:
    """Return the armed actor a sentence names as the perpetrator when the parse found no agent.

    An armed actor introduced by "by"/"par" just after the incident word, in its clause, wins
    ("two guards died in an ambush laid by the rebels"); else the armed group
    nearest before the incident word in its clause, within SUBJECT_MAX_CHARS, unless a passive
    auxiliary stands between them ("rebel fighters shot a teacher", not "three
    militiamen were killed"). Actors inside the
    patient phrase or an `exclude` span (the reporting clause: "selon la police") are never the
    perpetrator. `actors` have spans into `text`.
    """
    cues = load_agent_cues().get(lang)
    if cues is None:
        return None
    folded = fold_text(text)[0]
    skip = ([patient] if patient is not None else []) + list(exclude)
    armed = [
        (a, a.span)
        for a in actors
        if a.actor_type in ARMED_TYPES and a.span is not None and not any(s.start <= a.span.start < s.end for s in skip)
    ]
    for a, span in armed:
        between = folded[trigger.end : span.start]
        if (
            0 <= span.start - trigger.end <= AGENT_AFTER_MAX_CHARS
            and cues.by.search(between)
            and not _CLAUSE_END.search(between)
        ):
            return a
    # a state force named before the verb is far more often a victim in a toll ("trois soldats
    # et huit supplétifs tombés") than a subject the parse missed: only armed groups qualify
    before = [
        a
        for a, span in armed
        if a.actor_type in GROUP_TYPES
        and span.end <= trigger.start
        and trigger.start - span.end <= SUBJECT_MAX_CHARS
        and not cues.passive.search(folded[span.end : trigger.start])
        and not _CLAUSE_END.search(folded[span.end : trigger.start])
    ]
    return before[-1] if before else None
