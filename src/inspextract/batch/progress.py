"""What a batch shows on stderr: a live progress bar on a terminal, one plain line per document
otherwise (CI logs), and a final summary table either way."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from inspextract.batch.worker import Outcome

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from inspextract.batch.run import BatchSummary


def summary_rows(summary: BatchSummary) -> list[tuple[str, str]]:
    rows = [
        ("documents", str(summary.documents)),
        ("pages", str(summary.pages)),
        ("succeeded", str(summary.succeeded)),
        ("failed", str(summary.failed)),
        ("skipped", str(summary.skipped)),
        ("seconds", f"{summary.seconds:.1f}"),
    ]
    if summary.not_run:  # only after --fail-fast or an interruption
        rows.insert(5, ("not run", str(summary.not_run)))
    return rows


def print_summary(summary: BatchSummary, stream: TextIO) -> None:
    """The final table: documents, pages, succeeded, failed, skipped, seconds."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="inspextract batch", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    for name, value in summary_rows(summary):
        table.add_row(name, value)
    Console(file=stream, highlight=False).print(table)


class PlainProgress:
    """One line per finished document, for logs: "[3/40] ok path (12 pages)" or "... FAILED path: why"."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.total = self.done = 0

    def start(self, total: int, skipped: int) -> None:
        self.total, self.done = total, skipped
        note = f" ({skipped} already done)" if skipped else ""
        self.stream.write(f"inspextract batch: {total} document(s){note}\n")
        self.stream.flush()

    def advance(self, path: str, outcome: Outcome) -> None:
        self.done += 1
        if outcome.ok:
            pages = f" ({outcome.pages} pages)" if outcome.pages else ""
            line = f"[{self.done}/{self.total}] ok {path}{pages}"
        else:
            line = f"[{self.done}/{self.total}] FAILED {path}: {outcome.kind}: {outcome.message}"
        self.stream.write(line + "\n")
        self.stream.flush()

    def tick(self) -> None:
        pass

    def finish(self, summary: BatchSummary) -> None:
        print_summary(summary, self.stream)


class RichProgress:
    """A live bar (documents, pages, rate, ETA); refreshed from the batch's own loop, not a thread,
    so that forking replacement workers never happens while another thread holds a lock."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.pages = 0

    def start(self, total: int, skipped: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("docs · {task.fields[pages]} pages · {task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=self.stream),
            auto_refresh=False,
            transient=False,
        )
        self.bar.start()
        self.task = self.bar.add_task("batch", total=total, completed=skipped, pages=0, rate="- docs/s")
        self.bar.refresh()

    def advance(self, path: str, outcome: Outcome) -> None:
        assert self.bar is not None and self.task is not None
        self.pages += outcome.pages or 0
        task = self.bar.tasks[0]
        rate = f"{task.speed:.2f} docs/s" if task.speed else "- docs/s"
        self.bar.update(self.task, advance=1, pages=self.pages, rate=rate)
        if not outcome.ok:
            from rich.markup import escape

            self.bar.console.print(
                f"[red]failed[/red] {escape(f'{path}: {outcome.kind}: {outcome.message}')}"
            )
        self.bar.refresh()

    def tick(self) -> None:
        if self.bar is not None:
            self.bar.refresh()

    def finish(self, summary: BatchSummary) -> None:
        if self.bar is not None:
            self.bar.stop()
        print_summary(summary, self.stream)


def make_progress(stream: TextIO) -> PlainProgress | RichProgress:
    """A live bar when `stream` is a terminal, plain lines otherwise."""
    return RichProgress(stream) if stream.isatty() else PlainProgress(stream)
