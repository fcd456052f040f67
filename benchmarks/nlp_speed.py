"""Words per second of the NLP step (rules + NER, paragraph chunks) against the model's full pipeline.

PYTHONPATH=src python benchmarks/nlp_speed.py [FILE]   (default: the longest dev fixture)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from inspextract import nlp

# Rounds; each round times every contender once, interleaved so load from other processes hits all alike.
# The best round is reported (the machine is shared: the minimum is the least disturbed).
ROUNDS = 5


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else next((root / "fixtures/dev/docs").glob("001_*.txt"))
    text = path.read_text(encoding="utf-8")
    words = len(text.split())
    paragraphs = [piece for _, piece in nlp.iter_chunks(text)]

    start = time.perf_counter()
    full = nlp.load_model()
    full_load = time.perf_counter() - start
    start = time.perf_counter()
    ours = nlp.get_nlp()
    ours_load = time.perf_counter() - start

    def analyse() -> None:
        nlp.analyse_text.cache_clear()
        nlp.analyse_text(text)

    contenders: dict[str, Callable[[], object]] = {
        f"full pipeline {full.pipe_names}, whole text": lambda: full(text),
        "full pipeline, nlp.pipe over paragraphs": lambda: list(full.pipe(paragraphs)),
        f"inspextract {ours.pipe_names}, analyse_text": analyse,
    }
    best = dict.fromkeys(contenders, float("inf"))
    for run in contenders.values():
        run()  # warm-up
    for _ in range(ROUNDS):
        for name, run in contenders.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    print(f"{path.name}: {len(text):,} chars, {words:,} words")
    print(f"load: full {full_load:.2f} s, inspextract {ours_load:.2f} s")
    for name, seconds in best.items():
        print(f"{name}: {seconds * 1000:.0f} ms, {words / seconds:,.0f} words/s")


if __name__ == "__main__":
    main()
