"""What a Dask worker runs for each task of a batch (a few documents): the batch's own worker converts them.

Dask runs tasks in threads, where the pipeline's SIGALRM time limit cannot fire, and a document that
crashes the process converting it would take the Dask worker, and every task it holds, down with it. So
each thread of a Dask worker keeps a one-process `WorkerPool` (batch/pool.py), started on its first task
and kept for the next: the pool's child converts under its own SIGALRM, and the pool kills and replaces
it when it overruns --timeout (even stuck in C code) or dies, turning the document into an error record.
The children fork from a forkserver that loaded the model once: the model loads once per Dask worker
process, never per document, and a replacement child is ready in milliseconds.
"""

from __future__ import annotations

import io
import multiprocessing
import threading
from typing import cast

from inspextract.batch.pool import WorkerPool
from inspextract.batch.worker import Converter, Outcome, Task

# On every Python, not just from 3.12: a Dask worker process runs threads (its event loop, its task
# threads), and a child forked from a threaded process can deadlock on a lock another thread held; the
# forkserver is single-threaded and preloads the model (batch/preload.py).
START_METHOD = "forkserver"

# Each Dask worker thread's own pool: a pool serves one caller at a time.
this_thread = threading.local()


class NamedBytes(io.BytesIO):
    """A document sent as bytes (--send-bytes), named with the path it was found at: `parse` reads a
    named stream as it reads that path, so the record is the same (source.path, format by suffix)."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name


def convert_on_worker(
    convert: Converter, tasks: list[Task], data: list[bytes] | None = None
) -> list[Outcome]:
    """Convert a few documents (by their paths, or `data` when sent as bytes) in this thread's child
    process, the next one queued in the child while it converts one, as in a local batch."""
    if data is not None:
        # The child reads the stream where it would read the path (Task's path is typed as str).
        tasks = [
            cast(Task, (task[0], NamedBytes(body, task[1]))) for task, body in zip(tasks, data, strict=True)
        ]
    return list(pool_for(convert).imap_unordered(tasks))


def pool_for(convert: Converter) -> WorkerPool:
    """This thread's pool running `convert`; a new one when a batch with other settings arrives."""
    pool: WorkerPool | None = getattr(this_thread, "pool", None)
    if pool is not None and pool.convert != convert:
        pool.close(graceful=True)
        pool = None
    if pool is None:
        allow_children()
        pool = WorkerPool(1, convert, START_METHOD)
        this_thread.pool = pool
    return pool


def allow_children() -> None:
    """Let this process start the pool's processes. Dask's nanny starts worker processes as daemons, and
    multiprocessing refuses daemons children, which could outlive them; ours cannot: they die with the
    forkserver (become_batch_child's parent-death signal), and it ends when this process does."""
    process = multiprocessing.current_process()
    if process.daemon:
        process.daemon = False
