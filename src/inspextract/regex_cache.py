"""Compiled regular expressions kept between runs of the command, so a process starts without re-parsing them.

Python compiles a pattern in two steps: a parser written in Python turns it into a program (a list of
integers), then C code builds the Pattern from that program. Parsing the extractors' ~260 patterns (phrase
lexicons, dates, cues) costs 45-100 ms in every process that reads a document: each `parse`, and in a batch
both the parent and the process preparing documents while the model loads. This cache keeps the programs
in one file per Python build and builds Patterns straight from them; a pattern it does not hold is parsed
as usual and added.

Only the command line installs it (`install`, then `save` at its end): a library must not change how its
host program compiles patterns. The file's name carries the Python version and the program format, and C
code checks every program before running it; a file that does not load is ignored and written afresh.
Set INSPEXTRACT_REGEX_CACHE=0 to turn it off; XDG_CACHE_HOME moves it (default ~/.cache/inspextract).
"""

from __future__ import annotations

import contextlib
import importlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

OFF_VARIABLE = "INSPEXTRACT_REGEX_CACHE"
# Python versions whose re._compiler.compile this module repeats (its source is identical in 3.11-3.13).
VERSIONS = ((3, 11), (3, 12), (3, 13))
# A cap on the file: a library that builds a pattern differently in each run (the standard library's
# tokenize joins a set) adds a program every run. Past the cap the file keeps only the saving run's programs.
MAX_FILE_BYTES = 1_500_000

Key = tuple[str | bytes, int]
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

compiler: Any = importlib.import_module("re._compiler")
parser: Any = importlib.import_module("re._parser")


class ProgramCache:
    """The programs of one file, and the `re._compiler.compile` replacement that uses and extends them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.loaded: dict[Key, Program] | None = None  # read at the first compile: --help needs none
        self.used: set[Key] = set()
        self.added = 0
        self.original = compiler.compile

    @property
    def programs(self) -> dict[Key, Program]:
        if self.loaded is None:
            self.loaded = load(self.path)
        return self.loaded

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        # A re.DEBUG pattern prints its program while compiling, so it is never cached.
        if not isinstance(pattern, str | bytes) or flags & re.DEBUG:
            return self.original(pattern, flags)
        key = (pattern, int(flags))
        self.used.add(key)
        program = self.programs.get(key)
        if program is not None:
            try:
                return compiler._sre.compile(pattern, *program)
            except (RuntimeError, TypeError, ValueError):  # not a program this Python runs: parse it again
                del self.programs[key]
        program = self.programs[key] = make_program(pattern, int(flags))
        self.added += 1
        return compiler._sre.compile(pattern, *program)

    def save(self) -> None:
        """Write the file if this process added programs: whole or not at all (a temporary file renamed)."""
        if not self.added:
            return
        with contextlib.suppress(OSError, ValueError):
            data = marshal.dumps(self.programs)
            if len(data) > MAX_FILE_BYTES:
                data = marshal.dumps({key: self.programs[key] for key in self.used if key in self.programs})
            import tempfile  # here, not at the top: most runs have nothing to save

            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".regex-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        self.added = 0


def make_program(pattern: str | bytes, flags: int) -> Program:
    """What re._compiler.compile hands to C code for `pattern`, as plain data that marshal can write."""
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        [int(op) for op in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def load(path: Path) -> dict[Key, Program]:
    try:
        programs = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return programs if isinstance(programs, dict) else {}


def cache_path() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    build = f"{sys.implementation.cache_tag}-{compiler._sre.MAGIC}-{'.'.join(map(str, sys.version_info[:3]))}"
    return Path(root) / "inspextract" / f"regex-{build}.marshal"


active: ProgramCache | None = None


def install() -> None:
    """Route this process's regex compiles through the cache (and its children's: forks inherit it)."""
    global active
    if active is not None or os.environ.get(OFF_VARIABLE) == "0" or sys.version_info[:2] not in VERSIONS:
        return
    try:
        active = ProgramCache(cache_path())
    except RuntimeError:  # no home folder to keep it in
        return
    compiler.compile = active.compile


def save() -> None:
    """Keep what this process added, for the next run."""
    if active is not None:
        active.save()
