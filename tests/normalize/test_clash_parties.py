"""The two sides of a fight named by coordination (normalize.clash_parties). Sentences and places
are invented; the peoples are those of data/ethnic_militias.yaml."""

from __future__ import annotations

import pytest

from eventwire.models import Span
from eventwire.normalize.clash_parties import clash_sides


def _sides(text: str, trigger_word: str, *, lang: str = "en", agent: str | None = None, country: str = "Nigeria"):
    start = text.index(trigger_word)
    agent_span = None
    if agent is not None:
        a = text.index(agent)
        agent_span = Span(a, a + len(agent), agent)
    one, two = clash_sides(
        text,
        Span(start, start + len(trigger_word), trigger_word),
        Span(0, len(text), text),
        agent_span,
        lang=lang,
        country=country,
        when=None,
    )
    return (one.name if one else None), (two.name if two else None)


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "agent", "expected"),
    [
        (
            "en",
            "Two people died in clashes between Tiv and Jukun communities in Kerou on Sunday.",
            "clashes",
            None,
            ("Tiv Ethnic Militia (Nigeria)", "Jukun Ethnic Militia (Nigeria)"),
        ),
        (
            "en",
            "Fighting broke out between the Abar and Bedo clans near Kerou.",
            "Fighting",
            None,
            ("Abar Clan Militia (Nigeria)", "Bedo Clan Militia (Nigeria)"),
        ),
        (
            "en",
            "Hausa and Jukun militias clashed at Kerou market.",
            "clashed",
            "Hausa and Jukun militias",
            ("Hausa Ethnic Militia (Nigeria)", "Jukun Ethnic Militia (Nigeria)"),
        ),
        (
            "fr",
            "Des affrontements entre Peuls et Tiv ont fait trois morts à Kerou.",
            "affrontements",
            None,
            ("Fulani Ethnic Militia (Nigeria)", "Tiv Ethnic Militia (Nigeria)"),
        ),
    ],
)
def test_clash_sides_names_the_first_side_actor1(lang, text, trigger, agent, expected):
    assert _sides(text, trigger, lang=lang, agent=agent) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Between 10 and 20 people were killed in clashes in Kerou.",
        "Clashes between residents and traders broke out in Kerou.",
        "Clashes between 2 and 4 May left the road to Kerou closed.",
    ],
)
def test_clash_sides_without_two_armed_sides_is_none(text):
    assert _sides(text, "lashes") == (None, None)


def test_clash_sides_with_one_named_side_gives_it_as_actor1():
    # invented: "a gunfight between the police and cattle thieves near Kerou"
    assert _sides("A gunfight between the police and cattle thieves broke out near Kerou.", "gunfight") == (
        "Police Forces of Nigeria (2023-)",
        None,
    )
