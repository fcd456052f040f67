"""Imported by the forkserver that starts batch workers on Python >= 3.12: the model is loaded there once,
and every worker (a replacement for a killed one too) is forked from it with the model in memory."""

from __future__ import annotations

import gc

from inspextract.batch.worker import load_shared

load_shared()
gc.freeze()  # the server only forks workers: their collections then leave the shared objects alone
