"""Progress wording maps to the enum word it contains (SCHEMA.md), or None when it states no degree."""

from __future__ import annotations

import pytest

from inspextract.document import Document
from inspextract.extract.findings import find_findings
from inspextract.extract.improvement_areas import find_improvement_areas
from inspextract.extract.progress import first_stated_progress, progress_kind, progress_of, states_progress
from inspextract.segment import segment


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Has made significant progress in ensuring that children are protected", "significant"),
        ("Has made significant improvement in strengthening our collaborative leadership", "significant"),
        ("Partnership working had been significantly strengthened", "significant"),
        ("Has made considerable progress in ensuring high standards", "considerable"),
        ("They have made very good progress across all areas", "good"),
        ("partners had made reasonable progress to ensure", "reasonable"),
        ("made some progress in developing chronologies", "some"),
        ("had made limited progress", "limited"),
        ("had made little progress", "limited"),
        ("had made no progress", "no"),
        ("progress had improved considerably since the inspection", "considerable"),
        ("progress has been significant", "significant"),
    ],
)
def test_degree(phrase: str, expected: str) -> None:
    assert progress_of(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "inspectors are confident that there is improvement across all areas",
        "encouraging progress had been made",
        "steady progress across the main areas",
        "the progress review was carried out in May 2016",
    ],
)
def test_no_degree(phrase: str) -> None:
    assert progress_of(phrase) is None


@pytest.mark.parametrize(
    "statement",
    [
        "Considerable progress has been made by partners in Carnwick in keeping children safe.",
        "Reasonable progress had also been made to improving joint planning.",
        "The partnership made good progress to reduce waiting lists for assessments.",
        "The council was making good progress in areas the inspectors looked at.",
        "Inspectors were pleased to note the significant progress made since their first visit.",
        "This led to significant progress in managers overseeing casework.",
        "However, minimal progress had been made in involving carers in planning.",
        "Services are able to demonstrate significant improvement in a number of key areas.",
        "The review found evidence of considerable improvement following the earlier inspection.",
    ],
)
def test_states_progress(statement: str) -> None:
    assert states_progress(statement)
    assert progress_kind(statement, None) == "progress"
    assert progress_kind(statement, "strength") == "progress"


@pytest.mark.parametrize(
    "statement",
    [
        "There had been considerable improvement in the recording of chronologies.",
        "Further progress is needed to embed the new procedures.",
        "This review looks at progress made since the inspection in 2019.",
        "Good progress was made in 4 of the cases the team read.",
        "The progress review took place in March.",
        "Good progress has been made in delivering the improvement plan.",
    ],
)
def test_progress_on_parts_and_method_is_not_progress(statement: str) -> None:
    assert not states_progress(statement)
    assert progress_kind(statement, "strength") == "strength"


def test_counted_progress_is_a_strength_not_progress() -> None:
    statement = "There were ten action points, of which 6 had made good progress."
    assert progress_kind(statement, "progress") == "strength"


@pytest.mark.parametrize(
    "statement",
    [
        "There has been good progress in the way partners share information.",
        "The partnership continues to make steady progress with its work on early help.",
        "Inspectors found considerable progress in how risks are assessed.",
        "limited progress in reviewing the plans of children placed at home;",
        "Some progress towards a shared approach to neglect.",
    ],
)
def test_more_ways_of_stating_progress_made(statement: str) -> None:
    assert states_progress(statement)


def test_first_stated_progress() -> None:
    sentences = ["The review took place in May.", "Considerable progress had been made.", "No progress made."]
    assert first_stated_progress(sentences) == "considerable"
    assert first_stated_progress(sentences[:1]) is None


def test_progress_items_of_a_list_led_in_by_made() -> None:
    text = (
        "The review found that partners had made:\n\n"
        "- good progress in reducing waiting times for speech therapy;\n"
        "- limited progress in recording the views of children; and\n"
        "- some progress with the transition of young people to adult services.\n"
    )
    doc = Document(text=text, format="text")
    areas = find_improvement_areas(doc, segment(doc))
    assert [(a.title, a.progress) for a in areas] == [
        ("reducing waiting times for speech therapy", "good"),
        ("recording the views of children", "limited"),
        ("the transition of young people to adult services", "some"),
    ]
    findings = find_findings(doc, segment(doc), areas)
    assert [(f.kind, f.progress) for f in findings] == [
        ("progress", "good"),
        ("progress", "limited"),
        ("progress", "some"),
    ]
