"""The quick run and paragraph makers (drafter/export/docx_runs.py) write exactly the XML
python-docx writes for the same text and format."""

from __future__ import annotations

import itertools

import docx
from docx.shared import Pt, RGBColor
from lxml import etree

from drafter.export.docx_runs import (add_comment, add_paragraph, add_run, add_table, plain_run,
                                      set_numbering, style_element, style_id)

nsmap_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXTS = ["", "plain", " leading space", "trailing ", "tab\there", "two\nlines", "cr\rhere",
         "  ", "ünïcödé & <tags>", "\t"]


def xml(element: object) -> bytes:
    return etree.tostring(element)  # type: ignore[arg-type]


def test_a_run_is_the_one_python_docx_makes() -> None:
    doc = docx.Document()
    ours, theirs = doc.add_paragraph(), doc.add_paragraph()
    formats = itertools.product((None, True, False), (None, True, False), (None, Pt(9)),
                                (None, RGBColor(0x59, 0x59, 0x59)))
    for (bold, italic, size, color), text in itertools.product(formats, TEXTS):
        add_run(ours, text, bold=bold, italic=italic, size=size, color=color)
        run = theirs.add_run(text)
        if size is not None:
            run.font.size = size
        run.bold = bold
        run.italic = italic
        if color is not None:
            run.font.color.rgb = color
    assert xml(ours._p) == xml(theirs._p)
    assert ours.text == theirs.text


def test_a_paragraph_is_the_one_python_docx_makes() -> None:
    ours, theirs = docx.Document(), docx.Document()
    for style, text in itertools.product(("Normal", "Heading 1", "List Number"), TEXTS):
        add_paragraph(ours, ours.styles[style].style_id, text)
        theirs.add_paragraph(text)._p.style = theirs.styles[style].style_id
    assert xml(ours.element.body) == xml(theirs.element.body)


def test_a_table_is_the_one_python_docx_makes() -> None:
    ours, theirs = docx.Document(), docx.Document()
    for style in ("Table Grid", "Normal Table", "Light List"):
        add_table(ours, 2, 3, style)
        theirs.add_table(2, 3, style=style)
    assert xml(ours.element.body) == xml(theirs.element.body)


def test_a_plain_run_is_the_one_add_run_makes() -> None:
    doc = docx.Document()
    ours, theirs = doc.add_paragraph(), doc.add_paragraph()
    for text in TEXTS:
        ours._p.append(plain_run(text))
        theirs.add_run(text)
    assert xml(ours._p) == xml(theirs._p)


def test_a_comment_is_the_one_python_docx_adds() -> None:
    ours, theirs = docx.Document(), docx.Document()
    for text in [*TEXTS, "one\ntwo\n\nfour\n", "\n"]:
        for doc, add in ((ours, add_comment), (theirs, None)):
            runs = doc.add_paragraph("anchored").runs
            if add is None:
                doc.add_comment(runs, text=text, author="Counsel A", initials="CA")
            else:
                add(doc, runs, text, "Counsel A", "CA")
    for doc in (ours, theirs):
        for comment in doc.comments:
            comment._comment_elm.set(f"{{{nsmap_w}}}date", "2026-11-01T00:00:00Z")
    assert xml(ours.element.body) == xml(theirs.element.body)
    assert xml(ours.part._comments_part.element) == xml(theirs.part._comments_part.element)


def test_a_style_is_the_one_python_docx_finds_by_name() -> None:
    """Styles of the template by their names (every fourth of its ~160: python-docx reads them
    all for each, and the names python-docx translates, "Heading 1" for "heading 1"), as
    `doc.styles[name]` finds them."""
    doc = docx.Document()
    names = [style.name for style in doc.styles][::4] + ["Heading 1", "Heading 2", "Title",
                                                          "Normal", "List Number", "Table Grid"]
    for name in names:
        assert style_element(doc, name) is doc.styles[name].element, name
        assert style_id(doc, name) == doc.styles[name].style_id, name


def test_list_numbering_is_the_one_python_docx_writes() -> None:
    doc = docx.Document()
    ours, theirs = (add_paragraph(doc, "ListNumber") for _ in range(2))
    set_numbering(ours._p, 7, 1)
    num_pr = theirs._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 1
    num_pr.get_or_add_numId().val = 7
    assert xml(ours._p) == xml(theirs._p)
