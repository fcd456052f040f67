"""The `inspextract` Typer application and its global options; each command module adds its commands."""

from __future__ import annotations

from typing import Annotated

import typer

from inspextract import __version__
from inspextract.cli.boundary import EXIT_CODES_HELP, state

app = typer.Typer(
    name="inspextract",
    help="Turn inspection reports, press releases and committee papers into grounded JSON records.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    # Plain click help: rich's help renderer costs ~0.2 s of start-up on every --help.
    rich_markup_mode=None,
)


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"inspextract {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
) -> None:
    state["debug"] = debug
