"""The `slow` marker, for real: a test module that reaches the spaCy models, the sentence encoder,
the gazetteer index or the whole pipeline is marked slow at collection, and a run that deselects
slow tests (`./dev test -m "not slow"`) fails any unmarked test that loads a spaCy model anyway, naming the test — so the quick run stays quick and the marker cannot go stale."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

# Entry points that load a spaCy model, the encoder, the gazetteer index or run the pipeline (not
# a package path: importing `eventwire.gazetteer` loads no index).
HEAVY_ENTRY_POINTS = re.compile(
    r"(?<![./])\b(load_pipeline|analyze|analyze_batch|extract_events|extract_events_batch|"
    r"process_inputs|process_documents|ingest_inputs|pipeline_events|pipeline_result|"
    r"find_mentions|find_fr|find_en|load_gazetteer|gazetteer|evaluate_geoparse|run_eval|"
    r"load_encoder|subtype_probabilities|classify_sub_event|demo)\b"
)
_HEAVY_MODULES: dict[Path, bool] = {}
# A module that starts processes (the CLI, `eventwire serve`, process pools, ray) whose pipeline
# reads the run's cache dir: its tests find that cache built (`_run_cache_ready`).
SPAWNS_PROCESSES = re.compile(r"\b(subprocess|Popen|running_server|ProcessPool\w*|multiprocessing|ray)\b")
_SPAWNING_MODULES: dict[Path, bool] = {}


def _module_spawns(path: Path) -> bool:
    if path not in _SPAWNING_MODULES:
        _SPAWNING_MODULES[path] = bool(SPAWNS_PROCESSES.search(path.read_text(encoding="utf-8")))
    return _SPAWNING_MODULES[path]


def _module_is_heavy(path: Path) -> bool:
    if path not in _HEAVY_MODULES:
        _HEAVY_MODULES[path] = bool(HEAVY_ENTRY_POINTS.search(path.read_text(encoding="utf-8")))
    return _HEAVY_MODULES[path]


# The test modules that take longest, longest first (measured with `--durations`). Under
# pytest-xdist (`./dev test`: `--dist loadfile --no-loadscope-reorder`, a module is one unit of
# work) they are handed out first and the many short modules fill in after them, most tests first,
# so that no long module starts last while the other worker idles.
LONGEST_FIRST = (
    "tests/quality/test_geoparsing_floors_lgl.py",
    "tests/quality/test_geoparsing_floors.py",
    "tests/quality/test_eval_floors_notes.py",
    # after the in-process evaluations: their CLI subprocesses run under a time limit
    "tests/integration/test_store_batches.py",
    "tests/test_batch_ray.py",
    "tests/gazetteer/test_index.py",
    "tests/geoparse/test_places.py",
    "tests/resolve/test_event_structure.py",
    "tests/resolve/test_dev_resolution.py",
    "tests/quality/test_eval_floors.py",
    "tests/quality/test_eval_floors_b.py",
    "tests/resolve/test_structure_session11.py",
    "tests/fuzz/test_fuzz.py",
    "tests/api/test_schemathesis.py",
)


def _longest_first(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = [name for name in LONGEST_FIRST if not (config.rootpath / name).is_file()]
    if missing:  # a renamed or removed module: the list must follow it
        raise pytest.UsageError(f"tests/conftest.py LONGEST_FIRST names no such test module: {missing}")
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    counts: dict[str, int] = {}
    for item in items:
        counts[item.nodeid.split("::")[0]] = counts.get(item.nodeid.split("::")[0], 0) + 1

    def key(item: pytest.Item) -> tuple[int, int]:
        module = item.nodeid.split("::")[0]
        return rank.get(module, len(rank)), -counts[module]

    items.sort(key=key)  # stable: a module's tests keep their order


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.fspath))
        if path.suffix == ".py" and _module_is_heavy(path):
            item.add_marker(pytest.mark.slow)
    if hasattr(config, "workerinput"):  # an xdist worker: the order is the one work is handed out in
        _longest_first(config, items)


class _HeavyLoadInQuickRun(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def _quick_run_loads_no_model(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """In a run that deselects slow tests, loading a spaCy model is an error."""
    markexpr = request.config.getoption("markexpr", default="") or ""
    if "not slow" not in markexpr or request.node.get_closest_marker("slow") is not None:
        yield
        return
    import spacy

    def refuse(*args, **kwargs):
        raise _HeavyLoadInQuickRun(f"{request.node.nodeid} loads a model but is not marked slow (tests/conftest.py)")

    monkeypatch.setattr(spacy, "load", refuse)
    yield


# -- one cache dir per test run ----------------------------------------------------------------
# The gazetteer index (~30 s to build) and the sub-type classifier are built into EVENTWIRE_CACHE.
# Unless EVENTWIRE_CACHE names one, the run builds them afresh in ONE temporary dir, set before any
# test and before pytest-xdist starts its workers, so that every worker, every test (whole-pipeline
# tests and the `gazetteer` fixture alike) and every subprocess (the CLI, `eventwire serve`) reads
# the same files: built once a run (`_run_cache_ready`), not once per worker and again per cache
# dir. The dir is removed when the run ends.
_RUN_CACHE_OWNER = "_EVENTWIRE_TEST_CACHE_OWNER"
_RUN_CACHE: list[str] = []  # this run's cache dir, as pytest_configure found or made it


def pytest_configure(config: pytest.Config) -> None:
    if not os.environ.get("EVENTWIRE_CACHE"):
        import tempfile

        os.environ["EVENTWIRE_CACHE"] = tempfile.mkdtemp(prefix="eventwire-test-cache-")
        os.environ[_RUN_CACHE_OWNER] = str(os.getpid())
    _RUN_CACHE.append(os.environ["EVENTWIRE_CACHE"])


def pytest_unconfigure(config: pytest.Config) -> None:
    if os.environ.get(_RUN_CACHE_OWNER) != str(os.getpid()):
        return  # an xdist worker, or a cache dir the caller named: not this process's to remove
    import shutil

    shutil.rmtree(os.environ.pop("EVENTWIRE_CACHE"), ignore_errors=True)
    os.environ.pop(_RUN_CACHE_OWNER)


_RUN_CACHE_READY: list[bool] = []


@pytest.fixture(autouse=True)
def _run_cache_ready(request: pytest.FixtureRequest) -> None:
    """Before this process's first slow test or test of a module that starts processes, the run's
    gazetteer index and sub-type model exist: the CLI or `eventwire serve` a test starts reads
    them under a time limit and must not be the one to build them. The first worker builds them under a lock; the other
    waits for it and reads them (built once a run, not once a worker)."""
    if _RUN_CACHE_READY:
        return
    path = Path(str(request.node.fspath))
    quick_run = "not slow" in (request.config.getoption("markexpr", default="") or "")
    spawns = _module_spawns(path) or "e2e" in path.parts  # e2e: `eventwire serve` from its conftest
    if request.node.get_closest_marker("slow") is None and (quick_run or not spawns):
        return
    import fcntl

    from eventwire.extract.subtype_model import load_model
    from eventwire.gazetteer import load_gazetteer
    from eventwire.gazetteer.index_file import default_index_path

    cache = Path(_RUN_CACHE[0])
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / "test-build.lock", "w") as lock, pytest.MonkeyPatch.context() as mp:
        fcntl.flock(lock, fcntl.LOCK_EX)
        mp.setenv("EVENTWIRE_CACHE", str(cache))  # the run's, whatever a module fixture set
        load_gazetteer(default_index_path())
        load_model()
    _RUN_CACHE_READY.append(True)


@pytest.fixture(scope="session")
def gazetteer():
    """The real gazetteer, its index built once per test run in the run's cache dir (above)."""
    from eventwire.gazetteer import load_gazetteer

    return load_gazetteer()


# -- store backends (issue 19) -------------------------------------------------------------------
# Store tests take `store_location`: an SQLite file, then a fresh schema of a PostgreSQL database
# (dropped after the test). The server is EVENTWIRE_TEST_PG, by default the one CI runs on
# 127.0.0.1:5432; where none answers, the PostgreSQL cases skip with the reason (`./dev test`
# shows it: -rs), or fail when EVENTWIRE_REQUIRE_PG=1 (a CI that must run them).
PG_TEST_URL = os.environ.get("EVENTWIRE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/eventwire_test")


def _pg_admin_url(url: str) -> str:
    """Return the URL of the server's maintenance database (to create the test database)."""
    return url.rsplit("/", 1)[0] + "/postgres"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """Return the test database's URL, creating the database once; skip when no server answers."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        pytest.skip("PostgreSQL store tests need psycopg (pip install 'psycopg[binary]')")
    try:
        psycopg.connect(PG_TEST_URL, connect_timeout=3).close()
    except psycopg.OperationalError as first:
        try:
            with psycopg.connect(_pg_admin_url(PG_TEST_URL), autocommit=True, connect_timeout=3) as admin:
                database = PG_TEST_URL.rsplit("/", 1)[1].split("?")[0]
                try:
                    admin.execute(f'CREATE DATABASE "{database}"')
                except psycopg.errors.DuplicateDatabase:  # another test process made it
                    pass
        except psycopg.OperationalError as e:
            reason = " ".join(str(e).split()) or " ".join(str(first).split())
            message = f"no PostgreSQL server answers at {PG_TEST_URL} (set EVENTWIRE_TEST_PG): {reason}"
            if os.environ.get("EVENTWIRE_REQUIRE_PG") == "1":
                pytest.fail(message)
            pytest.skip(message)
    return PG_TEST_URL


@pytest.fixture
def postgres_location(postgres_url: str) -> Iterator[str]:
    """Yield the URL of a new, empty schema of the test database; drop it after the test."""
    import uuid

    import psycopg

    schema = f"ew_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in postgres_url else "?"
    yield f"{postgres_url}{separator}options=-csearch_path%3D{schema}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a test's store lives: an SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        return tmp_path / "events.db"
    return request.getfixturevalue("postgres_location")
