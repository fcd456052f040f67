"""Batch throughput with 2 workers against 1: `inspextract batch` end to end, as a user runs it.

    python benchmarks/batch_jobs.py [--repeat 3] [--docs 40] [--start-methods]

The folder holds `--docs` documents: the dev PDFs (fixtures/dev-pdf/docs) repeated if they exist, else the
dev text documents. Each run is a fresh `python -m inspextract batch DIR -o OUT --force --jobs N` process,
timed from outside (interpreter start and model load included, as in benchmarks/run.py); the batch's own
"seconds" (from its summary table) is shown beside it. Medians of --repeat runs; target ratio >= 1.6
(benchmarks/run.py asks >= 1.7). --start-methods also compares fork, forkserver and spawn at --jobs 2.
Figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGET_RATIO = 1.6
SUMMARY_SECONDS = re.compile(r"seconds\D+([\d.]+)")
# Runs the library with a chosen multiprocessing start method (the CLI always uses the default).
RUN_WITH_START_METHOD = """
import sys
from pathlib import Path
from inspextract.batch import BatchOptions, run_batch
summary = run_batch([sys.argv[1]], BatchOptions(outdir=Path(sys.argv[2]), jobs=int(sys.argv[3]),
                                                force=True, start_method=sys.argv[4]))
print(f"seconds {summary.seconds:.3f}", file=sys.stderr)
"""


def source_documents() -> tuple[list[Path], str]:
    for corpus, kind in (("dev-pdf", "PDF"), ("dev", "text")):
        folder = ROOT / "fixtures" / corpus / "docs"
        docs = sorted(p for p in folder.glob("*") if p.is_file()) if folder.is_dir() else []
        if docs:
            return docs, kind
    sys.exit("no fixture documents found")


def make_folder(work: Path, count: int) -> tuple[Path, str]:
    docs, kind = source_documents()
    folder = work / "in"
    folder.mkdir()
    for i in range(count):
        src = docs[i % len(docs)]
        shutil.copy(src, folder / f"{i:02d}-{src.name}")
    return folder, kind


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, the batch's own seconds) of one run."""
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"batch failed ({done.returncode}): {done.stderr[-2000:]}")
    found = SUMMARY_SECONDS.findall(done.stderr)
    return wall, float(found[-1]) if found else float("nan")


def measure(cmd: list[str], repeat: int, count: int) -> tuple[float, float]:
    runs = [timed(cmd) for _ in range(repeat)]
    return count / statistics.median(r[0] for r in runs), count / statistics.median(r[1] for r in runs)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the median is reported)")
    parser.add_argument("--docs", type=int, default=40, help="documents in the folder")
    parser.add_argument("--start-methods", action="store_true", help="also compare start methods at --jobs 2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as tmp:
        work = Path(tmp)
        folder, kind = make_folder(work, args.docs)
        print(f"{args.docs} {kind} documents, {os.cpu_count()} CPUs, medians of {args.repeat} runs")
        rates = {}
        for jobs in (1, 2):
            cmd = [PYTHON, "-m", "inspextract", "batch", str(folder), "-o", str(work / "out"), "--force"]
            rates[jobs] = measure([*cmd, "--jobs", str(jobs)], args.repeat, args.docs)
            wall, own = rates[jobs]
            print(f"  --jobs {jobs}: {wall:.2f} docs/s end to end ({own:.2f} docs/s inside the batch)")
        ratio, own_ratio = rates[2][0] / rates[1][0], rates[2][1] / rates[1][1]
        verdict = "pass" if ratio >= TARGET_RATIO else "below target"
        print(f"  ratio jobs 2 / jobs 1: {ratio:.2f}x end to end ({own_ratio:.2f}x inside)")
        print(f"  target >= {TARGET_RATIO}: {verdict}")
        if args.start_methods:
            for method in ("fork", "forkserver", "spawn"):
                cmd = [PYTHON, "-c", RUN_WITH_START_METHOD, str(folder), str(work / "out"), "2", method]
                wall, own = measure(cmd, args.repeat, args.docs)
                print(f"  --jobs 2, start method {method}: {wall:.2f} docs/s end to end ({own:.2f} inside)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
