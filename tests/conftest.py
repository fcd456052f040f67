"""Shared fixtures: the fixture corpora and the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def corpus_documents(name: str) -> list[Path]:
    """The documents of a fixture corpus (fixtures/NAME/docs)."""
    return sorted(p for p in (FIXTURES / name / "docs").iterdir() if p.is_file())


def gold_for(doc: Path) -> dict:
    return json.loads((doc.parent.parent / "gold" / f"{doc.stem}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
