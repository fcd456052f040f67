"""Batch throughput with 2 workers against 1, as `inspextract batch` runs.

    python benchmarks/batch_jobs.py [--repeat 3] [--docs 40] [--start-methods]

The folder holds `--docs` documents: the dev PDFs (fixtures/dev-pdf/docs) repeated if they exist, else
the dev text documents. Each run is a fresh process doing what `inspextract batch DIR -o OUT --force
--jobs N` does, timed from outside (interpreter start and model load included, as in benchmarks/run.py);
beside it are the batch's own seconds and its steady rate (first to last finished document). Medians
of --repeat runs; target ratio >= 1.6 end to end. --start-methods also compares fork, forkserver and
spawn at --jobs 2. Figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from inspextract.batch.pool import DEFAULT_START_METHOD

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGET_RATIO = 1.6
# One batch run through the library, as `inspextract batch DIR -o OUT --force --jobs N` makes it (the CLI
# adds only argument parsing), printing the batch's own seconds and its steady rate: documents per second
# between the first and the last finished document, i.e. without interpreter start and model load.
RUNNER = """
import sys, time
from pathlib import Path

from inspextract.batch import BatchOptions, run_batch

class Clock:
    def __init__(self): self.times = []
    def start(self, total, skipped): pass
    def advance(self, path, outcome): self.times.append(time.perf_counter())
    def tick(self): pass
    def finish(self, summary): pass

clock = Clock()
options = BatchOptions(outdir=Path(sys.argv[2]), jobs=int(sys.argv[3]), force=True, start_method=sys.argv[4],
                       progress=clock)
summary = run_batch([sys.argv[1]], options)
assert summary.succeeded + summary.failed == summary.documents, summary
steady = (len(clock.times) - 1) / (clock.times[-1] - clock.times[0])
print(summary.seconds, steady)
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


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, the batch's own seconds, steady docs/s) of one run in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"batch run failed ({done.returncode}): {done.stderr[-2000:]}")
    own, steady = done.stdout.split()
    return wall, float(own), float(steady)


def measure(folder: Path, out: Path, jobs: int, method: str) -> tuple[float, float, float]:
    return timed([PYTHON, "-c", RUNNER, str(folder), str(out), str(jobs), method])


def rates(runs: list[tuple[float, float, float]], count: int) -> list[float]:
    """Medians over runs: [docs/s end to end, docs/s inside the batch, steady docs/s]."""
    wall, own, steady = (statistics.median(r[i] for r in runs) for i in range(3))
    return [count / wall, count / own, steady]


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
        runs: dict[int, list[tuple[float, float, float]]] = {1: [], 2: []}
        for _ in range(args.repeat):  # interleaved, so a change in the machine's load hits both alike
            for jobs in (1, 2):
                runs[jobs].append(measure(folder, work / "out", jobs, DEFAULT_START_METHOD))
        rate = {jobs: rates(runs[jobs], args.docs) for jobs in (1, 2)}
        for jobs in (1, 2):
            wall, own, steady = rate[jobs]
            print(f"  --jobs {jobs}: {wall:.2f} docs/s end to end, {own:.2f} inside, {steady:.2f} steady")
        ratios = [two / one for one, two in zip(rate[1], rate[2], strict=True)]
        end_to_end, inside, steady_ratio = ratios
        print(f"  ratio jobs 2 / jobs 1: {end_to_end:.2f}x end to end, {inside:.2f}x inside,", end=" ")
        print(f"{steady_ratio:.2f}x steady")
        verdict = "pass" if ratios[0] >= TARGET_RATIO else "below target"
        print(f"  target >= {TARGET_RATIO} end to end: {verdict}")
        if args.start_methods:
            for method in ("fork", "forkserver", "spawn"):
                method_runs = [measure(folder, work / "out", 2, method) for _ in range(args.repeat)]
                wall, own, _ = rates(method_runs, args.docs)
                print(f"  --jobs 2, start method {method}: {wall:.2f} docs/s end to end, {own:.2f} inside")
    return 0


if __name__ == "__main__":
    sys.exit(main())
