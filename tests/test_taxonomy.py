"""eventwire.taxonomy: the ACLED event types loaded from data/taxonomy/acled.yaml, checked on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.extract.lexicon import load_taxonomy
from eventwire.taxonomy import (
    DEFAULT_ACTOR1,
    DEMONSTRATION_TYPES,
    EVENT_TYPES,
    NOTES_VERBS,
    SUB_EVENT_TO_TYPE,
    VIOLENT_TYPES,
    WITHOUT_FATALITIES,
    EventType,
    SubEventType,
    load_event_types,
    member_name,
)

# An invented two-type taxonomy in the file's layout.
GOOD = """\
# header
event_types:
  Battles:
    group: violent_events
    sub_event_types:
      Armed clash: clashed with
  Protests:
    group: demonstrations
    default_actor1: Protesters ({country})
    sub_event_types:
      Peaceful protest: protested
rules: []
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "taxonomy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_taxonomy_loads_acled_types_as_string_enums():
    assert len(EVENT_TYPES) == 6 and len(SUB_EVENT_TO_TYPE) == 25
    assert SubEventType.AIR_DRONE_STRIKE == "Air/drone strike"
    assert SUB_EVENT_TO_TYPE[SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED] == EventType.EXPLOSIONS_REMOTE_VIOLENCE
    assert set(EventType) == set(EVENT_TYPES)
    assert set(SubEventType) == set(SUB_EVENT_TO_TYPE) == set(NOTES_VERBS)
    assert VIOLENT_TYPES == {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    assert DEMONSTRATION_TYPES == set(DEFAULT_ACTOR1) == {"Protests", "Riots"}


def test_taxonomy_tables_hold_plain_strings():
    # events carry plain strings whichever way their type was set
    assert all(type(t) is str for t in EVENT_TYPES)
    assert all(type(s) is str and type(t) is str for s, t in SUB_EVENT_TO_TYPE.items())


def test_taxonomy_every_rule_gives_a_known_sub_type():
    assert {rule.sub_event_type for rule in load_taxonomy().rules} <= set(SUB_EVENT_TO_TYPE)


def test_member_name_upper_snakes_the_value():
    assert member_name("Non-state actor overtakes territory") == "NON_STATE_ACTOR_OVERTAKES_TERRITORY"


def test_load_event_types_reads_a_well_formed_file(tmp_path):
    table = load_event_types(_write(tmp_path, GOOD))
    assert [t.name for t in table.event_types] == ["Battles", "Protests"]
    assert table.event_types[1].default_actor1 == "Protesters ({country})"
    assert dict(table.notes_verbs) == {
        "Armed clash": "clashed with",
        "Peaceful protest": "protested",
    }


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("group: violent_events", "group: skirmishes", 4, "unknown group 'skirmishes'"),
        ("      Peaceful protest: protested", "      Armed clash: protested", 11, "listed twice"),
        ("    default_actor1: Protesters ({country})\n", "", 7, "needs default_actor1"),
        (
            "    group: violent_events\n",
            "    group: violent_events\n    colour: red\n",
            5,
            "unknown key 'colour'",
        ),
        ("      Armed clash: clashed with", "      Armed clash:", 6, "notes verb"),
        (
            "  Battles:\n    group: violent_events\n    sub_event_types:\n      Armed clash: clashed with\n",
            "  Battles: [a, b]\n",
            3,
            "expected a mapping",
        ),
        (
            "sub_event_types:\n      Armed clash: clashed with",
            "sub_event_types: [x",
            6,
            "invalid YAML",
        ),
    ],
)
def test_load_event_types_rejects_a_malformed_file_naming_file_and_line(tmp_path, old, new, line, words):
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(DataFileError) as raised:
        load_event_types(path)
    assert str(raised.value).startswith(f"{path}:{line}:"), str(raised.value)
    assert words in str(raised.value)


def test_without_fatalities_lists_known_sub_types_and_is_checked(tmp_path):
    assert {"Peaceful protest", "Arrests"} <= WITHOUT_FATALITIES <= set(SUB_EVENT_TO_TYPE)
    assert not WITHOUT_FATALITIES & {"Attack", "Armed clash", "Excessive force against protesters"}
    table = load_event_types(_write(tmp_path, GOOD + "without_fatalities: [Peaceful protest]\n"))
    assert table.without_fatalities == {"Peaceful protest"}
    path = _write(tmp_path, GOOD + "without_fatalities: [Peaceful protest, Quiet protest]\n")
    with pytest.raises(DataFileError, match=r":13: without_fatalities: unknown sub-event type 'Quiet protest'"):
        load_event_types(path)


def test_load_event_types_needs_the_section(tmp_path):
    path = _write(tmp_path, "rules: []\n")
    with pytest.raises(DataFileError, match="no `event_types` section"):
        load_event_types(path)
