"""No clause runs two Markdown blocks together in the built policy.

With `trim_blocks`, a template line that ends in a block tag (`{% endif %}`) loses its newline,
so the next list item, run-in heading or paragraph is glued to the sentence before it ("the
Framework.- We use …"). `drafter lint` finds such lines in the templates (with file and line);
this test checks the result: every example and every rich fixture, built, as the reader sees it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from drafter.paths import examples
from drafter.project import Project

FIXTURES = Path(__file__).parent / "fixtures"
DRAFTS = {**examples(), **{f"(fixture) {n}": FIXTURES / f"{n}.yaml"
                          for n in ("every-law", "other-branches", "all-modules", "outside-us-children")}}

# A sentence's end directly followed by a list marker, a bold run-in heading, a Markdown heading
# or the next sentence's first word: text that was meant to start a new line.
_GLUED = re.compile(r"[.;:!?)](?:[-*+] |\*\*[A-Z]|#|[A-Z][a-z])")
# A run-in heading (`**Who else gets it.**`) on a line of its own inside a paragraph: it was
# meant to start a paragraph, but the blank line before it was lost.
_HEADING_IN_PARAGRAPH = re.compile(r"\n\*\*[^*\n]+\*\*")
_MARKDOWN = MarkdownIt("commonmark").enable("table")


def glued_blocks(markdown: str) -> list[str]:
    """Each place in `markdown` where one block is glued to the text before it (with context)."""
    found = []
    for token in _MARKDOWN.parse(markdown):
        if token.type != "inline":
            continue
        for pattern in (_GLUED, _HEADING_IN_PARAGRAPH):
            found += [token.content[max(0, m.start() - 30):m.end() + 20]
                      for m in pattern.finditer(token.content)]
    return found


def test_the_check_sees_each_kind_of_glue() -> None:
    assert glued_blocks("Framework.- We use clauses.")
    assert glued_blocks("- first item.- **Second:** item")
    assert glued_blocks("No one sees it.\n**Who else gets it.** No one.")
    assert glued_blocks("We keep it.We delete it later.")
    assert not glued_blocks("**Cookies.** We use them.\n\n- **Kind:** one.\n- two, e.g. three")
    assert not glued_blocks("See [our site](<https://example.com/Privacy>).")


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_no_clause_glues_a_list_item_heading_or_sentence_to_the_line_before(
        project: Project, name: str) -> None:
    draft = project.draft(project.answers(DRAFTS[name]))
    glued = [f"{c.id}: {where!r}" for c in draft.policy.clauses()
             for where in glued_blocks(c.markdown)]
    assert glued == []
