"""Event structure by the codebook (issue 16), continued: sentence fragments, tallies and recaps,
one incident told twice. Invented articles through the whole pipeline."""

from __future__ import annotations

from datetime import date

from eventwire.nlp.pipelines import load_pipeline
from tests.resolve.conftest import evidence_texts as _evidence
from tests.resolve.conftest import pipeline_events as _events


def test_a_sentence_never_opens_on_a_comma_fr():
    text = "Des hommes armés ont tué au moins quinze personnes samedi.\nÀ Solenzo, les assaillants ont tué neuf civils."
    doc = load_pipeline("fr")(text)
    assert [s.text.strip() for s in doc.sents] == [
        "Des hommes armés ont tué au moins quinze personnes samedi.",
        "À Solenzo, les assaillants ont tué neuf civils.",
    ]


def test_a_fronted_place_stays_with_its_incident_fr():
    text = (
        "Des hommes armés ont tué au moins quinze personnes samedi lors d'attaques contre les villages "
        "de Solenzo et Tougan, dans l'ouest du Burkina Faso.\n"
        "À Solenzo, les assaillants ont tué neuf civils et incendié le marché. "
        "À Tougan, six volontaires pour la défense de la patrie ont été tués."
    )
    events = _events(text, "fr", date(2023, 3, 14))
    by_place = {e.location: e for e in events}
    assert sorted(by_place) == ["Solenzo", "Tougan"]
    assert any(t.startswith("À Solenzo, les assaillants") for t in _evidence(by_place["Solenzo"]))
    assert not any("neuf civils" in t for t in _evidence(by_place["Tougan"]))
