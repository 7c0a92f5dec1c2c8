"""Write an event's notes sentence from its coded fields (data/notes/en.yaml).

A part nobody could code is said in words ("an unknown date") or dropped with the words that
need it: a verb phrase whose object is unknown is said without it ("carried out an air/drone
strike in Kolo", never "strike on  in Kolo").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType

from eventwire.datafiles import check_known_keys, data_path, key_error, read_yaml_mapping
from eventwire.errors import DataFileError
from eventwire.models import Place
from eventwire.taxonomy import NOTES_VERBS, SUB_EVENT_TO_TYPE

NOTES_PATH = data_path("notes", "en.yaml")
_KEYS = frozenset({"template", "claimed_by", "unknown", "fallback_sub_event_type", "no_target", "without_target"})
_SLOTS = ("{date}", "{actor1}", "{action}", "{place}", "{fatalities}")
_UNKNOWN_KEYS = ("date", "actor1", "place")


@dataclass(frozen=True)
class NotesTemplate:
    """The notes sentence and the words it uses for what is unknown."""

    template: str  # "On {date}, {actor1} {action} in {place}. {fatalities} fatalities."
    claimed_by: str  # "Claimed by {claimants}."
    unknown: Mapping[str, str]  # date / actor1 / place -> "an unknown date"…
    fallback_sub_event_type: str  # whose verb phrases a sub-type without its own uses
    no_target: frozenset[str]  # sub-types whose verb phrase takes no actor2
    without_target: Mapping[str, str]  # sub-type -> its verb phrase when actor2 is unknown

    def toll(self) -> str:
        """Return the template's words for the toll, up to the end of their sentence
        ("{fatalities} fatalities.")."""
        told = self.template[self.template.index("{fatalities}") :]
        return told[: told.find(".") + 1] if "." in told else told


@cache
def load_notes_template(path: Path = NOTES_PATH) -> NotesTemplate:
    """Return the notes template of a data file; raise DataFileError naming file and line for an
    unknown key, a missing slot or an unknown sub-event type."""
    data = read_yaml_mapping(path)
    check_known_keys(path, data, _KEYS)
    for key in _KEYS:
        if key not in data:
            raise DataFileError(f"{path}: missing key {key!r} (see the header for what it holds)")
    template, claimed = data["template"], data["claimed_by"]
    if not isinstance(template, str) or any(slot not in template for slot in _SLOTS):
        raise key_error(path, "template", f"expected text with the slots {', '.join(_SLOTS)}")
    if not isinstance(claimed, str) or "{claimants}" not in claimed:
        raise key_error(path, "claimed_by", "expected text with the slot {claimants}")
    unknown = data["unknown"]
    if (
        not isinstance(unknown, dict)
        or set(unknown) != set(_UNKNOWN_KEYS)
        or not all(isinstance(v, str) and v.strip() for v in unknown.values())
    ):
        raise key_error(path, "unknown", f"expected {', '.join(_UNKNOWN_KEYS)} -> words")
    fallback = data["fallback_sub_event_type"]
    if fallback not in NOTES_VERBS:
        raise key_error(path, "fallback_sub_event_type", f"{fallback!r} is not a sub-event type")
    no_target, without = data["no_target"], data["without_target"]
    if not isinstance(no_target, list) or not isinstance(without, dict):
        raise key_error(path, "no_target", "expected a list of sub-event types, then without_target a mapping")
    for sub in [*no_target, *without]:
        if sub not in SUB_EVENT_TO_TYPE:
            raise key_error(path, str(sub), "not a sub-event type of data/taxonomy/acled.yaml")
    if not all(isinstance(v, str) and v.strip() for v in without.values()):
        raise key_error(path, "without_target", "expected sub-event type -> verb phrase")
    return NotesTemplate(
        template=template,
        claimed_by=claimed,
        unknown=MappingProxyType(dict(unknown)),
        fallback_sub_event_type=fallback,
        no_target=frozenset(no_target),
        without_target=MappingProxyType(dict(without)),
    )


def code_notes(
    *,
    sub_event_type: str,
    event_date: date | None,
    actor1: str | None,
    actor2: str | None,
    place: Place | None,
    country: str | None,
    fatalities: int,
    claimed_by: Sequence[str] = (),
    template: NotesTemplate | None = None,
) -> str:
    """Return the notes sentence of an event: when, who did what to whom, where, the toll and
    who claimed it; an unknown part is said in words or dropped with the words that need it."""
    t = template or load_notes_template()
    where = place.name if place is not None else (country or t.unknown["place"])
    if place is not None and place.admin1 and place.admin1 != place.name:
        where += f" ({place.admin1})"
    notes = t.template.format(
        date=event_date.strftime("%-d %B %Y") if event_date else t.unknown["date"],
        actor1=actor1 or t.unknown["actor1"],
        action=_action(t, sub_event_type, actor2),
        place=where,
        fatalities=fatalities,
    )
    if claimed_by:
        notes += " " + t.claimed_by.format(claimants=", ".join(claimed_by))
    return notes


def with_fatalities(notes: str, fatalities: int, template: NotesTemplate | None = None) -> str:
    """Return a note with its toll replaced (an event whose reports were combined)."""
    t = template or load_notes_template()
    pattern = re.escape(t.toll()).replace(re.escape("{fatalities}"), r"\d+")
    return re.sub(pattern, t.toll().format(fatalities=fatalities), notes, count=1)


def _action(t: NotesTemplate, sub_event_type: str, actor2: str | None) -> str:
    """Return what actor1 did, with actor2 where the verb phrase takes one and it is known."""
    sub = sub_event_type if sub_event_type in NOTES_VERBS else t.fallback_sub_event_type
    if sub in t.no_target:
        return NOTES_VERBS[sub]
    if actor2:
        return f"{NOTES_VERBS[sub]} {actor2}"
    return t.without_target.get(sub, NOTES_VERBS[sub])
