"""French pronominal verbs in compound tenses: the auxiliary, a negation or an adverb sits between
the clitics and the participle ("s'en sont pris", "ne s'en sont pas pris", "s'étaient déjà
emparés"), and "se"/"s'" are one clitic; a lexicon phrase written in the infinitive ("s'en
prendre", "s'emparer", "se rassembler") matches every such form. The subject of such a verb,
which the parser labels passive, acts; "s'en prendre à" / "s'attaquer à" name their target after
"à"; "se faire tuer" is a passive. Sentences are invented."""

from __future__ import annotations

import pytest

from eventwire.extract.lexicon import doc_cues, load_modality_lexicon, load_trigger_lexicon
from eventwire.extract.pronominal import clitic_run_end
from eventwire.nlp.pipelines import load_pipeline
from tests.extract.conftest import find_mentions


def _cue_texts(text: str, cls: str) -> list[str]:
    doc = load_pipeline("fr")(text)
    return [
        doc[c.start : c.end].text
        for c in doc_cues(doc, load_trigger_lexicon("fr"), start=0, end=len(doc))
        if c.cls == cls
    ]


@pytest.mark.parametrize(
    ("text", "cls", "expected"),
    [
        ("Des hommes armés s'en sont pris jeudi à des villageois.", "A_ATTACK", "s'en sont pris"),
        ("Les bandits s'en étaient déjà pris au village.", "A_ATTACK", "s'en étaient déjà pris"),
        ("Des hommes armés s’en sont aussi pris à des villageois.", "A_ATTACK", "s’en sont aussi pris"),
        ("Des hommes armés s'en prennent aux villageois.", "A_ATTACK", "s'en prennent"),
        ("Les rebelles se sont emparés de la ville.", "A_TAKEOVER", "se sont emparés"),
        ("Les assaillants s'étaient emparés du camp.", "A_TAKEOVER", "s'étaient emparés"),
        ("Des manifestants se sont déjà rassemblés devant la mairie.", "A_PROTEST", "se sont déjà rassemblés"),
        ("Les soldats se sont retirés de la base.", "A_WITHDRAW", "se sont retirés"),
    ],
)
def test_a_pronominal_phrase_matches_its_compound_tenses(text, cls, expected):
    assert expected in _cue_texts(text, cls)


def test_a_negated_compound_tense_matches_and_stays_negated():
    text = "Les rebelles ne s'en sont pas pris aux civils."
    assert "s'en sont pas pris" in _cue_texts(text, "A_ATTACK")
    mentions = [m for m in find_mentions(text, "fr") if "pris" in m.trigger.span.text]
    assert mentions and mentions[0].modality == "negated"


@pytest.mark.parametrize(
    "text",
    [
        # "s'" of "si" before a subject is no clitic of the verb
        "S'il prend la ville, le chef partira.",
        # a noun between the clitics and the verb: no verb group
        "Il s'en est allé; les rebelles ont pris la ville.",
    ],
)
def test_no_pronominal_match_across_other_words(text):
    assert not [t for t in _cue_texts(text, "A_ATTACK") if "pris" in t or "prend" in t]


def test_only_phrases_opening_with_a_reflexive_clitic_are_pronominal():
    refl, adv = frozenset({"se", "s'"}), frozenset({"en", "y"})
    assert clitic_run_end(("s'", "en", "prendre"), refl, adv) == 2
    assert clitic_run_end(("se", "rassembler"), refl, adv) == 1
    assert clitic_run_end(("en", "venir", "aux", "mains"), refl, adv) is None
    assert clitic_run_end(("se",), refl, adv) is None


def test_modality_phrases_match_compound_tenses_too():
    doc = load_pipeline("fr")("Les jihadistes se seraient apprêtés à attaquer le camp.")
    cues = doc_cues(doc, load_modality_lexicon("fr"), start=0, end=len(doc))
    assert "se seraient apprêtés" in [doc[c.start : c.end].text for c in cues if c.cls == "plan"]
