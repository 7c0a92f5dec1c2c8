"""National institutions named after their country as evidence of a document's country
(normalize.national_institutions), on invented sentences."""

from __future__ import annotations

from eventwire.normalize.doc_country import other_evidence
from eventwire.normalize.national_institutions import W_NATIONAL_INSTITUTION, national_institution_evidence


def test_a_body_named_after_its_country_places_the_story_there(gazetteer):
    text = "On 6 May, a Kenya Forest Service ranger was wounded by settlers near a river."
    assert national_institution_evidence(text, gazetteer=gazetteer) == {("Kenya", "KE"): W_NATIONAL_INSTITUTION}
    assert ("Kenya", "KE") in other_evidence(text, [], lang="en", gazetteer=gazetteer)


def test_a_country_before_a_word_of_no_institution_is_no_body(gazetteer):
    # "Mali Friday": a country before a word of no public body; no country before "Tamba"
    assert not national_institution_evidence("Mali Friday talks on grazing failed.", gazetteer=gazetteer)
    assert not national_institution_evidence("Herders from Tamba attacked Zorbatouk.", gazetteer=gazetteer)


def test_a_body_counts_once_and_not_inside_an_actor_already_counted(gazetteer):
    text = "The Uganda Wildlife Authority said the Uganda Wildlife Authority rangers were attacked."
    assert national_institution_evidence(text, gazetteer=gazetteer) == {("Uganda", "UG"): W_NATIONAL_INSTITUTION}
    assert not national_institution_evidence(text, gazetteer=gazetteer, taken=[(0, len(text))])
