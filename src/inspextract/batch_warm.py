"""Preloaded by the multiprocessing forkserver: warms the NLP model, lexicons, patterns and the readers
once (warm.py), so every batch worker forked from the server (replacements for killed ones too) starts
warm in milliseconds. The server cannot know the batch's formats, so it warms them all; of the PDF
engines only the default (pdfplumber, when chosen, loads on first use in each worker)."""

from __future__ import annotations

import gc

import inspextract.output  # noqa: F401 - imported for its side effect: loaded before forking
from inspextract.warm import SAMPLES, warm_up

warm_up(SAMPLES)
gc.freeze()  # the server only forks workers: their collections then leave the shared objects alone
