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
