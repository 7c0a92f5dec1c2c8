"""Datelines: where a dispatch was filed ("ERBIL (Reuters) -", "BAMAKO, 12 mars (AFP) -",
"(Washington) -", "ATLANTA -", "Abuja, Nigeria –"), never taken for the event place."""

from __future__ import annotations

import re

from eventwire.geoparse.common import UP

_DATELINE_RE = re.compile(
    rf"(?:^|(?<=[.!?\"”][ \t]))[ \t]*(?P<name>[{UP}][{UP}'’ .\-]{{2,40}}?)[ \t]*"
    r"(?:,[^()\n]{0,40}?)?[ \t]*\((?:[^()\n]{1,25})\)[ \t]*[-–—:]",
    re.MULTILINE,
)
_PAREN_DATELINE_RE = re.compile(rf"^[ \t]*\((?P<name>[{UP}][\w'’ .\-]{{1,40}}?)\)[ \t]*[-–—]?", re.MULTILINE)


_CAPS_DATELINE_RE = re.compile(
    r"(?:^|(?<=[.!?\"”]\s))[ \t]*(?P<name>[A-Z][A-Z'’.\-]{2,}(?:[ \t]+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,[ \t]*(?P<area>[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?))?(?:[ \t]+(?:--|[-–—])|:)[ \t]",
    re.MULTILINE,
)


# "Abuja, Nigeria – Armed men…": a title-case town, a comma, a country and a dash opening a
# paragraph.
_TITLE_DATELINE_RE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w'’.\-]+(?:[ \t]+[A-Z][\w'’.\-]+){0,2}),[ \t]*[A-Z][\w.]+"
    r"(?:[ \t]+[A-Z][\w.]+)?[ \t]+[-–—][ \t]",
    re.MULTILINE,
)


def find_datelines(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _TITLE_DATELINE_RE.finditer(text):
        out.append((m.start("name"), m.end("name"), m.group("name").strip()))
    for m in _CAPS_DATELINE_RE.finditer(text):  # "ATLANTA - ", "BEIRUT, Lebanon — ", "DAKAR: "
        out.append((m.start("name"), m.end("name"), m.group("name").strip().title()))
        if m.group("area"):  # "MERELO, Tazor Province —": the area belongs to the dateline
            out.append((m.start("area"), m.end("area"), m.group("area").strip()))
    for m in _DATELINE_RE.finditer(text):
        if (
            m.start() > 0
            and text[m.start() - 1] not in "\n"
            and not re.search(r"[.!?\"”][ \t]+$", text[max(0, m.start() - 3) : m.start()])
        ):  # a line's start, or a headline's end ("Meth makers leave a trail. CHATTANOOGA (AP) —")
            continue
        out.append((m.start("name"), m.end("name"), m.group("name").strip().title()))
    for m in _PAREN_DATELINE_RE.finditer(text):
        if m.start() == 0 or text[m.start() - 1] == "\n":
            out.append((m.start("name"), m.end("name"), m.group("name").strip()))
    return out
