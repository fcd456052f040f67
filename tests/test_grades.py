"""Grades on the six-point scale, stated grade counts and the number of indicators evaluated."""

from __future__ import annotations

import pytest

from inspextract.document import Document
from inspextract.extract.grades import find_grades
from inspextract.records import Report, Source
from inspextract.segment import segment


def grades_of(text: str) -> tuple[list[tuple[str | None, str | None, str, int]], dict[str, int], int | None]:
    doc = Document(text=text, format="text")
    grades, counts, total = find_grades(doc, segment(doc))
    for grade in grades:  # every grade is grounded
        assert text[grade.evidence.start : grade.evidence.end] == grade.evidence.quote
        assert grade.evidence.quote
    return [(g.indicator, g.indicator_name, g.grade, g.value) for g in grades], counts, total


def test_single_indicator_named_in_the_previous_sentence() -> None:
    text = (
        "5. The inspection report concludes on an assessment grading for a "
        "single quality indicator 2.1, from the "
        "inspection framework, ‘impact on children and young people’. The "
        "inspection report has graded the services "
        "in East Dunbartonshire as ‘Good’. An evaluation of good is applied "
        "where performance shows important "
        "strengths which clearly outweigh any areas for improvement."
    )
    grades, counts, total = grades_of(text)
    assert grades == [("2.1", "impact on children and young people", "good", 4)]
    assert counts == {}
    assert total == 1


def test_counts_with_comma_inside_the_quote() -> None:
    text = (
        "Across nine key indicators of performance, inspectors found one to be "
        "‘very good,’ four to be ‘good’ and "
        "four were graded ‘adequate’."
    )
    grades, counts, total = grades_of(text)
    assert grades == []
    assert counts == {"very good": 1, "good": 4, "adequate": 4}
    assert total == 9


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "QI 2.1 impact on children and young people was evaluated as 'very good'.",
            ("2.1", "impact on children and young people", "very good", 5),
        ),
        ("Quality indicator 9.4 was evaluated as “Adequate”.", ("9.4", None, "adequate", 3)),
        (
            "We evaluated quality indicator 2.2, ‘impact on families’, as weak.",
            ("2.2", "impact on families", "weak", 2),
        ),
        (
            "Leadership of improvement and change was evaluated as good.",
            (None, "leadership of improvement and change", "good", 4),
        ),
        ("The joint inspection rated the partnership as 'very good'.", (None, None, "very good", 5)),
        ("Inspectors graded the services in Angus as Excellent.", (None, None, "excellent", 6)),
        ("Key processes were graded 'unsatisfactory'.", (None, "key processes", "unsatisfactory", 1)),
    ],
)
def test_one_stated_evaluation(sentence: str, expected: tuple[str | None, str | None, str, int]) -> None:
    grades, _, _ = grades_of(sentence)
    assert grades == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The inspection report highlights areas of good practice and areas for further development.",
        "Partners had made good progress across all the main areas for improvement.",
        "Support for children's wellbeing was rated as good or better in regulated care inspections.",
        "An evaluation of good is applied where performance shows important strengths.",
        "Self-evaluation processes were good and improving.",
        "Staff told us that communication between services was good.",
        "Inspectors found that the quality of assessments was very good in most records.",
        "We use a six-point scale: excellent, very good, good, adequate, weak and unsatisfactory.",
        "In our staff survey, 80% of respondents rated their training as 'good'.",
        "Excellent – outstanding or sector leading.",
        "There was a good range of services and weak links with adult services.",
    ],
)
def test_grade_words_that_are_no_evaluation(sentence: str) -> None:
    assert grades_of(sentence) == ([], {}, None)


@pytest.mark.parametrize(
    ("sentence", "total"),
    [
        ("The report concludes on an evaluation of two quality indicators.", 2),
        ("Inspectors evaluated eleven quality indicators.", 11),
        ("We evaluated 12 quality indicators using our six-point scale.", 12),
        ("The grading covered one quality indicator.", 1),
        ("The quality indicator framework has been used for self-evaluation.", None),
        ("Nine key indicators were discussed at the meeting.", None),
        ("The inspection team will carry out its scrutiny using three quality indicators:", 3),
        ("A joint inspection examined seven key indicators of performance in services.", 7),
        ("Contents 4 Evaluations 12 Quality indicator 1 – Key outcomes 15 Quality indicator 2 – Staff", None),
        ("Appendix 1 Quality indicators 21 Appendix 2 Inspection evaluations 23", None),
        ("Inspectors assess outcomes using the eight indicators of wellbeing in the practice model.", None),
    ],
)
def test_indicators_total_only_when_written(sentence: str, total: int | None) -> None:
    assert grades_of(sentence)[2] == total


def test_count_that_names_its_indicators_goes_to_both() -> None:
    text = "Two indicators, ‘impact on families’ and ‘leadership of people’, were evaluated as weak."
    grades, counts, total = grades_of(text)
    assert counts == {"weak": 2}
    assert {g[1] for g in grades} == {"impact on families", "leadership of people"}
    assert all(g[2] == "weak" for g in grades)
    assert total == 2


@pytest.mark.parametrize(
    "text",
    [
        # An aside in brackets between the count and its grade is no list of graded items.
        "Inspectors found that five of the nine quality indicators, including leadership of improvement "
        "and change (a key area), were 'good'.",
        # The bracket holds the indicators' names: they are blanked where they stand, after "five of the".
        "Five of the nine quality indicators (impact on children and young people and leadership of "
        "improvement and change) were evaluated as 'good'.",
    ],
)
def test_count_of_the_total_with_a_bracket_before_its_grade(text: str) -> None:
    _, counts, total = grades_of(text)
    assert counts == {"good": 5}
    assert total == 9


def test_counts_in_digits_and_straight_quotes() -> None:
    text = (
        "Of the 10 quality indicators, 3 were graded 'very good', 5 were "
        "evaluated as 'good' and 2 as 'adequate'."
    )
    _, counts, total = grades_of(text)
    assert counts == {"very good": 3, "good": 5, "adequate": 2}
    assert total == 10


def test_a_repeated_summary_is_counted_once() -> None:
    text = (
        "Inspectors found two to be 'good' and one 'adequate'.\n\n"
        "The chief executive said inspectors found two to be 'good' and one 'adequate'."
    )
    assert grades_of(text)[1] == {"good": 2, "adequate": 1}


def test_table_of_evaluations() -> None:
    text = (
        "Evaluations\n"
        "1.1 Improvements in the wellbeing of children and young people – Good\n"
        "2.1 Impact on children and young people – Very good\n"
        "2.2 Impact on families: Adequate\n"
        "| 9.4 | Leadership of improvement and change | Weak |\n"
        "5.2 Assessing and responding to risks and needs\n"
        "Excellent\n"
    )
    grades, _, _ = grades_of(text)
    assert grades == [
        ("1.1", "improvements in the wellbeing of children and young people", "good", 4),
        ("2.1", "impact on children and young people", "very good", 5),
        ("2.2", "impact on families", "adequate", 3),
        ("9.4", "leadership of improvement and change", "weak", 2),
        ("5.2", "assessing and responding to risks and needs", "excellent", 6),
    ]


def test_known_name_without_number_in_a_table() -> None:
    grades, _, _ = grades_of("Key processes: Good\nLeadership: Very good\nSummary of the report\n")
    assert grades == [(None, "key processes", "good", 4), (None, "leadership", "very good", 5)]


def test_several_indicators_in_one_sentence_pair_by_position() -> None:
    text = "We evaluated QI 2.1 as ‘good’, QI 5.2 as ‘adequate’ and QI 9.4 as ‘very good’."
    grades, _, _ = grades_of(text)
    assert [(g[0], g[2]) for g in grades] == [("2.1", "good"), ("5.2", "adequate"), ("9.4", "very good")]


def test_evaluation_under_an_indicator_heading() -> None:
    text = "Quality indicator 2.1: Impact on children and young people\n\nKey messages\n\nEvaluation: Good\n"
    grades, _, _ = grades_of(text)
    assert grades == [("2.1", "impact on children and young people", "good", 4)]


def test_one_grade_per_indicator() -> None:
    text = (
        "Quality indicator 2.1 was evaluated as ‘good’.\n\n"
        "The Care Inspectorate evaluated quality indicator 2.1 as ‘good’ in its report."
    )
    assert len(grades_of(text)[0]) == 1


def test_contents_entries_give_no_grades() -> None:
    assert (
        grades_of("Contents\nEvaluation of quality indicators 12\nAppendix 1: the six-point scale 14\n")[0]
        == []
    )


@pytest.mark.parametrize(
    ("text", "counts", "total"),
    [
        (
            "Five of the nine quality indicators were evaluated as 'good', three "
            "as 'adequate' and one as 'weak'.",
            {"good": 5, "adequate": 3, "weak": 1},
            9,
        ),
        (
            "In the joint inspection, services were evaluated as good in six of the nine quality indicators.",
            {"good": 6},
            9,
        ),
        ("The inspection found four of the ten quality indicators to be ‘weak’.", {"weak": 4}, 10),
        ("Inspectors found two to be 'good' and one 'adequate'.", {"good": 2, "adequate": 1}, None),
    ],
)
def test_count_forms(text: str, counts: dict[str, int], total: int | None) -> None:
    grades, found_counts, found_total = grades_of(text)
    assert (grades, found_counts, found_total) == ([], counts, total)


@pytest.mark.parametrize(
    "sentence",
    [
        "All nine indicators were graded as ‘good’ or ‘very good’.",
        "Leadership was graded 'adequate to good'.",
        "Inspectors found that 12 children were rated as 'good' by their schools.",
    ],
)
def test_ranges_and_people_are_no_single_evaluation(sentence: str) -> None:
    grades, counts, _ = grades_of(sentence)
    assert (grades, counts) == ([], {})


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The partnership received a grading of 'Good' for Quality Indicator 2.1 – "
            "Impact on children and young people.",
            ("2.1", "impact on children and young people", "good", 4),
        ),
        (
            "The Care Inspectorate has graded the quality indicator 'Impact on "
            "children and young people' as 'Good'.",
            (None, "impact on children and young people", "good", 4),
        ),
        (
            "Our evaluation of the partnership's performance for quality indicator 2.1 was 'adequate'.",
            ("2.1", None, "adequate", 3),
        ),
        (
            "Inspectors evaluated the partnership's capacity for improvement as ‘good’.",
            (None, "capacity for improvement", "good", 4),
        ),
        ("Inspectors found that leadership was graded as 'good'.", (None, "leadership", "good", 4)),
    ],
)
def test_committee_paper_wordings(sentence: str, expected: tuple[str | None, str | None, str, int]) -> None:
    assert grades_of(sentence)[0] == [expected]


def test_bare_qi_number_takes_the_name_printed_elsewhere() -> None:
    text = (
        "QI 5.2 was evaluated as ‘adequate’.\n\n"
        "Appendix 1\n\n"
        "5.2 Assessing and responding to risks and needs\n\n"
        "QI 9.4 was evaluated as ‘good’.\n"
    )
    grades, _, _ = grades_of(text)
    assert [(g[0], g[1]) for g in grades] == [
        ("5.2", "assessing and responding to risks and needs"),
        ("9.4", None),
    ]


def test_table_rows_with_unknown_names_need_a_neighbour() -> None:
    text = (
        "Quality indicator | Evaluation\n"
        "Impact on families | Good\n"
        "Joint self-evaluation arrangements | Adequate\n\n"
        "Some prose here.\n\n"
        "Overall impression – Good\n"
    )
    grades, _, _ = grades_of(text)
    assert [(g[1], g[2]) for g in grades] == [
        ("impact on families", "good"),
        ("joint self-evaluation arrangements", "adequate"),
    ]


def test_evaluation_line_under_a_named_section() -> None:
    text = "Impact on families\n\nParents told us that they felt listened to.\n\nEvaluation: Very good\n"
    assert grades_of(text)[0] == [(None, "impact on families", "very good", 5)]


def test_breakdown_numbers_are_not_the_total() -> None:
    text = (
        "Inspectors found that services were performing well, with two quality indicators evaluated as "
        "'very good' and the remaining seven as 'good'."
    )
    assert grades_of(text) == ([], {"very good": 2, "good": 7}, None)


@pytest.mark.parametrize(
    ("text", "grades", "counts", "total"),
    [
        (
            "Summary of evaluation\nQuality indicator 2.1: Impact on children and young people – Good",
            [("2.1", "impact on children and young people", "good", 4)],
            {},
            None,
        ),
        (
            "Evaluation of quality indicator 2.1\n\nWe evaluated this quality indicator as good. "
            "This means that "
            "performance shows important strengths.",
            [("2.1", None, "good", 4)],
            {},
            None,
        ),
        (
            "The Care Inspectorate graded the partnership's work as 'weak' for impact on children "
            "and young people.",
            [(None, "impact on children and young people", "weak", 2)],
            {},
            None,
        ),
        (
            "Of the nine quality indicators, the partnership received one 'excellent', three "
            "'very good' and five "
            "'good' evaluations.",
            [],
            {"excellent": 1, "very good": 3, "good": 5},
            9,
        ),
        (
            "The report evaluated five quality indicators: one was very good, three were good "
            "and one was adequate.",
            [],
            {"very good": 1, "good": 3, "adequate": 1},
            5,
        ),
        ("Inspectors evaluated 2.1 as good.", [("2.1", None, "good", 4)], {}, None),
        ("In 2.1 of the report, leadership was described as good.", [], {}, None),
        (
            'Chief Executive Jane Smith said: "This is a very good report and staff should be proud."',
            [],
            {},
            None,
        ),
        (
            "We are pleased that the inspection recognised that our services are good, with many "
            "very good features.",
            [],
            {},
            None,
        ),
    ],
)
def test_inspection_report_and_press_wordings(
    text: str,
    grades: list[tuple[str | None, str | None, str, int]],
    counts: dict[str, int],
    total: int | None,
) -> None:
    assert grades_of(text) == (grades, counts, total)


def test_markdown_table_with_values_in_brackets() -> None:
    text = (
        "| Quality indicator | Evaluation |\n|---|---|\n"
        "| 1.1 Improvements in the wellbeing of children and young people | Good (4) |\n"
        "| Joint working arrangements | Weak |\n"
    )
    grades, _, _ = grades_of(text)
    assert [(g[0], g[1], g[2]) for g in grades] == [
        ("1.1", "improvements in the wellbeing of children and young people", "good"),
        (None, "joint working arrangements", "weak"),
    ]


def test_count_after_its_grade_over_areas() -> None:
    text = "The Care Inspectorate rated services as 'good' in 5 out of 9 areas and 'adequate' in four areas."
    assert grades_of(text)[:2] == ([], {"good": 5, "adequate": 4})


def report_with_bodies(bodies: list[str]) -> Report:
    source = Source(path="x.txt", sha256="0" * 64, format="text", chars=0, extractor_version="test")
    report = Report(source=source)
    report.inspection.bodies = bodies
    return report


@pytest.mark.parametrize(
    ("bodies", "warned"),
    [
        (["Ofsted"], "grades on another inspectorate's scale (Ofsted) are not extracted"),
        (["Care Quality Commission", "Ofsted"], "grades on another inspectorate's scale (Care Quality"),
        ([], "grades on another inspectorate's scale are not extracted"),
    ],
)
def test_another_inspectorates_scale_gives_no_grades(bodies: list[str], warned: str) -> None:
    text = (
        "The local authority was judged to be 'inadequate' at its last visit.\n\n"
        "Leadership of services was graded as 'good' and the overall rating was 'good'.\n"
    )
    doc = Document(text=text, format="text")
    report = report_with_bodies(bodies)
    assert find_grades(doc, segment(doc), report) == ([], {}, None)
    assert len(report.warnings) == 1 and report.warnings[0].startswith(warned)


def test_a_judgement_on_another_scale_is_warned_even_with_no_grade_read() -> None:
    text = "Teaching in most schools was judged to be good.\n"
    doc = Document(text=text, format="text")
    report = report_with_bodies(["Estyn"])
    assert find_grades(doc, segment(doc), report) == ([], {}, None)
    assert report.warnings == ["grades on another inspectorate's scale (Estyn) are not extracted"]


def test_scottish_scale_with_the_report_gives_grades_and_no_warning() -> None:
    text = "Leadership of services was graded as 'good'.\n"
    doc = Document(text=text, format="text")
    report = report_with_bodies(["Care Inspectorate", "Ofsted"])
    grades, _, _ = find_grades(doc, segment(doc), report)
    assert [g.grade for g in grades] == ["good"] and report.warnings == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "Services in the area were given 2 evaluations of very good, 3 evaluations of satisfactory and "
            "1 evaluation of weak.",
            {"very good": 2, "adequate": 3, "weak": 1},
        ),
        (
            "The inspectors awarded five very goods, three goods and an adequate across the indicators.",
            {"very good": 5, "good": 3, "adequate": 1},
        ),
        ("The council's services received six 'weak' ratings.", {"weak": 6}),
        (
            "The partnership received an 'adequate' evaluation for three out of eight quality indicators.",
            {"adequate": 3},
        ),
        ("The partnership was given ratings of 'very good' and 'good' after the inspection.", {}),
    ],
)
def test_more_count_wordings(text: str, counts: dict[str, int]) -> None:
    grades, found_counts, _ = grades_of(text)
    assert (grades, found_counts) == ([], counts)


def test_one_named_indicator_and_another_are_counted_and_graded() -> None:
    text = (
        "Inspectors found six to be 'good'. However, one quality indicator, 'impact on families' was found "
        "to be 'adequate' and another, 'leadership of people' was found to be 'weak'."
    )
    grades, counts, _ = grades_of(text)
    assert counts == {"good": 6, "adequate": 1, "weak": 1}
    assert [(g[1], g[2]) for g in grades] == [
        ("impact on families", "adequate"),
        ("leadership of people", "weak"),
    ]


def test_satisfactory_is_recorded_as_adequate() -> None:
    grades, _, _ = grades_of("Leadership of change was evaluated as 'satisfactory'.")
    assert grades == [(None, "leadership of change", "adequate", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a paraphrased name before "was found to be"
            "The way workers planned and reviewed support for carers was found to be 'good', with two "
            "recommendations.",
            [(None, "way workers planned and reviewed support for carers", "good", 4)],
        ),
        (  # "deemed", the owner and the quotes dropped
            "The board's 'quality of joint plans' was deemed 'weak'.",
            [(None, "quality of joint plans", "weak", 2)],
        ),
        (  # an active evaluation whose object ends with the place
            "Inspectors have evaluated the impact of services for older people in Angus as good, meaning "
            "important strengths.",
            [(None, "impact of services for older people", "good", 4)],
        ),
        (  # a quoted grade after a copula, and two subjects that are "both" graded
            "Leadership of adult protection in Moray is ‘good’, while outcomes for adults at risk of harm "
            "and processes for sharing information are both ‘adequate’.",
            [
                (None, "leadership of adult protection", "good", 4),
                (None, "outcomes for adults at risk of harm", "adequate", 3),
                (None, "processes for sharing information", "adequate", 3),
            ],
        ),
        (  # a list of subjects with its commas, graded together
            "Inspectors said the help given early, planning for each child and reviewing plans on time is "
            "good, which means important strengths.",
            [
                (None, "help given early", "good", 4),
                (None, "planning for each child", "good", 4),
                (None, "reviewing plans on time", "good", 4),
            ],
        ),
        (  # "the rating for A and B", two parallel gerund phrases
            "The rating for hearing what children say and helping them feel secure was classified as "
            "very good.",
            [
                (None, "hearing what children say", "very good", 5),
                (None, "helping them feel secure", "very good", 5),
            ],
        ),
    ],
)
def test_paraphrased_names_before_a_grade(
    text: str, expected: list[tuple[str | None, str | None, str, int]]
) -> None:
    assert grades_of(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected", "counts"),
    [
        (  # names after the grade: "ratings were for" a quoted list
            "The two 'weak' ratings were for 'Joint Planning of Services' and 'Managing Change Together'.",
            [
                (None, "joint planning of services", "weak", 2),
                (None, "managing change together", "weak", 2),
            ],
            {"weak": 2},
        ),
        (  # "N 'grade' ratings, including A; B; and C": counts and names alike
            'The service received seven "weak" ratings, including staff supervision; '
            "meeting each carer's needs; and involving young people in plans.",
            [
                (None, "staff supervision", "weak", 2),
                (None, "meeting each carer's needs", "weak", 2),
                (None, "involving young people in plans", "weak", 2),
            ],
            {"weak": 7},
        ),
        (  # "an 'excellent' rating for X"; the headline grade of the services as a whole adds nothing
            'The council became the first to receive an "excellent" rating for its youth services.\n\n'
            'It received an "excellent rating" for the way it involved carers in designing and running '
            "services.",
            [(None, "way it involved carers in designing and running services", "excellent", 6)],
            {},
        ),
        (  # a value in brackets, and the names after a dash
            "The unit was awarded a rating of 5 (very good) for the two themes of the visit – quality of "
            "staffing, and quality of the setting and leadership.",
            [
                (None, "quality of staffing", "very good", 5),
                (None, "quality of the setting and leadership", "very good", 5),
            ],
            {},
        ),
        (  # bracketed grades after list items; the scale's words listed are no evaluation
            "The team's evaluation of services in Angus was: children being kept informed (good); "
            "planning for transitions (very good); and responding to concerns (adequate). The scoring "
            "options run from excellent, very good, good, adequate, weak, through to unsatisfactory.",
            [
                (None, "children being kept informed", "good", 4),
                (None, "planning for transitions", "very good", 5),
                (None, "responding to concerns", "adequate", 3),
            ],
            {},
        ),
        (  # "on the basis that" a reason: the services as a whole
            "Services were awarded a 'good' on the basis that staff knew every child well.",
            [(None, None, "good", 4)],
            {},
        ),
        (  # a count across a colon is no count: each bracketed item has its grade
            "The team evaluated three quality indicators: early help for babies (good), joint planning for "
            "transitions (very good) and leadership of people (adequate).",
            [
                (None, "early help for babies", "good", 4),
                (None, "joint planning for transitions", "very good", 5),
                (None, "leadership of people", "adequate", 3),
            ],
            {},
        ),
        (  # "X, which was graded as good": the whole clause before "which"
            "The visit covered two themes: firstly young people feeling safe and getting on in life, which "
            "was graded as Good.",
            [(None, "young people feeling safe and getting on in life", "good", 4)],
            {},
        ),
        (  # "on the basis that" a known name, and "in relation to" after an older word
            "A classification of 'good' was awarded on the basis that children are listened to, understood "
            "and respected and a satisfactory was granted in relation to care plans being reviewed.",
            [
                (None, "children are listened to, understood and respected", "good", 4),
                (None, "care plans being reviewed", "adequate", 3),
            ],
            {},
        ),
    ],
)
def test_names_after_a_grade(
    text: str, expected: list[tuple[str | None, str | None, str, int]], counts: dict[str, int]
) -> None:
    grades, found_counts, _ = grades_of(text)
    assert (grades, found_counts) == (expected, counts)


@pytest.mark.parametrize(
    "sentence",
    [
        "Staff told us that the new rota was 'good' for families.",
        "The partnership received a 'weak' evaluation for four out of nine quality indicators.",
        "The service was rated 'good' for its services to young people.",
        "Planning and improving services was evaluated as weak.",
    ],
)
def test_lists_and_copulas_that_name_no_indicator_or_one(sentence: str) -> None:
    grades, _, _ = grades_of(sentence)
    assert len(grades) <= 1 and all(
        g[1] is None or " and " not in g[1] or g[1].startswith("planning") for g in grades
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Overall, services in the area are 'good'.",
        "The partnership was rated 'good' for the third year running.",
        "The report, which was graded as good, was published today.",
    ],
)
def test_no_name_and_no_rating_word_gives_no_indicator(sentence: str) -> None:
    grades, _, _ = grades_of(sentence)
    assert all(g[1] is None for g in grades)
    if "rated" not in sentence and "graded" not in sentence:
        assert grades == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The unit was graded 'very good' for care and support and 'good' for its environment.",
            [(None, "care and support", "very good", 5), (None, "environment", "good", 4)],
        ),
        (
            "The regulator rated the quality of staffing as 'good' and the quality of care as 'excellent'.",
            [(None, "quality of staffing", "good", 4), (None, "quality of care", "excellent", 6)],
        ),
        (
            "Inspectors gave an evaluation of 'adequate' for the partnership's leadership of people.",
            [(None, "leadership of people", "adequate", 3)],
        ),
        (
            "Two quality indicators were evaluated as 'weak': impact on families and leadership of people.",
            [(None, "impact on families", "weak", 2), (None, "leadership of people", "weak", 2)],
        ),
        (
            "Leadership was evaluated as 'weak': inspectors found that plans were not in place.",
            [(None, "leadership", "weak", 2)],
        ),
        ("The council's youth services have been rated 'good' by inspectors.", [(None, None, "good", 4)]),
        (
            "Strengths outweighed weaknesses and the overall rating awarded was 'good'.",
            [(None, None, "good", 4)],
        ),
        (
            "The adoption service was graded 5 (very good) for care and support and 4 (good) for staffing.",
            [(None, "care and support", "very good", 5), (None, "staffing", "good", 4)],
        ),
    ],
)
def test_two_grades_in_one_sentence_and_lists_after_a_colon(
    sentence: str, expected: list[tuple[str | None, str | None, str, int]]
) -> None:
    assert grades_of(sentence)[0] == expected


def test_a_count_names_its_indicators_in_the_next_sentence_by_the_grades_meaning() -> None:
    text = (
        "The service received a 'weak' evaluation for three out of eight quality indicators. "
        "Important weaknesses were found in the following areas: sharing information early, "
        "children being kept safe at home and planning for each child."
    )
    grades, counts, total = grades_of(text)
    assert counts == {"weak": 3} and total == 8
    assert [(g[1], g[2]) for g in grades] == [
        ("sharing information early", "weak"),
        ("children being kept safe at home", "weak"),
        ("planning for each child", "weak"),
    ]


def test_a_list_of_another_length_or_meaning_names_nothing() -> None:
    text = (
        "The service received a 'weak' evaluation for three out of eight quality indicators. "
        "Major strengths were found in the following areas: sharing information early, "
        "children being kept safe at home and planning for each child."
    )
    assert grades_of(text)[0] == []


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        (
            "Services were evaluated as 'very good' in two areas, 'good' in five and 'weak' in one.",
            {"very good": 2, "good": 5, "weak": 1},
        ),
        ("No indicators were evaluated as 'weak'.", {}),
    ],
)
def test_counts_after_their_grades_in_a_list_and_a_negated_subject(
    sentence: str, counts: dict[str, int]
) -> None:
    assert grades_of(sentence)[:2] == ([], counts)


def test_fixed_pairs_are_never_split_into_two_names() -> None:
    grades, _, _ = grades_of("The impact of services on children and young people were rated 'good'.")
    assert grades == [(None, "impact of services on children and young people", "good", 4)]


@pytest.mark.parametrize(
    ("text", "expected", "counts"),
    [
        (
            "Of the nine quality indicators, inspectors rated six as 'good' and three as 'weak', including "
            "impact on families and leadership of people.",
            [(None, "impact on families", "weak", 2), (None, "leadership of people", "weak", 2)],
            {"good": 6, "weak": 3},
        ),
        (
            "Inspectors rated seven as 'good' and two as 'weak'. The weak indicators were impact on staff "
            "and leadership of people.",
            [(None, "impact on staff", "weak", 2), (None, "leadership of people", "weak", 2)],
            {"good": 7, "weak": 2},
        ),
        ("The good ratings were welcomed by the council.", [], {}),
        (
            "Services were evaluated as 'satisfactory' for four of the quality indicators and 'weak' "
            "for two.",
            [],
            {"adequate": 4, "weak": 2},
        ),
    ],
)
def test_counted_grades_with_their_names_after(
    text: str, expected: list[tuple[str | None, str | None, str, int]], counts: dict[str, int]
) -> None:
    grades, found_counts, total = grades_of(text)
    assert (grades, found_counts) == (expected, counts)
    assert total in (None, 9)


def test_table_flattened_into_running_text() -> None:
    text = (
        "Evaluations of quality indicators 2.2 Impact on families Very good 6.1 Policies, procedures and "
        "legislation Adequate 9.3 Leadership of people Good Background The partnership covers two towns.\n"
    )
    grades, _, _ = grades_of(text)
    assert [(g[0], g[1], g[2]) for g in grades] == [
        ("2.2", "impact on families", "very good"),
        ("6.1", "policies, procedures and legislation", "adequate"),
        ("9.3", "leadership of people", "good"),  # a known name's row ends at the next capital
    ]


def test_known_names_without_numbers_in_a_flattened_table() -> None:
    text = (
        "Appendix 2 Evaluations How well are children helped? Children's needs are met Very good "
        "Children benefit from strategies to minimise harm Adequate Public awareness of the safety and "
        "protection of children Good\n\nChildren benefit from strategies to minimise harm Good practice "
        "was seen.\n"
    )
    grades, _, _ = grades_of(text)
    assert [(g[1], g[2]) for g in grades] == [
        ("children's needs are met", "very good"),
        ("children benefit from strategies to minimise harm", "adequate"),
        ("public awareness of the safety and protection of children", "good"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "3.2 Examples of Good practice in the area\n",
        "In 2.1 of the report, leadership was described as Good.\n",
        "Contents 2.1 Impact on families 12 2.2 Leadership 14\n",
    ],
)
def test_flattened_rows_need_a_grade_that_ends_the_row(text: str) -> None:
    assert grades_of(text)[0] == []


def test_a_headline_and_the_body_naming_one_indicator_give_one_grade() -> None:
    text = (
        "Fife rated 'weak' for planning services.\n\n"
        "Inspectors evaluated the planning of services for families in Fife as weak, meaning important "
        "weaknesses.\n\n"
        "Impact on families was evaluated as 'weak'.\n"
    )
    grades, _, _ = grades_of(text)
    assert [(g[1], g[2]) for g in grades] == [
        ("planning of services for families", "weak"),
        ("impact on families", "weak"),
    ]


def test_names_sharing_only_common_words_stay_two_indicators() -> None:
    text = "The two 'good' ratings were for 'Impact on Children and Young People' and 'Impact on Families'."
    grades, _, _ = grades_of(text)
    assert [g[1] for g in grades] == ["impact on children and young people", "impact on families"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Summary: Impact on staff – good; Leadership of people – 'very good'.",
            [(None, "impact on staff", "good", 4), (None, "leadership of people", "very good", 5)],
        ),
        ("Staffing – good.", []),
        ("The weather – good; the food – excellent; the company was weak.", []),
    ],
)
def test_inline_list_of_names_and_grades_after_dashes(
    text: str, expected: list[tuple[str | None, str | None, str, int]]
) -> None:
    assert grades_of(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Support for carers was graded 'good', as was the impact of staff on young adults.",
            [(None, "support for carers", "good", 4), (None, "impact of staff on young adults", "good", 4)],
        ),
        (
            "Leadership of people was evaluated as 'weak', as were impact on staff and impact on families.",
            [
                (None, "leadership of people", "weak", 2),
                (None, "impact on staff", "weak", 2),
                (None, "impact on families", "weak", 2),
            ],
        ),
        ("The weather was good, as was the food.", []),  # no evaluation: an adjective shares nothing
    ],
)
def test_a_second_subject_shares_the_grade(
    text: str, expected: list[tuple[str | None, str | None, str, int]]
) -> None:
    assert sorted(grades_of(text)[0], key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The board rated early help for babies, and joint planning of transitions, as 'weak'.",
            [(None, "early help for babies", "weak", 2), (None, "joint planning of transitions", "weak", 2)],
        ),
        (
            "Inspectors judged the way staff record, share and act on concerns as 'good'.",
            [(None, "way staff record, share and act on concerns", "good", 4)],
        ),
        (
            "Inspectors rated impact on staff as 'good', and impact on families as 'adequate'.",
            [(None, "impact on staff", "good", 4), (None, "impact on families", "adequate", 3)],
        ),
    ],
)
def test_an_active_evaluation_of_a_listed_object(
    text: str, expected: list[tuple[str | None, str | None, str, int]]
) -> None:
    assert sorted(grades_of(text)[0], key=str) == sorted(expected, key=str)


def test_indicators_a_grade_describes_are_listed_after_were() -> None:
    text = (
        "Eight quality indicators were evaluated. Five were rated as 'good' and three as 'weak'. "
        "The three indicators graded as weak were early help for babies, care planning for teenagers, "
        "and leadership of people."
    )
    grades, counts, total = grades_of(text)
    assert [g[1] for g in grades] == [
        "early help for babies",
        "care planning for teenagers",
        "leadership of people",
    ]
    assert {g[2] for g in grades} == {"weak"}
    assert (counts, total) == ({"good": 5, "weak": 3}, 8)


def test_counts_listed_without_repeating_the_verb() -> None:
    text = (
        "The council's services were measured against twelve quality indicators. Three were judged "
        "'very good', five 'good', three 'satisfactory' and one 'weak'."
    )
    grades, counts, total = grades_of(text)
    assert grades == []
    assert counts == {"very good": 3, "good": 5, "adequate": 3, "weak": 1}
    assert total == 12


def test_an_adverb_between_copula_and_grade() -> None:
    text = "Joint planning was 'good', but the support given to kinship carers was only 'satisfactory'."
    assert grades_of(text)[0] == [
        (None, "joint planning", "good", 4),
        (None, "support given to kinship carers", "adequate", 3),
    ]


def test_a_number_before_an_unquoted_adjective_counts_nothing() -> None:
    text = "Contents 4 Appendix 2 Good practice from the partnership 9 Appendix 3 Evaluated indicators 11"
    assert grades_of(text)[1] == {}


def test_bulleted_indicators_each_with_a_grade_after_a_dash() -> None:
    text = (
        "The report gave these evaluations:\n\n"
        "- Young people are kept informed – very good\n"
        "- Early help for families – good\n"
        "- Leadership of people – adequate\n\n"
        "Staff were proud of the findings.\n"
    )
    grades, _, _ = grades_of(text)
    assert [(g[1], g[2]) for g in grades] == [
        ("young people are kept informed", "very good"),
        ("early help for families", "good"),
        ("leadership of people", "adequate"),
    ]


def test_a_single_bullet_or_past_tense_bullets_are_not_a_table() -> None:
    text = "Notes:\n\n- Staff had lunch – good\n- The weather was – good\n\n- Early help for babies – good\n"
    grades, _, _ = grades_of(text)
    assert grades == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Inspectors awarded a 'very good' rating for care planning for teenagers, the best in the area.",
            [(None, "care planning for teenagers", "very good", 5)],
        ),
        (  # the name ends at the verb of the sentence it is the subject of
            "To be graded 'very good' for early help for babies is a credit to the nurses.",
            [(None, "early help for babies", "very good", 5)],
        ),
        (  # a known name before an aside keeps only the name
            "The board gave an evaluation of 'excellent' for leadership of people, a first for the city.",
            [(None, "leadership of people", "excellent", 6)],
        ),
        (
            "Inspectors gave a grade of 'good' to the way in which nurses share concerns.",
            [(None, "way in which nurses share concerns", "good", 4)],
        ),
        ("Services were evaluated as 'good' to date.", [(None, None, "good", 4)]),
        (
            "The only indicator graded as weak was early help for babies.",
            [(None, "early help for babies", "weak", 2)],
        ),
        (  # the rating names no indicator: the services as a whole
            "The 'good' rating was a fair reflection of the work of staff.",
            [(None, None, "good", 4)],
        ),
        (
            "The partnership received 'very good' for leadership of people.",
            [(None, "leadership of people", "very good", 5)],
        ),
    ],
)
def test_names_after_a_grade_end_before_an_aside(
    text: str, expected: list[tuple[str | None, str | None, str, int]]
) -> None:
    assert grades_of(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Impact on staff was judged to be very good, while leadership of people was judged to be good.",
            [(None, "impact on staff", "very good", 5), (None, "leadership of people", "good", 4)],
        ),
        ("Communication between nurses was judged to be good by most staff we met.", []),
        ("Most parents said their support was judged to be good.", []),
    ],
)
def test_an_unquoted_judgement_needs_a_named_indicator(
    text: str, expected: list[tuple[str | None, str | None, str, int]]
) -> None:
    assert grades_of(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eight out of ten pupils rated their school meals as 'excellent'.",
        "Before the inspection the partnership had evaluated its own early help as 'good'.",
        "Most carers rated the respite service as 'very good'.",
    ],
)
def test_ratings_by_people_or_by_the_partners_themselves_are_not_grades(text: str) -> None:
    assert grades_of(text)[0] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Early help for babies was rated 'good', and care planning for teenagers 'very good'.",
            [
                (None, "early help for babies", "good", 4),
                (None, "care planning for teenagers", "very good", 5),
            ],
        ),
        (
            "We evaluated how well nurses plan visits as 'weak', and how well they record them as 'good'.",
            [
                (None, "how well nurses plan visits", "weak", 2),
                (None, "how well they record them", "good", 4),
            ],
        ),
        ("The food was good, and the weather excellent.", []),  # no evaluation to share a verb with
    ],
)
def test_a_clause_that_leaves_out_its_verb(
    text: str, expected: list[tuple[str | None, str | None, str, int]]
) -> None:
    assert grades_of(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "counts", "total"),
    [
        (
            "The board was awarded three very good grades and six good grades.",
            {"very good": 3, "good": 6},
            None,
        ),
        (
            "The council's evaluations were: two excellent, five very good and one adequate.",
            {"excellent": 2, "very good": 5, "adequate": 1},
            None,
        ),
        ("Inspectors found three good examples of practice in the evaluations they read.", {}, None),
        ("Staff shared two good ideas, and one excellent one.", {}, None),
        (
            "Ratings of 'very good' were given for six indicators and 'weak' for two.",
            {"very good": 6, "weak": 2},
            None,
        ),
    ],
)
def test_bare_counts_in_a_sentence_about_evaluations(
    text: str, counts: dict[str, int], total: int | None
) -> None:
    grades, found_counts, found_total = grades_of(text)
    assert (grades, found_counts, found_total) == ([], counts, total)


@pytest.mark.parametrize(
    "text",
    [
        "The council's self-evaluation rated most services as 'good'.",
        "Most areas of practice were rated as 'very good'.",
        "Of the 40 records we read, 11 were evaluated as weak and the rest as good.",
        "Inspectors found that the assessments were of a good standard, and a number were very good.",
    ],
)
def test_shares_self_evaluation_and_case_records_are_no_grades_or_counts(text: str) -> None:
    assert grades_of(text)[:2] == ([], {})


def test_a_count_with_its_names_after_a_dash_and_a_threshold_that_counts_nothing() -> None:
    grades, counts, _ = grades_of(
        "Two indicators were evaluated as weak – early help for babies and care planning for teenagers."
    )
    assert [(g[1], g[2]) for g in grades] == [
        ("early help for babies", "weak"),
        ("care planning for teenagers", "weak"),
    ]
    assert counts == {"weak": 2}
    assert grades_of("Six of the eight indicators were evaluated as good or better.")[1] == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Early help for babies was awarded 'excellent'.", [(None, "early help for babies", "excellent", 6)]),
        (
            "Joint planning for transitions was given a rating of 'weak'.",
            [(None, "joint planning for transitions", "weak", 2)],
        ),
        ("Care planning for teenagers scored 'good'.", [(None, "care planning for teenagers", "good", 4)]),
        (
            "The board identified early help for babies as 'weak'.",
            [(None, "early help for babies", "weak", 2)],
        ),
        (
            "Joint planning was graded very good, and that of early help good.",
            [(None, "joint planning", "very good", 5), (None, "early help", "good", 4)],
        ),
        ("Nurses received 'good' feedback from families.", []),
        ("The council received 'good' news about its budget.", []),
    ],
)
def test_subjects_given_or_scoring_a_grade(
    text: str, expected: list[tuple[str | None, str | None, str, int]]
) -> None:
    assert grades_of(text)[0] == expected


def test_numbered_list_items_each_with_a_grade() -> None:
    text = (
        "The evaluations:\n\n1. Early help for babies – very good\n2. Leadership of people – weak\n\n"
        "4. Contents 12\n2.1 Impact on staff – Good\n"
    )
    grades, _, _ = grades_of(text)
    assert [(g[0], g[1], g[2]) for g in grades] == [
        (None, "early help for babies", "very good"),
        (None, "leadership of people", "weak"),
        ("2.1", "impact on staff", "good"),
    ]
