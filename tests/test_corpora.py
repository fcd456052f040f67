"""Regression guard on whole corpora: the shared ones (../shared/corpus) and the project's held-out set.

The shared documents are other people's words, so they stay in ../shared and are read from there.
fixtures/heldout and fixtures/heldout2 hold documents written for this project by writers who saw neither
the corpora nor the code; heldout2 was used to tune no rule, so its figure is the honest estimate for
documents the tool has not seen. Each floor sits just under the figure the current
code reaches (README, "Accuracy"): a change that loses accuracy fails here, whatever the unit tests say.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from .conftest import FIXTURES
from .scoring import field_value, load_scorer, score_corpus, shared_dir

FLOORS: dict[str, dict[str, float]] = {
    "dev": {"overall": 0.97},
    "train": {
        "overall": 0.64,
        "document_type": 0.38,
        "inspection.kind": 0.58,
        "title": 0.68,
        "grades": 0.20,
        "findings.strength": 0.53,
        "findings.improvement": 0.35,
        "findings.recommendation": 0.34,
        "people": 0.80,
        "people.role": 0.70,
    },
    "ofsted-pdf": {"overall": 0.57},
    "heldout": {"overall": 0.78},
    "heldout2": {"overall": 0.78},
}
IN_THE_PROJECT = {name: FIXTURES / name for name in ("heldout", "heldout2")}


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    module = load_scorer()
    if module is None:
        pytest.skip("shared/tools/score.py not found beside the repository")
    return module


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request: pytest.FixtureRequest, scorer: ModuleType) -> tuple[str, dict[str, Any]]:
    shared = shared_dir()
    assert shared is not None
    corpus = IN_THE_PROJECT.get(request.param, shared / "corpus" / request.param)
    if not (corpus / "gold").is_dir():
        pytest.skip(f"{corpus} not found")
    return request.param, score_corpus(scorer, corpus)


def test_each_corpus_keeps_its_floors(scored: tuple[str, dict[str, Any]]) -> None:
    name, result = scored
    reached = {"overall": result["overall"]} | {
        field: field_value(row) for field, row in result["fields"].items()
    }
    below = {
        field: (reached.get(field), floor)
        for field, floor in FLOORS[name].items()
        if reached.get(field, 0.0) < floor
    }
    assert not below, f"{name}: below the floor (reached, floor): {below}"

