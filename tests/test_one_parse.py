"""A build parses the policy's Markdown once: review, the ledger and every exporter read that
one tree, the reviewer-notes list is made as tokens and a promise's text is read from the
tree (issue 13). Counted by wrapping markdown-it's own entry points, and its inline parser
wherever a whole-document parse did not call it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline

from drafter.build import build
from drafter.document.blocks import BlockParser
from drafter.document.markdown import fragment_text, parse, render_html
from drafter.document.model import Draft, Note
from drafter.document.tree import _part_text, join
from drafter.export.markdown import notes_part, notes_tokens
from drafter.export.text import TextRenderer
from drafter.export import formats
from drafter.paths import examples
from drafter.project import Project


class Parses:
    def __init__(self) -> None:
        self.blocks: list[str] = []  # MarkdownIt.parse: whole documents
        self.inline: list[str] = []  # MarkdownIt.parseInline: pieces of one run
        self.runs: list[str] = []  # the inline parser called outside both of them
        self.depth = 0


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[Parses]:
    seen = Parses()
    parse, parse_inline, inline = MarkdownIt.parse, MarkdownIt.parseInline, ParserInline.parse
    document = BlockParser.parse

    def counted(self: MarkdownIt, src: str, env: object = None) -> object:
        if not seen.depth:  # not a piece of a document `BlockParser` parses in pieces
            seen.blocks.append(src)
        seen.depth += 1
        try:
            return parse(self, src, env)  # type: ignore[arg-type]
        finally:
            seen.depth -= 1

    def counted_document(self: BlockParser, markdown: str) -> object:
        seen.blocks.append(markdown)  # one document, parsed whole or in pieces
        seen.depth += 1
        try:
            return document(self, markdown)
        finally:
            seen.depth -= 1

    def counted_inline(self: MarkdownIt, src: str, env: object = None) -> object:
        seen.inline.append(src)
        seen.depth += 1
        try:
            return parse_inline(self, src, env)  # type: ignore[arg-type]
        finally:
            seen.depth -= 1

    def counted_run(self: ParserInline, src: str, *args: object) -> object:
        if not seen.depth:
            seen.runs.append(src)
        return inline(self, src, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(MarkdownIt, "parse", counted)
    monkeypatch.setattr(BlockParser, "parse", counted_document)
    monkeypatch.setattr(MarkdownIt, "parseInline", counted_inline)
    monkeypatch.setattr(ParserInline, "parse", counted_run)
    yield seen


@pytest.mark.parametrize("name", sorted(examples()))
def test_a_build_parses_the_policy_once(project: Project, parses: Parses, name: str,
                                        tmp_path: Path) -> None:
    answers = project.answers(examples()[name])
    parses.blocks.clear()
    result = build(project, answers, tmp_path, formats("md,html,txt,docx"))
    assert result.manifest is not None
    # Exactly one parse: the policy's own Markdown. The notes list is made as tokens and each
    # promise's text is read from the tree, so nothing else is parsed, not even one run.
    assert parses.blocks == [result.manifest.generated.plain]
    assert parses.inline == [] and parses.runs == []
    assert result.draft.promises  # there were promises to read (and notes, in all but
    # texas-small, which has none since US-only advice stopped reaching it: see below)
    assert result.draft.notes or name == "texas-small"


def test_a_build_over_counsels_edit_parses_their_text_once(project: Project, parses: Parses,
                                                           tmp_path: Path) -> None:
    answers = project.answers(examples()["kiosk"])
    first = build(project, answers, tmp_path, formats("md"))
    md = first.folder / "privacy-policy.md"
    md.write_text(md.read_text().replace("We ", "We at the kiosk ", 1))
    parses.blocks.clear()
    result = build(project, answers, tmp_path, formats("md,html,txt,docx"))
    assert result.outcome.status == "kept"
    # The new draft (which review reads) and counsel's text (which the exporters render).
    assert len(parses.blocks) == 2 and "We at the kiosk " in parses.blocks[1]
    assert parses.inline == [] and parses.runs == []
    assert "We at the kiosk " in (first.folder / "privacy-policy.html").read_text()


# ---- what the parse is replaced with reads the same as parsing would --------------------------

def _notes_every_way() -> tuple[Note, ...]:
    """Notes with every part a list item can have, text that needs escaping, and a message
    with inline syntax of its own (the library writes code spans in messages)."""
    return (
        Note("R1", "blocking", "missing", "Template code (`{{ }}` or `{% %}`) was *left*.",
             "leftover", excerpt="- 5 * [x] <b> & _y_", cite="Cal. Bus. & Prof. Code § 22575",
             requirement="caloppa.dnt", verify=True, resolves_by="contact.email"),
        Note("R2", "advice", "missing", "Plain words only.", "requirement", anchor="rights"),
        Note("R3", "warning", "missing", "Counsel decides #1.", "requirement",
             resolves_by="children.under_13", for_counsel=True, covers=("coppa.a", "coppa.b")),
    )


@pytest.mark.parametrize("counsel", [True, False])
def test_the_notes_list_made_as_tokens_reads_as_its_markdown_parses(project: Project,
                                                                    counsel: bool) -> None:
    policy = project.draft(project.answers(examples()["kiosk"])).policy
    notes = tuple(n for n in _notes_every_way() if counsel or not n.for_counsel)
    draft = Draft(policy, notes)
    part = notes_part(draft)
    assert part is not None
    parsed = parse(join([part]).lstrip("\n"))
    built = notes_tokens(draft)
    assert render_html(built) == render_html(parsed)
    assert TextRenderer().render(built) == TextRenderer().render(parsed)
    assert "<code>{{ }}</code>" in render_html(built)  # the message's own syntax is kept


def test_a_promise_part_of_a_run_reads_as_that_part_parsed_alone() -> None:
    line = (r"We answer **within 30 days**. Up to \*5\* [people](<https://x.example>) see it. "
            "Ask us at `help` or *by post*. You & we agree.")
    (inline,) = [t for t in parse(line + "\n") if t.type == "inline"]
    sentences = [s + "." for s in line.split(". ")]
    sentences[-1] = sentences[-1][:-1]
    start = 0
    for sentence in sentences:
        begin = line.index(sentence, start)
        part = _part_text(inline, line, begin, begin + len(sentence))
        assert part == fragment_text(sentence), sentence
        start = begin + len(sentence)
