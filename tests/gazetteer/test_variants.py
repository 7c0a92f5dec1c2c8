"""Variant keys: French and English transliterations of one town name share a key, looked up
within one country only (data/gazetteer/transliteration.yaml, Gazetteer.variants)."""

from __future__ import annotations

import pytest

from eventwire.gazetteer.names import name_key
from eventwire.gazetteer.variants import variant_key


def key(name: str) -> str:
    return variant_key(name_key(name))


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("Tinkerouatène", "Tin-Kerwatene"),  # invented: "ou" / "w", a final mute e, joined parts
        ("Djankerou", "Jankeru"),  # invented: "dj" / "j", "ou" / "u"
        ("Chakerou", "Shakeru"),  # invented: "ch" / "sh"
        ("Tchakerou", "Chakeru"),  # invented: "tch" / "ch"
        ("Khalkerou", "Kalkeru"),  # invented: "kh" / "k"
        ("Guidakerou", "Gidakeru"),  # invented: "gu" / "g" before i
        ("Kolkerou", "Kulkeru"),  # invented: "o" / "u"
        ("Kerouarah", "Kerwara"),  # invented: a final "h" after a vowel
    ],
)
def test_french_and_english_spellings_share_a_variant_key(french, english):
    assert key(french) == key(english) != ""


def test_distinct_names_and_short_names_keep_apart():
    # invented: one vowel apart is another name; a short key stands for no one town
    assert key("Kerouba") != key("Keraba")
    assert key("Kero") == ""


def test_a_town_is_found_under_another_transliteration_in_its_country_only(gazetteer):
    # Shinyanga (Tanzania) written the French way; Mwanza with "ou" for "w"
    assert gazetteer.candidates("Chinyanga") == []
    assert [(c.name, c.iso) for c in gazetteer.variants("Chinyanga", "TZ")] == [("Shinyanga", "TZ")]
    assert {c.name for c in gazetteer.variants("Mouanza", "TZ")} == {"Mwanza"}
    # never pulled from abroad: the same spelling in a Kenyan document finds nothing
    assert gazetteer.variants("Chinyanga", "KE") == []


def test_a_bad_rewrite_names_the_data_file(tmp_path, monkeypatch):
    from eventwire.errors import DataFileError
    from eventwire.gazetteer import variants

    bad = tmp_path / "transliteration.yaml"
    bad.write_text("version: 1\nmin_chars: 6\nrewrites:\n  - ['(unclosed', '']\n", encoding="utf-8")
    monkeypatch.setattr(variants, "transliteration_path", lambda: bad)
    variants._rules.cache_clear()
    try:
        with pytest.raises(DataFileError, match="rewrites"):
            variants._rules()
    finally:
        variants._rules.cache_clear()
