"""Preloaded by the multiprocessing forkserver: imports the pipeline and loads the NLP model once, so every
batch worker forked from the server (replacements for killed ones too) starts warm in milliseconds."""

from __future__ import annotations

import inspextract.output
import inspextract.pipeline  # noqa: F401 - imported for its side effect: modules loaded before forking
from inspextract.batch_workers import warm_nlp

warm_nlp()
