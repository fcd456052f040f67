"""Document type, run-on structure, inspection kind, progress reviews and titles on invented texts."""

from __future__ import annotations

import pytest

from inspextract.extract.doctype import classify
from inspextract.extract.inspection import find_bodies, find_lead, is_progress_review
from inspextract.extract.inspection_kind import find_kind
from inspextract.extract.runon import RUN_ON_LINE_CHARS, recover_lines
from inspextract.extract.timing import find_published
from inspextract.extract.title import find_title
from inspextract.extract.title_page import find_cover_date
from inspextract.records import DocumentType, InspectionKind

FILLER = "Staff told us they valued the support of their managers and the training on offer. " * 14

RUN_ON_REPORT = (
    "Services for children and young people in Northshire March 2031 Report of a joint inspection "
    "Contents Page Introduction 1 1. Background 2 2. How we conducted the inspection 3 "
    "3. What happens next 9 "
    "Introduction The inspection took place in January 2031 and inspectors read 80 records. " + FILLER
)


def test_run_on_report_gets_its_lines_back_at_the_same_offsets() -> None:
    assert len(RUN_ON_REPORT) >= RUN_ON_LINE_CHARS
    lines = recover_lines(RUN_ON_REPORT)
    assert len(lines) == len(RUN_ON_REPORT)
    assert lines.split("\n")[:4] == [
        "Services for children and young people in Northshire",
        "March 2031",
        "Report of a joint inspection",
        "Contents Page",
    ]
    assert "\n2. How we conducted the inspection 3\n" in lines
    # A date inside a sentence ("took place in January 2031") breaks nothing.
    assert "took place in January 2031 and" in lines


def test_ordinary_paragraphs_are_left_alone() -> None:
    text = "The report was published on 3 May 2031. Contents of the report were welcomed.\n" * 3
    assert recover_lines(text) == text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Inspectors praise Northshire's care for young people\n\n"
            "A joint inspection has found that children in Northshire are well supported. Inspectors said "
            "staff knew children well. The report, published today, also found that waiting times were long.",
            DocumentType.press_release,
        ),
        (
            "Praise for Northshire's family support\n\nThe Care Inspectorate's report recognises the "
            "commitment of staff. The council's chief executive said: \u201cWe are proud of our teams.\u201d",
            DocumentType.press_release,
        ),
        (
            # No headline, no quotes: a short text about an inspection is a statement about it.
            "The partnership welcomes the findings of the recent joint inspection of its services, which "
            "recognised the commitment of staff across health and social work.",
            DocumentType.press_release,
        ),
        (
            "Agenda Item 7\n\nNorthshire Council\n\nEducation Committee – 4 March 2031\n\n"
            "Joint inspection of services for children\n\nReport by the Director of Education\n\n"
            "1. Purpose of report\n\nTo inform members of the findings of the inspection.\n\n"
            "2. Recommendations\n\nIt is recommended that the Committee notes the report.",
            DocumentType.committee_report,
        ),
        (
            "Minutes:\n\nConsideration was given to a report on the inspection of children's services. "
            "The Committee noted the findings and agreed the action plan.",
            DocumentType.committee_report,
        ),
        (
            RUN_ON_REPORT,
            DocumentType.inspection_report,
        ),
        (
            "The weather in the glen was fine all week and the ferry ran to time.",
            DocumentType.other,
        ),
    ],
)
def test_document_type_from_its_family_of_cues(text: str, kind: DocumentType) -> None:
    assert classify(text).type == kind


def test_a_report_titled_as_a_follow_up_is_a_progress_review() -> None:
    text = (
        "Follow-up inspection of services to protect children in Northshire\n\nJune 2031\n\nContents\n\n"
        "1. How we conducted this inspection\n\nWe read the records of 40 children."
    )
    assert classify(text, "Follow-up inspection of services to protect children in Northshire").type == (
        DocumentType.progress_review
    )


@pytest.mark.parametrize(
    ("text", "is_review"),
    [
        ("Inspectors returned to Northshire to see what had changed since their report.", True),
        ("The children returned to their school after the holidays.", False),
        ("A monitoring visit found that the council was making steady progress.", True),
        (
            "The review was carried out by the Care Inspectorate following a previous joint inspection "
            "of adult support and protection in 2029.",
            True,
        ),
        ("The council was pleased that the report requires no follow-up inspection.", False),
        ("A progress review will take place next year.", False),
        ("Services had improved since the last inspection, the report says.", False),
    ],
)
def test_progress_review_wording(text: str, is_review: bool) -> None:
    assert (is_progress_review(text, None) is not None) == is_review


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Inspectors have published their report on the joint inspection of services to protect children "
            "in Northshire. Child protection processes were found to be good.",
            InspectionKind.children_at_risk_of_harm,
        ),
        (
            # The headline speaks of protecting children; the inspection it names is of all services.
            "Council told its work to protect children can improve\n\n"
            "It follows a joint inspection of services for children and young people in Northshire, "
            "which also looked at child protection.",
            InspectionKind.children_and_young_people,
        ),
        (
            "Report on services for children and young people in Northshire\n\n"
            "Inspectors found weaknesses in the support of children and young people "
            "in need of care and protection.",
            InspectionKind.children_in_need_of_care_and_protection,
        ),
        (
            # An earlier inspection named in passing does not decide the kind.
            "The inspection found services for children and young people much improved since the last joint "
            "inspection of services to protect children in 2029.",
            InspectionKind.children_and_young_people,
        ),
        (
            "Ofsted's inspection of Westshire children's services judged them good. Ofsted also noted that "
            "child protection plans were reviewed on time.",
            InspectionKind.other,
        ),
        ("Inspectors visited the prison in May and spoke to staff.", InspectionKind.other),
        ("The ferry timetable changes in May.", None),
    ],
)
def test_inspection_kind(text: str, kind: InspectionKind | None) -> None:
    assert find_kind(text, None)[0] == kind


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A report copied as one paragraph: the title ends where its cover date begins.
        (RUN_ON_REPORT, "Services for children and young people in Northshire"),
        # A letter: the address block is not the title; the heading after "Dear …" is.
        (
            "Inspectorate House\n\n12 High Street\n\nNorthtown NT1 2AB\n\n4 May 2031\n\nJane Smith\n\n"
            "Director of Children's Services\n\nDear Jane\n\n"
            "Focused visit to Westshire children's services\n\n"
            "This letter summarises the findings of a focused visit.",
            "Focused visit to Westshire children's services",
        ),
        # A cover naming the council above the inspection.
        (
            "Westshire County Council\n\nInspection of services for children in care\n\n"
            "Inspection dates: 3 to 14 March 2031",
            "Inspection of services for children in care",
        ),
        # A committee paper's banners and its author line sit above the title.
        (
            "Agenda Item No\n\nNorthshire Council\n\nCabinet Meeting: 21 October 2031\n\n"
            "Report of the Cabinet Member for Children\n\n"
            "Inspectorate report on education services in Northshire\n\nPurpose of the Report",
            "Inspectorate report on education services in Northshire",
        ),
        # A document-sharing copy: the site's snippet and page labels are not the title.
        (
            "joint inspection of services to protect children in ... · staff knew the children...\n\n"
            "Joint inspection of services to protect children in the Northshire area\n\n"
            "Page 1: Joint inspection of services to protect children in ...",
            "Joint inspection of services to protect children in the Northshire area",
        ),
        # A copy of the title's first line ending in a stray word from the page.
        (
            "Joint inspection of services to protect children and young banner\n"
            "Joint inspection of services to protect children and young\npeople in the Northshire area\n\n"
            "3 March 2031",
            "Joint inspection of services to protect children and young people in the Northshire area",
        ),
        # A cover line cut short on "in" is completed from its fuller printing.
        (
            "Services for older people in\n\nMarch 2031\n\nReport of a joint inspection Services for older "
            "people in Northshire March 2031 Report of a joint inspection\n\nThe inspection looked at care.",
            "Services for older people in Northshire",
        ),
        # A title broken over lines continues on a line in lower case.
        (
            "Joint inspection of services to protect children and young\npeople in the Northshire area\n\n"
            "3 March 2031\n\nThe inspection took place in 2030.",
            "Joint inspection of services to protect children and young people in the Northshire area",
        ),
        # A picture's description is not a headline; neither is the picture credit reflowed into one.
        ("Council logo image\n\nThe council welcomed the report on its services.", None),
        (
            "Northshire praised for care services image copyrightPhoto Agency\n\nThe council was praised.",
            "Northshire praised for care services",
        ),
        # Headlines may exclaim.
        (
            "Really good inspection report for Northshire!\n\nThe council was praised.",
            "Really good inspection report for Northshire!",
        ),
    ],
)
def test_title(text: str, title: str | None) -> None:
    found = find_title(text)
    assert (found.text if found else None) == title


def test_a_work_cited_with_its_year_does_not_make_its_publisher_a_body() -> None:
    text = (
        "The inspection of services in Northshire looked at how children were kept safe. "
        "Inspections use the framework set out in Quality in practice, Care Inspectorate 2029."
    )
    assert find_bodies(text)[0] == []


def test_an_earlier_report_by_a_body_is_background() -> None:
    text = "This plan follows the earlier Audit Scotland report on integration, published in 2028."
    assert find_bodies(text)[0] == []


def test_a_lead_inspector_from_a_body_makes_it_the_lead() -> None:
    text = (
        "The inspection was led by one of the Chief Inspector's inspectors from Ofsted, with inspectors "
        "from the Care Quality Commission."
    )
    bodies, _ = find_bodies(text)
    assert bodies == ["Ofsted", "Care Quality Commission"]
    assert find_lead(text, bodies)[0] == "Ofsted"


def test_a_council_name_is_the_title_only_above_a_label_block() -> None:
    labelled = (
        "Moray Council\n\nDate: Monday, 3 March 2031\n\nAgenda: see the papers\n\nMinutes of committees"
    )
    assert (found := find_title(labelled)) is not None
    assert found.text == "Moray Council"
    assert find_title("Moray Council\n\nA joint inspection has found that services are good.") is None


def test_a_long_report_is_known_by_its_opening_and_back_pages() -> None:
    opening = "Services for older people in Northshire\n\nReport of a joint inspection\n\n"
    back_page = "\n\nThis publication is available in other formats on request.\n© Care Inspectorate 2031\n"
    middle = (FILLER + "\n\n") * 400  # far past the opening pages
    assert classify(opening + middle + back_page).type == DocumentType.inspection_report
    assert classify("Background\n\n" + middle + back_page).type == DocumentType.inspection_report


def test_run_on_lines_are_restored_in_the_opening_only() -> None:
    far = "x" * 70_000 + "\n" + RUN_ON_REPORT
    assert recover_lines(far) == far


def test_the_cover_date_after_a_title() -> None:
    text = "Services for children in Northshire 30 May 2031 Report of a joint inspection\n\nContents"
    assert (title := find_title(text)) is not None
    assert title.text == "Services for children in Northshire"
    assert (span := find_cover_date(text, title.end)) is not None
    assert text[span[0] : span[1]] == "30 May 2031"
    assert (
        find_cover_date(
            "Inspectors praise Northshire\n\nThe council said", len("Inspectors praise Northshire")
        )
        is None
    )


def test_a_run_on_report_is_dated_by_its_cover() -> None:
    published = find_published(RUN_ON_REPORT, DocumentType.inspection_report, None)
    assert published is not None
    assert published.value == "2031-03"


def test_a_copyright_year_is_not_a_publication_date() -> None:
    text = "Inspection of Westshire children's services\n\nThe services are good.\n\n© Crown copyright 2031\n"
    assert find_published(text, DocumentType.inspection_report, None) is None
