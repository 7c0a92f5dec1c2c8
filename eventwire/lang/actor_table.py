"""The actor alias table data/actors.tsv: its rows, validated on load (errors name file and line).

The table is read by the extractor (the aliases of armed actors and forces are party cues of the
trigger lexicon) and by normalization (actor phrases → canonical ACLED names, normalize/actors.py),
so it lives in the first tier, which both may import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from eventwire.datafiles import data_path, line_error, read_yaml_mapping, tsv_rows
from eventwire.errors import DataFileError
from eventwire.lang.fold import fold, phrase_pattern

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
_TENURE_IN_NAME = re.compile(r"\s*\((?:\d{4})-(?:\d{4})?\)")
_TENURE = re.compile(r"^(\d{4}(?:-\d{2}-\d{2})?)\.\.(\d{4}(?:-\d{2}-\d{2})?)?$")
ELISION = re.compile(r"^(?:l|d|qu)'\s*")


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

    @cached_property
    def base(self) -> str:
        """The name without its tenure years: rows of one force share it (computed once)."""
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
    # the same matcher split by the two letters every alias starts with (see `finditer`)
    matcher: PrefixMatcher | None = field(default=None, compare=False, repr=False)

    _by_country: dict[str | None, tuple[ActorEntry, ...]] = field(default_factory=dict, compare=False, repr=False)

    def finditer(self, folded: str) -> Iterator[re.Match[str]]:
        """Return the matches of `pattern` in `folded`, as `pattern.finditer` finds them."""
        if self.matcher is None:
            return self.pattern.finditer(folded)
        return self.matcher.finditer(folded)

    def of_country(self, country: str | None) -> tuple[ActorEntry, ...]:
        """Return the entries of one country (None: the templates), in table order."""
        rows = self._by_country.get(country)
        if rows is None:
            rows = self._by_country[country] = tuple(e for e in self.entries if e.country == country)
        return rows


# Where a phrase of an alias table may start: a word character after no word character nor dot
# (the `(?<![\w.])` every matcher of the table opens with).
_WORD_START = re.compile(r"(?<![\w.])\w")


class PrefixMatcher:
    """One alternation of literal phrases split by their first two characters, same results.

    A big alternation ("a|b|c..." over a thousand aliases) makes the regex engine try every
    alternative at every word of a text; a phrase can only match where the text starts with the
    phrase's own first two characters, so each word start tries only the alternatives (in their
    original order, hence the same leftmost-first match) that begin with its two characters.
    Every alternative must start with two literal characters, the first a word character
    (checked by the caller).
    """

    def __init__(self, head: str, tail: str, alternatives: dict[str, list[str]]) -> None:
        # compiled at load (~50 ms for the packaged table), not on a document's first use
        self._patterns = {
            prefix: re.compile(f"{head}(?:{'|'.join(alts)}){tail}") for prefix, alts in alternatives.items()
        }

    def finditer(self, folded: str) -> Iterator[re.Match[str]]:
        resume = 0  # matches do not overlap: the next one starts at or after the last one's end
        patterns = self._patterns
        for w in _WORD_START.finditer(folded):
            start = w.start()
            if start < resume:
                continue
            pattern = patterns.get(folded[start : start + 2])
            m = pattern.match(folded, start) if pattern is not None else None
            if m is not None:
                resume = m.end()
                yield m


def _fold_alias(alias: str) -> str:
    # a dash counts as a space: "Ansar al-Nour fighters" is also written "Ansar al Nour fighters"
    return " ".join(ELISION.sub("", fold(alias)).replace("-", " ").split())


def _apart(a: ActorEntry, b: ActorEntry) -> bool:
    """Return whether two rows' tenures do not overlap (both must have one)."""
    a_start, b_start = a.tenure_start, b.tenure_start
    if a_start is None or b_start is None:
        return False
    # the earlier row first (a on a tie, as a stable sort keeps it), and where the later one starts
    first, second_start = (a, b_start) if a_start <= b_start else (b, a_start)
    return first.tenure_end is not None and first.tenure_end <= second_start


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
    keys = sorted(by_alias, key=len, reverse=True)
    alternatives = [r"[-\s]+".join(re.escape(w) for w in key.split(" ")) for key in keys]
    # "pro-Russian forces", "anti-government protesters", "al-Qaeda-linked fighters" name
    # other actors
    head, tail = r"(?<![\w.])(?<!pro-)(?<!anti-)", rf"(?![\w]|-(?:{_linked_words()})(?![\w]))"
    by_prefix: dict[str, list[str]] = {}
    for key, alternative in zip(keys, alternatives, strict=True):
        by_prefix.setdefault(key[:2], []).append(alternative)
    # the split matcher needs every alias to open with a word character and a first word of two
    # characters or more ("m23", "al shabaab", "u.s. forces"): literal characters of the text
    splittable = all(len(key.split(" ")[0]) >= 2 and re.match(r"\w", key) for key in keys)
    return ActorAliases(
        path=str(path),
        entries=tuple(entries),
        by_alias={k: tuple(v) for k, v in by_alias.items()},
        pattern=re.compile(f"{head}(?:{'|'.join(alternatives)}){tail}"),
        matcher=PrefixMatcher(head, tail, by_prefix) if splittable else None,
    )


@lru_cache(maxsize=4)
def load_actor_aliases(path: str | None = None) -> ActorAliases:
    """Return the alias table (the packaged data/actors.tsv by default), validated, loaded once."""
    return parse_actor_aliases(Path(path) if path else ACTORS_FILE)


def _linked_words() -> str:
    """Return the alternation of every language's compound-adjective halves ("linked")."""
    spec = read_yaml_mapping(data_path("agent_cues.yaml"))
    words = [w for lang in spec.values() if isinstance(lang, dict) for w in lang.get("linked") or []]
    return phrase_pattern(words) or "(?!)"
