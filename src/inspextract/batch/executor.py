"""The one place a batch chooses where its documents are converted.

An executor takes the tasks and yields each one's `Outcome` as it finishes, in any order; the batch writes
and counts them. There are two: the local process pool (batch/pool.py) and a Dask cluster
(batch/cluster.py), which hosts the same pool's processes on its workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Protocol

from inspextract.batch.worker import Converter, Outcome, Task


class Executor(Protocol):
    """Converts documents somewhere, one `Outcome` per task; a context manager that frees its workers."""

    def __enter__(self) -> Executor: ...

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def imap_unordered(
        self, tasks: list[Task], tick: Callable[[], None] | None = None
    ) -> Iterator[Outcome]: ...


def choose_executor(
    jobs: int, convert: Converter, start_method: str, dask: str | None = None, send_bytes: bool = False
) -> Executor:
    """The executor for this batch: the Dask cluster at `dask` ("local": one of `jobs` processes started
    here), else `jobs` local worker processes running `convert`."""
    if dask:
        from inspextract.batch.cluster import DaskExecutor

        return DaskExecutor(dask, jobs, convert, send_bytes)
    from inspextract.batch.pool import WorkerPool

    return WorkerPool(jobs, convert, start_method)
