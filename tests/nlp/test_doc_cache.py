"""The per-parse cache: values read once from a Doc, a new list for each caller."""

import spacy

from eventwire.extract.lexicon import doc_cues, find_cues, load_trigger_lexicon, token_keys
from eventwire.nlp.doc_cache import doc_cache, doc_text


def test_doc_text_and_token_keys_are_read_once_per_parse():
    nlp = spacy.blank("en")
    doc = nlp("Gunmen attacked a market in Tazor on Monday.")
    assert doc_text(doc) == doc.text
    assert token_keys(doc) is token_keys(doc)
    assert doc_cache(nlp("Another parse.")) is not doc_cache(doc)
    assert doc_cache(doc[0:2]) is None  # a Span is not cached


def test_doc_cues_match_find_cues_and_return_a_new_list():
    doc = spacy.blank("en")("Gunmen attacked a market and killed three traders.")
    lexicon = load_trigger_lexicon("en")
    first = doc_cues(doc, lexicon, start=0, end=len(doc))
    assert first == find_cues(token_keys(doc), lexicon, start=0, end=len(doc))
    first.clear()
    assert doc_cues(doc, lexicon, start=0, end=len(doc)) == find_cues(token_keys(doc), lexicon, start=0, end=len(doc))


def test_token_keys_of_a_parse_read_from_its_arrays_are_those_of_its_tokens():
    """A parse's keys (read from its ORTH/LEMMA array) equal those read token by token (a Span
    is read so), the adjective homograph included (invented sentences)."""
    from eventwire.nlp.pipelines import load_pipeline

    for lang, text in (
        ("fr", "Une attaque armée a visé Kolo ; les forces armées ont riposté à l’aube, tuant 3 assaillants."),
        ("en", "Gunmen attacked Kolo’s market on Monday, killing three traders."),
    ):
        doc = load_pipeline(lang)(text)
        assert token_keys(doc) == token_keys(doc[:])
        assert [k[0] for k in token_keys(doc)][:1] == ["une" if lang == "fr" else "gunmen"]
    assert token_keys(spacy.blank("en")("")) == []
