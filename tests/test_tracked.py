"""Tracked changes both ways: counsel's pending Word changes (insert, delete, replace, move; two
authors) come back into the Markdown as CriticMarkup proposals with author and date, accepted
ones as plain text; the next build keeps the proposals; the DOCX gives them back to Word as
tracked changes where they were (read from the XML)."""

from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from lxml import etree

from drafter.cli import main
from drafter.paths import examples
from drafter.tracked import as_it_stands, mark, proposals
from tests.conftest import copied_build

W = {"w": nsmap["w"]}


def _x(element: object, path: str) -> list:  # type: ignore[type-arg]
    """XPath with the `w:` prefix on any element (python-docx's or lxml's own)."""
    return etree.XPath(path, namespaces=W)(element)  # type: ignore[no-any-return]


A, A_DATE = "A. Lawyer", "2026-11-30T10:00:00Z"
B, B_DATE = "B. Counsel", "2026-11-30T11:00:00Z"
CARDS = "Card payments are handled by our payment processor."
PURPOSES = "We use personal information only for the reasons below:"
KINDS = "Our kiosks are used by different people, and this policy explains what we do for each:"
CHOOSE = "You choose what to give us. "
SOURCES = "We get this information from:"
CHILDREN = "Our services are not meant for children under 13"
LOCATION = "General location, such as the city"


def _built(tmp_path: Path) -> Path:
    """A fresh build of the kiosk example in `tmp_path` (built once a session, copied here)."""
    return copied_build("kiosk", tmp_path)


def _change(tag: str, author: str, date: str, n: int) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(900 + n))
    element.set(qn("w:author"), author)
    element.set(qn("w:date"), date)
    return element


def _split(paragraph: Paragraph, phrase: str) -> BaseOxmlElement:
    """The run holding `phrase` cut in three; returns the middle run (just the phrase)."""
    run = next(r for r in paragraph.runs if phrase in r.text)
    before, _, after = run.text.partition(phrase)
    middle, tail = deepcopy(run._r), deepcopy(run._r)
    run.text = before
    run._r.addnext(middle)
    middle.addnext(tail)
    middle.xpath("./w:t")[0].text = phrase
    tail.xpath("./w:t")[0].text = after
    for r in (run._r, tail):
        if not "".join(r.xpath("./w:t/text()")):
            r.getparent().remove(r)
    return middle


def _wrap(run: BaseOxmlElement, tag: str, author: str, date: str, n: int) -> None:
    change = _change(tag, author, date, n)
    run.addprevious(change)
    change.append(run)
    if tag == "w:del":
        for t in run.xpath("./w:t"):
            t.tag = qn("w:delText")


def _insert(paragraph: Paragraph, after: BaseOxmlElement | None, text: str, tag: str,
            author: str, date: str, n: int) -> None:
    change = _change(tag, author, date, n)
    run = paragraph.add_run(text)._r
    change.append(run)
    if after is None:
        paragraph._p.append(change)
    else:
        after.addnext(change)


def _find(doc: object, start: str) -> Paragraph:
    return next(p for p in doc.paragraphs if p.text.startswith(start))  # type: ignore[attr-defined]


def _counsel_edits(folder: Path, tmp_path: Path) -> Path:
    """Counsel's Word file: A. Lawyer and B. Counsel edit with Track Changes on; some of it
    accepted (plain text in the file), some pending."""
    doc = Document(str(folder / "privacy-policy.docx"))
    # A, pending insertion at the end of a paragraph.
    _insert(_find(doc, CARDS), None, " We never see your full card number.", "w:ins", A, A_DATE, 1)
    # B, pending deletion of two words.
    _wrap(_split(_find(doc, PURPOSES), "only "), "w:del", B, B_DATE, 2)
    # B, pending replacement (a deletion and an insertion at the same time).
    kinds = _find(doc, KINDS)
    deleted = _split(kinds, "different")
    _wrap(deleted, "w:del", B, B_DATE, 3)
    _insert(kinds, deleted.getparent(), "several kinds of", "w:ins", B, B_DATE, 4)
    # A, pending move of a sentence to the end of the next paragraph.
    sources = _find(doc, SOURCES)
    _wrap(_split(_find(doc, CHOOSE), CHOOSE), "w:moveFrom", A, A_DATE, 5)
    _insert(sources, None, " " + CHOOSE.strip(), "w:moveTo", A, A_DATE, 6)
    # A, pending insertion in a table cell.
    cell = doc.tables[0].rows[1].cells[0].paragraphs[0]
    _insert(cell, None, " (incl. aliases)", "w:ins", A, A_DATE, 7)
    # Accepted in Word: what is left is ordinary text (A's rewording, B's deleted bullet).
    children = _find(doc, CHILDREN)
    for run in children.runs[1:]:
        run.text = ""
    children.runs[0].text = "We do not aim our services at children under 13."
    gone = _find(doc, LOCATION)
    gone._p.getparent().remove(gone._p)
    edited = tmp_path / "tracked.docx"
    doc.save(str(edited))
    return edited


def _md(folder: Path) -> str:
    return (folder / "privacy-policy.md").read_text()


EXPECTED = [
    f"{CARDS}{{++ We never see your full card number.++}}{{>>{A}, {A_DATE}<<}}",
    f"We use personal information {{--only --}}{{>>{B}, {B_DATE}<<}}for the reasons below:",
    f"Our kiosks are used by {{~~different~>several kinds of~~}}{{>>{B}, {B_DATE}<<}} people",
    f"{{--{CHOOSE}--}}{{>>{A}, {A_DATE}<<}}Some details",
    f"{SOURCES}{{++ {CHOOSE.strip()}++}}{{>>{A}, {A_DATE}<<}}",
    f"{{++ (incl. aliases)++}}{{>>{A}, {A_DATE}<<}}",
]


def test_pending_changes_come_back_as_proposals_and_accepted_ones_as_text(
        tmp_path: Path) -> None:
    folder = _built(tmp_path)
    edited = _counsel_edits(folder, tmp_path)
    assert main(["absorb", str(edited), "-o", str(tmp_path)]) == 0
    md = _md(folder)
    for line in EXPECTED:
        assert line in md
    assert "We do not aim our services at children under 13." in md  # accepted: plain text
    assert CHILDREN not in md and LOCATION not in md
    found = proposals(md)
    assert [(p.kind, p.author) for p in found] == [
        ("replace", B), ("insert", A), ("delete", A), ("insert", A), ("insert", A),
        ("delete", B)]
    # Without the proposals, the text reads as before counsel's pending changes.
    agreed = as_it_stands(md)
    assert PURPOSES in agreed and CHOOSE + "Some details" in agreed
    assert "several kinds of" not in agreed


def test_proposals_survive_the_next_build_and_go_back_to_word_as_tracked_changes(
        tmp_path: Path) -> None:
    folder = _built(tmp_path)
    assert main(["absorb", str(_counsel_edits(folder, tmp_path)), "-o", str(tmp_path)]) == 0
    absorbed = _md(folder)
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    assert _md(folder) == absorbed

    body = Document(str(folder / "privacy-policy.docx")).element.body

    def changes(tag: str, author: str, date: str) -> list[tuple[str, str]]:
        """(the change's text, its paragraph's text as it now stands) for each change."""
        found = []
        for element in body.xpath(f'.//w:{tag}[@w:author="{author}"][@w:date="{date}"]'):
            text = "".join(_x(element, ".//w:t/text() | .//w:delText/text()"))
            paragraph = _x(element, "ancestor::w:p[1]")[0]
            found.append((text, "".join(_x(paragraph, ".//w:r[not(ancestor::w:del)]"
                                                        "/w:t/text()"))))
        return found

    assert changes("ins", A, A_DATE) == [
        (" We never see your full card number.", CARDS + " We never see your full card number."),
        (" " + CHOOSE.strip(), SOURCES + " " + CHOOSE.strip()),
        (" (incl. aliases)", "A. Identifiers (incl. aliases)")]
    assert [text for text, _ in changes("del", A, A_DATE)] == [CHOOSE]
    assert changes("del", B, B_DATE) == [
        ("different", KINDS.replace("different", "several kinds of")),
        ("only ", PURPOSES.replace("only ", ""))]
    assert [text for text, _ in changes("ins", B, B_DATE)] == ["several kinds of"]
    deleted = body.xpath(".//w:del//w:r")
    assert deleted and all(not _x(r, "./w:t") and
                           _x(r, "./w:delText") for r in deleted)

    # The re-exported file absorbs back to the very same Markdown.
    assert main(["absorb", str(folder / "privacy-policy.docx"), "-o", str(tmp_path)]) == 0
    assert _md(folder) == absorbed


def test_a_proposal_without_attribution_is_exported_by_an_unknown_author(
        tmp_path: Path) -> None:
    folder = _built(tmp_path)
    md = _md(folder)
    assert CARDS in md
    (folder / "privacy-policy.md").write_text(md.replace(CARDS, CARDS + "{++ Always.++}"))
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    body = Document(str(folder / "privacy-policy.docx")).element.body
    [ins] = body.xpath(".//w:ins")
    assert ins.get(qn("w:author")) == "Unknown" and ins.get(qn("w:date")) is None
    assert "".join(_x(ins, ".//w:t/text()")) == " Always."


@pytest.mark.parametrize("text", ["{++ unclosed", "a {~~ b ~~} c", "{>>just a comment<<}"])
def test_text_that_is_not_a_whole_proposal_is_no_proposal(text: str) -> None:
    assert proposals(text) == [] and as_it_stands(text) == text


# ---- the redline: changes since the last published version -----------------------------------

OLD_PHONE, NEW_PHONE = "+1 510 555 0142", "+1 510 555 0199"


def test_the_redline_of_a_published_policy_shows_only_the_changed_answer(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "kiosk.yaml"
    answers.write_text(examples()["kiosk"].read_text())
    out = tmp_path / "out"
    assert main(["publish", str(answers), "-o", str(out), "--date", "2026-11-01",
                 "--no-page-numbers"]) == 0
    text = answers.read_text()
    assert text.count(OLD_PHONE) == 1
    answers.write_text(text.replace(OLD_PHONE, NEW_PHONE))
    capsys.readouterr()
    assert main(["build", str(answers), "-o", str(out), "--redline"]) == 0
    folder = next(p for p in out.iterdir() if (p / "drafter-manifest.json").exists())
    redline = folder / "privacy-policy.redline.docx"
    assert str(redline) in capsys.readouterr().out
    body = Document(str(redline)).element.body
    changes = body.xpath(".//w:ins | .//w:del")
    assert changes, "the changed answer is in the redline"
    assert {c.get(qn("w:author")) for c in changes} == {"Drafter"}
    shown = {("ins" if c.tag == qn("w:ins") else "del",
              "".join(_x(c, ".//w:t/text() | .//w:delText/text()"))) for c in changes}
    assert shown == {("del", "0142"), ("ins", "0199")}
    # The rest of the policy is there, unmarked.
    assert CARDS in "".join(body.xpath(".//w:t/text()"))


def test_a_redline_needs_a_published_version(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path), "--redline"]) == 2
    err = capsys.readouterr().err
    assert "nothing published yet" in err and "Traceback" not in err and len(err.splitlines()) == 1


def absorbed_and_built(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the kiosk answers built, counsel's tracked edits absorbed, and built again:
    (answers, output folder, the policy's folder)."""
    answers = tmp_path / "kiosk.yaml"
    answers.write_text(examples()["kiosk"].read_text())
    out = tmp_path / "out"
    assert main(["build", str(answers), "-o", str(out)]) == 0
    folder = next(p for p in out.iterdir() if (p / "drafter-manifest.json").exists())
    assert main(["absorb", str(_counsel_edits(folder, tmp_path)), "-o", str(out)]) == 0
    assert main(["build", str(answers), "-o", str(out)]) == 0
    return answers, out, folder


def test_open_proposals_are_review_items_kept_out_of_the_clean_copy_and_block_publishing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out, folder = absorbed_and_built(tmp_path)
    review = (folder / "review.md").read_text()
    assert f'{B} (2026-11-30) proposes to replace "different" with "several kinds of"' in review
    assert review.count("Open proposal:") == 6

    capsys.readouterr()
    assert main(["review", str(folder / "privacy-policy.md")]) == 1
    shown = capsys.readouterr().out
    assert shown.count("Open proposal:") == 6 and f'{A} (2026-11-30) proposes to add' in shown

    assert main(["build", str(answers), "-o", str(out), "--clean"]) == 0
    clean = (folder / "privacy-policy.txt").read_text()
    assert "{++" not in clean and "several kinds of" not in clean and "different people" in clean
    assert "We never see your full card number" not in clean

    capsys.readouterr()
    assert main(["publish", str(answers), "-o", str(out), "--date", "2026-12-01",
                 "--no-page-numbers"]) == 2
    err = capsys.readouterr().err
    assert "6 open proposal(s)" in err and len(err.splitlines()) == 1
    assert "privacy-policy.md:" in err


# ---- export and import are each other's inverse ----------------------------------------------

_WORD = st.text(alphabet="abcdefgh", min_size=1, max_size=6)
_PHRASE = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)
_WHO = st.sampled_from([(A, A_DATE), (B, B_DATE), ("Ann, Esq.", "")])
_STYLED = st.one_of(_PHRASE, _PHRASE.map(lambda words: f"**{words}**"),
                    _PHRASE.map(lambda words: f"[{words}](<https://example.com/{words[0]}>)"))
_CHANGE = st.tuples(st.sampled_from(["insert", "delete", "replace"]), _STYLED, _STYLED, _WHO)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_PHRASE, _CHANGE), min_size=1, max_size=4), _PHRASE)
def test_a_paragraph_of_proposals_exported_to_word_reads_back_the_same(
        parts: list[tuple[str, tuple[str, str, str, tuple[str, str]]]], end: str) -> None:
    from drafter.absorb_tracked import tracked_markdown
    from drafter.absorb_word import _pieces_markdown
    from drafter.document.markdown import parse
    from drafter.export.docx import _inline

    markdown = "".join(f"{text} " + mark(kind, old if kind != "insert" else "",  # type: ignore[arg-type]
                                         new if kind != "delete" else "", who, when) + " "
                       for text, (kind, old, new, (who, when)) in parts) + end
    doc = Document()
    paragraph = doc.add_paragraph()
    _inline(doc, paragraph, next(t for t in parse(markdown) if t.type == "inline"))
    assert tracked_markdown(paragraph, _pieces_markdown)[0] == markdown


def test_redline_marks_table_rows_cell_by_cell_and_keeps_removed_rows() -> None:
    from drafter.document.markdown import parse
    from drafter.redline import redline_markdown

    old = ("| Information | How long |\n| --- | --- |\n| Account | 2 years |\n"
           "| Tickets | 3 years |\n| Photos | 1 year |\n\nWe keep **records**.\n")
    new = "| Information | How long |\n| --- | --- |\n| Account | 2 years |\n" \
          "| Tickets | 5 years |\n\nWe keep **all records**.\n"
    stamp = "2026-12-01T00:00:00Z"
    marked = redline_markdown(old, new, stamp)
    cells = [t.content for t in parse(marked) if t.type == "inline"]
    by = mark("replace", "3", "5", "Drafter", stamp)
    assert cells[:8] == ["Information", "How long", "Account", "2 years", "Tickets",
                         f"{by} years", mark("delete", "Photos", "", "Drafter", stamp),
                         mark("delete", "1 year", "", "Drafter", stamp)]
    assert cells[-1] == mark("replace", "We keep **records**.", "We keep **all records**.",
                             "Drafter", stamp)
    assert as_it_stands(marked) == old  # every change marked, nothing else touched


_LINES = st.lists(st.lists(_WORD, min_size=1, max_size=5).map(" ".join), max_size=5)


@settings(max_examples=80, deadline=None)
@given(_LINES, _LINES)
def test_rejecting_every_change_of_a_redline_gives_the_published_text(
        old: list[str], new: list[str]) -> None:
    from drafter.redline import redline_markdown

    before, after = "".join(f"{line}\n" for line in old), "".join(f"{line}\n" for line in new)
    marked = redline_markdown(before, after, "2026-12-01T00:00:00Z")
    # (a new line leaves its line break behind: no words, so nothing in Markdown)
    assert [line for line in as_it_stands(marked).splitlines() if line] == old
    assert all(p.author == "Drafter" for p in proposals(marked))


def test_review_of_counsels_word_file_lists_its_pending_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edited = _counsel_edits(_built(tmp_path), tmp_path)
    capsys.readouterr()
    assert main(["review", str(edited), "--format", "json"]) == 1
    reviewed = json.loads(capsys.readouterr().out)
    found = [n["message"] for n in reviewed["notes"] if n["check"] == "proposal"]
    assert len(found) == 6
    assert any(f'{B} (2026-11-30) proposes to delete "only"' in m for m in found)
