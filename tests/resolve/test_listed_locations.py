"""Two events placed at two names of one sentence are two locations (resolve.listed_locations),
so the merge of one incident's accounts (resolve.same_incident) leaves a split list apart."""

from __future__ import annotations

from eventwire.models import Provenance, Report
from eventwire.resolve.listed_locations import listed_together
from tests.factories import make_document, make_event, quote

TEXT = (
    "Gunmen attacked a new post near the village of Tazor and another post in the town of Bera on Sunday. "
    "In Kolo, shops were looted."
)


def _event(document, name: str, sentence: str, ordinal: int, method: str = "gazetteer"):
    start = document.text.index(name)
    report = Report(document.id, document.url, document.outlet, None, "reported", (quote(document, sentence),), 0)
    return make_event(
        document,
        ordinal,
        location=name,
        reports=(report,),
        provenance={"location": Provenance(method, document.id, name, start, start + len(name))},
    )


def test_two_names_of_one_sentence_are_listed_together():
    doc = make_document(TEXT, lang="en")
    first = TEXT.split(". ")[0]
    tazor = _event(doc, "Tazor", first, 0, "nearest_known_place")
    bera = _event(doc, "Bera", first, 1)
    assert listed_together(tazor, bera) and listed_together(bera, tazor)


def test_names_of_two_sentences_or_one_name_are_not():
    doc = make_document(TEXT, lang="en")
    first, second = TEXT.split(". ")
    bera = _event(doc, "Bera", first, 0)
    kolo = _event(doc, "Kolo", second, 1)
    assert not listed_together(bera, kolo)
    assert not listed_together(bera, _event(doc, "Bera", first, 2))
    other = make_document(TEXT, lang="en", doc_id="doc-b")
    assert not listed_together(bera, _event(other, "Tazor", first, 0))
