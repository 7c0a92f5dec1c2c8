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

from eventwire.datafiles import (
    check_known_keys,
    data_path,
    key_error,
    line_error,
    read_yaml_mapping,
    tsv_rows,
)
from eventwire.errors import DataFileError
from eventwire.models import Actor, Span
from eventwire.normalize.casualties import fold, fold_text, phrase_pattern
from eventwire.normalize.gazetteer import load_gazetteer
from eventwire.normalize.nationality import find_national_forces
from eventwire.normalize.tenures import government_period

log = logging.getLogger(__name__)

ACTORS_FILE = data_path("actors.tsv")
ACTOR_TYPES = (
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_forces",
    "other",
)
COLUMNS = ("name", "actor_type", "country", "aliases", "tenure")
ANY_COUNTRY = "*"
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
_TENURE_IN_NAME = re.compile(r"\s*\((?:\d{4})-(?:\d{4})?\)")
_TENURE = re.compile(r"^(\d{4}(?:-\d{2}-\d{2})?)\.\.(\d{4}(?:-\d{2}-\d{2})?)?$")
_ELISION = re.compile(r"^(?:l|d|qu)'\s*")
_DETERMINERS = re.compile(
    r"^(?:(?:les|le|la|l'|des|du|de|d'|un|une|plusieurs|quelques|the|a|an|some|several|"
    r"two|three|deux|trois)\s*)+"
)


@dataclass(frozen=True)
class ActorEntry:
    """One row of actors.tsv."""

    name: str  # may hold {country} / {of_country} when `country` is None (a template)
    actor_type: str
    country: str | None  # None: template for any country
    aliases: tuple[str, ...]
    tenure_start: date | None
    tenure_end: date | None
    line: int
    # folded aliases marked "~" in the data: common nouns ("gendarmes", "peacekeepers") that
    # name this actor only in its own country
    common: frozenset[str] = frozenset()

    @property
    def base(self) -> str:
        """The name without its tenure years: rows of one force share it."""
        return _TENURE_IN_NAME.sub("", self.name)

    def covers(self, when: date) -> bool:
        if self.tenure_start is None:
            return True
        return self.tenure_start <= when and (self.tenure_end is None or when < self.tenure_end)


@dataclass(frozen=True)
class ActorAliases:
    """The validated alias table: entries, folded alias → entry indexes, and one matcher."""

    path: str
    entries: tuple[ActorEntry, ...]
    by_alias: dict[str, tuple[int, ...]]
    pattern: re.Pattern[str]


def _fold_alias(alias: str) -> str:
    # a dash counts as a space: "Ansar al-Nour fighters" is also written "Ansar al Nour fighters"
    return " ".join(_ELISION.sub("", fold(alias)).replace("-", " ").split())


def _apart(a: ActorEntry, b: ActorEntry) -> bool:
    """Return whether two rows' tenures do not overlap (both must have one)."""
    if a.tenure_start is None or b.tenure_start is None:
        return False
    first, second = sorted((a, b), key=lambda e: e.tenure_start)
    return first.tenure_end is not None and first.tenure_end <= second.tenure_start


def _parse_bound(text: str, *, end: bool) -> date:
    if len(text) == 4:
        return date(int(text) + (1 if end else 0), 1, 1)
    return date.fromisoformat(text)


def parse_actor_aliases(path: Path) -> ActorAliases:
    """Return the validated alias table in `path`; raise DataFileError naming file and line."""
    entries: list[ActorEntry] = []
    for lineno, cells in tsv_rows(path, COLUMNS, prefix=True):

        def fail(message: str, lineno: int = lineno) -> DataFileError:
            return line_error(path, lineno, message)

        if len(cells) == len(COLUMNS) - 1:
            cells.append("")
        if len(cells) != len(COLUMNS):
            raise fail(f"expected {len(COLUMNS)} tab-separated columns, found {len(cells)}")
        name, actor_type, country, aliases, tenure = cells
        if not name:
            raise fail("empty name")
        if actor_type not in ACTOR_TYPES:
            raise fail(f"unknown actor_type {actor_type!r} (expected one of {ACTOR_TYPES})")
        if not country:
            raise fail("empty country (use * for a template)")
        is_template = country == ANY_COUNTRY
        if is_template != ("{" in name):
            raise fail("a template needs country * and {country} or {of_country} in its name")
        marked = [a.strip() for a in aliases.split("|")]
        alias_list = tuple(a.lstrip("~").strip() for a in marked)
        if not aliases or not all(alias_list):
            raise fail("aliases must be non-empty and |-separated")
        common = frozenset(_fold_alias(a) for a, m in zip(alias_list, marked, strict=True) if m.startswith("~"))
        start = end = None
        if tenure:
            m = _TENURE.match(tenure)
            if not m:
                raise fail(f"tenure {tenure!r} must be START.. or START..END (YYYY or YYYY-MM-DD)")
            try:
                start = _parse_bound(m.group(1), end=False)
                end = _parse_bound(m.group(2), end=True) if m.group(2) else None
            except ValueError as e:
                raise fail(f"tenure {tenure!r}: {e}") from e
            if end is not None and end <= start:
                raise fail(f"tenure {tenure!r} ends before it starts")
        # a group active across borders lists each country it fights in ("Nigeria|Chad"): it
        # is then a local actor in each, named the same (ACLED names a group, not its country)
        for one in [None] if is_template else [c.strip() for c in country.split("|")]:
            if one == "":
                raise fail("empty country in a |-separated list")
            entries.append(ActorEntry(name, actor_type, one, alias_list, start, end, lineno, common))
    if not entries:
        raise DataFileError(f"{path}:1: no actors")
    by_alias: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        for alias in entry.aliases:
            key = _fold_alias(alias)
            for j in by_alias.get(key, []):
                other = entries[j]
                # one alias may name two actors of one country only in turn ("Taliban": an
                # armed group, then the state forces once in power), their tenures apart
                if other.country == entry.country and other.base != entry.base and not _apart(other, entry):
                    raise DataFileError(
                        f"{path}:{entry.line}: alias {alias!r} already names {other.name!r} "
                        f"(line {other.line}) in the same country"
                    )
            if i not in by_alias.setdefault(key, []):
                by_alias[key].append(i)
    alternation = "|".join(
        r"[-\s]+".join(re.escape(w) for w in key.split(" "))
        for key in sorted(by_alias, key=len, reverse=True)
    )
    return ActorAliases(
        path=str(path),
        entries=tuple(entries),
        by_alias={k: tuple(v) for k, v in by_alias.items()},
        # "pro-Russian forces", "anti-government protesters", "al-Qaeda-linked fighters" name
        # other actors
        pattern=re.compile(
            rf"(?<![\w.])(?<!pro-)(?<!anti-)(?:{alternation})(?![\w]|-(?:{_linked_words()})(?![\w]))"
        ),
    )


@lru_cache(maxsize=4)
def load_actor_aliases(path: str | None = None) -> ActorAliases:
    """Return the alias table (the packaged data/actors.tsv by default), validated, loaded once."""
    return parse_actor_aliases(Path(path) if path else ACTORS_FILE)


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
    forces = [r for r in aliases.entries if r.country == country and r.base == name]
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
    prefix = {"military": "Military Forces of {", "police": "Police Forces of {", "government": "Government of {"}[kind]
    return next(e for e in aliases.entries if e.country is None and e.name.startswith(prefix))


def _resolve(
    indexes: tuple[int, ...], aliases: ActorAliases, country: str | None, when: date | None,
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
        chosen = _pick_tenure([r for r in named if r.base == named[0].base], when)
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
    """Return the actors named in `text`, in text order, with spans into `text`.

    The longest alias wins where aliases overlap ("hommes armés non identifiés" over "hommes
    armés"); generic mentions ("civils", "gunmen") need `country` and are skipped without it.
    """
    aliases = aliases or load_actor_aliases()
    folded, index = fold_text(text)
    found: list[tuple[int, int, tuple[str, str, str | None, str]]] = []
    for m in aliases.pattern.finditer(folded):
        key = " ".join(m.group().replace("-", " ").split())
        resolved = _resolve(aliases.by_alias[key], aliases, country, when, key)
        if resolved is not None:
            found.append((m.start(), m.end(), resolved))
    # "Ukrainian forces", "l'armée soudanaise": that country's forces, for every country the
    # gazetteer has a demonym for; a longer alias ("armée malienne" listed per tenure) keeps its
    # own row, a shorter one inside ("forces", "army") gives way
    gazetteer = load_gazetteer()
    for force, iso in find_national_forces(folded, lang, gazetteer.demonym_country):
        name = gazetteer.country_name(iso)
        if not name or any(s <= force.start and force.end <= e for s, e, _ in found):
            continue
        resolved = _fill_template(_national_template(aliases, force.kind), aliases, name, when)
        found = [f for f in found if f[1] <= force.start or f[0] >= force.end]
        found.append((force.start, force.end, (*resolved[:3], "nationality")))
    out: list[Actor] = []
    for fstart, fend, (name, actor_type, actor_country, method) in sorted(found, key=lambda f: f[0]):
        start, end = index[fstart], index[fend - 1] + 1
        out.append(
            Actor(name, actor_country, actor_type, Span(start, end, text[start:end]), method)
        )
    return out


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
    key = " ".join(_ELISION.sub("", _DETERMINERS.sub("", fold(text))).replace("-", " ").split())
    if key in aliases.by_alias:
        resolved = _resolve(aliases.by_alias[key], aliases, country, when, key)
        if resolved is not None:
            name, actor_type, actor_country, method = resolved
            return Actor(name, actor_country, actor_type, Span(0, len(text), text), method)
    mentions = find_actor_mentions(text, lang=lang, country=country, when=when, aliases=aliases)
    if not mentions:
        return None
    return max(mentions, key=lambda a: (a.span.end - a.span.start, -a.span.start))


# Who may carry out an attack: ACLED's armed actor types (civilians, protesters and the rest are
# victims or bystanders when no parse names them as the agent).
ARMED_TYPES = frozenset(
    {"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia"}
)
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
            by=re.compile(
                rf"(?<![\w])(?:{by})(?![\w])\s*(?:(?:{dets})(?![\w])\s*)*(?:[^\W\d_][\w'-]*\s+){{0,2}}$"
            ),
            passive=re.compile(rf"(?<![\w])(?:{passive})(?![\w])"),
        )
    return out


def _linked_words() -> str:
    """Return the alternation of every language's compound-adjective halves ("linked")."""
    spec = read_yaml_mapping(AGENT_CUES_FILE)
    words = [w for lang in spec.values() if isinstance(lang, dict) for w in lang.get("linked") or []]
    return phrase_pattern(words) or "(?!)"


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
        a for a in actors
        if a.actor_type in ARMED_TYPES and a.span is not None
        and not any(s.start <= a.span.start < s.end for s in skip)
    ]
    for a in armed:
        between = folded[trigger.end:a.span.start]
        if (0 <= a.span.start - trigger.end <= AGENT_AFTER_MAX_CHARS and cues.by.search(between)
                and not _CLAUSE_END.search(between)):
            return a
    # a state force named before the verb is far more often a victim in a toll ("trois soldats
    # et huit supplétifs tombés") than a subject the parse missed: only armed groups qualify
    before = [
        a for a in armed
        if a.actor_type in GROUP_TYPES
        and a.span.end <= trigger.start and trigger.start - a.span.end <= SUBJECT_MAX_CHARS
        and not cues.passive.search(folded[a.span.end:trigger.start])
        and not _CLAUSE_END.search(folded[a.span.end:trigger.start])
    ]
    return before[-1] if before else None
