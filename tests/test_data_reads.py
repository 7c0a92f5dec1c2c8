"""Domain knowledge is read from its data files once per process, never once per document: a
YAML file parsed again for each casualty phrase made the pipeline's own stages cost half again
as much (issue 16, throughput). Invented dispatches; counts parses, times nothing."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from eventwire.pipeline import extract_events
from tests.factories import make_document

TEXTS = (
    (
        "fr",
        (
            "Des hommes armés ont attaqué mardi le village de Kerou, dans la région de Tamba, tuant douze "
            "civils, selon des sources locales. Personne n'a été tué dans le second village, a dit un élu. "
            "L'armée a indiqué que huit assaillants avaient été « neutralisés » lors de la riposte."
        ),
    ),
    (
        "en",
        (
            "Gunmen killed five herders in Kerou on Monday, officials said. No one was killed in the "
            "neighbouring village, and it was unclear whether anyone was hurt. In another attack, "
            "militants ambushed a patrol near Tamba on Tuesday, killing 14 soldiers."
        ),
    ),
)


def _run_all(village: str) -> None:
    # another village each pass: a text seen before may be answered from a cache
    for i, (lang, text) in enumerate(TEXTS):
        text = text.replace("Kerou", village)
        extract_events(make_document(text, doc_id=f"reads-{village}-{i}", lang=lang, published=date(2024, 3, 6)))


def test_no_data_file_is_parsed_again_for_a_later_document(monkeypatch: pytest.MonkeyPatch) -> None:
    # the first pass loads what it needs; an unknown village in both passes, so that a lookup
    # only an unknown name makes (e.g. its spelling variants) is not first met in the second one
    _run_all("Zorbatu")
    assert _parsed_while(lambda: _run_all("Sobera"), monkeypatch) == []


# Invented dispatches whose stages read data files the two one-line warm-up texts never need: a
# toll revised upward, an ordinal victim, a day before, a night, a government's tenure.
LATE_TEXTS = (
    (
        "fr",
        (
            "Le bilan de l'attaque de Kerou s'est alourdi à quinze morts, a annoncé jeudi le "
            "gouvernement, après le décès d'une troisième victime. La veille, dans la nuit de mardi à "
            "mercredi, des hommes armés avaient incendié le marché de Tamba, selon des sources locales."
        ),
    ),
    (
        "en",
        (
            "The death toll from Monday's attack on Kerou rose to 15 after a third victim died, the "
            "government said on Thursday. The day before, gunmen had torched the market in Tamba "
            "overnight into Wednesday, suspected rebels were blamed, and the previous toll was 12."
        ),
    ),
)


def _loaders() -> list:
    """The cached loaders `preload.load_data_files` calls (cleared to start each test afresh)."""
    from eventwire.geoparse.vocab import words_set
    from eventwire.normalize import tolls
    from eventwire.normalize.actors import load_agent_cues
    from eventwire.normalize.tenures import load_government_tenures
    from eventwire.normalize.victim_phrases import _ordinal_after, _ordinals
    from eventwire.resolve.structure import load_day_words

    return [
        words_set,
        tolls._word_pattern,
        tolls._cause_before,
        load_agent_cues,
        load_government_tenures,
        _ordinal_after,
        _ordinals,
        load_day_words,
    ]


def _parsed_while(run, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = yaml.safe_load

    def counting(stream: object) -> object:
        parsed.append(getattr(stream, "name", "<text>"))
        return real(stream)  # type: ignore[arg-type]

    monkeypatch.setattr(yaml, "safe_load", counting)
    run()
    monkeypatch.setattr(yaml, "safe_load", real)
    return parsed


def _code_late_texts() -> None:
    for i, (lang, text) in enumerate(LATE_TEXTS):
        extract_events(make_document(text, doc_id=f"late-{i}", lang=lang, published=date(2024, 3, 7)))


def test_a_warmed_up_worker_parses_no_data_file_on_its_first_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    # issue 16: what a worker's first real documents read on first use is read in its warm-up
    # (`freeze_loaded_objects` calls `load_data_files`), not while it codes them
    from eventwire.preload import load_data_files

    _run_all("Zorbatu")  # the common paths, as the warm-up texts take them
    for loader in _loaders():
        loader.cache_clear()
    assert _parsed_while(load_data_files, monkeypatch)  # it does read them
    assert _parsed_while(_code_late_texts, monkeypatch) == []


def test_the_late_texts_read_data_files_on_first_use_without_the_preload(monkeypatch: pytest.MonkeyPatch) -> None:
    # the test above checks something: without the preload, these texts read files
    _run_all("Zorbatu")
    for loader in _loaders():
        loader.cache_clear()
    assert _parsed_while(_code_late_texts, monkeypatch)


def test_freezing_a_warmed_up_worker_loads_the_data_files(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from eventwire import pipeline

    calls: list[str] = []
    monkeypatch.setattr(pipeline, "load_data_files", lambda: calls.append("loaded"))
    monkeypatch.setattr(gc, "freeze", lambda: None)  # the test process stays as it is
    pipeline.freeze_loaded_objects()
    assert calls == ["loaded"]
