"""Actor phrases → canonical ACLED-style actor names, via the alias table data/actors.tsv.

Lookup order for one alias (CODING_RULES.md, "Actors"):
1. a named actor of the article's country ("armée malienne", "FAMa" → "Military Forces of Mali
   (2021-)"); among the rows of one force, the government tenure covering `when` (the open-ended
   tenure when no date is given);
2. a template filled with the article's country ("hommes armés" → "Unidentified Armed Group
   (Mali)", "police" → the Police Forces of that country with its tenure when the table has one);
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

from eventwire.datafiles import data_path
from eventwire.errors import DataFileError
from eventwire.models import Actor, Span
from eventwire.normalize.casualties import fold, fold_text

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
    return _ELISION.sub("", fold(alias))


def _parse_bound(text: str, *, end: bool) -> date:
    if len(text) == 4:
        return date(int(text) + (1 if end else 0), 1, 1)
    return date.fromisoformat(text)


def parse_actor_aliases(path: Path) -> ActorAliases:
    """Return the validated alias table in `path`; raise DataFileError naming file and line."""
    entries: list[ActorEntry] = []
    header_seen = False
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]

        def fail(message: str, lineno: int = lineno) -> DataFileError:
            return DataFileError(f"{path}:{lineno}: {message}")

        if not header_seen:
            if tuple(cells[: len(COLUMNS)]) != COLUMNS:
                raise fail(f"expected the header {'<TAB>'.join(COLUMNS)}")
            header_seen = True
            continue
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
        alias_list = tuple(a.strip() for a in aliases.split("|"))
        if not aliases or not all(alias_list):
            raise fail("aliases must be non-empty and |-separated")
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
        entries.append(
            ActorEntry(
                name, actor_type, None if is_template else country, alias_list, start, end, lineno
            )
        )
    if not entries:
        raise DataFileError(f"{path}:1: no actors")
    by_alias: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        for alias in entry.aliases:
            key = _fold_alias(alias)
            for j in by_alias.get(key, []):
                other = entries[j]
                if other.country == entry.country and other.base != entry.base:
                    raise DataFileError(
                        f"{path}:{entry.line}: alias {alias!r} already names {other.name!r} "
                        f"(line {other.line}) in the same country"
                    )
            if i not in by_alias.setdefault(key, []):
                by_alias[key].append(i)
    alternation = "|".join(
        r"\s+".join(re.escape(w) for w in key.split(" "))
        for key in sorted(by_alias, key=len, reverse=True)
    )
    return ActorAliases(
        path=str(path),
        entries=tuple(entries),
        by_alias={k: tuple(v) for k, v in by_alias.items()},
        pattern=re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])"),
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


def _resolve(
    indexes: tuple[int, ...], aliases: ActorAliases, country: str | None, when: date | None
) -> tuple[str, str, str | None, str] | None:
    """Return (name, actor_type, country, method) for an alias's rows, or None."""
    rows = [aliases.entries[i] for i in indexes]
    named = [r for r in rows if r.country is not None]
    local = [r for r in named if country is not None and r.country == country]
    if local:
        chosen = _pick_tenure([r for r in local if r.base == local[0].base], when)
        return chosen.name, chosen.actor_type, chosen.country, "alias"
    templates = [r for r in rows if r.country is None]
    if templates and country:
        template = templates[0]
        name = template.name.format(country=country, of_country=_of_country(country))
        forces = [r for r in aliases.entries if r.country == country and r.base == name]
        if forces:
            chosen = _pick_tenure(forces, when)
            return chosen.name, chosen.actor_type, country, "template"
        return name, template.actor_type, country, "template"
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
    out: list[Actor] = []
    for m in aliases.pattern.finditer(folded):
        key = " ".join(m.group().split())
        resolved = _resolve(aliases.by_alias[key], aliases, country, when)
        if resolved is None:
            continue
        name, actor_type, actor_country, method = resolved
        start, end = index[m.start()], index[m.end() - 1] + 1
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
    key = _ELISION.sub("", _DETERMINERS.sub("", fold(text)))
    if key in aliases.by_alias:
        resolved = _resolve(aliases.by_alias[key], aliases, country, when)
        if resolved is not None:
            name, actor_type, actor_country, method = resolved
            return Actor(name, actor_country, actor_type, Span(0, len(text), text), method)
    mentions = find_actor_mentions(text, lang=lang, country=country, when=when, aliases=aliases)
    if not mentions:
        return None
    return max(mentions, key=lambda a: (a.span.end - a.span.start, -a.span.start))
