"""The language layer: per-language knowledge loaded from eventwire/data and the text folding
every stage shares.

- `fold`: accent, case and typography folding (one place for it).
- `numbers`: number words and numeral parsing (data/numbers/<lang>.yaml).
- `time_words`: weekday, month and time-expression words (data/time/<lang>.yaml).
- `words`: the small word lists the normalize stage reads (data/words/<lang>.yaml).

First tier of the flow: it imports only models, errors, datafiles and taxonomy, never a stage.
"""
