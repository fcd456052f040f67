"""Deterministic JSON for records, and atomic writes so no half-written file is ever left."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from pydantic import BaseModel

# Random names tried for a temporary file (32 bits each): a clash even once is already unlikely.
TMP_NAME_ATTEMPTS = 100


def to_json(record: BaseModel, *, pretty: bool = False) -> str:
    """The record as JSON: same input, same bytes (field order fixed by the model, no timestamps)."""
    data = record.model_dump(mode="json")
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_atomic(path: Path, content: str) -> None:
    """Write `content` to `path` through a temporary file beside it, flushed, then renamed over it.

    The file gets the mode any new file of the user's gets (0666 less the umask), as `open` would give it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = create_beside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def create_beside(path: Path) -> tuple[int, Path]:
    """A new, empty temporary file next to `path`, named .NAME.RANDOM.tmp, open for writing."""
    for _ in range(TMP_NAME_ATTEMPTS):  # a name taken is another writer's temporary file: draw again
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
