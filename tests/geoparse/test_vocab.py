"""The data files of eventwire/geoparse and eventwire/gazetteer load, and a bad one is refused
naming its file and line (no model, no index: quick)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.gazetteer import name_key, words
from eventwire.geoparse import vocab
from eventwire.geoparse.profiles import GEO_PROFILES, check_profile


def test_the_word_lists_and_weights_load():
    assert vocab.compass().bearings["nord-est"] == 45
    assert vocab.compass().english["sud"] == "south"
    assert "on" in vocab.name_connectors()  # a YAML `on` would be read as true: quoted
    assert "do" in vocab.name_particles() and vocab.name_particles() <= vocab.name_connectors()
    assert {"monday", "nord", "the"} <= vocab.ngram_stop_words()
    assert vocab.weights().feature["country"] > vocab.weights().feature["admin1"]
    assert name_key("St. Louis") == name_key("Saint Louis")


def test_profiles_are_checked():
    assert check_profile("us-local") == "us-local" and "conflict" in GEO_PROFILES
    with pytest.raises(ValueError, match="conflict"):
        check_profile("rural")


def _bad_copy(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    path = tmp_path / "data" / source.parent.name / source.name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = source.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def _assert_refused(monkeypatch, module, root: Path, loader, message: str) -> None:
    """Assert that `loader` (a cached reader of `module`) refuses the bad copy under `root` with
    `message`; the cache is cleared before and after, so no other test sees the bad copy."""
    monkeypatch.setattr(module, "data_path", lambda *parts: root.joinpath("data", *parts))
    loader.cache_clear()
    try:
        with pytest.raises(DataFileError, match=message):
            loader()
    finally:
        loader.cache_clear()


def test_a_missing_weight_is_refused_with_file_and_line(tmp_path, monkeypatch):
    source = vocab.data_path("geoparse", "rank_weights.yaml")
    root = _bad_copy(tmp_path, source, "capital: 3.0", "capitol: 3.0")
    _assert_refused(monkeypatch, vocab, root, vocab.weights, r"rank_weights.yaml:\d+: capitol")


def test_a_bad_name_word_list_is_refused_with_file_and_line(tmp_path, monkeypatch):
    source = words.name_words_path()
    root = _bad_copy(tmp_path, source, "key_elisions: [l, d, j, s]", "key_elisions: elided")
    _assert_refused(monkeypatch, words, root, words.name_words, r"name_words.yaml:\d+: key_elisions")


def test_a_name_particle_that_is_no_connector_is_refused(tmp_path, monkeypatch):
    source = vocab.data_path("geoparse", "words.yaml")
    root = _bad_copy(tmp_path, source, "name_particles: [de,", "name_particles: [von, de,")
    _assert_refused(monkeypatch, vocab, root, vocab._words_file, r"words.yaml:\d+: name_particles")


def test_written_alone_finds_what_the_boundary_regex_finds():
    import re

    from eventwire.geoparse.detect import _written_alone

    # an invented town written alone, inside words, after a dot, before digits and accents
    text = "Tala. Talas Tala_x xTala .Tala Tala1 Talaé Tala-Tala TalaTala ²Tala Tala"
    expected = [(m.start(), m.end()) for m in re.finditer(r"(?<![\w.])Tala(?![\w])", text)]
    assert list(_written_alone(text, "Tala")) == expected
    assert expected[0] == (0, 4) and len(expected) == 4
