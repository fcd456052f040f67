"""Preparing documents on the idle cores while a batch loads the NLP model.

Before the first worker can start, the model loads for 1-2 s on one core. With --jobs 2 or more, a cold
process (no spaCy) meanwhile takes the documents in queue order through `pipeline.prepare` (reading and
every extractor that needs no model: about two thirds of a document's cost) and leaves each result in a
private folder; the worker given that document later only runs `pipeline.finish`. The preparer stops as
soon as a worker is ready, so it never competes with the workers for a core.

It is an optimisation only: a document it did not finish, could not read (damaged, too large, too slow)
or failed on in any way is simply parsed again by its worker, which reports any error as usual; a
preparer that crashes or hangs loses nothing.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import shutil
import tempfile
import threading
from pathlib import Path
from types import TracebackType

from inspextract.limits import Limits
from inspextract.pipeline import Prepared


def prepared_file(folder: Path, index: int) -> Path:
    return folder / f"{index}.pickle"


def preparer_main(tasks: list[tuple[int, str]], folder: Path, limits: Limits, pdf_engine: str) -> None:
    """Prepare the tasks' documents in order into `folder`, each file appearing only once complete."""
    from inspextract.batch_workers import become_batch_child
    from inspextract.pipeline import prepare

    become_batch_child()
    for index, path in tasks:
        try:
            prepared = prepare(path, limits=limits, pdf_engine=pdf_engine)
        except Exception:  # its worker parses it again and reports the error
            continue
        target = prepared_file(folder, index)
        partial = target.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, target)


def take_prepared(folder: Path | None, index: int) -> Prepared | None:
    """Task `index`'s prepared document, if there is one (removed from the folder once taken)."""
    if folder is None:
        return None
    path = prepared_file(folder, index)
    try:
        payload = path.read_bytes()
    except OSError:
        return None
    path.unlink(missing_ok=True)
    with contextlib.suppress(Exception):  # a file that does not load: parse the document instead
        prepared = pickle.loads(payload)  # written by our own preparer, into a folder only we can write
        if isinstance(prepared, Prepared):
            return prepared
    return None


class Preparer:
    """The preparing process and its folder (removed on exit, with anything left in it)."""

    def __init__(self, tasks: list[tuple[int, str]], limits: Limits, pdf_engine: str) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="inspextract-prepared-"))  # mode 0700: ours alone
        # A fork is cold and instant here (the caller has not loaded the model yet); spawn where fork is
        # missing or unsafe (a parent with threads).
        method = "fork" if hasattr(os, "fork") and threading.active_count() == 1 else "spawn"
        context = multiprocessing.get_context(method)
        self.process = context.Process(  # type: ignore[attr-defined]
            target=preparer_main, args=(list(tasks), self.folder, limits, pdf_engine), daemon=True
        )
        try:
            self.process.start()
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    @classmethod
    def start(cls, tasks: list[tuple[int, str]], limits: Limits, pdf_engine: str) -> Preparer | None:
        """A running preparer, or None where none can start (no temporary folder, no process left): the
        batch then simply runs without one."""
        try:
            return cls(tasks, limits, pdf_engine)
        except OSError:
            return None

    def stop(self) -> None:
        """Stop preparing (idempotent): the documents already prepared stay for the workers."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()

    def __enter__(self) -> Preparer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
