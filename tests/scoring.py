"""Scoring a corpus with the shared scorer (../shared/tools/score.py), for the accuracy tests."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from inspextract.pipeline import parse

from .conftest import ROOT

# The shared tree lies beside the repository (CI), or beside the worktrees (development).
SHARED_CANDIDATES = [ROOT.parent / "shared", ROOT.parent.parent / "shared"]


def shared_dir() -> Path | None:
    return next((p for p in SHARED_CANDIDATES if (p / "tools" / "score.py").is_file()), None)


def load_scorer() -> ModuleType | None:
    shared = shared_dir()
    if shared is None:
        return None
    spec = importlib.util.spec_from_file_location("inspextract_shared_score", shared / "tools" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_corpus(
    scorer: ModuleType, corpus: Path, only: set[str] | None = None, **options: Any
) -> dict[str, Any]:
    """The scorer's result for `corpus` (docs/ and gold/), each document parsed in this process."""
    docs = {
        p.stem: p for p in (corpus / "docs").iterdir() if p.is_file() and not p.name.endswith(".meta.json")
    }
    pairs = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        if only is not None and gold_path.stem not in only:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = json.loads(parse(docs[gold_path.stem], **options).model_dump_json())
        pairs.append((gold_path.stem, gold, pred))
    result: dict[str, Any] = scorer.score(pairs)
    return result


def field_value(row: dict[str, Any]) -> float:
    """F1 for list fields, accuracy for scalars."""
    return float(row.get("f1", row.get("accuracy", 0.0)))
