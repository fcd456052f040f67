"""Batch worker processes: each loads the NLP pipeline once and converts one document at a time.

The parent keeps each worker two tasks deep (the one it runs and the next, waiting in its pipe, so it never
waits while the parent writes records) and watches every worker's pipe and process sentinel, so
it can kill and replace a worker that overruns its time limit (even one stuck in C code, where the
worker's own SIGALRM never fires) or that dies (segfault, out-of-memory kill) — and the batch goes on.
`concurrent.futures` cannot do this: one dead worker breaks the whole `ProcessPoolExecutor`.
"""

from __future__ import annotations

import contextlib
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
from pathlib import Path
from types import TracebackType

from inspextract.batch_prepare import Preparer, Task, start_frozen, take_prepared
from inspextract.errors import InspextractError, TimedOut, WorkerCrashed
from inspextract.limits import Limits
from inspextract.timeout import time_limit

# Seconds the parent waits beyond the per-document --timeout before it kills the worker: the worker's
# own SIGALRM (pipeline.time_limit) gets the first chance to turn the overrun into a clean error record;
# 2 s covers a loaded 2-core machine without letting a stuck worker linger.
KILL_GRACE_S = 2.0
# Longest the parent sleeps between checks, so that the progress display and deadlines stay current.
TICK_S = 0.2
# Workers that die before they are ready (bad install, broken model) stop the batch after this many:
# replacing them for ever would spin without converting anything.
MAX_START_FAILURES = 3
# Seconds a new worker may take to import and load the model before it is given up as hung (the model
# loads in 1-5 s on a busy 2-core machine; a deadlocked start must not stall the batch for ever).
START_TIMEOUT_S = 120.0
# Seconds to let idle workers exit by themselves at the end before they are killed.
EXIT_WAIT_S = 1.0
READY = "ready"
# Tasks handed to a worker at once: the running one and the next.
TASKS_PER_WORKER = 2


@dataclass(frozen=True)
class Outcome:
    """One document's result: its record as compact JSON, or an error kind and message."""

    index: int
    record_json: str | None = None
    pages: int | None = None
    kind: str | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.record_json is not None


def convert(
    task: Task, limits: Limits, pdf_engine: str, all_entities: bool = False, prepared: Path | None = None
) -> Outcome:
    """Parse one document into an `Outcome`, finishing its prepared copy (or reporting the error preparing
    it met) if the folder `prepared` holds one (batch_prepare.py): never raises for a bad document."""
    from inspextract.output import to_json
    from inspextract.pipeline import finish, parse

    index, path = task
    try:
        ready = take_prepared(prepared, index)
        if isinstance(ready, InspextractError):
            raise ready  # what preparing it met: reported as a parse would report it
        if ready is None:
            report = parse(path, limits=limits, pdf_engine=pdf_engine, all_entities=all_entities)
        else:
            with time_limit(limits.timeout_s):
                report = finish(ready, all_entities=all_entities)
        return Outcome(index, to_json(report), report.source.pages)
    except InspextractError as err:
        return Outcome(index, kind=err.kind, message=str(err) or err.kind)
    except Exception as err:  # a bug or a library failure on hostile input: still only this document
        return Outcome(index, kind="internal", message=f"internal error ({type(err).__name__}: {err})")


def become_batch_child() -> None:
    """Set up a process the batch started (a worker or the preparer): the parent alone decides what Ctrl-C
    and SIGTERM do, and Linux kills the child when the parent dies, so a SIGKILLed batch leaves no orphans."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited through fork
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


def worker_main(
    conn: Connection, limits: Limits, pdf_engine: str, all_entities: bool, prepared: Path | None
) -> None:
    """A worker's life: say ready, then convert tasks until told to stop or orphaned. It starts warm: forked
    from a process that has run warm.warm_up (the batch's parent, or the forkserver)."""
    become_batch_child()
    conn.send(READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(convert(task, limits, pdf_engine, all_entities, prepared))


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


class WorkerPool:
    """A fixed number of worker processes; overrunning or dead ones are killed and replaced."""

    def __init__(
        self,
        size: int,
        limits: Limits,
        pdf_engine: str,
        start_method: str,
        all_entities: bool = False,
        preparer: Preparer | None = None,
    ) -> None:
        self.size = max(1, size)
        self.preparer = preparer  # asked to stop once a worker is ready; what it prepared stays for them
        self.limits = limits
        self.pdf_engine = pdf_engine
        self.all_entities = all_entities
        self.context = multiprocessing.get_context(start_method)
        if start_method == "forkserver":  # the server loads the model once; workers fork from it warm
            self.context.set_forkserver_preload(["inspextract.batch_warm"])
        self.workers: list[Worker] = []
        self.queue: deque[Task] = deque()
        self.start_failures = 0
        self.kill_after_s = limits.timeout_s + KILL_GRACE_S if limits.timeout_s else None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close(graceful=kind is None)

    def start_worker(self) -> None:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=worker_main,
            args=(
                child_end,
                self.limits,
                self.pdf_engine,
                self.all_entities,
                self.preparer.folder if self.preparer else None,
            ),
            daemon=True,
        )
        start_frozen(process)
        child_end.close()
        self.workers.append(Worker(process, parent_end))

    def retire(self, worker: Worker) -> None:
        """Kill a worker (if still alive) and forget it."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self.workers.remove(worker)
        if not worker.ready:
            self.start_failures += 1
            if self.start_failures >= MAX_START_FAILURES:
                raise InspextractError(
                    f"batch workers keep dying on start (exit code {worker.process.exitcode})"
                )

    def imap_unordered(self, tasks: list[Task], tick: Callable[[], None] | None = None) -> Iterator[Outcome]:
        """Yield one `Outcome` per task, in completion order; `tick` is called about every TICK_S."""
        self.queue = deque(tasks)
        while self.queue or any(w.task for w in self.workers) or self.waiting_on_preparer():
            if tick:
                tick()
            self.release_held()
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
        queue = self.queue
        for worker in list(self.workers):
            while worker.ready and len(worker.tasks) < TASKS_PER_WORKER and queue:
                task = queue.popleft()
                if self.preparer and not self.preparer.claim(task):
                    continue  # the preparer has it: held until it ends
                try:
                    worker.conn.send(task)
                except OSError:  # it died: the task never reached it (collect reports a running one)
                    queue.appendleft(task)
                    if not worker.tasks:
                        self.retire(worker)
                    break
                if not worker.tasks:
                    worker.started = time.monotonic()
                worker.tasks.append(task)

    def collect(self) -> list[Outcome]:
        """Wait for results, ready signals or deaths (up to one tick) and handle them."""
        handles: list[object] = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        if self.preparer:
            handles += self.preparer.waits_on
        wait(handles, timeout=TICK_S)  # type: ignore[arg-type]
        outcomes: list[Outcome] = []
        for worker in list(self.workers):
            try:
                message = worker.conn.recv() if worker.conn.poll() else None
            except (EOFError, OSError):
                message = None
            if message == READY:
                worker.ready = True
                if self.preparer:
                    self.preparer.stop()
            elif isinstance(message, Outcome):
                if worker.tasks:
                    worker.tasks.popleft()
                worker.started = time.monotonic()  # the next task, if one waits, begins now
                outcomes.append(message)
            elif not worker.process.is_alive():
                outcomes += self.crashed(worker)
        return outcomes

    def waiting_on_preparer(self) -> bool:
        """Whether tasks wait for the preparer to end (batch_prepare.py)."""
        return bool(self.preparer and self.preparer.held)

    def release_held(self) -> None:
        """Queue first the tasks the preparer had when they were wanted, once it has ended."""
        if self.preparer:
            self.queue.extendleft(reversed(self.preparer.release(self.kill_after_s)))

    def requeue_waiting(self, worker: Worker) -> None:
        """Put the tasks a dead or killed worker had not begun back at the front of the queue."""
        self.queue.extendleft(reversed(list(worker.tasks)[1:]))

    def crashed(self, worker: Worker) -> list[Outcome]:
        task = worker.task
        self.requeue_waiting(worker)
        self.retire(worker)
        if task is None:
            return []
        code = worker.process.exitcode or 0
        how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
        message = f"worker process died ({how}) while reading this document"
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
                message = f"took longer than the time limit of {self.limits.timeout_s:g} s (see --timeout)"
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
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join()
            worker.conn.close()
        self.workers.clear()


def default_jobs() -> int:
    """Worker processes to use by default: the CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)
