"""Batches on real Dask clusters, on 127.0.0.1 only: the records of the local pool, the limits and faults
as error records, and no document lost with a worker."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

import inspextract.batch.run as batch_run
from inspextract.batch import ERRORS_FILE, BatchOptions, run_batch
from inspextract.batch.cluster import MAX_DOCS_PER_TASK, docs_per_task
from inspextract.cli import app
from inspextract.errors import ExitCode

from .conftest import FIXTURES, ROOT, corpus_documents
from .dask_faults import ModelProbe

DEV_FOLDERS = sorted((FIXTURES).glob("dev*/docs"))  # every format: text, PDF, two-column PDF, HTML, DOCX
DEV_TEXTS = corpus_documents("dev")
# Longest any test here waits for a process (a batch, a scheduler, a worker): far beyond what each needs
# on a busy 2-core machine, short of hanging CI.
WAIT_S = 120
# Times a task may lose its worker on the test cluster before it becomes an error record.
ALLOWED_FAILURES = 1
# The command in a child process, with the converter named by $CONVERTER (module:class) and every read
# slowed by $PARSE_DELAY_S and logged to $PARSE_LOG: how these tests make documents hang, crash or kill.
FAULTY_BATCH = """
import functools, importlib, os, sys
import inspextract.batch.run as run
module, name = os.environ["CONVERTER"].split(":")
converter = getattr(importlib.import_module(module), name)
delay, log = float(os.environ["PARSE_DELAY_S"]), os.environ["PARSE_LOG"]
run.Converter = functools.partial(converter, delay_s=delay, log=log)
from inspextract.cli import main
sys.argv = ["inspextract", *sys.argv[1:]]
main()
"""


def written_files(outdir: Path) -> list[str]:
    return sorted(str(p.relative_to(outdir)) for p in outdir.rglob("*") if p.is_file())


def error_kinds(outdir: Path) -> dict[str, str]:
    """Each error record's input file name and its kind."""
    path = outdir / ERRORS_FILE
    lines = path.read_text().splitlines() if path.exists() else []
    return {Path(e["path"]).name: e["kind"] for e in map(json.loads, lines)}


def with_pythonpath(env: dict[str, str]) -> dict[str, str]:
    """`env` with the repository on PYTHONPATH: workers unpickle the tests' converters by name."""
    pythonpath = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**env, "PYTHONPATH": pythonpath}


def faulty_batch(args: list[str]) -> list[str]:
    """`inspextract batch ARGS` with a converter of the tests (see FAULTY_BATCH, faulty_env)."""
    return [sys.executable, "-c", FAULTY_BATCH, "batch", *args]


def run_faulty_batch(args: list[str], log: Path, converter: str) -> subprocess.CompletedProcess[str]:
    """`inspextract batch ARGS` in a child process with `converter` (module:class), reads logged to `log`."""
    env = faulty_env(log, converter)
    return subprocess.run(faulty_batch(args), env=env, capture_output=True, text=True, timeout=WAIT_S)


def faulty_env(log: Path, converter: str, delay_s: float = 0.0) -> dict[str, str]:
    """The environment of FAULTY_BATCH: `converter` (module:class) reading with `delay_s`, logged to `log`."""
    env = {"CONVERTER": converter, "PARSE_LOG": str(log), "PARSE_DELAY_S": str(delay_s)}
    return with_pythonpath({**os.environ, **env})


def start(argv: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """A process in a session of its own (so that it and all its children can be stopped together)."""
    with log.open("wb") as out:
        return subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process's group, then SIGKILL what is left of it."""
    for signum in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue
    # Its children (a nanny's worker, a worker's forkserver) may outlive it by a moment: the group goes too.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`dask scheduler` and two `dask worker` processes on 127.0.0.1 (random ports, no dashboards), as a
    user starts them; yields the scheduler's address and stops them all at the end."""
    folder = tmp_path_factory.mktemp("dask-cluster")
    scheduler_file = folder / "scheduler.json"
    dask = str(Path(sys.executable).with_name("dask"))
    env = with_pythonpath(
        {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": str(ALLOWED_FAILURES)}
    )
    processes = []
    try:
        scheduler = [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
        processes.append(start([*scheduler, "--scheduler-file", str(scheduler_file)], folder / "s.log", env))
        deadline = time.monotonic() + WAIT_S
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert scheduler_file.exists(), (folder / "s.log").read_text()
        address = json.loads(scheduler_file.read_text())["address"]
        worker = [dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard"]
        for n in range(2):
            processes.append(start(worker, folder / f"w{n}.log", env))
        with Client(address, timeout=WAIT_S) as client:
            client.wait_for_workers(2, timeout=WAIT_S)
        yield address
    finally:
        for process in reversed(processes):
            stop(process)


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster


def test_local_cluster_gives_the_records_of_jobs_1(local_cluster: LocalCluster, tmp_path: Path) -> None:
    alone = run_batch(DEV_FOLDERS, BatchOptions(outdir=tmp_path / "jobs1", jobs=1))
    address = str(local_cluster.scheduler_address)
    on_dask = run_batch(DEV_FOLDERS, BatchOptions(outdir=tmp_path / "dask", dask=address))
    sent = run_batch(DEV_FOLDERS, BatchOptions(outdir=tmp_path / "sent", dask=address, send_bytes=True))
    assert alone.succeeded == len(written_files(tmp_path / "jobs1")) > 10
    assert (on_dask.succeeded, sent.succeeded, on_dask.failed, sent.failed) == (alone.succeeded,) * 2 + (0, 0)
    for name in written_files(tmp_path / "jobs1"):
        expected = (tmp_path / "jobs1" / name).read_bytes()
        assert (tmp_path / "dask" / name).read_bytes() == expected, name
        assert (tmp_path / "sent" / name).read_bytes() == expected, name
    expected_names = written_files(tmp_path / "jobs1")
    assert written_files(tmp_path / "dask") == written_files(tmp_path / "sent") == expected_names


def test_the_model_loads_once_per_worker_process(
    local_cluster: LocalCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every document's process starts with the model loaded, forked from one server per Dask worker."""
    monkeypatch.setattr(batch_run, "Converter", ModelProbe)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(8):
        shutil.copy(DEV_TEXTS[0], folder / f"{n}.txt")
    run_batch([folder], BatchOptions(outdir=tmp_path / "out", dask=str(local_cluster.scheduler_address)))
    lines = (tmp_path / "out" / ERRORS_FILE).read_text().splitlines()
    probes = [json.loads(line)["message"].split() for line in lines]
    assert len(probes) == 8
    assert {loaded for _, loaded in probes} == {"1"}
    assert len({server for server, _ in probes}) <= len(local_cluster.workers)


def test_send_bytes_keeps_the_size_limit_on_the_client(local_cluster: LocalCluster, tmp_path: Path) -> None:
    from inspextract.limits import Limits

    address = str(local_cluster.scheduler_address)
    small = DEV_TEXTS[0].stat().st_size - 1
    options = BatchOptions(outdir=tmp_path, dask=address, send_bytes=True, limits=Limits(max_bytes=small))
    summary = run_batch([DEV_TEXTS[0]], options)
    assert (summary.failed, error_kinds(tmp_path)) == (1, {DEV_TEXTS[0].name: "too_large"})


def test_cli_dask_local_starts_and_stops_a_cluster_of_its_own(tmp_path: Path) -> None:
    """`--dask local`: the records (test_local_cluster_gives_the_records_of_jobs_1 compares them), progress
    and summary, and none of Dask's own chatter on stderr."""
    outdir = tmp_path / "out"
    argv = [sys.executable, "-m", "inspextract", "batch", *map(str, DEV_TEXTS[:3]), "-o", str(outdir)]
    argv += ["-j", "2", "--dask", "local"]
    run = subprocess.run(argv, capture_output=True, text=True, timeout=WAIT_S)
    assert run.returncode == ExitCode.OK, run.stderr
    assert written_files(outdir) == sorted(f"{doc.stem}.json" for doc in DEV_TEXTS[:3])
    assert "[3/3] ok" in run.stderr and "succeeded" in run.stderr
    assert "Traceback" not in run.stderr and "WARNING" not in run.stderr


def test_cli_on_a_cluster_records_a_hanging_and_a_crashing_document(
    dask_cluster: str, bad_inputs: Path, tmp_path: Path
) -> None:
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for doc in DEV_TEXTS:
        shutil.copy(doc, folder / doc.name)
    for name in ("latin1.txt", "utf16.txt", "malformed.html"):  # hostile, but each gives a record
        shutil.copy(bad_inputs / name, folder / name)
    # make_bad's files fail fast by themselves here: FaultyConverter makes these two hang and crash.
    shutil.copy(bad_inputs / "flate-bomb.pdf", folder / "hang-flate-bomb.pdf")
    shutil.copy(bad_inputs / "zip-bomb.docx", folder / "crash-zip-bomb.docx")
    log = tmp_path / "parsed.log"
    # 3 s: room for a fresh worker's first document on a busy machine; the hanging one is killed 2 s later.
    args = [str(folder), "-o", str(outdir), "--dask", dask_cluster, "--timeout", "3"]
    run = run_faulty_batch(args, log, "tests.batch_faults:FaultyConverter")
    assert run.returncode == ExitCode.PARTIAL_FAILURE, run.stderr
    assert error_kinds(outdir) == {"hang-flate-bomb.pdf": "timeout", "crash-zip-bomb.docx": "crashed"}
    others = sorted(p.name for p in folder.iterdir() if not p.name.startswith(("hang", "crash")))
    assert written_files(outdir) == sorted([ERRORS_FILE, *(Path(n).stem + ".json" for n in others)])
    for record in outdir.glob("*.json"):
        json.loads(record.read_text())  # whole
    assert "failed" in run.stderr and "succeeded" in run.stderr  # the closing summary


def test_a_killed_worker_loses_no_document(dask_cluster: str, tmp_path: Path) -> None:
    folder, outdir, log = tmp_path / "in", tmp_path / "out", tmp_path / "parsed.log"
    folder.mkdir()
    for copy in range(4):
        for doc in DEV_TEXTS:
            shutil.copy(doc, folder / f"{copy}_{doc.name}")
    inputs = {p.stem for p in folder.iterdir()}
    args = [str(folder), "-o", str(outdir), "--dask", dask_cluster]
    env = faulty_env(log, "tests.batch_faults:FaultyConverter", delay_s=0.3)
    batch = subprocess.Popen(faulty_batch(args), env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + WAIT_S
        while len(list(outdir.glob("*.json"))) < 3 and time.monotonic() < deadline and batch.poll() is None:
            time.sleep(0.05)
        with Client(dask_cluster, timeout=WAIT_S) as client:
            pids = client.run(os.getpid)
        assert batch.poll() is None  # mid-batch: each worker holds documents
        os.kill(next(iter(pids.values())), signal.SIGKILL)
        batch.wait(timeout=WAIT_S)
    finally:
        batch.kill()
    assert batch.returncode in (ExitCode.OK, ExitCode.PARTIAL_FAILURE)
    recorded = {p.stem for p in outdir.glob("*.json")}
    failed = {Path(name).stem for name in error_kinds(outdir)}
    assert recorded | failed == inputs and not recorded & failed
    assert len(recorded) > len(inputs) // 2
    log.unlink()
    rerun = run_faulty_batch(args, log, "tests.batch_faults:FaultyConverter")
    assert rerun.returncode == ExitCode.OK, rerun.stderr
    redone = {Path(line).stem for line in log.read_text().splitlines()} if log.exists() else set()
    assert redone == failed
    assert {p.stem for p in outdir.glob("*.json")} == inputs


def test_a_document_that_kills_every_worker_it_meets_becomes_an_error(
    dask_cluster: str, tmp_path: Path
) -> None:
    """Dask runs the task again when its worker dies, up to the scheduler's allowed-failures; then the
    batch records the document as crashed and goes on, instead of killing worker after worker."""
    folder, outdir, log = tmp_path / "in", tmp_path / "out", tmp_path / "parsed.log"
    folder.mkdir()
    for doc in DEV_TEXTS[:2]:
        shutil.copy(doc, folder / doc.name)
    shutil.copy(DEV_TEXTS[2], folder / "kill.txt")
    args = [str(folder), "-o", str(outdir), "--dask", dask_cluster]
    run = run_faulty_batch(args, log, "tests.dask_faults:WorkerKiller")
    assert run.returncode == ExitCode.PARTIAL_FAILURE, run.stderr
    kinds = error_kinds(outdir)
    assert kinds.pop("kill.txt") == "crashed"
    assert set(kinds.values()) <= {"crashed"}  # a document beside it on a dying worker may share its fate
    reads = [Path(line).name for line in log.read_text().splitlines()]
    assert reads.count("kill.txt") == ALLOWED_FAILURES + 1


def test_a_task_of_several_documents_whose_workers_die_sends_them_again_one_by_one(
    dask_cluster: str, tmp_path: Path
) -> None:
    """Documents travel several to a task while many wait (cluster.docs_per_task); when such a task's
    workers keep dying, its documents go again one per task, so its other documents are not lost with it."""
    folder, outdir, log = tmp_path / "in", tmp_path / "out", tmp_path / "parsed.log"
    folder.mkdir()
    # Enough short documents for tasks of MAX_DOCS_PER_TASK on two worker threads; the killer is the
    # largest, so it is in the first task (a batch sends the largest documents first).
    smallest = min(DEV_TEXTS, key=lambda p: p.stat().st_size)
    for n in range(130):
        shutil.copy(smallest, folder / f"{n:03d}.txt")
    shutil.copy(max(DEV_TEXTS, key=lambda p: p.stat().st_size), folder / "kill.txt")
    args = [str(folder), "-o", str(outdir), "--dask", dask_cluster]
    run = run_faulty_batch(args, log, "tests.dask_faults:WorkerKiller")
    assert run.returncode == ExitCode.PARTIAL_FAILURE, run.stderr
    kinds = error_kinds(outdir)
    assert kinds.pop("kill.txt") == "crashed"
    # A document queued on a worker as it dies shares the blame (Dask counts it too): a few may, never the
    # whole task the killer came in.
    assert set(kinds.values()) <= {"crashed"}
    assert len(kinds) < MAX_DOCS_PER_TASK - 1
    assert len(list(outdir.glob("*.json"))) == 130 - len(kinds)
    # Its task of several, then its task of one, each tried until the scheduler's allowed-failures.
    reads = [Path(line).name for line in log.read_text().splitlines()]
    assert reads.count("kill.txt") == 2 * (ALLOWED_FAILURES + 1)


def test_tasks_hold_several_documents_while_many_wait_and_one_each_at_the_end() -> None:
    assert docs_per_task(200, capacity=8) == MAX_DOCS_PER_TASK
    assert docs_per_task(40, capacity=8) == 2
    assert docs_per_task(15, capacity=8) == 1
    assert docs_per_task(1, capacity=1) == 1


def test_dask_without_its_extra_or_send_bytes_without_dask_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    send_bytes_alone = runner.invoke(app, ["batch", str(DEV_TEXTS[0]), "-o", str(tmp_path), "--send-bytes"])
    assert send_bytes_alone.exit_code == ExitCode.USAGE
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the [dask] extra were not installed
    result = runner.invoke(app, ["batch", str(DEV_TEXTS[0]), "-o", str(tmp_path), "--dask", "local"])
    assert result.exit_code == ExitCode.USAGE
    assert "pip install 'inspextract[dask]'" in result.output
    assert not list(tmp_path.iterdir())


def test_an_address_dask_cannot_reach_stops_the_batch_with_exit_code_11(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["batch", str(DEV_TEXTS[0]), "-o", str(tmp_path), "--dask", "nope://x"])
    assert result.exit_code == ExitCode.WORKERS_FAILED
    assert "Dask cluster at nope://x" in result.output
    assert not list(tmp_path.iterdir())
