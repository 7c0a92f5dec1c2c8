"""Words inside a victim's noun phrase that are no head count of the dead (language regularities).

- An age ("a 48-year-old farmer died", "shot dead a two years old child"): the number is the
  victim's age and the article before it counts the victim: 1, not ACLED's default of 3 for
  deaths without a number. French writes the age after the noun ("un garçon de 12 ans"), which
  the number lexicon's `not_counts` ("ans") already leaves out.
- A family counted by its size ("killed a family of five", "tuant une famille de cinq
  personnes"): the size is the toll, the article before "family" is no victim of its own.

`blank_ages` works on folded text (lang.fold: lower case, no accents) and keeps its length, so
offsets into the sentence stay valid.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.datafiles import data_path, read_yaml_mapping
from eventwire.errors import DataFileError
from eventwire.lang.fold import fold
from eventwire.lang.numbers import load_number_lexicon

# "48-year-old", "three years old", "17 year-old", "six-month-old"
_AGE_TAIL = r"[\s-]+(?:years?|months?|weeks?)[\s-]+old\b"
# "a family of five": the article is that of the family, the number after it the victims
_FAMILY = re.compile(r"\s+(?:entire\s+|whole\s+)?(?:family|famille)\s+(?:of|de|d')\s*")


@lru_cache(maxsize=8)
def _age(lang: str) -> re.Pattern[str]:
    """Return the pattern of an age written before the noun (English) on folded text."""
    if lang != "en":
        return re.compile(r"(?!)")
    units = sorted(load_number_lexicon(lang).units, key=len, reverse=True)
    words = "|".join(re.escape(u) for u in units if len(u) > 2)  # not the articles "a", "an"
    return re.compile(rf"(?<![\w-])(?:\d{{1,3}}|(?:{words})(?:-(?:{words}))?){_AGE_TAIL}")


def blank_ages(folded: str, lang: str) -> str:
    """Return a folded sentence with each age before a noun turned to spaces (same length):
    "a 48-year-old farmer died" reads "a farmer died" (1)."""
    return _age(lang).sub(lambda m: " " * len(m.group()), folded)


def opens_family(folded: str, end: int) -> bool:
    """Return whether the text after an article ending at `end` names a family counted by its
    size ("a family of five"): the article is no victim, the size after it is the toll."""
    return _FAMILY.match(folded, end) is not None


@lru_cache(maxsize=8)
def _ordinals(lang: str) -> dict[str, int]:
    """Return data/ordinal_deaths.yaml's ordinals for `lang`, folded, with their values; raise
    DataFileError on a malformed file."""
    path = data_path("ordinal_deaths.yaml")
    section = read_yaml_mapping(path).get(lang) or {}
    if not isinstance(section, dict) or not all(
        isinstance(k, str) and k.strip() and isinstance(v, int) and not isinstance(v, bool) and v > 1
        for k, v in section.items()
    ):
        raise DataFileError(f"{path}: {lang} must map ordinals to whole numbers above 1")
    return {fold(k): v for k, v in section.items()}


@lru_cache(maxsize=8)
def _ordinal_after(lang: str) -> re.Pattern[str]:
    words = sorted(_ordinals(lang), key=len, reverse=True)
    return re.compile(rf"\s+({'|'.join(map(re.escape, words)) or '(?!)'})\b")


def ordinal_after(folded: str, end: int, lang: str) -> int | None:
    """Return the value of the ordinal right after an article ending at `end` of a folded
    sentence ("a fourth person died": 4), else None."""
    m = _ordinal_after(lang).match(folded, end)
    return _ordinals(lang)[m.group(1)] if m else None


def tells_ordinal_death(text: str, lang: str) -> bool:
    """Return whether a sentence counts a death by an ordinal after an article ("a third victim
    died", "une quatrième victime a succombé"): its toll is the latest, standing one."""
    folded = fold(text)
    articles = load_number_lexicon(lang).words["weak_numbers"]
    return (
        any(
            ordinal_after(folded, m.end(), lang) is not None
            for m in re.finditer(rf"\b(?:{'|'.join(map(re.escape, sorted(articles)))})\b", folded)
        )
        if articles
        else False
    )


# The side a toll counts, named after it: "parmi les soldats", "côté armée", "du côté des
# assaillants", "chez les jihadistes", "among the attackers", "on the army's side" (folded text).
_SIDE = r"(?:parmi|cote|du cote|chez|among|on the)\b"
_SIDE_BEFORE_JOIN = re.compile(rf"\b{_SIDE}[^;.!?]*?(?:,\s*)?\s(?:et|and)\s+(?:de\s+|d')?$")
_SIDE_AFTER = re.compile(rf"^\s+{_SIDE}")


def elided_side(between: str, after: str) -> bool:
    """Return whether a second number, with `between` the folded text from the first one to it and
    `after` the text after it, counts the other side of a toll whose death word is not repeated:
    "12 morts parmi les soldats et 5 parmi les assaillants" (17), "trois morts côté armée et
    neuf côté jihadiste" (12), "four dead among the police and two among the attackers" (6)."""
    return _SIDE_BEFORE_JOIN.search(between) is not None and _SIDE_AFTER.match(after) is not None
