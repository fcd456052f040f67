"""Normalisers, pyupgrade style: for each rule, inputs that must change and inputs that must not."""

from __future__ import annotations

import pytest

from inspextract.lines import Line
from inspextract.normalise import normalise_text
from inspextract.normalise.furniture import (
    find_furniture,
    find_text_furniture,
    is_page_number,
    strip_text_furniture,
)
from inspextract.normalise.hyphens import Vocabulary, join_broken_line
from inspextract.normalise.pagebreaks import rejoin_broken_paragraphs

# Text in which the compounds and words below occur the way a report would use them.
REPORT_VOCABULARY = Vocabulary.from_lines(
    [
        "Partners agreed a five-year plan and a child-centred approach to healthcare.",
        "The review found improvement in the assessment of risk for families across the year.",
    ]
)


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("improve-", "ment of services", "improvement of services"),
        ("the assess-", "ment of risk", "the assessment of risk"),
        ("famil-", "ies get help", "families get help"),
        ("Health-", "care Improvement", "Healthcare Improvement"),  # "healthcare" is seen unbroken
        ("under-", "standing of", "understanding of"),  # the joined form is an English word
        ("safeguard-", "ing children", "safeguarding children"),  # "ing" is a suffix, not a word
    ],
)
def test_line_end_hyphen_is_removed(left: str, right: str, expected: str) -> None:
    assert join_broken_line(left, right, REPORT_VOCABULARY) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("a five-", "year plan", "a five-year plan"),  # seen hyphenated in the document
        ("a child-", "centred approach", "a child-centred approach"),
        ("a long-", "term plan", "a long-term plan"),  # two words, and "longterm" is not one
        ("multi-", "agency work", "multi-agency work"),
        ("in 2014-", "15 the", "in 2014-15 the"),  # digits: never a typesetter's break
        ("Anglo-", "Scottish", "Anglo-Scottish"),  # a capital after the hyphen
        ("services", "for children", "services for children"),  # no hyphen: a space
    ],
)
def test_real_hyphen_is_kept_noop(left: str, right: str, expected: str) -> None:
    assert join_broken_line(left, right, REPORT_VOCABULARY) == expected


def test_document_evidence_beats_the_word_list() -> None:
    # "decision-making" is hyphenated in this document, so the break keeps its hyphen.
    vocab = Vocabulary.from_lines(["joint decision-making was better"])
    assert join_broken_line("joint decision-", "making", vocab) == "joint decision-making"


TITLE = "Services for children and young people in Dumfries and Galloway Community Planning Partnership area"


@pytest.mark.parametrize("header", [f"14 {TITLE}", f"⁴ {TITLE}"])
def test_running_header_line_is_removed(header: str) -> None:
    text = f"{TITLE}\n\nFirst paragraph.\n\n{header}\n\nSecond paragraph."
    assert header not in strip_text_furniture(text)
    assert strip_text_furniture(text).startswith(TITLE)


@pytest.mark.parametrize(
    "line",
    [
        "Area for improvement 1: Ensure that children are protected. 5",  # a contents entry
        "4 Findings",  # a heading: too short to be a running title
        "2014 was the year the partnership published its first plan.",
    ],
)
def test_numbered_lines_that_are_not_furniture_noop(line: str) -> None:
    text = f"{TITLE}\n\nArea for improvement 1: Ensure that children are protected.\n\n{line}\n\nMore text."
    assert line in strip_text_furniture(text)


def test_text_furniture_marks_page_numbers_and_running_headers_not_contents_entries() -> None:
    lines = [TITLE, "Background to this review 3", "7", f"7 {TITLE}", "Background to this review", "Text."]
    assert find_text_furniture(lines) == {2, 3}


def test_paragraph_broken_by_page_break_is_rejoined() -> None:
    text = "Leadership was beginning to increase staff\n\nconfidence in taking action."
    assert (
        rejoin_broken_paragraphs(text)
        == "Leadership was beginning to increase staff confidence in taking action."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The review ended.\n\nthe next block starts low but the sentence was finished.",
        "Our findings\n\nPartners had improved.",  # a heading then a paragraph
        "Key actions were\n\n- to plan\n- to review",  # a list follows
    ],
)
def test_finished_blocks_are_not_joined_noop(text: str) -> None:
    assert rejoin_broken_paragraphs(text) == text


def test_normalise_text_repairs_converted_pdf_text() -> None:
    text = f"{TITLE}\n\nPartners had begun to\n\n14 {TITLE}\n\nimprove the quality of work."
    assert normalise_text(text) == f"{TITLE}\n\nPartners had begun to improve the quality of work."


def line(text: str, top: float) -> Line:
    return Line(text=text, x0=60, x1=300, top=top, bottom=top + 10, size=10, bold=False)


def test_repeated_band_lines_are_furniture_but_the_title_page_title_is_not() -> None:
    height = 842.0
    title_page = [line("Joint inspection report", 40), line("May 2015", 400)]
    body = [
        [
            line("Joint inspection report", 40),
            line(f"Body text on page {n}.", 400),
            line(f"Page {n} of 4", 810),
        ]
        for n in range(2, 5)
    ]
    furniture = find_furniture([(title_page, height), *[(lines, height) for lines in body]])
    assert furniture[0] == set()
    assert all(found == {0, 2} for found in furniture[1:])


def test_a_labelled_date_line_keeps_its_first_copy() -> None:
    # Two short reports in one PDF, each opening with its dates where running headers sit.
    dates = "Inspection dates: 4 to 8 May 2015"
    cover = [line("Joint inspection reports", 400)]
    report = [line(dates, 40), line("Findings of the inspection.", 400)]
    middle = [line("More findings of the inspection.", 400)]
    furniture = find_furniture([(cover, 842.0), (report, 842.0), (middle, 842.0), (report, 842.0)])
    assert furniture == [set(), set(), set(), {0}]


def test_a_repeated_line_ending_in_a_date_is_no_running_header() -> None:
    text = (
        "Inspection dates: 4 to 8 May 2015\n\nFirst report.\n\nInspection dates: 4 to 8 May 2015\n\nSecond."
    )
    assert strip_text_furniture(text) == text


@pytest.mark.parametrize("text", ["12", "Page 3 of 9", "- 4 -", "iv", "3/12"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["12 May 2015", "Page 3 shows", "Contents"])
def test_page_numbers_noop(text: str) -> None:
    assert not is_page_number(text)


def test_a_page_is_never_all_furniture() -> None:
    pages = [
        ([line(f"Page {n} of 3", 40), line(f"Finding {n}: services were rated good.", 60)], 842.0)
        for n in (1, 2, 3)
    ]
    assert find_furniture(pages) == [{0}, {0}, {0}]
