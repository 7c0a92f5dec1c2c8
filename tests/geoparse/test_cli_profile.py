"""`eventwire geoparse --geo-profile`: an unknown profile is refused before any model loads."""

from __future__ import annotations

from typer.testing import CliRunner

from eventwire.cli import app


def test_an_unknown_geo_profile_is_refused_by_the_cli(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Gunmen attacked a checkpoint near Kerou on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["geoparse", str(path), "--geo-profile", "rural"])
    assert result.exit_code == 2
    assert "us-local" in result.output
