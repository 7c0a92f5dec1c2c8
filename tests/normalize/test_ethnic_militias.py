"""Ethnic militias named by a people and a militia noun (data/ethnic_militias.yaml). Sentences and
places are invented."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.normalize.actors import canonicalize_actor, find_actor_mentions
from eventwire.normalize.ethnic_militias import load_ethnic_militias


@pytest.mark.parametrize(
    ("lang", "text", "country", "expected"),
    [
        (
            "en",
            "Suspected Fulani militias raided the hamlet of Adoka",
            "Benin",
            "Fulani Ethnic Militia (Benin)",
        ),
        (
            "fr",
            "des miliciens peuls ont incendié le hameau",
            "Burkina Faso",
            "Fulani Ethnic Militia (Burkina Faso)",
        ),
        (
            "en",
            "Dinka militiamen attacked a cattle camp",
            "South Sudan",
            "Dinka Ethnic Militia (South Sudan)",
        ),
    ],
)
def test_find_actor_mentions_names_an_ethnic_militia_after_the_country(lang, text, country, expected):
    names = [a.name for a in find_actor_mentions(text, lang=lang, country=country)]
    assert expected in names


def test_find_actor_mentions_keeps_the_country_row_of_an_ethnic_militia():
    # actors.tsv has a row of its own for this militia in Kenya
    actor = canonicalize_actor("Pokot raiders", lang="en", country="Kenya")
    assert actor is not None and actor.name == "Pokot Ethnic Militia (Kenya)"


def test_find_actor_mentions_needs_a_country_for_an_ethnic_militia():
    assert not [
        a
        for a in find_actor_mentions("Dinka militiamen attacked", lang="en", country=None)
        if "Ethnic Militia" in a.name
    ]


def test_ethnic_militias_file_is_validated_on_load(tmp_path):
    bad = tmp_path / "ethnic.yaml"
    bad.write_text("version: 1\nnouns: [militia]\npeoples:\n  Tiv: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="Tiv"):
        load_ethnic_militias(str(bad))
