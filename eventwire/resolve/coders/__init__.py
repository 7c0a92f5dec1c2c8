"""One coder per event field: each a plain function over one incident's mentions that returns the
field's value with its provenance (`models.Coded`), or a null value with the reason.

    kind.code_event_kind        event_type and sub_event_type (rules over all cues, classifier)
    place.code_place            location (the most precise place), else the article's area
    date.code_event_date        event_date and time_precision (the most precise explicit date)
    fatalities.code_fatalities  fatalities with low/high and injuries (ACLED's conservative rule)
    actors.code_actors          actor1, actor2, associated actors and claimants
    notes.code_notes            the notes sentence, from the coded fields (data/notes/en.yaml)

`resolve.build.build_event` composes them.
"""
