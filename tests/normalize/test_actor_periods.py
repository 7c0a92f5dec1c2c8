"""Tests for state-force periods, nationality + force nouns, and cross-border named groups
(issue 16, item 6): invented phrases, French and English."""

from datetime import date

import pytest

from eventwire.errors import DataFileError
from eventwire.models import Actor, Span
from eventwire.normalize.actors import (
    canonicalize_actor,
    find_actor_mentions,
    parse_actor_aliases,
    perpetrator_in_sentence,
)
from eventwire.normalize.nationality import parse_force_nouns
from eventwire.normalize.tenures import government_period, parse_government_tenures

HEADER = "name\tactor_type\tcountry\taliases\ttenure\n"


def names(text, lang, country, when=None):
    return [a.name for a in find_actor_mentions(text, lang=lang, country=country, when=when)]


def name_of(phrase, lang, country, when=None):
    actor = canonicalize_actor(phrase, lang=lang, country=country, when=when)
    return actor.name if actor else None


# --- the period of the government in office --------------------------------------------------


def test_government_period_covers_the_date():
    assert government_period("Ukraine", date(2018, 3, 1)) == "2014-2019"
    assert government_period("Ukraine", date(2020, 3, 1)) == "2019-"
    assert government_period("Ukraine", None) == "2019-"
    assert government_period("Atlantis", date(2020, 3, 1)) is None


@pytest.mark.parametrize(
    "phrase,lang,country,when,expected",
    [
        ("soldiers", "en", "Colombia", date(2020, 6, 1), "Military Forces of Colombia (2018-2022)"),
        ("les policiers", "fr", "Guinea", date(2022, 6, 1), "Police Forces of Guinea (2021-)"),
        ("the government", "en", "Bolivia", date(2020, 1, 5), "Government of Bolivia (2019-2020)"),
    ],
)
def test_generic_forces_take_the_period_of_the_date(phrase, lang, country, when, expected):
    assert name_of(phrase, lang, country, when) == expected


def test_parse_government_tenures_names_file_and_line(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("# c\ncountry\tstart\tperiod\nAtlantis\t2010-01-01\t2011-\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"t.tsv:3: period"):
        parse_government_tenures(path)
    path.write_text(
        "country\tstart\tperiod\nAtlantis\t2010-01-01\t2010-2012\nAtlantis\t2009-01-01\t2009-\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"t.tsv:3: .*time order"):
        parse_government_tenures(path)


# --- nationality + force noun --------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,country,expected",
    [
        (
            "Ukrainian forces shelled a village near the front.",
            "en",
            "Ukraine",
            "Military Forces of Ukraine (2019-)",
        ),
        (
            "Les forces ukrainiennes ont bombardé un village.",
            "fr",
            "Ukraine",
            "Military Forces of Ukraine (2019-)",
        ),
        (
            "Afghan National Police arrested two men.",
            "en",
            "Afghanistan",
            "Police Forces of Afghanistan (2014-2021)",
        ),
        (
            "The Somali government condemned the attack.",
            "en",
            "Somalia",
            "Government of Somalia (2017-2022)",
        ),
        (
            "Des soldats colombiens ont tué deux guérilleros.",
            "fr",
            "Colombia",
            "Military Forces of Colombia (2018-2022)",
        ),
    ],
)
def test_nationality_and_force_noun_name_that_country_forces(text, lang, country, expected):
    assert names(text, lang, country, date(2020, 5, 1))[0] == expected


def test_pro_and_backed_forces_are_not_that_country_forces():
    assert not any("Russia" in n for n in names("Pro-Russian forces fired at a post.", "en", "Ukraine"))
    assert not any("Russia" in n for n in names("Russian-backed forces fired at a post.", "en", "Ukraine"))


def test_parse_force_nouns_rejects_bad_order(tmp_path):
    path = tmp_path / "n.yaml"
    path.write_text("en:\n  order: sideways\n  military: [army]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"n.yaml:2: order"):
        parse_force_nouns(path)


# --- named groups: aliases, periods, countries -------------------------------------------------


def test_one_alias_names_a_group_then_the_state_it_became():
    assert name_of("Taliban fighters", "en", "Afghanistan", date(2019, 5, 1)) == "Taliban"
    assert name_of("Taliban fighters", "en", "Afghanistan", date(2022, 5, 1)) == (
        "Military Forces of Afghanistan (2021-)"
    )


def test_group_active_across_borders_is_local_in_each_country():
    for country in ("Kenya", "Somalia"):
        actor = canonicalize_actor("al-Shabaab", lang="en", country=country)
        assert (actor.name, actor.country) == ("Al Shabaab", country)


def test_a_dash_matches_a_space_in_aliases():
    assert name_of("Al Shabaab militants", "en", "Somalia") == "Al Shabaab"


@pytest.mark.parametrize(
    "phrase,lang,country,when,expected",
    [
        ("les paramilitaires des FSR", "fr", "Sudan", date(2024, 1, 5), "Rapid Support Forces"),
        (
            "RSF",
            "en",
            "Sudan",
            date(2021, 1, 5),
            "Military Forces of Sudan (2019-) Rapid Support Forces",
        ),
        (
            "Houthi rebels",
            "en",
            "Yemen",
            date(2024, 1, 5),
            "Military Forces of Yemen (2017-) Houthi",
        ),
        ("ISWAP", "en", "Chad", None, "Islamic State (West Africa)"),
        (
            "les rebelles du M23",
            "fr",
            "Democratic Republic of Congo",
            None,
            "M23: March 23 Movement",
        ),
    ],
)
def test_named_groups(phrase, lang, country, when, expected):
    assert name_of(phrase, lang, country, when) == expected


def test_parse_actor_aliases_rejects_empty_country_in_list(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text(HEADER + "Group X\trebel_group\tMali|\tgroup x\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"a.tsv:2: empty country"):
        parse_actor_aliases(path)


def test_parse_actor_aliases_allows_one_alias_for_two_actors_in_turn(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text(
        HEADER
        + "Group X\trebel_group\tMali\tthe movement\t2000-01-01..2010-06-01\n"
        + "Military Forces of Mali (2010-)\tstate_forces\tMali\tthe movement\t2010-06-01..\n",
        encoding="utf-8",
    )
    assert len(parse_actor_aliases(path).entries) == 2
    path.write_text(
        HEADER
        + "Group X\trebel_group\tMali\tthe movement\t2000..2012\n"
        + "Military Forces of Mali (2010-)\tstate_forces\tMali\tthe movement\t2010..\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="already names"):
        parse_actor_aliases(path)


# --- the perpetrator of a sentence without a parsed agent --------------------------------------


def _actors(text, country="Afghanistan"):
    return find_actor_mentions(text, lang="en", country=country, when=date(2020, 5, 1))


def _span(text, word):
    start = text.index(word)
    return Span(start, start + len(word), word)


def test_perpetrator_introduced_by_by():
    text = "Two policemen died during an assault carried out by Taliban militants near a checkpoint."
    got = perpetrator_in_sentence(
        text,
        _actors(text),
        lang="en",
        trigger=_span(text, "died"),
        patient=_span(text, "Two policemen"),
    )
    assert got.name == "Taliban"


def test_perpetrator_is_the_armed_actor_before_the_verb():
    text = "Al Shabaab militants shot dead a teacher in a village."
    got = perpetrator_in_sentence(text, _actors(text, "Somalia"), lang="en", trigger=_span(text, "shot"), patient=None)
    assert got.name == "Al Shabaab"


def test_no_perpetrator_among_victims_or_civilians():
    text = "Villagers found two soldiers dead near the road."
    acts = _actors(text, "Mali")
    assert (
        perpetrator_in_sentence(text, acts, lang="en", trigger=_span(text, "dead"), patient=_span(text, "two soldiers"))
        is None
    )
    assert isinstance(acts[0], Actor)


@pytest.mark.parametrize(
    "text,trigger,lang,country",
    [
        # the passive voice: the actor before the verb is the victim
        ("Four soldiers were killed near the border on Monday.", "killed", "en", "Mali"),
        ("Trois militaires ont été tués près de la frontière.", "tués", "fr", "Mali"),
        # an agent complement far from the incident word belongs to another clause
        (
            "The killings come as a policing mission, long planned and finally deployed, is led by Kenyan forces.",
            "killings",
            "en",
            "Haiti",
        ),
        # a reporting clause names who speaks, not who attacked
        ("Selon la police, une explosion a secoué le marché.", "explosion", "fr", "Mali"),
    ],
)
def test_no_perpetrator_from_passive_far_agent_or_reporting_clause(text, trigger, lang, country):
    acts = find_actor_mentions(text, lang=lang, country=country, when=date(2020, 5, 1))
    exclude = (_span(text, "Selon la police"),) if text.startswith("Selon") else ()
    assert (
        perpetrator_in_sentence(text, acts, lang=lang, trigger=_span(text, trigger), patient=None, exclude=exclude)
        is None
    )


def test_compound_adjective_is_not_the_group():
    assert names("Al Qaeda-linked fighters attacked a base.", "en", "Somalia") == []
    assert names("Syrian government air strikes hit a market.", "en", "Syria")[0].startswith("Military Forces")


def test_perpetrator_by_with_adjectives():
    text = "A raid staged by the radical Islamist Boko Haram left three villagers dead."
    acts = find_actor_mentions(text, lang="en", country="Nigeria", when=date(2020, 5, 1))
    got = perpetrator_in_sentence(text, acts, lang="en", trigger=_span(text, "raid"), patient=None)
    assert got.name.startswith("Boko Haram")


def test_common_noun_alias_names_an_actor_only_in_its_country(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text(
        HEADER + "Police Forces of Mali (2021-) Gendarmerie\tstate_forces\tMali\t~gendarmes|gendarmerie malienne\t\n",
        encoding="utf-8",
    )
    table = parse_actor_aliases(path)
    mali = canonicalize_actor("les gendarmes", lang="fr", country="Mali", aliases=table)
    assert mali.name == "Police Forces of Mali (2021-) Gendarmerie"
    assert canonicalize_actor("les gendarmes", lang="fr", country="Chad", aliases=table) is None
    assert canonicalize_actor("la gendarmerie malienne", lang="fr", country="Chad", aliases=table) is not None


def test_par_is_a_word_not_the_start_of_parmi():
    text = "Les assaillants ont attaqué le poste, faisant trois morts parmi les militaires maliens."
    acts = find_actor_mentions(text, lang="fr", country="Mali", when=date(2020, 5, 1))
    got = perpetrator_in_sentence(text, acts, lang="fr", trigger=_span(text, "attaqué"), patient=None)
    assert got is not None and got.name.startswith("Unidentified Armed Group")


@pytest.mark.parametrize("phrase,lang", [("regime forces", "en"), ("les forces du régime", "fr")])
def test_regime_forces_are_the_country_forces(phrase, lang):
    assert name_of(phrase, lang, "Syria", date(2021, 7, 1)) == "Military Forces of Syria (2000-2024)"
    # but not the militias that back them
    assert name_of("pro-regime forces", "en", "Syria", date(2021, 7, 1)) is None
