"""The language layer: per-language knowledge loaded from eventwire/data and the text folding
every stage shares.

- `fold`: accent, case and typography folding (one place for it).
- `numbers`: number words and numeral parsing (data/numbers/<lang>.yaml).
- `time_words`: weekday, month and time-expression words (data/time/<lang>.yaml).
- `words`: the small word lists the normalize stage reads (data/words/<lang>.yaml).
- `extract_words`: the grammar words the incident extractor reads off a parse
  (data/extract/<lang>.yaml) and its outcome and weapon labels (data/extract/labels.yaml).
- `actor_table`: the actor alias table data/actors.tsv (the extractor's party cues and the
  normalizer's actor names).

First tier of the flow: it imports only models, errors, datafiles and taxonomy, never a stage.
"""
