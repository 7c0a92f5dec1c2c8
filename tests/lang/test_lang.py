"""Tests for eventwire.lang: folding, number words, time words and word lists (invented text)."""

import pytest

from eventwire.errors import DataFileError
from eventwire.lang.fold import fold, fold_key, fold_text, fold_word
from eventwire.lang.numbers import load_number_lexicon, parse_number
from eventwire.lang.time_words import load_time_lexicon, parse_time_lexicon
from eventwire.lang.words import load_word_lists, parse_word_lists


def test_fold_text_maps_folded_chars_back_to_original_offsets():
    folded, index = fold_text("Élu l’an passé")
    assert folded == "elu l'an passe"
    assert len(index) == len(folded)
    assert index[folded.index("passe")] == "Élu l’an passé".index("passé")


def test_fold_text_keeps_offsets_when_a_char_folds_to_two_or_none():
    # "ß" folds to two chars, a lone combining accent to none: the index still points back
    text = "Straße e\u0301té — Ölé"
    folded, index = fold_text(text)
    assert folded == "strasse ete - ole"
    assert len(index) == len(folded)
    assert [text[i] for i in index[4:6]] == ["ß", "ß"]
    assert fold_text("Été")[1] == [0, 1, 2]  # one char per char: the identity


def test_fold_collapses_blanks_and_typographic_dashes():
    assert fold("Vingt\u00a0–  trois") == "vingt - trois"


def test_fold_word_keeps_blanks_and_normalizes_apostrophes():
    assert fold_word("L’Armée  du") == "l'armee  du"


def test_fold_key_is_empty_for_missing_values_and_can_keep_accents():
    assert fold_key(None) == ""
    assert fold_key("  Ségala  Sud ") == "segala sud"
    assert fold_key("Sékou", keep_accents=True) == "sékou"


@pytest.mark.parametrize(
    ("phrase", "lang", "value"),
    [("vingt-trois", "fr", 23), ("une dizaine", "fr", 10), ("at least twelve", "en", 12)],
)
def test_parse_number_reads_number_words(phrase, lang, value):
    assert parse_number(phrase, lang) == value


def test_number_lexicon_holds_the_casualty_readers_words():
    fr, en = load_number_lexicon("fr"), load_number_lexicon("en")
    assert "une" in fr.words["weak_numbers"] and "an" in en.words["weak_numbers"]
    assert "meme" in fr.words["same_words"]  # folded as it loads
    assert fr.subset_re.search("douze morts dont ")
    assert en.coordinator_re.search("two soldiers and ")


def test_time_lexicon_has_the_small_words_of_dates():
    assert "th" in load_time_lexicon("en").lists["ordinal_suffixes"]
    assert "au" in load_time_lexicon("fr").lists["day_range_joiners"]


def test_parse_time_lexicon_rejects_a_word_list_that_is_not_a_list(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text("weekdays: {lundi: 0}\nmonths: {mars: 3}\nordinal_suffixes: er\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"xx\.yaml:3: ordinal_suffixes"):
        parse_time_lexicon(path)


def test_word_lists_load_per_language():
    assert "repousser" in load_word_lists("fr").get("defensive_lemmas")
    assert load_word_lists("en").get("army_nouns")[0] == "army"
    assert load_word_lists("xx").get("blame_cues") == ()


def test_parse_word_lists_rejects_unknown_key_naming_line(tmp_path):
    path = tmp_path / "fr.yaml"
    path.write_text("language: fr\n\nblame_cues: [présum]\nvictim_words: [tués]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"fr\.yaml:4: victim_words: unknown key"):
        parse_word_lists(path)


def test_word_lists_get_refuses_an_undeclared_list():
    with pytest.raises(KeyError):
        load_word_lists("fr").get("no_such_list")
