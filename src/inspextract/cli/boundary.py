"""The command's one error boundary and its ending: every error a user can meet becomes one line on stderr
and a documented exit code (a traceback only with --debug)."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable
from typing import NoReturn, TypeVar

import typer

from inspextract.errors import ExitCode, InspextractError

EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 batch: some documents failed; 2 usage error; 3 file not found or unreadable; "
    "4 unsupported format; 5 damaged file; 6 password-protected PDF; 7 no extractable text; "
    "8 over a size or page limit; 9 over the time limit; 10 spaCy model missing; "
    "11 batch workers could not start; 70 internal error; 130 interrupted; "
    "141 output closed early by its reader."
)

T = TypeVar("T")
state = {"debug": False}


def fail(message: str, code: int) -> NoReturn:
    """Print a one-line error on stderr and exit with `code`."""
    sys.stderr.write(f"inspextract: error: {message}\n")
    raise typer.Exit(code)


def guarded(action: Callable[[], T]) -> T:
    """The one error boundary: known errors become one line and their exit code; bugs become code 70."""
    try:
        return action()
    except InspextractError as err:
        if state["debug"]:
            raise
        fail(str(err) or err.kind, err.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader of stdout has gone (head, a closed jq): stop quietly, as shell tools do on SIGPIPE.
        discard_stdout()
        raise typer.Exit(ExitCode.BROKEN_PIPE) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as err:  # a bug: still one line unless --debug
        if state["debug"]:
            raise
        fail(
            f"internal error ({type(err).__name__}: {err}); rerun with --debug for details", ExitCode.INTERNAL
        )


def exit_flushed(code: str | int | None) -> NoReturn:
    """Exit with `code` once stdout is flushed: a reader of stdout gone before the end turns success into
    141, quietly, as shell tools end on SIGPIPE."""
    # What is left (the model's objects among it) is frozen, so the interpreter's final collection skips
    # it instead of walking it all on the way out.
    gc.freeze()
    try:
        sys.stdout.flush()
    except OSError:  # BrokenPipeError: the output never fully reached its reader
        discard_stdout()
        code = code or ExitCode.BROKEN_PIPE
    sys.exit(code)


def discard_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's own flush of what is left cannot fail again."""
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
