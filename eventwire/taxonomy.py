"""ACLED's event types and sub-event types, loaded from data/taxonomy/acled.yaml.

The one definition of the vocabulary every stage shares: the extractor's rules, the builders, the
resolvers, the store's checks, the API's enums and the scorer's gold checks all read it here.

    from eventwire.taxonomy import EventType, SubEventType, SUB_EVENT_TO_TYPE
    SubEventType.AIR_DRONE_STRIKE == "Air/drone strike"          # True: members are strings
    SUB_EVENT_TO_TYPE["Air/drone strike"] == EventType.EXPLOSIONS_REMOTE_VIOLENCE

Members are named after their value, upper-cased, every run of other characters an underscore
("Remote explosive/landmine/IED" → REMOTE_EXPLOSIVE_LANDMINE_IED). The tables below hold plain
strings, so events carry plain strings whichever way their type was set.

The file is read once, when this module is first imported (the enums need it); a malformed file
raises DataFileError naming file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

import yaml

from eventwire.datafiles import data_path, read_yaml_mapping
from eventwire.errors import DataFileError

TAXONOMY_PATH = data_path("taxonomy", "acled.yaml")

# The codebook's families of event types (ACLED codebook: violent events, demonstrations,
# non-violent actions).
GROUPS = ("violent_events", "demonstrations", "non_violent_actions")
_TYPE_KEYS = frozenset({"group", "default_actor1", "default_actor2", "sub_event_types"})


@dataclass(frozen=True)
class EventTypeSpec:
    """One ACLED event type: its family, its sub-types (codebook order) and default actors."""

    name: str
    group: str
    sub_event_types: tuple[str, ...]
    default_actor1: str | None = None  # "Protesters ({country})": who acts when nobody is named
    default_actor2: str | None = None  # "Civilians ({country})": who is acted on when nobody is


@dataclass(frozen=True)
class EventTypeTable:
    """The event types of the taxonomy file, in its order, and each sub-type's notes verb."""

    event_types: tuple[EventTypeSpec, ...]
    notes_verbs: Mapping[str, str]  # sub-event type -> "shelled", "clashed with"…
    without_fatalities: frozenset[str] = frozenset()  # sub-types ACLED always codes with 0 deaths


def member_name(value: str) -> str:
    """Return the enum member name of a type's name ("Air/drone strike" → AIR_DRONE_STRIKE)."""
    return re.sub(r"[^A-Za-z0-9]+", "_", value).strip("_").upper()


def load_event_types(path: Path = TAXONOMY_PATH) -> EventTypeTable:
    """Return the `event_types` section of a taxonomy file, checked; raise DataFileError naming
    file and line for a missing section, an unknown key, an unknown group, an empty or repeated
    type or sub-type, or a sub-type without its notes verb."""
    read_yaml_mapping(path)  # missing file, YAML syntax, top level not a mapping: file and line
    with path.open(encoding="utf-8") as fh:
        root = yaml.compose(fh, Loader=yaml.SafeLoader)
    section = _value_of(root, "event_types")
    if section is None:
        raise DataFileError(f"{path}: no `event_types` section (event type -> group, sub_event_types)")
    specs: list[EventTypeSpec] = []
    verbs: dict[str, str] = {}
    type_members: set[str] = set()
    sub_members: set[str] = set()
    for key_node, value_node in _pairs(path, section, "event_types"):
        name = _text(path, key_node, "an event type name")
        if member_name(name) in type_members:  # also "Riots" twice, or "Riots" and "riots"
            raise _error(path, key_node, f"event type {name!r} is listed twice")
        type_members.add(member_name(name))
        spec, subs = _event_type(path, name, key_node, value_node)
        for sub, verb, sub_node in subs:
            if member_name(sub) in sub_members:
                raise _error(path, sub_node, f"sub-event type {sub!r} is listed twice")
            sub_members.add(member_name(sub))
            verbs[sub] = verb
        specs.append(spec)
    if not specs:
        raise _error(path, section, "event_types is empty")
    return EventTypeTable(
        event_types=tuple(specs),
        notes_verbs=MappingProxyType(verbs),
        without_fatalities=_without_fatalities(path, _value_of(root, "without_fatalities"), set(verbs)),
    )


def _without_fatalities(path: Path, node: yaml.Node | None, known: set[str]) -> frozenset[str]:
    """Return the `without_fatalities` list (sub-types coded with no deaths), checked."""
    if node is None:
        return frozenset()
    if not isinstance(node, yaml.SequenceNode):
        raise _error(path, node, "without_fatalities: expected a list of sub-event types")
    out = set()
    for item in node.value:
        sub = _text(path, item, "a sub-event type")
        if sub not in known:
            raise _error(path, item, f"without_fatalities: unknown sub-event type {sub!r}")
        out.add(sub)
    return frozenset(out)


def _event_type(
    path: Path, name: str, name_node: yaml.Node, node: yaml.Node
) -> tuple[EventTypeSpec, list[tuple[str, str, yaml.Node]]]:
    """Return one event type's spec and its (sub-type, notes verb, line node) triples."""
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in _pairs(path, node, f"event type {name!r}"):
        key = _text(path, key_node, "a key")
        if key not in _TYPE_KEYS:
            raise _error(
                path,
                key_node,
                f"{name}: unknown key {key!r} (expected one of {sorted(_TYPE_KEYS)})",
            )
        fields[key] = value_node
    for required in ("group", "sub_event_types"):
        if required not in fields:
            raise _error(path, name_node, f"{name}: missing {required!r}")
    group = _text(path, fields["group"], "a group")
    if group not in GROUPS:
        raise _error(
            path,
            fields["group"],
            f"{name}: unknown group {group!r} (expected one of {list(GROUPS)})",
        )
    actors = {k: _text(path, fields[k], "an actor name") for k in ("default_actor1", "default_actor2") if k in fields}
    if group == "demonstrations" and "default_actor1" not in actors:
        # the crowd is actor1 of every demonstration (ACLED: "Protesters (Country)")
        raise _error(path, name_node, f"{name}: a demonstrations type needs default_actor1")
    subs = [
        (
            _text(path, key_node, "a sub-event type name"),
            _text(path, value_node, "a notes verb"),
            key_node,
        )
        for key_node, value_node in _pairs(path, fields["sub_event_types"], f"{name}: sub_event_types")
    ]
    if not subs:
        raise _error(path, fields["sub_event_types"], f"{name}: no sub-event types")
    spec = EventTypeSpec(
        name=name,
        group=group,
        sub_event_types=tuple(sub for sub, _, _ in subs),
        default_actor1=actors.get("default_actor1"),
        default_actor2=actors.get("default_actor2"),
    )
    return spec, subs


def _error(path: Path, node: yaml.Node, message: str) -> DataFileError:
    return DataFileError(f"{path}:{node.start_mark.line + 1}: {message}")


def _value_of(root: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    return next((v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _pairs(path: Path, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise _error(path, node, f"{what}: expected a mapping")
    return list(node.value)


def _text(path: Path, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise _error(path, node, f"expected {what} (non-empty text)")
    return str(node.value).strip()


TABLE = load_event_types()

EventType = StrEnum(  # type: ignore[misc]
    "EventType", {member_name(t.name): t.name for t in TABLE.event_types}, module=__name__
)
SubEventType = StrEnum(  # type: ignore[misc]
    "SubEventType",
    {member_name(s): s for t in TABLE.event_types for s in t.sub_event_types},
    module=__name__,
)

# event type -> its sub-types, in the codebook's order (plain strings)
EVENT_TYPES: Mapping[str, tuple[str, ...]] = MappingProxyType({t.name: t.sub_event_types for t in TABLE.event_types})
SUB_EVENT_TO_TYPE: Mapping[str, str] = MappingProxyType(
    {s: t.name for t in TABLE.event_types for s in t.sub_event_types}
)
# Battles, Explosions/Remote violence, Violence against civilians
VIOLENT_TYPES = frozenset(t.name for t in TABLE.event_types if t.group == "violent_events")
# Protests, Riots
DEMONSTRATION_TYPES = frozenset(t.name for t in TABLE.event_types if t.group == "demonstrations")
# event type -> actor name template ("Protesters ({country})") when nobody is named
DEFAULT_ACTOR1: Mapping[str, str] = MappingProxyType(
    {t.name: t.default_actor1 for t in TABLE.event_types if t.default_actor1}
)
DEFAULT_ACTOR2: Mapping[str, str] = MappingProxyType(
    {t.name: t.default_actor2 for t in TABLE.event_types if t.default_actor2}
)
# sub-event type -> what actor1 did, as generated notes say it ("shelled", "clashed with")
NOTES_VERBS: Mapping[str, str] = TABLE.notes_verbs
# sub-event types whose definition has nobody killed (Peaceful protest, Arrests…): coded 0 deaths
WITHOUT_FATALITIES: frozenset[str] = TABLE.without_fatalities
