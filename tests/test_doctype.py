"""Document type, run-on structure, inspection kind, progress reviews and titles on invented texts."""

from __future__ import annotations

import pytest

from inspextract.extract.doctype import classify
from inspextract.extract.inspection import find_bodies, find_lead, is_progress_review
from inspextract.extract.inspection_kind import find_kind
from inspextract.extract.places import find_partnership
from inspextract.extract.runon import RUN_ON_LINE_CHARS, recover_lines
from inspextract.extract.timing import find_published
from inspextract.extract.title import find_title
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
        (
            "Inspectors found that adult protection work in Northshire kept adults at risk of harm safe.",
            InspectionKind.adult_support_and_protection,
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
        # A committee paper headed by its council and labels: the "Heading:" line is its title.
        (
            "Northshire Council\n\nTo: Children's Services Board\n\nOn: 4 May 2031\n\n"
            "Heading: Inspection of fostering services in Northshire\n\n1. Summary",
            "Inspection of fostering services in Northshire",
        ),
        # A page footer printed with the title's fuller copy is not part of it.
        (
            "Services for older people in\n\nMay 2031\n\nContents\n\n"
            "Services for older people in Northshire Page 2 of 30\n\nThe review looked at care.",
            "Services for older people in Northshire",
        ),
        (
            "REPORT TO: Integration Joint Board\nON: 3 May 2031\nREPORT BY: Chief Officer\n"
            "REPORT ON: Inspection of care at home services\n\n1. PURPOSE",
            "Inspection of care at home services",
        ),
        # A footnote's mark on the title's last word.
        (
            "Review of the local safeguarding board1\n\nInspection dates: 3 to 14 March 2031",
            "Review of the local safeguarding board",
        ),
        # A web page's breadcrumb trail and sharing links sit above the headline.
        (
            "Home > News > Latest\n\nShare this page\n\nTwitter\n\nInspectors praise Northshire\n\n"
            "A joint inspection found good services.",
            "Inspectors praise Northshire",
        ),
        # A byline and a web page's date stamp above the headline.
        (
            "By Jo Bell, Health Correspondent\n\nPosted: Tue 3 May 2031 | 10:15\n\n"
            "Inspectors praise Northshire\n\nA joint inspection found good services.",
            "Inspectors praise Northshire",
        ),
        (
            "Staff reporter\n\n3 May 2031 at 10:15\n\nInspectors praise Northshire\n\nThe council agreed.",
            "Inspectors praise Northshire",
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


def test_a_body_that_carried_out_the_inspection_takes_part_and_leads() -> None:
    text = "Ofsted carried out this inspection of Westshire's children's services under its framework."
    assert find_bodies(text)[0] == ["Ofsted"]
    joint = (
        "In May 2031 the Care Inspectorate led a joint inspection of services in Northshire. Inspectors "
        "from Education Scotland were part of the inspection team."
    )
    bodies, _ = find_bodies(joint)
    assert bodies == ["Care Inspectorate", "Education Scotland"]
    assert find_lead(joint, bodies)[0] == "Care Inspectorate"


def test_the_body_a_report_is_by_leads_and_findings_it_drew_on_do_not_take_part() -> None:
    text = (
        "A report released today by Estyn, the inspectorate for schools in Wales, praises Westshire. "
        "Inspectors spent a week in the county and considered recent findings from Care Inspectorate "
        "Wales about its social services."
    )
    bodies, _ = find_bodies(text)
    assert bodies == ["Estyn"]
    assert find_lead(text, bodies)[0] == "Estyn"
    for verb in ("considered", "drew on recent"):
        drew_on = f"The inspection team {verb} findings from Care Inspectorate Wales on adult services."
        assert find_bodies(drew_on)[0] == []


def test_a_prison_inspection_is_of_no_listed_kind() -> None:
    report = (
        "Report on HMP Eastmoor\n\nFull inspection 2-13 June 2031\n\nContents\n\n"
        "Healthcare Improvement Scotland and the Care Inspectorate inspected health care and social work. "
        "Child protection procedures for visiting children were sound. We spoke to 60 prisoners.\n\n"
        "© Crown copyright 2031"
    )
    assert (title := find_title(report)) is not None
    assert find_kind(report, (title.start, title.end))[0] == InspectionKind.other
    assert classify(report, title.text).type == DocumentType.inspection_report
    news = (
        "Overcrowding at HMP Eastmoor\n\nHM Inspectorate of Prisons for Scotland has today published its "
        "report on HMP Eastmoor. Inspectors found good relationships between staff and prisoners."
    )
    assert classify(news).type == DocumentType.press_release
    assert find_kind(news, None)[0] == InspectionKind.other


def test_an_audit_is_of_no_listed_kind() -> None:
    text = "Audit of Child Protection Services in Northshire\n\nThe audit team read child protection files."
    assert (title := find_title(text)) is not None
    assert find_kind(text, (title.start, title.end))[0] == InspectionKind.other


def test_an_inspection_titled_with_an_article_is_a_report() -> None:
    text = (
        "An inspection of youth justice services in Westshire\n\nHM Inspectorate of Probation\n\n"
        "June 2031\n\nContents\n\nWe interviewed 30 case managers and inspected 40 case files. "
        "Overall, we rated the service as Good."
    )
    assert classify(text).type == DocumentType.inspection_report
    assert find_kind(text, None)[0] == InspectionKind.other


def test_a_review_dated_on_its_cover_is_a_report() -> None:
    text = (
        "Review of health services for looked after children in Westshire\n\n"
        "Date of review: 3 to 7 March 2031\n\n" + FILLER
    )
    assert classify(text).type == DocumentType.inspection_report


@pytest.mark.parametrize(
    "sentence",
    [
        "HM Inspectorate of Education (HMIE) led the inspection, working with the Care Commission.",
        "HM Inspectorate of Education, which led the inspection, worked with the Care Commission.",
    ],
)
def test_a_lead_stated_past_an_abbreviation_or_which(sentence: str) -> None:
    bodies, _ = find_bodies(sentence)
    assert bodies == ["HM Inspectorate of Education", "Care Commission"]
    assert find_lead(sentence, bodies)[0] == "HM Inspectorate of Education"


def test_members_of_the_team_take_part() -> None:
    text = "The Care Inspectorate led the inspection. The team also included Education Scotland inspectors."
    assert find_bodies(text)[0] == ["Care Inspectorate", "Education Scotland"]


def test_the_prisons_inspectorate_leads_its_inspections() -> None:
    text = (
        "HM Inspectorate of Prisons for Scotland inspected HMP Eastmoor in May, with inspectors from "
        "the Care Inspectorate and Healthcare Improvement Scotland."
    )
    bodies, _ = find_bodies(text)
    assert find_lead(text, bodies)[0] == "HM Inspectorate of Prisons for Scotland"


def test_a_briefing_to_members_is_a_council_paper() -> None:
    text = (
        "Members' Briefing\n\nInspection of fostering services in Northshire\n\n"
        "This briefing tells elected members about the findings of the inspection."
    )
    assert classify(text).type == DocumentType.committee_report


def test_a_council_name_is_the_title_only_above_a_label_block() -> None:
    labelled = (
        "Moray Council\n\nDate: Monday, 3 March 2031\n\nAgenda: see the papers\n\nMinutes of committees"
    )
    assert (found := find_title(labelled)) is not None
    assert found.text == "Moray Council"
    assert find_title("Moray Council\n\nA joint inspection has found that services are good.") is None
    headed = (
        "Moray Council\n\nTo: Children's Board\n\nOn: 3 March 2031\n\nReport by: Chief Officer\n\n"
        "Inspection of fostering services in Moray\n\n1. Summary"
    )
    assert (found := find_title(headed)) is not None
    assert found.text == "Inspection of fostering services in Moray"


def test_a_long_report_is_known_by_its_opening_and_back_pages() -> None:
    opening = "Services for older people in Northshire\n\nReport of a joint inspection\n\n"
    back_page = "\n\nThis publication is available in other formats on request.\n© Care Inspectorate 2031\n"
    middle = (FILLER + "\n\n") * 400  # far past the opening pages
    assert classify(opening + middle + back_page).type == DocumentType.inspection_report
    assert classify("Background\n\n" + middle + back_page).type == DocumentType.inspection_report


def test_a_run_on_progress_review_keeps_its_title_apart_from_its_subtitle() -> None:
    text = (
        "Services for children and young people in Northshire Progress review following a joint "
        "inspection May 2031 Contents 1. Background 2 2. How we conducted this review 3 " + FILLER
    )
    assert (title := find_title(text)) is not None
    assert title.text == "Services for children and young people in Northshire"
    assert classify(text, title.text).type == DocumentType.progress_review


def test_a_run_on_committee_paper_gets_its_label_lines_back() -> None:
    text = (
        "Report to: Children's Committee Date: 4 May 2031 Report by: Head of Service Subject: Inspection of "
        "fostering services in Northshire 1. Purpose 1.1 This report tells members about the findings. "
        + FILLER
    )
    lines = recover_lines(text).split("\n")
    assert lines[:4] == [
        "Report to: Children's Committee",
        "Date: 4 May 2031",
        "Report by: Head of Service",
        "Subject: Inspection of fostering services in Northshire",
    ]
    assert (title := find_title(text)) is not None
    assert title.text == "Inspection of fostering services in Northshire"
    assert classify(text, title.text).type == DocumentType.committee_report


def test_run_on_lines_are_restored_in_the_opening_only() -> None:
    far = "x" * 70_000 + "\n" + RUN_ON_REPORT
    assert recover_lines(far) == far


def test_a_title_ends_at_its_cover_date() -> None:
    text = "Services for children in Northshire 30 May 2031 Report of a joint inspection\n\nContents"
    assert (title := find_title(text)) is not None
    assert title.text == "Services for children in Northshire"


def test_a_run_on_report_is_dated_by_its_cover() -> None:
    published = find_published(RUN_ON_REPORT, DocumentType.inspection_report, None)
    assert published is not None
    assert published.value == "2031-03"


def test_a_copyright_year_is_not_a_publication_date() -> None:
    text = "Inspection of Westshire children's services\n\nThe services are good.\n\n© Crown copyright 2031\n"
    assert find_published(text, DocumentType.inspection_report, None) is None


@pytest.mark.parametrize(
    ("text", "areas", "partnership"),
    [
        # The fuller, described printing beats the bare "X partnership" of prose.
        (
            "Inspectors looked at adult support and protection in the Falkirk partnership. In 2030 the "
            "Falkirk Adult Support and Protection Partnership set up a new team. The Falkirk partnership "
            "agreed.",
            ["Falkirk"],
            "Falkirk Adult Support and Protection Partnership",
        ),
        (
            "An inspection of services in the Moray community planning partnership praised its staff.",
            ["Moray"],
            "Moray community planning partnership",
        ),
        # A partnership known by its own name; a health and social care partnership in a role is a partner.
        (
            "Ann Reid, Chief Officer, Stirling Health and Social Care Partnership, said she was pleased. "
            "The inspection covered services provided by the Stirling Alliance, the area's community "
            "planning partnership.",
            ["Stirling"],
            "Stirling Alliance",
        ),
        (
            "Children in the city are well served by Community Planning Dundee, inspectors found.",
            ["Dundee City"],
            "Community Planning Dundee",
        ),
        # Only listed among the agencies, or a council working in partnership: no partnership named.
        (
            "Inspectors met staff of the council, police and the Angus Health and Social Care Partnership.",
            ["Angus"],
            None,
        ),
        ("Fife Council and partners welcomed it. Fife Council in partnership with others.", ["Fife"], None),
        ("The Angus Child Protection Committee and partnership staff met inspectors.", ["Angus"], None),
        ("Staff across Angus Social Work and partnership teams met inspectors.", ["Angus"], None),
        # A title broken over lines keeps its words; a new sentence after a blank line is not one.
        (
            "Scottish Borders\nPlanning Partnership",
            ["Scottish Borders"],
            "Scottish Borders Planning Partnership",
        ),
        ("Services in Highland\n\nThe partnership has improved.", ["Highland"], None),
    ],
)
def test_partnership(text: str, areas: list[str], partnership: str | None) -> None:
    found = find_partnership(text, areas)
    assert (found.name if found else None) == partnership
    if found is not None:
        assert " ".join(text[found.start : found.end].split()) == found.name
