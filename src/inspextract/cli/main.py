"""Runs the command line: every command module is imported here, so each has added its commands to `app`."""

from __future__ import annotations

from typing import NoReturn

from inspextract.cli import commands, export_command, review_command  # noqa: F401  (they register commands)
from inspextract.cli.boundary import exit_flushed
from inspextract.cli.typer_app import app


def main() -> None:
    """Run the command line on sys.argv; ends, as click does, by raising SystemExit with the exit code."""
    app()


def console_main() -> NoReturn:
    """The `inspextract` command: `main`, then its output flushed before the exit."""
    try:
        main()
    except SystemExit as done:
        exit_flushed(done.code)
    exit_flushed(0)
