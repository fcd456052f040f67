"""Role phrases: a job title apart from its organisation ("chief executive of the Care Inspectorate")."""

from __future__ import annotations

import re
from functools import cache

from inspextract.lexicon import councils, inspectorates, load_json

# An apposition longer than this is a clause, not a job title (words).
ROLE_MAX_WORDS = 14
# Prepositions that join a title to its organisation: "Chair of", "Director of Education at".
ROLE_ORG_JOIN = re.compile(r"\s+(?P<prep>of|at|for|with|within|in)\s+(?P<the>the\s+)?", re.IGNORECASE)
# "the Care Inspectorate's chief executive": the organisation in the possessive.
POSSESSIVE_ORG = re.compile(r"(?P<org>.+?)['’]s\s+(?P<role>.+)")
LEADING_ARTICLE = re.compile(
    r"^(?:who\s+(?:is|was)\s+)?(?:(?:the|a|an|our|its|their|and|but)\s+)?", re.IGNORECASE
)


@cache
def _roles() -> dict[str, list[str]]:
    return load_json("roles")


@cache
def role_words() -> frozenset[str]:
    """Lower-case words of titles, heads and modifiers: never part of a name."""
    words = set(_roles()["head_words"])
    for key in ("titles", "function_heads", "modifiers"):
        for phrase in _roles()[key]:
            words.update(w.lower() for w in phrase.split())
    return frozenset(words)


def _words(phrase: str) -> list[str]:
    return re.findall(r"[a-z]+(?:-[a-z]+)*", phrase.lower())


def has_role_head(phrase: str) -> bool:
    """The phrase names a job: it holds a role word and is short enough to be a title."""
    words = _words(phrase)
    heads = set(_roles()["head_words"])
    return 0 < len(words) <= ROLE_MAX_WORDS and any(w in heads for w in words)


def starts_with_role(phrase: str) -> bool:
    """The phrase opens with a title ("Chair of ...", "Interim Chief Executive ...")."""
    words = _words(LEADING_ARTICLE.sub("", phrase))
    modifiers = {m.lower() for m in _roles()["modifiers"]}
    while words and words[0] in modifiers:
        words.pop(0)
    return bool(words) and words[0] in set(_roles()["head_words"]) | {
        w.split()[0].lower() for w in _roles()["titles"]
    }


def title_start(words: list[str]) -> int:
    """Where the title begins in "Org Title" words ("Scottish Borders Council | Chief Executive")."""
    strong = set(_roles()["head_words"]) | {m.lower() for m in _roles()["modifiers"]}
    weak = {w.split()[0].lower() for w in _roles()["titles"]}
    # A head word ("chief", "director") marks a title more surely than a title's first word ("medical").
    for starts in (strong, weak):
        for i, word in enumerate(words):
            if word.lower() in starts and (i == 0 or is_org_like(" ".join(words[:i]))):
                return i
    return next((i for i, w in enumerate(words) if w.lower() in strong), 0)


def shares_employer_word(org_words: list[str], title_words: list[str]) -> bool:
    """The org's last word opens a title as printed ("Midlothian Council | Leader": "Council Leader")."""
    if not org_words or not title_words:
        return False
    phrase = " ".join([org_words[-1], *title_words])
    return any(phrase.startswith(title) for title in _roles()["titles"])


def is_org_like(phrase: str) -> bool:
    """The phrase names an organisation: a known inspectorate or council, or ends with an org word."""
    phrase = LEADING_ARTICLE.sub("", phrase.strip())
    if not phrase or not phrase[0].isupper() or len(phrase.split()) > ROLE_MAX_WORDS:
        return False
    for lexicon in (inspectorates(), councils()):
        if any(m.start == 0 for m in lexicon.find(phrase)):
            return True
    words = _words(phrase)
    return bool(words) and words[-1] in set(load_json("names")["org_heads"])


def _is_function_head(left: str) -> bool:
    # "Director of Education", "Head of Service": the of-phrase is part of the title, not an organisation.
    heads = [h.lower() for h in _roles()["function_heads"]]
    return any(left.lower().endswith(h) for h in heads)


def split_role(phrase: str) -> tuple[str, str | None]:
    """(role, organisation or None) from a printed role phrase, both as printed."""
    phrase = LEADING_ARTICLE.sub("", phrase.strip(" \t\u00a0,–—"))
    possessive = POSSESSIVE_ORG.fullmatch(phrase)
    if possessive and starts_with_role(possessive["role"]):
        owner = possessive["org"].strip()
        # "the Care Inspectorate's chief executive", "HMIE's lead inspector"; a one-word possessive in
        # title case is a country's office ("Scotland's Commissioner for Children"), not an employer.
        if is_org_like(owner) and (" " in owner or owner.isupper()):
            return possessive["role"], owner
        # "the council's cabinet member for schools": a common noun points to an employer named elsewhere.
        if owner.islower() and " " not in owner:
            return possessive["role"], None
    for join in ROLE_ORG_JOIN.finditer(phrase):
        left, right = phrase[: join.start()], phrase[join.end() :].strip()
        if not has_role_head(left):
            continue
        prep = join["prep"].lower()
        # "Cabinet Secretary for the Constitution" keeps its for-phrase; "Director of the X Trust" does not.
        keeps_title = _is_function_head(left) and (prep == "for" or (prep == "of" and not join["the"]))
        # "Lead Officer for Child Protection": a for-phrase that names no organisation is the title's.
        if keeps_title or (prep == "for" and not is_org_like(right)):
            continue
        if right[:1].isupper():
            return left, _first_org(right)
        break
    return phrase, None


def _first_org(right: str) -> str:
    """ "Moray Council and chair of the X Partnership": a second office after "and" ends the organisation."""
    for joint in re.finditer(r"\s+and\s+", right):
        if starts_with_role(right[joint.end() :]) and is_org_like(right[: joint.start()]):
            return right[: joint.start()]
    return right


def leading_org(phrase: str) -> str | None:
    """An employer named alone after a name ("Name, Northbury Council", "Name, CIW provided …")."""
    phrase = phrase.strip(" \t\u00a0")
    known = [m for m in inspectorates().find(phrase) if m.start == 0]
    if known:
        return phrase[: known[0].end]
    words = _words(phrase)
    # The whole part names the employer ("Northbury Council"), not a clause that opens with one.
    if is_org_like(phrase) and words and words[-1] in set(load_json("names")["org_heads"]):
        return phrase
    return None
