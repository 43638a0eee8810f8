"""Inline suppressions: `<!-- drafter: ignore CHECK -->` in the policy itself.

    <!-- drafter: ignore outdated.ssl -->          the next block (or the one holding it)
    <!-- drafter: ignore-file requirement -->      the whole file, document-wide notes too

CHECK is a check id (`outdated.ssl`), a requirement id (`caloppa.effective-date`), or a prefix
of either ending at a dot (`outdated`, `caloppa`); several may be given, separated by spaces
or commas. The comment is found in the file's bytes (Markdown and HTML parsers drop
comments), or in a paragraph's text in a `.docx`. A comment that names no known check, or a
`drafter:` comment of another form, is bad input: one line naming the file and line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from drafter.errors import UserError
from drafter.review.document import Block, Document
from drafter.document.model import Note, number
from drafter.review.rules import ReviewRules

_COMMENT = re.compile(r"<!--\s*drafter\s*:(.*?)-->", re.DOTALL | re.IGNORECASE)
_FORM = re.compile(r"\s*(ignore|ignore-file)\s+([A-Za-z0-9_.,\s-]+?)\s*$", re.DOTALL)
# Notes that checks make in code rather than from a rule of the library's YAML.
_BUILT_IN = ("requirement", "answers.unsure", "promise.default")


@dataclass(frozen=True)
class Ignore:
    """One `drafter: ignore` comment: the names it lists and where it applies."""

    names: tuple[str, ...]
    line: int
    whole_file: bool


def rule_key(note: Note) -> str:
    """The id a person names a note by: the requirement for a missing item, else the check."""
    return note.requirement if note.check == "requirement" and note.requirement else note.check


def matches(name: str, note: Note) -> bool:
    ids = [note.check] + ([note.requirement] if note.requirement else [])
    return any(i == name or i.startswith(name + ".") for i in ids)


def known_checks(rules: ReviewRules, requirement_ids: Iterable[str]) -> frozenset[str]:
    """Every name an ignore comment may use: check and requirement ids and their prefixes."""
    ids = [p.rule.id for p in rules.patterns] + [group.id for group, _, _ in rules.terms]
    ids += [rules.text.company_names.id, rules.text.effective_date.id]
    ids += [c.check.id for c in rules.answer_checks]
    ids += [rules.commitments.rule.id] if rules.commitments else []
    ids += [*requirement_ids, *_BUILT_IN]
    names: set[str] = set()
    for full in ids:
        parts = full.split(".")
        names.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))
    return frozenset(names)


def _text(data: bytes) -> str:
    for bom, codec in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    return data.decode("utf-8-sig", errors="replace")  # the comment itself is ASCII


def _parse(body: str, line: int, name: str, known: frozenset[str]) -> Ignore:
    form = _FORM.fullmatch(body)
    if form is None:
        raise UserError(f"expected `<!-- drafter: ignore CHECK -->` or "
                        f"`<!-- drafter: ignore-file CHECK -->`, got {body.strip()!r}",
                        path=name, line=line, field="drafter comment")
    names = tuple(n for n in re.split(r"[\s,]+", form.group(2)) if n)
    for check in names:
        if check not in known:
            raise UserError(f"no check or requirement called {check!r}", path=name, line=line,
                            field=f"drafter: {form.group(1)}")
    return Ignore(names, line, form.group(1) == "ignore-file")


def find_ignores(data: bytes, document: Document, known: frozenset[str],
                 docx: bool = False) -> list[Ignore]:
    """The ignore comments of a file: in its text, or in a .docx's paragraphs."""
    found: list[Ignore] = []
    if docx:
        for block in document.blocks:
            for m in _COMMENT.finditer(block.text):
                found.append(_parse(m.group(1), block.line_at(m.start()), document.name, known))
        return found
    text = _text(data)
    if "drafter" not in text.lower():
        return found
    for m in _COMMENT.finditer(text):
        found.append(_parse(m.group(1), text.count("\n", 0, m.start()) + 1, document.name, known))
    return found


def without_comments(document: Document) -> Document:
    """The document without paragraphs that hold nothing but `drafter:` comments (a .docx's:
    Markdown and HTML parsers drop comments already), so no check reads a comment as text."""
    blocks = tuple(b for b in document.blocks if _COMMENT.sub("", b.text).strip())
    return document if len(blocks) == len(document.blocks) else Document(blocks, document.name)


def _targets(ignores: Sequence[Ignore], document: Document) -> list[tuple[Ignore, Block]]:
    """Each line comment with its block: the one holding its line, or else the next one."""
    found = []
    for ignore in ignores:
        block = next((b for b in document.blocks if b.end >= ignore.line), None)
        if not ignore.whole_file and block is not None:
            found.append((ignore, block))
    return found


def _silenced(note: Note, ignores: Sequence[Ignore],
              targets: Sequence[tuple[Ignore, Block]]) -> bool:
    if any(matches(n, note) for i in ignores if i.whole_file for n in i.names):
        return True
    return note.lines is not None and any(
        block.start <= note.lines[0] <= block.end and any(matches(n, note) for n in i.names)
        for i, block in targets)


def apply_ignores(notes: Sequence[Note], ignores: Sequence[Ignore], document: Document,
                  review: Callable[[Document], list[Note]]) -> tuple[list[Note], int]:
    """The notes left once the comments have spoken, and how many notes they silenced.

    A line comment hides its block from the checks it names: those checks' notes are taken
    from a second review of the document without that block (`review`), so a check that
    reports all its matches in one note ("also on line 57") still reports the others. Only
    notes on lines are taken from it: hiding a block never adds a note about the whole
    document (an item "missing" because its block was hidden). A file comment drops every
    note of the checks it names."""
    if not ignores:
        return list(notes), 0
    targets = _targets(ignores, document)
    silenced = sum(_silenced(n, ignores, targets) for n in notes)
    hidden_for: dict[frozenset[int], set[str]] = defaultdict(set)
    for name in {n for i, _ in targets for n in i.names}:
        hidden_for[frozenset(id(b) for i, b in targets if name in i.names)].add(name)
    result = list(notes)
    for hidden, names in hidden_for.items():
        rest = Document(tuple(b for b in document.blocks if id(b) not in hidden), document.name)
        def named(note: Note, names: set[str] = names) -> bool:
            return note.lines is not None and any(matches(x, note) for x in names)

        result = [n for n in result if not named(n)] + [n for n in review(rest) if named(n)]
    whole = [n for i in ignores if i.whole_file for n in i.names]
    kept = [n for n in result if not any(matches(x, n) for x in whole)]
    return number(kept, lambda n: n.lines[0] if n.lines else float("inf")), silenced
