"""People: each pattern of the genre on short real-style lines, plus what must not become a person."""

from __future__ import annotations

import pytest

from inspextract.document import Document
from inspextract.extract.entities import find_entities
from inspextract.extract.people import find_people
from inspextract.extract.roles import split_role
from inspextract.records import Person
from inspextract.segment import segment


@pytest.fixture(scope="session")
def people_in():
    from inspextract.nlp import get_nlp

    get_nlp()  # load the pipeline once for the session

    def run(text: str) -> list[Person]:
        doc = Document(text=text, format="text")
        people = find_people(doc, segment(doc), find_entities(doc))
        assert all(doc.text[p.evidence.start : p.evidence.end] == p.evidence.quote for p in people)
        assert all(p.name in p.evidence.quote for p in people)
        # The quote shows the role it claims (a plural label or heading holds its singular).
        assert all(p.role is None or p.role.lower() in p.evidence.quote.lower() for p in people)
        return people

    return run


def summary(people: list[Person]) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.role, p.organisation) for p in people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Apposition after the name, role and organisation split at "of the".
        (
            "Karen Reid, chief executive of the Care Inspectorate, said: “Outcomes are improving.”",
            ("Karen Reid", "chief executive", "Care Inspectorate"),
        ),
        # Committee-paper cover lines: label, value on the next line, non-breaking spaces.
        (
            "Report by:\u00a0\nGerry Cornes, Chief Executive\nTN Number:\u00a0\n064-23",
            ("Gerry Cornes", "Chief Executive", None),
        ),
        (
            "Responsible Officer:\u00a0\n"
            "Caroline Sinclair, HSCP Chief Officer and Chief Social Work Officer\nPublication:",
            ("Caroline Sinclair", "HSCP Chief Officer and Chief Social Work Officer", None),
        ),
        # Apposition before the name.
        (
            "Chair of the Dumfries and Galloway Community Planning Partnership, "
            "Ronnie Nicholson, said “We agree.”",
            ("Ronnie Nicholson", "Chair", "Dumfries and Galloway Community Planning Partnership"),
        ),
        # Contact block: a name with no role.
        ("Person to Contact:\tBeth Culshaw\n\tEmail: beth.culshaw@example.org", ("Beth Culshaw", None, None)),
        # Name (Role).
        (
            "The plan was presented by Peter Macleod (Director of Children's Services) in June.",
            ("Peter Macleod", "Director of Children's Services", None),
        ),
        # said Name, Role at Org.
        (
            "“This is encouraging,” said Angela Leitch, Chief Executive at East Lothian Council.",
            ("Angela Leitch", "Chief Executive", "East Lothian Council"),
        ),
        # Title straight before the name, organisation before the title.
        (
            "Care Inspectorate Chief Executive Peter Macleod said: “Staff were committed.”",
            ("Peter Macleod", "Chief Executive", "Care Inspectorate"),
        ),
        (
            "Interim Chief Social Work Officer Alan Small said the partnership would respond.",
            ("Alan Small", "Interim Chief Social Work Officer", None),
        ),
        # A role label, and an organisation in the next comma piece.
        ("Lead Inspector: Helen Happer", ("Helen Happer", "Lead Inspector", None)),
        (
            "Contact: Jane Smith, Head of Children and Families, Fife Council, tel 01592 583333",
            ("Jane Smith", "Head of Children and Families", "Fife Council"),
        ),
        # A signature block.
        (
            "Yours sincerely\n\nMorag Stevenson\nChief Executive\nMoray Council",
            ("Morag Stevenson", "Chief Executive", "Moray Council"),
        ),
        # A council area's name as a forename.
        (
            "Angus Robertson, Cabinet Secretary for the Constitution, said the report was clear.",
            ("Angus Robertson", "Cabinet Secretary for the Constitution", None),
        ),
        # An organisation piece after the role; an organisation before a title.
        (
            "Report by: Derek Brown, Chief Officer, Health and Social Care Partnership\nDate: 3 March 2023",
            ("Derek Brown", "Chief Officer", "Health and Social Care Partnership"),
        ),
        (
            "Scottish Borders Council Chief Executive Tracey Logan said: “We accept the report.”",
            ("Tracey Logan", "Chief Executive", "Scottish Borders Council"),
        ),
        ("Author(s): Jane Smith\nDate: 1 May 2023", ("Jane Smith", None, None)),
        # Dash and table-cell separators.
        ("Jane Smith - Head of Service, said staff were ready.", ("Jane Smith", "Head of Service", None)),
        ("Name\tRole\nAlan Small\tLead Officer\n", ("Alan Small", "Lead Officer", None)),
        # A title closing a longer clause.
        (
            "Inspectors met the Chief Executive, Jane Smith, and senior managers.",
            ("Jane Smith", "Chief Executive", None),
        ),
        # An honorific that is also a role.
        ("The motion was moved by Councillor Jim Logue and agreed.", ("Jim Logue", "Councillor", None)),
    ],
)
def test_person_patterns(people_in, text, expected):
    assert summary(people_in(text)) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Report by Chief Officer, HSCP\n\nManagement Group: 28 September 2022",  # a role with no name
        "An action plan will be overseen by the Child Protection Committee.",
        "The Chief Social Work Officer and the Chief Officers Group met the Care Inspectorate.",
        "Previous research (Smith and Jones, 2019) found that outcomes improved. Brown et al. (2018) agreed.",
        "You should write to SPSO, Freepost EH641, Edinburgh EH3 OBR.",
        "Headquarters Care Inspectorate Compass House 11 Riverside Drive Dundee DD1 4NY",
        "Services in Dumfries and Galloway and the Scottish Borders were inspected by Education Scotland.",
        "The Named Person service and the Champions Board were in place.",
        "Chair\n\nConvener\n\nHead of Service",
        "Wards Affected: All\n\nAppendices: None\n\nBackground Papers: Joint Inspection Report 2022",
        "Getting It Right For Every Child and the Named Person Service were discussed.",
        "As Munro (2011) argued, and as noted by Brandon et al. (2020), reviews help.",
        "Groups reported to the Executive Group, including Corporate Parenting, Early Years and others.",
    ],
)
def test_not_people(people_in, text):
    assert people_in(text) == []


def test_people_mentioned_twice_are_merged_with_their_role(people_in):
    text = (
        "Ms O'Brien said the service would improve.\n\n"
        "Later, Siobhan O'Brien, Head of Service, added that staff were positive. "
        "Siobhan O'Brien thanked them."
    )
    assert summary(people_in(text)) == [("Siobhan O'Brien", "Head of Service", None)]


def test_people_are_listed_in_text_order(people_in):
    text = "Eddie Follan, Chief Officer, said it.\n\nKaren Reid, chief executive of the Care Inspectorate."
    assert [p.name for p in people_in(text)] == ["Eddie Follan", "Karen Reid"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("chief executive of the Care Inspectorate", ("chief executive", "Care Inspectorate")),
        ("Director of Education at Fife Council", ("Director of Education", "Fife Council")),
        ("Head of Children's Services", ("Head of Children's Services", None)),
        (
            "HSCP Chief Officer and Chief Social Work Officer",
            ("HSCP Chief Officer and Chief Social Work Officer", None),
        ),
        ("the Chair of the Community Planning Partnership", ("Chair", "Community Planning Partnership")),
        ("the Care Inspectorate’s chief executive", ("chief executive", "Care Inspectorate")),
        ("Scotland's Commissioner for Children", ("Scotland's Commissioner for Children", None)),
    ],
)
def test_split_role(phrase, expected):
    assert split_role(phrase) == expected


def test_a_labelled_list_gives_each_name_the_office(people_in):
    text = (
        "Lead inspector: Ian Young\n\nTeam inspectors: Ann Lark, Bea Moss and Cal Reed\n\n"
        "Data analyst: Di Fox"
    )
    assert summary(people_in(text)) == [
        ("Ian Young", "Lead inspector", None),
        ("Ann Lark", "Team inspector", None),
        ("Bea Moss", "Team inspector", None),
        ("Cal Reed", "Team inspector", None),
        ("Di Fox", "Data analyst", None),
    ]


def test_a_line_opening_with_the_title(people_in):
    assert summary(people_in("Reporting inspector Dana Pike HMI\n")) == [
        ("Dana Pike", "Reporting inspector", None)
    ]


def test_a_signature_block_with_blank_lines_and_honours(people_in):
    text = "Yours sincerely\n\nEve Marsh OBE\n\nHer Majesty’s Inspector\n"
    assert summary(people_in(text)) == [("Eve Marsh", "Her Majesty’s Inspector", None)]


def test_an_attendance_list_under_office_headings(people_in):
    text = (
        "Present:-\nDepute Provost Jo BELL\nBAILIES\nAnn LARK |\nBen MOSS-KERR |\nCOUNCILLORS\nCal REED |\n"
    )
    assert summary(people_in(text)) == [
        ("Jo BELL", "Depute Provost", None),
        ("Ann LARK", "Bailie", None),
        ("Ben MOSS-KERR", "Bailie", None),
        ("Cal REED", "Councillor", None),
    ]


def test_a_role_between_names_ends_at_the_next_name(people_in):
    text = "Ann Lark, Ofsted HMI Ben Moss, CQC inspector\n"
    assert summary(people_in(text)) == [("Ann Lark", "Ofsted HMI", None), ("Ben Moss", "CQC inspector", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Write to us at Mary Brown House, 4 John Smith Drive, Northbury.",
        "Ann Lark, Director of Children's Services www.northbury.gov.uk\n",
        "Staff at HMP Northmoor said the regime had improved.",
        "Council praised\n\nBy Rhona Keil\n\nServices in Fife are good, inspectors said.",
        "Council praised\n\nRhona Keil, Local Democracy Reporter\n\nServices are good.",
    ],
)
def test_streets_buildings_bylines_and_contact_tables_are_not_people(people_in, text):
    assert people_in(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One role, the first printed: a title before the name outranks the apposition after it.
        (
            "Board leader Rhona Gill, chair of the Northbury Partnership, said the findings were fair.",
            ("Rhona Gill", "Board leader", None),
        ),
        (
            "Northbury's Adult Protection Committee chairman Euan Hay welcomed the report.",
            ("Euan Hay", "chairman", "Northbury's Adult Protection Committee"),
        ),
        (
            "It was led by Northbury Council leader Fay Lomond and partners.",
            ("Fay Lomond", "leader", "Northbury Council"),
        ),
        # A bare honorific yields to the title printed with the name.
        (
            "Councillor Ailsa Rae, Convener of the Children's Board, said staff were proud.",
            ("Ailsa Rae", "Convener", "Children's Board"),
        ),
        # The clause before an honorific with a full stop ("Mr.") still gives the title.
        ("The Lead Inspector, Mr. T. Brodie was present.", ("T. Brodie", "Lead Inspector", None)),
        ("The Ofsted Inspector, Mrs. P. Lowe, presented the letter.", ("P. Lowe", "Ofsted Inspector", None)),
        (
            "Inspectors met the Fife Council Chief Executive, Ann Lark, and staff.",
            ("Ann Lark", "Chief Executive", "Fife Council"),
        ),
        # A title straight after the name, up to the verb of speech.
        ("Dr Isla Munro Medical Director NHS Northbury said the work mattered.", None),
        # "for" + a function stays in a councillor's title.
        (
            "Executive councillor for Education, Jo Keir said: “We welcome it.”",
            ("Jo Keir", "Executive councillor for Education", None),
        ),
    ],
)
def test_titles_before_the_name(people_in, text, expected):
    found = summary(people_in(text))
    if expected is None:  # only the role is checked
        assert [(name, role) for name, role, _ in found] == [("Isla Munro", "Medical Director NHS Northbury")]
    else:
        assert found == [expected]


def test_a_plural_title_before_a_list(people_in):
    text = "Pictured: Councillors Ann Lark, Ben Moss and Cal Reed.\n"
    assert summary(people_in(text)) == [
        ("Ann Lark", "Councillor", None),
        ("Ben Moss", "Councillor", None),
        ("Cal Reed", "Councillor", None),
    ]


def test_a_run_on_cover_in_capitals(people_in):
    text = "AGENDA ITEM 5 NORTHBURY COUNCIL REPORT BY JO KEIR, HEAD OF FINANCE Summary This report sets out"
    assert summary(people_in(text)) == [("JO KEIR", "HEAD OF FINANCE", None)]


def test_a_plural_title_as_subject_of_the_names(people_in):
    text = "The lead inspectors for this visit were Ann Lark and Ben Moss. They met staff."
    assert summary(people_in(text)) == [
        ("Ann Lark", "lead inspector", None),
        ("Ben Moss", "lead inspector", None),
    ]


def test_an_honorific_vouches_for_a_person(people_in):
    text = "We thank Miss Lennox and Mr B Farrow, whose work made the visit run smoothly."
    assert [p.name for p in people_in(text)] == ["Lennox", "B Farrow"]


def test_a_capital_opening_a_run_is_no_initial(people_in):
    assert people_in("A Joint Inspection Report was presented to the Board.") == []


def test_a_prison_named_like_a_person_is_a_place(people_in):
    text = "Report on HMP & YOI Ellen Brae - Follow-up\n\nEllen Brae\n\nAt Ellen Brae staff said so."
    assert people_in(text) == []


def test_a_non_breaking_hyphen_inside_a_name(people_in):
    text = "Ros Kerr\u2011Lyle, HM Chief Inspector of Prisons, said the regime had improved."
    assert summary(people_in(text)) == [("Ros Kerr\u2011Lyle", "HM Chief Inspector of Prisons", None)]
