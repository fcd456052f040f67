"""Areas for improvement: report headings, press-release progress bullets, listed areas."""

from __future__ import annotations

import pytest

from inspextract.document import Document
from inspextract.extract.findings import find_findings
from inspextract.extract.improvement_areas import find_improvement_areas
from inspextract.extract.item_wording import item_kind
from inspextract.records import Area
from inspextract.segment import segment


def areas_of(text: str) -> list[Area]:
    doc = Document(text=text, format="text")
    areas = find_improvement_areas(doc, segment(doc))
    for area in areas:
        assert text[area.evidence.start : area.evidence.end] == area.evidence.quote
    return areas


REVIEW = """Contents

1. Background 3
2. Our findings 4
Area for improvement 1: Ensure that children are protected from abuse and neglect. 4
Area for improvement 2: Ensure that families get the help they need at an early stage. 6
3. Conclusion 9

1. Background

We carried out a joint inspection of services for children and young people in 2014.

2. Our findings

Area for improvement 1: Ensure that children are protected from abuse and neglect.

Partners had reviewed case records and taken action to reduce risks.

Child protection training had been targeted more effectively.

12 Services for children and young people in Moray

Area for improvement 2: Ensure that families get the help they need at an early stage

Information sharing had improved.

3. Conclusion

The inspection team was confident that partners had made good progress.
"""


def test_review_headings_not_contents_entries() -> None:
    areas = areas_of(REVIEW)
    assert [(a.number, a.title, a.progress) for a in areas] == [
        (1, "Ensure that children are protected from abuse and neglect.", None),
        (2, "Ensure that families get the help they need at an early stage", None),
    ]
    assert areas[0].text.startswith("Partners had reviewed case records")
    assert "targeted more effectively" in areas[0].text
    assert areas[1].text == "Information sharing had improved."
    assert (
        REVIEW.index("Area for improvement 1", REVIEW.index("2. Our findings\n\nArea"))
        == areas[0].evidence.start
    )


def test_contents_only_document_keeps_the_entries_without_page_numbers() -> None:
    text = (
        "Contents\nArea for improvement 1: Improve the quality of chronologies 5\nArea for "
        "improvement 2: Reduce waiting times for CAMHS 7\n"
    )
    assert [(a.number, a.title) for a in areas_of(text)] == [
        (1, "Improve the quality of chronologies"),
        (2, "Reduce waiting times for CAMHS"),
    ]


def test_statement_on_the_line_after_the_label_and_progress_label() -> None:
    text = (
        "Area for improvement 3\n"
        "Ensure that consistently high standards of work are achieved.\n"
        "Progress: Significant\n"
        "Quality assurance activity had informed changes to practice.\n"
    )
    [area] = areas_of(text)
    assert (area.number, area.title, area.progress) == (
        3,
        "Ensure that consistently high standards of work are achieved.",
        "significant",
    )
    assert "Ensure that" in area.evidence.quote


def test_press_release_progress_bullets() -> None:
    text = (
        "The inspectors found that the partnership:\n\n"
        "• Has made significant progress in ensuring that children are protected from abuse and risk:\n\n"
        "Inspectors found that staff were responding appropriately to concerns.\n\n"
        "• Has made significant improvement in strengthening collaborative "
        "leadership of children’s services:\n\n"
        "Partnership working had improved considerably.\n\n"
        "• Has made considerable progress in ensuring consistently high standards of work are achieved:\n\n"
        "• Has made reasonable progress to ensure that vulnerable families get the help they need:\n\n"
        "Information sharing had improved.\n\n"
        "• Has made progress in improving the life chances of care leavers in Fife:\n\n"
        "A Champions Board had raised the profile of looked after children.\n\n"
        "The partnership still has some further work to do:\n\n"
        "They will continue to offer support.\n"
    )
    areas = areas_of(text)
    assert [(a.number, a.title, a.progress) for a in areas] == [
        (None, "ensuring that children are protected from abuse and risk", "significant"),
        (None, "strengthening collaborative leadership of children’s services", "significant"),
        (None, "ensuring consistently high standards of work are achieved", "considerable"),
        (None, "ensure that vulnerable families get the help they need", "reasonable"),
        (None, "improving the life chances of care leavers in Fife", None),
    ]
    assert areas[0].text == "Inspectors found that staff were responding appropriately to concerns."
    assert areas[2].text == ""
    assert "further work" not in areas[4].text
    assert areas[0].evidence.quote.startswith("Has made significant progress")


def test_numbered_progress_items_keep_their_numbers() -> None:
    text = (
        "1. Good progress in ensuring that children are safe from harm.\n"
        "2. Limited progress in improving outcomes for care leavers.\n"
    )
    assert [(a.number, a.progress) for a in areas_of(text)] == [(1, "good"), (2, "limited")]


def test_a_single_progress_bullet_is_no_organisation() -> None:
    assert areas_of("• Has made good progress in developing chronologies for children.\n") == []


def test_priority_variants_need_a_series() -> None:
    text = (
        "The inspection identified two priorities for improvement.\n\n"
        "Priority 1 – Improve the assessment of risk for children.\n\nSome text.\n\n"
        "Priority 2 – Strengthen joint self-evaluation across services.\n\nMore text.\n"
    )
    assert [(a.number, a.title) for a in areas_of(text)] == [
        (1, "Improve the assessment of risk for children."),
        (2, "Strengthen joint self-evaluation across services."),
    ]
    assert areas_of("Priority 1 – Improve the assessment of risk for children.\n") == []
    plan = (
        "Priority 1: Children are safe and well cared for.\n\nPriority 2: Children achieve their potential.\n"
    )
    assert areas_of(plan) == []


def test_recommendations_and_running_text_are_not_areas() -> None:
    text = (
        "Recommendation 1: Partners should improve the quality of chronologies.\n\n"
        "Recommendation 2: Partners should reduce waiting times.\n\n"
        "The partnership had identified areas for improvement for themselves.\n\n"
        "Area for improvement in chronologies was noted by inspectors in 2014.\n"
    )
    assert areas_of(text) == []


def test_areas_listed_under_a_heading() -> None:
    text = (
        "Areas for improvement\n\n"
        "The partnership should:\n"
        "1. Ensure that decisions about children’s safety are informed by all partners.\n"
        "2. Embed a clearer focus on outcomes in quality assurance.\n\n"
        "What happens next?\n"
    )
    assert [(a.number, a.title) for a in areas_of(text)] == [
        (1, "Ensure that decisions about children’s safety are informed by all partners."),
        (2, "Embed a clearer focus on outcomes in quality assurance."),
    ]


def test_listed_findings_are_areas_too() -> None:
    # SCHEMA: every item of a list presented as the areas for improvement is an area, whatever its wording.
    text = (
        "Areas for improvement\n"
        "• Advocacy services were not consistently available.\n"
        "• Waiting times for specialist CAMHS were too long.\n"
    )
    assert [a.title for a in areas_of(text)] == [
        "Advocacy services were not consistently available.",
        "Waiting times for specialist CAMHS were too long.",
    ]


def test_press_release_lead_in_lines_open_area_lists() -> None:
    text = (
        "Inspectors praised the way staff listened to families in Carnwick.\n"
        "Inspectors and partners agreed the following points for improvement.\n"
        "- Improve the recording of decisions taken at child protection meetings.\n"
        "- Continue to build self-evaluation, making sure it is grounded in evidence.\n"
        "The council welcomed the report.\n"
    )
    assert [(a.number, a.title, a.progress) for a in areas_of(text)] == [
        (None, "Improve the recording of decisions taken at child protection meetings.", None),
        (None, "Continue to build self-evaluation, making sure it is grounded in evidence.", None),
    ]


def test_colon_lead_in_takes_short_paragraphs_and_lettered_items() -> None:
    paragraphs = (
        "The review also named key areas for improvement. These were:\n\n"
        "Partners needed to speed up the allocation of social workers.\n\n"
        "Case records were of uneven quality across the teams.\n\n"
        "The chair thanked staff for their hard work and said: “We will act on this.”\n"
    )
    assert [a.title for a in areas_of(paragraphs)] == [
        "Partners needed to speed up the allocation of social workers.",
        "Case records were of uneven quality across the teams.",
    ]
    lettered = (
        "The priority areas identified by inspectors were around:\n\n"
        "a. The timeliness of health assessments for children in care.\n\n"
        "b. Stability of placements for older children.\n"
    )
    assert [(a.number, a.title) for a in areas_of(lettered)] == [
        (None, "The timeliness of health assessments for children in care."),
        (None, "Stability of placements for older children."),
    ]
    roman = lettered.replace("a. ", "i. ").replace("b. ", "ii. ")
    assert len(areas_of(roman)) == 2


def test_lists_of_strengths_and_announcements_are_not_area_lists() -> None:
    text = (
        "Inspectors found strengths in the following areas:\n"
        "• Staff knew the young people they worked with very well.\n"
        "• Health visitors shared information promptly.\n"
        "However, inspectors also noted some areas which could improve.\n"
        "Case file audits were not carried out often enough.\n"
    )
    assert areas_of(text) == []


def test_an_item_cut_off_by_the_end_of_the_text_is_left_out() -> None:
    text = (
        "Inspectors also identified key areas for improvement, including:\n"
        "- The partnership should review how it plans transitions to adult services.\n"
        "- The partnership should make sure that the views of carers are heard in"
    )
    assert [a.title for a in areas_of(text)] == [
        "The partnership should review how it plans transitions to adult services."
    ]


def test_progress_stated_for_the_area_as_a_whole() -> None:
    text = (
        "Area for improvement 1: Ensure that risks to children are assessed well.\n\n"
        "There had been considerable improvement in the inclusion of chronologies.\n\n"
        "Overall, partners had made good progress in this area.\n\n"
        "Area for improvement 2: Ensure that families get help early.\n\n"
        "Partners had made good progress across all the main areas for improvement.\n"
    )
    assert [a.progress for a in areas_of(text)] == ["good", None]


def test_should_statements_under_an_areas_heading() -> None:
    text = (
        "Areas for improvement\n"
        "• Partners should ensure that chronologies are used in all records.\n"
        "• The partnership should strengthen joint self-evaluation.\n"
    )
    assert [(a.number, a.title) for a in areas_of(text)] == [
        (None, "Partners should ensure that chronologies are used in all records."),
        (None, "The partnership should strengthen joint self-evaluation."),
    ]


def test_progress_bullet_wordings() -> None:
    text = (
        "The review found:\n"
        "• Significant progress had been made in ensuring that children are protected from harm.\n"
        "• The partnership has made good progress in improving outcomes for looked after children.\n"
        "• limited progress in reducing waiting times for specialist services\n"
        "• Made some progress towards embedding a quality assurance framework.\n"
    )
    assert [(a.title, a.progress) for a in areas_of(text)] == [
        ("ensuring that children are protected from harm", "significant"),
        ("improving outcomes for looked after children", "good"),
        ("reducing waiting times for specialist services", "limited"),
        ("embedding a quality assurance framework", "some"),
    ]


def test_statement_wrapped_onto_the_next_line() -> None:
    text = (
        "Contents\n"
        "Area for improvement 5: Ensure that stronger collaborative leadership to plan and direct the\n"
        "delivery of integrated children's services results in measurable improvements. 10\n\n"
        "Area for improvement 5: Ensure that stronger collaborative leadership to plan and direct the\n"
        "delivery of integrated children's services results in measurable improvements\n\n"
        "Partners had tested out and agreed a shared vision.\n"
    )
    [area] = areas_of(text)
    assert area.title == (
        "Ensure that stronger collaborative leadership to plan and direct the delivery of integrated "
        "children's services results in measurable improvements"
    )
    assert area.text == "Partners had tested out and agreed a shared vision."
    assert area.evidence.start > text.index("10")


@pytest.mark.parametrize(
    ("statement", "kind"),
    [
        ("Improve the timeliness of initial assessments.", "recommendation"),
        ("Continue to develop audit work, ensuring it is led by frontline managers.", "recommendation"),
        ("Identify clear priorities and ensure that staff have the support they need.", "recommendation"),
        ("Strengthening the oversight of the child protection committee.", "recommendation"),
        ("Bringing about faster decisions for children who cannot return home.", "recommendation"),
        ("The partnership should publish updated procedures.", "recommendation"),
        ("Partners needed to agree a shared approach to risk.", "recommendation"),
        ("Expand the range of short breaks for disabled children.", "recommendation"),
        ("Recruit and retain enough foster carers for teenagers.", "recommendation"),
        ("Speed up decisions about permanence for younger children.", "recommendation"),
        ("Protection of children missing from education.", "improvement"),
        ("The availability of respite care for families.", "improvement"),
        ("Support for young carers was patchy across the area.", "improvement"),
        ("Safeguarding arrangements in residential units were inconsistent.", "improvement"),
        ("Ongoing support for care leavers after the age of 21.", "improvement"),
        ("Housing options for young people leaving care.", "improvement"),
        ("Recording of chronologies required improvement.", "improvement"),
        ("Planning – managers had not set out the resources needed to open the new hub.", "improvement"),
        ("Transport – the council had not shown the leadership needed to secure a contract.", "improvement"),
        ("Partners had agreed that they needed to publish a shared plan.", "recommendation"),
    ],
)
def test_item_kind_by_wording(statement: str, kind: str) -> None:
    assert item_kind(statement) == kind


def test_list_items_become_findings_once_with_their_own_kind() -> None:
    text = (
        "Inspectors also identified key areas for improvement, including:\n"
        "- Improve the quality of plans for care leavers.\n"
        "- Oversight of risk needed improvement. Every child at risk should have a current plan.\n"
    )
    doc = Document(text=text, format="text")
    findings = find_findings(doc, segment(doc), [])
    assert [(f.kind, f.text) for f in findings] == [
        ("recommendation", "Improve the quality of plans for care leavers."),
        ("improvement", "Oversight of risk needed improvement."),
        ("recommendation", "Every child at risk should have a current plan."),
    ]
    for f in findings:
        assert text[f.evidence.start : f.evidence.end] == f.evidence.quote


def test_inline_lists_split_on_semicolons_or_a_stated_number_of_commas() -> None:
    counted = (
        "The review named four areas for improvement: staffing, chronologies, health assessments for "
        "children in care, and planning and review.\n"
    )
    assert [(a.title, a.number) for a in areas_of(counted)] == [
        ("staffing", None),
        ("chronologies", None),
        ("health assessments for children in care", None),
        ("planning and review", None),
    ]
    semicolons = (
        "Inspectors set out these priority areas for improvement: speeding up core groups; "
        "seeing children on their own; and strengthening audit.\n"
    )
    assert [a.title for a in areas_of(semicolons)] == [
        "speeding up core groups",
        "seeing children on their own",
        "strengthening audit",
    ]


def test_uncertain_inline_lists_are_left_alone() -> None:
    uncounted = "The areas for improvement were: recording, planning and review.\n"
    wrong_count = "The review named three areas for improvement: recording, planning, review and audit.\n"
    strengths = "Inspectors found strengths in two areas for improvement work: leadership; and audit.\n"
    assert areas_of(uncounted) == areas_of(wrong_count) == areas_of(strengths) == []


def test_an_inline_list_stays_one_finding() -> None:
    text = "Inspectors identified three areas for improvement: audit, chronologies and core groups.\n"
    doc = Document(text=text, format="text")
    assert len(areas_of(text)) == 3
    # The items are areas, but the findings keep the sentence whole (no finding per item).
    assert all(f.text == text.strip() for f in find_findings(doc, segment(doc), []))


def test_lead_ins_and_cut_off_items_are_not_findings() -> None:
    text = (
        "Staff were committed to the families they supported. The inspection also named areas for "
        "improvement. These were:\n\n"
        "a. The partnership should speed up the allocation of social workers.\n\n"
        "b. The partnership should make sure that every child in need of protection has a"
    )
    doc = Document(text=text, format="text")
    texts = [f.text for f in find_findings(doc, segment(doc), [])]
    assert "The partnership should speed up the allocation of social workers." in texts
    assert not any("areas for improvement" in t or "These were" in t or "has a" in t for t in texts)


def test_area_dash_finding_items_give_the_label_as_title_and_the_stated_progress() -> None:
    text = (
        "The review looked again at the three areas for improvement:\n"
        "• Early help – good progress had been made in offering support to families sooner.\n"
        "• Joint self-evaluation – some progress, though audits were not yet routine.\n"
        "• Leadership – partners needed to agree a clearer joint vision.\n"
    )
    areas = areas_of(text)
    assert [(a.title, a.progress) for a in areas] == [
        ("Early help", "good"),
        ("Joint self-evaluation", "some"),
        ("Leadership", None),
    ]
    assert areas[2].text == "partners needed to agree a clearer joint vision."
    doc = Document(text=text, format="text")
    findings = find_findings(doc, segment(doc), [])
    assert [(f.kind, f.progress) for f in findings] == [
        ("progress", "good"),
        ("progress", "some"),
        ("recommendation", None),
    ]


def test_area_dash_finding_items_without_progress_are_whole_statements() -> None:
    text = (
        "The inspectors named three areas for improvement:\n"
        "- Transitions – young people moving to adult services were often given little notice.\n"
        "- Respite – families of disabled children waited months for short breaks.\n"
        "- Governance – the board had not yet provided the scrutiny needed to hold services to account.\n"
    )
    assert [(a.title, a.text) for a in areas_of(text)] == [
        ("Transitions – young people moving to adult services were often given little notice.", ""),
        ("Respite – families of disabled children waited months for short breaks.", ""),
        ("Governance – the board had not yet provided the scrutiny needed to hold services to account.", ""),
    ]
    doc = Document(text=text, format="text")
    assert {f.kind for f in find_findings(doc, segment(doc), [])} == {"improvement"}


def test_what_needs_to_improve_heading_lists_noun_phrase_areas() -> None:
    text = (
        "What needs to improve\n\n"
        "- The speed with which foster carers are approved.\n"
        "- Supervision of staff working with disabled children.\n\n"
        "Help and protection: good\n\n"
        "Most families are seen quickly after a referral.\n"
    )
    assert [a.title for a in areas_of(text)] == [
        "The speed with which foster carers are approved.",
        "Supervision of staff working with disabled children.",
    ]
    glyphs = text.replace("What needs to improve", "What needs to improve?").replace("- ", "◼ ")
    assert len(areas_of(glyphs)) == 2
    doc = Document(text=text, format="text")
    kinds = {f.text: f.kind for f in find_findings(doc, segment(doc), [])}
    assert kinds["Supervision of staff working with disabled children."] == "improvement"
    assert kinds["The speed with which foster carers are approved."] == "improvement"


def test_who_should_act_after_a_sentence_naming_the_areas() -> None:
    text = (
        "The inspection found several areas for improvement. The council and its partners should:\n\n"
        "- Review how quickly child protection plans are put in place.\n"
        "- Make sure every care leaver has a named worker.\n"
    )
    assert [a.title for a in areas_of(text)] == [
        "Review how quickly child protection plans are put in place.",
        "Make sure every care leaver has a named worker.",
    ]
    doc = Document(text=text, format="text")
    findings = find_findings(doc, segment(doc), [])
    assert [f.kind for f in findings] == ["recommendation", "recommendation"]


def test_a_dash_inside_an_action_is_not_a_label() -> None:
    text = (
        "Areas for improvement\n"
        "• Improve planning – including plans for care leavers.\n"
        "• Strengthen audit – in particular of case records.\n"
    )
    assert [a.title for a in areas_of(text)] == [
        "Improve planning – including plans for care leavers.",
        "Strengthen audit – in particular of case records.",
    ]


@pytest.mark.parametrize(
    "lead_in",
    [
        "Inspectors highlighted areas that required improvement:",
        "The team noted some areas which could be improved:",
        "Inspectors agreed the following areas for development",
        "Main points for action:",
    ],
)
def test_lead_in_wordings(lead_in: str) -> None:
    text = f"{lead_in}\n• Review the use of chronologies in health records.\n• Agree a joint audit plan.\n"
    assert len(areas_of(text)) == 2


def test_reasons_after_a_sentence_mentioning_areas_are_not_an_area_list() -> None:
    text = (
        "Inspectors were confident that partners could make the changes needed in the areas that require "
        "improvement. This confidence rested on:\n"
        "• Strong leadership from the chief officers.\n"
        "• A well-established culture of joint audit.\n"
    )
    assert areas_of(text) == []


def test_main_points_for_action_and_a_section_verdict() -> None:
    text = (
        "3. Progress towards the main points for action\n\n"
        "Main point for action 1: Improve the way staff share concerns about children.\n\n"
        "Services had made good progress in this area. Staff now shared concerns promptly.\n\n"
        "Main point for action 2: Strengthen the role of the child protection committee.\n\n"
        "Minutes were now kept of every meeting. Some progress had been made.\n"
    )
    assert [(a.number, a.progress) for a in areas_of(text)] == [(1, "good"), (2, "some")]


def test_paragraph_items_stop_at_the_inspectorates_own_voice() -> None:
    text = (
        "The review also named key areas for improvement. These were:\n\n"
        "Partners needed to speed up the allocation of social workers.\n\n"
        "Case records were of uneven quality across the teams.\n\n"
        "The Care Inspectorate will return to the area next year.\n\n"
        "The full report is available online.\n"
    )
    assert len(areas_of(text)) == 2


def test_a_single_area_named_in_a_review_takes_the_reviews_progress() -> None:
    text = (
        "A return visit to Carnwick has found good progress since the inspection.\n\n"
        "Inspectors looked again at one area earlier identified as needing improvement, specifically "
        "the way staff plan for children who cannot live at home.\n\n"
        "Good progress had been made in planning for these children.\n"
    )
    assert [(a.title, a.progress) for a in areas_of(text)] == [
        ("the way staff plan for children who cannot live at home", "good")
    ]


def test_specifically_without_a_stated_single_area_names_none() -> None:
    text = "Inspectors looked at areas for improvement, specifically recording and planning.\n"
    assert areas_of(text) == []


def test_recommendation_headings_only_where_progress_on_them_is_reported() -> None:
    body = (
        "Recommendation 3 – Improve the quality of school self-evaluation reports\n\n"
        "The authority was making good progress in addressing this recommendation. Officers now visited "
        "every school each term.\n"
    )
    monitoring = "The visit looked at progress made against two of the recommendations.\n\n" + body
    assert [(a.number, a.progress) for a in areas_of(monitoring)] == [(3, "good")]
    assert areas_of("The committee noted the report.\n\n" + body.replace("this recommendation", "it")) == []


def test_progress_made_with_this_area() -> None:
    text = (
        "Area for improvement 1: Ensure that young carers are identified early.\n\n"
        "The partnership had made reasonable progress with this area for improvement.\n"
    )
    assert [a.progress for a in areas_of(text)] == ["reasonable"]


def test_a_heading_and_a_lead_in_over_one_list_give_each_item_once() -> None:
    text = (
        "Areas for improvement\n\n"
        "Inspectors and partners agreed these areas for improvement:\n"
        "• Improve the timeliness of case conferences.\n"
        "• Strengthen the oversight of chronologies.\n"
    )
    doc = Document(text=text, format="text")
    findings = find_findings(doc, segment(doc), [])
    assert [f.text for f in findings] == [
        "Improve the timeliness of case conferences.",
        "Strengthen the oversight of chronologies.",
    ]
    assert len(areas_of(text)) == 2


def test_numbered_recommendations_after_who_should_act_are_findings_not_areas() -> None:
    text = (
        "The inspectorate made two recommendations. The council should:\n\n"
        "R1 Raise standards of reading in primary schools\n"
        "R2 Improve the quality of support for pupils learning English\n\n"
        "The council will publish a plan in the spring.\n"
    )
    assert areas_of(text) == []
    doc = Document(text=text, format="text")
    findings = find_findings(doc, segment(doc), [])
    assert [(f.kind, f.text) for f in findings] == [
        ("recommendation", "Raise standards of reading in primary schools"),
        ("recommendation", "Improve the quality of support for pupils learning English"),
    ]
    for f in findings:
        assert text[f.evidence.start : f.evidence.end] == f.evidence.quote


def test_numbered_recommendations_under_their_heading_are_findings_not_areas() -> None:
    text = (
        "Recommendations\n\n"
        "R1 Reduce the time pupils wait for a specialist assessment\n"
        "R2 Share information about vulnerable pupils with health visitors\n\n"
        "What happens next\n\nThe council will publish a plan.\n"
    )
    assert areas_of(text) == []
    doc = Document(text=text, format="text")
    assert [f.kind for f in find_findings(doc, segment(doc), [])] == ["recommendation", "recommendation"]


def test_listed_items_end_before_the_word_joining_them() -> None:
    text = (
        "Areas for development\n\n"
        "- improving the use of chronologies in social work records;\n"
        "- the timeliness of health assessments for looked after children; and\n"
        "- the range of short breaks for families of disabled children.\n"
    )
    assert [a.title for a in areas_of(text)] == [
        "improving the use of chronologies in social work records",
        "the timeliness of health assessments for looked after children",
        "the range of short breaks for families of disabled children.",
    ]
    doc = Document(text=text, format="text")
    assert [f.kind for f in find_findings(doc, segment(doc), [])] == [
        "recommendation",
        "improvement",
        "improvement",
    ]


def test_who_should_act_in_the_paragraph_after_the_one_naming_the_areas() -> None:
    text = (
        "The visit confirmed two areas for improvement.\n\n"
        "The partnership should:\n\n"
        "- Agree a single approach to assessing neglect.\n"
        "- Give young carers a say in planning their support.\n"
    )
    assert len(areas_of(text)) == 2
    assert len(areas_of(text.replace("The partnership should:", "Inspectors asked the partnership to:"))) == 2
    assert areas_of(text.replace("two areas for improvement", "a strong team")) == []


def test_an_item_with_lower_case_sub_items_is_one_area() -> None:
    text = (
        "Areas for improvement\n\n"
        "- Review the support offered to kinship carers, in particular:\n"
        "- the advice they receive about allowances;\n"
        "- access to training.\n"
        "- Make sure every child in care has an up-to-date health plan.\n"
    )
    assert [a.title for a in areas_of(text)] == [
        "Review the support offered to kinship carers, in particular: - the advice they receive about "
        "allowances; - access to training.",
        "Make sure every child in care has an up-to-date health plan.",
    ]


def test_labels_with_a_bare_degree_of_progress() -> None:
    text = (
        "Inspectors evaluated progress in each of the areas for improvement:\n\n"
        "- Supporting families before problems escalate – good progress\n"
        "- Listening to children in care – limited progress\n\n"
        "The next review is due in two years.\n"
    )
    assert [(a.title, a.progress) for a in areas_of(text)] == [
        ("Supporting families before problems escalate", "good"),
        ("Listening to children in care", "limited"),
    ]


def test_progress_stated_for_all_listed_areas_by_the_lead_in() -> None:
    text = (
        "Partners had made considerable progress in both areas for improvement from the inspection:\n\n"
        "1. Improve the timeliness of reviews for looked after children.\n"
        "2. Ensure that care leavers have a pathway plan.\n"
    )
    assert [(a.number, a.progress) for a in areas_of(text)] == [(1, "considerable"), (2, "considerable")]
    doc = Document(text=text, format="text")
    findings = find_findings(doc, segment(doc), [])
    lead = "Partners had made considerable progress in both areas for improvement from the inspection"
    assert [(f.progress, f.text) for f in findings if f.kind == "progress"] == [("considerable", lead)]


def test_bullets_run_into_a_sentence_are_areas_and_findings_of_their_own() -> None:
    text = (
        "Summary. The team found two areas for improvement: ◼ Review the use of chronologies "
        "◼ Agree a shared approach to neglect. Context. The area is rural.\n"
    )
    assert [a.title for a in areas_of(text)] == [
        "Review the use of chronologies",
        "Agree a shared approach to neglect",
    ]
    doc = Document(text=text, format="text")
    kinds = {f.text: f.kind for f in find_findings(doc, segment(doc), [])}
    assert kinds["Review the use of chronologies"] == "recommendation"
    assert kinds["Agree a shared approach to neglect"] == "recommendation"
    assert not any("◼" in statement for statement in kinds)  # the lead-in sentence is no finding
