"""An API over a temporary store seeded with hand-made events (no pipeline, no models), on SQLite
and on PostgreSQL."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest

from eventwire.api import ApiSettings, create_app
from eventwire.models import Document, Report
from eventwire.pipeline import DocumentResult
from eventwire.store import open_store
from tests.factories import TEXT_EN, TEXT_FR, make_bus_attack, make_event, quote

with warnings.catch_warnings():  # starlette suggests httpx2; httpx is what is installed
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def make_documents() -> tuple[Document, Document]:
    iraq = Document(
        id="doc-iraq",
        text=TEXT_FR,
        lang="fr",
        title="Drones <b>abattus</b>",
        url="https://example.org/a",
        outlet="AFP",
        published=date(2023, 10, 18),
        origin="a.txt",
    )
    kenya = Document(
        id="doc-kenya",
        text=TEXT_EN,
        lang="en",
        title="Bus attack",
        url="https://example.org/b",
        outlet="Reuters",
        published=date(2023, 10, 17),
        origin="b.txt",
    )
    return iraq, kenya


def make_results() -> list[DocumentResult]:
    iraq, kenya = make_documents()
    centcom = Report(
        iraq.id,
        iraq.url,
        "AFP",
        "le Centcom",
        "reported",
        (quote(iraq, "Deux drones ont été abattus près de la base aérienne d'Aïn al-Asad"),),
        0,
    )
    claim = Report(
        iraq.id,
        iraq.url,
        "AFP",
        "La Résistance islamique en Irak",
        "claimed",
        (quote(iraq, "La Résistance islamique en Irak a revendiqué l'attaque."),),
        0,
    )
    asad = make_event(
        iraq,
        event_id="ew-asad",
        event_date=date(2023, 10, 18),
        event_type="Strategic developments",
        sub_event_type="Disrupted weapons use",
        admin2=None,
        location="Ain al-Asad Air Base",
        latitude=33.786,
        longitude=42.441,
        notes="Two drones shot down near Ain al-Asad.",
        fatalities_low=None,
        fatalities_high=None,
        confidence=0.9,
        reports=(centcom, claim),
    )
    wajir = make_bus_attack(kenya, event_id="ew-wajir", notes="Gunmen attacked a bus.", confidence=0.7)
    return [DocumentResult(iraq, (asad,)), DocumentResult(kenya, (wajir,))]


def seed_store(path: str | Path) -> None:
    with open_store(path) as store:
        for result in make_results():
            store.write_result(result)


@pytest.fixture
def db(store_location: str | Path) -> str | Path:
    """The seeded store the API serves: an SQLite file, then a PostgreSQL schema."""
    seed_store(store_location)
    return store_location


def client_for(settings: ApiSettings) -> TestClient:
    return TestClient(create_app(settings), base_url="http://localhost", raise_server_exceptions=False)


@pytest.fixture
def client(db: Path) -> TestClient:
    return client_for(ApiSettings(db=db, token=TOKEN))
