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
    parsed: list[str] = []
    real = yaml.safe_load

    def counting(stream: object) -> object:
        parsed.append(getattr(stream, "name", "<text>"))
        return real(stream)  # type: ignore[arg-type]

    monkeypatch.setattr(yaml, "safe_load", counting)
    _run_all("Sobera")
    assert parsed == []
