"""The DOCX reader: paragraphs, headings, list numbers and tables as lines; hostile zips refused safely."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from inspextract.errors import DamagedInput, TooLarge
from inspextract.limits import Limits
from inspextract.pipeline import read_document
from inspextract.readers.docx import read_docx
from inspextract.readers.docx_package import CappedPart
from inspextract.segment import segment

from .conftest import FIXTURES, corpus_documents
from .test_html_reader import word_ratio

DOCX_DOCS = corpus_documents("dev-docx")
# Measured: 1.0 for both committee papers (002, 003) with `\w+` words.
MIN_WORD_RATIO = 0.97
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def package(document_xml: str, **parts: str) -> bytes:
    """A minimal DOCX zip with this body XML (and any other parts, by name)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", document_xml)
        for name, xml in parts.items():
            z.writestr(name.replace("__", "/") + ".xml", xml)
    return out.getvalue()


def body(*paragraphs: str) -> str:
    return f'<?xml version="1.0"?><w:document {W}><w:body>{"".join(paragraphs)}</w:body></w:document>'


@pytest.mark.parametrize("path", DOCX_DOCS, ids=lambda p: p.name)
def test_word_file_reads_like_its_text_version(path: Path) -> None:
    docx_text = read_document(path)[0].text
    text_text = read_document(FIXTURES / "dev" / "docs" / f"{path.stem}.txt")[0].text
    assert word_ratio(docx_text, text_text) >= MIN_WORD_RATIO


def test_structure_of_a_committee_paper() -> None:
    doc = read_document(FIXTURES / "dev-docx" / "docs" / "002_84b999fd0e3ca32a.docx")[0]
    assert doc.format == "docx"
    lines = doc.text.split("\n")
    assert "Report by: Gerry Cornes, Chief Executive" in lines  # label/value table row
    assert [ln[:3] for ln in lines if ln[:1].isdigit()] == [f"{n}. " for n in range(1, 10)]  # real numbering
    assert sum(ln.startswith("- ") for ln in lines) == 15
    assert "OFFICIAL" not in doc.text and "Page 1 of 3" not in doc.text  # page header and footer


def test_multilevel_numbering_is_rebuilt() -> None:
    doc = read_document(FIXTURES / "dev-docx" / "docs" / "003_5229978e709c4c21.docx")[0]
    lines = doc.text.split("\n")
    for expected in ("1. Purpose", "2. Recommendations", "10. Strategic Assessment", "10.1 Not required."):
        assert expected in lines
    assert any(ln.startswith("3.5 In addition") for ln in lines)
    assert any(ln.startswith("4.5 An updated timetable") for ln in lines)  # typed number kept


def test_numbering_formats_and_restarts() -> None:
    numbering = (
        f'<w:numbering {W}><w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="(%2)"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="8"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>'
    )

    def item(num: int, level: int, text: str) -> str:
        return (
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
            f"<w:r><w:t>{text}</w:t></w:r></w:p>"
        )

    xml = body(
        item(7, 0, "One"), item(7, 1, "Sub"), item(7, 1, "Sub"), item(7, 0, "Two"), item(8, 0, "Again")
    )
    doc = read_docx(package(xml, word__numbering=numbering))
    assert doc.text == "1. One\n\n(a) Sub\n\n(b) Sub\n\n2. Two\n\n1. Again"


def test_runs_tabs_breaks_and_revisions() -> None:
    xml = body(
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        "<w:r><w:t>Person to Contact:</w:t><w:tab/><w:t>Beth</w:t></w:r>"
        '<w:del w:id="1"><w:r><w:delText>deleted words</w:delText></w:r></w:del>'
        '<w:ins w:id="2"><w:r><w:t xml:space="preserve"> Culshaw</w:t></w:r></w:ins>'
        "<w:r><w:br/><w:t>Email: b@example.org</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>'
    )
    doc = read_docx(package(xml))
    assert doc.text == "Person to Contact: Beth Culshaw\nEmail: b@example.org"
    assert doc.warnings == ("2 tracked change(s): read as if accepted",)


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("broken.docx", DamagedInput, "not a valid DOCX"),
        ("truncated.docx", DamagedInput, "damaged DOCX"),
        ("not-a-zip.docx", DamagedInput, "damaged DOCX"),
        ("zip-bomb.docx", TooLarge, "document too large"),
    ],
)
def test_bad_word_files_end_in_a_clear_error(bad_inputs: Path, name: str, error: type, message: str) -> None:
    started = time.perf_counter()
    with pytest.raises(error, match=message):
        read_document(bad_inputs / name)
    assert time.perf_counter() - started < 2


def test_zip_bomb_is_refused_before_inflating_under_a_memory_cap(bad_inputs: Path) -> None:
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1024 ** 3, 1024 ** 3))\n"
        "from inspextract.errors import TooLarge\n"
        "from inspextract.pipeline import read_document\n"
        "try:\n    read_document(sys.argv[1])\nexcept TooLarge as e:\n    print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(bad_inputs / "zip-bomb.docx")],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("document too large")


def test_inflated_bytes_are_capped_even_when_sizes_lie() -> None:
    data = package(body("<w:p><w:r><w:t>" + "x" * 5000 + "</w:t></w:r></w:p>"))
    with (
        zipfile.ZipFile(io.BytesIO(data)) as z,
        pytest.raises(TooLarge),
        CappedPart(z, "word/document.xml", [1000]) as part,
    ):
        while part.read(4096):
            pass
    with pytest.raises(TooLarge, match="document too large"):
        read_docx(data, limits=Limits(max_inflated_bytes=3000))


XXE = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + f"]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_entity_attacks_are_refused(xml: str) -> None:
    started = time.perf_counter()
    with pytest.raises(DamagedInput, match="DTD"):
        read_docx(package(xml))
    with pytest.raises(DamagedInput, match="DTD"):
        read_docx(package(body("<w:p><w:r><w:t>ok</w:t></w:r></w:p>"), word__styles=xml))
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_parser_itself_never_expands_entities(xml: str) -> None:
    # Defence in depth: even past the DTD check, the streaming parser resolves no entity.
    from lxml import etree

    from inspextract.readers.docx import BodyReader
    from inspextract.readers.docx_styles import Numbering, Styles
    from inspextract.readers.markup import BlockWriter

    writer = BlockWriter()
    try:
        BodyReader(Styles(), Numbering(), writer).read(io.BytesIO(xml.encode()))
    except etree.XMLSyntaxError as e:  # libxml2's own amplification guard may refuse it outright
        assert "amplification" in str(e)
    text = " ".join(t for _, t in writer.blocks)
    assert "root:" not in text and "lollol" not in text


def test_stream_cap_stops_the_parser_midway() -> None:
    # The cap that holds when declared sizes lie: the parser is fed from the capped stream and stops.
    from inspextract.readers.docx import BodyReader
    from inspextract.readers.docx_styles import Numbering, Styles
    from inspextract.readers.markup import BlockWriter

    data = package(body("<w:p><w:r><w:t>hello world</w:t></w:r></w:p>" * 20_000))
    with zipfile.ZipFile(io.BytesIO(data)) as z, pytest.raises(TooLarge, match="document too large"):
        BodyReader(Styles(), Numbering(), BlockWriter()).read(CappedPart(z, "word/document.xml", [100_000]))


def test_damaged_copies_of_a_word_file_never_crash() -> None:
    import random

    from inspextract.errors import InspextractError

    original = (FIXTURES / "dev-docx" / "docs" / "002_84b999fd0e3ca32a.docx").read_bytes()
    rng = random.Random(20240101)
    outcomes = {"record": 0, "error": 0}
    for _ in range(150):
        data = bytearray(original)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            read_docx(bytes(data))
            outcomes["record"] += 1
        except InspextractError:
            outcomes["error"] += 1
    assert outcomes["error"] > 0  # the damage was real


def test_hidden_text_is_not_read() -> None:
    xml = body(
        "<w:p><w:r><w:t>Shown</w:t></w:r>"
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> hidden</w:t></w:r></w:p>'
    )
    assert read_docx(package(xml)).text == "Shown"


def test_zip_with_too_many_members_is_refused_before_listing() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", body("<w:p><w:r><w:t>x</w:t></w:r></w:p>"))
        for i in range(6000):
            z.writestr(f"word/media/{i}.bin", b"")
    with pytest.raises(TooLarge, match="zip members"):
        read_docx(out.getvalue())


def paragraph(text: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def test_heading_stays_apart_from_a_paragraph_starting_in_lower_case() -> None:
    doc = read_docx(
        package(
            body(
                paragraph("Recommendations for the committee", "Heading2"),
                paragraph("members are asked to note the findings of the inspection."),
            )
        )
    )
    assert [(b.kind, b.text) for b in segment(doc)] == [
        ("heading", "Recommendations for the committee"),
        ("paragraph", "members are asked to note the findings of the inspection."),
    ]


def test_paragraph_cut_by_a_manual_break_is_one_paragraph() -> None:
    doc = read_docx(
        package(body(paragraph("The partnership will need to"), paragraph("sustain its progress.")))
    )
    assert doc.text == "The partnership will need to sustain its progress."
    assert [b.kind for b in doc.blocks] == ["paragraph"]
