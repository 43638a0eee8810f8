"""Counsel's Word file laid out as a firm sends one (issue 17, item 5), read from its XML:
headings numbered by a Word list linked to the heading styles, a header with the business and
the draft marking until publication, "Page X of Y", a written-out contents with PAGEREF fields
and no update-fields prompt, and tables that fit the page (fixed widths no narrower than their
words where they fit side by side, a repeated header row, unsplit rows, a landscape section for
the category table)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from lxml import etree

from drafter.build import render
from drafter.cli import main
from drafter.document.model import Draft
from drafter.export import FORMATS
from drafter.export.docx_layout import DRAFT_MARK, paragraph_text
from drafter.export.docx_tables import CELL_PADDING, TABLE_FONT, WIDE, _char_twips
from drafter.paths import examples
from tests.conftest import real_project

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
LARGEST = "email-platform"  # the longest example, with the CCPA category table


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")}


def _docx(name: str = LARGEST, published: bool = False) -> bytes:
    project = real_project()
    draft = project.draft(project.answers(examples()[name]))
    return render(Draft(draft.policy, draft.notes, tree=draft.tree), [FORMATS["docx"]],
                  published=published)[".docx"]


@pytest.fixture(scope="module")
def largest() -> bytes:
    return _docx()


def test_headings_are_numbered_by_a_list_linked_to_the_heading_styles(largest: bytes) -> None:
    parts = _parts(largest)
    styles, numbering = parts["word/styles.xml"], parts["word/numbering.xml"]
    ids = {}
    for style_id in ("Heading1", "Heading2"):
        style = styles.xpath(f'w:style[@w:styleId="{style_id}"]', namespaces=NS)[0]
        ids[style_id] = style.xpath("w:pPr/w:numPr/w:numId/@w:val", namespaces=NS)
    assert ids["Heading1"] == ids["Heading2"] and len(ids["Heading1"]) == 1
    abstract = numbering.xpath(f'w:num[@w:numId="{ids["Heading1"][0]}"]/w:abstractNumId/@w:val',
                               namespaces=NS)[0]
    levels = numbering.xpath(f'w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl',
                             namespaces=NS)
    linked = [(lvl.get(_w("ilvl")), lvl.xpath("w:pStyle/@w:val", namespaces=NS),
               lvl.xpath("w:lvlText/@w:val", namespaces=NS)) for lvl in levels]
    assert linked == [("0", ["Heading1"], ["%1."]), ("1", ["Heading2"], ["%1.%2"])]
    # The contents' own heading is neither numbered nor listed in the contents.
    doc = Document(BytesIO(largest))
    contents = next(p for p in doc.paragraphs if p.text == "Contents")
    assert contents._p.xpath("./w:pPr/w:numPr/w:numId/@w:val") == ["0"]
    assert contents._p.xpath("./w:pPr/w:outlineLvl/@w:val") == ["9"]


def test_a_paragraph_s_text_is_the_one_python_docx_reads() -> None:
    """The contents' titles are read as python-docx's `Paragraph.text` reads a heading: runs
    and hyperlinks' runs, tabs, breaks and hyphens as it turns them, and nothing else (not
    a tracked insertion's runs, not a bookmark)."""
    doc = Document()
    paragraph = doc.add_paragraph("Who we \tare")
    paragraph.add_run("and\nwhat").add_break()
    paragraph.add_run().add_break(WD_BREAK.PAGE)  # no text
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paragraph._p.append(etree.fromstring(
        f'<w:hyperlink xmlns:w="{w}"><w:r><w:t>linked</w:t><w:noBreakHyphen/>'
        f'<w:cr/><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/></w:r>'
        f'</w:hyperlink>'))
    paragraph._p.append(etree.fromstring(
        f'<w:ins xmlns:w="{w}" w:id="1" w:author="A"><w:r><w:t>inserted</w:t></w:r></w:ins>'))
    paragraph._p.append(etree.fromstring(f'<w:bookmarkStart xmlns:w="{w}" w:id="2" w:name="b"/>'))
    paragraph.add_run(" end")
    doc = Document(_saved(doc))  # read back, so every element is python-docx's own class
    [read] = doc.paragraphs
    assert paragraph_text(read._p) == read.text
    assert "linked" in read.text and "inserted" not in read.text


def _saved(doc) -> BytesIO:
    out = BytesIO()
    doc.save(out)
    out.seek(0)
    return out


def test_header_marks_the_draft_until_published_and_footer_counts_pages() -> None:
    for published in (False, True):
        parts = _parts(_docx("kiosk", published))
        headers = [x for n, x in parts.items() if n.startswith("word/header")]
        footers = [x for n, x in parts.items() if n.startswith("word/footer")]
        assert headers and footers
        for header in headers:
            text = "".join(header.xpath("//w:t/text()", namespaces=NS))
            assert text.startswith("Parcel Point Kiosks, Inc.")
            assert (DRAFT_MARK in text) is not published
        fields = [" ".join(f.xpath("//w:instrText/text()", namespaces=NS)).split()
                  for f in footers]
        assert ["PAGE", "NUMPAGES"] in fields
        footer = next(f for f in footers if "PAGE" in f.xpath("//w:instrText/text()",
                                                               namespaces=NS)[0])
        assert "".join(footer.xpath("//w:t/text()", namespaces=NS)).startswith("Page 1 of 1")


def test_contents_are_written_out_with_pageref_fields_and_no_update_prompt(
        largest: bytes) -> None:
    parts = _parts(largest)
    assert not parts["word/settings.xml"].xpath("//w:updateFields", namespaces=NS)
    body = parts["word/document.xml"]
    instructions = [" ".join(t.split()) for t in body.xpath("//w:instrText/text()",
                                                            namespaces=NS)]
    assert instructions[0] == 'TOC \\o "1-2" \\h \\z \\u'
    links = body.xpath('//w:p[w:pPr/w:pStyle/@w:val="TOC1" or w:pPr/w:pStyle/@w:val="TOC2"]'
                       '/w:hyperlink/@w:anchor', namespaces=NS)
    assert [i for i in instructions[1:] if i.startswith("PAGEREF")] == \
        [f"PAGEREF {name} \\h" for name in links]
    doc = Document(BytesIO(largest))
    marked = {}
    for p in doc.paragraphs:
        for name in p._p.xpath("./w:bookmarkStart/@w:name"):
            if name.startswith("_Toc"):
                marked[name] = (p.style.name, p.text)
    assert list(marked) == links
    titles = [text for style, text in marked.values() if style == "Heading 1"]
    sections = [s.title for s in real_project().draft(
        real_project().answers(examples()[LARGEST])).policy.sections]
    assert titles == sections
    entries = [p.text for p in doc.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    assert entries[0] == f"1.\t{sections[0]}\t" and entries[1] == f"2.\t{sections[1]}\t"


def _cells(row: etree._Element) -> list[str]:
    return ["".join(tc.xpath(".//w:t/text()", namespaces=NS)) for tc in
            row.xpath("w:tc", namespaces=NS)]


def test_the_category_table_fits_a_landscape_page_without_breaking_words(
        largest: bytes) -> None:
    tables = _parts(largest)["word/document.xml"].xpath("//w:tbl", namespaces=NS)
    tbl = next(t for t in tables if _cells(t.xpath("w:tr", namespaces=NS)[0])[:2] ==
               ["Group", "What it includes"])
    header = _cells(tbl.xpath("w:tr", namespaces=NS)[0])
    assert len(header) >= 6
    assert tbl.xpath("w:tblPr/w:tblLayout/@w:type", namespaces=NS) == ["fixed"]
    rows = tbl.xpath("w:tr", namespaces=NS)
    assert rows[0].xpath("w:trPr/w:tblHeader", namespaces=NS)
    assert not any(r.xpath("w:trPr/w:tblHeader", namespaces=NS) for r in rows[1:])
    assert all(r.xpath("w:trPr/w:cantSplit", namespaces=NS) for r in rows)
    # Its own section: the paragraph after it ends a landscape section, the one before it a
    # portrait one.
    after = tbl.getnext().xpath("w:pPr/w:sectPr/w:pgSz", namespaces=NS)[0]
    before = tbl.getprevious().xpath("w:pPr/w:sectPr/w:pgSz", namespaces=NS)[0]
    assert after.get(_w("orient")) == "landscape"
    assert int(after.get(_w("w"))) > int(after.get(_w("h")))
    assert int(before.get(_w("w"))) < int(before.get(_w("h")))
    margins = tbl.getnext().xpath("w:pPr/w:sectPr/w:pgMar", namespaces=NS)[0]
    text_width = int(after.get(_w("w"))) - int(margins.get(_w("left"))) - \
        int(margins.get(_w("right")))
    widths = [int(w) for w in tbl.xpath("w:tblGrid/w:gridCol/@w:w", namespaces=NS)]
    assert sum(widths) <= text_width
    # No column narrower than its longest word: Word breaks a word mid-way only then.
    char = _char_twips(TABLE_FONT)
    for c, width in enumerate(widths):
        longest = max(len(w) for row in rows for w in _cells(row)[c].split())
        assert width >= longest * char + CELL_PADDING, (header[c], width, longest)
    # A two-column table stays on the portrait page, fitted the same way.
    small = next(t for t in tables if len(t.xpath("w:tblGrid/w:gridCol", namespaces=NS)) == 2)
    assert small.xpath("w:tblPr/w:tblLayout/@w:type", namespaces=NS) == ["fixed"]
    assert small.getnext().xpath("w:pPr/w:sectPr", namespaces=NS) == []


def test_publishing_drops_the_draft_marking(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    shutil.copy(examples()["kiosk"], answers)
    out = tmp_path / "out"

    def marked() -> bool:
        folder = next(out.iterdir())
        header = zipfile.ZipFile(folder / "privacy-policy.docx").read("word/header1.xml")
        return DRAFT_MARK.encode() in header

    assert main(["build", str(answers), "-o", str(out), "--format", "md,docx"]) == 0
    assert marked()
    assert main(["publish", str(answers), "-o", str(out), "--format", "md,docx",
                 "--date", "2026-12-01", "--no-page-numbers"]) == 0
    assert not marked()
    kept = next((next(out.iterdir()) / "history").iterdir())
    assert DRAFT_MARK.encode() not in zipfile.ZipFile(
        kept / "privacy-policy.docx").read("word/header1.xml")
    assert main(["build", str(answers), "-o", str(out), "--format", "md,docx"]) == 0
    assert not marked()  # the same text as the published version


def test_page_numbers_from_libreoffice_are_the_pages_headings_land_on(tmp_path: Path) -> None:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice (soffice) and pdftotext are needed")
    project = real_project()
    draft = project.draft(project.answers(examples()["california-store"]))
    data = render(draft, [FORMATS["docx"]], lay_out=True)[".docx"]
    doc = Document(BytesIO(data))
    cached = {}
    for p in doc.paragraphs:
        if p.style.name in ("TOC 1", "TOC 2"):
            *number, title, page = p.text.split("\t")  # the appendix has no number
            cached[("".join(number), title)] = int(page)
    assert len(cached) > 10 and list(cached.values()) == sorted(cached.values())
    (tmp_path / "p.docx").write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "p.docx")], check=True, capture_output=True, timeout=300)
    pages = subprocess.run([pdftotext, str(tmp_path / "p.pdf"), "-"], check=True,
                           capture_output=True).stdout.decode().split("\f")
    for (number, title), page in cached.items():
        text = " ".join(pages[page - 1].split())
        assert f"{number} {title}".strip() in text, (number, title, page)


def test_the_promises_table_in_its_content_control_is_fitted_like_the_others(
        tmp_path: Path) -> None:
    assert main(["build", "--example", LARGEST, "-o", str(tmp_path), "--format", "docx"]) == 0
    [path] = tmp_path.glob("*/privacy-policy.docx")
    [tbl] = _parts(path.read_bytes())["word/document.xml"].xpath(
        "//w:sdt/w:sdtContent/w:tbl", namespaces=NS)
    assert tbl.xpath("w:tblPr/w:tblLayout/@w:type", namespaces=NS) == ["fixed"]
    rows = tbl.xpath("w:tr", namespaces=NS)
    assert len(rows) > 5
    assert [len(r.xpath("w:trPr/w:tblHeader", namespaces=NS)) for r in rows] == \
        [1] + [0] * (len(rows) - 1)
    assert all(len(r.xpath("w:trPr/w:cantSplit", namespaces=NS)) == 1 for r in rows)
    widths = [int(w) for w in tbl.xpath("w:tblGrid/w:gridCol/@w:w", namespaces=NS)]
    assert sum(widths) == 8640  # the 6in between the portrait page's margins
    # A link in a promise is too long to stand whole beside the other columns' longest
    # words: the columns of the longest words start at 1.25in and share the rest by their
    # text (Word and LibreOffice wrap a word inside its cell), the "#" column keeps its
    # numbers whole, and the promises, the most text, get the widest column.
    char = _char_twips(TABLE_FONT)
    least = []
    for c in range(len(widths)):
        paragraphs = [p for row in rows for p in row.xpath(f"w:tc[{c + 1}]/w:p", namespaces=NS)]
        longest = max(len(w) for p in paragraphs for w in
                      "".join(p.xpath(".//w:t/text()", namespaces=NS)).split())
        least.append(longest * char + CELL_PADDING)
    assert sum(least) > 8640 and widths[0] == least[0]
    assert all(w >= WIDE for w in widths[1:]) and max(widths) == widths[1], widths
