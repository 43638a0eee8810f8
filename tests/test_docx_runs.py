"""The quick run and paragraph makers (drafter/export/docx_runs.py) write exactly the XML
python-docx writes for the same text and format."""

from __future__ import annotations

import itertools

import docx
from docx.shared import Pt, RGBColor
from lxml import etree

from drafter.export.docx_runs import add_paragraph, add_run, add_table

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
