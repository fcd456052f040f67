"""The `inspextract` command line: `commands` (the commands, a thin layer over the library), `options`
(what they share) and `boundary` (errors to one line and an exit code)."""

from inspextract.cli.commands import app, console_main, main

__all__ = ["app", "console_main", "main"]
