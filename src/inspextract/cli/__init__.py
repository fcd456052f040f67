"""The `inspextract` command line: `app` (the application), `commands` (parse, text, batch, schema),
`review_command` and `export_command` (a thin layer over the library each), `options` (what they share),
`boundary` (errors to one line and an exit code) and `main` (runs it)."""

from inspextract.cli.main import console_main, main
from inspextract.cli.typer_app import app

__all__ = ["app", "console_main", "main"]
