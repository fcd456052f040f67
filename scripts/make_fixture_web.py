"""Generate web-page (HTML) and Word (DOCX) versions of the dev corpus documents, with their gold beside.

    python scripts/make_fixture_web.py            # writes fixtures/dev-html and fixtures/dev-docx

Press releases become a saved council/inspectorate news page (navigation, cookie banner, breadcrumbs, share
links, a "Latest Articles" list, footer, scripts around the article); committee reports become Word files with
heading styles, numbered paragraphs (real Word numbering for some, typed numbers for others), a label/value
table, bullets and a page header/footer. The output is deterministic (fixed zip dates, fixed core properties).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import itertools
import re
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "fixtures" / "dev"
PRESS_RELEASES = ("000_ec44523ad50dec88", "004_5bd155181e1959c4")
COMMITTEE_REPORTS = ("002_84b999fd0e3ca32a", "003_5229978e709c4c21")
BULLET_LINE = re.compile(r"^\s*[•\-]\s+")
FIXED_ZIP_DATE = (2024, 1, 1, 0, 0, 0)

PAGE_HEAD = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title} | Care Inspectorate</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/templates/ci/css/template.css">
<style>.cookie-banner{{position:fixed;bottom:0}} body::before{{content:"STYLE TEXT MUST NOT APPEAR"}}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}
gtag('js', new Date()); var msg = "SCRIPT TEXT MUST NOT APPEAR";</script>
</head>
<body class="site com_content view-article">
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookie consent">
  <p>We use cookies to make this website work and to measure how it is used.
  <a href="/cookies">Read our cookie policy</a>.</p>
  <button type="button">Accept all cookies</button> <button type="button">Reject</button>
</div>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <a href="/" class="logo"><img src="/images/logo.svg" alt="Care Inspectorate logo"></a>
  <form class="search" action="/search"><label for="q">Search</label><input id="q" name="q">
  <button>Go</button></form>
  <nav class="main-nav" aria-label="Main">
    <ul>
      <li><a href="/find-a-care-service">Find a care service</a></li>
      <li><a href="/publications">Publications and statistics</a></li>
      <li><a href="/news">News</a></li>
      <li><a href="/about-us">About us</a></li>
      <li><a href="/contact">Contact us</a></li>
    </ul>
  </nav>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb">
  <ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>{title}</li></ol>
</nav>
<div class="container">
<main id="main">
<article class="item-page">
{body}
<div class="share-links"><span>Share this page:</span>
  <a href="https://twitter.com/intent/tweet?url=x">Twitter</a>
  <a href="https://www.facebook.com/sharer.php?u=x">Facebook</a>
  <a href="mailto:?subject=News">Email</a>
</div>
</article>
</main>
<aside class="sidebar">
  <h3>Latest Articles</h3>
  <ul class="latest-news">
    <li><a href="/news/1">New guidance for care homes on visiting published</a></li>
    <li><a href="/news/2">Annual report shows improvement in early learning settings</a></li>
    <li><a href="/news/3">Inspection of adult services in Fife published</a></li>
  </ul>
</aside>
</div>
<footer class="site-footer">
  <p>Care Inspectorate, Compass House, 11 Riverside Drive, Dundee DD1 4NY</p>
  <p>&copy; Care Inspectorate 2016 &middot; <a href="/privacy">Privacy</a> &middot;
  <a href="/accessibility">Accessibility</a></p>
</footer>
<noscript><p>NOSCRIPT TEXT MUST NOT APPEAR</p></noscript>
<script src="/media/jui/js/jquery.min.js"></script>
<script>document.getElementById('cookie-banner').hidden = true;</script>
</body>
</html>
"""


# An older council site: div layout without <main>/<article>, ids instead of landmarks, a "Related news"
# column and an AddThis share bar; the article is only found by dropping the furniture around it.
COUNCIL_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title} - Scottish Borders Council</title>
<script type="text/javascript">var _gaq = _gaq || []; _gaq.push(['_trackPageview']);
// SCRIPT TEXT MUST NOT APPEAR
</script>
</head>
<body>
<div id="wrapper">
<div id="cookieMessage"><p>This site uses cookies. By continuing to browse you agree to our use of cookies.
<a href="/cookies">Find out more</a> <a href="#" onclick="hide()">Close</a></p></div>
<div id="header">
  <div id="logo"><a href="/"><img src="/logo.gif" alt="Scottish Borders Council" /></a></div>
  <ul id="topmenu"><li><a href="/az">A to Z</a></li><li><a href="/news">News</a></li>
  <li><a href="/jobs">Jobs</a></li><li><a href="/contact">Contact us</a></li></ul>
</div>
<div id="breadcrumbs">You are here: <a href="/">Home</a> &gt; <a href="/news">News</a> &gt; {title}</div>
<div id="content-area">
<div class="news-item">
{body}
<div class="addthis_toolbox"><a class="addthis_button_facebook">Facebook</a>
<a class="addthis_button_twitter">Twitter</a> <a class="addthis_button_email">Email</a></div>
</div>
<div id="right-column">
  <h2>Related news</h2>
  <ul><li><a href="/news/11">Council budget agreed for 2016/17</a></li>
  <li><a href="/news/12">Roadworks on the A7 at Galashiels</a></li>
  <li><a href="/news/13">Library opening hours over the holiday</a></li></ul>
</div>
</div>
<div id="footer"><p>Scottish Borders Council, Council Headquarters, Newtown St Boswells, Melrose TD6 0SA</p>
<p><a href="/privacy">Privacy</a> | <a href="/accessibility">Accessibility</a> | &copy; 2016</p></div>
</div>
</body>
</html>
"""


def to_html_text(text: str) -> str:
    """Escape text the way a CMS does: curly quotes and ampersands as named entities, some nbsp."""
    out = html.escape(text, quote=False)
    for char, entity in (("’", "&rsquo;"), ("‘", "&lsquo;"), ("“", "&ldquo;"), ("”", "&rdquo;")):
        out = out.replace(char, entity)
    return out.replace("Care Inspectorate", "Care&nbsp;Inspectorate", 1)


def press_release_html(text: str, template: str = PAGE_HEAD) -> str:
    """A news page whose article holds this press release: title, standfirst, paragraphs and bullet lists."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    if blocks and blocks[-1].strip() == "Latest Articles":
        blocks.pop()  # that scraped trailing heading is the page's sidebar, which the template supplies
    first_is_title = len(blocks[0].split()) <= 12 and not blocks[0].rstrip().endswith(".")
    title = blocks[0].strip() if first_is_title else "Inspection of services for children and young people"
    parts: list[str] = []
    for i, block in enumerate(blocks):
        if i == 0 and first_is_title:
            parts.append(f'<h1 class="page-title">{to_html_text(block.strip())}</h1>')
            continue
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if all(BULLET_LINE.match(ln) for ln in lines):
            items = "".join(
                f"\n  <li><strong>{to_html_text(BULLET_LINE.sub('', ln))}</strong></li>" for ln in lines
            )
            parts.append(f"<ul>{items}\n</ul>")
        elif len(lines) == 1 and len(lines[0].split()) <= 4 and not lines[0].endswith((".", ":")):
            parts.append(f"<h2>{to_html_text(lines[0])}</h2>")
        elif i == 1 and first_is_title:
            parts.append(f'<p class="lead"><em>{to_html_text(lines[0])}</em></p>')
        else:
            joined = "<br>\n".join(to_html_text(ln) for ln in lines)
            joined = joined.replace("available here:", 'available <a href="/download/report.pdf">here</a>:')
            parts.append(f"<p>{joined}</p>")
    return template.format(title=to_html_text(title), body="\n".join(parts))


LABEL_LINE = re.compile(r"^([A-Z][\w ]{1,30}):[\s\u00a0]*$")
TYPED_NUMBER = re.compile(r"^(?:-\s+)?(?:\*\*)?(\d+(?:\.\d+)?)\.?(?:\*\*)?\s+(.*)$", re.S)
# Our own multi-level list: "1." at level 0, "1.1" at level 1, the scheme committee papers use.
NUM_ID = 90


def add_multilevel_numbering(document) -> None:  # type: ignore[no-untyped-def]
    """Define a Word list (abstractNum + num) numbering "1." / "1.1" in the document's numbering part."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{567 * (i + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
        for i, text in enumerate(("%1.", "%1.%2"))
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUM_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    first_num.addprevious(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>')
    )


def number_paragraph(paragraph, level: int) -> None:  # type: ignore[no-untyped-def]
    """Give a paragraph real Word numbering from our list, at this level."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = NUM_ID


def add_text_with_breaks(paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    """Add text keeping its tabs and line breaks as Word tabs and breaks."""
    for i, line in enumerate(text.split("\n")):
        if i:
            paragraph.add_run().add_break()
        for j, piece in enumerate(line.split("\t")):
            if j:
                paragraph.add_run().add_tab()
            if piece:
                paragraph.add_run(piece)


def committee_report_docx(text: str, created: dt.datetime) -> bytes:
    """A Word committee paper with this text: heading styles, numbering, a label/value table, bullets."""
    import docx

    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = created
    document.core_properties.author = "Committee Services"
    add_multilevel_numbering(document)
    section = document.sections[0]
    section.header.paragraphs[0].text = "OFFICIAL – committee paper"
    section.footer.paragraphs[0].text = "Page 1 of 3 – printed copies are uncontrolled"
    lines = text.replace("\r\n", "\n").split("\n")
    # Paragraph numbers are real Word numbering when the sequence has no gaps; a gap means typed numbers.
    numbers = [m[1] for ln in lines if (m := TYPED_NUMBER.match(ln.strip()))]
    gapped_sections = {
        n.split(".")[0]
        for prev, n in itertools.pairwise(numbers)
        if "." in n
        and "." in prev
        and n.split(".")[0] == prev.split(".")[0]
        and int(n.split(".")[1]) != int(prev.split(".")[1]) + 1
    }
    table = None
    i = 0
    first = True
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        if first:
            first = False
            if not line.endswith(".") and len(line.split()) > 3 and not line.startswith("Report by"):
                document.add_heading(line, level=1)
                continue
        if m := LABEL_LINE.match(line):
            value = lines[i].strip() if i < len(lines) and not LABEL_LINE.match(lines[i].strip()) else ""
            i += 1 if value else 0
            if table is None:
                table = document.add_table(rows=0, cols=2)
                table.style = "Table Grid"
            row = table.add_row().cells
            row[0].text, row[1].text = f"{m[1]}:", value
            continue
        table = None
        if BULLET_LINE.match(line) and not TYPED_NUMBER.match(line):
            document.add_paragraph(BULLET_LINE.sub("", line), style="List Bullet")
            continue
        if m := TYPED_NUMBER.match(line):
            number, body = m[1], m[2]
            is_heading = "." not in number and len(body.split()) <= 6 and not body.endswith(".")
            if is_heading:
                heading = document.add_heading(body, level=1)
                number_paragraph(heading, 0)
            elif "." in number and number.split(".")[0] not in gapped_sections:
                number_paragraph(document.add_paragraph(body), 1)
            elif "." in number:
                document.add_paragraph(f"{number} {body}")
            else:
                number_paragraph(document.add_paragraph(body), 0)
            continue
        block = [lines[i - 1].rstrip()]
        while i < len(lines) and lines[i].strip() and lines[i].startswith("\t"):
            block.append(lines[i].rstrip())
            i += 1
        add_text_with_breaks(document.add_paragraph(), "\n".join(ln.strip() for ln in block))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_fixed_zip(data: bytes, target: Path) -> None:
    """Rewrite a zip with fixed member dates so that the fixture is byte-for-byte reproducible."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, src.read(info.filename))


def main() -> int:
    for name in ("dev-html", "dev-docx"):
        for sub in ("docs", "gold"):
            shutil.rmtree(ROOT / "fixtures" / name / sub, ignore_errors=True)
            (ROOT / "fixtures" / name / sub).mkdir(parents=True)
    for stem, template in zip(PRESS_RELEASES, (PAGE_HEAD, COUNCIL_PAGE), strict=True):
        text = (DEV / "docs" / f"{stem}.txt").read_text(encoding="utf-8")
        page = press_release_html(text, template)
        (ROOT / "fixtures/dev-html/docs" / f"{stem}.html").write_text(page, "utf-8")
        shutil.copy(DEV / "gold" / f"{stem}.json", ROOT / "fixtures/dev-html/gold")
    created = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    for stem in COMMITTEE_REPORTS:
        text = (DEV / "docs" / f"{stem}.txt").read_text(encoding="utf-8")
        write_fixed_zip(
            committee_report_docx(text, created), ROOT / "fixtures/dev-docx/docs" / f"{stem}.docx"
        )
        shutil.copy(DEV / "gold" / f"{stem}.json", ROOT / "fixtures/dev-docx/gold")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
