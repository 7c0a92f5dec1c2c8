"""Shared helper for the extraction tests: incident mentions of a hand-written text."""

from __future__ import annotations

import pytest

from eventwire.extract.incidents import find_incident_mentions
from eventwire.extract.lexicon import load_modality_lexicon, load_taxonomy, load_trigger_lexicon
from eventwire.nlp.pipelines import load_pipeline


def find_mentions(text: str, lang: str):
    """Return the incident mentions of `text` with the real model and lexicons of `lang`."""
    return find_incident_mentions(
        load_pipeline(lang)(text),
        lang=lang,
        triggers=load_trigger_lexicon(lang),
        modality=load_modality_lexicon(lang),
        taxonomy=load_taxonomy(),
    )


@pytest.fixture(scope="module")
def find_fr():
    return lambda text: find_mentions(text, "fr")


@pytest.fixture(scope="module")
def find_en():
    return lambda text: find_mentions(text, "en")


def event_sub_types(text: str, lang: str) -> list[str]:
    """Return the sub-types of the incident mentions of `text` that may become events (asserted,
    claimed or alleged), in text order."""
    from eventwire.models import EVENT_MODALITIES

    return [m.trigger.sub_event_type for m in find_mentions(text, lang) if m.modality in EVENT_MODALITIES]


# An invented incident that opens a text, so that the probed sentence after it is part of a
# narration (the sentences that tell no incident are probed this way).
LEAD_EN = "Gunmen killed five villagers in Kerou on Monday, officials said. "
LEAD_FR = "Des hommes armés ont tué cinq villageois à Kerou lundi, selon des sources locales. "


def probed(find_en, find_fr, lang: str, sentence: str) -> list[tuple[str, str]]:
    """Return (trigger, modality) of each incident mention of `sentence` told after the lead."""
    text = (LEAD_EN if lang == "en" else LEAD_FR) + sentence
    found = (find_en if lang == "en" else find_fr)(text)
    return [(m.trigger.span.text, m.modality) for m in found if m.sentence.start >= len(text) - len(sentence)]
