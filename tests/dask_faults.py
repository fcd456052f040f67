"""Converters for the Dask tests, importable by name as Dask workers unpickle them (see batch_faults.py)."""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from inspextract.batch.worker import Converter, Outcome, Task

from .batch_faults import FaultyConverter


@dataclass(frozen=True)
class WorkerKiller(FaultyConverter):
    """FaultyConverter, and "kill*" documents SIGKILL the Dask worker process itself, as a lost machine
    would: the process that hosts the forkserver the converting process was forked from."""

    def __call__(self, task: Task) -> Outcome:
        if Path(task[1]).name.startswith("kill"):
            if self.log:
                with open(self.log, "a", encoding="utf-8") as log:
                    log.write(f"{task[1]}\n")
            os.kill(parent_of(os.getppid()), signal.SIGKILL)
            time.sleep(60)
        return super().__call__(task)


@dataclass(frozen=True)
class ModelProbe(Converter):
    """Reports, as its error message, the process its worker was forked from and whether the model was
    loaded there before this document ("1") or not ("0")."""

    def __call__(self, task: Task) -> Outcome:
        from inspextract.nlp import get_nlp

        loaded = get_nlp.cache_info().currsize
        return Outcome(task[0], kind="probe", message=f"{os.getppid()} {loaded}")


def parent_of(pid: int) -> int:
    """The parent process of `pid` (Linux: /proc/PID/stat, whose fourth field it is)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[1])
