"""Whether two outlets' place names are one place spelt two ways (cross-document only).

Outlets romanize one village differently, chiefly in its vowels: Arabic and Fulfulde write
short vowels either not at all or as the writer hears them, and French and English spell the
same sounds differently ("ou"/"w", "ch"/"sh", "dj"/"j": data/gazetteer/transliteration.yaml).
Invented: "Kourmashifa" in one report and "Kurmeshefah" in another. Two names are one across
documents when their transliteration keys (gazetteer.variants: "sh" -> "ch", "ou" -> "u", a
final "h" dropped…) are equal, or when the keys' consonants are the same in the same order
with at least SKELETON_MIN_CONSONANTS of them (the vowels told apart by ear only). Shorter
skeletons are too common ("Tinkara" and "Tankoura" may be two villages). Within one article a
name keeps one spelling, so two similar names there stay two places: this is used by the
cross-document linker only (resolve.similarity.place_score, distinct_incidents).
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.gazetteer.names import name_key
from eventwire.gazetteer.variants import variant_key

# Consonants two spellings must share, in order, to be one name without their vowels
# ("krmchf" of "Kourmashifa"/"Kurmeshefah" has six; "tnkr" of "Tinkara"/"Tankoura", two
# villages maybe, four).
SKELETON_MIN_CONSONANTS = 5
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def _keys(name: str) -> tuple[str, str]:
    """Return a name's transliteration key and its consonant skeleton (digits kept: "Kerou 2"
    and "Kerou 1" are two villages)."""
    key = variant_key(name_key(name))
    skeleton = "".join(c for c in key if c not in _VOWELS)
    # a consonant doubled once the vowel between went ("Kabab" / "Kbab") is one
    deduped = "".join(c for i, c in enumerate(skeleton) if i == 0 or c != skeleton[i - 1])
    return key, deduped


def transliterated_alike(a: str | None, b: str | None) -> bool:
    """Return whether two place names are one name across documents (module docstring); the
    caller checks `similarity.same_place_name` first."""
    if not a or not b:
        return False
    (key_a, skeleton_a), (key_b, skeleton_b) = _keys(a), _keys(b)
    if not key_a or not key_b:
        return False  # too short to stand for one place (transliteration.yaml's min_chars)
    if key_a == key_b:
        return True
    consonants = sum(c.isalpha() for c in skeleton_a)
    return skeleton_a == skeleton_b and consonants >= SKELETON_MIN_CONSONANTS
