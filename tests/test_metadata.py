"""Document-level metadata on short synthetic documents of each kind (other councils, years and wordings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspextract.document import Document
from inspextract.extract.metadata import AREA_NOT_FOUND, find_metadata
from inspextract.extract.places import find_partnership
from inspextract.extract.timing import find_fieldwork, find_published
from inspextract.normalise import normalise_whitespace
from inspextract.pipeline import read_document
from inspextract.records import DocumentType, Report, Source
from inspextract.segment import segment

from .conftest import corpus_documents, gold_for


def metadata(text: str) -> Report:
    doc = Document(normalise_whitespace(text), "text")
    report = Report(
        source=Source(path="-", sha256="0", format="text", chars=len(doc.text), extractor_version="0")
    )
    find_metadata(doc, segment(doc), report)
    for ev in report.metadata_evidence.values():
        assert doc.text[ev.start : ev.end] == ev.quote
    return report


INSPECTION_REPORT = """\
Joint inspection of services for children and young people at risk of harm in Highland

Report published: 14 November 2023

Contents

1. About this inspection 3
2. How we conducted this inspection 4
3. What happens next? 12

1. About this inspection

The Care Inspectorate led the joint inspection of services for children and young people at risk of \
harm in the \
Highland community planning partnership area. In 2018, Scottish Ministers asked the Care \
Inspectorate to lead \
inspections, working with the Mental Welfare Commission for Scotland and Audit Scotland.

2. How we conducted this inspection

A team of inspectors from the Care Inspectorate, Education Scotland, Healthcare Improvement Scotland and His \
Majesty's Inspectorate of Constabulary in Scotland carried out the inspection between 12 June and \
28 August 2023. \
We read records of children in Inverness and spoke to staff in Moray who work across the boundary.

3. What happens next?

The Care Inspectorate will request a joint action plan from the Highland partnership.

© Care Inspectorate 2023
"""


def test_inspection_report() -> None:
    report = metadata(INSPECTION_REPORT)
    assert report.document_type == "inspection_report"
    assert (
        report.title
        == "Joint inspection of services for children and young people at risk of harm in Highland"
    )
    assert report.areas == ["Highland"]
    assert report.partnership == "Highland community planning partnership"
    inspection = report.inspection
    assert inspection.kind == "children_at_risk_of_harm"
    assert not inspection.is_progress_review
    assert inspection.lead_body == "Care Inspectorate"
    assert inspection.bodies == [
        "Care Inspectorate",
        "Education Scotland",
        "Healthcare Improvement Scotland",
        "HM Inspectorate of Constabulary in Scotland",
    ]
    assert (inspection.fieldwork_start, inspection.fieldwork_end) == ("2023-06-12", "2023-08-28")
    assert inspection.published == "2023-11-14"
    assert {"title", "areas", "inspection.bodies", "inspection.published"} <= report.metadata_evidence.keys()


PRESS_RELEASE = """\
Care Inspectorate publishes report on adult support and protection in Fife

Dundee, 12 March 2024

A joint inspection of adult support and protection in Fife has found clear strengths in how the \
Fife Health and \
Social Care Partnership keeps adults at risk of harm safe.

Inspectors from the Care Inspectorate, Healthcare Improvement Scotland and HMICS carried out the inspection \
between September and November 2023. The report is published today.

Jackie Irvine, chief executive of the Care Inspectorate, said: “Staff in Fife know the people they \
support well.”

Notes to editors

The Care Inspectorate is based in Dundee.
"""


def test_press_release_with_dated_dateline() -> None:
    report = metadata(PRESS_RELEASE)
    assert report.document_type == "press_release"
    assert report.title == "Care Inspectorate publishes report on adult support and protection in Fife"
    assert report.areas == ["Fife"]
    assert report.partnership == "Fife Health and Social Care Partnership"
    inspection = report.inspection
    assert inspection.kind == "adult_support_and_protection"
    assert inspection.lead_body == "Care Inspectorate"
    assert set(inspection.bodies) == {
        "Care Inspectorate",
        "Healthcare Improvement Scotland",
        "HM Inspectorate of Constabulary in Scotland",
    }
    assert (inspection.fieldwork_start, inspection.fieldwork_end) == ("2023-09", "2023-11")
    # "published today" is relative and the dateline is the page's own: neither dates the report.
    assert inspection.published is None


def test_press_release_opening_with_a_sentence_has_no_title_nor_yearless_date() -> None:
    report = metadata(
        "Inspectors have praised services for children and young people in Falkirk in a report "
        "published today (Thursday 4 May).\n\nThe inspection was led by the Care Inspectorate. "
        "Inspectors visited services in "
        "the area in February 2017.\n\nA spokesperson said: “We welcome the report.”\n\nNotes to Editors\n"
    )
    assert report.document_type == "press_release"
    assert report.title is None
    assert report.areas == ["Falkirk"]
    assert report.partnership is None
    assert report.inspection.published is None
    assert report.inspection.fieldwork_start == "2017-02"


COMMITTEE_PAPER = """\
AGENDA ITEM NO 7

REPORT NO CHS/45/23

ANGUS COUNCIL

CHILDREN AND LEARNING COMMITTEE – 5 SEPTEMBER 2023

JOINT INSPECTION OF SERVICES FOR CHILDREN AT RISK OF HARM IN ANGUS

REPORT BY DIRECTOR OF EDUCATION AND LIFELONG LEARNING

1. RECOMMENDATIONS

It is recommended that the Committee notes the findings of the inspection.

2. BACKGROUND

2.1 Between 6 February and 19 May 2023 the Care Inspectorate, with Education Scotland, Healthcare \
Improvement \
Scotland and HM Inspectorate of Constabulary in Scotland, undertook a joint inspection of services \
for children \
at risk of harm in Angus. The report was published on 8 August 2023.

3. FINANCIAL IMPLICATIONS

There are no financial implications.
"""


def test_committee_paper_with_banner_lines() -> None:
    report = metadata(COMMITTEE_PAPER)
    assert report.document_type == "committee_report"
    assert report.title == "JOINT INSPECTION OF SERVICES FOR CHILDREN AT RISK OF HARM IN ANGUS"
    assert report.areas == ["Angus"]
    assert report.inspection.kind == "children_at_risk_of_harm"
    assert report.inspection.lead_body == "Care Inspectorate"
    assert len(report.inspection.bodies) == 4
    assert (report.inspection.fieldwork_start, report.inspection.fieldwork_end) == (
        "2023-02-06",
        "2023-05-19",
    )
    assert report.inspection.published == "2023-08-08"


def test_committee_paper_subject_label_is_the_title() -> None:
    report = metadata(
        "Report by Head of Children's Services\n\nEducation Committee: 2 March 2022\n\n"
        "Subject: Progress Review of Services for Children and Young People in Inverclyde\n\n"
        "1. Purpose\n\n1.1 The purpose of this report is to advise members of the progress review.\n\n"
        "2. Recommendations\n\n2.1 The Committee is asked to note the report.\n"
    )
    assert report.document_type == "committee_report"
    assert report.title == "Progress Review of Services for Children and Young People in Inverclyde"
    assert report.areas == ["Inverclyde"]
    assert report.inspection.is_progress_review


PROGRESS_REVIEW = """\
Services for children and young people in Orkney

June 2021

Progress review following a joint inspection

Contents

1. Background to this progress review 2

1. Background to this progress review

We carried out a joint inspection of services for children and young people in Orkney between September and \
October 2019. The report, published in February 2020, found weaknesses.

2. How we conducted this progress review

A team of inspectors from the Care Inspectorate and Healthcare Improvement Scotland undertook the \
review during \
the week beginning 7 December 2020.

3. What happens next?

We will publish a further progress review.
"""


def test_progress_review_uses_its_own_fieldwork_and_cover_date() -> None:
    report = metadata(PROGRESS_REVIEW)
    assert report.document_type == "progress_review"
    assert report.title == "Services for children and young people in Orkney"
    assert report.areas == ["Orkney Islands"]
    assert report.inspection.is_progress_review
    assert report.inspection.bodies == ["Care Inspectorate", "Healthcare Improvement Scotland"]
    assert (report.inspection.fieldwork_start, report.inspection.fieldwork_end) == ("2020-12-07", "2020-12")
    assert report.inspection.published == "2021-06"


def test_document_outside_scotland() -> None:
    report = metadata(
        "Joint targeted area inspection of the multi-agency response to children in Leeds\n\n"
        "Published: 5 July 2023\n\n"
        "Ofsted, the Care Quality Commission, HM Inspectorate of Constabulary and Fire & Rescue Services "
        "and HM "
        "Inspectorate of Probation carried out a joint inspection between 15 and 19 May 2023.\n\n"
        "The borders between agencies were clear.\n"
    )
    assert report.areas == []
    assert AREA_NOT_FOUND in report.warnings
    assert report.inspection.kind == "other"
    assert report.inspection.lead_body is None
    assert "HM Inspectorate of Constabulary in Scotland" not in report.inspection.bodies
    assert len(report.inspection.bodies) == 4
    assert report.inspection.published == "2023-07-05"


@pytest.mark.parametrize("text", ["", "   \n\n", "12\n\n3", "Hello.", "a" * 5000])
def test_odd_text_never_crashes(text: str) -> None:
    report = metadata(text)
    assert report.document_type == "other"


ADULT_SUPPORT_REPORT = """\
OFFICIAL

Joint inspection of adult support and protection in the
Aberdeen City partnership

Report published: 21 March 2023

Contents

1. Introduction 3
2. How we conducted this inspection 4

1. Introduction

The Care Inspectorate led this joint inspection of adult support and protection, working with Healthcare \
Improvement Scotland and His Majesty's Inspectorate of Constabulary in Scotland. The Aberdeen City \
partnership \
and the Aberdeen City Health and Social Care Partnership were told of the inspection in August 2022.

2. How we conducted this inspection

The inspection took place between October 2022 and January 2023. The previous inspection took place in 2017.

Staff from NHS Grampian attended training led by Healthcare Improvement Scotland. Social workers \
spoke highly \
of joint visits with the Mental Welfare Commission for Scotland.

© Care Inspectorate 2023
"""


def test_adult_support_and_protection_report() -> None:
    report = metadata(ADULT_SUPPORT_REPORT)
    assert report.document_type == "inspection_report"
    assert report.title == "Joint inspection of adult support and protection in the Aberdeen City partnership"
    assert report.areas == ["Aberdeen City"]
    assert report.partnership == "Aberdeen City partnership"
    inspection = report.inspection
    assert inspection.kind == "adult_support_and_protection"
    assert inspection.lead_body == "Care Inspectorate"
    # The Commission is named in a finding about joint visits, not as taking part in the inspection.
    assert inspection.bodies == [
        "Care Inspectorate",
        "Healthcare Improvement Scotland",
        "HM Inspectorate of Constabulary in Scotland",
    ]
    assert (inspection.fieldwork_start, inspection.fieldwork_end) == ("2022-10", "2023-01")
    assert inspection.published == "2023-03-21"


def test_health_boards_addresses_and_datelines_are_not_the_inspected_area() -> None:
    report = metadata(
        "Inspection finds strong services for children and young people in West Lothian\n\n"
        "Edinburgh, 3 June 2019\n\n"
        "Services for children and young people in West Lothian are performing well, inspectors said today. "
        "NHS Greater Glasgow and Clyde and NHS Lothian staff were interviewed. The inspection was led by the "
        "Care Inspectorate.\n\nWrite to the Care Inspectorate, Compass House, 11 Riverside Drive, Dundee, "
        "DD1 4NY.\n"
    )
    assert report.areas == ["West Lothian"]


def test_a_future_progress_review_does_not_make_the_document_one() -> None:
    report = metadata(
        "Joint inspection of services for children and young people in Moray\n\n"
        "The Care Inspectorate will carry out a progress review in 2025.\n\n"
        "Inspectors from the Care Inspectorate visited services between 4 and 15 March 2024.\n"
    )
    assert not report.inspection.is_progress_review
    assert (report.inspection.fieldwork_start, report.inspection.fieldwork_end) == (
        "2024-03-04",
        "2024-03-15",
    )
    assert report.inspection.published is None


def test_an_earlier_report_publication_is_not_this_ones() -> None:
    report = metadata(
        "Progress review of services for children in Clackmannanshire\n\n"
        "The original report was published in June 2016. Inspectors carried out the review in May 2017.\n"
    )
    assert report.inspection.is_progress_review
    assert report.inspection.fieldwork_start == "2017-05"
    assert report.inspection.published is None


def test_cut_copies_of_the_opening_sentence_are_not_a_title() -> None:
    report = metadata(
        "An inspection of services for children in Angus has found…\n\n"
        "An inspection of services for children in…\n\n"
        "An inspection of services for children in Angus has found good progress, inspectors said.\n"
    )
    assert report.title is None


def test_typo_on_the_cover_gives_way_to_the_well_formed_printing() -> None:
    report = metadata(
        "Services for children and young people in Fife Community Planning Partnershp area\n\n"
        "June 2016\n\n"
        "Services for children and young people in Fife Community Planning Partnership area\n\n"
        "The Fife Community Planning Partnership asked for the review.\n"
    )
    assert (
        report.title == "Services for children and young people in Fife Community Planning Partnership area"
    )
    assert report.partnership == "Fife Community Planning Partnership"


def test_label_glued_to_the_subject_value_is_dropped() -> None:
    report = metadata(
        "Report by: Chief Social Work Officer\n\n"
        "Subject: Joint Inspection of Services for Children in Stirling Responsible Officer:\n\n"
        "Jane Smith\n\nThe Committee is asked to note the report.\n"
    )
    assert report.title == "Joint Inspection of Services for Children in Stirling"


METADATA_FIELDS = ["document_type", "title", "areas", "partnership"]


@pytest.mark.parametrize("path", corpus_documents("dev"), ids=lambda p: p.name)
def test_dev_fixture_metadata_matches_gold(path: Path) -> None:
    doc = read_document(path)[0]
    report = metadata(doc.text)
    gold = gold_for(path)
    for field in METADATA_FIELDS:
        if field in gold:
            assert getattr(report, field) == gold[field], field
    for field, value in gold.get("inspection", {}).items():
        got = getattr(report.inspection, field)
        assert (sorted(got) if field == "bodies" else got) == (
            sorted(value) if field == "bodies" else value
        ), field


def test_logos_and_dated_labels_are_not_titles() -> None:
    report = metadata(
        "Care Inspectorate and Healthcare Improvement Scotland\n\n"
        "Published: 20 August 2019\n\n"
        "Inspectors praise services for children and young people in Shetland\n\n"
        "The inspection was carried out by the Care Inspectorate, supported by Healthcare Improvement "
        "Scotland, in May 2019. Chief executive Peter Macleod said: “We are pleased.”\n"
    )
    assert report.title == "Inspectors praise services for children and young people in Shetland"
    assert report.areas == ["Shetland Islands"]
    assert report.inspection.bodies == ["Care Inspectorate", "Healthcare Improvement Scotland"]
    assert report.inspection.fieldwork_start == "2019-05"
    assert report.inspection.published is None  # the page's own dateline


def test_kind_named_in_passing_does_not_override_the_inspection_kind() -> None:
    body = "Inspectors looked at services for children and young people in Renfrewshire. " * 4
    report = metadata(
        "Report of a joint inspection\n\n" + "Background text about the area. " * 60 + "\n\n" + body + "\n\n"
        "Links with adult support and protection procedures were good.\n"
    )
    assert report.inspection.kind == "children_and_young_people"


def test_bodies_named_as_the_subject_of_inspected() -> None:
    report = metadata(
        "Joint inspection of adult support and protection in the Falkirk partnership\n\n"
        "Report published: 12 December 2023\n\n"
        "The Care Inspectorate, Healthcare Improvement Scotland and His Majesty's Inspectorate of "
        "Constabulary in Scotland jointly inspected adult support and protection in the Falkirk "
        "partnership area.\n\n"
        "Our inspection activity took place between July and September 2023.\n"
    )
    assert report.inspection.bodies == [
        "Care Inspectorate",
        "Healthcare Improvement Scotland",
        "HM Inspectorate of Constabulary in Scotland",
    ]
    assert report.partnership == "Falkirk partnership"
    assert (report.inspection.fieldwork_start, report.inspection.fieldwork_end) == ("2023-07", "2023-09")


def test_all_capitals_committee_paper() -> None:
    report = metadata(
        "WEST LOTHIAN COUNCIL\n\nEDUCATION (QUALITY ASSURANCE) COMMITTEE\n\n"
        "JOINT INSPECTION OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN WEST LOTHIAN\n\n"
        "REPORT BY HEAD OF SOCIAL POLICY\n\nA. PURPOSE OF REPORT\n\n"
        "To inform the committee of the findings of the joint inspection, published by the Care Inspectorate "
        "on 17 March 2015.\n\nB. RECOMMENDATION\n\nIt is recommended that the committee notes the report.\n\n"
        "Inspectors from the Care Inspectorate and Education Scotland visited West Lothian between "
        "August and October 2014.\n"
    )
    assert report.document_type == "committee_report"
    assert report.title == "JOINT INSPECTION OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN WEST LOTHIAN"
    assert report.areas == ["West Lothian"]
    assert report.inspection.bodies == ["Care Inspectorate", "Education Scotland"]
    assert report.inspection.published == "2015-03-17"
    assert report.inspection.fieldwork_start == "2014-08"


def test_fieldwork_is_inspection_activity_not_other_dated_work() -> None:
    report = metadata(
        "Joint inspection of services for children in East Lothian\n\n"
        "The inspection took place between 9 and 20 January 2023. "
        "Partners said a self-evaluation was carried out in June 2023.\n"
    )
    assert (report.inspection.fieldwork_start, report.inspection.fieldwork_end) == (
        "2023-01-09",
        "2023-01-20",
    )


def test_headline_with_a_colon_is_not_a_label() -> None:
    report = metadata(
        "Fife: inspectors praise leadership of children's services\n\n"
        "Inspectors found strong leadership in services for children and young people in Fife, "
        "they said today.\n"
    )
    assert report.title == "Fife: inspectors praise leadership of children's services"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Services in Fife were inspected. The Fife CPP responded.", "Fife CPP"),
        (
            "The Fife CPP and the Fife Community Planning Partnership board... The Fife Community Planning "
            "Partnership responded. The Fife CPP agreed.",
            "Fife Community Planning Partnership",
        ),
        ("Services in Fife were inspected. The partnership responded.", None),
        # The health and social care partnership is named only when no other partnership is.
        (
            "Services in Fife were inspected by the Fife Health and Social Care Partnership.",
            "Fife Health and Social Care Partnership",
        ),
    ],
)
def test_partnership_forms(text: str, expected: str | None) -> None:
    assert metadata(text).partnership == expected


def test_council_web_statement_is_a_press_release() -> None:
    report = metadata(
        "Positive inspection report for Inverclyde children's services\n\n"
        "Inverclyde's services for children and young people have been rated positively in a joint "
        "inspection report.\n\n"
        "The report by the Care Inspectorate, published on 14 June 2022, found many strengths.\n\n"
        "Councillor Jim Clocherty, convener of the health and social care committee, said: “We welcome "
        "the report.”\n"
    )
    assert report.document_type == "press_release"
    assert report.areas == ["Inverclyde"]
    assert report.inspection.published == "2022-06-14"


def test_cover_title_with_the_place_on_its_own_line() -> None:
    report = metadata(
        "Joint inspection of services for children and young people\n\nDumfries and Galloway\n\n"
        "March 2024\n\nThe inspection took place in November 2023.\n"
    )
    assert report.title == "Joint inspection of services for children and young people Dumfries and Galloway"
    assert report.areas == ["Dumfries and Galloway"]


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("Inspection dates: 3 to 14 May 2021", "2021-05-03", "2021-05-14"),
        ("Dates of inspection: 28 October to 8 November 2019", "2019-10-28", "2019-11-08"),
        ("Inspection date: 9 March 2020 – 13 March 2020", "2020-03-09", "2020-03-13"),
        ("Inspection dates: 6–17 June 2016", "2016-06-06", "2016-06-17"),
    ],
)
def test_a_labelled_inspection_dates_line_is_the_fieldwork(header: str, first: str, last: str) -> None:
    text = (
        "Inspection of children's services in Northbury\n\n"
        f"{header}\n\n"
        "Lead inspector: Ada Quill, Her Majesty's Inspector\n\n"
        "In 2015 the council carried out a review of its own services.\n"
    )
    inspection = metadata(text).inspection
    assert (inspection.fieldwork_start, inspection.fieldwork_end) == (first, last)


def test_a_visit_named_as_a_noun_dates_the_fieldwork() -> None:
    text = (
        "Dear director,\n\nThis letter summarises the findings of a focused visit to Northbury children's "
        "services on 14 and 15 September 2021. Inspectors looked at care leavers.\n"
    )
    inspection = metadata(text).inspection
    assert (inspection.fieldwork_start, inspection.fieldwork_end) == ("2021-09-14", "2021-09-15")


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        ("They looked at services across the town between March and May 2019.", "2019-03", "2019-05"),
        ("The council's children's services were inspected in June and July 2018.", "2018-06", "2018-07"),
        (
            "Between 4 and 8 March 2022, the inspectorate completed a short inspection of Northbury.",
            "2022-03-04",
            "2022-03-08",
        ),
        ("Inspectors revisited the Northbury area in January 2015 to check progress.", "2015-01", "2015-01"),
        ("During our inspection in October 2020 we read the records of 60 children.", "2020-10", "2020-10"),
        (
            "A summary of the re-inspection of services at Northbury Council in March, 2019 was noted.",
            "2019-03",
            "2019-03",
        ),
        (
            "The work was carried out by a team from the Care Inspectorate, together with colleagues from "
            "Education Scotland, Healthcare Improvement Scotland and the Mental Welfare Commission, "
            "between May and July 2019.",
            "2019-05",
            "2019-07",
        ),
    ],
)
def test_fieldwork_wording(sentence: str, first: str, last: str) -> None:
    inspection = metadata(f"Children's services in Northbury\n\n{sentence}\n").inspection
    assert (inspection.fieldwork_start, inspection.fieldwork_end) == (first, last)


def test_a_title_holding_a_range_of_days_dates_the_fieldwork() -> None:
    text = "Report on HMP Northmoor 3–14 May 2021\n\nThe prison held 400 men. Staff were positive.\n"
    inspection = metadata(text).inspection
    assert (inspection.fieldwork_start, inspection.fieldwork_end) == ("2021-05-03", "2021-05-14")


def test_a_title_holding_a_month_is_no_fieldwork() -> None:
    text = "Services to protect children in Northbury\nMay 2011\n\nStaff were positive.\n"
    assert metadata(text).inspection.fieldwork_start is None


def test_a_cover_date_after_the_title_of_run_on_text() -> None:
    text = (
        "Joint inspection of services to protect children in the Northbury Council area March 2010 "
        "Contents Page Introduction 1 1. Background 2 Inspectors visited in November 2009.\n"
    )
    published = find_published(text, DocumentType.inspection_report, "2009-11")
    assert published is not None and published.value == "2010-03"
    assert text[published.start : published.end] == "March 2010"


def test_a_letters_date_is_not_its_publication() -> None:
    text = "Ofsted\n\n12 May 2022\n\nAda Quill\n\nDirector of Children's Services\n\nDear Ada\n\nText.\n"
    assert find_published(text, DocumentType.inspection_report, None) is None


@pytest.mark.parametrize(
    "text",
    [
        "Council praised by inspectors\n\nPublished: 3rd June 2021\n\nThe report was published on 2 June.\n",
        "Ratings are the first since 2010, when the old system was dropped, and were published this week.\n",
        "The plan answers the earlier Audit Scotland report, which was published in May 2017.\n",
    ],
)
def test_datelines_since_and_earlier_reports_give_no_publication(text: str) -> None:
    assert find_published(text, DocumentType.press_release, None) is None


@pytest.mark.parametrize(
    ("text", "areas", "expected"),
    [
        (
            "An inspection of services in the Angus planning partnership found strengths.",
            ["Angus"],
            "Angus planning partnership",
        ),
        (
            "Outcomes are tracked by Community Planning Moray each year.",
            ["Moray"],
            "Community Planning Moray",
        ),
        (
            "The Falkirk Alliance, the community planning partnership, met twice.",
            ["Falkirk"],
            "Falkirk Alliance",
        ),
        (
            "Services, Stirling Partnership\n\nStaff in Stirling Planning Partnership were praised.",
            ["Stirling"],
            "Stirling Planning Partnership",
        ),
        (
            "Protection in Fife health and social care partnership was strong. The Fife partnership agreed.",
            ["Fife"],
            "Fife health and social care partnership",
        ),
    ],
)
def test_partnership_names(text: str, areas: list[str], expected: str) -> None:
    found = find_partnership(text, areas)
    assert found is not None and found.name == expected
    assert " ".join(text[found.start : found.end].split()) == expected


def test_a_labelled_previous_inspection_is_not_the_fieldwork() -> None:
    text = (
        "Inspection of children's services in Northbury\n\n"
        "Previous inspection dates: 2 to 6 March 2015\n\n"
        "Inspection dates: 8 to 19 May 2023\n"
    )
    inspection = metadata(text).inspection
    assert (inspection.fieldwork_start, inspection.fieldwork_end) == ("2023-05-08", "2023-05-19")


def test_a_review_does_not_take_the_date_of_the_report_it_follows_up() -> None:
    text = "Partners made progress on the areas identified in the inspection report published in May 2017.\n"
    assert find_published(text, DocumentType.press_release, None, is_review=True) is None
    found = find_published(text, DocumentType.press_release, None)
    assert found is not None and found.value == "2017-05"


def test_a_review_recounting_the_original_inspection_has_no_fieldwork_from_it() -> None:
    text = (
        "Progress review\n\nThe Care Inspectorate carried out an inspection of services for older people in "
        "Northbury between March and May 2018. This review looked at progress since then.\n"
    )
    assert find_fieldwork(text, is_review=True) is None
    assert find_fieldwork(text) is not None
    followed_up = text + "Inspectors carried out the review in June 2019.\n"
    found = find_fieldwork(followed_up, is_review=True)
    assert found is not None and found.first == "2019-06"
