"""Preparing documents on the idle cores while a batch loads the NLP model.

Before the first worker can start, the model loads for 1-2 s on one core. With --jobs 2 or more, a cold
process (no spaCy) meanwhile takes the documents in queue order through `pipeline.prepare` (reading and
every extractor that needs no model: about two thirds of a document's cost) and leaves each result in a
private folder; the worker given that document later only runs `pipeline.finish`.

Once a worker is ready the preparer is asked to stop, and it stops after the document in hand, so no
work is thrown away. Each document is claimed before it is prepared, by the preparer or for a worker, with
an exclusive file create: one of them has it, never both. A document the preparer still has when the
workers reach it waits for the preparer to end.

It is forked once the inputs are listed, not at the command's start: forked earlier it pays for the imports
the parent has by then, and on a 2-core machine a second busy core slows the parent's own start (measured
slower in two of three A/B series).

It is an optimisation only. A document it could not read (damaged, too large, too slow) keeps the error
instead, which its worker reports just as if it had met it itself; one it did not finish, or failed on
with a bug, is simply parsed again by its worker. A preparer that crashes or hangs loses nothing (a hung
one is killed a time limit after it was asked to stop).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import shutil
import tempfile
import threading
import time
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType

from inspextract.errors import InspextractError
from inspextract.limits import Limits
from inspextract.pipeline import Prepared

Task = tuple[int, str]  # (input index, path as found)
STOP_FILE = "stop"
FOLDER_PREFIX = "inspextract-prepared-"
OWNER_FILE = "owner.pid"  # the batch's process id: a folder whose batch is gone is left over from a kill


def prepared_file(folder: Path, index: int) -> Path:
    return folder / f"{index}.pickle"


def claim(folder: Path, index: int) -> bool:
    """Take document `index` for the caller: True for exactly one caller, whoever asks first."""
    try:
        os.close(os.open(folder / f"{index}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        return False
    return True


def preparer_main(tasks: list[Task], folder: Path, limits: Limits, pdf_engine: str) -> None:
    """Prepare the unclaimed tasks' documents in order into `folder` until asked to stop, each file
    appearing only once complete."""
    from inspextract.batch_workers import become_batch_child
    from inspextract.pipeline import prepare

    become_batch_child()
    stop = folder / STOP_FILE
    for index, path in tasks:
        if stop.exists():
            return
        if not claim(folder, index):
            continue
        result: Prepared | InspextractError
        try:
            result = prepare(path, limits=limits, pdf_engine=pdf_engine)
        except InspextractError as err:  # its worker reports it, without reading (or timing out) again
            result = err
        except Exception:  # a bug: its worker parses it again and reports what it meets
            continue
        try:
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # an error carrying something unpicklable: its worker parses the document
            continue
        target = prepared_file(folder, index)
        partial = target.with_suffix(".partial")
        partial.write_bytes(payload)
        os.replace(partial, target)


def start_frozen(process: BaseProcess) -> None:
    """Start `process` with the caller's objects frozen (`gc.freeze`, undone in the caller at once): a forked
    child's collections then never walk, and so never copy-on-write, the objects it inherits (the model's
    ~80,000 in a worker: 0.05 s a full collection). A program calling the batch keeps its own collector."""
    gc.freeze()
    try:
        process.start()
    finally:
        gc.unfreeze()


def take_prepared(folder: Path | None, index: int) -> Prepared | InspextractError | None:
    """Task `index`'s prepared document, or the error preparing it met, if there is either (removed from
    the folder once taken)."""
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
        if isinstance(prepared, Prepared | InspextractError):
            return prepared
    return None


def remove_left_over_folders(root: Path) -> None:
    """Delete the folders of batches killed before they could (SIGKILL leaves them behind): those whose
    owner process no longer exists. A folder without a readable owner, or another user's, is left alone."""
    for folder in root.glob(FOLDER_PREFIX + "*"):
        try:
            os.kill(int((folder / OWNER_FILE).read_text()), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (OSError, ValueError):
            continue


class Preparer:
    """The preparing process and its folder (removed on exit, with anything left in it)."""

    def __init__(self, tasks: list[Task], limits: Limits, pdf_engine: str) -> None:
        remove_left_over_folders(Path(tempfile.gettempdir()))
        self.folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))  # mode 0700: ours alone
        self.held: list[Task] = []  # wanted by a worker while the preparer still had them
        self.ours: set[int] = set()  # claimed for the workers (a task can come back: its worker died)
        self.stop_requested: float | None = None
        # A fork is cold and instant here (the caller has not loaded the model yet); spawn where fork is
        # missing or unsafe (a parent with threads).
        method = "fork" if hasattr(os, "fork") and threading.active_count() == 1 else "spawn"
        context = multiprocessing.get_context(method)
        self.process = context.Process(  # type: ignore[attr-defined]
            target=preparer_main, args=(list(tasks), self.folder, limits, pdf_engine), daemon=True
        )
        try:
            (self.folder / OWNER_FILE).write_text(str(os.getpid()))
            start_frozen(self.process)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    @classmethod
    def start(cls, tasks: list[Task], limits: Limits, pdf_engine: str) -> Preparer | None:
        """A running preparer, or None where none can start (no temporary folder, no process left): the
        batch then simply runs without one."""
        try:
            return cls(tasks, limits, pdf_engine)
        except OSError:
            return None

    def stop(self) -> None:
        """Ask the preparer to stop after the document in hand (idempotent)."""
        if self.stop_requested is None:
            self.stop_requested = time.monotonic()
            try:
                (self.folder / STOP_FILE).touch()
            except OSError:  # no room for a file: stop it now, losing only the document in hand
                self.kill()

    def claim(self, task: Task) -> bool:
        """May a worker run `task` now? False while the preparer has it: it is then held till released."""
        if task[0] in self.ours or not self.process.is_alive():
            return True
        try:
            claimed = claim(self.folder, task[0])
        except OSError:  # no claim can be made (disk full): without the preparer none is needed
            self.kill()
            return True
        if claimed:
            self.ours.add(task[0])
            return True
        if prepared_file(self.folder, task[0]).exists():
            return True
        self.held.append(task)
        return False

    def release(self, kill_after_s: float | None) -> list[Task]:
        """The held tasks, once the preparer has ended; one still running `kill_after_s` after it was
        asked to stop is hung on a document (signals blocked in C code) and is killed."""
        if not self.held:
            return []
        overdue = (
            self.stop_requested is not None
            and kill_after_s is not None
            and time.monotonic() - self.stop_requested > kill_after_s
        )
        if overdue:
            self.kill()
        if self.process.is_alive():
            return []
        released, self.held = self.held, []
        return released

    @property
    def waits_on(self) -> list[int]:
        """What to wake on while tasks are held: the preparer's exit."""
        return [self.process.sentinel] if self.held else []

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()

    def __enter__(self) -> Preparer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
