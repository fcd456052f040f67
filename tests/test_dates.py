"""Partial dates and periods as report sentences print them: only as precise as the text."""

from __future__ import annotations

import pytest

from inspextract.extract.dates import find_dates, find_periods, partial_date


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        (
            "The active phase of the inspection took place between October 2022 and February 2023.",
            "2022-10",
            "2023-02",
        ),
        ("The progress review was carried out in May 2016.", "2016-05", "2016-05"),
        ("Inspectors visited during the week beginning 8 December 2014.", "2014-12-08", "2014-12"),
        ("The active period ran from October 2021 until March 2022.", "2021-10", "2022-03"),
        ("We inspected services between January and February 2014.", "2014-01", "2014-02"),
        ("Fieldwork took place between 8 and 19 May 2023.", "2023-05-08", "2023-05-19"),
        ("Staff were interviewed between 29 August and 9 September 2022.", "2022-08-29", "2022-09-09"),
        ("Records were read between November and January 2017.", "2016-11", "2017-01"),
        ("The review took place from 3–7 October 2022.", "2022-10-03", "2022-10-07"),
        ("The inspection took place in spring 2019.", "2019", "2019"),
        ("The report was published on 18/04/2023.", "2023-04-18", "2023-04-18"),
        ("It was published on December 8, 2014.", "2014-12-08", "2014-12-08"),
        ("Inspectors met staff during the week commencing 5th June 2023.", "2023-06-05", "2023-06"),
    ],
)
def test_periods(sentence: str, first: str, last: str) -> None:
    periods = find_periods(sentence)
    assert [(p.first, p.last) for p in periods] == [(first, last)]
    assert sentence[periods[0].start : periods[0].end].strip()


def test_a_date_without_a_year_has_no_value() -> None:
    periods = find_periods("Today (Tuesday 20 August), the Care Inspectorate published its report.")
    assert [(p.first, p.last) for p in periods] == [(None, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "We may review this later.",  # the verb "may" is not a month
        "Telephone 0345 600 9527 or 01382 207100.",  # digits inside numbers are not years
        "Issue 64 of the notes, paragraph 12.",
    ],
)
def test_no_dates(sentence: str) -> None:
    assert find_dates(sentence) == []


def test_offsets_are_shifted() -> None:
    (mention,) = find_dates("in May 2015", offset=100)
    assert (mention.start, mention.end, mention.value) == (103, 111, "2015-05")


def test_partial_date_precision() -> None:
    assert partial_date(2015) == "2015"
    assert partial_date(2015, 5) == "2015-05"
    assert partial_date(2015, 5, 8) == "2015-05-08"
    assert partial_date(None, 5, 8) is None


@pytest.mark.parametrize(
    "sentence",
    ["The visit ended on 31 February 2023.", "Records dated 30/02/2021 were read.", "On 31 April 2019."],
)
def test_days_that_the_calendar_lacks_are_not_dates(sentence: str) -> None:
    assert [m.day for m in find_dates(sentence) if m.day is not None] == []


def test_leap_days_follow_the_calendar() -> None:
    assert [m.value for m in find_dates("on 29 February 2024")] == ["2024-02-29"]
    assert [m.value for m in find_dates("on 29 February 2023") if m.day] == []
