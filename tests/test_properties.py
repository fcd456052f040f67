"""Property-based tests of the text pipeline: any text gives a valid, grounded record or a clean error."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspextract.errors import InspextractError
from inspextract.pipeline import parse
from inspextract.records import Report

from .test_grounding import unsupported_claims

VALIDATOR = jsonschema.Draft202012Validator(Report.model_json_schema())

# Pieces of the document genre, so generated text reaches the extractors and not only the readers.
GENRE = st.sampled_from(
    [
        "Area for improvement 2: Ensure that children are safe.",
        "• Has made significant progress in improving outcomes:",
        "4.5 The partnership should ensure that plans are reviewed.",
        "- **1.1** The inspection report has graded the services as ‘Good’.",
        "Across nine key indicators, inspectors found one to be ‘very good’ and four ‘good’.",
        "Karen Reid, chief executive of the Care Inspectorate, said: “Outcomes are improving.”",
        "Report by:\u00a0\nGerry Cornes, Chief Executive",
        "Contents\n1.\tIntroduction\t3",
        "The Care Inspectorate published its report on 18 April 2023 in East Dunbartonshire.",
        "However, there was still a tendency to over-complicate processes.",
        "12 Services for children and young people in Fife",
    ]
)
NOISE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=80,
)
LAYOUT = st.sampled_from(["\n", "\n\n", "\n\n\n", " ", "\t", "\r\n", "  ", "•", "- ", "1. ", "**", "\u00a0"])
DOCUMENTS = st.lists(st.one_of(GENRE, NOISE, LAYOUT), max_size=25).map("".join)


def check(data: bytes) -> None:
    try:
        report = parse(data)
    except InspextractError as err:
        assert str(err), "an error without a message"
        return
    record = json.loads(report.model_dump_json())
    VALIDATOR.validate(record)
    assert unsupported_claims(record) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_any_text_gives_a_grounded_record_or_a_clean_error(document: str) -> None:
    check(document.encode("utf-8"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_grounded_record_or_a_clean_error(data: bytes) -> None:
    check(data)
