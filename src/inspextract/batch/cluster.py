"""The Dask executor: a batch's documents converted on a Dask cluster (`batch --dask ADDRESS`).

This process, the client, keeps every job that touches the output (listing, skipping, writing records
and errors.jsonl in input order: batch/run.py, as with the local pool); Dask workers only read and
convert, each document in a child process of their own (batch/cluster_worker.py). `--dask local` starts a
`distributed.LocalCluster` of `jobs` one-thread worker processes on this machine.

Dask's own answer to a worker that dies (a machine lost, the kernel's out-of-memory killer) is to run its
tasks again elsewhere; a task whose workers keep dying ends as `KilledWorker` after the scheduler's
`allowed-failures`, and becomes the document's error record here.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from inspextract.batch.cluster_worker import convert_on_worker
from inspextract.batch.worker import Converter, Outcome, Task
from inspextract.errors import InspextractError, WorkerCrashed, WorkersFailed

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

LOCAL = "local"  # --dask local: a LocalCluster on this machine
# Tasks kept submitted per Dask worker thread, so that no thread waits while the client writes records
# and submits more: with 2 (the local pool's depth) a worker of --dask local sat idle 3-4% of a 200-document
# batch between tasks, with 8 2%; more would only hold documents' bytes (--send-bytes) in memory and keep
# documents from a worker that joins later.
TASKS_PER_THREAD = 4
# Documents in one Dask task at the most: they queue in the worker's child one behind another, as in a
# local batch, and the cluster's cost per task (scheduling, messages, the thread's hand-over) is paid once
# for all of them. Fewer as the batch ends, so no worker is left with a long tail while another idles.
MAX_DOCS_PER_TASK = 8
# Longest the client waits between checks, so that the progress display stays current.
TICK_S = 0.2
# Seconds between asks of the scheduler how many worker threads the cluster has (they come and go).
THREADS_CHECK_S = 1.0
# Seconds to wait to reach the scheduler, and then for a worker (a cluster that is still starting
# gets them in seconds; a minute without any means it is not coming).
CONNECT_TIMEOUT_S = 30.0
WORKERS_WAIT_S = 60.0
# Times a task of --dask local may lose its worker process before it is recorded as an error (Dask's
# default is 3): the conversion runs in a child the worker survives, so a worker that dies under a
# document twice points at that document. A cluster of one's own keeps its scheduler's setting.
LOCAL_ALLOWED_FAILURES = 1


class DaskExecutor:
    """Converts documents on the Dask cluster at `address` (or a local one of `jobs` processes)."""

    def __init__(self, address: str, jobs: int, convert: Converter, send_bytes: bool = False) -> None:
        self.address = address
        self.jobs = max(1, jobs)
        self.convert = convert
        self.send_bytes = send_bytes
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None
        self.batch_id = uuid.uuid4().hex  # task keys unique on a scheduler other batches share
        self.submitted = 0
        self.threads = 0
        self.threads_checked = 0.0
        self.no_workers_since: float | None = None

    def __enter__(self) -> DaskExecutor:
        from distributed import Client

        try:
            address = self.start_local_cluster() if self.address == LOCAL else self.address
            self.client = Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
            self.client.wait_for_workers(1, timeout=WORKERS_WAIT_S)
        except (OSError, TimeoutError, ValueError) as err:  # ValueError: not an address Dask knows
            self.close()
            raise WorkersFailed(f"Dask cluster at {self.address}: {err}") from None
        except BaseException:
            self.close()
            raise
        return self

    def start_local_cluster(self) -> str:
        from distributed import LocalCluster

        self.cluster = LocalCluster(
            n_workers=self.jobs,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # its workers' shutdown chatter is no news to a user
            scheduler_kwargs={"allowed_failures": LOCAL_ALLOWED_FAILURES},
        )
        return str(self.cluster.scheduler_address)

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Cancel what is still submitted and let go of the cluster (stopping it if this batch started it)."""
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def imap_unordered(self, tasks: list[Task], tick: Callable[[], None] | None = None) -> Iterator[Outcome]:
        """Yield one `Outcome` per task, in completion order; `tick` is called about every TICK_S."""
        waiting = deque(tasks)
        alone: deque[Task] = deque()  # documents of a task whose workers died: again, one task each
        running: dict[Future[list[Outcome]], list[Task]] = {}
        finished: queue.SimpleQueue[Future[list[Outcome]]] = queue.SimpleQueue()  # filled by Dask's threads
        while waiting or alone or running:
            if tick:
                tick()
            outcomes: list[Outcome] = []
            capacity = TASKS_PER_THREAD * max(1, self.cluster_threads())
            while (waiting or alone) and len(running) < capacity:
                source = alone or waiting
                size = 1 if alone else docs_per_task(len(waiting), capacity)
                chunk = [source.popleft() for _ in range(size)]
                future, sent, unread = self.submit(chunk)
                outcomes += unread
                if future is not None:
                    running[future] = sent
                    future.add_done_callback(finished.put)
            wait_s = TICK_S if running and not outcomes else 0.0
            for future in take_finished(finished, wait_s):
                if future.status in ("pending", "lost"):  # its result went with its worker: Dask reruns it
                    future.add_done_callback(finished.put)
                    continue
                chunk = running.pop(future)
                done = self.outcomes_of(future, chunk)
                if done is None:
                    alone.extend(chunk)
                else:
                    outcomes += done
            yield from outcomes

    def submit(self, chunk: list[Task]) -> tuple[Future[list[Outcome]] | None, list[Task], list[Outcome]]:
        """Hand the chunk's documents to the cluster as one task: their paths, or with --send-bytes their
        bytes. Returns the task (None if no document was left to send), the documents sent, and the error
        outcomes of those the client could not read."""
        assert self.client is not None
        data: list[bytes] | None = None
        unread: list[Outcome] = []
        if self.send_bytes:
            from inspextract.pipeline import load_bytes

            data, readable = [], []
            for task in chunk:
                try:  # the same checks and messages as a worker reading the path (size limit, missing file)
                    data.append(load_bytes(task[1], self.convert.limits)[0])
                    readable.append(task)
                except InspextractError as err:
                    unread.append(Outcome(task[0], kind=err.kind, message=str(err) or err.kind))
            chunk = readable
        if not chunk:
            return None, chunk, unread
        self.submitted += 1
        key = f"inspextract-{self.batch_id}-{self.submitted}"
        future = self.client.submit(convert_on_worker, self.convert, chunk, data, key=key, pure=False)
        return future, chunk, unread

    def outcomes_of(self, future: Future[list[Outcome]], chunk: list[Task]) -> list[Outcome] | None:
        """A finished task's outcomes; a task Dask gave up on becomes its document's error record, or None
        when it held several documents (they go again one by one, so one that kills its workers does not
        take the others with it)."""
        from distributed import KilledWorker

        if future.status == "finished":
            outcomes: list[Outcome] = future.result()
            return outcomes
        if future.status == "cancelled":
            raise WorkersFailed(f"the Dask scheduler at {self.address} cancelled the batch's tasks")
        err: Any = future.exception()
        if isinstance(err, KilledWorker):
            if len(chunk) > 1:
                return None
            message = "the Dask worker process died while reading this document, every time it was tried"
            return [Outcome(chunk[0][0], kind=WorkerCrashed.kind, message=message)]
        if isinstance(err, InspextractError):  # WorkersFailed: conversion cannot start on the workers
            raise err
        message = f"internal error ({type(err).__name__}: {err})"
        return [Outcome(task[0], kind="internal", message=message) for task in chunk]

    def cluster_threads(self) -> int:
        """Worker threads the cluster has now (asked at most every THREADS_CHECK_S); stops the batch if
        it has had none for WORKERS_WAIT_S."""
        now = time.monotonic()
        if now - self.threads_checked >= THREADS_CHECK_S:
            assert self.client is not None
            self.threads = sum(self.client.nthreads().values())
            self.threads_checked = now
            if self.threads:
                self.no_workers_since = None
            elif self.no_workers_since is None:
                self.no_workers_since = now
            elif now - self.no_workers_since > WORKERS_WAIT_S:
                raise WorkersFailed(f"the Dask cluster at {self.address} has had no workers for a minute")
        return self.threads


def take_finished(
    finished: queue.SimpleQueue[Future[list[Outcome]]], wait_s: float
) -> list[Future[list[Outcome]]]:
    """The futures finished so far, after waiting up to `wait_s` for the first."""
    taken: list[Future[list[Outcome]]] = []
    with contextlib.suppress(queue.Empty):
        taken.append(finished.get(timeout=wait_s) if wait_s else finished.get_nowait())
        while True:
            taken.append(finished.get_nowait())
    return taken


def docs_per_task(waiting: int, capacity: int) -> int:
    """Documents for the next task: up to MAX_DOCS_PER_TASK while many wait, one each near the end (two
    rounds of `capacity` tasks still to come keep every worker busy to the last)."""
    return max(1, min(MAX_DOCS_PER_TASK, waiting // (2 * capacity), waiting))
