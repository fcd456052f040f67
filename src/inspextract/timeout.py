"""A wall-clock limit for one document, for the main thread of a POSIX process."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from inspextract.errors import TimedOut


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `TimedOut` if the block runs longer than `seconds` (no-op off the main thread or if None).

    Nested limits keep the outer deadline: an inner call never changes it.
    """
    on_main_thread = threading.current_thread() is threading.main_thread()
    if not seconds or not hasattr(signal, "setitimer") or not on_main_thread:
        yield
        return
    remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    if remaining:  # an outer limit is already running
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise TimedOut(f"took longer than the time limit of {seconds:g} s (see --timeout)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
