"""Accuracy regression: the whole pipeline over every fixture corpus with gold, scored by the shared scorer.

Fails when a field drops below its threshold. THRESHOLDS is the table to extend when a field is implemented:
a field missing from a corpus's scores (its gold has none) is not checked for that corpus.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from inspextract.pipeline import parse

from .conftest import FIXTURES, ROOT

# Minimum per field: F1 for list fields, accuracy for scalars (the acceptance thresholds).
THRESHOLDS: dict[str, float] = {
    "findings.strength": 0.7,
    "findings.improvement": 0.7,
    "findings.recommendation": 0.7,
    "findings.progress": 0.7,
}

# The scorer lives in the shared tree beside the repository (CI), or beside the worktrees (development).
SCORER_CANDIDATES = [
    ROOT.parent / "shared" / "tools" / "score.py",
    ROOT.parent.parent / "shared" / "tools" / "score.py",
]
CORPORA = sorted({p.parent.parent for p in FIXTURES.glob("*/gold/*.json")})


def load_scorer() -> ModuleType | None:
    path = next((p for p in SCORER_CANDIDATES if p.is_file()), None)
    if path is None:
        return None
    spec = importlib.util.spec_from_file_location("inspextract_shared_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    module = load_scorer()
    if module is None:
        pytest.skip("shared/tools/score.py not found beside the repository")
    return module


def score_corpus(scorer: ModuleType, corpus: Path) -> dict[str, Any]:
    docs = {
        p.stem: p for p in (corpus / "docs").iterdir() if p.is_file() and not p.name.endswith(".meta.json")
    }
    pairs = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = json.loads(parse(docs[gold_path.stem]).model_dump_json())
        pairs.append((gold_path.stem, gold, pred))
    result: dict[str, Any] = scorer.score(pairs)
    return result


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_fields_meet_their_thresholds(corpus: Path, scorer: ModuleType) -> None:
    fields = score_corpus(scorer, corpus)["fields"]
    below = {}
    for name, minimum in THRESHOLDS.items():
        if name not in fields:
            continue
        value = fields[name].get("f1", fields[name].get("accuracy"))
        if value < minimum:
            below[name] = (value, minimum)
    assert not below, f"{corpus.name}: below threshold (value, minimum): {below}"


def test_thresholds_name_fields_the_scorer_knows(scorer: ModuleType) -> None:
    known = {f"findings.{kind}" for kind in scorer.FINDING_KINDS}
    known |= set(scorer.SCALARS) | {f"inspection.{k}" for k in scorer.INSPECTION_SCALARS}
    known |= {"title", "areas", "inspection.bodies", "grades", "grade_counts", "areas_for_improvement"}
    known |= {"areas_for_improvement.progress", "people", "people.role"}
    assert set(THRESHOLDS) <= known
