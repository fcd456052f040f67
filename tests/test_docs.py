"""The README stays true to the code: exit codes and commands."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from inspextract.cli import app
from inspextract.errors import ExitCode

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_exit_code_table_matches_enum() -> None:
    table = dict(re.findall(r"^\| (\d+) \| (.+?) \|$", README, re.M))
    assert {int(code) for code in table} == {int(code) for code in ExitCode}


def test_every_command_has_help_and_is_in_readme() -> None:
    runner = CliRunner()
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert f"inspextract {name}" in README, name
