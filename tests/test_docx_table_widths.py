"""Every table in counsel's Word file fits between the margins of the page it is on (the
promises ledger ran off the right edge in LibreOffice, its "Rests on" column cut off, because
a long link in a promise made the columns' longest words wider than the page).

Read the way Word and LibreOffice lay a table out: its grid (`table.columns`), each cell's
width, the table's own width (`<w:tblW>`) and `table.autofit` (off: the widths are kept),
measured against the usable width (page width less margins) of the section the table is in.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Emu
from docx.table import Table
from hypothesis import given, strategies as st

from drafter.export.docx_tables import (CELL_PADDING, TABLE_FONT, WIDE, _char_twips, _words,
                                        fit_table)
from drafter.paths import examples
from tests.conftest import example_build

TWIP = 635  # EMU


def _tables(doc: DocxDocument) -> list[tuple[Table, Section]]:
    """Every table in the body (those inside content controls too: `doc.tables` skips the
    promises appendix), with the section it is in: a section ends at the paragraph carrying
    its `<w:sectPr>`, the last at the body's."""
    body = doc.element.body
    found, section = [], 0
    for child in body.iterchildren():
        tables = [child] if child.tag == qn("w:tbl") else list(child.iter(qn("w:tbl")))
        found += [(Table(t, doc), doc.sections[section]) for t in tables]
        if child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            section += 1
    return found


def _too_wide(path: Path) -> list[str]:
    doc = Document(str(path))
    wrong = []
    for n, (table, section) in enumerate(_tables(doc)):
        usable = section.page_width - section.left_margin - section.right_margin
        name = f"{path.name} table {n + 1} ({table.rows[0].cells[0].text!r}…)"
        grid = sum(column.width for column in table.columns)
        if table.autofit:
            wrong.append(f"{name}: autofit on, so its widths are only a hint")
        if grid > usable:
            wrong.append(f"{name}: grid {Emu(grid).inches:.2f}in > {Emu(usable).inches:.2f}in")
        cells = max(sum(cell.width or 0 for cell in row.cells) for row in table.rows)
        if cells > usable:
            wrong.append(f"{name}: a row's cells {Emu(cells).inches:.2f}in")
        tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
        if tbl_w is None or tbl_w.get(qn("w:type")) != "dxa":
            wrong.append(f"{name}: no table width in twips")
        elif int(tbl_w.get(qn("w:w"))) * TWIP > usable:
            wrong.append(f"{name}: table width {int(tbl_w.get(qn('w:w'))) / 1440:.2f}in")
    return wrong


def test_every_table_of_every_example_in_every_language_fits_its_page() -> None:
    # `drafter build --example NAME`'s files, built once a session for the tests that read them
    built = sorted(p for name in examples() for p in example_build(name).glob("*.docx"))
    assert len(built) > len(examples())  # the Spanish and French versions too
    assert any(p.name == "privacy-policy.es.docx" for p in built)
    checked = [(path, _tables(Document(str(path)))) for path in built]
    assert sum(len(tables) for _, tables in checked) > len(examples())  # ledgers and others
    wrong = [line for path, _ in checked for line in _too_wide(path)]
    assert wrong == []


def _table(texts: list[list[str]]) -> Table:
    """A table of one row per list, one paragraph per line of each cell's text."""
    doc = Document()
    table = doc.add_table(rows=len(texts), cols=len(texts[0]))
    for row, line in zip(table.rows, texts):
        for cell, text in zip(row.cells, line):
            first, *more = text.split("\n")
            cell.paragraphs[0].add_run(first)
            for paragraph in more:
                cell.add_paragraph(paragraph)
    return table


def test_a_cell_s_paragraphs_are_not_read_as_one_word() -> None:
    # "(international.transfer_tools)" then "Law: …": not one 34-character word
    table = _table([["(a.b)\nLaw: GDPR", "x"]])
    assert _words(table)[0][0] == len("(a.b)")


_WORD = st.text(alphabet="abcdefghij:/.-", min_size=1, max_size=60)
_CELL = st.lists(_WORD, min_size=1, max_size=12).map(" ".join)


@given(cells=st.lists(_CELL, min_size=1, max_size=7),
       width=st.sampled_from([8640, 12240, 4000]))
def test_columns_fill_the_width_and_keep_every_word_whole_that_can_be(
        cells: list[str], width: int) -> None:
    table = _table([cells])
    words = _words(table)
    widths = fit_table(table, words, width)
    assert sum(widths) == width
    assert [c.width for c in table.columns] == [Emu(w * TWIP) for w in widths]
    assert table.autofit is False
    char = _char_twips(TABLE_FONT)
    least = [w * char + CELL_PADDING for w, _ in words]
    if sum(least) <= width:  # every longest word fits side by side: none is broken
        assert all(w >= m for w, m in zip(widths, least))
    else:  # only the columns of the longest words are cut down, all to the same width
        cut = [w for w, m in zip(widths, least) if w < m]
        assert cut and (min(cut) >= WIDE or max(cut) - min(cut) <= 1), (widths, least)
        # the words cut are the long ones: one no wider than an even share stays whole
        assert all(w >= m for w, m in zip(widths, least) if m * len(least) <= width), \
            (widths, least)
