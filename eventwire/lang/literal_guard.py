"""A cheap necessary condition checked before a costly case-insensitive pattern, same matches.

A pattern that opens on a look-behind and optional groups ("(?<!\\w)(?:le\\s+)?(?:lundi,?\\s+)?7
mars") is tried by the regex engine at every position of a text: about 15 µs for a 250-character
sentence, however little it holds. When every match of the pattern must contain one phrase of a
list (a month name, "ago"), a text holding none of those phrases' first words, case aside, cannot
match, and a substring test (C speed) tells so first. `Guarded.finditer` is then
`pattern.finditer`, or no match at all when the test says so.

Case aside means as the regex engine (IGNORECASE) compares characters: one character to one,
by its simple lower-case form, plus a few extra equivalences ("ſ" is an "s", "ı" an "i"; Python's
re/_casefix.py). `str.lower` agrees with that for every character but "İ" (which it lowers to
two characters) and those extra ones: a text holding any of them is always matched in full.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

# The characters beyond ASCII that the regex engine, case aside, takes for a character other than
# the one `str.lower` gives (re/_casefix.py's extra cases and the capitals lowered to one of
# them: "ſ" is an "s", "ı" an "i", "Σ" a "ς"), and "İ", which `str.lower` makes two characters. A
# text holding one is matched in full; a phrase holding one gets no guard
# (tests/lang/test_literal_guard.py derives this list from the engine).
UNEVEN_CASE = frozenset(
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1\u03a3\u03a6"
    "\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6"
    "\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a\u0432\u0434\u043e\u0441\u0442\u044a"
    "\u0462\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e60\u1e61\u1e9b\u1fbe\u1fd3"
    "\u1fe3\ua64a\ua64b\ufb05\ufb06"
)

# The last text lowered, and what each set of heads tested on it gave (`holds_any`).
_last: tuple[str, str | None, dict[tuple[str, ...], bool]] = ("", "", {})


def lowered(text: str) -> str | None:
    """Return `text` lower-cased one character for one, or None when it holds a character of
    UNEVEN_CASE (the last text's answer is kept: a text is tested by several guards in a row)."""
    return _reading(text)[1]


def _reading(text: str) -> tuple[str, str | None, dict[tuple[str, ...], bool]]:
    global _last
    last = _last
    if last[0] is text:
        return last
    low = None if not UNEVEN_CASE.isdisjoint(text) else text.lower()
    _last = (text, low, {})
    return _last


def first_words(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """Return the lower-cased first words of `phrases` up to an apostrophe (a pattern built from
    them matches any apostrophe there), or None when one phrase has no such word."""
    heads = set()
    for phrase in phrases:
        words = phrase.split()
        head = words[0].split("'")[0].lower() if words else ""
        if not head or not UNEVEN_CASE.isdisjoint(head):
            return None
        heads.add(head)
    return tuple(sorted(heads))


def holds_any(heads: tuple[str, ...] | None) -> Callable[[str], bool]:
    """Return a test: may a text hold, case aside, one of `heads` (always True without heads)?"""
    if heads is None:
        return lambda text: True

    def test(text: str) -> bool:
        _, low, verdicts = _reading(text)
        if low is None:
            return True
        verdict = verdicts.get(heads)
        if verdict is None:  # several guards share their heads (a month's name): tested once
            verdict = verdicts[heads] = _holds_one(low, heads)
        return verdict

    return test


def _holds_one(low: str, heads: tuple[str, ...]) -> bool:
    for head in heads:
        if head in low:
            return True
    return False


def holds_match(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Return a test: does a text hold a match of `pattern` (a short one the engine finds fast)?"""
    return lambda text: pattern.search(text) is not None


class Guarded:
    """A compiled pattern tried only on texts that pass `may_match`."""

    __slots__ = ("may_match", "pattern")

    def __init__(self, pattern: re.Pattern[str], may_match: Callable[[str], bool]) -> None:
        self.pattern = pattern
        self.may_match = may_match

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text) else iter(())
