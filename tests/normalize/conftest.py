"""Fixtures shared by the normalize tests."""

from __future__ import annotations

import os

import pytest

from eventwire.normalize.gazetteer import load_gazetteer


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory):
    """The real gazetteer, its index built once per test session (~15 s) in a temporary cache
    dir unless EVENTWIRE_CACHE names one."""
    cache = os.environ.get("EVENTWIRE_CACHE") or str(tmp_path_factory.mktemp("cache"))
    previous = os.environ.get("EVENTWIRE_CACHE")
    os.environ["EVENTWIRE_CACHE"] = cache
    try:
        yield load_gazetteer()
    finally:
        if previous is None:
            os.environ.pop("EVENTWIRE_CACHE", None)
