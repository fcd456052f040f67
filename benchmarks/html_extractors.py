"""Compare main-content extractors on the web fixtures and malformed.html: quality, speed, structure.

    PYTHONPATH=src python benchmarks/html_extractors.py [BAD_DIR]   # BAD_DIR: output of make_bad.py

Quality is the difflib ratio over `\\w+` words against the text reader's output for the same document.
"""

from __future__ import annotations

import difflib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HIDDEN = ("MUST NOT APPEAR", "NOSCRIPT", "svg script", "Published: 23 August 2016")
REPEATS = 20


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def ours(data: bytes) -> str:
    from inspextract.readers.html import read_html

    return read_html(data).text


def trafilatura_txt(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, output_format="txt", include_comments=False) or ""


def trafilatura_recall(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, output_format="txt", favor_recall=True, include_comments=False) or ""


def justext_paragraphs(data: bytes) -> str:
    import justext

    paragraphs = justext.justext(data, justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "selectolax+rules (ours)": ours,
    "trafilatura txt": trafilatura_txt,
    "trafilatura favor_recall": trafilatura_recall,
    "justext": justext_paragraphs,
}


def main() -> None:
    from inspextract.pipeline import read_document

    pages = sorted((ROOT / "fixtures" / "dev-html" / "docs").glob("*.html"))
    bad = Path(sys.argv[1]) / "malformed.html" if len(sys.argv) > 1 else None
    for name, extract in EXTRACTORS.items():
        ratios, lines = [], []
        started = time.perf_counter()
        for _ in range(REPEATS):
            for page in pages:
                extract(page.read_bytes())
        per_page_ms = (time.perf_counter() - started) / (REPEATS * len(pages)) * 1000
        for page in pages:
            got = extract(page.read_bytes())
            want = read_document(ROOT / "fixtures" / "dev" / "docs" / f"{page.stem}.txt")[0].text
            ratios.append(difflib.SequenceMatcher(None, words(got), words(want), autojunk=False).ratio())
            lines.append(sum(1 for ln in got.split("\n") if ln.startswith(("- ", "• "))))
        note = ""
        if bad is not None:
            text = extract(bad.read_bytes())
            leaked = [h for h in HIDDEN if h in text]
            note = f"malformed: {len(words(text))} words, leaked {leaked or 'nothing'}"
        ratio_text = ", ".join(f"{r:.3f}" for r in ratios)
        print(f"{name:26} word ratio {ratio_text}  list lines {lines}  {per_page_ms:6.1f} ms/page  {note}")


if __name__ == "__main__":
    main()
