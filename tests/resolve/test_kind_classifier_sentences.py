"""`classifier_sentences` tells which sentences `code_event_kind` reads the sub-type classifier's
scores of, so a batch of documents encodes them all in one call before its events are built
(issue 16, throughput): the voice's sentences of an incident the classifier may retype (an
explosion sub-type), none of one it may not (a battle). Sentences are invented."""

from __future__ import annotations

import numpy as np
import spacy

from eventwire.extract import subtype_model as sm
from eventwire.extract.lexicon import load_taxonomy
from eventwire.models import Mention, Span, Trigger
from eventwire.resolve.coders.kind import classifier_sentences, code_event_kind

BOMB = "A roadside bomb went off under an army patrol near Kolo."
CLAIM = "The group claimed the bombing on Monday."
FIGHT = "Rebels and soldiers fought for hours in Tazor."
TEXT = f"{BOMB} {CLAIM} {FIGHT}"
IED = ("Remote explosive/landmine/IED", "Explosions/Remote violence")


def _mention(sentence: str, modality: str, classes: set[str], sub: str, event_type: str) -> Mention:
    start = TEXT.index(sentence)
    return Mention(
        document_id="d",
        sentence=Span(start, start + len(sentence), sentence),
        trigger=Trigger(Span(start, start + 6, sentence[:6]), "bomb", event_type, sub, "bomb"),
        event_type=event_type,
        sub_event_type=sub,
        modality=modality,
        claim_status="reported",
        cue_classes=frozenset(classes),
    )


def _scores(monkeypatch) -> tuple[list[list[str]], sm.SentenceScores]:
    """Return the batches a fake encoder is given (recorded) and the scores of the three
    sentences under a model that holds the IED sub-type and reads every sentence alike."""
    from eventwire.nlp import encoder

    batches: list[list[str]] = []

    def fake_encode(texts):
        batches.append(list(texts))
        return np.ones((len(texts), 2), dtype=np.float32)

    monkeypatch.setattr(encoder, "encode", fake_encode)
    model = sm.SubtypeModel(
        labels=("Air/drone strike", IED[0], "none"),
        vocab=(),
        mean=np.zeros(2),
        scale=np.ones(2),
        weights=np.zeros((2, 3)),
        bias=np.zeros(3),
    )
    sentences = [(TEXT.index(s), TEXT.index(s) + len(s), s) for s in (BOMB, CLAIM, FIGHT)]
    return batches, sm.score_document(spacy.blank("en")(TEXT), sentences, "en", model=model)


def test_the_voice_of_an_explosion_is_read_and_a_battle_is_not(monkeypatch):
    _, scores = _scores(monkeypatch)
    bomb = _mention(BOMB, "asserted", {"W_IED", "A_EXPLOSION", "P_SECURITY"}, *IED)
    claim = _mention(CLAIM, "claimed", {"W_IED", "A_EXPLOSION"}, *IED)
    fight = _mention(FIGHT, "asserted", {"A_ATTACK", "P_ARMED", "P_SECURITY"}, "Armed clash", "Battles")
    taxonomy = load_taxonomy()
    # the claim is a less firm voice than the report: only the report's sentence is read
    assert classifier_sentences([bomb, claim], taxonomy=taxonomy, subtype_scores=scores) == [TEXT.index(BOMB)]
    assert classifier_sentences([fight], taxonomy=taxonomy, subtype_scores=scores) == []


def test_sentences_encoded_beforehand_type_the_incident_as_scoring_them_then_does(monkeypatch):
    batches, scores = _scores(monkeypatch)
    bomb = _mention(BOMB, "asserted", {"W_IED", "A_EXPLOSION", "P_SECURITY"}, *IED)
    taxonomy = load_taxonomy()
    lazily = code_event_kind([bomb], document_id="d", taxonomy=taxonomy, subtype_scores=scores)
    assert batches == [[BOMB]]

    batches, scores = _scores(monkeypatch)
    sm.require_together([(scores, classifier_sentences([bomb], taxonomy=taxonomy, subtype_scores=scores))])
    assert batches == [[BOMB]]
    beforehand = code_event_kind([bomb], document_id="d", taxonomy=taxonomy, subtype_scores=scores)
    assert batches == [[BOMB]]  # nothing left to encode
    assert beforehand == lazily
