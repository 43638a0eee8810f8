"""Word's tracked changes read for `drafter absorb`: pending changes become proposals.

python-docx reads neither insertions nor deletions (its `paragraph.text` leaves both out), so
a paragraph with tracked changes is read here from its XML with lxml: every run in document
order, with the change it sits in (`w:ins`, `w:del`, `w:moveTo`, `w:moveFrom`: author and
date) and the hyperlink it is in. Runs of the same change are written together as one
CriticMarkup proposal (`drafter.tracked`); a deletion followed at once by an insertion of
the same author and date is one replacement. A pending change to a paragraph mark (Word's
`w:ins`/`w:del` in the paragraph's `w:pPr/w:rPr`: a paragraph split or two joined) becomes
proposals on the text that crosses it (`across_mark`). A move (`w:moveFrom` where the words were,
`w:moveTo` where they went) keeps the name of its range (`w:moveFromRangeStart`/
`w:moveToRangeStart`, which pair the two ends) in its attribution; a move without range
markers is a deletion and an insertion. An accepted change is ordinary text in the file,
so it needs nothing here. Formatting changes (`w:rPrChange`) are taken as the text now shows
them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from docx.oxml.ns import nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from drafter.tracked import UNKNOWN_AUTHOR, Kind, accepted, as_it_stands, mark

_CHANGES = {qn("w:ins"): "insert", qn("w:moveTo"): "insert",
            qn("w:del"): "delete", qn("w:moveFrom"): "delete"}
# Changes to the text, wherever in the paragraph (in a link, a content control, a smart tag),
# but not the paragraph-mark changes Word records in the paragraph's properties.
_IN_PARAGRAPH = ".//*[self::w:ins or self::w:del or self::w:moveFrom or self::w:moveTo]" \
    "[not(ancestor::w:pPr)][not(ancestor::w:rPr)]"


_RANGE_START = {qn("w:moveFrom"): "w:moveFromRangeStart", qn("w:moveTo"): "w:moveToRangeStart"}


@dataclass(frozen=True)
class Change:
    kind: Kind
    author: str
    date: str
    move: str = ""  # the name of the move this is one end of


def _move_name(element: BaseOxmlElement) -> str:
    """The name of the move range a `w:moveFrom`/`w:moveTo` sits in: the nearest range start
    before it whose end is not also before it ("" outside any range)."""
    start = _RANGE_START.get(element.tag)
    if start is None:
        return ""
    for opening in element.xpath(f"preceding::{start}[1]", namespaces=nsmap):
        end = start.replace("Start", "End")
        number = opening.get(qn("w:id"))
        if all(closed.get(qn("w:id")) != number
               for closed in element.xpath(f"preceding::{end}", namespaces=nsmap)):
            return str(opening.get(qn("w:name")) or "")
    return ""


# (text, bold, italic, link address or None): one run as `absorb_word` joins runs into Markdown
Piece = tuple[str, bool, bool, str | None]


def has_changes(p: BaseOxmlElement) -> bool:
    """Whether a paragraph holds text in tracked changes."""
    return bool(p.xpath(_IN_PARAGRAPH))


def _change(r: BaseOxmlElement, p: BaseOxmlElement) -> Change | None:
    element = r.getparent()
    while element is not None and element is not p:
        kind = _CHANGES.get(element.tag)
        if kind is not None:
            return Change(kind, element.get(qn("w:author")) or UNKNOWN_AUTHOR,  # type: ignore[arg-type]
                          element.get(qn("w:date"), ""), _move_name(element))
        element = element.getparent()
    return None


def _link(r: BaseOxmlElement, paragraph: Paragraph) -> str | None:
    for element in r.iterancestors(qn("w:hyperlink")):
        link = Hyperlink(element, paragraph)  # type: ignore[arg-type]
        return link.address + (f"#{link.fragment}" if link.fragment else "")
    return None


def _text(r: BaseOxmlElement, run: Run, change: Change | None) -> str:
    """A run's text; deleted text is in `w:delText` (moved-away text keeps `w:t`)."""
    if change is None or change.kind == "insert":
        return run.text
    return "".join("\t" if child.tag == qn("w:tab") else child.text or ""
                   for child in r.iterchildren(qn("w:delText"), qn("w:t"), qn("w:tab")))


def _runs(paragraph: Paragraph) -> Iterator[tuple[Piece, Change | None]]:
    p = paragraph._p
    for r in p.iter(qn("w:r")):
        run = Run(r, paragraph)  # type: ignore[arg-type]
        change = _change(r, p)
        text = _text(r, run, change)
        if text:
            yield (text, bool(run.bold), bool(run.italic), _link(r, paragraph)), change


def tracked_markdown(paragraph: Paragraph,
                     markdown: Callable[[list[Piece]], str]) -> tuple[str, str]:
    """A paragraph with tracked changes as Markdown with proposals, and its plain text with
    the same proposals (the signature `absorb` aligns on, as `_inlineplain` reads the
    Markdown). `markdown` joins pieces of one look into inline Markdown (`absorb_word`)."""
    groups: list[tuple[Change | None, list[Piece]]] = []
    for piece, change in _runs(paragraph):
        if groups and groups[-1][0] == change:
            groups[-1][1].append(piece)
        else:
            groups.append((change, [piece]))
    md: list[str] = []
    text: list[str] = []
    n = 0
    while n < len(groups):
        change, pieces = groups[n]
        if change is None:
            md.append(markdown(pieces))
            text.append("".join(p[0] for p in pieces))
            n += 1
            continue
        following = groups[n + 1] if n + 1 < len(groups) else None
        if change.kind == "delete" and not change.move and following is not None \
                and following[0] == Change("insert", change.author, change.date):
            md.append(mark("replace", markdown(pieces), markdown(following[1]),
                           change.author, change.date))
            text.append(mark("replace", "".join(p[0] for p in pieces),
                             "".join(p[0] for p in following[1]), change.author, change.date))
            n += 2
            continue
        words = markdown(pieces)
        plain = "".join(p[0] for p in pieces)
        if change.kind == "insert":
            md.append(mark("insert", "", words, change.author, change.date, change.move))
            text.append(mark("insert", "", plain, change.author, change.date, change.move))
        else:
            md.append(mark("delete", words, "", change.author, change.date, change.move))
            text.append(mark("delete", plain, "", change.author, change.date, change.move))
        n += 1
    return "".join(md).strip(), "".join(text)


def mark_change(p: BaseOxmlElement) -> Change | None:
    """The pending change to a paragraph's mark (its end), if counsel's: inserted (the
    paragraph was split here) or deleted (it is joined with the next)."""
    for element in p.xpath("./w:pPr/w:rPr/w:ins | ./w:pPr/w:rPr/w:del"):
        return Change(_CHANGES[element.tag], element.get(qn("w:author")) or UNKNOWN_AUTHOR,  # type: ignore[arg-type]
                      element.get(qn("w:date"), ""))
    return None


# (inline Markdown, plain text) of one paragraph
Words = tuple[str, str]


def mark_is_moot(change: Change, before: str, after: str) -> bool:
    """Whether a pending paragraph-mark change needs no proposal of its own: the paragraph on
    one side is empty whichever way it is decided (a whole paragraph inserted or deleted, its
    words already proposals). `before`, `after`: the two paragraphs' Markdown."""
    side = as_it_stands if change.kind == "insert" else accepted
    return not side(before).strip() or not side(after).strip()


def across_mark(change: Change, before: Words, after: Words, gap: str) -> tuple[Words, Words]:
    """Two paragraphs whose paragraph mark between them counsel changed, as proposals on the
    words that cross it: a split (mark inserted) proposes to take the second paragraph's words
    out of the first, where they stand; a join (mark deleted) proposes to add them to the
    first and take them out of the second. `gap` is what separates them when joined."""
    who = (change.author, change.date)
    if change.kind == "insert":
        return ((before[0] + mark("delete", gap + after[0], "", *who),
                 before[1] + mark("delete", gap + after[1], "", *who)),
                (mark("insert", "", after[0], *who), mark("insert", "", after[1], *who)))
    return ((before[0] + mark("insert", "", gap + after[0], *who),
             before[1] + mark("insert", "", gap + after[1], *who)),
            (mark("delete", after[0], "", *who), mark("delete", after[1], "", *who)))
