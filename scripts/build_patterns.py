"""Generate the EntityRuler pattern files (models/patterns/*.jsonl) from the lexicons.

    python scripts/build_patterns.py          # rewrite the files
    python scripts/build_patterns.py --check  # exit 1 when the committed files are out of date

The patterns are data the pipeline loads; this script is the one place that says how a lexicon entry becomes
token patterns (case, apostrophes, "and"/"&", line breaks), so tests/test_nlp.py can check they are in sync.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from inspextract.lexicon import load_json  # noqa: E402  (needs the src path above)

PATTERNS_DIR = ROOT / "src" / "inspextract" / "models" / "patterns"

Token = dict[str, Any]
Pattern = list[Token]

OPEN_QUOTES = ["'", "‘", '"', "“"]
CLOSE_QUOTES = ["'", "’", '"', "”"]
# A line break inside a multi-word name ("Dumfries and\nGalloway") is a whitespace token of its own.
OPTIONAL_SPACE: Token = {"IS_SPACE": True, "OP": "?"}
QI_NUMBER: Token = {"TEXT": {"REGEX": r"^\d{1,2}\.\d{1,2}$"}}
# A quoted indicator name is short; the bound keeps an unclosed quote from swallowing a paragraph (tokens).
QI_NAME_MAX_TOKENS = 12
GRADE_WORDS = ["excellent", "very good", "good", "adequate", "weak", "unsatisfactory"]
# Words that introduce an evaluation: "graded as good", "an evaluation of good".
GRADE_CONTEXT = ["graded", "rated", "evaluated", "evaluation", "grade", "grading", "judged", "assessed"]
PROGRESS_DEGREES = ["significant", "considerable", "good", "reasonable", "some", "limited", "no", "little"]
PROGRESS_NOUNS = ["progress", "improvement", "improvements"]
PROGRESS_ADVERBS = ["significantly", "considerably"]
PROGRESS_VERBS = ["improved", "strengthened"]


def tokenize(text: str) -> list[str]:
    """The words spaCy's English tokenizer makes of `text` (the same rules the model uses)."""
    return [token.text for token in _blank_english()(text)]


_BLANK: list[Any] = []


def _blank_english() -> Any:
    if not _BLANK:
        import spacy

        _BLANK.append(spacy.blank("en"))
    return _BLANK[0]


def token_spec(word: str, *, case_sensitive: bool) -> Token:
    """One token of a lexicon entry as a Matcher token pattern."""
    if word.lower() in ("'s", "’s"):
        return {"LOWER": {"IN": ["'s", "’s"]}}
    if word in ("'", "’"):
        return {"ORTH": {"IN": ["'", "’"]}}
    if word.lower() in ("and", "&"):
        return {"LOWER": {"IN": ["and", "&"]}}
    if len(word) > 1 and word.isupper():  # acronyms (HMICS, HSCP) only in capitals
        return {"ORTH": word}
    if case_sensitive and word[:1].isupper():
        return {"ORTH": {"IN": sorted({word, word.upper()})}}
    return {"LOWER": word.lower()}


def phrase_pattern(phrase: str, *, case_sensitive: bool) -> Pattern:
    """A phrase as a token pattern that tolerates a line break between its words."""
    pattern: Pattern = []
    for i, word in enumerate(tokenize(phrase)):
        if i:
            pattern.append(OPTIONAL_SPACE)
        pattern.append(token_spec(word, case_sensitive=case_sensitive))
    return pattern


def lexicon_patterns(name: str, label: str, *, case_sensitive: bool) -> list[dict[str, Any]]:
    """Patterns for every variant of a {canonical: [variants]} lexicon, with the canonical name as id."""
    out = []
    for canonical, variants in load_json(name).items():
        for variant in sorted({canonical, *variants}):
            # Single words are ambiguous in lower case ("borders", "highland"): capitals only.
            sensitive = case_sensitive or len(tokenize(variant)) == 1
            out.append(
                {
                    "label": label,
                    "pattern": phrase_pattern(variant, case_sensitive=sensitive),
                    "id": canonical,
                }
            )
    return out


def grade_patterns() -> list[dict[str, Any]]:
    """GRADE: a grade word in quotes ("'very good,'") or after an evaluation word ("graded as good")."""
    out = []
    for grade in GRADE_WORDS:
        words: Pattern = [{"LOWER": w} for w in grade.split()]
        quoted = [
            {"ORTH": {"IN": OPEN_QUOTES}},
            *words,
            {"ORTH": {"IN": [",", "."]}, "OP": "?"},
            {"ORTH": {"IN": CLOSE_QUOTES}},
        ]
        in_context = [{"LOWER": {"IN": GRADE_CONTEXT}}, {"LOWER": {"IN": ["as", "of"]}, "OP": "?"}, *words]
        out.append({"label": "GRADE", "pattern": quoted, "id": grade})
        out.append({"label": "GRADE", "pattern": in_context, "id": grade})
    return out


def qi_patterns() -> list[dict[str, Any]]:
    """QI: "QI 2.1", "quality indicator 2.1", and the same followed by the indicator's name in quotes."""
    name_in_quotes: Pattern = [
        {"ORTH": ",", "OP": "?"},
        {"ORTH": {"IN": OPEN_QUOTES}},
        {"ORTH": {"NOT_IN": [*OPEN_QUOTES, *CLOSE_QUOTES, "\n"]}, "OP": f"{{1,{QI_NAME_MAX_TOKENS}}}"},
        {"ORTH": {"IN": CLOSE_QUOTES}},
    ]
    short: Pattern = [{"ORTH": {"IN": ["QI", "QIs"]}}, QI_NUMBER]
    long: Pattern = [{"LOWER": "quality"}, {"LOWER": {"IN": ["indicator", "indicators"]}}, QI_NUMBER]
    return [
        {"label": "QI", "pattern": short},
        {"label": "QI", "pattern": long},
        {"label": "QI", "pattern": [*short, *name_in_quotes]},
        {"label": "QI", "pattern": [*long, *name_in_quotes]},
    ]


def progress_patterns() -> list[dict[str, Any]]:
    """PROGRESS: "significant progress", "very good progress", "improved considerably"."""
    nouns = [
        {"LOWER": "very", "OP": "?"},
        {"LOWER": {"IN": PROGRESS_DEGREES}},
        {"LOWER": {"IN": ["further", "more", "overall"]}, "OP": "?"},
        {"LOWER": {"IN": PROGRESS_NOUNS}},
    ]
    adverb_first = [{"LOWER": {"IN": PROGRESS_ADVERBS}}, {"LOWER": {"IN": PROGRESS_VERBS}}]
    verb_first = [{"LOWER": {"IN": PROGRESS_VERBS}}, {"LOWER": {"IN": PROGRESS_ADVERBS}}]
    return [{"label": "PROGRESS", "pattern": p} for p in (nouns, adverb_first, verb_first)]


def role_patterns() -> list[dict[str, Any]]:
    """ROLE: job titles ("Interim Chair"), and "Director of"/"Head of" + a function in capitals."""
    roles = load_json("roles")
    modifiers = roles["modifiers"]
    out = []
    for title in sorted(roles["titles"]):
        single = len(tokenize(title)) == 1
        # One-word titles only in capitals: "to chair reviews" is a verb, "Chair" a title.
        modifier: Token = (
            {"ORTH": {"IN": sorted({*modifiers, *(m.upper() for m in modifiers)})}, "OP": "?"}
            if single
            else {"LOWER": {"IN": sorted(m.lower() for m in modifiers)}, "OP": "?"}
        )
        body = phrase_pattern(title, case_sensitive=single)
        out.append({"label": "ROLE", "pattern": [modifier, *body]})
    capitalised = r"^[A-Z][\w’'-]*$"
    joiner = r"^(?:[A-Z][\w’'-]*|and|&|['’]s)$"
    for head in sorted(roles["function_heads"]):
        pattern = [
            {"ORTH": {"IN": sorted({*modifiers})}, "OP": "?"},
            *phrase_pattern(head, case_sensitive=True),
            {"LOWER": {"IN": ["of", "for"]}},
            {"TEXT": {"REGEX": joiner}, "OP": "*"},
            {"TEXT": {"REGEX": capitalised}},
        ]
        out.append({"label": "ROLE", "pattern": pattern})
    return out


def render_all() -> dict[str, str]:
    """{file name: JSONL content} for every pattern file."""
    groups = {
        "inspectorates.jsonl": lexicon_patterns("inspectorates", "INSPECTORATE", case_sensitive=False),
        "areas.jsonl": lexicon_patterns("councils", "AREA", case_sensitive=True),
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
