"""Tests for eventwire.normalize.tolls: how one sentence's death figures combine (invented)."""

from eventwire.normalize.casualties import count_casualties


def test_count_casualties_adds_the_sides_of_one_sentence():
    got = count_casualties("L'assaut a fait 9 morts côté armée et 4 tués parmi les assaillants.", lang="fr")
    assert got.fatalities == 13
    got = count_casualties("Eight guards were killed and three raiders were also killed.", lang="en")
    assert got.fatalities == 11 and got.parts == (8, 3)


def test_count_casualties_keeps_revised_tolls_apart():
    assert count_casualties("L'attaque a fait 9 morts, voire 14 selon des habitants.", lang="fr").fatalities == 9
    assert count_casualties("Eight were killed: five guards and three drivers.", lang="en").fatalities == 8
    assert count_casualties("Six people were killed, up to nine according to residents.", lang="en").fatalities == 6


def test_count_casualties_does_not_add_across_sentences():
    text = "Le raid a fait 9 morts. Selon une autre source, 11 personnes ont été tuées."
    assert count_casualties(text, lang="fr").fatalities == 9


def test_count_casualties_neutralized_counts_only_with_a_number():
    assert count_casualties("L'armée a neutralisé 14 assaillants.", lang="fr").fatalities == 14
    assert count_casualties("Six insurgents were neutralised by troops.", lang="en").fatalities == 6
    assert count_casualties("Un engin explosif a été neutralisé près du pont.", lang="fr").fatalities == 0
    assert count_casualties("A roadside bomb was neutralised.", lang="en").fatalities == 0


def test_count_casualties_counts_attackers_who_killed_themselves():
    text = "Les trois assaillants ont déclenché leurs ceintures, se tuant sur le coup."
    assert count_casualties(text, lang="fr").fatalities == 3
    assert count_casualties("Two raiders set off their vests, killing themselves.", lang="en").fatalities == 2


def test_count_casualties_counts_one_for_a_death_told_in_the_singular():
    got = count_casualties("Le vieux chef du village voisin a été tué près du puits.", lang="fr")
    assert (got.fatalities, got.method) == (1, "singular_death")
    got = count_casualties("A retired customs officer from the valley was killed at his farm.", lang="en")
    assert (got.fatalities, got.method) == (1, "singular_death")
    # plural with no number keeps ACLED's default of 3
    assert count_casualties("Des bergers ont été tués près du puits.", lang="fr").fatalities == 3


def test_count_casualties_leaves_out_a_death_that_caused_the_event():
    text = "Des lycéens ont manifesté contre la mort d'un camarade de classe."
    assert count_casualties(text, lang="fr").fatalities == 0
    assert count_casualties("Traders protested over the killing of a vendor.", lang="en").fatalities == 0
    assert count_casualties("Gunmen raided the market, killing a vendor.", lang="en").fatalities == 1


def test_count_casualties_reads_no_reports_of_casualties_as_none():
    got = count_casualties("The depot burned overnight, with no reports of casualties.", lang="en")
    assert (got.fatalities, got.method) == (0, "no_casualties_phrase")


def test_count_casualties_reads_no_death_in_set_phrases():
    assert count_casualties("L'opposant a été condamné à mort par contumace.", lang="fr").fatalities == 0
    assert count_casualties("The mayor has received death threats since May.", lang="en").fatalities == 0


def test_count_casualties_counts_one_for_a_singular_death_noun():
    got = count_casualties("La mort du maire adjoint a été confirmée hier soir.", lang="fr")
    assert (got.fatalities, got.method) == (1, "singular_death")


def test_count_casualties_reads_a_negated_or_unknown_death_as_none():
    got = count_casualties("Nobody died when the shell hit the depot.", lang="en")
    assert (got.fatalities, got.method) == (0, "no_casualties_phrase")
    assert count_casualties("It was unclear whether anyone was killed at the depot.", lang="en").fatalities == 0
    assert count_casualties("The shelling damaged a barn but killed no one.", lang="en").fatalities == 0
    assert count_casualties("On ignore si des bergers ont été tués près du puits.", lang="fr").fatalities == 0
    # a number stands: "no fewer than" is no negation of the deaths
    assert count_casualties("No fewer than 14 herders were killed.", lang="en").fatalities == 14
    assert count_casualties("Des bergers ont été tués près du puits.", lang="fr").fatalities == 3
