"""Fuzz the two ways a document gets in: the `extract` path and `POST /api/documents` (issue 18).

    python benchmarks/fuzz.py [--count 10000] [--seed 18] [--kinds KIND ...] [--index N ...]
                              [--crash-dir DIR] [--no-api] [--no-extract]

Generated inputs (a seeded random generator; case N of a seed is always the same input, so one
crash is replayed with `--seed S --index N`), of these kinds:
  random_bytes      random bytes, some with a BOM, a NUL or a text prefix;
  broken_encoding   invalid UTF-8, UTF-16 without BOM, cp1252 and UTF-8 mixed, cut sequences;
  html              huge (many or large elements) and deeply nested HTML, broken markup;
  hostile_jsonl     JSONL lines with wrong types, huge numbers, nested objects, NUL, missing
                    text, bad dates, duplicate ids, broken JSON;
  long_line         one line of 10,000 to 2,000,000 characters;
  control_chars     dispatch-like text strewn with C0/C1 controls, NUL, BOMs, separators;
  unicode_mix       right-to-left text, combining marks, emoji, zero-width characters;
  absurd_dispatch   texts that look like dispatches with absurd figures ("10^30 killed",
                    year 99999, negative tolls) — these reach the spaCy pipeline (~50 ms each).
Most of the count goes to kinds rejected early (bytes, encodings, JSONL), so 10,000 inputs run in
minutes.

Each input goes (a) to a temporary file with a fitting suffix (.txt, .html, .jsonl) read by
`pipeline.process_inputs` (what `eventwire extract` runs), and (b) to `POST /api/documents`
(FastAPI's TestClient, a temporary SQLite store). The verdict per input and path:
  processed  a DocumentResult (events or none) / a 2xx listing documents;
  skipped    only Skips, each with a reason and a detail / a 4xx with an error message;
  crashed    an exception escaped, a 5xx, a Skip "failed" (the pipeline caught an error), a Skip
             without a reason, an evidence quote that its offsets do not give, or nothing at all
             (an input neither processed nor skipped).
Printed: the count per kind with the verdicts of both paths, the elapsed time, the slowest
inputs and the first crashes; each crash's input is saved (with its traceback) in --crash-dir.
Exit code 1 on any crash.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TOKEN = "fuzz-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DEFAULT_COUNT = 10_000
DEFAULT_SEED = 18
CRASHES_SHOWN = 10

# Share of the count per kind: cheap kinds (rejected at ingest) get most of it.
KIND_WEIGHTS = {
    "random_bytes": 0.30,
    "broken_encoding": 0.17,
    "hostile_jsonl": 0.25,
    "html": 0.05,
    "long_line": 0.02,
    "control_chars": 0.07,
    "unicode_mix": 0.07,
    "absurd_dispatch": 0.07,
}
SUFFIX_FORMAT = {".txt": "text", ".html": "html", ".jsonl": "jsonl"}


@dataclass(frozen=True)
class Case:
    """One generated input: its bytes, the suffix of its file, and how it is POSTed."""

    kind: str
    index: int
    suffix: str
    data: bytes
    post: str  # "json": the text as `content`; "surrogates": undecodable bytes as lone surrogates; "raw": the bytes as the body


# -- invented material (no real article) ----------------------------------------------------------

_TOWNS = ("Karvo", "Beledi", "Oustra", "Mankala", "Wajir", "Kidal", "Mogadishu", "Goma", "Gao", "Bunia")
_ACTORS = ("Gunmen", "Militants", "Soldiers", "Unidentified attackers", "Rebels", "Police")
_VERBS = ("attacked", "shelled", "raided", "ambushed", "bombed", "clashed with residents of")
_FR = (
    "Des hommes armés ont attaqué {town} le {date}, tuant {n} personnes, selon la police.",
    "Au moins {n} soldats ont été tués {date} lors d'une embuscade près de {town}.",
)
_EN = (
    "{actor} {verb} {town} on {date}, killing {n} people and wounding {m}, officials said.",
    "At least {n} civilians were killed when {actor} {verb} a market in {town} {date}.",
    "{n} people died and {m} were injured in clashes near {town} on {date}, police said.",
)
_ABSURD_NUMBERS = (
    "10^30",
    "1e308",
    "999999999999999999999999999999",
    "-5",
    "NaN",
    "infinity",
    "a million billion",
    "0x7fffffff",
    "3.5",
    "forty-two thousand million",
    "vingt mille milliards",
    "10" * 40,
    "١٢٣",
    "²³",
)
_ABSURD_DATES = (
    "31 February 99999",
    "the year 99999",
    "0000-00-00",
    "Monday 45 Octember",
    "12/45/2023",
    "1 January 1",
    "9999-12-31",
    "yesterday 1899",
    "le 32 juin 20000",
    "Tuesday",
    "2023-10-18T25:61:99Z",
    "-2023-01-01",
)
_EMOJI = "💣🔥🚀😀🇰🇪👨‍👩‍👧‍👦🧨⚠️"
_RTL = ("قتل مسلحون خمسة أشخاص في هجوم", "נהרגו שלושה אנשים", "\u202eoknarF\u202c", "\u200f\u200e")
_COMBINING = "\u0301\u0308\u0336\u20dd\u0489"
_CONTROLS = "".join(chr(c) for c in (*range(9), 11, 12, *range(14, 32), 127, *range(0x80, 0xA0)))
_SEPARATORS = "\u2028\u2029\u0085\ufeff\u200b\u00ad\ufffd\ufffe"


def dispatch(rng: random.Random, *, absurd: bool = False) -> str:
    """Return a dispatch-like paragraph or two (absurd figures and dates when `absurd`)."""
    sentences = []
    for _ in range(rng.randint(1, 4)):
        french = rng.random() < 0.25
        template = rng.choice(_FR if french else _EN)
        n = rng.choice(_ABSURD_NUMBERS) if absurd else str(rng.randint(1, 40))
        m = rng.choice(_ABSURD_NUMBERS) if absurd else str(rng.randint(0, 20))
        when = rng.choice(_ABSURD_DATES) if absurd else rng.choice(("Monday", "18 October 2023", "Sunday"))
        sentences.append(
            template.format(
                town=rng.choice(_TOWNS), date=when, n=n, m=m, actor=rng.choice(_ACTORS), verb=rng.choice(_VERBS)
            )
        )
    return " ".join(sentences)


# -- generators, one per kind -----------------------------------------------------------------------


def gen_random_bytes(rng: random.Random) -> tuple[str, bytes]:
    size = rng.choice((0, 1, 2, 19, 20, 21, rng.randint(1, 300), rng.randint(300, 20_000)))
    data = rng.randbytes(size)
    roll = rng.random()
    if roll < 0.15:
        data = rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) + data
    elif roll < 0.3:
        data = dispatch(rng).encode() + data
    elif roll < 0.4:
        data = b'{"id": 1, "text": "' + data + b'"}\n'
    return rng.choice((".txt", ".html", ".jsonl")), data


def gen_broken_encoding(rng: random.Random) -> tuple[str, bytes]:
    text = dispatch(rng)
    roll = rng.randrange(6)
    if roll == 0:  # UTF-16 without a BOM
        data = text.encode(rng.choice(("utf-16-le", "utf-16-be")))
    elif roll == 1:  # invalid UTF-8 bytes strewn in
        raw = bytearray(text.encode())
        for _ in range(rng.randint(1, 10)):
            raw.insert(rng.randrange(len(raw) + 1), rng.choice((0x80, 0xC0, 0xC1, 0xF5, 0xFF, 0xED)))
        data = bytes(raw)
    elif roll == 2:  # cp1252 and UTF-8 paragraphs mixed
        data = "Déjà vu à Goma — “dit-il”.\n".encode("cp1252") + text.encode() + " été".encode("latin-1")
    elif roll == 3:  # a multi-byte sequence cut short at the end, or an overlong / surrogate encoding
        data = text.encode() + rng.choice((b"\xe2\x82", b"\xf0\x9f\x92", b"\xc0\xaf", b"\xed\xa0\x80"))
    elif roll == 4:  # UTF-32 or UTF-7, no BOM
        data = text.encode(rng.choice(("utf-32-le", "utf-7")))
    else:  # a BOM that lies
        data = rng.choice((b"\xff\xfe", b"\xef\xbb\xbf", b"\xfe\xff")) + text.encode(rng.choice(("utf-8", "cp1252")))
    suffix = rng.choice((".txt", ".txt", ".html", ".jsonl"))
    if suffix == ".jsonl":
        data = b'{"id": "x", "text": "' + data.replace(b'"', b"'") + b'"}\n'
    return suffix, data


def gen_html(rng: random.Random) -> tuple[str, bytes]:
    text = dispatch(rng)
    roll = rng.randrange(6)
    if roll == 0:  # deeply nested
        depth = rng.choice((100, 254, 255, 256, 1000, 5000, 20_000))
        tag = rng.choice(("div", "span", "b", "table", "p"))
        html = f"<html><body>{'<' + tag + '>' * depth}<p>{text}</p>{('</' + tag + '>') * depth}</body></html>"
    elif roll == 1:  # many elements, little text
        n = rng.choice((1000, 50_000, 200_000))
        html = "<html><body>" + "<div class='x'></div>" * n + f"<p>{text}</p></body></html>"
    elif roll == 2:  # huge attributes / script / style
        blob = "A" * rng.choice((10_000, 1_000_000, 5_000_000))
        html = f"<html><head><script>var a='{blob}';</script></head><body><p title='{blob}'>{text}</p></body></html>"
    elif roll == 3:  # broken markup
        pieces = ["<p>", "</div>", "<!--", "-->", "<![CDATA[", "]]>", "<", ">", "&#0;", "&#xD800;", "&bogus;", text]
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(5, 400)))
    elif roll == 4:  # a lot of article text
        html = (
            "<html><body><article>"
            + "".join(f"<p>{dispatch(rng)}</p>" for _ in range(rng.randint(5, 60)))
            + "</article></body></html>"
        )
    else:  # metadata with absurd values
        html = (
            f"<html><head><meta property='article:published_time' content='{rng.choice(_ABSURD_DATES)}'>"
            f"<title>{'T' * rng.randint(0, 5000)}</title><meta http-equiv='content-type' content='text/html; charset=utf-16'>"
            f"</head><body><p>{text}</p></body></html>"
        )
    return ".html", html.encode("utf-8", "surrogatepass")


def _hostile_record(rng: random.Random) -> Any:
    text = dispatch(rng, absurd=rng.random() < 0.5)
    record: dict[str, Any] = {"id": rng.choice(("a", 1, "dup", None, 10**40, "x" * 5000)), "text": text}
    roll = rng.randrange(14)
    if roll == 0:
        record["text"] = rng.choice((1, 2.5, True, None, [text], {"t": text}, 10**400))
    elif roll == 1:
        del record["text"]
    elif roll == 2:
        record["published"] = rng.choice(
            ("2023-02-30", "99999-01-01", "yesterday", "", 20231018, None, "0000-00-00", [1])
        )
    elif roll == 3:
        record["text"] = text.replace(" ", "\x00", rng.randint(1, 5))
    elif roll == 4:
        record = {"id": "n", "text": text, "title": {"a": {"b": [{"c": 1}] * 3}}, "url": [1, 2], "lang": 7}
    elif roll == 5:
        nested: Any = text
        for _ in range(rng.choice((10, 100, 1000, 10_000))):
            nested = {"text": nested}
        record = nested
    elif roll == 6:
        record["html"] = rng.choice((f"<p>{text}</p>", 5, "<" * 1000))
        del record["text"]
    elif roll == 7:
        record["lang"] = rng.choice(("xx", "", "EN-us", "fr\x00", "zh", "e" * 100))
    elif roll == 8:
        record["fatalities"] = 10**30
        record["latitude"] = float("inf") if rng.random() < 0.5 else 1e308
    elif roll == 9:
        return rng.choice(([text], "text", 42, None, True))
    elif roll == 10:
        record["text"] = ""
    return record


def gen_hostile_jsonl(rng: random.Random) -> tuple[str, bytes]:
    lines: list[bytes] = []
    for _ in range(rng.randint(1, 5)):
        roll = rng.random()
        if roll < 0.12:
            lines.append(
                rng.choice((b"{not json", b"{}", b"[]", b"", b"   ", b'{"text": "a", "text": "b"}', b"{" * 5000))
            )
        elif roll < 0.2:
            lines.append(b'{"id": 1, "text": 1' + b"0" * rng.choice((500, 5000, 100_000)) + b"}")
        elif roll < 0.25:
            lines.append(b'{"id": 1, "text": NaN, "published": Infinity}')
        else:
            try:
                lines.append(
                    json.dumps(_hostile_record(rng), ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
                )
            except (RecursionError, ValueError):
                lines.append(b'{"id": "deep", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    if rng.random() < 0.2:  # the same record twice, under the same or another id
        lines.append(lines[-1])
    return ".jsonl", b"\n".join(lines) + rng.choice((b"\n", b"", b"\r\n"))


def gen_long_line(rng: random.Random) -> tuple[str, bytes]:
    size = rng.choice((10_000, 50_000, 200_000)) if rng.random() < 0.97 else rng.choice((1_000_000, 2_000_000))
    roll = rng.randrange(4)
    if roll == 0:
        line = "A" * size
    elif roll == 1:  # incident after incident: ~50 ms per 1,000 characters, so kept to one or a few parts
        unit = dispatch(rng) + " "
        line = (unit * (min(size, 40_000) // len(unit) + 1))[: min(size, 40_000)]
    elif roll == 2:
        line = "".join(rng.choice("abc ,.;") for _ in range(size))
    else:
        line = ("word" * 50 + " ") * (size // 201)
    if rng.random() < 0.3:
        return ".jsonl", json.dumps({"id": "long", "text": line}).encode()
    return rng.choice((".txt", ".html")), line.encode()


def gen_control_chars(rng: random.Random) -> tuple[str, bytes]:
    chars = list(dispatch(rng))
    pool = _CONTROLS + _SEPARATORS
    for _ in range(rng.randint(1, max(2, len(chars) // rng.choice((2, 10, 50))))):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(pool))
    text = "".join(chars)
    if rng.random() < 0.2:
        text = rng.choice(pool) * rng.randint(20, 5000)
    suffix = rng.choice((".txt", ".txt", ".html", ".jsonl"))
    if suffix == ".jsonl":
        return suffix, json.dumps({"id": "ctl", "text": text}).encode()
    return suffix, text.encode("utf-8", "surrogatepass")


def gen_unicode_mix(rng: random.Random) -> tuple[str, bytes]:
    base = dispatch(rng, absurd=rng.random() < 0.3)
    roll = rng.randrange(5)
    if roll == 0:
        text = " ".join(f"{w} {rng.choice(_RTL)}" if rng.random() < 0.3 else w for w in base.split())
    elif roll == 1:
        text = "".join(c + "".join(rng.choice(_COMBINING) for _ in range(rng.randint(0, 30))) for c in base)
    elif roll == 2:
        text = " ".join(f"{w}{rng.choice(_EMOJI)}" for w in base.split())
    elif roll == 3:
        text = "".join(rng.choice(_EMOJI + _COMBINING + "\u200d\u200b") for _ in range(rng.randint(20, 5000)))
    else:
        text = "".join(
            chr(rng.choice((rng.randint(0x20, 0xD7FF), rng.randint(0xE000, 0x10FFFF))))
            for _ in range(rng.randint(20, 3000))
        )
    suffix = rng.choice((".txt", ".txt", ".html", ".jsonl"))
    if suffix == ".jsonl":
        return suffix, json.dumps({"id": "uni", "text": text}, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return suffix, text.encode("utf-8", "surrogatepass")


def gen_absurd_dispatch(rng: random.Random) -> tuple[str, bytes]:
    text = "\n\n".join(dispatch(rng, absurd=True) for _ in range(rng.randint(1, 3)))
    suffix = rng.choice((".txt", ".txt", ".html", ".jsonl"))
    if suffix == ".html":
        return suffix, f"<html><body><article><p>{text}</p></article></body></html>".encode()
    if suffix == ".jsonl":
        record = {
            "id": rng.choice(("a", "b")),
            "text": text,
            "published": rng.choice(("2023-10-18", "99999-01-01", "1899-12-31", "2999-01-01")),
        }
        return suffix, json.dumps(record).encode()
    return suffix, text.encode()


GENERATORS: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    "random_bytes": gen_random_bytes,
    "broken_encoding": gen_broken_encoding,
    "html": gen_html,
    "hostile_jsonl": gen_hostile_jsonl,
    "long_line": gen_long_line,
    "control_chars": gen_control_chars,
    "unicode_mix": gen_unicode_mix,
    "absurd_dispatch": gen_absurd_dispatch,
}


def kind_plan(count: int, seed: int, kinds: Iterable[str] | None = None) -> list[str]:
    """Return the kind of each of `count` cases (shares of KIND_WEIGHTS, shuffled by `seed`)."""
    chosen = {k: w for k, w in KIND_WEIGHTS.items() if kinds is None or k in set(kinds)}
    total = sum(chosen.values())
    plan: list[str] = []
    for kind, weight in chosen.items():
        plan += [kind] * max(1, round(count * weight / total))
    plan = (plan + [next(iter(chosen))] * count)[:count]
    random.Random(seed).shuffle(plan)
    return plan


def make_case(kind: str, index: int, seed: int) -> Case:
    """Return case `index` of `seed` (the same input on every run)."""
    rng = random.Random(f"{seed}:{index}:{kind}")
    suffix, data = GENERATORS[kind](rng)
    post = rng.choice(("json", "json", "json", "surrogates", "raw"))
    return Case(kind=kind, index=index, suffix=suffix, data=data, post=post)


# -- running one case ---------------------------------------------------------------------------------


@dataclass
class Verdict:
    status: str  # processed, skipped, crashed
    detail: str = ""


def _check_result(result: Any) -> str | None:
    """Return what is wrong with a DocumentResult (an evidence quote its offsets do not give)."""
    text = result.document.text
    for event in (*result.events, *result.context_mentions):
        for report in event.reports:
            for evidence in report.evidence:
                if text[evidence.start : evidence.end] != evidence.text:
                    return f"evidence offsets {evidence.start}:{evidence.end} do not give {evidence.text[:60]!r}"
    return None


def _skip_problem(reason: str | None, detail: str | None) -> str | None:
    if not reason or not (detail or "").strip():
        return f"a skip without a reason or detail ({reason!r}, {detail!r})"
    if reason == "failed":
        return f"the pipeline failed: {detail}"
    return None


def run_extract(case: Case, folder: Path) -> Verdict:
    """Write the case to a file and read it through `process_inputs` (the `extract` path)."""
    from eventwire.models import Skip
    from eventwire.pipeline import process_inputs

    path = folder / f"case-{case.index}{case.suffix}"
    path.write_bytes(case.data)
    try:
        items = list(process_inputs([path]))
    except Exception:  # noqa: BLE001 - the harness records every escape
        return Verdict("crashed", traceback.format_exc())
    finally:
        path.unlink()
    if not items:
        return Verdict("crashed", "nothing came out: neither processed nor skipped")
    processed = False
    for item in items:
        if isinstance(item, Skip):
            problem = _skip_problem(item.reason, item.detail)
        else:
            problem = _check_result(item)
            processed = True
        if problem:
            return Verdict("crashed", problem)
    return Verdict("processed" if processed else "skipped")


def _request(case: Case) -> dict[str, Any]:
    fmt = SUFFIX_FORMAT[case.suffix]
    if case.post == "raw":
        return {"content": case.data, "headers": {**AUTH, "Content-Type": "application/json"}}
    text = case.data.decode("utf-8", "surrogateescape" if case.post == "surrogates" else "replace")
    body = json.dumps({"content": text, "format": fmt}, ensure_ascii=True)  # lone surrogates as \udcxx
    return {"content": body.encode(), "headers": {**AUTH, "Content-Type": "application/json"}}


def run_api(case: Case, client: Any) -> Verdict:
    """POST the case to /api/documents."""
    try:
        response = client.post("/api/documents", **_request(case))
    except Exception:  # noqa: BLE001
        return Verdict("crashed", traceback.format_exc())
    if response.status_code >= 500:
        return Verdict("crashed", f"HTTP {response.status_code}: {response.text[:500]}")
    try:
        body = response.json()
    except ValueError:
        return Verdict("crashed", f"HTTP {response.status_code} with a body that is not JSON: {response.text[:200]}")
    if response.status_code >= 400:
        message = (body.get("error") or {}).get("message") if isinstance(body, dict) else None
        return Verdict("skipped") if message else Verdict("crashed", f"HTTP {response.status_code} without a message")
    for skip in body.get("skips", []):
        problem = _skip_problem(skip.get("reason"), skip.get("detail"))
        if problem:
            return Verdict("crashed", problem)
    if body.get("documents"):
        return Verdict("processed")
    if body.get("skips"):
        return Verdict("skipped")
    return Verdict("crashed", "HTTP 200 with neither documents nor skips")


# -- the run ------------------------------------------------------------------------------------------


@dataclass
class Report:
    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    crashes: list[tuple[Case, str, str]] = field(default_factory=list)  # case, path, detail
    timings: list[tuple[float, Case]] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def crashed(self) -> int:
        return len(self.crashes)


def _api_client(folder: Path) -> Any:
    from eventwire.api import ApiSettings, create_app
    from eventwire.store import open_store

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    db = folder / "fuzz.sqlite"
    with open_store(db):
        pass
    app = create_app(ApiSettings(db=db, token=TOKEN))
    return TestClient(app, base_url="http://localhost", raise_server_exceptions=True)


def run(
    count: int = DEFAULT_COUNT,
    seed: int = DEFAULT_SEED,
    *,
    kinds: Iterable[str] | None = None,
    indexes: Iterable[int] | None = None,
    extract: bool = True,
    api: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Run the fuzz cases (all `count`, or only `indexes`) and return the report."""
    logging.getLogger("eventwire").setLevel(logging.CRITICAL)  # skips are counted, not logged
    plan = kind_plan(count, seed, kinds)
    wanted = sorted(set(indexes)) if indexes is not None else range(len(plan))
    report = Report()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="eventwire-fuzz-") as tmp:
        folder = Path(tmp)
        client = _api_client(folder) if api else None
        for n, index in enumerate(wanted):
            case = make_case(plan[index], index, seed)
            t0 = time.perf_counter()
            paths: list[tuple[str, Verdict]] = []
            if extract:
                paths.append(("extract", run_extract(case, folder)))
            if client is not None:
                paths.append(("api", run_api(case, client)))
            report.timings.append((time.perf_counter() - t0, case))
            report.counts[case.kind]["inputs"] += 1
            for name, verdict in paths:
                report.counts[case.kind][f"{name}:{verdict.status}"] += 1
                if verdict.status == "crashed":
                    report.crashes.append((case, name, verdict.detail))
            if progress is not None and (n + 1) % 500 == 0:
                progress(f"{n + 1} inputs, {report.crashed} crashes, {time.perf_counter() - started:.0f} s")
    report.elapsed = time.perf_counter() - started
    return report


def save_crashes(report: Report, folder: Path, seed: int) -> None:
    """Write each crash's input (with its suffix) and its traceback under `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for case, path, detail in report.crashes:
        stem = f"{case.kind}-{case.index}"
        (folder / f"{stem}{case.suffix}").write_bytes(case.data)
        (folder / f"{stem}.{path}.txt").write_text(
            f"kind {case.kind}, seed {seed}, index {case.index}, path {path}, post {case.post}\n"
            f"replay: python benchmarks/fuzz.py --seed {seed} --index {case.index}\n\n{detail}\n",
            encoding="utf-8",
        )


def summary(report: Report) -> str:
    """Return the printed summary: counts per kind and path, time, slowest inputs, first crashes."""
    columns = (
        "inputs",
        "extract:processed",
        "extract:skipped",
        "extract:crashed",
        "api:processed",
        "api:skipped",
        "api:crashed",
    )
    lines = [f"{'kind':<17}" + "".join(f"{c:>19}" for c in columns)]
    total: Counter[str] = Counter()
    for kind in KIND_WEIGHTS:
        if kind in report.counts:
            total.update(report.counts[kind])
            lines.append(f"{kind:<17}" + "".join(f"{report.counts[kind][c]:>19}" for c in columns))
    lines.append(f"{'total':<17}" + "".join(f"{total[c]:>19}" for c in columns))
    lines.append(f"{total['inputs']} inputs in {report.elapsed:.1f} s, {report.crashed} crashes")
    slowest = sorted(report.timings, key=lambda t: -t[0])[:5]
    lines.append("slowest: " + ", ".join(f"{c.kind}#{c.index} {s:.2f} s ({len(c.data)} bytes)" for s, c in slowest))
    for case, path, detail in report.crashes[:CRASHES_SHOWN]:
        lines.append(
            f"CRASH {case.kind}#{case.index} ({path}, {case.suffix}, post {case.post}): {detail.strip().splitlines()[-1][:300]}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="inputs in the run (default 10,000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--kinds", nargs="+", choices=sorted(KIND_WEIGHTS), help="only these kinds")
    parser.add_argument("--index", type=int, nargs="+", help="only these cases (replay a crash)")
    parser.add_argument("--crash-dir", type=Path, default=Path(tempfile.gettempdir()) / "eventwire-fuzz-crashes")
    parser.add_argument("--no-api", action="store_true", help="skip the POST /api/documents path")
    parser.add_argument("--no-extract", action="store_true", help="skip the extract path")
    args = parser.parse_args(argv)
    report = run(
        args.count,
        args.seed,
        kinds=args.kinds,
        indexes=args.index,
        extract=not args.no_extract,
        api=not args.no_api,
        progress=lambda line: print(line, file=sys.stderr, flush=True),
    )
    print(summary(report))
    if report.crashes:
        save_crashes(report, args.crash_dir, args.seed)
        print(f"crash inputs and tracebacks saved in {args.crash_dir}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
