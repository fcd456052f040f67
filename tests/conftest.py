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


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile-input corpus of shared/tools/make_bad.py, built once per session (skipped if absent)."""
    import subprocess
    import sys

    candidates = [base / "shared" / "tools" / "make_bad.py" for base in (ROOT.parent, ROOT.parent.parent)]
    tool = next((c for c in candidates if c.exists()), None)
    if tool is None:
        pytest.skip("shared/tools/make_bad.py not found beside the repository")
    out = tmp_path_factory.mktemp("bad")
    subprocess.run([sys.executable, str(tool), str(out)], check=True, capture_output=True, timeout=120)
    return out


@pytest.fixture(scope="session", autouse=True)
def private_cache_folder(tmp_path_factory: pytest.TempPathFactory):
    """Commands the tests run keep their cache (regex_cache.py) in the session's own folder, not ~/.cache."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    yield
    patch.undo()
