"""Sentence splitting: exact offsets, abbreviations, initials and quoted speech."""

from __future__ import annotations

import pytest

from inspextract.extract.sentence_spans import block_sentences
from inspextract.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff were skilled. Records were poor.", ["Staff were skilled.", "Records were poor."]),
        (
            "Services e.g. CAMHS were good. Dr. Smith agreed.",
            ["Services e.g. CAMHS were good.", "Dr. Smith agreed."],
        ),
        ("See para. 4.2 of the report. No. 5 was weak.", ["See para. 4.2 of the report.", "No. 5 was weak."]),
        ("There was no. Then we left.", ["There was no.", "Then we left."]),
        ("We met J. Smith and others. Is it? Yes.", ["We met J. Smith and others.", "Is it?", "Yes."]),
        (
            "Quality indicator 2.1 was good. It was clear.",
            ["Quality indicator 2.1 was good.", "It was clear."],
        ),
        (
            "It was very apparent. A\n\nreconfigured team was ready.",
            ["It was very apparent.", "A\n\nreconfigured team was ready."],
        ),
        ("they were 'good'. and lower case follows", ["they were 'good'. and lower case follows"]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_quoted_speech_splits_inside_the_quotation_as_a_careful_reader_does() -> None:
    text = (
        "There had been “a notable change for most children,” inspectors said, adding: “most staff "
        "recognised risk. Where there was a risk, staff acted promptly.”"
    )
    assert sentences(text) == [
        "There had been “a notable change for most children,” inspectors said, adding: “most staff "
        "recognised risk.",
        "Where there was a risk, staff acted promptly.”",
    ]


def test_offsets_are_shifted_and_exact() -> None:
    text = "  Staff were skilled.  Records were poor.  "
    spans = split_sentences(text, offset=100)
    assert [text[s - 100 : e - 100] for s, e in spans] == ["Staff were skilled.", "Records were poor."]


def test_long_text_without_full_stops_is_linear() -> None:
    text = "word " * 200_000 + "e.g. more. Then end."
    assert len(split_sentences(text)) == 2


def test_block_sentences_end_at_blocks_but_not_at_hard_wraps() -> None:
    text = (
        "Inspection dates:\n4 to 8 May 2015\n\nThe partnership had\nimproved. Staff, e.g. nurses, agreed.\n"
        "- a list item\n- another"
    )
    assert [text[s:e] for s, e in block_sentences(text)] == [
        "Inspection dates:",
        "4 to 8 May 2015",
        "The partnership had\nimproved.",
        "Staff, e.g. nurses, agreed.",
        "- a list item",
        "- another",
    ]
