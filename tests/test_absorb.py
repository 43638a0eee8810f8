"""`drafter absorb`: counsel's Word edits come back into the Markdown, and the next build
merges them; an unedited export comes back unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.comments import Comment
from docx.document import Document as DocxDocument
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from drafter.absorb import source_blocks
from drafter.cli import main
from drafter.paths import examples
from tests.conftest import copied_build

FOLDER = "parcel-point-kiosks-inc"
CHILDREN = "Our services are not meant for children under 13"


def _built(tmp_path: Path, name: str = "kiosk") -> Path:
    """A fresh build of the example in `tmp_path` (built once a session, copied here)."""
    return copied_build(name, tmp_path)


@pytest.mark.parametrize("name", list(examples()))
def test_absorbing_an_unedited_export_then_building_changes_nothing(
        tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _built(tmp_path, name)
    before = (folder / "privacy-policy.md").read_text()
    assert main(["absorb", str(folder / "privacy-policy.docx"), "-o", str(tmp_path)]) == 0
    assert (folder / "privacy-policy.md").read_text() == before
    assert main(["build", "--example", name, "-o", str(tmp_path)]) == 0
    assert "privacy-policy.md: no change." in capsys.readouterr().out
    assert (folder / "privacy-policy.md").read_text() == before


def test_word_edits_come_back_as_markdown_in_their_clauses(tmp_path: Path) -> None:
    folder = _built(tmp_path)
    docx_path = folder / "privacy-policy.docx"
    doc = Document(str(docx_path))
    children = next(p for p in doc.paragraphs if p.text.startswith(CHILDREN))
    for run in children.runs[1:]:
        run.text = ""
    children.runs[0].text = "We do not aim our services at children under 13."
    bullet = next(p for p in doc.paragraphs
                  if p.style.name == "List Bullet" and p.text.startswith("Contact details"))
    added = bullet.insert_paragraph_before("Photos of parcel labels", style="List Bullet")
    added.runs[0].bold = True
    edited = tmp_path / "edited.docx"
    doc.save(str(edited))

    assert main(["absorb", str(edited), "-o", str(tmp_path)]) == 0
    md = (folder / "privacy-policy.md").read_text()
    assert "<!-- clause: children.not-directed (children/not-directed.md.j2) -->\n" \
           "We do not aim our services at children under 13.\n" in md
    assert "- **Photos of parcel labels**\n- **Contact details**" in md
    assert list((folder / "backups").glob("privacy-policy.*.md"))

    # The next build keeps the absorbed edits (three-way merge against the last draft).
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    rebuilt = (folder / "privacy-policy.md").read_text()
    assert rebuilt == md
    assert "We do not aim our services at children under 13." in (folder / "privacy-policy.txt").read_text()


def test_a_lost_bookmark_does_not_lose_the_clause_comment(tmp_path: Path) -> None:
    folder = _built(tmp_path)
    before = (folder / "privacy-policy.md").read_text()
    doc = Document(str(folder / "privacy-policy.docx"))
    children = next(p for p in doc.paragraphs if p.text.startswith(CHILDREN))
    children._p.getparent().remove(children._p)  # counsel deletes the clause's only paragraph
    edited = tmp_path / "edited.docx"
    doc.save(str(edited))
    assert main(["absorb", str(edited), "-o", str(tmp_path)]) == 0
    md = (folder / "privacy-policy.md").read_text()
    assert CHILDREN not in md
    assert "<!-- clause: children.not-directed (children/not-directed.md.j2) -->" in md
    assert len(md.splitlines()) == len(before.splitlines()) - 2


def test_absorb_needs_a_build_to_absorb_into(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _built(tmp_path)
    other = tmp_path / "elsewhere"
    assert main(["absorb", str(folder / "privacy-policy.docx"), "-o", str(other)]) == 2
    assert "no Drafter build" in capsys.readouterr().err
    assert main(["absorb", str(folder / "privacy-policy.docx"), "-o", str(folder)]) == 0
    not_docx = tmp_path / "notes.docx"
    not_docx.write_text("not a zip")
    assert main(["absorb", str(not_docx), "-o", str(tmp_path)]) == 2


W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def _resolve(doc: DocxDocument, comment: Comment) -> None:
    """Mark a comment resolved the way Word does: a commentsExtended part with done="1"."""
    comment._comment_elm.xpath("./w:p")[-1].set(f"{{{W14}}}paraId", "0000ABCD")
    blob = (f'<w15:commentsEx xmlns:w15="{W15}"><w15:commentEx w15:paraId="0000ABCD" '
            'w15:done="1"/></w15:commentsEx>').encode()
    part = Part(PackURI("/word/commentsExtended.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
                blob, doc.part.package)
    doc.part.relate_to(part, "http://schemas.microsoft.com/office/2011/relationships/commentsExtended")


def test_open_counsel_comments_survive_the_round_trip_and_resolved_ones_go(tmp_path: Path) -> None:
    folder = _built(tmp_path)
    doc = Document(str(folder / "privacy-policy.docx"))
    children = next(p for p in doc.paragraphs if p.text.startswith(CHILDREN))
    doc.add_comment(children.runs, text="Is 13 the right age for Canada?", author="A. Lawyer")
    heading = next(p for p in doc.paragraphs if p.text == "Children")
    _resolve(doc, doc.add_comment(heading.runs, text="Heading is fine.", author="A. Lawyer"))
    edited = tmp_path / "edited.docx"
    doc.save(str(edited))

    assert main(["absorb", str(edited), "-o", str(tmp_path)]) == 0
    md = (folder / "privacy-policy.md").read_text()
    assert "<!-- clause: children.not-directed (children/not-directed.md.j2) -->\n" \
           "<!-- comment (A. Lawyer): Is 13 the right age for Canada? -->\n" + CHILDREN in md
    assert "Heading is fine." not in md

    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    assert "Is 13 the right age" not in (folder / "privacy-policy.html").read_text()
    rebuilt = Document(str(folder / "privacy-policy.docx"))
    [comment] = [c for c in rebuilt.comments if c.author == "A. Lawyer"]
    assert comment.text == "Is 13 the right age for Canada?"
    anchored = rebuilt.element.body.xpath(
        f'.//w:p[w:commentRangeStart[@w:id="{comment.comment_id}"]]')[0]
    assert "".join(anchored.xpath(".//w:t/text()")).startswith(CHILDREN)
    # And the re-exported file absorbs back to the same Markdown.
    assert main(["absorb", str(folder / "privacy-policy.docx"), "-o", str(tmp_path)]) == 0
    assert (folder / "privacy-policy.md").read_text() == md


SYNTHETIC = ("# T\n\nA para.\n\n<!-- comment (X): hi -->\nB para.\n\n"
             "<!-- clause: a.b (a/b.md.j2) -->\n<!-- comment (Y): yo -->\nC para.\n\n"
             "- one\n- two\n\n| h | i |\n| --- | --- |\n| 1 | 2 |\n\n<!-- clause: c.d (c/d.md.j2) -->\n")


@pytest.mark.parametrize("name", [*examples(), "synthetic"])
def test_source_blocks_cut_the_markdown_without_losing_a_character(name: str, tmp_path: Path) -> None:
    if name == "synthetic":
        markdown = SYNTHETIC
    else:
        markdown = (_built(tmp_path, name) / "privacy-policy.md").read_text()
    blocks = source_blocks(markdown)
    assert "".join(b.text(b.comments) for b in blocks) == markdown
    assert all(b.signature[0] != "clause" for b in blocks)


WHO = "This policy explains how Parcel Point Kiosks, Inc."


def _word_edit_children(folder: Path, tmp_path: Path, text: str) -> Path:
    doc = Document(str(folder / "privacy-policy.docx"))
    children = next(p for p in doc.paragraphs if p.text.startswith(CHILDREN))
    for run in children.runs[1:]:
        run.text = ""
    children.runs[0].text = text
    edited = tmp_path / "edited.docx"
    doc.save(str(edited))
    return edited


def test_absorb_merges_with_markdown_edits_made_since_the_build(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _built(tmp_path)
    md_path = folder / "privacy-policy.md"
    edited_docx = _word_edit_children(folder, tmp_path, "We do not aim our services at children under 13.")
    md = md_path.read_text()
    assert md.count(WHO) == 1
    md_path.write_text(md.replace(WHO, "This policy says how Parcel Point Kiosks, Inc."))
    capsys.readouterr()
    assert main(["absorb", str(edited_docx), "-o", str(tmp_path)]) == 0
    merged = md_path.read_text()
    assert "This policy says how Parcel Point Kiosks, Inc." in merged  # the Markdown edit
    assert "We do not aim our services at children under 13." in merged  # the Word edit
    assert "merged" in capsys.readouterr().out


def test_absorb_conflicting_with_a_markdown_edit_marks_the_conflict(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _built(tmp_path)
    md_path = folder / "privacy-policy.md"
    edited_docx = _word_edit_children(folder, tmp_path, "We do not aim our services at children under 13.")
    md_path.write_text(md_path.read_text().replace(CHILDREN, "Our services are for adults only; not for children under 13"))
    capsys.readouterr()
    assert main(["absorb", str(edited_docx), "-o", str(tmp_path)]) == 1
    shown = capsys.readouterr().out
    assert "conflict at" in shown and "children.not-directed" in shown
    merged = md_path.read_text()
    assert "We do not aim our services at children under 13." in merged
    assert "Our services are for adults only" in merged
    assert "<<<<<<< " in merged and ">>>>>>> " in merged
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 2  # resolve first
