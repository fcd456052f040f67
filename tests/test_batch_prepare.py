"""Preparing documents while the model loads: the workers' records are the same, nothing is left behind."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from inspextract.batch import BatchOptions, run_batch
from inspextract.batch_prepare import (
    FOLDER_PREFIX,
    OWNER_FILE,
    Preparer,
    claim,
    prepared_file,
    take_prepared,
)
from inspextract.batch_workers import convert
from inspextract.errors import InputNotFound, TooLarge
from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE
from inspextract.pipeline import Prepared, finish, parse

from .conftest import corpus_documents

DEV_TEXTS = corpus_documents("dev")
DEV_PDF = corpus_documents("dev-pdf")[0]


def finished_preparer(tasks: list[tuple[int, str]]) -> Preparer:
    preparer = Preparer(tasks, DEFAULT_LIMITS, DEFAULT_PDF_ENGINE)
    preparer.process.join(60)
    assert preparer.process.exitcode == 0
    return preparer


def test_preparer_leaves_each_readable_document_for_one_taker(tmp_path: Path) -> None:
    tasks = [(0, str(DEV_TEXTS[0])), (1, str(tmp_path / "missing.txt")), (2, str(DEV_PDF))]
    with finished_preparer(tasks) as preparer:
        assert sorted(p.name for p in preparer.folder.glob("*.pickle")) == [
            "0.pickle",
            "1.pickle",
            "2.pickle",
        ]
        for index, path in (tasks[0], tasks[2]):
            prepared = take_prepared(preparer.folder, index)
            assert isinstance(prepared, Prepared) and finish(prepared) == parse(path)
            assert take_prepared(preparer.folder, index) is None  # taken once, then gone
        assert isinstance(take_prepared(preparer.folder, 1), InputNotFound)  # its worker reports it
        folder = preparer.folder
    assert not folder.exists()


def test_the_preparer_starts_with_the_shared_objects_frozen(tmp_path: Path, monkeypatch) -> None:
    """Its collections leave the objects it inherits alone; the parent's own stay unfrozen."""
    import gc

    import inspextract.pipeline

    probe = tmp_path / "frozen"

    def prepare(source, **kwargs):
        probe.write_text(str(gc.get_freeze_count()))
        raise TooLarge("probe")

    monkeypatch.setattr(inspextract.pipeline, "prepare", prepare)
    before = gc.get_freeze_count()
    with finished_preparer([(0, str(DEV_TEXTS[0]))]):
        assert gc.get_freeze_count() == before
    assert int(probe.read_text()) > before + 10_000


def test_a_damaged_prepared_file_means_parsing_again(tmp_path: Path) -> None:
    prepared_file(tmp_path, 3).write_bytes(b"\x80\x05 not a pickle")
    assert take_prepared(tmp_path, 3) is None
    assert take_prepared(None, 3) is None


def test_a_prepared_document_gives_the_same_record(tmp_path: Path) -> None:
    task = (0, str(DEV_PDF))
    direct = convert(task, DEFAULT_LIMITS, DEFAULT_PDF_ENGINE)
    with finished_preparer([task]) as preparer:
        assert prepared_file(preparer.folder, 0).exists()
        finished = convert(task, DEFAULT_LIMITS, DEFAULT_PDF_ENGINE, prepared=preparer.folder)
    assert direct.ok and finished == direct


def test_batch_leaves_no_prepared_folder(tmp_path: Path, monkeypatch) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    summary = run_batch(DEV_TEXTS[:3], BatchOptions(outdir=tmp_path / "out", jobs=2, start_method="fork"))
    assert summary.succeeded == 3
    assert list(scratch.iterdir()) == []


def test_batch_runs_without_a_preparer_when_none_can_start(tmp_path: Path, monkeypatch) -> None:
    def no_folder(**kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkdtemp", no_folder)
    summary = run_batch(DEV_TEXTS[:2], BatchOptions(outdir=tmp_path / "out", jobs=2, start_method="fork"))
    assert (summary.succeeded, summary.failed) == (2, 0)


def test_a_claim_is_granted_once(tmp_path: Path) -> None:
    assert claim(tmp_path, 4)
    assert not claim(tmp_path, 4)
    assert claim(tmp_path, 5)


@pytest.fixture
def logged_prepare(tmp_path: Path, monkeypatch) -> Path:
    """pipeline.prepare, slowed down and logging each document it starts (forked processes inherit it)."""
    import inspextract.pipeline

    log = tmp_path / "prepared.log"
    real = inspextract.pipeline.prepare

    def prepare(source, **kwargs):
        if isinstance(source, str):  # not the warm-up's bytes
            with log.open("a") as out:
                out.write(f"{Path(source).name}\n")
            time.sleep(0.5)
        return real(source, **kwargs)

    monkeypatch.setattr(inspextract.pipeline, "prepare", prepare)
    return log


def test_a_stopped_preparer_ends_the_document_in_hand_and_claims_no_more(logged_prepare: Path) -> None:
    tasks = [(index, str(doc)) for index, doc in enumerate(DEV_TEXTS[:4])]
    with Preparer(tasks, DEFAULT_LIMITS, DEFAULT_PDF_ENGINE) as preparer:
        deadline = time.monotonic() + 30
        while not (preparer.folder / "0.claim").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not preparer.claim(tasks[0])  # in its hands: held for now
        assert preparer.claim(tasks[3]) and preparer.claim(tasks[3])  # ours, also when it comes back
        assert preparer.release(kill_after_s=None) == []
        preparer.stop()
        preparer.process.join(30)
        assert preparer.process.exitcode == 0
        assert preparer.release(kill_after_s=None) == [tasks[0]]  # it has ended: the task is free
        its_claims = sorted(p.name for p in preparer.folder.glob("*.claim") if p.name != "3.claim")
        assert sorted(p.stem + ".claim" for p in preparer.folder.glob("*.pickle")) == its_claims  # all done
        assert 1 <= len(its_claims) <= 2  # the one in hand when asked (and at most the next, in a race)


def test_a_preparer_hung_after_the_stop_is_killed_and_its_task_released(tmp_path: Path, monkeypatch) -> None:
    import inspextract.pipeline

    monkeypatch.setattr(inspextract.pipeline, "prepare", lambda source, **kw: time.sleep(60))
    task = (0, str(DEV_TEXTS[0]))
    with Preparer([task], DEFAULT_LIMITS, DEFAULT_PDF_ENGINE) as preparer:
        while not (preparer.folder / "0.claim").exists():
            time.sleep(0.01)
        assert not preparer.claim(task)
        preparer.stop()
        assert preparer.release(kill_after_s=5.0) == []  # within its time
        time.sleep(0.2)
        assert preparer.release(kill_after_s=0.1) == [task]
        assert not preparer.process.is_alive()


def test_no_document_is_prepared_twice(logged_prepare: Path, tmp_path: Path) -> None:
    """What the preparer has in hand when the workers start is finished by it, not thrown away."""
    summary = run_batch(DEV_TEXTS, BatchOptions(outdir=tmp_path / "out", jobs=2, start_method="fork"))
    assert (summary.succeeded, summary.failed) == (len(DEV_TEXTS), 0)
    started = logged_prepare.read_text().split()
    assert sorted(started) == sorted(doc.name for doc in DEV_TEXTS)


def test_when_no_claim_can_be_made_the_preparer_is_stopped_and_the_task_runs(
    logged_prepare: Path, monkeypatch
) -> None:
    import inspextract.batch_prepare

    def disk_full(folder: Path, index: int) -> bool:
        raise OSError(28, "No space left on device")

    task = (0, str(DEV_TEXTS[0]))
    with Preparer([task], DEFAULT_LIMITS, DEFAULT_PDF_ENGINE) as preparer:
        monkeypatch.setattr(inspextract.batch_prepare, "claim", disk_full)  # the parent's claims only
        assert preparer.claim(task)
        assert not preparer.process.is_alive() and preparer.held == []


def test_an_error_met_while_preparing_is_reported_without_parsing_again(monkeypatch) -> None:
    import inspextract.pipeline

    task = (0, str(DEV_PDF))
    small = Limits(max_pages=1)
    direct = convert(task, small, DEFAULT_PDF_ENGINE)
    with Preparer([task], small, DEFAULT_PDF_ENGINE) as preparer:
        preparer.process.join(60)
        assert prepared_file(preparer.folder, 0).exists()
        monkeypatch.setattr(inspextract.pipeline, "parse", None)  # the worker must not read it again
        reported = convert(task, small, DEFAULT_PDF_ENGINE, prepared=preparer.folder)
    assert direct.kind == TooLarge.kind and reported == direct


def test_folders_left_by_killed_batches_are_removed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    folders = {}
    for name, owner in [("left", gone.pid), ("running", os.getpid()), ("starting", None)]:
        folders[name] = tmp_path / f"{FOLDER_PREFIX}{name}"
        folders[name].mkdir()
        if owner is not None:
            (folders[name] / OWNER_FILE).write_text(str(owner))
    (folders["left"] / "0.pickle").write_bytes(b"a prepared document")
    with finished_preparer([(0, str(DEV_TEXTS[0]))]) as preparer:
        remaining = sorted(p.name for p in tmp_path.iterdir())
        assert remaining == sorted([folders["running"].name, folders["starting"].name, preparer.folder.name])
