"""Load, in a worker's warm-up, the data files and patterns the stages otherwise read on first use.

Each word list, lexicon and pattern built from the data files is read once per process, when a
stage first needs it (`functools.cache`). The two short warm-up dispatches a worker codes take
the stages through their common paths only: a toll revised upward, a day named the week before,
an ordinal victim ("the third victim"), a government's tenure, a kindred sub-type were each read
while a worker coded its first real documents (17 YAML files parsed and ~20 patterns compiled,
~0.3 s of CPU per worker on the 2-core dev machine, issue 16). `load_data_files` reads them all
up front; nothing coded changes, as each is the same cached object either way.
"""

from __future__ import annotations

LANGS = ("fr", "en")
# data/*.yaml word lists read through `geoparse.vocab.words_set`
_VOCAB_FILES = ("generic_name_words.yaml", "institution_words.yaml", "named_site_words.yaml")


def load_data_files() -> None:
    """Read every data file and compile every pattern the stages cache on first use."""
    from eventwire.gazetteer.variants import variant_key
    from eventwire.geoparse.vocab import words_set
    from eventwire.normalize import tolls
    from eventwire.normalize.actors import load_agent_cues
    from eventwire.normalize.appositions import _group_noun_after
    from eventwire.normalize.dates import _before_pattern
    from eventwire.normalize.mentions import _echo_patterns
    from eventwire.normalize.missed_places import _attacked_place
    from eventwire.normalize.perpetrators import blame_cue
    from eventwire.normalize.situated_villages import _containment_after
    from eventwire.normalize.tally_figures import _record_pattern
    from eventwire.normalize.tenures import load_government_tenures
    from eventwire.normalize.victim_phrases import _ordinal_after
    from eventwire.resolve.additive import _openers
    from eventwire.resolve.causes import _cause_phrase
    from eventwire.resolve.compatibility import _area_unit_before
    from eventwire.resolve.kindred import kindred_sub_types
    from eventwire.resolve.structure import load_day_words

    for name in _VOCAB_FILES:
        words_set(name)
    variant_key("warm")
    load_agent_cues()
    load_government_tenures()
    kindred_sub_types()
    _group_noun_after()
    _containment_after()
    _cause_phrase()
    _area_unit_before()
    _openers()
    _openers("sequel_openers.yaml")
    for key in ("statement_before", "since_before"):
        _before_pattern(key)
    for lang in LANGS:
        for pattern in (
            tolls.toll_revisers,
            tolls.earlier_toll,
            tolls.risen_toll,
            tolls.wounded_died,
            tolls.added_deaths,
            tolls.toll_noun,
            tolls.cause_clause,
            tolls.major_deaths,
            tolls._cause_before,
        ):
            pattern(lang)
        tolls._word_pattern("negated_deaths.yaml", lang)
        _echo_patterns(lang)
        blame_cue(lang)
        tolls._weak_word(lang)
        _record_pattern(lang)
        _ordinal_after(lang)
        load_day_words(lang)
        _attacked_place(lang)
