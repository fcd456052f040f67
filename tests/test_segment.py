"""Segmentation: headings and their levels, contents pages, running headers, areas, lists and page breaks."""

from __future__ import annotations

from inspextract.document import Document
from inspextract.segment import Block, segment

from .conftest import corpus_documents

PROGRESS_REVIEW = """Services for children and young people in Eastshire Community Planning Partnership area

Contents

1. Background to this progress review 3
2. How we conducted this progress review 4
3. Our findings 5
Area for improvement 1: Ensure that children are protected from abuse. 5
Area for improvement 2: Ensure that families get help at an early stage. 6
4. Conclusion 9

1. Background to this progress review

We carried out a joint inspection in 2014.

2. How we conducted this progress review

During the inspection we:

- read records
- met staff

3. Our findings

The partnership's approach to improvement

Partners responded quickly.

Area for improvement 1: Ensure that children are protected from abuse.

Partners had rightly prioritised child protection. Importantly, leadership was beginning to increase staff

confidence in taking action.

7 Services for children and young people in Eastshire Community Planning Partnership area

Area for improvement 2: Ensure that families get help at an early stage.

A protocol had been agreed.

4. Conclusion

They have made good progress across all areas.
"""


def blocks_of(text: str) -> list[Block]:
    return segment(Document(text=text, format="text"))


def find(blocks: list[Block], prefix: str) -> Block:
    """The first block after the contents page that starts with `prefix`."""
    return next(b for b in blocks if b.text.startswith(prefix) and b.kind != "contents")


def test_block_text_is_the_exact_slice_of_the_document() -> None:
    for path in corpus_documents("dev"):
        text = path.read_text(encoding="utf-8")
        doc = Document(text=text, format="text")
        for block in segment(doc):
            assert doc.text[block.start : block.end] == block.text


def test_contents_page_entries_are_not_sections() -> None:
    blocks = blocks_of(PROGRESS_REVIEW)
    contents = [b for b in blocks if b.kind == "contents"]
    assert contents[0].text == "Contents"
    assert len(contents) == 7  # title and six entries, with or without a page number
    first_section = find(blocks, "Background to this progress review")
    assert (first_section.kind, first_section.number, first_section.level) == ("heading", "1", 1)


def test_numbered_and_unnumbered_heading_levels_and_section_path() -> None:
    blocks = blocks_of(PROGRESS_REVIEW)
    sub = find(blocks, "The partnership's approach")
    assert (sub.kind, sub.level) == ("heading", 2)
    assert find(blocks, "Partners responded quickly.").section == (
        "Our findings",
        "The partnership's approach to improvement",
    )


def test_area_number_holds_until_the_next_heading_of_the_same_or_higher_level() -> None:
    blocks = blocks_of(PROGRESS_REVIEW)
    assert find(blocks, "Area for improvement 1:").area_number == 1
    assert find(blocks, "Partners had rightly").area_number == 1
    assert find(blocks, "A protocol had been agreed.").area_number == 2
    assert find(blocks, "They have made good progress").area_number is None
    assert find(blocks, "Partners responded quickly.").area_number is None


def test_running_header_with_page_number_is_furniture_not_section_7() -> None:
    blocks = blocks_of(PROGRESS_REVIEW)
    header = find(blocks, "7 Services for children")
    assert header.kind == "furniture"
    assert find(blocks, "A protocol had been agreed.").section[0] == "Our findings"


def test_paragraph_broken_by_a_page_break_is_one_block() -> None:
    block = find(blocks_of(PROGRESS_REVIEW), "Partners had rightly")
    assert block.text.endswith("increase staff\n\nconfidence in taking action.")


def test_bullets_keep_their_marker_out_of_the_text() -> None:
    bullets = [b for b in blocks_of(PROGRESS_REVIEW) if b.kind == "bullet"]
    assert [(b.marker, b.text) for b in bullets] == [("-", "read records"), ("-", "met staff")]


def test_markdown_list_item_holding_a_paragraph_number_is_numbered() -> None:
    (block,) = blocks_of("- 1.1 The purpose of this report is to provide an update.")
    assert (block.kind, block.number, block.level, block.text[:3]) == ("numbered", "1.1", 2, "The")


def test_numbered_sentence_is_a_paragraph_and_numbered_title_a_heading() -> None:
    heading, para = blocks_of("4. Main Issues\n\n4.1 The partnership continues to work with the team.")
    assert (heading.kind, heading.level, para.kind, para.level, para.section) == (
        "heading",
        1,
        "numbered",
        2,
        ("Main Issues",),
    )


def test_short_lines_with_two_sentences_or_web_addresses_are_not_headings() -> None:
    blocks = blocks_of("Staff worked well. Leaders were visible\n\nTo find out more go to www.example.com")
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]


def test_contents_page_without_a_title_is_recognised_by_its_page_numbers() -> None:
    text = (
        "Report of a joint inspection\n\n1. Introduction 3\n2. Particular strengths 5\n"
        "3. Areas for improvement 9\n\n1. Introduction\n\nThe Care Inspectorate led this inspection.\n"
    )
    blocks = blocks_of(text)
    assert [b.kind for b in blocks] == ["heading", "contents", "contents", "contents", "heading", "paragraph"]


def test_figures_ending_in_numbers_are_not_a_contents_page() -> None:
    text = "Children on the register 45\nChildren looked after 120\nCare leavers 30\n"
    assert "contents" not in {b.kind for b in blocks_of(text)}


def test_hard_wrapped_lines_join_where_the_sentence_was_left_open() -> None:
    text = "Waiting times for mental health services (CAMHS)\nwere long.\nThe review ended.\nthe next line."
    assert [b.text for b in blocks_of(text)] == [
        "Waiting times for mental health services (CAMHS)\nwere long.",
        "The review ended.",
        "the next line.",
    ]
