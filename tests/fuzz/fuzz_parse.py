"""Mutation fuzzing of `inspextract.parse` over the fixture documents (run on demand, not in CI).

    python tests/fuzz/fuzz_parse.py --seconds 600 [--seed N] [--crashes DIR]

Each input is a fixture (PDF, text, HTML, DOCX) mutated by bit flips, byte runs, truncation, chunk
duplication, splices between fixtures and PDF-aware edits (numbers in object syntax, stream lengths). Every
mutant is parsed in this process with a per-document time limit. A clean `InspextractError` is the expected
way to refuse; anything else — another exception, a record that fails schema validation or grounding — is a
failure, saved to --crashes with its traceback. A mutant that takes longer than the time limit without
raising `TimedOut` cannot happen in-process (SIGALRM ends it), so hangs show up as `TimedOut` counts.
Prints the number of inputs tried, refusals by kind, and failures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from inspextract.errors import InspextractError  # noqa: E402
from inspextract.limits import Limits  # noqa: E402
from inspextract.pipeline import parse, read_document  # noqa: E402
from tests.test_grounding import iter_evidence  # noqa: E402

PER_INPUT_TIMEOUT_S = 10.0
NUMBER = re.compile(rb"\d+")


def seeds() -> list[bytes]:
    paths = sorted(p for p in (ROOT / "fixtures").glob("*/docs/*") if p.is_file())
    return [p.read_bytes() for p in paths]


def mutate(data: bytes, others: list[bytes], rng: random.Random) -> bytes:
    """Apply one to four random mutations."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not buf:
            buf += rng.randbytes(rng.randint(1, 64))
        op = rng.randrange(8)
        at = rng.randrange(len(buf))
        if op == 0:  # bit flips
            for _ in range(rng.randint(1, 16)):
                i = rng.randrange(len(buf))
                buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:  # random bytes inserted
            buf[at:at] = rng.randbytes(rng.randint(1, 256))
        elif op == 2:  # a run deleted
            del buf[at : at + rng.randint(1, 4096)]
        elif op == 3:  # truncated
            del buf[at:]
        elif op == 4:  # a chunk duplicated many times
            chunk = buf[at : at + rng.randint(1, 512)]
            buf[at:at] = chunk * rng.randint(2, 64)
        elif op == 5:  # spliced with another fixture
            other = rng.choice(others)
            cut = rng.randrange(len(other)) if other else 0
            buf = buf[:at] + bytearray(other[cut:])
        elif op == 6:  # a number in the syntax changed (object ids, lengths, offsets in PDFs)
            matches = list(NUMBER.finditer(bytes(buf)))
            if matches:
                m = rng.choice(matches)
                new = str(rng.choice([0, 1, -1, 2**31, 10**12, int(m.group()) * 2])).encode()
                buf[m.start() : m.end()] = new
        else:  # special characters: NUL, BOMs, bullets, quotes, control bytes
            token = rng.choice(
                [b"\x00", b"\xef\xbb\xbf", b"\xe2\x80\xa2 ", b"\xe2\x80\x99", b"\r", b"\x0c", b"\xff"]
            )
            buf[at:at] = token * rng.randint(1, 50)
    return bytes(buf)


def check(data: bytes) -> str:
    """'ok', or the error kind of a clean refusal; raises on a failure."""
    try:
        report = parse(data, limits=Limits(timeout_s=PER_INPUT_TIMEOUT_S))
    except InspextractError as err:
        if not str(err).strip() or "\n" in str(err):
            raise AssertionError(f"error message not one line: {str(err)!r}") from err
        return err.kind
    record = json.loads(report.model_dump_json())
    text = read_document(data, limits=Limits(timeout_s=PER_INPUT_TIMEOUT_S))[0].text
    for where, ev in iter_evidence(record):
        if text[ev["start"] : ev["end"]] != ev["quote"]:
            raise AssertionError(f"ungrounded evidence at {where}")
    return "ok"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--crashes", type=Path, default=ROOT / "tests" / "fuzz" / "crashes")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    corpus = seeds()
    outcomes: Counter[str] = Counter()
    failures: dict[str, str] = {}
    deadline = time.monotonic() + args.seconds
    tried = 0
    while time.monotonic() < deadline:
        data = mutate(rng.choice(corpus), corpus, rng)
        tried += 1
        try:
            outcomes[check(data)] += 1
        except Exception:
            digest = hashlib.sha256(data).hexdigest()[:16]
            failure = traceback.format_exc()
            signature = failure.strip().splitlines()[-1]
            outcomes["FAILURE"] += 1
            if signature not in failures.values():
                args.crashes.mkdir(parents=True, exist_ok=True)
                (args.crashes / f"{digest}.bin").write_bytes(data)
                (args.crashes / f"{digest}.txt").write_text(failure, encoding="utf-8")
            failures[digest] = signature
        if tried % 100 == 0:
            print(f"{tried} inputs, {outcomes['FAILURE']} failures", file=sys.stderr, flush=True)
    print(f"inputs tried: {tried} in {args.seconds:g} s (seed {args.seed})")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome}: {count}")
    distinct = sorted(set(failures.values()))
    print(f"distinct failures: {len(distinct)}")
    for signature in distinct:
        print(f"  {signature}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
