"""Small helpers over a spaCy parse shared by the extractor's steps: character spans, noun
phrases, the verb a trigger belongs to, paragraphs, and look-ups among a sentence's cues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.lexicon import CueMatch
from eventwire.models import Span

# Dependents that do not belong to a noun's own phrase (relative clauses, appositions, lists).
# spaCy entity labels of a named place (both models), for the readings that ask whether a phrase
# names where something happened
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_NOT_IN_PHRASE = {"acl:relcl", "relcl", "acl", "appos", "punct", "cc", "conj", "dislocated"}


@dataclass(frozen=True)
class SentenceCues:
    """The trigger-lexicon and modality-lexicon cues of one sentence."""

    triggers: list[CueMatch]
    modality: list[CueMatch]


def char_span(doc: Doc, start: int, end: int) -> Span:
    """Return a character Span for token range [start, end)."""
    sp = doc[start:end]
    return Span(start=sp.start_char, end=sp.end_char, text=sp.text)


def noun_phrase(token: Token) -> SpacySpan:
    """Return the noun phrase of a token: its subtree without relative clauses or appositions."""
    keep = [token]
    for child in token.children:
        if child.dep_ in _NOT_IN_PHRASE:
            continue
        keep.extend(child.subtree)
    idx = sorted(t.i for t in keep)
    start, end = idx[0], idx[-1] + 1
    # drop a leading preposition or trailing punctuation
    while start < end and token.doc[start].pos_ in {"ADP", "PUNCT", "CCONJ"}:
        start += 1
    while end > start and token.doc[end - 1].pos_ in {"PUNCT", "CCONJ"}:
        end -= 1
    return token.doc[start:end]


def token_span_of(token: Token) -> SpacySpan:
    """Return a one-token phrase (compound names keep their compound parts)."""
    parts = [t for t in token.subtree if t.dep_ in {"compound", "flat", "flat:name"} or t.i == token.i]
    start = min(t.i for t in parts)
    end = max(t.i for t in parts) + 1
    return token.doc[start:end]


def sentence_span(sent: SpacySpan) -> Span:
    """Return the sentence as a character Span without surrounding whitespace."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sent.start_char + lead
    return Span(start=start, end=start + len(stripped), text=stripped)


def governing_verb(token: Token) -> Token:
    """Return the verb a trigger token belongs to (itself if it is a verb)."""
    t = token
    for _ in range(4):
        if t.pos_ in {"VERB", "AUX"} or t.head is t:
            return t
        t = t.head
    return t


def paragraph_starts(text: str) -> list[int]:
    """Return the start offsets of the paragraphs of `text` (separated by blank lines)."""
    starts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        starts.append(m.end())
    return starts


def paragraph_of(offset: int, starts: list[int]) -> int:
    """Return the index of the paragraph that holds character `offset`."""
    lo = 0
    for i, s in enumerate(starts):
        if s <= offset:
            lo = i
    return lo


def first_cue(cues: list[CueMatch], cls: str) -> CueMatch | None:
    """Return the first cue of class `cls`, or None."""
    for cue in cues:
        if cue.cls == cls:
            return cue
    return None


def cue_at(cues: list[CueMatch], cls: str, token: Token) -> bool:
    """Return whether a cue of class `cls` (a one-word verb class of the modality file) is `token`."""
    return any(c.cls == cls and c.start == token.i for c in cues)


def time_gap_before(cue: CueMatch, cues: list[CueMatch]) -> bool:
    """Return whether a single-word context cue follows a time distance ("two days after"): a
    `time_gap` cue of the modality file ending at most three words before it."""
    return any(t.cls == "time_gap" and cue.start - 3 <= t.start and t.end <= cue.start for t in cues)


class ModalityCue:
    """The cue classes of the modality files (data/modality/<lang>.yaml) the extractor reads."""

    THREAT = "threat"
    DENIAL = "denial"
    PLAN = "plan"
    HYPOTHETICAL = "hypothetical"
    HABITUAL = "habitual"
    BACKGROUND = "background"
    AGGREGATE = "aggregate"
    INCIDENT_TOTAL = "incident_total"
    VICTIM_LIST = "victim_list"
    PERIOD = "period"
    RECENT = "recent"
    CONTEXT = "context"
    FRAMING = "framing"
    REACTION = "reaction"
    CONTINUATION = "continuation"
    TREND = "trend"
    CLAIM = "claim"
    ALLEGATION = "allegation"
    SPEECH = "speech"
    SOURCE_PREP = "source_prep"
    OPERATION = "operation"
    ADDITIVE = "additive"
    ORDINAL_ANAPHOR = "ordinal_anaphor"
    SAME_INCIDENT_ANAPHOR = "same_incident_anaphor"
    TOPIC_PREP = "topic_prep"
    TOPIC_AFTER = "topic_after"
    TOPIC_VERB = "topic_verb"
    PROTEST_HOLDER = "protest_holder"
    PREVENTION = "prevention"
    TALLY_SUBJECT = "tally_subject"
    MULTITUDE = "multitude"
    SHARE = "share"
    COUNTED_INCIDENT = "counted_incident"
    RUNNING_COUNT = "running_count"
    ACCUSATION = "accusation"


def follows_dateline(sent: SpacySpan) -> bool:
    """Return whether a sentence comes right after a dateline: a sentence that is only a day,
    after an optional label ending with a colon ("14 March.", "Unrest: 14 March."). A chronology
    or log entry headed so tells its incident in the present ("14 March. Traders block the market
    road."), and the dateline dates it (language regularity, EN; the French model marks no DATE).
    """
    if sent.start == 0:
        return False
    prev = sent.doc[sent.start - 1].sent
    colons = [t.i for t in prev if t.text == ":"]
    words = [t for t in prev if t.i > (colons[-1] if colons else -1) and not t.is_punct]
    return bool(words) and all(t.ent_type_ == "DATE" for t in words)
