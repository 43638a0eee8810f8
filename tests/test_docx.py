"""The DOCX for counsel, read back with python-docx and as XML, and opened by LibreOffice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx import Document

from drafter.build import render
from drafter.export import FORMATS
from drafter.paths import examples
from drafter.document.provenance import bookmark_name
from drafter.document.model import Draft, Note
from tests.conftest import real_project

NOTES = (
    Note("R1", "blocking", "sharing", "Say which companies receive data for advertising.",
         "requirement", requirement="test.sharing", cite="Cal. Civ. Code §1798.100", anchor="sharing.overview",
         resolves_by="sharing.vendors"),
    Note("R2", "warning", "cookies", "Name the advertising cookies.", "test",
         anchor="cookies"),
    Note("R3", "advice", "scope", "Consider a short summary at the top.", "test"),
)


def _draft(name: str, notes: tuple[Note, ...] = NOTES) -> Draft:
    project = real_project()
    draft = project.draft(project.answers(examples()[name]))
    return Draft(draft.policy, notes)


def _docx(draft: Draft, markdown: str | None = None) -> bytes:
    return render(draft, [FORMATS["docx"]], markdown, library="clauses-test")[".docx"]


def test_structure_styles_lists_tables_links_and_properties() -> None:
    draft = _draft("kiosk")
    data = _docx(draft)
    doc = Document(BytesIO(data))
    styles = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styles[0] == ("Title", "Privacy Policy")
    section_titles = [s.title for s in draft.policy.sections]
    assert [t for s, t in styles if s == "Heading 1"] == ["Contents", *section_titles]
    assert any(s == "List Bullet" and t.startswith("Contact details, such as") for s, t in styles)
    bold = next(p for p in doc.paragraphs if p.text.startswith("Contact details"))
    assert bold.runs[0].bold and bold.runs[0].text == "Contact details"
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Information")
    assert [c.text for c in table.rows[0].cells] == ["Information", "How long we keep it"]
    assert table.rows[1].cells[0].text == "Account details"
    xml = zipfile.ZipFile(BytesIO(data)).read("word/document.xml").decode()
    assert 'TOC \\o "1-2"' in xml
    assert "https://www.parcelpoint.example" in zipfile.ZipFile(BytesIO(data)).read(
        "word/_rels/document.xml.rels").decode()
    assert re.search(r"<w:hyperlink [^>]*r:id=", xml)
    props = doc.core_properties
    assert (props.title, props.subject) == ("Privacy Policy", "Parcel Point Kiosks, Inc.")
    assert props.keywords == "library clauses-test; effective 2026-11-01"
    assert "clauses-test" in props.comments and "2026-11-01" in props.comments


def test_ordered_lists_restart_their_numbering_and_inline_styles_carry() -> None:
    markdown = ("# T\n\n1. one\n2. two\n\nSome *stress* and **weight**, a [link](<https://x.example>)"
                " and `code`.\n\n1. again\n")
    doc = Document(BytesIO(_docx(_draft("kiosk", ()), markdown)))
    num_ids = [p._p.pPr.numPr.numId.val for p in doc.paragraphs if p.style.name == "List Number"]
    assert len(num_ids) == 3 and num_ids[0] == num_ids[1] != num_ids[2]
    para = next(p for p in doc.paragraphs if p.text.startswith("Some"))
    looks = {r.text: (r.italic, r.bold, r.font.name) for r in para.runs}
    assert looks["stress"] == (True, None, None) and looks["weight"] == (None, True, None)
    assert looks["code"][2] == "Courier New"
    [link] = [item for item in para.iter_inner_content() if not hasattr(item, "bold")]
    assert (link.text, link.address) == ("link", "https://x.example")


def test_notes_are_word_comments_on_their_clause_or_section() -> None:
    draft = _draft("marketplace")
    data = _docx(draft)
    doc = Document(BytesIO(data))
    comments = {c.text.split("]")[0] + "]": c for c in doc.comments}
    assert set(comments) == {"[R1]", "[R2]", "[R3]"}
    assert all(c.author == "Drafter review" for c in doc.comments)
    assert "Cal. Civ. Code §1798.100" in comments["[R1]"].text
    first_sharing = draft.policy.sections[[s.id for s in draft.policy.sections].index("sharing")]
    overview = next(c for c in first_sharing.clauses if c.id == "sharing.overview")

    def commented(comment_id: int) -> str:
        para = doc.element.body.xpath(
            f'.//w:p[w:commentRangeStart[@w:id="{comment_id}"]]')[0]
        return "".join(para.xpath(".//w:t/text()"))

    assert overview.markdown.split(".")[0] in commented(comments["[R1]"].comment_id)
    assert commented(comments["[R2]"].comment_id) == "Cookies and similar technologies"
    assert commented(comments["[R3]"].comment_id) == "Privacy Policy"
    assert b'w:author="Drafter review"' in zipfile.ZipFile(BytesIO(data)).read("word/comments.xml")


def test_the_same_draft_gives_the_same_bytes_a_minute_later(monkeypatch) -> None:
    """The app's export and `drafter build` of one answers file must match byte for byte:
    python-docx dated each comment and zip entry with the clock; both now carry the
    document's date (its effective date, as its core properties do)."""
    import time

    import docx.comments

    draft = _draft("marketplace")
    first = _docx(draft)
    real_time, real = time.time, docx.comments.dt

    class Later(real.datetime):
        @classmethod
        def now(cls, tz=None):
            return real.datetime.now(tz) + real.timedelta(minutes=1)

    monkeypatch.setattr(time, "time", lambda: real_time() + 60)  # what zip entries are dated by
    monkeypatch.setattr(docx.comments, "dt", SimpleNamespace(datetime=Later,
                                                             timezone=real.timezone))
    assert _docx(draft) == first
    effective = draft.policy.effective_date
    with zipfile.ZipFile(BytesIO(first)) as package:
        assert {info.date_time[:3] for info in package.infolist()} == {
            (effective.year, effective.month, effective.day)}
        dates = set(re.findall(rb'w:date="([^"]+)"', package.read("word/comments.xml")))
    assert dates == {f"{effective.isoformat()}T00:00:00Z".encode()}


def test_the_dated_package_holds_what_python_docx_saves() -> None:
    """The package is what `Document.save` writes (`docx_stable.py` takes each entry from
    python-docx's own package writer, and writes the zip once), dated by us: the same entries,
    in name order, with the same contents and compression; byte for byte what saving and then
    rewriting the saved zip makes (its way when python-docx's writer changes)."""
    from datetime import datetime, timezone

    from drafter.export.docx_stable import redated, stable_bytes

    doc = Document()
    paragraph = doc.add_paragraph("A clause.")
    doc.add_comment(paragraph.runs, text="A note.", author="Drafter review")
    dated = stable_bytes(doc, datetime(2026, 11, 1, tzinfo=timezone.utc))
    saved = BytesIO()
    doc.save(saved)
    with zipfile.ZipFile(BytesIO(dated)) as ours, zipfile.ZipFile(saved) as theirs:
        assert [(i.filename, i.compress_type, i.external_attr) for i in ours.infolist()] == \
            sorted((i.filename, i.compress_type, i.external_attr) for i in theirs.infolist())
        assert all(ours.read(i) == theirs.read(i.filename) for i in ours.infolist())
        assert {i.date_time for i in ours.infolist()} == {(2026, 11, 1, 0, 0, 0)}
    assert dated == redated(saved.getvalue(), datetime(2026, 11, 1, tzinfo=timezone.utc))


def test_a_question_for_counsel_is_a_comment_that_says_so() -> None:
    """Counsel sees in Word which notes are theirs to settle (the DOCX carries notes only as
    comments)."""
    asked = Note("R4", "blocking", "consistency", "The draft assumes X because you were not "
                 "sure. Counsel: confirm Y.", "requirement", requirement="review.unsure-pci",
                 resolves_by="kiosks.pci_validated", for_counsel=True, covers=("pci-dss.v4",))
    doc = Document(BytesIO(_docx(_draft("kiosk", (*NOTES, asked)))))
    (comment,) = [c for c in doc.comments if c.text.startswith("[R4]")]
    assert comment.text.startswith("[R4] Question for counsel, blocking: The draft assumes X")
    assert "Answer for counsel to confirm: kiosks.pci_validated" in comment.text
    assert [c.text[:4] for c in doc.comments if "Question for counsel" in c.text] == ["[R4]"]


def test_every_clause_starts_with_its_bookmark() -> None:
    draft = _draft("email-platform", ())
    xml = zipfile.ZipFile(BytesIO(_docx(draft))).read("word/document.xml").decode()
    names = re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', xml)
    clause_marks = [n for n in names if not n.startswith("_Toc")]  # headings' contents marks
    assert clause_marks == [bookmark_name(c.id) for c in draft.policy.clauses()]


# LibreOffice's PDF export leaves comments out unless asked to put them in as annotations.
PDF_WITH_COMMENTS = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def _libreoffice() -> str | None:
    found = shutil.which("soffice")
    if found is None and os.environ.get("CI") != "true":
        pytest.skip("LibreOffice (soffice) is not installed")
    assert found is not None, "CI must have LibreOffice: .ci/run installs it"
    return found


def test_libreoffice_opens_every_example_and_shows_the_comments(tmp_path: Path) -> None:
    soffice = _libreoffice()
    for name in examples():
        (tmp_path / f"{name}.docx").write_bytes(_docx(_draft(name)))
    files = sorted(str(p) for p in tmp_path.glob("*.docx"))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", PDF_WITH_COMMENTS, "--outdir", str(tmp_path), *files],
                   check=True, capture_output=True, timeout=300)
    for name in examples():
        pdf = (tmp_path / f"{name}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF")
        notes = {bytes.fromhex(h.decode()).decode("utf-16") for h in
                 re.findall(rb"/Contents\s*<(FEFF[0-9A-F]*)>", pdf)}
        notes -= {n for n in notes if re.match(r"[\d.]+\t", n)}  # contents links
        assert {n.split("]")[0] for n in notes} == {"[R1", "[R2", "[R3"}, name
