"""Who a sentence attributes its content to: the subject of a speech verb ("a indiqué le
Centcom", "X said"), the object of a source preposition ("selon X", "according to X"), or the
speaker of the quotation a sentence belongs to; and the words of the reporting clause."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.lexicon import CueMatch, fold
from eventwire.extract.parse_tools import ModalityCue as Cue
from eventwire.extract.parse_tools import SentenceCues, char_span, cue_at, noun_phrase, paragraph_of
from eventwire.lang.extract_words import load_extract_words
from eventwire.models import Span
from eventwire.nlp.doc_cache import doc_text

QUOTE_OPENERS = {"«", "“", '"', "‹", "„"}
REPORTING_DEPS = {
    "obl",
    "obl:mod",
    "obl:arg",
    "npadvmod",
    "nmod:tmod",
    "advmod",
    "prep",
    "nsubj",
    "obj",
    "dobj",
    "iobj",
}


def _speaker_phrase(token: Token) -> SpacySpan:
    """Return a speaker's phrase, cut before adverbial attachments ("… sur fond de guerre")."""
    phrase = noun_phrase(token)
    stop_preps = load_extract_words(token.lang_).get("speaker_stop_preps")
    end = phrase.end
    for tok in phrase:
        if tok.i > token.i and tok.pos_ == "ADP" and fold(tok.text) in stop_preps:
            end = tok.i
            break
    while end > phrase.start and token.doc[end - 1].pos_ in {"PUNCT", "ADP", "CCONJ"}:
        end -= 1
    return token.doc[phrase.start : end]


def resolve_demonstrative(phrase: SpacySpan) -> SpacySpan:
    """Return the earlier full phrase a demonstrative refers to ("ces factions" -> the factions named before)."""
    words = load_extract_words(phrase.doc.lang_)
    demonstratives = words.get("demonstratives")
    if len(phrase) == 0 or fold(phrase[0].text) not in demonstratives:
        return phrase
    head = phrase.root
    lemma = fold(head.lemma_)
    doc = phrase.doc
    for i in range(phrase.start - 1, -1, -1):
        tok = doc[i]
        if fold(tok.lemma_) == lemma and tok.pos_ in {"NOUN", "PROPN"}:
            earlier = noun_phrase(tok)
            if len(earlier) and fold(earlier[0].text) not in demonstratives and len(earlier) > len(phrase):
                return earlier
    if lemma in words.get("group_heads"):
        for i in range(phrase.start - 1, -1, -1):
            tok = doc[i]
            if fold(tok.lemma_) in words.get("group_nouns") and tok.pos_ == "NOUN":
                earlier = noun_phrase(tok)
                if len(earlier) and fold(earlier[0].text) not in demonstratives:
                    return earlier
    return phrase


def _source_object(tok: Token) -> Token | None:
    """Return the object of "selon"/"according to": the head (UD) or a pobj child (English)."""
    target = tok.head if tok.head.i > tok.i else None
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if objs:
        target = objs[0]
    if tok.dep_ == "prep" and tok.head.dep_ == "prep":
        objs = [c for c in tok.head.children if c.dep_ == "pobj"]
        target = objs[0] if objs else target
    return target


def find_attribution(sent: SpacySpan, modality_cues: list[CueMatch]) -> SpacySpan | None:
    """Return who a sentence attributes its content to: "a indiqué le Centcom", "selon X", "X said"."""
    doc = sent.doc
    for cue in modality_cues:
        if cue.cls == Cue.SOURCE_PREP:
            target = _source_object(doc[cue.end - 1])
            if target is not None and target.pos_ in {"NOUN", "PROPN", "PRON"}:
                return resolve_demonstrative(_speaker_phrase(target))
    for cue in modality_cues:
        if cue.cls != Cue.SPEECH:
            continue
        verb = doc[cue.start]
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "expl:subj"}]
        # an inverted subject ("…, a poursuivi le Centcom") is often parsed as the object
        incise = verb.i > 0 and any(
            t.text in {",", "»", "”", '"'} for t in doc[max(verb.left_edge.i, verb.i - 3) : verb.i]
        )
        subjects += [
            c for c in verb.children if c.dep_ in {"obj", "dobj"} and c.i > verb.i and (c.pos_ == "PROPN" or incise)
        ]
        for child in subjects:
            if child.pos_ not in {"NOUN", "PROPN"}:
                continue
            return resolve_demonstrative(_speaker_phrase(child))
    return None


def sentence_attributions(
    doc: Doc, sentences: list[SpacySpan], sentence_cues: list[SentenceCues], paragraphs: list[int]
) -> list[Span | None]:
    """Return who each sentence is attributed to; a quotation spanning sentences takes the
    speaker named at its end (a paragraph that opens with a quotation is the speech of the
    speaker named in it)."""
    attributions: list[Span | None] = []
    for sent, cues in zip(sentences, sentence_cues):
        who = find_attribution(sent, cues.modality)
        attributions.append(char_span(doc, who.start, who.end) if who is not None else None)
    quote_speaker: dict[int, Span] = {}  # paragraph -> speaker of its quotation
    text = doc_text(doc)
    for i in range(len(sentences) - 1, -1, -1):
        para = paragraph_of(sentences[i].start_char, paragraphs)
        found = attributions[i]
        if found is not None:
            quote_speaker[para] = found
        elif para in quote_speaker and text[paragraphs[para] : paragraphs[para] + 1] in QUOTE_OPENERS:
            attributions[i] = quote_speaker[para]
    return attributions


def reporting_spans(sent: SpacySpan, modality_cues: list[CueMatch], trigger: Token | None = None) -> tuple[Span, ...]:
    """Return the phrases that belong to the reporting clause of a sentence, not to the incident.

    In "Sept terroristes ont été tués…, a annoncé mardi le ministère", "mardi" dates the
    announcement: the date and place words attached to a speech verb are left out of the
    incident's date and place. A continuation verb that also reports ("…, poursuit-il") whose
    subject is the incident word `trigger` is no speech: "Les affrontements se sont poursuivis
    le lendemain" (invented) carries the fighting on to the next day.
    """
    doc = sent.doc
    spans = []
    for cue in modality_cues:
        if cue.cls != Cue.SPEECH:
            continue
        verb = doc[cue.start]
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        if (
            trigger is not None
            and cue_at(modality_cues, Cue.CONTINUATION, verb)
            and any(c.i == trigger.i and c.dep_.startswith("nsubj") for c in verb.children)
        ):
            continue
        for child in verb.children:
            if child.dep_ in REPORTING_DEPS and child.pos_ in {
                "NOUN",
                "PROPN",
                "ADV",
                "ADP",
                "NUM",
            }:
                sub = list(child.subtree)
                spans.append(char_span(doc, sub[0].i, sub[-1].i + 1))
    return tuple(spans)
