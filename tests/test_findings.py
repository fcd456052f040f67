"""Findings: each judgement rule of SCHEMA.md, with statements that must get a kind and ones that must not."""

from __future__ import annotations

import pytest

from inspextract.document import Document
from inspextract.extract.finding_rules import decisive_clause, judge, load_cues
from inspextract.extract.findings import find_findings
from inspextract.records import Finding
from inspextract.segment import segment

CUES = load_cues()


def findings_of(text: str) -> list[Finding]:
    doc = Document(text=text, format="text")
    return find_findings(doc, segment(doc), [])


def kinds_of(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in findings_of(text)]


# (statement, the kind its section implies, the kind a careful reader gives it)
JUDGED = [
    # strengths: something inspectors found working well
    ("Staff we spoke with demonstrated a child-centred approach to providing services.", None, "strength"),
    ("Information sharing between staff had improved.", None, "strength"),
    ("This group was helpfully revisiting the aims of pre-birth planning.", None, "strength"),
    ("Statutory and voluntary agencies were working well together to provide support.", None, "strength"),
    ("Partners were reviewing and revising child protection procedures.", "findings", "strength"),
    # improvements: stated as findings
    (
        "Scope for improvement was identified in waiting times for access to CAMHS services.",
        None,
        "improvement",
    ),
    ("There was limited availability of parenting programmes for expectant parents.", None, "improvement"),
    ("Partners were not yet confident in using the new risk assessment framework.", None, "improvement"),
    ("However, there was still a tendency to over-complicate processes.", "findings", "improvement"),
    ("There was potential to increase capacity by identifying change champions.", "findings", "improvement"),
    (
        "We agreed that improvement was required in making effective use of the months before birth.",
        None,
        "improvement",
    ),
    # stated needs of the partners are improvements, not plans
    (
        "Partners recognised the need to collate and analyse complaints more effectively.",
        "findings",
        "improvement",
    ),
    (
        "They recognised that developing local resources would help to achieve better outcomes.",
        None,
        "improvement",
    ),
    (
        "Partners recognised that a parenting strategy was needed for more effective prevention.",
        None,
        "improvement",
    ),
    # recommendations, including hedged advice about an action not yet taken
    ("Partners should also ensure that the committees work effectively together.", None, "recommendation"),
    (
        "A single shared format would help them in their journey towards integrated chronologies.",
        None,
        "recommendation",
    ),
    (
        "This could greatly help partners in building much needed capacity for change.",
        "findings",
        "recommendation",
    ),
    (
        "We would encourage them to further increase capacity for continuous improvement.",
        None,
        "recommendation",
    ),
    (
        "Strengthening their quality assurance remit should help to improve practice.",
        "findings",
        "recommendation",
    ),
    (
        "The inspection team are seeking evidence of progress in the improvement actions.",
        None,
        "recommendation",
    ),
    # "should help" about something already in place is a strength
    (
        "The new framework, once implemented, should provide a sound basis for monitoring practice.",
        None,
        "strength",
    ),
    # "X, but Y" and "X; however, Y": Y decides; "Although X, Y": Y decides
    (
        "We saw positive examples of joint working, but more work is needed to ensure staff are alert.",
        None,
        "improvement",
    ),
    (
        "Processes had been weak in the past, but leaders were now working effectively together.",
        None,
        "strength",
    ),
    ("Staff were well supported; however, there was limited access to advocacy.", None, "improvement"),
    (
        "Although work was at a very early stage, actions were identified to better meet needs.",
        None,
        "strength",
    ),
    (
        "Care plans were much clearer than before, though reviews remained an area for improvement.",
        None,
        "improvement",
    ),
    ("Youth work was going well but can improve further in rural villages.", None, "improvement"),
    # a plain weakness outweighs a strength word that only describes its subject
    ("Inspectors reported serious weaknesses in how carers are supported.", None, "improvement"),
    ("Families did not always get the help they needed to make a positive difference.", None, "improvement"),
    ("The service is more effective at helping infants than teenagers.", None, "improvement"),
    ("There is room for improvement in recording the views of young carers.", None, "improvement"),
    ("There was a wide range of responsive support so families get help without delays.", None, "strength"),
    ("The team said partners should further improve their response to neglect.", None, "recommendation"),
    # inspectors' confidence is a strength, even in the capacity to improve or in what partners will do
    ("We were confident that the partners recognised they could improve further.", None, "strength"),
    ("We are confident that the council will make the improvements it needs.", None, "strength"),
    ("Strong leadership will be required to sustain the pace of change.", None, "improvement"),
    ("Some carers had to wait months for a first assessment.", None, "improvement"),
    ("Strengths in care planning clearly outweighed the areas for improvement.", None, "strength"),
    ("Review meetings always took place when required and were well attended.", None, "strength"),
    ("Many carers were benefitting from the right support at home.", None, "strength"),
    ("Inspectors from three bodies found major strengths in services for young carers.", None, "strength"),
    (
        "Inspectors found that chronologies were variable and that some plans lacked clear goals.",
        None,
        "improvement",
    ),
    (
        "The report recommended that partners should strengthen the oversight of the committee.",
        None,
        "recommendation",
    ),
    ("Inspectors recommended that the council and its partners improve care plans.", None, "recommendation"),
    # progress: on a whole area, or on all areas; a part of an area improving is a strength
    (
        "Has made significant progress in ensuring that children are protected from abuse and risk",
        None,
        "progress",
    ),
    ("They have made good progress across all the main areas for improvement.", None, "progress"),
    ("Considerable progress has been made by partners in keeping carers safe.", None, "progress"),
    ("The council was making good progress in meeting the recommendations.", None, "progress"),
    # progress with no degree after earlier inspections is a general strength, not progress on an area
    ("The report notes that progress has been made since earlier visits by inspectors.", None, "strength"),
    ("Inspectors are confident that there is improvement across all areas.", None, "progress"),
    (
        "They identified considerable improvement in the inclusion of chronologies in records.",
        None,
        "strength",
    ),
    # a strong adjective inside the subject does not outweigh a stated need
    (
        "More innovative approaches would be necessary in each locality to ensure equal access.",
        None,
        "improvement",
    ),
    (
        "In order to be effective, the framework requires a cultural shift towards quality assurance.",
        None,
        "improvement",
    ),
    # a relative clause does not make advice or a need of a strength
    (
        "The committee had begun to interrogate information that might help alert them to risks.",
        "findings",
        "strength",
    ),
    (
        "The scrutiny partners were confident in the capacity to change the areas that require improvement.",
        None,
        "strength",
    ),
]

# Real-style statements of other reports (not from the fixtures), judged inside a findings section.
FINDINGS_SECTION = [
    ("The quality of initial referral discussions had improved markedly since the inspection.", "strength"),
    ("Chronologies were not yet used consistently across services.", "improvement"),
    ("Young people told us that they did not always know who their named person was.", "improvement"),
    ("Partners should now focus on evaluating the impact of these changes.", "recommendation"),
    ("It will be important for partners to sustain this momentum.", "recommendation"),
    ("Waiting times for CAMHS remained too long.", "improvement"),
    ("Few young people had been offered advocacy.", "improvement"),
    ("Partners had struggled to recruit health visitors.", "improvement"),
    ("Information sharing with adult services was less effective.", "improvement"),
    ("Some staff were unclear about the new procedures.", "improvement"),
    ("Carers felt well supported by the fostering team.", "strength"),
    ("Inspectors recommend that partners review their approach to transitions.", "recommendation"),
    ("A dedicated team had been established to support care leavers.", "strength"),
    ("Quality assurance arrangements were underdeveloped.", "improvement"),
    ("Partners were not making effective use of the data available to them.", "improvement"),
    ("Health visitors knew families well and identified concerns early.", "strength"),
    ("The partnership now needs to show that these changes are improving outcomes.", "recommendation"),
    ("Partners would benefit from a more joined-up approach to self-evaluation.", "recommendation"),
    ("Partners must ensure that all children at risk have a protection plan.", "recommendation"),
]

NOT_FINDINGS = [
    # method, procedure and background of the inspection
    ("The progress review was carried out in May 2016.", None),
    ("The inspection was led by the Care Inspectorate working with Education Scotland.", None),
    ("Inspectors looked at a wide range of services between December 2015 and February 2016.", None),
    ("Today, the Care Inspectorate published their progress review of services for children.", None),
    # plans, aims and procedures the partners describe, even inside a findings section
    ("This process aims to ensure that partner agencies share relevant information early.", "findings"),
    ("They aimed to carry out a joint strategic assessment of needs in each locality.", "findings"),
    ("This improvement team was responsible for staff training and quality assurance.", "findings"),
    ("This included electronic recording for health visitors and mobile working.", "findings"),
    ("This would also provide the basis for joint commissioning to secure better outcomes.", "findings"),
    ("This work is being overseen by the Chief Officers Group.", "findings"),
    ("The Child Protection Committee meets every two months.", "findings"),
    ("Partners are now developing a new strategy, which will be launched in 2024.", None),
    # what inspectors will do next, and a committee paper's own recommendations
    ("The Care Inspectorate will now request that a joint action plan is provided.", None),
    ("We will continue to monitor progress as agreed with scrutiny partners.", "findings"),
    ("CPP is asked to note the work taking place as part of ongoing monitoring.", "recommendation"),
    ("It should be noted that this model has not been previously implemented.", None),
    ("This report advises members of the publication of the joint inspection report.", "findings"),
    ("The improvement plan is attached at Appendix 1 and sets out clear actions.", "findings"),
    # grades and their definitions belong to the grade fields; meta statements about recommendations
    ("Across nine key indicators of performance, inspectors found one to be 'very good'.", None),
    ("An evaluation of good is applied where strengths clearly outweigh areas for improvement.", None),
    ("We have made some recommendations for improvement which will enable partners to do better.", None),
    ("Services in the town were given two evaluations of very good and one of weak.", None),
    ("Leadership of change was found to be ‘weak’ by the inspection team.", None),
    ("The council's support for carers received a 'good' rating.", "findings"),
    ("Both services were awarded a grade of 4 (good) for care and support.", None),
    # questions and the indicator list of the method
    ("How well are young carers supported in their communities?", "findings"),
    ("how well children are helped to keep themselves safe", "strength"),
    ("The inspection team focused on four key areas of practice across the partnership.", None),
    ("Inspectors met frontline staff and read a sample of case files.", None),
    ("The purpose of the review was to explore how well partners had responded.", "findings"),
    # sentences that only announce findings
    ("However, inspectors also identified areas which could improve further.", None),
    ("The report identified a number of key strengths.", None),
    ("Inspectors found strengths that were making a positive difference for families.", None),
    ("Overall, there are several positive findings from this inspection.", None),
    ("Inspectors have identified strengths and areas for improvement in the way carers are supported.", None),
    ("Did staff feel supported by their managers and were they well trained?", None),
    ("These services were all found to be good or very good.", None),
    ("Care planning is good, which means important strengths with areas for improvement.", None),
    ("The partners have prepared an action plan to address the points for action.", "findings"),
    ("We also carry out joint inspections with other scrutiny bodies across the country.", None),
    ("This is a very positive report for the whole partnership.", None),
    ("This report should be read alongside the original inspection report.", None),
    ("The service was rated 'requires improvement to be good' at its last inspection.", None),
    (
        "Care in all four towns was adequate, meaning strengths just outweighed weaknesses.",
        None,
    ),
    ("A brilliant report for the whole partnership!", None),
    ("The report to the board summarised the key findings of the inspection.", None),
    ("Inspections pay particular attention to how well children are kept safe.", None),
    ("Care plans are an important tool to help carers understand what support is available.", "findings"),
    # contact and boilerplate
    ("If you wish to comment about any of our inspections, contact us at the address above.", "findings"),
    ("This publication is available in other formats and other languages on request.", None),
    # what the inspected council's people say about the report
    ("The council leader welcomed the report and said staff had worked hard.", "findings"),
    # anything in a background or method section
    ("Partners worked very effectively together.", "exclude"),
]


@pytest.mark.parametrize(("text", "default", "kind"), JUDGED, ids=[t[:40] for t, _, _ in JUDGED])
def test_statement_is_judged(text: str, default: str | None, kind: str) -> None:
    assert judge(text, default, CUES) == kind


@pytest.mark.parametrize(("text", "kind"), FINDINGS_SECTION, ids=[t[:40] for t, _ in FINDINGS_SECTION])
def test_statement_in_a_findings_section(text: str, kind: str) -> None:
    assert judge(text, "findings", CUES) == kind


@pytest.mark.parametrize(("text", "default"), NOT_FINDINGS, ids=[t[:40] for t, _ in NOT_FINDINGS])
def test_not_a_finding(text: str, default: str | None) -> None:
    assert judge(text, default, CUES) is None


def test_decisive_clause_after_but_and_although() -> None:
    assert decisive_clause("Staff were skilled, but records were poor.") == "records were poor."
    assert decisive_clause("Although records were poor, staff were skilled.") == "staff were skilled."


def test_findings_section_defaults_to_strength_and_background_gives_none() -> None:
    text = (
        "2. Background\n\nWe were particularly concerned about the poor quality of assessment.\n\n"
        "3. Our findings\n\nPartners had introduced an initial referral discussion.\n"
    )
    assert kinds_of(text) == [("strength", "Partners had introduced an initial referral discussion.")]


def test_area_number_from_the_area_heading_until_the_next_section() -> None:
    text = (
        "4. Our findings\n\nArea for improvement 2: Ensure that families get help early.\n\n"
        "Partners had agreed a protocol for sharing information.\n\n"
        "5. Conclusion\n\nThey have made good progress across all the main areas for improvement.\n"
    )
    found = findings_of(text)
    assert [(f.kind, f.area_number, f.progress) for f in found] == [
        ("strength", 2, None),
        ("progress", None, "good"),
    ]


def test_bulleted_list_gives_one_finding_per_bullet_from_its_introduction() -> None:
    text = (
        "The report highlighted the following strengths and areas of good practice:\n\n"
        "• Many children said that they got the right help. We saw how some were supported.\n"
        "• Interpreters were provided for individual children or parents.\n"
    )
    assert kinds_of(text) == [
        ("strength", "Many children said that they got the right help. We saw how some were supported."),
        ("strength", "Interpreters were provided for individual children or parents."),
    ]


def test_list_introduced_by_method_or_plans_gives_no_findings() -> None:
    text = (
        "During the inspection we:\n\n- reviewed the recording of the 50 most recent discussions\n"
        "- met with elected members of the council and the health board.\n\n"
        "Actions were identified to better meet needs. These included:\n\n"
        "- wider availability of advocacy and independent support\n"
    )
    assert kinds_of(text) == [("strength", "Actions were identified to better meet needs.")]


def test_bullet_split_at_semicolons_only_when_its_parts_differ_in_kind() -> None:
    mixed = findings_of("• Staff were well supported by managers; partners should review waiting times.\n")
    assert [f.kind for f in mixed] == ["strength", "recommendation"]
    same = findings_of("• Staff were well supported; leaders were highly visible and effective.\n")
    assert [f.kind for f in same] == ["strength"]


def test_quoted_chair_gives_no_findings_but_inspectorate_chief_does() -> None:
    text = (
        "Chair of the Partnership, Ann Smith, said “This report shows staff worked very effectively. "
        "Services improved quickly.”\n\n"
        "Karen Reid, chief executive of the Care Inspectorate, said: “Outcomes for most children "
        "are steadily improving.\n\n"
        "“More work is needed to ensure that staff are equally alert to neglect.”\n"
    )
    assert kinds_of(text) == [
        ("strength", "Outcomes for most children are steadily improving."),
        ("improvement", "More work is needed to ensure that staff are equally alert to neglect."),
    ]


def test_quotation_inside_a_sentence_stays_whole() -> None:
    text = (
        "There had been “a notable cultural change across schools,” inspectors said, adding: "
        "“most staff acted promptly.”\n"
    )
    (finding,) = findings_of(text)
    assert finding.text.startswith("There had been “a notable")


def test_statement_cut_off_by_the_end_of_the_text_is_not_a_finding() -> None:
    assert kinds_of("Staff worked well together. Importantly, stronger leadership was beginning to") == [
        ("strength", "Staff worked well together.")
    ]


def test_sentence_broken_by_a_page_break_is_one_finding_with_exact_evidence() -> None:
    text = (
        "Importantly, stronger leadership was beginning to increase staff\n\nconfidence in taking action.\n"
    )
    (finding,) = findings_of(text)
    assert (
        finding.text
        == "Importantly, stronger leadership was beginning to increase staff confidence in taking action."
    )
    assert text[finding.evidence.start : finding.evidence.end] == finding.evidence.quote


def test_duplicates_are_reported_once() -> None:
    text = "Staff worked well together.\n\nStaff worked well together.\n"
    assert len(findings_of(text)) == 1


def test_headline_without_closing_punctuation_is_not_a_finding() -> None:
    assert findings_of("Significant progress has been made for children in the area say inspectors\n") == []


def test_list_introduced_by_what_inspectors_found_defaults_to_strength() -> None:
    text = "Inspectors found:\n\n• children knew who to talk to\n• chronologies were not consistently used.\n"
    assert [f.kind for f in findings_of(text)] == ["strength", "improvement"]


def test_list_named_by_its_introduction_gives_its_kind_and_actions_are_recommendations() -> None:
    text = (
        "The review team noted the following key strengths in the Glenmore area.\n\n"
        "- Patience of youth workers in helping parents see what they need to change.\n\n"
        "The team agreed the following points for improvement with the partners.\n\n"
        "- Review how quickly staff respond to a first concern about a child.\n"
        "- Sharing plans with families before each review meeting.\n"
        "- Gaps in out-of-hours cover for young carers.\n"
    )
    assert kinds_of(text) == [
        ("strength", "Patience of youth workers in helping parents see what they need to change."),
        ("recommendation", "Review how quickly staff respond to a first concern about a child."),
        ("recommendation", "Sharing plans with families before each review meeting."),
        ("improvement", "Gaps in out-of-hours cover for young carers."),
    ]


def test_paragraphs_after_an_introduction_are_items_of_its_list() -> None:
    text = (
        "The visit found several key strengths. These included:\n\n"
        "Carers were well trained. Their reviews were held on time. Managers knew every family.\n\n"
        "Key areas for improvement were also found. These included:\n\n"
        "Planning for transitions was patchy. Partners should agree one shared assessment.\n"
    )
    assert kinds_of(text) == [
        (
            "strength",
            "Carers were well trained. Their reviews were held on time. Managers knew every family.",
        ),
        ("improvement", "Planning for transitions was patchy."),
        ("recommendation", "Partners should agree one shared assessment."),
    ]


def test_list_introduced_by_the_inspection_method_gives_no_findings() -> None:
    text = (
        "Each visit used a published quality indicator framework covering three themes:\n\n"
        "- how well carers are supported and trained;\n"
        "- how effectively services plan together.\n"
    )
    assert findings_of(text) == []


def test_last_bullet_cut_off_by_the_end_of_the_text_is_not_a_finding() -> None:
    text = "Inspectors found these strengths:\n\n- Staff knew families well.\n- Leaders had a clear and shar"
    assert kinds_of(text) == [("strength", "Staff knew families well.")]


def test_straight_quotes_of_a_partner_named_earlier_give_no_findings() -> None:
    text = (
        "The review covered the Glenmore partnership, chaired by council leader Tom Reilly.\n\n"
        'Mr Reilly said: "Carers in Glenmore are listened to and well supported. Our staff work hard.\n\n'
        '"We believe our approach is among the best in the country."\n'
    )
    assert findings_of(text) == []


def test_she_said_takes_the_inspectorate_speaker_named_before() -> None:
    text = (
        "Ann Bell, chief inspector at the Care Inspectorate, said Glenmore had a “caring” culture.\n\n"
        "“Staff knew every family well and acted quickly when risks rose,” she said.\n"
    )
    assert [f.kind for f in findings_of(text)] == ["strength", "strength"]


def test_first_person_words_outside_an_inspectorate_quotation_are_no_findings() -> None:
    text = "As chair I remain proud that staff worked so effectively during the inspection.\n"
    assert findings_of(text) == []


def test_a_bullet_that_announces_the_next_bullets_gives_them_its_kind() -> None:
    text = (
        "• Carers were well supported by the fostering team.\n"
        "• Inspectors also identified areas which needed to improve:\n"
        "• The quality of care plans required improvement across the service.\n"
    )
    assert [f.kind for f in findings_of(text)] == ["strength", "improvement"]


def test_plain_sentence_among_strengths_is_one_but_not_beside_a_weakness() -> None:
    among_strengths = "Every child had a named worker. Carers felt well supported by the team.\n"
    assert [f.kind for f in findings_of(among_strengths)] == ["strength", "strength"]
    beside_weakness = "Every child had a named worker. Reviews were not always held on time.\n"
    assert [f.kind for f in findings_of(beside_weakness)] == ["improvement"]


def test_a_first_person_paragraph_and_a_preface_are_no_findings() -> None:
    personal = "I thank all our staff. The partnership worked very effectively throughout the year.\n"
    assert findings_of(personal) == []
    preface = "1 Preface\n\nThe partnership worked very effectively throughout the year.\n"
    assert findings_of(preface) == []


def test_a_news_page_titled_after_the_joint_inspection_holds_findings() -> None:
    text = "Joint inspection of services for carers in Glenmore\n\nStaff worked very effectively together.\n"
    assert kinds_of(text) == [("strength", "Staff worked very effectively together.")]


def test_a_statement_repeated_with_other_punctuation_is_reported_once() -> None:
    text = "Staff worked well together.\n\n“Staff worked well together”\n"
    assert len(findings_of(text)) == 1


def test_he_said_after_a_partners_reported_speech_is_the_partner() -> None:
    text = (
        'Ms Hart, who led the inspection for HMIE, said: "Staff work very well together."\n\n'
        "Provost Alan Bell welcomed the report and said it showed hard work was paying off.\n\n"
        '"We are committed to making the improvements quickly," he said.\n'
    )
    assert kinds_of(text) == [("strength", "Staff work very well together.")]


# Wordings checked against documents not used to write the rules (round 2): invented sentences.
GENERALISED = [
    ("However, the team found that care plans were too often vague about who would act.", "improvement"),
    ("Reviews were held on time, but targets were not precise enough to measure change.", "improvement"),
    ("Managers had not yet set out the firm direction needed to speed up change.", "improvement"),
    (
        "Support for carers has improved since the previous visit, when it was judged to require work.",
        "strength",
    ),
    ("A new family hub opened in the spring, but it is too early to judge its effect.", "improvement"),
    ("It was too early to measure what difference the new panel had made.", "improvement"),
    ("Home visits were made quickly, although a social worker was not always present.", "improvement"),
    ("Areas for development included the timeliness of reviews for children in kinship care.", "improvement"),
    ("Partners now need to decide how they will record the views of young carers.", "recommendation"),
    (
        "We are confident the partners will act, but they will need to share records more quickly.",
        "recommendation",
    ),
    ("Managers had a clear grasp of the strengths and weaknesses of each team.", "strength"),
    ("The partnership had yet to develop an effective way of measuring outcomes.", "improvement"),
    ("Care for young carers has improved since the last visit, when it was found to be weak.", "strength"),
    ("Respite care has been extended, but it is too soon to judge its impact.", "improvement"),
    ("Staff in the family centre were highly motivated and enthusiastic.", "strength"),
    ("Although a few reviews were late, most carers had a plan that met their needs.", "strength"),
    ("However, the quality of care plans was variable, with good examples in some teams.", "improvement"),
    ("However, partners had worked hard to build good relationships with carers.", "strength"),
    ("The team asked partners to check how carers' assessments are shared.", "recommendation"),
    ("The review calls on the council to shorten waits for respite care.", "recommendation"),
    ("The partnership was advised to widen its carers' forum.", "recommendation"),
    ("Managers in the carers' centre were visible and accessible.", "strength"),
    ("There were no undue delays in arranging respite for carers.", "strength"),
    ("Some carers were unsure who to contact out of hours.", "improvement"),
    (
        "Carers in Glenmore are among the best supported in the country, says a report published today.",
        "strength",
    ),
    ("Leaders had set a clear tone, and carers at every level said they felt respected.", "strength"),
]


@pytest.mark.parametrize(("text", "kind"), GENERALISED, ids=[t[:40] for t, _ in GENERALISED])
def test_generalised_wording_is_judged(text: str, kind: str) -> None:
    assert judge(text, None, CUES) == kind


NOT_FINDINGS_ROUND_2 = [
    "In May and June 2019 the Care Inspectorate led a joint inspection of services in Glenmore.",
    "Officers from two other scrutiny bodies were part of the inspection team.",
    "The inspection team included a young inspector and a health visitor.",
    "(ii) notes that an update on the action plan will come to the next meeting.",
    "To remit the Head of Service to report back on the action plan in six months.",
    "The adequate evaluation was given for planning for individual children.",
    "Families are supported to stay together – very good",
    "The report identified strengths and areas for improvement in the service.",
    "A report published today highlights positive work in several key areas.",
    "The report on carers' services in Glenmore was published today.",
    "The main messages of the visit are set out in section 3.",
    "The review also considered the views of 40 carers.",
    "A review of respite services for carers in Glenmore was carried out in the spring.",
    "The Mental Welfare Commission took part in the review.",
    "The visit was one of a national programme of joint reviews.",
    "This report contains six evaluations and three areas for improvement.",
    "Contents 1 Purpose 2 2 Summary 3 3 Next steps 7",
    "The partners have been asked to send their improvement plan by the end of May.",
    "An improvement plan has been drawn up to address the points raised by the review.",
    "More than 300 carers took part in the online survey.",
    "These conclusions are based on evidence from records, surveys and meetings.",
    "The overall evaluation for the service was very good.",
    "Service managers stressed that they have already begun work on a new improvement plan.",
    "A Joint Action Plan (JAP) had been drawn up to address the points for action.",
    "The review has recommended several areas for improvement to ensure that carers are safe.",
    "This visit focuses on the progress made since the review of May 2017.",
    "At the time of the last review there were 12 recommendations, of which 5 had been met.",
    "The Mental Welfare Commission is the lead body for these visits.",
    "When we say carers in this report we mean unpaid adult carers.",
    "Glenmore has a population of about 45,000 people.",
    "Glenmore is a mostly rural area with two market towns.",
    "About a quarter of families in the town live in poverty.",
    "This visit followed our first joint inspection of carers' services.",
    "We returned to Glenmore in the autumn to look at progress.",
    "The findings were considered by the carers' strategy group in August.",
    "This is the second review of carers' services in Glenmore since 2015.",
    "The visit was one of the first to use the revised framework.",
    "Reviews like this one look at how well carers are supported.",
    "The full review can be downloaded from the commission's pages.",
    "Glenmore Council said it welcomed the review and its findings.",
    "The partners have already started work to address the recommendations.",
    "The review team also surveyed more than 200 carers.",
]


@pytest.mark.parametrize("text", NOT_FINDINGS_ROUND_2, ids=[t[:40] for t in NOT_FINDINGS_ROUND_2])
def test_background_and_committee_business_are_no_findings(text: str) -> None:
    assert judge(text, "findings", CUES) is None


def test_a_committees_recommendations_listed_after_it_is_recommended_are_no_findings() -> None:
    text = (
        "2. Recommendations\n\nIt is recommended that the Children's Services Board:\n\n"
        "(i) notes the strengths found by the inspection team; and\n"
        "(ii) agrees that the improvement plan is reported to it in June.\n"
    )
    assert findings_of(text) == []


def test_what_inspectors_found_is_listed_in_a_committee_papers_background() -> None:
    text = (
        "3 Background\n\n3.1 The review was carried out over six weeks.\n\n3.2 Inspectors found that:\n\n"
        "- carers were well supported by link workers;\n"
        "- reviews were held on time; however, plans did not always name who would act.\n"
    )
    assert kinds_of(text) == [
        ("strength", "carers were well supported by link workers"),
        ("strength", "reviews were held on time"),
        ("improvement", "however, plans did not always name who would act."),
    ]


def test_a_long_run_on_paragraph_lends_no_strength_to_its_plain_sentences() -> None:
    plain = " ".join(f"Section {n} covers topic number {n} of the report." for n in range(1, 9))
    text = plain + " Staff worked very effectively together.\n"
    assert kinds_of(text) == [("strength", "Staff worked very effectively together.")]


def test_director_of_inspection_speaks_for_the_inspectorate() -> None:
    text = (
        'Jo Bell, Director of Inspection at the Care Inspectorate, said: "Carers in Glenmore can be sure '
        'that staff will respond quickly. Partners now need to agree one shared plan."\n'
    )
    assert [f.kind for f in findings_of(text)] == ["strength", "recommendation"]


def test_a_partners_chief_executive_is_not_an_inspector() -> None:
    text = (
        'The council\'s chief executive, Ann Bell, said: "Our carers are doing a very good job."\n\n'
        'Jo Reid, chief executive of the Care Inspectorate, said: "Carers are very well supported."\n'
    )
    assert kinds_of(text) == [("strength", "Carers are very well supported.")]


def test_a_strengths_bullet_of_two_sentences_ending_on_a_weakness_is_split() -> None:
    text = (
        "The team noted these key strengths:\n\n"
        "• Carers were very well supported. Reviews were quick, although a nurse was not always there.\n"
    )
    assert kinds_of(text) == [
        ("strength", "Carers were very well supported."),
        ("improvement", "Reviews were quick, although a nurse was not always there."),
    ]


def test_page_numbers_of_a_contents_list_in_run_on_text_are_no_finding() -> None:
    assert (
        judge("9 Appendix 1 Examples of good practice 12 Appendix 2 Glossary 14 1.", "findings", CUES) is None
    )
