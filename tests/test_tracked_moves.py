"""Counsel's pending moves go round as moves: Word's `w:moveFrom`/`w:moveTo` within their range
markers come back as a deletion and an insertion that carry the move's name, and the DOCX
gives them back to Word as a move (the range markers Word pairs them by), read from the XML."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from drafter.cli import main
from drafter.tracked import as_it_stands, mark, proposals
from tests.test_tracked import A, A_DATE, B, B_DATE, CARDS, CHOOSE, SOURCES, _built, _find, _insert, _md, \
    _split, _wrap, _x


def _range(tag: str, n: int, name: str = "") -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(700 + n))
    if name:
        element.set(qn("w:name"), name)
        element.set(qn("w:author"), A)
        element.set(qn("w:date"), A_DATE)
    return element


def _word_move(folder: Path, tmp_path: Path) -> Path:
    """A. Lawyer moves a sentence to the end of the next paragraph, as Word writes a move:
    each end inside its range markers, the two ranges sharing a name."""
    doc = Document(str(folder / "privacy-policy.docx"))
    moved = _split(_find(doc, CHOOSE), CHOOSE)
    _wrap(moved, "w:moveFrom", A, A_DATE, 1)
    away = moved.getparent()
    away.addprevious(_range("w:moveFromRangeStart", 1, "move91"))
    away.addnext(_range("w:moveFromRangeEnd", 1))
    sources = _find(doc, SOURCES)
    _insert(sources, None, " " + CHOOSE.strip(), "w:moveTo", A, A_DATE, 2)
    here = sources._p[-1]
    here.addprevious(_range("w:moveToRangeStart", 2, "move91"))
    here.addnext(_range("w:moveToRangeEnd", 2))
    edited = tmp_path / "moved.docx"
    doc.save(str(edited))
    return edited


def test_a_word_move_comes_back_named_and_goes_back_to_word_as_a_move(tmp_path: Path) -> None:
    folder = _built(tmp_path)
    assert main(["absorb", str(_word_move(folder, tmp_path)), "-o", str(tmp_path)]) == 0
    md = _md(folder)
    assert mark("delete", CHOOSE, "", A, A_DATE, "move91") + "Some details" in md
    assert SOURCES + mark("insert", "", " " + CHOOSE.strip(), A, A_DATE, "move91") in md
    found = proposals(md)
    assert [(p.kind, p.move) for p in found] == [("delete", "move91"), ("insert", "move91")]
    assert 'proposes to move "You choose what to give us." here (move91)' in found[1].describe()
    assert CHOOSE + "Some details" in as_it_stands(md)

    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    body = Document(str(folder / "privacy-policy.docx")).element.body
    assert not body.xpath(".//w:ins | .//w:del")  # a move, not a deletion and an insertion
    [gone] = body.xpath(".//w:moveFrom")
    [went] = body.xpath(".//w:moveTo")
    assert "".join(_x(gone, ".//w:t/text()")) == CHOOSE  # moved-away text stays in w:t
    assert not _x(gone, ".//w:delText")
    assert "".join(_x(went, ".//w:t/text()")) == " " + CHOOSE.strip()
    for change in (gone, went):
        assert (change.get(qn("w:author")), change.get(qn("w:date"))) == (A, A_DATE)
    for end, change in (("moveFrom", gone), ("moveTo", went)):
        [start] = _x(change, f"preceding-sibling::w:{end}RangeStart")
        [close] = _x(change, f"following-sibling::w:{end}RangeEnd")
        assert start.get(qn("w:name")) == "move91" and start.get(qn("w:author")) == A
        assert start.get(qn("w:id")) == close.get(qn("w:id"))
    ids = [e.get(qn("w:id")) for e in body.xpath(".//w:moveFrom | .//w:moveTo | "
                                                  ".//w:moveFromRangeStart | .//w:moveToRangeStart")]
    assert len(set(ids)) == len(ids)
    # and the exported file absorbs back to the very same Markdown
    assert main(["absorb", str(folder / "privacy-policy.docx"), "-o", str(tmp_path)]) == 0
    assert _md(folder) == md


def test_a_move_without_range_markers_is_a_deletion_and_an_insertion(tmp_path: Path) -> None:
    folder = _built(tmp_path)
    doc = Document(str(folder / "privacy-policy.docx"))
    _wrap(_split(_find(doc, CHOOSE), CHOOSE), "w:moveFrom", A, A_DATE, 1)
    edited = tmp_path / "bare.docx"
    doc.save(str(edited))
    assert main(["absorb", str(edited), "-o", str(tmp_path)]) == 0
    [proposal] = proposals(_md(folder))
    assert (proposal.kind, proposal.move) == ("delete", "")


# ---- paragraph-mark changes: a paragraph split or two joined, pending ------------------------

FIRST, SECOND = "Our kiosks are used by different people, ", \
    "and this policy explains what we do for each:"
NEXT = "You choose what to give us. Some details are needed"


def _mark(p: BaseOxmlElement, tag: str, author: str, date: str) -> None:
    ppr = p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    ppr.append(rpr)
    change = OxmlElement(tag)
    change.set(qn("w:id"), "950")
    change.set(qn("w:author"), author)
    change.set(qn("w:date"), date)
    rpr.append(change)


def _cut_in_two(doc: DocxDocument) -> Paragraph:
    """The paragraph starting FIRST cut into two paragraphs, FIRST and SECOND (the mark
    between them not yet tracked); returns the first."""
    first = _find(doc, FIRST)
    second = deepcopy(first._p)
    for bookmark in second.xpath(".//w:bookmarkStart | .//w:bookmarkEnd"):
        bookmark.getparent().remove(bookmark)
    first._p.addnext(second)
    for p, words in ((first._p, FIRST), (second, SECOND)):
        runs = p.xpath(".//w:r")
        for r in runs[1:]:
            r.getparent().remove(r)
        runs[0].xpath("./w:t")[0].text = words
        runs[0].xpath("./w:t")[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return first


def _split_and_join(folder: Path, tmp_path: Path) -> Path:
    """A. Lawyer splits a paragraph in two; B. Counsel joins two paragraphs; both pending."""
    doc = Document(str(folder / "privacy-policy.docx"))
    _mark(_cut_in_two(doc)._p, "w:ins", A, A_DATE)
    _mark(_find(doc, CARDS)._p, "w:del", B, B_DATE)
    edited = tmp_path / "split.docx"
    doc.save(str(edited))
    return edited


def test_a_pending_split_and_join_come_back_as_proposals_on_the_words_that_cross(
        tmp_path: Path) -> None:
    folder = _built(tmp_path)
    assert main(["absorb", str(_split_and_join(folder, tmp_path)), "-o", str(tmp_path)]) == 0
    md = _md(folder)
    assert FIRST.strip() + mark("delete", " " + SECOND, "", A, A_DATE) + "\n\n" + \
        mark("insert", "", SECOND, A, A_DATE) + "\n" in md
    assert CARDS + "{++" + NEXT in md and "\n\n{--" + NEXT in md  # joined with no space, as Word does
    joined = [(p.kind, p.old or p.new) for p in proposals(md) if p.author == B]
    assert [kind for kind, _ in joined] == ["insert", "delete"]
    assert joined[0][1] == joined[1][1] and joined[0][1].startswith(NEXT)
    agreed = as_it_stands(md)  # as it stands: as if neither had been made
    assert FIRST + SECOND in agreed and CARDS + "\n\n" + NEXT in agreed

    # back to Word: the paragraph that is all one insertion (deletion) has its mark changed
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    body = Document(str(folder / "privacy-policy.docx")).element.body
    marked = {(c.tag.split("}")[1], "".join(_x(c, "ancestor::w:p[1]//w:t/text() | "
                                                  "ancestor::w:p[1]//w:delText/text()")))
              for c in body.xpath(".//w:pPr/w:rPr/*[self::w:ins or self::w:del]")}
    assert ("ins", SECOND) in marked
    assert any(kind == "del" and text.startswith(NEXT) for kind, text in marked)
    # and it absorbs back to the same Markdown
    assert main(["absorb", str(folder / "privacy-policy.docx"), "-o", str(tmp_path)]) == 0
    assert _md(folder) == md


def test_a_new_paragraph_typed_in_word_is_one_proposal_and_a_split_beside_changes_is_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _built(tmp_path)
    doc = Document(str(folder / "privacy-policy.docx"))
    # Word's way of adding a paragraph after CARDS: CARDS's mark inserted, the new paragraph's
    # words inserted (it keeps the old mark): one proposal, nothing to report.
    cards = _find(doc, CARDS)
    new = deepcopy(cards._p)
    for element in new.xpath("./*[not(self::w:pPr)]"):
        new.remove(element)
    cards._p.addnext(new)
    _insert(Paragraph(new, cards._parent), None, "We keep receipts for a year.", "w:ins",
            A, A_DATE, 40)
    _mark(cards._p, "w:ins", A, A_DATE)
    # A split of KINDS with a tracked deletion in its first half: taken as shown, and said.
    first = _cut_in_two(doc)
    _wrap(_split(first, "different "), "w:del", B, B_DATE, 41)
    _mark(first._p, "w:ins", A, A_DATE)
    edited = tmp_path / "typed.docx"
    doc.save(str(edited))
    capsys.readouterr()
    assert main(["absorb", str(edited), "-o", str(tmp_path)]) == 0
    said = capsys.readouterr().out
    md = _md(folder)
    typed = mark("insert", "", "We keep receipts for a year.", A, A_DATE)
    assert f"{CARDS}\n\n{typed}\n" in md
    assert said.count("pending paragraph split or join") == 1
    assert 'after "Our kiosks are used by people, …"' in said  # the words Word shows
