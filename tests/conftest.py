"""Shared fixtures: the fixture corpora and the CLI runner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

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


def shared_tool(name: str) -> Path | None:
    """A tool of the shared folder beside the repository (../shared/tools/NAME), if there is one."""
    for base in (ROOT.parent, ROOT.parent.parent):  # a checkout, or a worktree one level further down
        if (base / "shared" / "tools" / name).is_file():
            return base / "shared" / "tools" / name
    return None


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile-input corpus of ../shared/tools/make_bad.py, built once per session (skipped if absent)."""
    tool = shared_tool("make_bad.py")
    if tool is None:
        pytest.skip("../shared/tools/make_bad.py not found beside the repository")
    out = tmp_path_factory.mktemp("bad")
    subprocess.run([sys.executable, str(tool), str(out)], check=True, capture_output=True, timeout=300)
    return out


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """../shared/tools/score.py as a module (skipped if absent): what every accuracy test scores with."""
    from .scoring import load_scorer  # scoring imports this module: not at its top

    module = load_scorer()
    if module is None:
        pytest.skip("shared/tools/score.py not found beside the repository")
    return module
