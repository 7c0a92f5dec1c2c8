"""Print sub-event typing scores on one-sentence snippets: the pipeline, and the classifier alone.

The snippets (benchmarks/snippets.yaml, invented, never in the classifier's bank) hold every
ACLED sub-event type and sentences that report no ACLED event. Two figures per extractor:
weighted F1 over the ACLED sub-types (support-weighted per-label F1, a snippet left without an
event counting as a miss of its label) and the share of no-event snippets left without an event.

Usage: .venv/bin/python benchmarks/snippet_eval.py [--errors]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

from eventwire.extract.subtype_model import NONE_LABEL, load_examples, load_model, sentence_cues

SNIPPETS = Path(__file__).with_name("snippets.yaml")
PUBLISHED = date(2024, 3, 15)


def weighted_f1(gold: list[str], predicted: list[str]) -> float:
    """Return the support-weighted F1 over the labels of `gold` other than "none"."""
    support = Counter(g for g in gold if g != NONE_LABEL)
    total = sum(support.values())
    score = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if p == label and g != label)
        fn = n - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        score += f1 * n / total
    return score


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    events = [(g, p) for g, p in zip(gold, predicted) if g != NONE_LABEL]
    nones = [p for g, p in zip(gold, predicted) if g == NONE_LABEL]
    return {
        "weighted_f1": round(100 * weighted_f1([g for g, _ in events], [p for _, p in events]), 1),
        "event_snippets_typed_right": f"{sum(g == p for g, p in events)}/{len(events)}",
        "none_left_without_event": round(sum(p == NONE_LABEL for p in nones) / max(1, len(nones)), 3),
    }


def pipeline_labels(examples) -> list[str]:
    from eventwire.ingest.text import read_text_document
    from eventwire.pipeline import extract_events

    out = []
    for e in examples:
        document = read_text_document(e.text, origin="snippet", published=PUBLISHED, lang=e.lang)
        events = extract_events(document).events
        out.append(events[0].sub_event_type if events else NONE_LABEL)
    return out


def classifier_labels(examples) -> list[str]:
    from eventwire.nlp.encoder import load_encoder
    from eventwire.nlp.pipelines import load_pipeline

    model = load_model()
    cues = []
    for e in examples:
        doc = load_pipeline(e.lang)(e.text)
        cues.append(sentence_cues(doc, 0, len(doc), e.lang))
    probs = model.probabilities(np.asarray(load_encoder().encode([e.text for e in examples])), cues)
    return [model.labels[i] for i in probs.argmax(axis=1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="also list the wrong snippets")
    parser.add_argument("--classifier-only", action="store_true", help="skip the full pipeline")
    args = parser.parse_args()
    examples = load_examples([SNIPPETS])
    gold = [e.label for e in examples]
    runs = {"classifier": classifier_labels(examples)}
    if not args.classifier_only:
        runs["pipeline"] = pipeline_labels(examples)
    report = {name: scores(gold, labels) for name, labels in runs.items()}
    if args.errors:
        report["errors"] = {
            name: [f"{e.label} -> {p}: {e.text}" for e, p in zip(examples, labels) if p != e.label]
            for name, labels in runs.items()
        }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
