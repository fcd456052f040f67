"""Finding a web page's article and dropping its furniture (navigation, banners, share links, link lists)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

# An <article> inside <main> is the content when it holds at least this share of main's text; below it the
# articles are teasers on a listing page and main itself is kept.
ARTICLE_SHARE_OF_MAIN = 0.5
# An element named like furniture is still kept when it holds more than this share of the page's text:
# theme wrappers carry classes such as "nav-open" or "has-sidebar" around the whole page.
FURNITURE_MAX_SHARE = 0.4
# A list of at least this many items that is nearly all link text is a menu or a "see also" list.
LINK_LIST_MIN_ITEMS = 3
LINK_LIST_MIN_LINK_SHARE = 0.9

# Without <main>, CMS templates name the content column; the first of these holding at least
# CONTENT_SHARE_OF_BODY of the page's text is taken (a smaller match is a teaser box, not the column).
CONTENT_SELECTORS = (
    "[itemprop=articleBody]", "#main-content", "#maincontent", ".main-content", "#content", ".content",
)  # fmt: skip
CONTENT_SHARE_OF_BODY = 0.3
FURNITURE_TAGS = "nav, aside, footer, form, dialog, [hidden], [aria-hidden=true]"
# Only furniture at page level: inside an <article> or <main> these hold the article's title and date.
PAGE_LEVEL_TAGS = "header"
PAGE_LEVEL_NAMES = frozenset({"header", "masthead", "banner", "footer"})
FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu"}
)
# Words in class/id names that site templates give to furniture (matched as whole hyphen/underscore parts).
FURNITURE_NAMES = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent",
        "gdpr", "share", "sharing", "social", "addthis", "sharethis", "related", "latest", "sidebar", "skip",
        "newsletter", "subscribe", "pagination", "pager", "comments", "promo", "advert", "ads", "banner",
        "toolbar", "feedback", "print", "tags", "sitemap",
    }
)  # fmt: skip
# Headings of the lists news pages append to an article ("Latest Articles", "Related news", "Share this").
RELATED_HEADING = re.compile(
    r"^\s*(?:(?:latest|related|recent|more|other|popular|top)\s+(?:articles?|news|stories|posts|"
    r"content|links|items|pages|updates)|you (?:may|might) also (?:like|be interested)|share(?: this(?: page|"
    r" article)?)?:?|follow us|tags?:?)\s*$",
    re.I,
)
# Furniture words also met glued to others ("cookieMessage", "addthis_toolbox", "socialbar").
FURNITURE_PREFIXES = ("cookie", "consent", "breadcrumb", "addthis", "sharethis", "social", "newsletter")
_NAME_PARTS = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class TextStats:
    """Text and link-text lengths, list items and article markers of every element, from one walk.

    Asking the parser for each candidate's text would cost the square of the page's size on deeply nested
    pages; these counts are taken once (bottom-up) and then looked up.
    """

    def __init__(self, root: LexborNode) -> None:
        self.chars: dict[int, int] = {}
        self.link_chars: dict[int, int] = {}
        self.items: dict[int, int] = {}
        self.holds_article: set[int] = set()
        walk: list[tuple[int, int | None, str, int]] = []  # (id, parent id, tag, own characters) in pre-order
        stack: list[tuple[LexborNode, int | None]] = [(root, None)]
        while stack:
            node, parent = stack.pop()
            if node.is_text_node:
                walk.append((node.mem_id, parent, "-text", len("".join((node.text_content or "").split()))))
            elif node.is_element_node:
                walk.append((node.mem_id, parent, node.tag or "", 0))
                stack.extend((child, node.mem_id) for child in node.iter(include_text=True))
        for mem_id, parent, tag, own in reversed(walk):  # children before their parents
            chars = self.chars[mem_id] = self.chars.get(mem_id, 0) + own
            links = self.link_chars[mem_id] = chars if tag == "a" else self.link_chars.get(mem_id, 0)
            items = self.items.get(mem_id, 0) + (tag == "li")
            if tag in ("h1", "main", "article"):
                self.holds_article.add(mem_id)
            if parent is not None:
                self.chars[parent] = self.chars.get(parent, 0) + chars
                self.link_chars[parent] = self.link_chars.get(parent, 0) + links
                self.items[parent] = self.items.get(parent, 0) + items
                if mem_id in self.holds_article:
                    self.holds_article.add(parent)

    def text(self, node: LexborNode) -> int:
        """Characters of visible text under a node (whitespace excluded)."""
        return self.chars.get(node.mem_id, 0)

    def link_share(self, node: LexborNode) -> float:
        """Share of a node's text that is link text."""
        text = self.text(node)
        return self.link_chars.get(node.mem_id, 0) / text if text else 0.0


def find_main_content(tree: LexborHTMLParser) -> tuple[LexborNode, str]:
    """The element holding the article, and how it was found ("article", "main", "content" or "body")."""
    body = tree.body or tree.root
    assert body is not None  # Lexbor always builds <html><body>
    stats = TextStats(body)
    text_length = stats.text
    mains = tree.css("main, [role=main]")
    root, how = (max(mains, key=text_length), "main") if mains else (body, "body")
    if how == "body":
        total = text_length(body)
        for selector in CONTENT_SELECTORS:
            found = tree.css_first(selector)
            if found is not None and text_length(found) >= CONTENT_SHARE_OF_BODY * total:
                root, how = found, "content"
                break
    articles = root.css("article, [role=article]")
    if articles:
        best = max(articles, key=text_length)
        if text_length(best) >= ARTICLE_SHARE_OF_MAIN * text_length(root):
            root, how = best, "article"
    return root, how


def title_outside(tree: LexborHTMLParser, content: LexborNode) -> LexborNode | None:
    """The page's <h1> when the content element lacks one (templates put it in a header above the article)."""
    if content.css_first("h1") is not None:
        return None
    scope = tree.css_first("main, [role=main]") or tree.body
    heading = scope.css_first("h1") if scope is not None else None
    return heading if heading is not None and not _inside(heading, content) else None


def _inside(node: LexborNode, ancestor: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != ancestor.mem_id:
        parent = parent.parent
    return parent is not None


def drop_boilerplate(root: LexborNode, *, page_level: bool = False) -> int:
    """Remove furniture inside the content element; returns how many elements were removed.

    `page_level` says the content element is the page (or a CMS content column), not an article or main.
    """
    stats = TextStats(root)
    total = max(1, stats.text(root))
    tags = f"{FURNITURE_TAGS}, {PAGE_LEVEL_TAGS}" if page_level else FURNITURE_TAGS
    removed = remove_outermost(
        [n for n in root.css(tags) if n.mem_id != root.mem_id and n.mem_id not in stats.holds_article]
    )
    removed += remove_outermost(
        [
            n
            for n in root.css("[class], [id], [role], [style]")
            if n.mem_id != root.mem_id and is_furniture(n, page_level) and _may_drop(n, total, stats)
        ]
    )
    related: list[LexborNode] = []
    for heading in root.css("h1, h2, h3, h4, h5, h6, p, div, span"):
        if _is_short_label(heading) and RELATED_HEADING.match(heading.text(deep=True) or ""):
            related.append(heading)
            following = heading.next
            while following is not None and not following.is_element_node:
                following = following.next
            if following is not None and following.tag in ("ul", "ol", "div", "nav", "section"):
                related.append(following)
    removed += remove_outermost(related)
    return removed + remove_outermost([n for n in root.css("ul, ol") if is_link_list(n, stats)])


def remove_outermost(nodes: list[LexborNode]) -> int:
    """Remove these nodes, skipping any inside another: a removed node frees its whole subtree."""
    chosen = {n.mem_id for n in nodes}
    outermost = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in chosen:
            parent = parent.parent
        if parent is None:
            outermost.append(node)
    for node in outermost:
        node.decompose()
    return len(outermost)


def is_furniture(node: LexborNode, page_level: bool = False) -> bool:
    """Whether an element's role, class, id or inline style marks it as page furniture."""
    attrs = node.attributes
    if (attrs.get("role") or "").strip().lower() in FURNITURE_ROLES:
        return True
    if _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    parts = [part.lower() for part in _NAME_PARTS.split(names) if part]
    names_used = FURNITURE_NAMES | PAGE_LEVEL_NAMES if page_level else FURNITURE_NAMES
    return any(part in names_used or part.startswith(FURNITURE_PREFIXES) for part in parts)


def is_link_list(listing: LexborNode, stats: TextStats) -> bool:
    """A list whose items are nearly all links: a menu or a list of other pages, not article text."""
    return (
        stats.items.get(listing.mem_id, 0) >= LINK_LIST_MIN_ITEMS
        and stats.link_share(listing) >= LINK_LIST_MIN_LINK_SHARE
    )


def _is_short_label(node: LexborNode) -> bool:
    """A heading, or a div/span/p that holds only a line of text (checked without walking its subtree)."""
    if node.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return True
    first = node.child
    while first is not None and first.tag in ("strong", "b", "span", "em"):
        first = first.child
    return (
        first is not None and first.is_text_node and first.next is None and len(first.text_content or "") < 60
    )


def _may_drop(node: LexborNode, total: int, stats: TextStats) -> bool:
    """Furniture-named and safe to drop: small, or nearly all links (mega-menus outweigh short articles)."""
    if node.mem_id in stats.holds_article:
        return False
    return (
        stats.text(node) <= FURNITURE_MAX_SHARE * total or stats.link_share(node) >= LINK_LIST_MIN_LINK_SHARE
    )
