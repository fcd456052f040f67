"""Render the dev corpus's text documents as PDFs (one-column, plus a two-column long document) with gold.

    python scripts/make_fixture_pdfs.py [--render-pdf PATH]

render_pdf.py is found at --render-pdf, else in ../shared/tools beside the repository. Needs reportlab
and pyphen. Output is deterministic (reportlab's invariant mode), so re-running changes no bytes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "fixtures" / "dev"
ONE_COLUMN = ROOT / "fixtures" / "dev-pdf"
TWO_COLUMN = ROOT / "fixtures" / "dev-pdf2col"
# The long progress review: many pages, contents page, page-broken sentences; it exercises column order.
TWO_COLUMN_PREFIX = "001_"


def find_renderer(given: str | None) -> Path:
    """The render_pdf.py to use."""
    candidates = [Path(given)] if given else []
    candidates += [
        ROOT.parent / "shared" / "tools" / "render_pdf.py",
        ROOT.parent.parent / "shared" / "tools" / "render_pdf.py",
    ]
    for path in candidates:
        if path.is_file():
            return path
    sys.exit("render_pdf.py not found: pass --render-pdf PATH")


def render(renderer: Path, doc: Path, corpus: Path, *extra: str) -> None:
    """Render one document into `corpus`/docs and copy its gold beside it."""
    (corpus / "docs").mkdir(parents=True, exist_ok=True)
    (corpus / "gold").mkdir(parents=True, exist_ok=True)
    out = corpus / "docs" / f"{doc.stem}.pdf"
    subprocess.run([sys.executable, str(renderer), str(doc), str(out), *extra], check=True)
    gold = SOURCE / "gold" / f"{doc.stem}.json"
    if gold.is_file():
        shutil.copyfile(gold, corpus / "gold" / gold.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--render-pdf", help="path to render_pdf.py")
    args = parser.parse_args()
    renderer = find_renderer(args.render_pdf)
    for doc in sorted((SOURCE / "docs").glob("*.txt")):
        render(renderer, doc, ONE_COLUMN)
        if doc.name.startswith(TWO_COLUMN_PREFIX):
            render(renderer, doc, TWO_COLUMN, "--two-column")


if __name__ == "__main__":
    main()
