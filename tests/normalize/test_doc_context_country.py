"""The main country of a document whose places give none (normalize.doc_context), on invented
sentences: a town named in passing settles which country of its actors' the story is in."""

from __future__ import annotations

from datetime import date

from eventwire.normalize.doc_context import document_context
from tests.factories import make_document


def _main(text: str, gazetteer) -> tuple[str | None, list[tuple[str, str]]]:
    document = make_document(text, doc_id=f"ctx-{abs(hash(text))}", lang="en", published=date(2024, 3, 6))
    ctx = document_context(document, [], [], doc=None)
    return ctx.main_country, [(p.span.text, p.place.iso) for p in ctx.places if p.place is not None]


def test_a_town_named_in_passing_picks_the_country_of_a_group_active_in_several(gazetteer):
    # the group fights in four countries (data/actors.tsv): the university's town says which
    main, places = _main("Boko Haram fighters stormed Ngaoundere University and killed two students.", gazetteer)
    assert main == "Cameroon"
    assert places == [("Ngaoundere", "CM")]


def test_a_town_named_in_passing_abroad_does_not_outweigh_the_actors(gazetteer):
    # a group of one country: a town of another named in passing is no evidence against it
    main, _ = _main("Katiba Macina militants stormed Ngaoundere University and killed two students.", gazetteer)
    assert main == "Mali"
