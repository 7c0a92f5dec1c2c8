"""The names the index build derives from a source name: short forms of divisions, regular
demonyms, ASCII display names; and the alternate names it keeps."""

from __future__ import annotations

import re
from functools import cache

from eventwire.gazetteer.words import alternation, name_words

# Alternate names longer than this are descriptions, not names (GeoNames sometimes stores those).
MAX_NAME_CHARS = 60


def keep_alternate(name: str) -> bool:
    """Keep Latin- and Arabic-script names; drop auto-romanizations ("swldw") and descriptions."""
    if len(name) > MAX_NAME_CHARS or not name.strip():
        return False
    if name.isascii() and name == name.lower():
        return False
    for ch in name:
        if ch.isalpha() and ord(ch) > 0x24F and not 0x600 <= ord(ch) <= 0x6FF:
            return False
    return True


@cache
def _admin_generic() -> re.Pattern[str]:
    """Return the pattern of a first-level division's generic word (data/gazetteer/name_words.yaml)."""
    return re.compile(
        rf"(?:^|,?\s+)(?:{alternation('division_generic_words')})"
        rf"(?:\s+(?:{alternation('division_generic_joiners')}))?(?=\s|$)",
        re.IGNORECASE,
    )


@cache
def _county_generic() -> re.Pattern[str]:
    """Return the pattern of a county's generic word, after or before its name."""
    word = re.escape(name_words()["county_word"])
    return re.compile(rf"\s+{word}$|^{word}\s+of\s+")


@cache
def _display_suffix() -> re.Pattern[str]:
    """Return the pattern of the generic word ending an ASCII alias ("Erbil Governorate")."""
    return re.compile(rf"\s+({alternation('display_generic_suffixes')})$")


def admin_short_names(names: list[str]) -> list[str]:
    """Return division names without their generic word ("Dagestan, Respublika" → "Dagestan")."""
    out = []
    for n in names:
        short = _admin_generic().sub(" ", n).strip(" ,-")
        if short and short != n and len(short) >= 4:
            out.append(short)
    return out


def county_short_names(names: list[str]) -> list[str]:
    """Return second-level division names without "County" ("Oxford County" → "Oxford"), as
    local news writes them; the full name stays the division's own."""
    out = []
    for n in names:
        short = _county_generic().sub("", n).strip()
        if short and short != n and len(short) >= 3:
            out.append(short)
    return out


def derived_demonyms(name: str) -> list[str]:
    """Return the regular English demonyms of a country name ("Russia" → "Russian", "Russians").

    Only regular endings; the supplement carries the irregular ones and wins over these.
    """
    if " " in name or len(name) < 4:
        return []
    forms = []
    if name.endswith("a"):
        forms.append(name + "n")
    elif name.endswith("o"):
        forms.append(name[:-1] + "an")
    elif name.endswith("e"):
        forms.append(name[:-1] + "ian")
    else:
        forms += [name + "ian", name + "i", name + "ese"]
    return forms + [f + "s" for f in forms if not f.endswith("ese")]


def ascii_admin_name(name: str, aliases: list[str]) -> str:
    """Return an English/ASCII admin name as ACLED writes it ("Ségou" → "Segou").

    GeoNames' scholarly transliterations ("Arbīl") give way to the first plain ASCII alias with
    its generic word removed ("Erbil Governorate" → "Erbil"); the supplement overrides the rest.
    """
    from unidecode import unidecode

    if any(ch in name for ch in "āīūḩţşḑẕ‘’ʿʾḨŞŢ"):
        for alias in aliases:
            if alias.isascii() and alias[:1].isupper():
                return _display_suffix().sub("", alias)
    return unidecode(name)
