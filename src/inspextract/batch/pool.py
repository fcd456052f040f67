"""The local executor: a fixed number of worker processes, each converting one document at a time.

The model is loaded once before the workers fork (by the batch's own process, or on Python >= 3.12 by the
forkserver they fork from), so a worker, or a replacement for a killed one, starts in milliseconds.
The parent keeps each worker two tasks deep (the one it runs and the next, waiting in its pipe, so it
never waits while the parent writes records) and watches every worker's pipe and process sentinel, so it
can kill and replace a worker that overruns its time limit (even one stuck in C code, where the worker's
own SIGALRM never fires) or that dies (segfault, out-of-memory kill), and the batch goes on.
`concurrent.futures` cannot do this: one dead worker breaks the whole `ProcessPoolExecutor`.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import TracebackType

from inspextract.batch.worker import READY, Converter, Outcome, Task, load_shared, worker_main
from inspextract.errors import TimedOut, WorkerCrashed, WorkersFailed

# "fork" after the parent has loaded the NLP pipeline. The parent stays single-threaded while it forks (the
# progress display refreshes from the main loop, not a thread). From Python 3.12 forking a process that
# has threads (numpy's BLAS pool counts) is deprecated, so there "forkserver" is used: its server loads
# the model once (batch/preload.py) and workers fork from it just as ready.
DEFAULT_START_METHOD = "fork" if sys.version_info < (3, 12) and hasattr(os, "fork") else "forkserver"
# Seconds the parent waits beyond the per-document --timeout before it kills the worker: the worker's
# own SIGALRM (pipeline's time_limit) gets the first chance to turn the overrun into a clean error record;
# 2 s covers a loaded 2-core machine without letting a stuck worker linger.
KILL_GRACE_S = 2.0
# Longest the parent sleeps between checks, so that the progress display and deadlines stay current.
TICK_S = 0.2
# Workers that die before they are ready (bad install, broken model) stop the batch after this many:
# replacing them for ever would spin without converting anything.
MAX_START_FAILURES = 3
# Seconds a new worker may take to start before it is given up as hung (forked, it is ready in
# milliseconds; 120 s covers a forkserver loading the model on a busy machine, once).
START_TIMEOUT_S = 120.0
# Seconds to let idle workers exit by themselves at the end before they are killed.
EXIT_WAIT_S = 1.0
# Seconds to wait for a killed worker to be gone: SIGKILL ends it at once unless it is stuck in the kernel
# (a hung disk), and then the batch goes on without waiting (multiprocessing reaps it later).
REAP_WAIT_S = 5.0
# Tasks handed to a worker at once: the running one and the next.
TASKS_PER_WORKER = 2


@dataclass
class Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    # Sent to the worker and not yet answered: the first is running, the rest wait in its pipe.
    tasks: deque[Task] = field(default_factory=deque)
    started: float = field(default_factory=time.monotonic)  # of the running task, or of the process

    @property
    def task(self) -> Task | None:
        """The task the worker is running, if any."""
        return self.tasks[0] if self.tasks else None


def start_frozen(process: BaseProcess) -> None:
    """Start `process` with the caller's objects frozen (`gc.freeze`, undone in the caller at once): a forked
    child's collections then never walk, and so never copy-on-write, the objects it inherits (the model's
    ~80,000 in a worker: 0.05 s a full collection). A program calling the batch keeps its own collector."""
    gc.freeze()
    try:
        process.start()
    finally:
        gc.unfreeze()


class WorkerPool:
    """Worker processes running `convert`; overrunning or dead ones are killed and replaced."""

    def __init__(self, size: int, convert: Converter, start_method: str = DEFAULT_START_METHOD) -> None:
        self.size = max(1, size)
        self.convert = convert
        self.start_method = start_method
        self.context = multiprocessing.get_context(start_method)
        if start_method == "forkserver":
            self.context.set_forkserver_preload(["inspextract.batch.preload"])
        self.workers: list[Worker] = []
        self.queue: deque[Task] = deque()
        self.start_failures = 0
        timeout_s = convert.limits.timeout_s
        self.kill_after_s = timeout_s + KILL_GRACE_S if timeout_s else None

    def __enter__(self) -> WorkerPool:
        if self.start_method == "fork":
            load_shared()  # here once, inherited by every worker (and every replacement) through fork
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close(graceful=kind is None)

    def start_worker(self) -> None:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=worker_main, args=(child_end, self.convert), daemon=True
        )
        start_frozen(process)
        child_end.close()
        self.workers.append(Worker(process, parent_end))

    def retire(self, worker: Worker) -> None:
        """Kill a worker (if still alive) and forget it."""
        kill(worker.process)
        worker.conn.close()
        self.workers.remove(worker)
        if not worker.ready:
            self.start_failures += 1
            if self.start_failures >= MAX_START_FAILURES:
                code = worker.process.exitcode
                raise WorkersFailed(f"batch workers keep dying on start ({exit_status(code)})")

    def imap_unordered(self, tasks: list[Task], tick: Callable[[], None] | None = None) -> Iterator[Outcome]:
        """Yield one `Outcome` per task, in completion order; `tick` is called about every TICK_S."""
        self.queue = deque(tasks)
        while self.queue or any(w.task for w in self.workers):
            if tick:
                tick()
            busy = sum(1 for w in self.workers if w.task)
            while len(self.workers) < min(self.size, len(self.queue) + busy):
                self.start_worker()
            self.dispatch()
            outcomes = self.collect()
            outcomes += self.stop_overruns()
            self.dispatch()  # before the caller writes the outcomes, so no worker waits on that
            yield from outcomes

    def dispatch(self) -> None:
        """Top every ready worker up to TASKS_PER_WORKER from the queue."""
        for worker in list(self.workers):
            while worker.ready and len(worker.tasks) < TASKS_PER_WORKER and self.queue:
                task = self.queue.popleft()
                try:
                    worker.conn.send(task)
                except OSError:  # it died: the task never reached it (collect reports a running one)
                    self.queue.appendleft(task)
                    if not worker.tasks:
                        self.retire(worker)
                    break
                if not worker.tasks:
                    worker.started = time.monotonic()
                worker.tasks.append(task)

    def collect(self) -> list[Outcome]:
        """Wait for results, ready signals or deaths (up to one tick) and handle them."""
        handles: list[object] = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        wait(handles, timeout=TICK_S)  # type: ignore[arg-type]
        outcomes: list[Outcome] = []
        for worker in list(self.workers):
            try:
                message = worker.conn.recv() if worker.conn.poll() else None
            except (EOFError, OSError):
                message = None
            if message == READY:
                worker.ready = True
            elif isinstance(message, Outcome):
                if worker.tasks:
                    worker.tasks.popleft()
                worker.started = time.monotonic()  # the next task, if one waits, begins now
                outcomes.append(message)
            elif not worker.process.is_alive():
                outcomes += self.crashed(worker)
        return outcomes

    def requeue_waiting(self, worker: Worker) -> None:
        """Put the tasks a dead or killed worker had not begun back at the front of the queue."""
        self.queue.extendleft(reversed(list(worker.tasks)[1:]))

    def crashed(self, worker: Worker) -> list[Outcome]:
        task = worker.task
        self.requeue_waiting(worker)
        self.retire(worker)
        if task is None:
            return []
        message = f"worker process died ({exit_status(worker.process.exitcode)}) while reading this document"
        return [Outcome(task[0], kind=WorkerCrashed.kind, message=message)]

    def stop_overruns(self) -> list[Outcome]:
        """Kill workers past the document's time limit (plus grace): the document becomes a timeout."""
        now, outcomes = time.monotonic(), []
        for worker in list(self.workers):
            if not worker.ready and now - worker.started > START_TIMEOUT_S:
                self.retire(worker)  # hung while starting: counts towards MAX_START_FAILURES
            elif worker.task and self.kill_after_s is not None and now - worker.started > self.kill_after_s:
                index = worker.task[0]
                self.requeue_waiting(worker)
                self.retire(worker)
                limit = self.convert.limits.timeout_s
                message = f"took longer than the time limit of {limit:g} s (see --timeout)"
                outcomes.append(Outcome(index, kind=TimedOut.kind, message=message))
        return outcomes

    def close(self, graceful: bool) -> None:
        """Stop every worker: ask idle ones to exit when `graceful`, kill the rest."""
        if graceful:
            for worker in self.workers:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
            deadline = time.monotonic() + EXIT_WAIT_S
            for worker in self.workers:
                worker.process.join(max(0.0, deadline - time.monotonic()))
        for worker in self.workers:
            kill(worker.process)
            worker.conn.close()
        self.workers.clear()


def kill(process: BaseProcess) -> None:
    """SIGKILL `process` if it is alive, and wait for it to be gone (at most REAP_WAIT_S)."""
    if process.is_alive():
        process.kill()
    process.join(REAP_WAIT_S)


def exit_status(code: int | None) -> str:
    """How a process ended, in words: "signal SIGSEGV" or "exit code 1"."""
    if code is not None and code < 0:
        return f"signal {signal.Signals(-code).name}"
    return f"exit code {code or 0}"


def default_jobs() -> int:
    """Worker processes to use by default: the CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)
