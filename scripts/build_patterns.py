"""Generate the EntityRuler pattern files (models/patterns/*.jsonl) from the lexicons.

    python scripts/build_patterns.py          # rewrite the files
    python scripts/build_patterns.py --check  # exit 1 when the committed files are out of date

The patterns are data the pipeline loads; this script is the one place that says how a lexicon entry becomes
patterns (case forms, apostrophes, "and"/"&"), so tests/test_nlp.py can check they are in sync.
Lexical entries become phrase patterns (strings, matched by spaCy's hash-based PhraseMatcher on exact text):
token patterns cost the Matcher time per pattern and per token, and made the ruler slower than the NER itself
(measured: 180 token patterns took ~1.2 s on the 32 kB dev report, the same entries as phrases ~0.01 s).
Token patterns remain only where a phrase cannot say it (indicator numbers, "Director of" + any function).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from inspextract.lexicon import load_json  # noqa: E402  (needs the src path above)

PATTERNS_DIR = ROOT / "src" / "inspextract" / "models" / "patterns"

Token = dict[str, Any]
Pattern = list[Token]

QUOTE_PAIRS = [("'", "'"), ("‘", "’"), ('"', '"'), ("“", "”"), ("'", "’"), ("‘", "'")]
QI_NUMBER: Token = {"TEXT": {"REGEX": r"^\d{1,2}\.\d{1,2}$"}}
# A quoted indicator name is short; the bound keeps an unclosed quote from swallowing a paragraph (tokens).
QI_NAME_MAX_TOKENS = 12
GRADE_WORDS = ["excellent", "very good", "good", "adequate", "weak", "unsatisfactory"]
# The scale's older word for a point -> the grade it is recorded as ("satisfactory", before 2011).
GRADE_ALIASES = {"satisfactory": "adequate"}
# Words that introduce an evaluation: "graded as good", "an evaluation of good".
GRADE_CONTEXT = ["graded", "rated", "evaluated", "evaluation", "grade", "grading", "judged", "assessed"]
PROGRESS_DEGREES = [
    "significant",
    "considerable",
    "good",
    "very good",
    "reasonable",
    "some",
    "limited",
    "no",
    "little",
]
PROGRESS_MIDDLES = ["", "further "]
PROGRESS_NOUNS = ["progress", "improvement", "improvements"]
PROGRESS_ADVERBS = ["significantly", "considerably"]
PROGRESS_VERBS = ["improved", "strengthened"]


def case_forms(phrase: str, *, lower: bool) -> set[str]:
    """The phrase as printed, in capitals, capitalised, title-cased, and (if `lower`) in lower case."""
    forms = {phrase, phrase.upper(), phrase[:1].upper() + phrase[1:]}
    forms.add(" ".join(w[:1].upper() + w[1:] if w.islower() and len(w) > 3 else w for w in phrase.split()))
    if lower:
        forms.add(phrase.lower())
    return forms


def spelling_forms(phrase: str) -> set[str]:
    """Straight and curly apostrophes, "and" and "&"."""
    forms = {phrase, phrase.replace("'", "’"), phrase.replace("’", "'")}
    for form in list(forms):
        forms.add(form.replace(" and ", " & "))
        forms.add(form.replace(" & ", " and "))
    return forms


def phrases(label: str, texts: Iterable[str], entry_id: str | None = None) -> list[dict[str, Any]]:
    out = []
    for text in sorted(set(texts)):
        entry: dict[str, Any] = {"label": label, "pattern": text}
        if entry_id:
            entry["id"] = entry_id
        out.append(entry)
    return out


def lexicon_patterns(name: str, label: str, *, lower: bool) -> list[dict[str, Any]]:
    """Phrases for every variant of a {canonical: [variants]} lexicon, with the canonical name as id."""
    out = []
    for canonical, variants in load_json(name).items():
        texts: set[str] = set()
        for variant in {canonical, *variants}:
            # Acronyms only in capitals; one-word names only capitalised ("borders", "highland" are words).
            if variant.isupper():
                texts.add(variant)
                continue
            for form in spelling_forms(variant):
                texts |= case_forms(form, lower=lower and " " in variant)
        out += phrases(label, texts, canonical)
    return out


def grade_patterns() -> list[dict[str, Any]]:
    """GRADE: a grade word in quotes ("'very good,'") or after an evaluation word ("graded as good")."""
    out = []
    for spelling, grade in [*((g, g) for g in GRADE_WORDS), *GRADE_ALIASES.items()]:
        texts: set[str] = set()
        for word in case_forms(spelling, lower=True):
            for open_quote, close_quote in QUOTE_PAIRS:
                for punct in ("", ",", "."):
                    texts.add(f"{open_quote}{word}{punct}{close_quote}")
        out += phrases("GRADE", texts, grade)
    # Unquoted after an evaluation word: two token patterns (as phrases, every spelling would be ~1000).
    context: Pattern = [{"LOWER": {"IN": GRADE_CONTEXT}}, {"LOWER": {"IN": ["as", "of"]}, "OP": "?"}]
    one_word = [g for g in [*GRADE_WORDS, *GRADE_ALIASES] if " " not in g]
    out.append({"label": "GRADE", "pattern": [*context, {"LOWER": {"IN": one_word}}]})
    out.append({"label": "GRADE", "pattern": [*context, {"LOWER": "very"}, {"LOWER": "good"}]})
    return out


def qi_patterns() -> list[dict[str, Any]]:
    """QI: "QI 2.1", "quality indicator 2.1", and the same followed by the indicator's name in quotes."""
    name_in_quotes: Pattern = [
        {"ORTH": ",", "OP": "?"},
        {"IS_QUOTE": True},
        {"IS_QUOTE": False, "ORTH": {"NOT_IN": ["\n"]}, "OP": f"{{1,{QI_NAME_MAX_TOKENS}}}"},
        {"IS_QUOTE": True},
    ]
    short: Pattern = [{"ORTH": "QI"}, QI_NUMBER]
    long: Pattern = [{"LOWER": "quality"}, {"LOWER": {"IN": ["indicator", "indicators"]}}, QI_NUMBER]
    return [
        {"label": "QI", "pattern": p}
        for p in (short, long, [*short, *name_in_quotes], [*long, *name_in_quotes])
    ]


def progress_patterns() -> list[dict[str, Any]]:
    """PROGRESS: "significant progress", "very good progress", "improved considerably"."""
    texts: set[str] = set()
    for degree in PROGRESS_DEGREES:
        for middle in PROGRESS_MIDDLES:
            for noun in PROGRESS_NOUNS:
                texts |= case_forms(f"{degree} {middle}{noun}", lower=True)
    for adverb in PROGRESS_ADVERBS:
        for verb in PROGRESS_VERBS:
            texts |= case_forms(f"{adverb} {verb}", lower=True) | case_forms(f"{verb} {adverb}", lower=True)
    return phrases("PROGRESS", texts)


def role_patterns() -> list[dict[str, Any]]:
    """ROLE: job titles ("Interim Chair"), and "Director of"/"Head of" + a function in capitals."""
    roles = load_json("roles")
    texts: set[str] = set()
    for title in roles["titles"]:
        # One-word titles only capitalised: "to chair reviews" is a verb, "Chair" a title.
        single = " " not in title
        forms = spelling_forms(title)
        for form in forms:
            texts |= {form, form.upper()} if single else case_forms(form, lower=True)
        # Modifiers ("Interim", "Depute") are joined to the title by the pipeline, not multiplied out here.
    out = phrases("ROLE", texts)
    capitalised = r"^[A-Z][\w’'-]*$"
    joiner = r"^(?:[A-Z][\w’'-]*|and|&|['’]s)$"
    for head in sorted(roles["function_heads"]):
        words: Pattern = [{"ORTH": w} for w in head.split()]
        pattern = [
            *words,
            {"LOWER": {"IN": ["of", "for"]}},
            {"TEXT": {"REGEX": joiner}, "OP": "*"},
            {"TEXT": {"REGEX": capitalised}},
        ]
        out.append({"label": "ROLE", "pattern": pattern})
    return out


def render_all() -> dict[str, str]:
    """{file name: JSONL content} for every pattern file."""
    groups = {
        "inspectorates.jsonl": lexicon_patterns("inspectorates", "INSPECTORATE", lower=True),
        "areas.jsonl": lexicon_patterns("councils", "AREA", lower=False),
        "grades.jsonl": grade_patterns(),
        "qi.jsonl": qi_patterns(),
        "progress.jsonl": progress_patterns(),
        "roles.jsonl": role_patterns(),
    }
    return {
        name: "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in patterns)
        for name, patterns in groups.items()
    }


def main(argv: list[str]) -> int:
    stale = []
    for name, content in render_all().items():
        path = PATTERNS_DIR / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == content:
            continue
        stale.append(name)
        if "--check" not in argv:
            path.write_text(content, encoding="utf-8")
    if "--check" in argv and stale:
        print(f"out of date: {', '.join(stale)} (run scripts/build_patterns.py)", file=sys.stderr)
        return 1
    print(f"{'stale' if '--check' in argv else 'written'}: {', '.join(stale) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
