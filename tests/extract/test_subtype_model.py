"""The sub-type classifier: bank loader validation, fit and prediction, cache reuse (invented
sentences only)."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.extract import subtype_model as sm

BANK = """# test bank
version: 1
examples:
  - {lang: en, label: "Air/drone strike", text: "Fighter jets bombed a rebel camp near Karbela."}
  - {lang: en, label: "Air/drone strike", text: "A drone struck a pickup carrying fighters on the desert road."}
  - {lang: fr, label: "Air/drone strike", text: "Des avions de chasse ont bombardé un camp rebelle près de Karbela."}
  - {lang: fr, label: "Air/drone strike", text: "Un drone a frappé un véhicule transportant des combattants."}
  - {lang: en, label: "Grenade", text: "A man threw a grenade into a bar, wounding five customers."}
  - {lang: en, label: "Grenade", text: "Two attackers tossed a grenade over the wall of a police post."}
  - {lang: fr, label: "Grenade", text: "Un inconnu a lancé une grenade dans un bar, blessant cinq clients."}
  - {lang: fr, label: "Grenade", text: "Des assaillants ont jeté une grenade sur un poste de police."}
  - {lang: en, label: "none", text: "The home team won the cup final two goals to nil on Saturday."}
  - {lang: en, label: "none", text: "The central bank raised its interest rate to curb inflation."}
  - {lang: fr, label: "none", text: "L'équipe locale a remporté la finale de la coupe deux buts à zéro."}
  - {lang: fr, label: "none", text: "La banque centrale a relevé son taux directeur pour freiner l'inflation."}
"""


def test_loader_rejects_an_unknown_label_naming_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nexamples:\n"
        '  - {lang: en, label: "Armed clash", text: "Soldiers fought rebels near Karbela."}\n'
        '  - {lang: en, label: "Armed clashes", text: "Soldiers fought rebels near Dolmar."}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"bad\.yaml:4: unknown label 'Armed clashes'"):
        sm.load_examples([bad])


def test_loader_rejects_a_missing_key_and_a_bad_language(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text('version: 1\nexamples:\n  - {lang: en, label: "none"}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.yaml:3: an example needs exactly lang, label and text"):
        sm.load_examples([bad])
    bad.write_text(
        'version: 1\nexamples:\n  - {lang: de, label: "none", text: "Ein Satz."}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"bad\.yaml:3: unknown lang 'de'"):
        sm.load_examples([bad])


def test_the_project_bank_loads_with_enough_examples():
    examples = sm.load_examples()
    labels = [e.label for e in examples]
    assert labels.count("none") >= 200
    for sub in (
        "Armed clash",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Chemical weapon",
    ):
        assert labels.count(sub) >= 40
        assert {e.lang for e in examples if e.label == sub} == {"fr", "en"}


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    bank = tmp_path_factory.mktemp("bank") / "bank.yaml"
    bank.write_text(BANK, encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("EVENTWIRE_CACHE", str(cache))
    yield bank, cache, sm.load_model([bank])
    mp.undo()


def _classify(model, texts_langs):
    examples = [sm.Example(text=t, label="none", lang=lang, path="-", line=0) for t, lang in texts_langs]
    vectors, cues = sm.examples_features(examples)
    probs = model.probabilities(vectors, cues)
    return [model.labels[i] for i in probs.argmax(axis=1)]


def test_the_model_fits_and_classifies_obvious_sentences(small_model):
    _, _, model = small_model
    assert set(model.labels) == {"Air/drone strike", "Grenade", "none"}
    assert _classify(
        model,
        [
            ("Warplanes bombed the militia's base at dawn.", "en"),
            ("Un homme a lancé une grenade sur la terrasse d'un café.", "fr"),
            ("The striker scored twice as his team won the league.", "en"),
        ],
    ) == ["Air/drone strike", "Grenade", "none"]


def test_the_fitted_model_is_cached_and_reused(small_model, monkeypatch):
    bank, cache, model = small_model
    files = list(cache.glob("subtype-model-*.npz"))
    assert len(files) == 1
    sm._load_model.cache_clear()
    monkeypatch.setattr(sm, "fit", lambda *a, **k: pytest.fail("refitted instead of reading the cache"))
    monkeypatch.setenv("EVENTWIRE_CACHE", str(cache))
    again = sm.load_model([bank])
    assert again.labels == model.labels
    assert (again.weights == model.weights).all()


def test_decide_overrules_a_rule_only_when_confident_and_among_explosions(monkeypatch):
    labels = ("Air/drone strike", "Armed clash", "Shelling/artillery/missile attack", "none")
    monkeypatch.setattr(sm, "OVERRIDE_MIN_P", 0.75)
    monkeypatch.setattr(sm, "RULE_MAX_P", 0.1)
    assert sm.decide("Shelling/artillery/missile attack", None, labels) is None
    assert sm.decide("Grenade", [0.95, 0.0, 0.02, 0.03], labels) is None  # a sub-type the bank lacks stays
    decision = sm.decide("Shelling/artillery/missile attack", [0.95, 0.0, 0.02, 0.03], labels)
    assert decision is not None and decision.sub_event_type == "Air/drone strike"
    assert sm.decide("Shelling/artillery/missile attack", [0.5, 0.0, 0.4, 0.1], labels) is None
    assert sm.decide("Armed clash", [0.95, 0.02, 0.0, 0.03], labels) is None  # a battle stays the rule's
    monkeypatch.setattr(sm, "NONE_MIN_P", 0.85)
    assert sm.not_an_event([[0.0, 0.05, 0.0, 0.95]], labels)
    assert not sm.not_an_event([[0.0, 0.05, 0.0, 0.95], [0.9, 0.05, 0.0, 0.05]], labels)


def _group(classes: frozenset[str], text: str = "an invented sentence"):
    from types import SimpleNamespace

    mention = SimpleNamespace(
        sub_event_type="Grenade",
        modality="asserted",
        sentence=SimpleNamespace(start=0, text=text),
        cue_classes=classes,
    )
    return SimpleNamespace(mentions=(mention,), context=False)


def test_the_none_gate_keeps_an_incident_whose_agent_is_armed_men_or_a_crowd(monkeypatch):
    # "residents beat a suspected thief to death" may read like a quarrel to the bank: a crowd or
    # armed men acting is ACLED's political violence all the same
    monkeypatch.setattr(sm, "NONE_MIN_P", 0.85)
    scores = sm.SentenceScores(labels=("Grenade", "none"), by_start={0: [0.05, 0.95]})
    assert sm.drop_non_events([_group(frozenset({"A_KILL", "P_CIVILIAN"}))], scores) == []
    for agent in ("AGENT_CROWD", "AGENT_ARMED", "A_MOB"):
        kept = sm.drop_non_events([_group(frozenset({"A_KILL", agent}))], scores)
        assert len(kept) == 1, agent


def test_the_none_gate_keeps_security_forces_shooting_killing_or_wounding(monkeypatch):
    # "officers stormed a trader's house in Kolo and wounded him with a bullet" may read like a police
    # report to the bank: state forces using lethal or injurious force is political violence
    # (ACLED codebook); forces alone, or a harm with no force acting, are still judged
    monkeypatch.setattr(sm, "NONE_MIN_P", 0.85)
    scores = sm.SentenceScores(labels=("Grenade", "none"), by_start={0: [0.05, 0.95]})
    for harm in ("W_GUN", "A_KILL", "A_INJURE"):
        kept = sm.drop_non_events([_group(frozenset({"AGENT_SECURITY", harm}))], scores)
        assert len(kept) == 1, harm
    assert sm.drop_non_events([_group(frozenset({"AGENT_SECURITY", "A_ARREST"}))], scores) == []
    assert sm.drop_non_events([_group(frozenset({"P_SECURITY", "A_KILL"}))], scores) == []


@pytest.mark.parametrize(
    "text",
    [
        "Un minibus s'est renversé lundi près de Kolo, faisant sept morts.",
        "A gas cylinder exploded in a bakery in Tazor on Friday, injuring three workers.",
        "A man killed his cousin during a domestic quarrel in Kerou, police said.",
        "Un homme a tué son oncle lors d'une dispute sur un héritage à Kolo.",
    ],
)
def test_accidents_and_private_quarrels_are_no_events(text):
    # codebook: ACLED records political violence, not accidents nor violence within a family
    scores = sm.SentenceScores(labels=("Grenade", "none"), by_start={})
    assert sm.drop_non_events([_group(frozenset({"A_KILL"}), text)], scores) == []


def test_an_accident_phrase_beside_armed_men_or_a_real_attack_stays_an_event():
    scores = sm.SentenceScores(labels=("Grenade", "none"), by_start={})
    armed = _group(frozenset({"A_KILL", "AGENT_ARMED"}), "Gunmen ambushed a bus after it overturned near Kolo.")
    attack = _group(frozenset({"A_KILL"}), "Militants attacked a convoy near Kolo on Monday, killing five soldiers.")
    police = _group(frozenset({"A_KILL", "P_SECURITY", "W_GUN"}), "A policeman accidentally shot a boy in Kolo.")
    protest = _group(frozenset({"A_PROTEST"}), "Residents protested in Kolo after a lorry overturned.")
    assert len(sm.drop_non_events([armed, attack, police, protest], scores)) == 4


def test_sentences_are_encoded_only_when_a_stage_asks_for_their_scores(monkeypatch):
    # the encoder is the costliest stage: a sentence whose scores no stage reads is never encoded,
    # and the sentences asked for together are encoded in one batch
    import numpy as np
    import spacy

    from eventwire.nlp import encoder

    batches: list[list[str]] = []

    def fake_encode(texts):
        batches.append(list(texts))
        return np.zeros((len(texts), 3), dtype=np.float32)

    monkeypatch.setattr(encoder, "encode", fake_encode)
    model = sm.SubtypeModel(
        labels=("Grenade", "none"),
        vocab=(),
        mean=np.zeros(3),
        scale=np.ones(3),
        weights=np.zeros((3, 2)),
        bias=np.array([0.0, 1.0]),
    )
    text = "Gunmen attacked Kolo. A grenade hit a bar in Tazor. Police   came."
    doc = spacy.blank("en")(text)
    sentences = [(0, 21, text[0:21]), (22, 51, text[22:51]), (52, 66, text[52:66])]
    scores = sm.score_document(doc, sentences, "en", model=model)
    assert batches == [] and scores.covers(52) and not scores.covers(5)
    scores.require([52, 22, 7])
    assert batches == [["A grenade hit a bar in Tazor.", "Police came."]]  # text order, blanks joined
    row = scores.get([22])
    assert row is not None and row[1] > row[0]
    assert scores.get([0]) is not None and batches[-1] == ["Gunmen attacked Kolo."]
    assert len(batches) == 2 and scores.get([52, 22]) is not None and len(batches) == 2


def _grenade_gate(monkeypatch) -> tuple[list[list[str]], sm.SubtypeModel]:
    """Return the batches the encoder is given (recorded) and a two-label model under which an
    invented sentence naming a grenade reads as one and any other as no event."""
    import numpy as np

    from eventwire.nlp import encoder

    batches: list[list[str]] = []

    def fake_encode(texts):
        batches.append(list(texts))
        return np.array([[1.0, 0.0] if "grenade" in t else [0.0, 1.0] for t in texts], dtype=np.float32)

    monkeypatch.setattr(encoder, "encode", fake_encode)
    monkeypatch.setattr(sm, "NONE_MIN_P", 0.85)
    model = sm.SubtypeModel(
        labels=("Grenade", "none"),
        vocab=(),
        mean=np.zeros(2),
        scale=np.ones(2),
        weights=np.array([[10.0, 0.0], [0.0, 10.0]]),
        bias=np.zeros(2),
    )
    return batches, model


def test_the_none_gate_encodes_a_group_s_other_sentences_only_when_its_first_reads_none(monkeypatch):
    # a group is dropped only when every sentence reads "none": one whose first sentence tells an
    # event is kept without its other sentences encoded, and the decisions stay those of scoring
    # every sentence
    import spacy

    batches, model = _grenade_gate(monkeypatch)
    text = "A grenade hit a bar in Tazor. The bar stayed shut. A wedding was held in Kolo. Guests danced."
    doc = spacy.blank("en")(text)
    parts = ["A grenade hit a bar in Tazor.", "The bar stayed shut.", "A wedding was held in Kolo.", "Guests danced."]
    starts = [text.index(p) for p in parts]
    sentences = [(s, s + len(p), p) for s, p in zip(starts, parts)]
    scores = sm.score_document(doc, sentences, "en", model=model)

    def group(*sentence_starts: int):
        from types import SimpleNamespace

        mentions = tuple(
            SimpleNamespace(
                sub_event_type="Grenade",
                modality="asserted",
                sentence=SimpleNamespace(start=s, text=text),
                cue_classes=frozenset({"A_KILL"}),
            )
            for s in sentence_starts
        )
        return SimpleNamespace(mentions=mentions, context=False)

    event, no_event = group(starts[0], starts[1]), group(starts[2], starts[3])
    assert sm.drop_non_events([event, no_event], scores) == [event]
    assert batches == [["A grenade hit a bar in Tazor.", "A wedding was held in Kolo."], ["Guests danced."]]


def test_several_documents_gates_are_encoded_in_one_call_with_the_same_decisions(monkeypatch):
    # the encoder streams its weights once a call: a batch of documents encodes the first
    # sentence each document's none gate judges together, and every decision stays the one the
    # document gets alone
    import spacy

    batches, model = _grenade_gate(monkeypatch)

    def document(text: str):
        from types import SimpleNamespace

        doc = spacy.blank("en")(text)
        scores = sm.score_document(doc, [(0, len(text), text)], "en", model=model)
        mention = SimpleNamespace(
            sub_event_type="Grenade",
            modality="asserted",
            sentence=SimpleNamespace(start=0, text=text),
            cue_classes=frozenset({"A_KILL"}),
        )
        return [SimpleNamespace(mentions=(mention,), context=False)], scores

    first, second = document("A grenade hit a shop in Tazor."), document("A fair was held in Kolo.")
    judged = [(sm.gate_sentences(groups, scores), scores) for groups, scores in (first, second)]
    sm.require_together([(scores, sm.first_to_judge(gates)) for gates, scores in judged])
    assert batches == [["A grenade hit a shop in Tazor.", "A fair was held in Kolo."]]
    assert sm.drop_non_events(*first) == first[0] and sm.drop_non_events(*second) == []
    assert len(batches) == 1  # the gates read what the batch scored


def test_cache_dir_follows_the_setting_and_home(monkeypatch, tmp_path) -> None:
    """The cache dir is worked out once per value of EVENTWIRE_CACHE and HOME, and follows both."""
    from eventwire.extract.subtype_model import cache_dir

    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "a"))
    assert cache_dir() == tmp_path / "a"
    assert cache_dir() is cache_dir()
    monkeypatch.setenv("EVENTWIRE_CACHE", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "eventwire"
    monkeypatch.delenv("EVENTWIRE_CACHE")
    assert cache_dir() == tmp_path / "home" / ".cache" / "eventwire"
