"""Reading what to export: batch output folders (their `*.json` records and `errors.jsonl`), record files,
and JSONL streams (a file, or `-` for stdin) of records and `{"error": {...}}` lines, as `batch --jsonl`
writes them."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from inspextract.batch_folder import ERRORS_FILE, record_files
from inspextract.errors import DamagedInput, InputNotFound, UnsupportedFormat
from inspextract.records import SCHEMA_VERSION, Report

STDIN = "-"


class BadRecord(DamagedInput):
    """A line or file that is not a record or an error record (not JSON, or not the record contract)."""


class FutureRecord(UnsupportedFormat):
    """A record of a schema version this inspextract does not know: upgrade to export it."""


@dataclass(frozen=True)
class RecordItem:
    report: Report
    json: str  # the record as read (its documents.record), surrounding white space removed


@dataclass(frozen=True)
class ErrorItem:
    path: str
    sha256: str | None
    kind: str
    message: str


Item = RecordItem | ErrorItem


def read_inputs(inputs: Sequence[str | os.PathLike[str]], stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every record and error in `inputs`, in order: a folder's records sorted by path, then its errors."""
    for given in inputs:
        if str(given) == STDIN:
            yield from read_lines(stdin if stdin is not None else sys.stdin.buffer, "<stdin>")
            continue
        path = Path(given)
        if path.is_dir():
            yield from read_folder(path)
        elif path.is_file():
            yield from read_file(path)
        else:
            raise InputNotFound(f"{path}: no such file or folder")


def read_folder(folder: Path) -> Iterator[Item]:
    """A batch output folder: its records (sub-folders too, hidden ones skipped), then errors.jsonl."""
    for path in record_files(folder):
        yield from read_file(path)
    if (folder / ERRORS_FILE).is_file():
        yield from read_file(folder / ERRORS_FILE)


def read_file(path: Path) -> Iterator[Item]:
    """A `.json` file holds one record (compact or indented); any other file is JSON lines."""
    try:
        if path.suffix.lower() == ".json":
            yield parse_item(decode(path.read_bytes(), str(path)), str(path))
            return
        with path.open("rb") as handle:
            yield from read_lines(handle, str(path))
    except OSError as err:
        raise InputNotFound(f"{path}: cannot be read ({err.strerror or err})") from None


def read_lines(stream: Iterable[bytes], name: str) -> Iterator[Item]:
    for number, raw in enumerate(stream, 1):
        where = f"{name}, line {number}"
        text = decode(raw, where).strip()
        if text:
            yield parse_item(text, where)


def decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadRecord(f"{where}: not UTF-8 text") from None


def parse_item(text: str, where: str) -> Item:
    """A record or an error record from one JSON text; anything else is a clear error."""
    text = text.strip()
    try:  # the common case first: one pass of pydantic's JSON parser
        report = Report.model_validate_json(text)
    except ValidationError:
        return parse_other(text, where)
    check_version(report.schema_version, where)
    return RecordItem(report, text)


def parse_other(text: str, where: str) -> Item:
    """What a text that is not a valid record is: an error record, a record of another schema version, or
    a mistake."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise BadRecord(f"{where}: not JSON ({err.msg}, column {err.colno})") from None
    if not isinstance(data, dict):
        raise BadRecord(f"{where}: not a record (a JSON {type(data).__name__}, not an object)")
    if isinstance(data.get("error"), dict):  # batch --jsonl writes failures as {"error": {...}}
        data = data["error"]
    if "source" not in data and {"path", "kind", "message"} <= data.keys():
        return error_item(data, where)
    check_version(data.get("schema_version", SCHEMA_VERSION), where)
    try:
        return RecordItem(Report.model_validate(data), text)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "record"
        raise BadRecord(f"{where}: not a valid record ({field}: {first['msg']})") from None


def check_version(version: object, where: str) -> None:
    if version != SCHEMA_VERSION:
        raise FutureRecord(
            f"{where}: a record of schema_version {version!r}; this inspextract reads schema_version "
            f"{SCHEMA_VERSION!r} only: export it with the inspextract that wrote it, or upgrade"
        )


def error_item(data: dict[str, object], where: str) -> ErrorItem:
    path, sha256, kind, message = (data.get(key) for key in ("path", "sha256", "kind", "message"))
    if not (isinstance(path, str) and isinstance(kind, str) and isinstance(message, str)):
        raise BadRecord(f"{where}: an error record whose path, kind and message are not all text")
    if sha256 is not None and not isinstance(sha256, str):
        raise BadRecord(f"{where}: an error record whose sha256 is not text")
    return ErrorItem(path, sha256, kind, message)
