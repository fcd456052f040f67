"""Findings from bulleted lists the inspectors are said to have found (the areas hook in finding_context.py),
and a bullet split where its parts differ in kind."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.extract.findings import find_findings
from inspextract.segment import segment


def kinds_of(text: str) -> list[tuple[str, str]]:
    doc = Document(text=text, format="text")
    findings = find_findings(doc, segment(doc), [])
    for f in findings:
        assert text[f.evidence.start : f.evidence.end] == f.evidence.quote
    return [(f.kind, f.text) for f in findings]


PAPER = """1. PURPOSE

1.1 To tell the committee about the inspection of services for children in the county.

2. BACKGROUND

2.1 The inspection took place over six weeks in the autumn.

2.2 Inspectors found that:

- most families were well supported by their health visitor;
- foster carers did not receive enough training.

2.3 The committee noted the following dates:

- the plan will go to the board in March;
- a progress report will follow in the summer.
"""


def test_what_inspectors_found_is_reported_even_in_a_background_section() -> None:
    assert kinds_of(PAPER) == [
        ("strength", "most families were well supported by their health visitor"),
        ("improvement", "foster carers did not receive enough training."),
    ]


def test_a_sentence_split_on_however_after_a_semicolon() -> None:
    text = "Inspectors found that:\n\n- staff were well trained; however, supervision was not consistent.\n"
    assert kinds_of(text) == [
        ("strength", "staff were well trained"),
        ("improvement", "however, supervision was not consistent."),
    ]
