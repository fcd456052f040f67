"""Words per second of the NLP step (NER + rules, chunked) against the model's full pipeline on one text.

    PYTHONPATH=src python benchmarks/nlp_speed.py [FILE]   (default: the longest dev fixture)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from inspextract import nlp

# Runs per measurement; the best is reported (the machine is shared, the minimum is the least disturbed).
REPEATS = 3


def best_seconds(run) -> float:
    run()  # warm-up
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else next((root / "fixtures/dev/docs").glob("001_*.txt"))
    text = path.read_text(encoding="utf-8")
    words = len(text.split())

    start = time.perf_counter()
    full = nlp.load_model()
    full_load = time.perf_counter() - start
    start = time.perf_counter()
    ours = nlp.get_nlp()
    ours_load = time.perf_counter() - start

    full_s = best_seconds(lambda: full(text))
    ours_s = best_seconds(lambda: (nlp.analyse_text.cache_clear(), nlp.analyse_text(text)))
    print(f"{path.name}: {len(text)} chars, {words} words")
    print(f"full {full.pipe_names}: load {full_load:.2f} s, {full_s * 1000:.0f} ms, {words / full_s:.0f} words/s")
    print(f"ours {ours.pipe_names}: load {ours_load:.2f} s, {ours_s * 1000:.0f} ms, {words / ours_s:.0f} words/s")
    print(f"speed-up x{full_s / ours_s:.1f}")


if __name__ == "__main__":
    main()
