"""How many victims an unnumbered death phrase counts, from the grammar of its victims
(eventwire.normalize.victim_number, data/victim_number.yaml). Sentences are invented."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.normalize import victim_number
from eventwire.normalize.casualties import count_casualties


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a singular passive, adverbs and a first verb between
        ("en", "A farmer was allegedly hacked to death near Kolo.", 1),
        ("en", "A shopkeeper was shot and killed outside Bama.", 1),
        ("en", "The suspect was then killed by police.", 1),
        # a singular object, a pronoun, two objects joined by "and"
        ("en", "Police shot dead the suspect near the market.", 1),
        ("en", "Gunmen killed him outside his home.", 1),
        ("en", "Raiders shot and killed the treasurer of the district council.", 1),
        ("en", "Gunmen killed the chief and his driver on the road.", 2),
        ("fr", "Des jihadistes ont tué le chef du village.", 1),
        ("fr", "Des assaillants ont tué l'imam de la mosquée de Kolo.", 1),
        # two singular subjects joined by "and", an apposition between
        ("en", "A trader and his son were killed by unidentified assailants.", 2),
        ("en", "A herder and his brother, a teacher, were killed in a raid.", 2),
        # the subject of a verb of dying, of a reduced passive
        ("en", "The nurse died.", 1),
        ("en", "A herder shot dead by gunmen was buried on Monday.", 1),
        ("en", "The guard killed in the raid was buried on Monday.", 1),
        # plurals keep ACLED's default of 3
        ("en", "Gunmen killed villagers in the attack.", 3),
        ("en", "The attackers died.", 3),
        ("en", "Villagers lynched and burned three alleged thieves.", 3),
        ("en", "Soldiers were killed the same day.", 3),
        ("fr", "Des hommes armés ont tué des civils dans le village.", 3),
        ("fr", "L'attaque a fait plusieurs morts.", 3),
    ],
)
def test_count_casualties_counts_unnumbered_victims_by_their_grammar(lang, text, expected):
    assert count_casualties(text, lang=lang).fatalities == expected


def test_count_casualties_reads_no_victim_in_the_complement_of_a_toll_noun():
    text = "D'après le préfet, le bilan de l'embuscade s'élève à neuf morts et 10 blessés."
    assert count_casualties(text, lang="fr").fatalities == 9


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the number after "by"/"par" counts the attackers
        ("en", "A herder was shot dead by four armed men.", 1),
        # a number after "and" is another outcome's
        ("en", "The brawl left one herder killed and two wounded.", 1),
        # "shot dead", the present and a participle take their number after them too
        ("en", "Police shot dead two suspected robbers.", 2),
        ("en", "Gunmen kill 12 villagers in a northern town.", 12),
        ("fr", "Des hommes armés ont encerclé le village et tué trois bergers.", 3),
        ("fr", "Un berger tué par des hommes armés a été enterré lundi.", 1),
        # an intent is no death; the article of a vague quantity no count
        ("en", "The chief said the youths had threatened to kill a neighbour.", 0),
        ("en", "Jets struck a camp, killing an unknown number of fighters.", 3),
        # a death that is background to the event: the victim's own earlier act
        ("en", "Villagers beat a trader who had allegedly killed his uncle.", 0),
        ("en", "A mob lynched a man suspected of killing two children.", 1),
        ("en", "The clash resulted in one fatality.", 1),
        # a death that did not happen, one under investigation, an act done before the event's
        ("en", "A guard was nearly killed when the convoy was hit.", 0),
        ("en", "Detectives began a probe into the killing of a trader.", 0),
        ("fr", "Un garde a failli être tué dans l'embuscade de Kolo.", 0),
        ("fr", "Après avoir tué deux gardes, les assaillants ont fui vers Bama.", 2),
        ("en", "The depot burned; officials gave no reports of deaths or injuries.", 0),
    ],
)
def test_count_casualties_reads_who_the_number_counts(lang, text, expected):
    assert count_casualties(text, lang=lang).fatalities == expected


def test_victim_words_rejects_a_section_missing_a_key(tmp_path, monkeypatch):
    bad = tmp_path / "victim_number.yaml"
    bad.write_text("en:\n  singular_auxiliaries: [was]\n", encoding="utf-8")
    monkeypatch.setattr(victim_number, "data_path", lambda name: bad)
    victim_number.victim_words.cache_clear()
    try:
        with pytest.raises(DataFileError, match="must map exactly the keys"):
            victim_number.victim_words("en")
    finally:
        victim_number.victim_words.cache_clear()
