"""Batch workers that misbehave on purpose, for the hang, crash, timeout and kill tests.

They live in a module of their own, importable by name, because workers receive their converter pickled
by reference: a worker started by the forkserver (the default from Python 3.12) imports this module to
find it, and so runs exactly what a forked one runs.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from inspextract.batch.worker import Converter, Outcome, Task


@dataclass(frozen=True)
class FaultyConverter(Converter):
    """Reads documents as usual, except that inside `parse` (so under the worker's own time limit):
    "hang*" blocks SIGALRM and sleeps, as C code that never returns would; "crash*" dies of SIGSEGV;
    "slow*" sleeps until the worker's own SIGALRM ends it. Every read waits `delay_s` first and, if `log`
    is set, appends the path it reads to that file."""

    delay_s: float = 0.0
    log: str | None = None

    def __call__(self, task: Task) -> Outcome:
        import inspextract.pipeline as pipeline

        if not hasattr(pipeline.read_document, "faulty"):  # once per worker process
            pipeline.read_document = self.misbehaving(pipeline.read_document)
        return super().__call__(task)

    def misbehaving(self, read_document):
        def read(source, **kwargs):
            name = Path(str(source)).name
            if self.log:
                with open(self.log, "a", encoding="utf-8") as log:
                    log.write(f"{source}\n")
            time.sleep(self.delay_s)
            if name.startswith("hang"):
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                time.sleep(60)
            if name.startswith("crash"):
                faulthandler.disable()  # pytest's crash dump would only be noise here
                os.kill(os.getpid(), signal.SIGSEGV)
            if name.startswith("slow"):
                time.sleep(60)  # interrupted by the worker's own SIGALRM
            return read_document(source, **kwargs)

        read.faulty = True
        return read


@dataclass(frozen=True)
class FreezeProbe(Converter):
    """Reports, as its error message, how many objects the worker's collector sees as frozen."""

    def __call__(self, task: Task) -> Outcome:
        import gc

        return Outcome(task[0], kind="probe", message=str(gc.get_freeze_count()))


def die_on_start(*args: object) -> None:
    """A worker that exits before it is ready, as one would with a broken installation."""
    raise SystemExit(3)
