#!/usr/bin/env bash
# Every check the project runs: install the test extras into a virtual environment, lint, type-check, then
# the test suite. Called by the README's test command and by .ci/run. Extra arguments go to pytest.
#   PYTHON  the interpreter to test with (default python3)
#   VENV    its virtual environment (default .venv for python3, .venv-X.Y for PYTHON=... of version X.Y)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ -z "${VENV:-}" ]; then
  if [ -z "${PYTHON:-}" ]; then
    VENV=.venv
  else
    VENV=.venv-$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  fi
fi
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
echo "== $("$VENV/bin/python" --version) ($VENV)"
"$VENV/bin/ruff" check src tests benchmarks scripts
"$VENV/bin/mypy" src  # strict, as configured in pyproject.toml
# The review page's browser tests drive Debian's Chromium (Playwright's own browser download is not
# reachable): installed here when missing; CI runs as root.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "scripts/test.sh: /usr/bin/chromium is missing: install Debian's chromium (as root)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
"$VENV/bin/python" -m pytest "$@"
