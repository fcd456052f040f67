"""The benchmark suite: inspextract against the bare libraries underneath it, measured in the same run.

    python benchmarks/run.py [--repeat 3] [--only NAME ...] [--render-pdf PATH]

Generates its inputs under benchmarks/_work/ from the fixtures (a 100-page and a 2,000-page report PDF,
mixed folders of 40 and 200 documents, a long text document; no downloads), runs each measurement several
times in fresh processes and prints medians and ratios with the targets. Figures are machine-dependent;
ratios against a baseline measured in the same run are what the targets speak of.

Commands run as installed from a wheel, which a user has: the package byte-compiled.
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "_work"
PYTHON = sys.executable
CLI = [PYTHON, "-m", "inspextract"]
LONG_FIXTURE = ROOT / "fixtures" / "dev" / "docs" / "001_c74d78ba285d38bd.txt"
WARM_UP_FIXTURE = ROOT / "fixtures" / "dev" / "docs" / "004_5bd155181e1959c4.txt"
# Runs of the pdfium parse (a few seconds each) at the least.
PDFIUM_RUNS = 9
# Batch rounds at the least: one round's jobs 2 / jobs 1 ratio ranges from 1.3x to 1.9x on this machine, so a
# median of 5 moves by a tenth between runs.
BATCH_ROUNDS = 9
# The batch target's folder holds 40 short documents, so the second or so a batch spends before its first
# document weighs on it; a folder five times larger shows the split as a user converting hundreds of
# reports sees it (fewer rounds: each takes about a quarter of a minute here).
SCALE_DOCS = 200
SCALE_ROUNDS = 3
# The 200-document batch ratio against the machine's own ceiling (two bare CPU-bound processes over one,
# measured in the same rounds): what a pool that adds no serial work and no contention of its own reaches.
SCALE_TARGET_OF_CEILING = 0.95
# The Dask row: 200-document batches on `--dask local --jobs 2` against the local pool's `--jobs 2`, in
# interleaved rounds (each pair takes about a minute here); the cluster path may cost at most a fifth.
DASK_ROUNDS = 3
DASK_TARGET = 0.8
# Runs of the 2,000-page parse (about a minute each here) and of bare pypdfium2 beside it.
LARGE_PDF_RUNS = 3
# Runs of review and of parse beside it (a few seconds each on the 100-page PDF).
REVIEW_RUNS = 5
WARM_UP_PDF = ROOT / "fixtures" / "dev-pdf" / "docs" / "004_5bd155181e1959c4.pdf"

# In-process timers run in a fresh interpreter so no state carries over between measurements.
PARSE_TIMER = """
import sys, time
from inspextract.limits import Limits
import inspextract.pipeline as p
# Steady-state throughput, as a batch worker sees it: the model, lexicons and patterns load once per
# process, so one short document is parsed first with the same reader (start-up is measured on its own).
p.parse(sys.argv[3], pdf_engine=sys.argv[2])
t = time.perf_counter()
report = p.parse(sys.argv[1], pdf_engine=sys.argv[2], limits=Limits(max_pages=100000))
print(time.perf_counter() - t, report.source.pages or 0, len(p.read_document(sys.argv[1])[0].text.split()))
"""
# PARSE_TIMER's parse with evidence boxes (issue 20).
BOXES_TIMER = """
import sys, time
from inspextract.limits import Limits
import inspextract.pipeline as p
p.parse(sys.argv[3], pdf_engine=sys.argv[2], boxes=True)
t = time.perf_counter()
report = p.parse(sys.argv[1], pdf_engine=sys.argv[2], limits=Limits(max_pages=100000), boxes=True)
print(time.perf_counter() - t, report.source.pages or 0, 0)
"""
# `review` as its command does it (parse, then the page with its page images), after the same warm-up.
REVIEW_TIMER = """
import sys, time
from inspextract.limits import Limits
import inspextract.pipeline as p
from inspextract.review import review_file
p.parse(sys.argv[3], pdf_engine=sys.argv[2])
t = time.perf_counter()
page = review_file(sys.argv[1], pdf_engine=sys.argv[2], limits=Limits(max_pages=100000))
print(time.perf_counter() - t, 0, len(page.encode()))
"""
BARE_PDFPLUMBER_TIMER = """
import sys, time, pdfplumber
t = time.perf_counter()
with pdfplumber.open(sys.argv[1]) as pdf:
    n = 0
    for page in pdf.pages:
        page.extract_text()
        page.close()
        n += 1
print(time.perf_counter() - t, n, 0)
"""
BARE_PDFIUM_TIMER = """
import sys, time
import pypdfium2 as pdfium
t = time.perf_counter()
pdf = pdfium.PdfDocument(sys.argv[1])
n = 0
for page in pdf:
    textpage = page.get_textpage()
    textpage.get_text_range()
    textpage.close()
    page.close()
    n += 1
pdf.close()
print(time.perf_counter() - t, n, 0)
"""
BARE_SPACY_TIMER = """
import sys, time
from inspextract.nlp import load_model
nlp = load_model()
text = open(sys.argv[1], encoding="utf-8").read()
paragraphs = [p for p in text.split("\\n\\n") if p.strip()]
t = time.perf_counter()
for _ in nlp.pipe(paragraphs):
    pass
print(time.perf_counter() - t, 0, len(text.split()))
"""
# Pure-Python work of about a second and a half, the same in every process: run once alone and twice side by
# side, it shows how much of a second core this machine gives right now (its ceiling for --jobs 2).
CPU_LOOP = "n = 0\nfor i in range(20_000_000): n += i"
PEAK_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def render_pdf_tool(explicit: str | None) -> Path:
    for candidate in (explicit, ROOT.parent / "shared" / "tools" / "render_pdf.py"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    sys.exit("render_pdf.py not found: pass --render-pdf PATH (it lives in shared/tools beside the repo)")


def page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def make_report_pdf(pages: int, render: Path) -> Path:
    """A report PDF of about `pages` pages: the long fixture repeated, rendered like a real report."""
    out = WORK / f"report-{pages}p.pdf"
    if out.exists():
        return out
    body = LONG_FIXTURE.read_text(encoding="utf-8")
    per_copy = 14  # pages one copy of the long fixture renders to; corrected below by measuring
    copies = max(1, round(pages / per_copy))
    source = WORK / f"report-{pages}p.txt"
    for _ in range(3):
        source.write_text("\n\n".join([body] * copies), encoding="utf-8")
        subprocess.run([PYTHON, str(render), str(source), str(out)], check=True, capture_output=True)
        got = page_count(out)
        if abs(got - pages) <= pages * 0.05:
            break
        copies = max(1, round(copies * pages / got))
    return out


def make_long_text() -> Path:
    out = WORK / "long.txt"
    if not out.exists():
        out.write_text("\n\n".join([LONG_FIXTURE.read_text(encoding="utf-8")] * 8), encoding="utf-8")
    return out


def make_mixed_folder(count: int = 40) -> Path:
    """`count` different documents from every fixture corpus (text, PDF, HTML, DOCX): the fixtures cycled,
    each copy given a closing note of its own. Byte-identical copies would flatter a one-worker batch: the
    pipeline keeps its last few texts' NLP results, so a lone worker given the copies back to back reuses
    them, which two workers splitting the copies cannot, and no real folder offers."""
    folder = WORK / f"mixed{count}-distinct"
    if folder.exists():
        return folder
    sources = sorted(p for p in (ROOT / "fixtures").glob("*/docs/*") if p.is_file())
    building = folder.with_name(folder.name + ".partial")  # a run cut short never leaves half a folder
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    digits = max(2, len(str(count - 1)))
    for i in range(count):
        src = sources[i % len(sources)]
        note = f"Benchmark note {i}: this copy of the document was made for the batch benchmark."
        data = with_note(src.read_bytes(), src.suffix.lower(), note)
        (building / f"{i:0{digits}d}-{src.name}").write_bytes(data)
    building.rename(folder)
    return folder


def with_note(data: bytes, suffix: str, note: str) -> bytes:
    """The document with `note` added as its last paragraph, in its own format."""
    if suffix in (".txt", ".md"):
        return data.rstrip(b"\n") + f"\n\n{note}\n".encode()
    if suffix in (".html", ".htm"):  # inside the main content: the reader drops what lies around it
        end = next((tag for tag in (b"</article>", b"</main>", b"</body>") if tag in data), b"")
        return data.replace(end, f"<p>{note}</p>".encode() + end, 1) if end else data + note.encode()
    if suffix == ".docx":
        return docx_with_note(data, note)
    if suffix == ".pdf":
        return pdf_with_note(data, note)
    raise ValueError(f"no way to add a note to a {suffix} fixture")


def docx_with_note(data: bytes, note: str) -> bytes:
    paragraph = f"<w:p><w:r><w:t>{note}</w:t></w:r></w:p>".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            part = old.read(item.filename)
            if item.filename == "word/document.xml":  # before the section properties, which end the body
                end = next((part.find(tag) for tag in (b"<w:sectPr", b"</w:body>") if tag in part), -1)
                if end < 0:
                    raise ValueError("a DOCX fixture without a document body")
                part = part[:end] + paragraph + part[end:]
            new.writestr(item, part)
    return out.getvalue()


def pdf_with_note(data: bytes, note: str) -> bytes:
    """The PDF with one more page carrying the note (pypdf and reportlab come with the test extras)."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    page = io.BytesIO()
    sheet = canvas.Canvas(page)
    sheet.drawString(72, 720, note)
    sheet.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.append(PdfReader(page))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def timed_script(script: str, *args: str) -> tuple[float, int, int]:
    out = subprocess.run([PYTHON, "-c", script, *args], capture_output=True, text=True, check=True)
    seconds, pages, words = out.stdout.split()[-3:]
    return float(seconds), int(pages), int(words)


def wall(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - t


def peak_rss_mb(cmd: list[str]) -> float:
    out = subprocess.run([PYTHON, "-c", PEAK_RSS, *cmd], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, figure: str, target: str = "", verdict: bool | None = None) -> None:
        mark = "" if verdict is None else ("pass" if verdict else "FAIL")
        self.rows.append((what, figure, target, mark))
        print(f"  {what}: {figure} {target} {mark}", file=sys.stderr, flush=True)

    def print(self) -> None:
        widths = [max(len(row[i]) for row in self.rows) for i in range(4)]
        for row in self.rows:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def bench_pdf_speed(table: Table, repeat: int, pdf: Path) -> None:
    # pdfplumber and its bare baseline in interleaved rounds, so a shared machine's slow spells hit both
    # alike; pdfium's run takes seconds, not tens of seconds, and single runs of it vary from 1.7 to 3 s
    # here, so it gets more runs.
    names = ("bare", "pdfplumber", "bare pdfium", "pdfium")
    runs: dict[str, list[tuple[float, int, int]]] = {name: [] for name in names}
    for _ in range(repeat):
        runs["bare"].append(timed_script(BARE_PDFPLUMBER_TIMER, str(pdf)))
        runs["pdfplumber"].append(timed_script(PARSE_TIMER, str(pdf), "pdfplumber", str(WARM_UP_PDF)))
    for _ in range(max(repeat, PDFIUM_RUNS)):
        runs["bare pdfium"].append(timed_script(BARE_PDFIUM_TIMER, str(pdf)))
        runs["pdfium"].append(timed_script(PARSE_TIMER, str(pdf), "pdfium", str(WARM_UP_PDF)))
    pages = runs["bare"][0][1]
    rate = {name: pages / statistics.median(r[0] for r in found) for name, found in runs.items()}
    table.add("bare pdfplumber extract_text (pages closed)", f"{rate['bare']:.1f} pages/s", f"{pages} pages")
    table.add("parse --pdf-engine pdfplumber", f"{rate['pdfplumber']:.1f} pages/s")
    ratio = rate["pdfplumber"] / rate["bare"]
    table.add("  ratio parse(pdfplumber) / bare pdfplumber", f"{ratio:.2f}x", "target >= 0.6x", ratio >= 0.6)
    fast = rate["pdfium"]
    slowest = pages / max(r[0] for r in runs["pdfium"])
    # The bare library's text alone, in the same rounds: this machine's speed varies by a third between
    # hours, so the absolute target is read beside it.
    table.add("bare pypdfium2 text (pages closed)", f"{rate['bare pdfium']:.0f} pages/s")
    table.add(
        "parse --pdf-engine pdfium",
        f"{fast:.1f} pages/s (slowest run {slowest:.1f})",
        "target >= 40",
        fast >= 40,
    )
    table.add("  ratio parse(pdfium) / bare pypdfium2", f"{fast / rate['bare pdfium']:.3f}x")


# `review` may take 1.5x a parse (issue 20) for the boxes, the page images and the page together: the
# boxes get at most a fifth of a parse (they cost ~0.13 s per 100 pages here, a tenth of a parse).
BOXES_TARGET = 1.2


def bench_boxes(table: Table, repeat: int, pdf: Path) -> None:
    """`parse --boxes` over `parse` of the same PDF, in interleaved rounds (pdfium, the default engine)."""
    plain: list[float] = []
    boxed: list[float] = []
    for _ in range(max(repeat, PDFIUM_RUNS)):
        plain.append(timed_script(PARSE_TIMER, str(pdf), "pdfium", str(WARM_UP_PDF))[0])
        boxed.append(timed_script(BOXES_TIMER, str(pdf), "pdfium", str(WARM_UP_PDF))[0])
    ratio = statistics.median(boxed) / statistics.median(plain)
    table.add(
        "parse --boxes over parse (pdfium, 100-page PDF)",
        f"{ratio:.2f}x ({statistics.median(boxed):.2f} s / {statistics.median(plain):.2f} s)",
        "target <= 1.2x",
        ratio <= BOXES_TARGET,
    )


def bench_text_speed(table: Table, repeat: int, text: Path) -> None:
    bare, runs = [], []
    for _ in range(repeat):  # interleaved, so a slow spell of the machine hits both alike
        bare.append(timed_script(BARE_SPACY_TIMER, str(text)))
        runs.append(timed_script(PARSE_TIMER, str(text), "pdfplumber", str(WARM_UP_FIXTURE)))
    words = bare[0][2]
    bare_rate = words / statistics.median(r[0] for r in bare)
    rate = words / statistics.median(r[0] for r in runs)
    table.add("bare spaCy model, full pipeline (nlp.pipe)", f"{bare_rate:,.0f} words/s", f"{words:,} words")
    table.add("parse (text document)", f"{rate:,.0f} words/s")
    table.add("  ratio parse / bare spaCy", f"{rate / bare_rate:.2f}x")


def bench_memory(table: Table, small: Path, large: Path) -> None:
    for engine in ("pdfplumber", "pdfium"):
        cmd = [*CLI, "parse", "--pdf-engine", engine, "--max-pages", "100000", "--timeout", "0"]
        small_mb = peak_rss_mb([*cmd, str(small)])
        large_mb = peak_rss_mb([*cmd, str(large)])
        table.add(f"peak RSS parse --pdf-engine {engine} {small.name}", f"{small_mb:.0f} MB")
        table.add(
            f"peak RSS parse --pdf-engine {engine} {large.name}",
            f"{large_mb:.0f} MB",
            "target <= 400 MB",
            large_mb <= 400,
        )
        ratio = large_mb / small_mb
        table.add("  ratio large / small", f"{ratio:.2f}x", "target <= 1.5x", ratio <= 1.5)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class BatchRun(NamedTuple):
    """One batch run's times in seconds (the moments counted from its start)."""

    wall: float
    first_record: float  # read off its one-line-per-document log: the start-up a user waits through
    listed: float  # its first line, written just before it starts any process of its own
    cpu: float  # of all its processes (each reaps its own children, so theirs is counted too)


def timed_batch(cmd: list[str]) -> BatchRun:
    """Run a batch and time it (see BatchRun)."""
    start, cpu = time.perf_counter(), children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    lines = [(line, time.perf_counter()) for line in proc.stderr]
    proc.wait()
    end = time.perf_counter()
    listed = next((t for line, t in lines if line.startswith("inspextract batch:")), end)
    first = next((t for line, t in lines if line.startswith("[")), end)
    return BatchRun(end - start, first - start, listed - start, children_cpu() - cpu)


def side_by_side(cmds: list[list[str]]) -> float:
    """Wall time of running `cmds` all started together."""
    start = time.perf_counter()
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for cmd in cmds]
    for proc in procs:
        proc.wait()
    return time.perf_counter() - start


def batch_cmd(folder: Path, jobs: int, out: str) -> list[str]:
    shutil.rmtree(WORK / out, ignore_errors=True)  # every run writes its records afresh
    return [*CLI, "batch", str(folder), "-o", str(WORK / out), "--jobs", str(jobs), "--force"]


def bench_batch(table: Table, repeat: int, folder: Path) -> None:
    docs = sum(1 for p in folder.iterdir() if p.is_file())
    runs: dict[int, list[BatchRun]] = {1: [], 2: []}
    bare: dict[int, list[float]] = {1: [], 2: []}
    pairs: list[float] = []

    for _ in range(max(repeat, BATCH_ROUNDS)):  # interleaved: a slow spell of the machine hits both alike
        for jobs in (1, 2):
            runs[jobs].append(timed_batch(batch_cmd(folder, jobs, f"batch-out-{jobs}")))
            bare[jobs].append(side_by_side([[PYTHON, "-c", CPU_LOOP]] * jobs))
        pairs.append(
            side_by_side([batch_cmd(folder, 1, "batch-out-pair-a"), batch_cmd(folder, 1, "batch-out-pair-b")])
        )
    wall = {jobs: statistics.median(r.wall for r in runs[jobs]) for jobs in runs}
    first = {jobs: statistics.median(r.first_record for r in runs[jobs]) for jobs in runs}
    rounds = list(zip(runs[1], runs[2], strict=True))
    for jobs in (1, 2):
        table.add(
            f"batch --jobs {jobs}",
            f"{docs / wall[jobs]:.2f} docs/s end to end, first record after {first[jobs]:.2f} s",
            f"{docs} documents" if jobs == 1 else "",
        )
    ratio = wall[1] / wall[2]
    table.add("  ratio jobs 2 / jobs 1, end to end", f"{ratio:.2f}x", "target >= 1.7x", ratio >= 1.7)
    # Each round's own ratio: how far the machine's slow spells move the figure within one run.
    per_round = sorted(one.wall / two.wall for one, two in rounds)
    table.add("  per-round ratios, lowest to highest", f"{per_round[0]:.2f}x to {per_round[-1]:.2f}x")
    ceiling = 2 * statistics.median(bare[1]) / statistics.median(bare[2])
    table.add("  the machine's ceiling: 2 bare processes / 1", f"{ceiling:.2f}x", "same rounds")
    # Two independent one-job batches share nothing (each pays its own start-up): how far this machine
    # lets this very work run two at a time, caches and memory included.
    pair = 2 * wall[1] / statistics.median(pairs)
    table.add("  2 batches --jobs 1 side by side / 1", f"{pair:.2f}x", "same rounds")
    # Until the batch has listed its inputs (Python, imports, the walk) it cannot use a second core; even a
    # perfect split of all the rest at the machine's ceiling would give this ratio.
    serial = statistics.median(r.listed for r in runs[2])
    best = wall[1] / (serial + (wall[1] - serial) / ceiling)
    table.add("  serial start (inputs listed after)", f"{serial:.2f} s")
    table.add("  best possible ratio after that start", f"{best:.2f}x", "same rounds")
    table.add("  batch ratio / ceiling, / best possible", f"{ratio / ceiling:.2f}, {ratio / best:.2f}")
    # CPU time is what the work itself costs, whatever share of the cores the machine gave: the extra a
    # second worker adds (its start-up, contention for caches) shows here alone.
    cpu = statistics.median(two.cpu / one.cpu for one, two in rounds)
    table.add("  CPU time of all processes, jobs 2 / jobs 1", f"{cpu:.2f}x", "same rounds")


def bench_batch_at_scale(table: Table, folder: Path) -> None:
    docs = sum(1 for p in folder.iterdir() if p.is_file())
    walls: dict[int, list[float]] = {1: [], 2: []}
    bare: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(SCALE_ROUNDS):  # interleaved: a slow spell of the machine hits batch and ceiling alike
        for jobs in (1, 2):
            walls[jobs].append(timed_batch(batch_cmd(folder, jobs, f"batch-out-{jobs}")).wall)
            bare[jobs].append(side_by_side([[PYTHON, "-c", CPU_LOOP]] * jobs))
    speed = {jobs: docs / statistics.median(runs) for jobs, runs in walls.items()}
    ratio = speed[2] / speed[1]
    ceiling = 2 * statistics.median(bare[1]) / statistics.median(bare[2])
    table.add(
        f"batch, {docs} documents: ratio jobs 2 / jobs 1",
        f"{ratio:.2f}x ({speed[1]:.2f} / {speed[2]:.2f} docs/s)",
        f"medians of {SCALE_ROUNDS}",
    )
    table.add("  the machine's ceiling: 2 bare processes / 1", f"{ceiling:.2f}x", "same rounds")
    share = ratio / ceiling
    target = f"target >= {SCALE_TARGET_OF_CEILING}"
    table.add("  batch ratio / ceiling", f"{share:.2f}", target, share >= SCALE_TARGET_OF_CEILING)


def bench_dask(table: Table, folder: Path) -> None:
    """A batch on a LocalCluster of two one-thread workers against the local pool of two processes."""
    docs = sum(1 for p in folder.iterdir() if p.is_file())
    runs: dict[str, list[BatchRun]] = {"pool": [], "dask": []}
    for _ in range(DASK_ROUNDS):  # interleaved: a slow spell of the machine hits both alike
        runs["pool"].append(timed_batch(batch_cmd(folder, 2, "batch-out-2")))
        runs["dask"].append(timed_batch([*batch_cmd(folder, 2, "batch-out-dask"), "--dask", "local"]))
    speed = {name: docs / statistics.median(r.wall for r in rs) for name, rs in runs.items()}
    ratio = speed["dask"] / speed["pool"]
    table.add(
        f"batch --dask local --jobs 2 over --jobs 2, {docs} documents",
        f"{ratio:.2f}x ({speed['pool']:.2f} / {speed['dask']:.2f} docs/s)",
        f"target >= {DASK_TARGET}, medians of {DASK_ROUNDS}",
        ratio >= DASK_TARGET,
    )
    # The cluster's start-up (Dask's processes, a model per worker process) apart from its cost per document.
    first = {name: statistics.median(r.first_record for r in rs) for name, rs in runs.items()}
    table.add("  first record after (pool / dask)", f"{first['pool']:.2f} / {first['dask']:.2f} s")
    after = {
        name: statistics.median((docs - 1) / (r.wall - r.first_record) for r in rs)
        for name, rs in runs.items()
    }
    table.add("  ratio after the first record", f"{after['dask'] / after['pool']:.2f}x", "same rounds")


def bench_large_pdf(table: Table, pdf: Path) -> None:
    """parse of the 2,000-page PDF against bare pypdfium2's text of it, in interleaved runs."""
    runs: dict[str, list[float]] = {"bare pdfium": [], "pdfium": []}
    for _ in range(LARGE_PDF_RUNS):
        runs["bare pdfium"].append(timed_script(BARE_PDFIUM_TIMER, str(pdf))[0])
        runs["pdfium"].append(timed_script(PARSE_TIMER, str(pdf), "pdfium", str(WARM_UP_PDF))[0])
    bare, parsed = (statistics.median(runs[name]) for name in ("bare pdfium", "pdfium"))
    pages = page_count(pdf)
    table.add(f"bare pypdfium2 text, {pages} pages", f"{bare:.1f} s", f"medians of {LARGE_PDF_RUNS}")
    table.add(f"parse --pdf-engine pdfium, {pages} pages", f"{parsed:.1f} s")
    table.add("  ratio parse(pdfium) / bare pypdfium2, by speed", f"{bare / parsed:.3f}x")


# The export row: the dev records repeated with distinct paths, exported to SQLite, against a bare
# executemany of the same rows (flattened beforehand, untimed) into tables without keys or indexes. Five
# rounds: single rounds' ratios ranged from 2.5x to 3.5x in busy spells of this shared machine; the CPU time
# of each process (milliseconds, the timers' third figure) moves far less.
EXPORT_RECORDS = 10_000
EXPORT_ROUNDS = 5
EXPORT_TIMER = """
import sys, time
from pathlib import Path
from inspextract.export import export
db = Path(sys.argv[2])
db.unlink(missing_ok=True)
t, cpu = time.perf_counter(), time.process_time()
export([sys.argv[1]], sqlite=db)
print(time.perf_counter() - t, db.stat().st_size, round((time.process_time() - cpu) * 1000))
"""
BARE_INSERT_TIMER = """
import sqlite3, sys, time
from pathlib import Path
from inspextract.export.tables import CHILD_TABLES, TABLES, document_row
from inspextract.records import Report
db = Path(sys.argv[2])
db.unlink(missing_ok=True)
rows = {table.name: [] for table in TABLES}
with open(sys.argv[1], encoding="utf-8") as lines:
    for number, line in enumerate(lines, 1):
        report = Report.model_validate_json(line)
        rows["documents"].append((number, *document_row(report), line.strip()))
        for table in CHILD_TABLES:
            rows[table.name].extend(table.rows(report, number))
connection = sqlite3.connect(db, isolation_level=None)
for table in TABLES:
    connection.execute(f"CREATE TABLE {table.name} ({', '.join(repr(c) for c in table.column_names)})")
t, cpu = time.perf_counter(), time.process_time()
connection.execute("BEGIN")
for table in TABLES:
    marks = ", ".join("?" for _ in table.columns)
    connection.executemany(f"INSERT INTO {table.name} VALUES ({marks})", rows[table.name])
connection.execute("COMMIT")
print(time.perf_counter() - t, db.stat().st_size, round((time.process_time() - cpu) * 1000))
"""


def make_export_records(count: int = EXPORT_RECORDS) -> Path:
    """A JSONL file of `count` records: the dev fixtures' records cycled, each copy with a path of its own."""
    out = WORK / f"export-{count}.jsonl"
    if out.exists():
        return out
    dev = WORK / "dev-records.jsonl"
    docs = ROOT / "fixtures" / "dev" / "docs"
    subprocess.run(
        [*CLI, "batch", str(docs), "--jsonl", str(dev), "--jobs", "1"], check=True, capture_output=True
    )
    records = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines()]
    building = out.with_name(out.name + ".partial")
    with building.open("w", encoding="utf-8") as handle:
        for i in range(count):
            record = records[i % len(records)]
            record["source"]["path"] = f"copies/{i:05d}/{Path(record['source']['path']).name}"
            handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    building.rename(out)
    return out


def bench_export(table: Table, records: Path) -> None:
    """`export --sqlite` of 10,000 records over a bare executemany of the same rows, in interleaved runs."""
    runs: dict[str, list[tuple[float, int, int]]] = {"bare": [], "export": []}
    for _ in range(EXPORT_ROUNDS):
        runs["bare"].append(timed_script(BARE_INSERT_TIMER, str(records), str(WORK / "export-bare.db")))
        runs["export"].append(timed_script(EXPORT_TIMER, str(records), str(WORK / "export.db")))
    bare, exported = (statistics.median(r[0] for r in runs[name]) for name in ("bare", "export"))
    count = sum(1 for _ in records.open("rb"))
    table.add(
        f"bare sqlite3 executemany, rows of {count:,} records", f"{bare:.2f} s", f"medians of {EXPORT_ROUNDS}"
    )
    table.add("export --sqlite, the same records from JSONL", f"{exported:.2f} s")
    ratio = exported / bare
    table.add("  ratio export / bare executemany", f"{ratio:.2f}x", "target <= 3x", ratio <= 3)
    cpu = {name: statistics.median(r[2] for r in found) / 1000 for name, found in runs.items()}
    table.add(
        "  the same by CPU time",
        f"{cpu['export'] / cpu['bare']:.2f}x ({cpu['export']:.2f} / {cpu['bare']:.2f} s)",
    )
    size = runs["export"][-1][1] / count
    bare_size = runs["bare"][-1][1] / count
    table.add(
        "  database size per record", f"{size / 1024:.1f} KiB (bare tables: {bare_size / 1024:.1f} KiB)"
    )


def bench_review(table: Table, repeat: int, pdf: Path) -> None:
    """`review` of the 100-page PDF against `parse` of it, in interleaved runs (target <= 1.5x)."""
    runs: dict[str, list[float]] = {"parse": [], "review": []}
    size = 0
    for _ in range(max(repeat, REVIEW_RUNS)):
        runs["parse"].append(timed_script(PARSE_TIMER, str(pdf), "pdfium", str(WARM_UP_PDF))[0])
        seconds, _, size = timed_script(REVIEW_TIMER, str(pdf), "pdfium", str(WARM_UP_PDF))
        runs["review"].append(seconds)
    parsed, reviewed = (statistics.median(runs[name]) for name in ("parse", "review"))
    pages = page_count(pdf)
    runs_note = f"medians of {len(runs['parse'])}"
    table.add(f"parse --pdf-engine pdfium, {pages} pages", f"{parsed:.2f} s", runs_note)
    table.add(f"review, {pages} pages", f"{reviewed:.2f} s ({size / 1e6:.1f} MB page)", "target <= 15 MB")
    ratio = reviewed / parsed
    table.add("  ratio review / parse", f"{ratio:.2f}x", "target <= 1.5x", ratio <= 1.5)


def console_script() -> list[str]:
    """The installed `inspextract` command beside this interpreter (what users run), else `python -m`."""
    script = Path(PYTHON).with_name("inspextract")
    return [str(script)] if script.is_file() else CLI


def bench_startup(table: Table, repeat: int) -> None:
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "inspextract --help": [*console_script(), "--help"],
        "inspextract --version": [*console_script(), "--version"],
    }
    # Interleaved rounds, so a slow spell of a shared machine hits every command alike.
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(max(repeat, 21)):
        for name, command in commands.items():
            times[name].append(wall(command))
    base = statistics.median(times.pop("python -c pass"))
    table.add("python -c pass", f"{base * 1000:.0f} ms")
    for name, runs in times.items():
        took = statistics.median(runs)
        extra = took - base
        table.add(name, f"{took * 1000:.0f} ms (+{extra * 1000:.0f} ms)", "target <= +150 ms", extra <= 0.15)


BENCHES = (
    "pdf",
    "pdf-large",
    "text",
    "memory",
    "batch",
    "batch-200",
    "dask",
    "startup",
    "export",
    "boxes",
    "review",
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help=f"runs per measurement, the median reported (at least {PDFIUM_RUNS} pdfium parses and "
        f"{BATCH_ROUNDS} batch rounds)",
    )
    parser.add_argument("--only", nargs="*", choices=BENCHES, default=list(BENCHES))
    parser.add_argument("--render-pdf", help="path to render_pdf.py (default: ../shared/tools/render_pdf.py)")
    parser.add_argument("--json", action="store_true", help="also print the table as JSON")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    # As installed from a wheel: modules byte-compiled (an editable install under PYTHONDONTWRITEBYTECODE
    # would otherwise compile the package's sources in every process).
    compileall.compile_dir(str(ROOT / "src" / "inspextract"), quiet=2)
    table = Table()
    needs_pdfs = {"pdf", "pdf-large", "memory", "boxes", "review"} & set(args.only)
    if needs_pdfs:
        render = render_pdf_tool(args.render_pdf)
        print("generating report PDFs (first run only) ...", file=sys.stderr, flush=True)
        pdf100 = make_report_pdf(100, render)
        pdf2000 = make_report_pdf(2000, render) if {"pdf-large", "memory"} & set(args.only) else None
    if "pdf" in args.only:
        bench_pdf_speed(table, args.repeat, pdf100)
    if "boxes" in args.only:
        bench_boxes(table, args.repeat, pdf100)
    if "review" in args.only:
        bench_review(table, args.repeat, pdf100)
    if "pdf-large" in args.only and pdf2000 is not None:
        bench_large_pdf(table, pdf2000)
    if "text" in args.only:
        bench_text_speed(table, args.repeat, make_long_text())
    if "memory" in args.only and pdf2000 is not None:
        bench_memory(table, pdf100, pdf2000)
    if "batch" in args.only:
        bench_batch(table, args.repeat, make_mixed_folder())
    if "batch-200" in args.only:
        bench_batch_at_scale(table, make_mixed_folder(SCALE_DOCS))
    if "dask" in args.only:
        bench_dask(table, make_mixed_folder(SCALE_DOCS))
    if "startup" in args.only:
        bench_startup(table, args.repeat)
    if "export" in args.only:
        bench_export(table, make_export_records())
    print(
        f"\ninspextract benchmarks (medians of {args.repeat}, at least {PDFIUM_RUNS} pdfium parses and "
        f"{BATCH_ROUNDS} batch rounds; {os.cpu_count()} CPUs)"
    )
    table.print()
    if args.json:
        print(
            json.dumps(
                [dict(zip(("what", "figure", "target", "verdict"), row, strict=True)) for row in table.rows]
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
