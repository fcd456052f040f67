"""Every record validates against `inspextract schema` and every evidence quote is a slice of the text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from inspextract.pipeline import parse, read_document
from inspextract.records import Report

from .conftest import FIXTURES

FIXTURE_CORPORA = sorted(p.parent.parent for p in FIXTURES.glob("*/gold/*.json"))
DOCUMENTS = sorted({doc for corpus in set(FIXTURE_CORPORA) for doc in (corpus / "docs").iterdir()})


def iter_evidence(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every Evidence object in a record, with its JSON path."""
    if isinstance(node, dict):
        if {"quote", "start", "end"} <= node.keys():
            yield where, node
        for key, value in node.items():
            yield from iter_evidence(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_evidence(value, f"{where}[{i}]")


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(Report.model_json_schema())


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_record_is_valid_and_grounded(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    record = json.loads(parse(path).model_dump_json())
    validator.validate(record)
    text = read_document(path)[0].text
    assert record["source"]["chars"] == len(text)
    for where, ev in iter_evidence(record):
        assert text[ev["start"] : ev["end"]] == ev["quote"], where
    for entity in record["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
