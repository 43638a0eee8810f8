"""drafter.document.blocks: Markdown parsed block by block (each block's tokens kept) gives
the tokens one parse gives, on every example's policy in every language, on the review
fixtures, and on the constructs a blank line does not end."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.token import Token

from drafter.document.blocks import pieces
from drafter.document.markdown import _blocks, parse, parser
from drafter.document.tree import join, parts
from drafter.i18n.catalog import catalog
from drafter.paths import examples
from tests.conftest import real_project

FIXTURES = Path(__file__).parent / "fixtures" / "review"


def _same(markdown: str) -> None:
    _blocks().parsed = True  # in pieces from the first parse (a process's first is whole)
    whole = [t.as_dict() for t in parser().parse(markdown)]
    assert [t.as_dict() for t in parse(markdown)] == whole
    assert [t.as_dict() for t in parse(markdown)] == whole  # again, from the kept blocks


def test_examples_in_every_language_parse_as_one_parse() -> None:
    """Six examples in English (assembling all 17 costs 3 s of CPU; these hold every kind
    of block the library writes), and the largest in each other language (the clauses are
    translated block for block)."""
    from drafter.assemble import assemble

    project = real_project()
    chosen = ["email-platform", "eu-studio", "kids-crafts", "kiosk", "quebec-firm", "uk-bakery"]
    policies = {name: project.assemble(project.answers(examples()[name])) for name in chosen}
    for policy in policies.values():
        markdown = join(parts(policy))
        assert len(pieces(markdown) or ()) > 20  # cut into pieces, not parsed whole
        _same(markdown)
    largest = max(policies, key=lambda name: len(join(parts(policies[name]))))
    answers = project.answers(examples()[largest])
    for lang in catalog(project.library).languages:
        _same(join(parts(assemble(answers, project.library, lang))))


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.name)
def test_review_fixtures_parse_as_one_parse(path: Path) -> None:
    _same(path.read_text())


@pytest.mark.parametrize("markdown", [
    "- one\n\n- two\n\nafter\n",  # a loose list: one list across the blank line
    "1. one\n\n2) two\n\n3. three\n",
    "- one\n\n  still one\n\n# Heading\n\n# Heading\n",  # the same anchor twice: -1
    "```\ncode\n\nmore code\n```\n\nafter\n",
    "<!-- a comment\n\nstill the comment -->\n\nafter\n",
    "<pre>\n\nkept\n</pre>\n\nafter\n",
    "para\n\n    indented code\n\nafter\n",
    "> quote\n\n> another quote\n\n---\n\n* * *\n\n*emphasis* here\n",
    "see [the policy][p]\n\n[p]: https://example.com\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n\nafter\n\n## Second {#x}\n\n## x\n",
    "line\r\n\r\nnext\r\n",
    "",
    "\n\n\nonly blank lines before\n",
])
def test_what_a_blank_line_does_not_end_parses_as_one_parse(markdown: str) -> None:
    _same(markdown)


def test_kept_tokens_are_never_handed_out() -> None:
    markdown = "# Title\n\nA paragraph of text.\n\n## Part\n\nMore text.\n"
    first = parse(markdown)
    first[0].attrs["id"] = "changed"
    first[1].children[0].content = "changed"  # type: ignore[index]
    assert parse(markdown)[0].attrs["id"] == "title"
    assert parse(markdown)[1].children[0].content == "Title"  # type: ignore[index]
    assert all(isinstance(t, Token) for t in first)
