"""What runs in a batch worker process: one document in, one `Outcome` out, never an exception."""

from __future__ import annotations

import contextlib
import signal
import sys
from dataclasses import dataclass
from multiprocessing.connection import Connection

from inspextract.errors import InspextractError, ModelMissing
from inspextract.limits import DEFAULT_LIMITS, Limits
from inspextract.pdf_engines import DEFAULT_PDF_ENGINE

Task = tuple[int, str]  # (input index, path as found)
READY = "ready"  # a worker's first message: it has started and takes tasks


@dataclass(frozen=True)
class Outcome:
    """One document's result: its record as compact JSON, or an error kind and message."""

    index: int
    record_json: str | None = None
    pages: int | None = None
    kind: str | None = None
    message: str | None = None
    review_html: str | None = None  # the review page (batch --review), beside the record

    @property
    def ok(self) -> bool:
        return self.record_json is not None


@dataclass(frozen=True)
class Converter:
    """Parses one task's document into an `Outcome`. Picklable: it travels to the worker processes."""

    limits: Limits = DEFAULT_LIMITS
    pdf_engine: str = DEFAULT_PDF_ENGINE
    all_entities: bool = False
    boxes: bool = False
    review: bool = False

    def __call__(self, task: Task) -> Outcome:
        from inspextract.output import to_json
        from inspextract.pipeline import parse_with_document

        index, path = task
        try:
            report, document, data = parse_with_document(
                path,
                limits=self.limits,
                pdf_engine=self.pdf_engine,
                all_entities=self.all_entities,
                boxes=self.boxes,
                box_map=self.review,  # the page draws the quotes' boxes; the record has them if asked for
            )
            page = None
            if self.review:
                from inspextract.review.build import review_html

                page = review_html(report, document, pdf=data if document.format == "pdf" else None)
            return Outcome(index, to_json(report), report.source.pages, review_html=page)
        except InspextractError as err:
            return Outcome(index, kind=err.kind, message=str(err) or err.kind)
        except Exception as err:  # a bug or a library failure on hostile input: still only this document
            return Outcome(index, kind="internal", message=f"internal error ({type(err).__name__}: {err})")


def load_shared() -> None:
    """Build the NLP pipeline in this process, so every worker forked from it starts with the model
    loaded (once per batch, not once per worker). A missing model is left for each document to report."""
    from inspextract.nlp import get_nlp

    with contextlib.suppress(ModelMissing):
        get_nlp()


def become_batch_child() -> None:
    """Set up a worker: the parent alone decides what Ctrl-C and SIGTERM do, and Linux kills the worker
    when the parent dies, so a SIGKILLed batch leaves no orphans."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited through fork
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


def worker_main(conn: Connection, convert: Converter) -> None:
    """A worker's life: say ready, then convert tasks until told to stop (None) or orphaned.

    It waits for tasks without a deadline of its own: the parent keeps the deadlines, kills a worker that
    overruns one, and its end (or death) closes the pipe, which ends the wait."""
    become_batch_child()
    conn.send(READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(convert(task))
