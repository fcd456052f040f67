"""Progress wording maps to the enum word it contains (SCHEMA.md), or None when it states no degree."""

from __future__ import annotations

import pytest

from inspextract.extract.progress import progress_of


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
