"""Batch conversion: naming, records vs error records, hostile inputs, kills, re-runs, stdin."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import inspextract.batch.pool as batch_pool
import inspextract.batch.run as batch_run
from inspextract.batch import ERRORS_FILE, BatchOptions, find_documents, run_batch
from inspextract.cli import app
from inspextract.errors import ExitCode, WorkersFailed
from inspextract.limits import Limits

from .batch_faults import FaultyConverter, FreezeProbe, die_on_start
from .conftest import ROOT, corpus_documents, shared_tool

runner = CliRunner()
DEV_TEXTS = corpus_documents("dev")
# Longest any test here waits for a child process: far beyond what each needs, short of hanging CI.
CHILD_TIMEOUT_S = 180


def written_files(outdir: Path) -> list[str]:
    return sorted(str(p.relative_to(outdir)) for p in outdir.rglob("*") if p.is_file())


def error_lines(outdir: Path) -> list[dict]:
    path = outdir / ERRORS_FILE
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture(scope="session")
def dev_pdf(tmp_path_factory) -> Path:
    """A dev document rendered as a report PDF (text layer, running headers)."""
    pytest.importorskip("reportlab")
    tool = shared_tool("render_pdf.py")
    if tool is None:
        pytest.skip("../shared/tools/render_pdf.py not found beside the repository")
    out = tmp_path_factory.mktemp("pdf") / f"{DEV_TEXTS[0].stem}.pdf"
    subprocess.run(
        [sys.executable, str(tool), str(DEV_TEXTS[0]), str(out)], check=True, timeout=CHILD_TIMEOUT_S
    )
    return out


@pytest.fixture(scope="session")
def hostile_folder(tmp_path_factory, dev_pdf: Path, bad_inputs: Path) -> Path:
    """Dev texts, a dev PDF and the hostile files, in one folder tree."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(bad_inputs, root / "bad")
    for doc in DEV_TEXTS:
        shutil.copy(doc, root / doc.name)
    (root / "pdf").mkdir()
    shutil.copy(dev_pdf, root / "pdf" / dev_pdf.name)
    return root


def test_parse_reads_text_from_stdin() -> None:
    doc = DEV_TEXTS[0]
    from_path = json.loads(runner.invoke(app, ["parse", str(doc)]).stdout)
    result = runner.invoke(app, ["parse", "-"], input=doc.read_bytes())
    assert result.exit_code == 0, result.output
    from_stdin = json.loads(result.stdout)
    assert from_stdin["source"]["path"] == "-"
    from_stdin["source"]["path"] = from_path["source"]["path"]
    assert from_stdin == from_path


def test_parse_sniffs_pdf_bytes_on_stdin(dev_pdf: Path) -> None:
    from_path = runner.invoke(app, ["parse", str(dev_pdf)])
    from_stdin = runner.invoke(app, ["parse", "-"], input=dev_pdf.read_bytes())
    # Same outcome either way: the bytes, not a file name, decide the format.
    assert from_stdin.exit_code == from_path.exit_code
    if from_path.exit_code == 0:
        record = json.loads(from_stdin.stdout)
        assert record["source"]["format"] == "pdf"
        assert record["source"]["path"] == "-"


def test_find_documents_walks_sorted_skips_hidden_and_names_collisions(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "a.md", "sub/c.html", "sub/A.PDF", ".hidden.txt", ".git/x.txt", "x.json"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = find_documents([tmp_path, tmp_path / "a.txt"])  # the explicit duplicate is dropped
    assert [str(f.path.relative_to(tmp_path)) for f in found] == [
        "a.md",
        "a.txt",
        "b.txt",
        "sub/A.PDF",
        "sub/c.html",
    ]
    assert [str(f.output) for f in found] == ["a.json", "a.txt.json", "b.json", "sub/A.json", "sub/c.json"]


def test_same_name_in_two_folders_gets_numbered(tmp_path: Path) -> None:
    for folder in ("one", "two", "three"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text("x")
    found = find_documents([tmp_path / "one", tmp_path / "two", tmp_path / "three"])
    assert [str(f.output) for f in found] == ["a.json", "a.txt.json", "a.txt.2.json"]


# Reads the --jsonl stream the way the issue asks (every line parses) and reports each line's path.
JSONL_READER = (
    "import sys, json\n"
    "lines = [json.loads(line) for line in sys.stdin]\n"
    "print(json.dumps([r['error']['path'] if 'error' in r else r['source']['path'] for r in lines]))\n"
)


@pytest.mark.slow
def test_hostile_folder_gives_one_record_or_error_per_input(hostile_folder: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    started = time.monotonic()
    argv = [sys.executable, "-m", "inspextract", "batch", str(hostile_folder), "-o", str(outdir)]
    with subprocess.Popen(
        [*argv, "--jsonl", "-", "--timeout", "4"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as batch:
        reader = subprocess.run(
            [sys.executable, "-c", JSONL_READER],
            stdin=batch.stdout,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT_S,
        )
        stderr = batch.stderr.read()
        batch.wait(timeout=CHILD_TIMEOUT_S)
    elapsed = time.monotonic() - started
    assert batch.returncode == ExitCode.PARTIAL_FAILURE, stderr
    assert "Traceback" not in stderr
    assert reader.returncode == 0, reader.stderr
    inputs = find_documents([hostile_folder])
    assert json.loads(reader.stdout) == [str(f.path) for f in inputs]  # one line each, in input order
    errors = {e["path"]: e for e in error_lines(outdir)}
    records = {str(f.output) for f in inputs if str(f.path) not in errors}
    assert written_files(outdir) == sorted([*records, ERRORS_FILE])  # nothing else written
    for found in inputs:
        if str(found.path) in errors:
            assert errors[str(found.path)]["kind"] and errors[str(found.path)]["message"]
        else:
            assert json.loads((outdir / found.output).read_text())["source"]["path"] == str(found.path)
    for doc in DEV_TEXTS:  # every good text document has its record
        assert str(hostile_folder / doc.name) not in errors
    for bad in ("empty.txt", "binary.txt", "garbage.pdf", "encrypted.pdf", "zip-bomb.docx"):
        assert str(hostile_folder / "bad" / bad) in errors
    # 33 inputs, 2 workers, 4 s limit: even if a handful time out the run stays well inside this.
    assert elapsed < 120


@pytest.fixture
def tricky_folder(tmp_path: Path, monkeypatch) -> Path:
    """Five copies of a dev text, named so that FaultyConverter hangs, crashes or dawdles on three."""
    monkeypatch.setattr(batch_run, "Converter", FaultyConverter)
    monkeypatch.setattr(batch_pool, "KILL_GRACE_S", 0.3)
    folder = tmp_path / "in"
    folder.mkdir()
    text = DEV_TEXTS[0].read_bytes()
    for name in ("a.txt", "crash.txt", "hang.txt", "slow.txt", "z.txt"):
        (folder / name).write_bytes(text)
    return folder


@pytest.mark.slow
def test_hung_and_crashed_workers_become_error_records(tricky_folder: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    # The pool's default start method on this Python (forkserver from 3.12), as users get it.
    options = BatchOptions(outdir=outdir, jobs=2, limits=Limits(timeout_s=1.0))
    summary = run_batch([tricky_folder], options)
    assert (summary.succeeded, summary.failed, summary.exit_code) == (2, 3, ExitCode.PARTIAL_FAILURE)
    kinds = {Path(e["path"]).name: e["kind"] for e in error_lines(outdir)}
    assert "SIGSEGV" in next(e["message"] for e in error_lines(outdir) if e["kind"] == "crashed")
    assert kinds == {"crash.txt": "crashed", "hang.txt": "timeout", "slow.txt": "timeout"}
    assert written_files(outdir) == ["a.json", ERRORS_FILE, "z.json"]


def test_forkserver_start_method_works(tmp_path: Path) -> None:
    """The default from Python 3.12: workers fork from a server that preloaded the pipeline."""
    summary = run_batch(DEV_TEXTS[:2], BatchOptions(outdir=tmp_path, jobs=2, start_method="forkserver"))
    assert (summary.succeeded, summary.failed) == (2, 0)


def test_fail_fast_stops_at_first_failure(tricky_folder: Path, tmp_path: Path) -> None:
    options = BatchOptions(outdir=tmp_path / "out", jobs=1, fail_fast=True)
    summary = run_batch([tricky_folder], options)
    assert (summary.succeeded, summary.failed, summary.not_run) == (1, 1, 3)  # a.txt, then crash.txt


def test_rerun_skips_done_retries_failed_and_redoes_changed(tmp_path: Path) -> None:
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for doc in DEV_TEXTS[:3]:
        shutil.copy(doc, folder / doc.name)
    (folder / "empty.txt").write_bytes(b"")
    first = run_batch([folder], BatchOptions(outdir=outdir, jobs=2))
    before = {p: (outdir / p).read_bytes() for p in written_files(outdir)}
    again = run_batch([folder], BatchOptions(outdir=outdir, jobs=2))
    assert (first.succeeded, first.failed) == (3, 1)
    assert (again.skipped, again.succeeded, again.failed) == (3, 0, 1)  # the failure is retried
    assert {p: (outdir / p).read_bytes() for p in written_files(outdir)} == before  # errors.jsonl not doubled
    (folder / DEV_TEXTS[0].name).write_bytes(DEV_TEXTS[3].read_bytes())
    (folder / "empty.txt").write_bytes(DEV_TEXTS[4].read_bytes())
    third = run_batch([folder], BatchOptions(outdir=outdir, jobs=2))
    assert (third.skipped, third.succeeded, third.failed) == (2, 2, 0)
    assert written_files(outdir) == sorted(f"{d.stem}.json" for d in [*DEV_TEXTS[:3], Path("empty.txt")])
    forced = run_batch([folder], BatchOptions(outdir=outdir, jobs=1, force=True))
    assert (forced.skipped, forced.succeeded) == (0, 4)


def test_input_that_now_fails_loses_its_stale_record(tmp_path: Path) -> None:
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(DEV_TEXTS[0], folder / "a.txt")
    run_batch([folder], BatchOptions(outdir=outdir, jobs=1))
    (folder / "a.txt").write_bytes(b"")
    run_batch([folder], BatchOptions(outdir=outdir, jobs=1))
    assert written_files(outdir) == [ERRORS_FILE]


def test_records_are_byte_identical_across_runs_with_relative_paths(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    for doc in DEV_TEXTS:
        shutil.copy(doc, Path("in") / doc.name)
    run_batch(["in"], BatchOptions(outdir=Path("one"), jobs=2))
    run_batch(["in"], BatchOptions(outdir=Path("two"), jobs=1))
    for name in written_files(Path("one")):
        assert (Path("one") / name).read_bytes() == (Path("two") / name).read_bytes()
        assert json.loads((Path("one") / name).read_text())["source"]["path"] == f"in/{Path(name).stem}.txt"


# The command, with every read slowed down and logged (FaultyConverter): PARSE_DELAY_S, PARSE_LOG.
KILLABLE_BATCH = """
import functools, os, sys
import inspextract.batch.run as run
from tests.batch_faults import FaultyConverter
delay, log = float(os.environ["PARSE_DELAY_S"]), os.environ["PARSE_LOG"]
run.Converter = functools.partial(FaultyConverter, delay_s=delay, log=log)
from inspextract.cli import main
sys.argv = ["inspextract", *sys.argv[1:]]
main()
"""


def killable_batch(folder: Path, outdir: Path, log: Path, delay_s: float) -> tuple[list[str], dict[str, str]]:
    """The command line and environment of a KILLABLE_BATCH run over `folder`, two workers."""
    argv = [sys.executable, "-c", KILLABLE_BATCH, "batch", str(folder), "-o", str(outdir), "-j", "2"]
    pythonpath = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PARSE_LOG": str(log), "PARSE_DELAY_S": str(delay_s), "PYTHONPATH": pythonpath}
    return argv, env


def wait_for_records(outdir: Path, count: int, run: subprocess.Popen) -> None:
    """Until OUTDIR holds `count` records, the run has ended, or CHILD_TIMEOUT_S has passed."""
    deadline = time.monotonic() + CHILD_TIMEOUT_S
    while len(list(outdir.glob("*.json"))) < count and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)


def take_ctrl_c() -> None:
    """In a child about to start: Ctrl-C as a terminal gives it, even when the tests run in the background
    of a shell, which ignores SIGINT in background jobs (and that disposition is inherited)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def copies_of_dev_texts(folder: Path, copies: int) -> None:
    folder.mkdir()
    for copy in range(copies):
        for doc in DEV_TEXTS:
            shutil.copy(doc, folder / f"{copy}_{doc.name}")


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_finishes_without_redoing(tmp_path: Path) -> None:
    folder, outdir, log = tmp_path / "in", tmp_path / "out", tmp_path / "parsed.log"
    copies_of_dev_texts(folder, 4)
    argv, env = killable_batch(folder, outdir, log, delay_s=0.4)
    run = subprocess.Popen(argv, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    wait_for_records(outdir, 3, run)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=CHILD_TIMEOUT_S)
    done = {p.name for p in outdir.glob("*.json")}
    assert 3 <= len(done) < 20
    for record in outdir.glob("*.json"):
        json.loads(record.read_text())  # every record there is whole
    log.unlink()
    argv, env = killable_batch(folder, outdir, log, delay_s=0)
    rerun = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S)
    assert rerun.returncode == 0, rerun.stderr
    redone = {Path(line).stem + ".json" for line in log.read_text().splitlines()}
    assert not redone & done
    assert written_files(outdir) == sorted(f"{c}_{d.stem}.json" for c in range(4) for d in DEV_TEXTS)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_batch_exits_130_keeping_its_records(tmp_path: Path, signum: int) -> None:
    folder, outdir, log = tmp_path / "in", tmp_path / "out", tmp_path / "parsed.log"
    copies_of_dev_texts(folder, 2)
    argv, env = killable_batch(folder, outdir, log, delay_s=0.4)
    run = subprocess.Popen(
        argv,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=take_ctrl_c,
    )
    wait_for_records(outdir, 1, run)
    run.send_signal(signum)
    _, stderr = run.communicate(timeout=CHILD_TIMEOUT_S)
    assert run.returncode == ExitCode.INTERRUPTED, stderr
    assert stderr.splitlines()[-1] == "inspextract: error: interrupted"
    records = list(outdir.glob("*.json"))
    assert 1 <= len(records) < 2 * len(DEV_TEXTS)
    for record in records:
        json.loads(record.read_text())
    assert not list(outdir.glob(".*.tmp"))


def test_stale_temp_files_are_removed(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    (outdir / "sub").mkdir(parents=True)
    (outdir / "sub" / ".a.json.x1y2.tmp").write_text('{"half')
    run_batch([DEV_TEXTS[0]], BatchOptions(outdir=outdir, jobs=1))
    assert written_files(outdir) == [f"{DEV_TEXTS[0].stem}.json"]


def test_usage_errors_and_documented_exit_codes(tmp_path: Path) -> None:
    assert runner.invoke(app, ["batch", str(DEV_TEXTS[0])]).exit_code == ExitCode.USAGE  # no -o / --jsonl
    assert (
        runner.invoke(app, ["batch", str(tmp_path / "nope"), "-o", str(tmp_path)]).exit_code == ExitCode.USAGE
    )
    help_text = " ".join(runner.invoke(app, ["batch", "--help"]).output.split())
    for code, words in [
        (ExitCode.OK, "all documents succeeded"),
        (ExitCode.PARTIAL_FAILURE, "some documents failed"),
    ]:
        assert f"{int(code)} {words}" in help_text
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert "| 1 | batch: some documents failed" in readme and "| 2 | usage error" in readme


@pytest.mark.slow
def test_jsonl_reader_closing_early_stops_quietly(tmp_path: Path) -> None:
    # `inspextract batch ... --jsonl - | head -1`: the batch stops as shell tools do, with no error line.
    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(6):  # more records than a pipe's buffer holds
        for doc in DEV_TEXTS:
            shutil.copy(doc, folder / f"{copy}_{doc.name}")
    argv = [sys.executable, "-m", "inspextract", "batch", str(folder), "--jsonl", "-", "-j", "1"]
    run = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout is not None and run.stderr is not None
    assert json.loads(run.stdout.readline())["source"]
    run.stdout.close()
    _, stderr = run.communicate(timeout=CHILD_TIMEOUT_S)
    assert run.returncode == ExitCode.BROKEN_PIPE
    assert b"error" not in stderr and b"Traceback" not in stderr


def test_workers_start_with_the_models_objects_frozen(tmp_path: Path, monkeypatch) -> None:
    """Their collections leave the objects they share with their parent (the model's) alone; the batch's
    caller keeps its own collector unfrozen."""
    import gc

    monkeypatch.setattr(batch_run, "Converter", FreezeProbe)
    before = gc.get_freeze_count()
    run_batch(DEV_TEXTS[:1], BatchOptions(outdir=tmp_path, jobs=1))
    assert gc.get_freeze_count() == before
    frozen_in_worker = int(error_lines(tmp_path)[0]["message"])
    assert frozen_in_worker > before + 10_000


def test_workers_dying_on_start_stop_the_batch_with_their_own_exit_code(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(batch_pool, "worker_main", die_on_start)
    with pytest.raises(WorkersFailed, match="exit code 3"):
        run_batch(DEV_TEXTS[:2], BatchOptions(outdir=tmp_path / "lib", jobs=2))
    result = runner.invoke(app, ["batch", str(DEV_TEXTS[0]), "-o", str(tmp_path / "cli")])
    assert result.exit_code == ExitCode.WORKERS_FAILED == WorkersFailed.exit_code
    assert "inspextract: error: batch workers keep dying on start (exit code 3)" in result.output


def test_records_and_errors_get_the_mode_the_umask_gives(tmp_path: Path) -> None:
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(DEV_TEXTS[0], folder / "a.txt")
    (folder / "empty.txt").write_bytes(b"")
    previous = os.umask(0o027)
    try:
        run_batch([folder], BatchOptions(outdir=outdir, jobs=1))
    finally:
        os.umask(previous)
    assert {p.name: p.stat().st_mode & 0o777 for p in outdir.iterdir()} == {
        "a.json": 0o640,
        ERRORS_FILE: 0o640,
    }
