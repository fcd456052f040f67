"""The exception tree and exit codes: each exception's `str()` is the one-line message a user sees."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the `inspextract` command (README's table is kept equal to this by a test)."""

    OK = 0
    PARTIAL_FAILURE = 1  # batch: some documents failed, the others have records
    USAGE = 2  # bad command-line usage (typer/click's own code)
    NOT_FOUND = 3  # the input file does not exist or cannot be read
    UNSUPPORTED = 4  # not a format inspextract reads (binary, unknown)
    DAMAGED = 5  # a supported format, but damaged or not what it claims to be
    ENCRYPTED = 6  # a password-protected PDF
    NO_TEXT = 7  # no extractable text (empty file, scanned PDF without a text layer)
    TOO_LARGE = 8  # over a size, page or decompressed-size limit
    TIMEOUT = 9  # over the time limit
    MODEL_MISSING = 10  # the spaCy English model is not installed
    WORKERS_FAILED = 11  # batch: worker processes kept dying before they could read a document
    INTERNAL = 70  # a bug in inspextract: please report it
    INTERRUPTED = 130  # Ctrl-C or SIGTERM (128 + SIGINT, as shells report it)
    BROKEN_PIPE = 141  # whoever read the output closed it first ("| head"); as a shell tool ends on SIGPIPE


class InspextractError(Exception):
    """Base of every error inspextract reports to its user."""

    exit_code = ExitCode.INTERNAL
    kind = "internal"


class InputNotFound(InspextractError):
    exit_code = ExitCode.NOT_FOUND
    kind = "not_found"


class UnsupportedFormat(InspextractError):
    exit_code = ExitCode.UNSUPPORTED
    kind = "unsupported"


class DamagedInput(InspextractError):
    exit_code = ExitCode.DAMAGED
    kind = "damaged"


class EncryptedInput(InspextractError):
    exit_code = ExitCode.ENCRYPTED
    kind = "encrypted"


class NoText(InspextractError):
    exit_code = ExitCode.NO_TEXT
    kind = "no_text"


class TooLarge(InspextractError):
    exit_code = ExitCode.TOO_LARGE
    kind = "too_large"


class TimedOut(InspextractError):
    exit_code = ExitCode.TIMEOUT
    kind = "timeout"


class ModelMissing(InspextractError):
    exit_code = ExitCode.MODEL_MISSING
    kind = "model_missing"


class WorkerCrashed(InspextractError):
    """A batch worker process died (segfault, out-of-memory kill) while reading a document."""

    exit_code = ExitCode.INTERNAL
    kind = "crashed"


class WorkersFailed(InspextractError):
    """Batch workers kept dying before they were ready (a broken installation, no memory left): the batch
    cannot convert anything, so it stops."""

    exit_code = ExitCode.WORKERS_FAILED
    kind = "workers_failed"
