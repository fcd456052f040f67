"""Roles read from the layout around a name: appositions after it ("Name, Role of Org"), labels
("Lead inspector: Name"), headings over lists of names ("COUNCILLORS"), signature blocks, titles right
before a name ("Council leader Name") and plural titles whose names follow ("The inspectors were A and B")."""

from __future__ import annotations

import re
from functools import cache

from inspextract.extract.names import UPPER, NameSpan, lexicon_alternation, lexicon_words, names_lexicon
from inspextract.extract.roles import has_role_head, is_org_like, role_words, split_role, starts_with_role

SPACE = "[ \t\u00a0]"
# How much of a name's line is read for its role, each side (characters): a role phrase or label is far
# shorter; the bound keeps one-line texts (extracted HTML) linear.
CONTEXT_MAX_CHARS = 300
# How far a signature block's title and organisation lines may reach below the name (characters).
NEXT_LINES_MAX_CHARS = 400
# "Label: Name", also for each name of a list ("Team inspectors: Name, Name and Name").
_LISTED_NAME = rf"[{UPPER}][\w'’.-]*(?:{SPACE}+[{UPPER}][\w'’.-]*)*"
LABEL_LINE = re.compile(
    rf"{SPACE}*(?P<label>[A-Za-z][A-Za-z ()'’]{{1,48}}?){SPACE}*:{SPACE}*"
    rf"(?:{_LISTED_NAME}{SPACE}*(?:,|and|&){SPACE}*)*"
)
# A committee paper's author without a colon: "Report by Jane Smith, Director".
AUTHOR_BEFORE = re.compile(rf"\b(?P<label>(?:report|prepared|presented|submitted){SPACE}+by){SPACE}+$", re.I)
# The line under a labelled name that gives the office: "Name: Jane Smith" over "Designation: Head of X".
DESIGNATION_LINE = re.compile(
    rf"\n(?:{SPACE}*\n)*{SPACE}*(?:designation|job{SPACE}+title|position|post){SPACE}*:{SPACE}*(?P<role>[^\n]*\S)",
    re.IGNORECASE,
)
DESIGNATION_MAX_WORDS = 14
# A heading over a list of names that gives their office: "COUNCILLORS", "Bailies".
OFFICE_HEADING = re.compile(r"(?P<office>[A-Za-z]+?)s:?", re.IGNORECASE)
HEADING_LOOKBACK_LINES = 12
SENTENCE_BOUNDARY = re.compile(r"[.!?;:“”\"(\n]")
TRAILING_NAME_LIST = re.compile(rf"(?:{_LISTED_NAME}{SPACE}*(?:,|and|&){SPACE}*)+$")
# "Her Majesty's Inspectors for this visit were A, B and": the title, then the names before this one.
TITLE_WERE = re.compile(
    rf"(?P<title>(?:[\w’']+{SPACE}+){{0,3}}[A-Za-z]+s)\b[^.:;\n]{{0,40}}?{SPACE}+were{SPACE}+"
    rf"(?:{_LISTED_NAME}{SPACE}*(?:,|and|&){SPACE}*)*$"
)
TITLE_BEFORE_WERE_CHARS = 120
PLAIN_WORD = re.compile(r"[\w’'-]+")
# Longest title read before a name without punctuation ("Child Protection Chief Officers Group chairman").
JUST_BEFORE_MAX_WORDS = 6
NAME_LINE = re.compile(rf"(?:{_LISTED_NAME}){SPACE}*(?:\([^()\n]*\))?")


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around text[start:end], at most CONTEXT_MAX_CHARS each side (texts may be one long line)."""
    low, high = max(0, start - CONTEXT_MAX_CHARS), min(len(text), end + CONTEXT_MAX_CHARS)
    line_end = text.find("\n", end, high)
    return text.rfind("\n", low, start) + 1 or low, high if line_end < 0 else line_end


def label_before(text: str, line_start: int, start: int) -> tuple[str, int] | None:
    """The label of a "Label: Name" line, the value possibly on the line after the label, and where the
    label starts (the person's evidence then shows it)."""
    before_start = line_start
    if not text[line_start:start].strip() and line_start > 0 and text[line_start - 1] == "\n":
        prev_end = line_start - 1
        low = max(0, prev_end - CONTEXT_MAX_CHARS)
        before_start = max(text.rfind("\n", low, prev_end) + 1, low)
        start = prev_end
    before = text[before_start:start]
    if match := LABEL_LINE.fullmatch(before):
        return singular(" ".join(match["label"].split())), before_start + match.start("label")
    if by := AUTHOR_BEFORE.search(before):  # "REPORT BY NAME, TITLE" on a run-on cover
        return " ".join(by["label"].split()).lower(), before_start + by.start("label")
    return None


def singular(label: str) -> str:
    """A plural office over several names is each one's office: "Team inspectors" -> "Team inspector"."""
    head, _, last = label.rpartition(" ")
    if last.endswith("s") and not has_role_head(last) and has_role_head(last[:-1]):
        return f"{head} {last[:-1]}".strip()
    return label


def office_heading(text: str, line_start: int) -> tuple[str, int] | None:
    """The office a heading line gives the names listed under it ("COUNCILLORS" over a list of members),
    and where the heading starts."""
    low = max(0, line_start - CONTEXT_MAX_CHARS)
    lines = list(re.finditer(r"[^\n]*\n", text[low:line_start]))
    for found in reversed(lines[-HEADING_LOOKBACK_LINES:]):
        line = found.group().strip(" \t|\n")
        if not line:
            continue
        if (match := OFFICE_HEADING.fullmatch(line)) and match["office"].lower() in _heading_offices():
            return match["office"].capitalize(), low + found.start() + found.group().index(line)
        if not scanned_name_line(line):
            return None
    return None


@cache
def _heading_offices() -> frozenset[str]:
    return frozenset(h.lower() for h in names_lexicon()["role_honorifics"])


def scanned_name_line(line: str) -> bool:
    """The line holds a name and nothing but (an attendance list's "Jane SMITH |")."""
    return bool(NAME_LINE.fullmatch(line))


def role_next_line(
    text: str, line_start: int, line_end: int, span: NameSpan
) -> tuple[str | None, str | None, int]:
    """A signature block: the name alone on its line (honours after it), the title on the next, the
    organisation after that; blank lines between them, as PDF text has, are skipped."""
    rest = text[span.end : line_end].split()
    if text[line_start : span.start].strip() or any(w not in lexicon_words("post_nominals") for w in rest):
        return None, None, span.end
    below = line_end + 1
    lines = [
        (below + m.start(), below + m.end())
        for m in re.finditer(r"[^\n]*\S[^\n]*", text[below : below + NEXT_LINES_MAX_CHARS])
    ][:2]
    if not lines:
        return None, None, span.end
    title = text[lines[0][0] : lines[0][1]].strip()
    if not has_role_head(title) or title.endswith(".") or len(title.split()) > 10:
        return None, None, span.end
    role, org = split_role(title)
    stop = lines[0][1]
    if org is None and len(lines) > 1:
        next_line = text[lines[1][0] : lines[1][1]].strip()
        if is_org_like(next_line) and not next_line.endswith("."):
            org, stop = next_line, lines[1][1]
    return role, org, stop


def role_just_before(text: str, line_start: int, end: int) -> tuple[list[str], int] | None:
    """The title words right before a name, lower-case ones too ("Council leader Name", "Group chairman
    Name"); a plural title before a list gives each name the singular ("Councillors A, B and C")."""
    head = text[line_start:end]
    listed = TRAILING_NAME_LIST.search(head)
    if listed:
        # The list's capitalised run may have swallowed the title itself ("Councillors A, B and").
        first = re.match(r"\S+\s+", head[listed.start() :])
        title_in_list = first is not None and has_role_head(singular(first.group().strip()))
        head = head[: listed.start() + (first.end() if first and title_in_list else 0)]
    if not head[-1:].isspace():
        return None
    words = list(re.finditer(r"\S+", head))
    if not words or not PLAIN_WORD.fullmatch(words[-1].group()):
        return None
    last = singular(words[-1].group())
    if (listed and last == words[-1].group()) or not has_role_head(last):
        return None
    taken, at = [last], words[-1].start()
    for word in reversed(words[:-1]):
        text_of = word.group()
        if len(taken) >= JUST_BEFORE_MAX_WORDS or not PLAIN_WORD.fullmatch(text_of):
            break
        if not (text_of[0].isupper() or text_of.lower() in role_words()):
            break
        taken.insert(0, text_of)
        at = word.start()
    return taken, line_start + at


def role_as_subject(text: str, line_start: int, end: int) -> tuple[str, int] | None:
    """A plural title whose complement lists the names: "The inspectors for this visit were A and B", and
    where the title starts."""
    head_start = max(line_start, end - CONTEXT_MAX_CHARS)
    head = text[head_start:end]
    were = head.rfind(" were ")  # a plain search first: the pattern is costly on every name of long lines
    if were < 0 or not (match := TITLE_WERE.search(head, max(0, were - TITLE_BEFORE_WERE_CHARS))):
        return None
    words = match["title"].split()
    kept = [words[-1]]
    for word in reversed(words[:-1]):
        if not (word[0].isupper() or word.lower() in role_words()) or word in ("The", "Our"):
            break
        kept.insert(0, word)
    plural = " ".join(kept)
    title = singular(plural)
    if title == plural or not has_role_head(title):
        return None
    return title, head_start + match.start("title") + match["title"].rindex(plural)


def designation_below(text: str, line_end: int) -> tuple[str, str | None, int] | None:
    """A form's "Designation:" line under the line that names the person: their role, and its end."""
    match = DESIGNATION_LINE.match(text, line_end)
    if match is None or len(match["role"].split()) > DESIGNATION_MAX_WORDS:
        return None
    role, org = split_role(match["role"])
    return role, org, match.end("role")


# An apposition after a name runs to the end of its clause; "Name - Role" and table cells ("Name\tRole") too.
# A bracketed qualifier is part of the title: "Service Manager (Quality Assurance)".
AFTER_COMMA = re.compile(
    rf"^(?:{SPACE}*[,–—]{SPACE}*|{SPACE}+-{SPACE}+|\t{SPACE}*)"
    rf"(?P<phrase>[^\n.;:“”\"()\t]+(?:\([^()\n.;:“”\"]{{1,60}}\)[^\n.;:“”\"()\t]*)*)"
)
# A title printed straight after the name, up to a verb of speech: "Name Nurse Director NHS Board said".
AFTER_SPACE = re.compile(
    rf"^{SPACE}+(?P<phrase>[A-Z][^\n.;:“”\"(),\t]*?)(?={SPACE}+(?:said|says|added|adds|explained|commented)\b)"
)
LEADING_CAPS = re.compile(r"[A-Z]{2,}(?:[ &-]+[A-Z]{2,})+(?=\s+[A-Z]?[a-z])")
# A title ending in a capitalised of-phrase or dash-phrase ("Director – Schools"), and a comma's next
# part that goes on with that list of functions ("Families and Justice Services"), not with a new clause
# ("and Jane Smith") or an employer.
OF_PHRASE_END = re.compile(r"(?:\b(?:of|for)|\s[–—-])\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*$")
LIST_GOES_ON = re.compile(r"\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:and|&)\s+[A-Z]")
AFTER_PAREN = re.compile(rf"^{SPACE}*\((?P<phrase>[^()\n]{{2,100}})\)")


@cache
def _post_nominal_run() -> re.Pattern[str]:
    letters = lexicon_alternation("post_nominals")
    return re.compile(rf"(?:{SPACE}+(?:{letters}))+\b")


@cache
def speech_after() -> re.Pattern[str]:
    verbs = lexicon_alternation("speech_verbs")
    return re.compile(rf"{SPACE}*,?{SPACE}*(?:{verbs})\b")  # used with .match(text, pos): no "^"


def role_after(text: str, end: int, line_end: int) -> tuple[str | None, str | None, int]:
    """Role and organisation printed after the name ("Name, Role of Org, said", "Name (Role)")."""
    # Letters after the name ("Jane Smith MSP, Minister for …") stand before the apposition.
    if (honours := _post_nominal_run().match(text, end, line_end)) and text.startswith(",", honours.end()):
        role, org, stop = role_after(text, honours.end(), line_end)
        if role is not None:
            return role, org, stop
    tail = text[end:line_end]
    if (match := AFTER_PAREN.match(tail)) and has_role_head(match["phrase"]):
        role, org = split_role(match["phrase"])
        return role, org, end + match.end()
    if match := AFTER_COMMA.match(tail):
        pieces = match["phrase"].split(",")
        # Run-on text in capitals: the title is the words in capitals ("NAME, CHIEF EXECUTIVE Abstract").
        if caps := LEADING_CAPS.match(pieces[0]):
            pieces = [caps.group()]
        # "Head of Children, Families and Justice Services": a list of capitalised functions in a title.
        while len(pieces) > 1 and OF_PHRASE_END.search(pieces[0]) and LIST_GOES_ON.match(pieces[1]):
            pieces[0:2] = [f"{pieces[0]},{pieces[1]}"]
        first = re.split(r"\s+(?:said|says|added|adds|explained|commented|stated|told)\b", pieces[0])[0]
        if has_role_head(first) and not speech_after().match(first):
            role, org = split_role(first)
            stop = end + match.start("phrase") + len(first.rstrip())
            if (
                org is None
                and len(pieces) > 1
                and is_org_like(pieces[1])
                and not speech_after().match(pieces[1])
            ):
                org = pieces[1].strip()
                stop = end + match.start("phrase") + len(pieces[0]) + 1 + len(pieces[1].rstrip())
            return role, org, stop
    if (match := AFTER_SPACE.match(tail)) and starts_with_role(match["phrase"]):
        role, org = split_role(match["phrase"])
        return role, org, end + match.end("phrase")
    return None, None, end
