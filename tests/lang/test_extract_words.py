"""The extractor's per-language words (data/extract/<lang>.yaml) and cue labels load validated."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.lang.extract_words import (
    FLAG_KEYS,
    WORD_KEYS,
    load_cue_labels,
    load_extract_words,
    parse_cue_labels,
    parse_extract_words,
)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_packaged_words_load_and_are_folded(lang):
    words = load_extract_words(lang)
    assert words.language == lang
    assert words.get("patient_preps") and words.get("demonstratives")
    for key in WORD_KEYS:
        assert all(w == w.lower() for w in words.get(key))


def test_languages_keep_their_own_words():
    assert "contre" in load_extract_words("fr").get("patient_preps")
    assert "contre" not in load_extract_words("en").get("patient_preps")
    assert load_extract_words("fr").flag("tense_marks_habitual")
    assert not load_extract_words("en").flag("tense_marks_habitual")
    assert not load_extract_words("en").get("future_endings")


def test_a_language_without_a_file_has_no_words():
    words = load_extract_words("xx")
    assert all(not words.get(key) for key in WORD_KEYS)
    assert all(not words.flag(key) for key in FLAG_KEYS)


def test_unknown_list_is_a_key_error():
    with pytest.raises(KeyError):
        load_extract_words("en").get("no_such_list")


def test_labels_keep_their_order():
    labels = load_cue_labels()
    assert list(labels.outcomes)[:2] == ["A_INTERCEPT", "A_KILL"]
    assert labels.weapons["W_DRONE"] == "drone"


def test_bad_files_name_file_and_line(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text("version: 1\nlanguage: xx\npatient_preps: [ok]\nnot_a_key: [x]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"xx\.yaml:4: not_a_key"):
        parse_extract_words(path)
    path.write_text("version: 1\npatient_preps: not a list\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"xx\.yaml:2: patient_preps"):
        parse_extract_words(path)
    path.write_text("version: 9\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"xx\.yaml:1: version"):
        parse_extract_words(path)
    path.write_text("version: 1\ntense_marks_habitual: maybe\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="tense_marks_habitual"):
        parse_extract_words(path)
    labels = tmp_path / "labels.yaml"
    labels.write_text("version: 1\noutcomes: {A_KILL: killed}\nweapons: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"labels\.yaml:3: weapons"):
        parse_cue_labels(labels)
