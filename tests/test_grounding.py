"""Every record validates against `inspextract schema`, and every quote holds what its item claims.

`quote == text[start:end]` holds by construction (`evidence.evidence` slices the text), so it is not
tested here; what can go wrong is a quote taken from the wrong place, one that lacks its grade word,
name, finding or area title.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from inspextract.pipeline import parse
from inspextract.records import Report

from .conftest import FIXTURES

FIXTURE_CORPORA = sorted(p.parent.parent for p in FIXTURES.glob("*/gold/*.json"))
DOCUMENTS = sorted({doc for corpus in set(FIXTURE_CORPORA) for doc in (corpus / "docs").iterdir()})
# The word printed for each grade; "satisfactory" was the scale's word for adequate before 2011.
GRADE_WORDS = {"adequate": ("adequate", "satisfactory")}


def folded(text: str) -> str:
    """Case and runs of white space folded: a quote may break a name or a statement across lines."""
    return " ".join(text.split()).casefold()


def unsupported_claims(record: dict[str, Any]) -> list[str]:
    """Items whose evidence quote does not contain what the item says it found."""
    claims = [
        (f"grades[{i}]", item, GRADE_WORDS.get(item["grade"], (item["grade"],)))
        for i, item in enumerate(record["grades"])
    ]
    claims += [(f"people[{i}]", item, (item["name"],)) for i, item in enumerate(record["people"])]
    claims += [(f"findings[{i}]", item, (item["text"],)) for i, item in enumerate(record["findings"])]
    claims += [
        (f"areas_for_improvement[{i}]", item, (item["title"],))
        for i, item in enumerate(record["areas_for_improvement"])
    ]
    return [
        where
        for where, item, wanted in claims
        if not any(folded(word) in folded(item["evidence"]["quote"]) for word in wanted)
    ]


def evidence(quote: str) -> dict[str, Any]:
    return {"quote": quote, "start": 0, "end": len(quote), "page": None}


def test_a_quote_without_its_claim_is_reported() -> None:
    record = {
        "grades": [{"grade": "good", "evidence": evidence("Leadership was evaluated as weak.")}],
        "people": [{"name": "Ann Example", "evidence": evidence("Ann\nExample, chair, said")}],
        "findings": [{"text": "Staff knew families well.", "evidence": evidence("Staff knew")}],
        "areas_for_improvement": [{"title": "Plan early help.", "evidence": evidence("Plan early help.")}],
    }
    assert unsupported_claims(record) == ["grades[0]", "findings[0]"]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(Report.model_json_schema())


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_record_is_valid_and_each_quote_holds_its_claim(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    record = json.loads(parse(path).model_dump_json())
    validator.validate(record)
    assert unsupported_claims(record) == []
