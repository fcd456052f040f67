#!/usr/bin/env bash
# Every check the project runs: install the test extras into .venv, lint, type-check, then the test suite.
# Called by the README's test command and by .ci/run. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy src  # strict, as configured in pyproject.toml
.venv/bin/python -m pytest "$@"
