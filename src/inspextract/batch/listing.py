"""Finding a batch's documents, naming their records, and finding the records an earlier run left.

Layout of OUTDIR: each document's record at its path relative to the PATH argument it was found under,
with the suffix replaced by ".json" (docs/sub/a.pdf -> OUTDIR/sub/a.json); when a later input would
take an output name already taken (a.pdf and a.txt side by side), it keeps its full name: a.txt.json
(then a.txt.2.json, ...).

Re-runs skip a document when its record already exists with the same source.sha256, extractor_version
and path: the records themselves are read back (they are small), rather than a manifest that would have
to be rewritten after every document to survive a SIGKILL and could disagree with the records.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from inspextract.errors import InputNotFound
from inspextract.version import __version__

SUPPORTED_SUFFIXES = frozenset({".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx"})


@dataclass(frozen=True)
class Found:
    """A document found on disk: its path as found and its output name relative to OUTDIR."""

    path: Path
    output: Path


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def walk_folder(root: Path) -> list[Path]:
    """Supported, non-hidden files under `root` (hidden folders pruned), as sorted relative paths."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not is_hidden(d)]
        for name in files:
            path = Path(folder, name)
            if not is_hidden(name) and path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
                found.append(path.relative_to(root))
    return sorted(found, key=lambda rel: rel.parts)


def find_documents(inputs: Sequence[str | os.PathLike[str]]) -> list[Found]:
    """Expand PATH arguments in the order given; each folder in a sorted walk; duplicates dropped."""
    seen: set[str] = set()
    taken: set[Path] = set()
    found: list[Found] = []
    for arg in inputs:
        root = Path(arg)
        if root.is_dir():
            pairs = [(root / rel, rel) for rel in walk_folder(root)]
        elif root.exists():  # a file named explicitly is read whatever its suffix: the bytes decide
            pairs = [(root, Path(root.name))]
        else:
            raise InputNotFound(f"no such file or folder: {arg}")
        for path, rel in pairs:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                found.append(Found(path, output_name(rel, taken)))
    return found


def output_name(rel: Path, taken: set[Path]) -> Path:
    """The first free name among a.json, a.txt.json, a.txt.2.json, ... (and mark it taken)."""
    candidates = [rel.with_suffix(".json"), rel.with_name(rel.name + ".json")]
    number = 2
    while candidates[-1] in taken:
        candidates.append(rel.with_name(f"{rel.name}.{number}.json"))
        number += 1
    name = next(c for c in candidates if c not in taken)
    taken.add(name)
    return name


def sha256_of(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def existing_record(doc: Found, outdir: Path) -> str | None:
    """The record already in OUTDIR for this exact input and extractor version, if any."""
    target = outdir / doc.output
    try:
        text = target.read_text(encoding="utf-8")
        source = json.loads(text)["source"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    same = (
        source.get("extractor_version") == __version__
        and source.get("path") == str(doc.path)
        and source.get("sha256") == sha256_of(doc.path)
    )
    return text.strip() if same else None


def pages_of(record_json: str) -> int:
    pages = json.loads(record_json)["source"].get("pages")
    return pages if isinstance(pages, int) else 0
