"""Print the README's accuracy table: every corpus with gold converted by `inspextract batch`, then scored by
the shared scorer (../shared/tools/score.py), one column per corpus.

    .venv/bin/python scripts/accuracy_table.py [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = {
    "train (68)": SHARED / "corpus" / "train",
    "ofsted-pdf (10)": SHARED / "corpus" / "ofsted-pdf",
    "dev (5)": SHARED / "corpus" / "dev",
    "heldout (14)": ROOT / "fixtures" / "heldout",
    "heldout2 (16)": ROOT / "fixtures" / "heldout2",
}


def scores(corpus: Path, work: Path) -> dict[str, Any]:
    out = work / corpus.name
    inspextract = Path(sys.executable).parent / "inspextract"
    subprocess.run(
        [str(inspextract), "batch", str(corpus / "docs"), "-o", str(out), "--force", "-j", "1"],
        check=False,  # a failed document is scored as missing, as the scorer does
        capture_output=True,
    )
    scorer = SHARED / "tools" / "score.py"
    done = subprocess.run(
        [sys.executable, str(scorer), str(corpus), "--pred", str(out), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def cell(row: dict[str, float] | None) -> str:
    if row is None:
        return ""
    return f"{row.get('f1', row.get('accuracy', 0.0)):.3f}"


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--work", type=Path, help="folder for the records (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        results = {name: scores(path, work) for name, path in CORPORA.items() if (path / "gold").is_dir()}
    fields = sorted({f for r in results.values() for f in r["fields"]})
    print("| field | " + " | ".join(results) + " |")
    print("|---|" + "---:|" * len(results))
    for field in fields:
        cells = [cell(r["fields"].get(field)) for r in results.values()]
        print(f"| {field} | " + " | ".join(cells) + " |")
    print("| **overall** | " + " | ".join(f"**{r['overall']:.3f}**" for r in results.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
