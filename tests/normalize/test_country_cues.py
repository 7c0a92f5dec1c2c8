"""Words of one country's institutions or daily life as weak evidence of a document's country
(normalize.country_cues, data/country_cues.yaml), on invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import DataFileError
from eventwire.normalize.country_cues import W_CUE, cue_evidence, parse_country_cues
from eventwire.normalize.doc_context import document_context
from eventwire.pipeline import extract_events
from tests.factories import make_document


def _cues(text: str, gazetteer, lang: str = "en", taken=()) -> dict[str, float]:
    return {iso: round(w, 3) for (_, iso), w in cue_evidence(text, lang=lang, gazetteer=gazetteer, taken=taken).items()}


def _main(text: str, lang: str = "en") -> str | None:
    # the document's places are the geoparser's in the pipeline: none here, the evidence is the words
    document = make_document(text, doc_id=f"cues-{abs(hash(text))}", lang=lang, published=date(2024, 3, 6))
    return document_context(document, [], [], doc=None).main_iso


def _countries(text: str) -> set[str | None]:
    document = make_document(text, doc_id=f"cues-{abs(hash(text))}", lang="en", published=date(2024, 3, 6))
    return {e.country for e in extract_events(document).events}


def test_a_cue_of_one_country_weighs_for_it(gazetteer):
    assert _cues("Unknown gunmen shot dead an MCA at his home on Monday.", gazetteer) == {"KE": W_CUE}
    assert _cues("Le préfet du cercle a confirmé l'attaque de mardi.", gazetteer, lang="fr") == {"ML": W_CUE}


def test_a_cue_shared_by_neighbours_is_shared_with_its_home_ahead(gazetteer):
    found = _cues("Two boda-boda riders were robbed at night.", gazetteer)
    assert set(found) == {"KE", "UG", "TZ"}
    assert found["KE"] > found["UG"] == found["TZ"]
    assert sum(found.values()) == pytest.approx(W_CUE, abs=0.01)


def test_a_cue_counts_once_and_an_acronym_keeps_its_case(gazetteer):
    assert _cues("Matatus were torched; a matatu driver fled.", gazetteer) == {"KE": W_CUE}
    assert _cues("The mca of the club resigned.", gazetteer) == {}  # no acronym in lower case


def test_a_cue_inside_a_span_already_counted_is_skipped(gazetteer):
    text = "Residents of Tamba Panga Estate marched."
    start = text.index("Tamba")
    assert _cues(text, gazetteer, taken=[(start, start + len("Tamba Panga Estate"))]) == {}


def test_a_cue_names_the_country_of_a_story_with_an_unknown_village_only():
    # no place the gazetteer knows, no actor of a country: the words say Kenya, Mali
    assert _main("Unknown gunmen shot dead an MCA in Ndalowe village on Monday night.") == "KE"
    assert _main("A boda boda rider was beaten by a crowd at Ndalowe market on Sunday; the OCPD confirmed it.") == "KE"
    assert _main("Des hommes armés ont tué deux bergers à Ndalowe, selon le préfet du cercle.", lang="fr") == "ML"


def test_a_cue_does_not_outweigh_a_country_named():
    assert _countries("A boda boda rider was shot dead in Nigeria on Sunday, police said.") == {"Nigeria"}
    assert _countries("A boda boda rider was shot dead in Ndalowe village on Sunday, police said.") == {"Kenya"}


def test_parse_country_cues_rejects_a_bad_country(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("en:\n  matatu: [KE]\n  boda boda: [Kenya]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"c.yaml:3: boda boda"):
        parse_country_cues(path)


def test_a_national_institution_named_after_no_place_gives_its_country():
    # a university named after a person: the name alone places the story (data/named_institutions.yaml)
    assert _main("On 3 May, Moi University students stoned cars in protest over fees.") == "KE"
    assert _main("Des employés de l'hôpital Gabriel Touré ont observé un sit-in.", lang="fr") == "ML"


def test_a_foreign_forces_operation_names_the_countries_it_serves_in(gazetteer):
    # a codebook-like fact: France's Sahel operation served in Mali and its neighbours, most in Mali;
    # the foreign force's name (an actor abroad) still says nothing of France
    from eventwire.normalize.doc_country import other_evidence

    counts = other_evidence(
        "A Barkhane patrol was hit by a mine east of Zorbatouk.", [], lang="en", gazetteer=gazetteer
    )
    assert counts.most_common(1)[0][0] == ("Mali", "ML")
    assert ("France", "FR") not in counts
    assert _main("Unknown gunmen fired on a convoy near Zorbatouk.") is None
