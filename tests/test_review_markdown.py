"""Reading Markdown: plain runs skip markdown-it's inline parser (the slow half of reading a
long policy), and that never changes the tokens review and the exporters see."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.project import Project
from drafter.export.markdown import to_markdown
from drafter.paths import examples
from drafter.document.markdown import parser, reading_commonmark, reading_parser
from drafter.review.document import markdown_blocks

# Words, spacing and every character some Markdown rule reacts to, as pieces of a paragraph.
MARKDOWN = st.lists(st.sampled_from([
    "word", "Zé9", " ", "  ", "\t", "\n", "\n\n", ".", ":", "*", "_", "`", "[", "]", "(u)", "!",
    "<b>", ">", "&amp;", "&", "\\", "- ", "1. ", "# ", "|", "---", "~", "    "]),
    max_size=40).map("".join)


def same_blocks(text: str) -> None:
    assert list(markdown_blocks(text)) == list(markdown_blocks(text, parser=reading_commonmark()))
    fast, full = reading_parser().parse(text), reading_commonmark().parse(text)
    assert [(t.type, [(c.type, c.content) for c in t.children or []]) for t in fast] == \
        [(t.type, [(c.type, c.content) for c in t.children or []]) for t in full]
    md = reading_parser()
    assert md.renderer.render(fast, md.options, {}) == reading_commonmark().render(text)


# Text with line breaks but no inline syntax: what the fast path handles on its own.
PLAIN = st.lists(st.sampled_from(["word", "Zé9", " ", "  ", "\t", "\n", ".", ":", "#", "-", "|"]),
                 max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(PLAIN, MARKDOWN))
def test_plain_runs_read_as_markdown_it_reads_them(text: str) -> None:
    same_blocks(text)


@pytest.mark.parametrize("text", [
    "Line one   \n   line two\t\n\tline three",  # hard break, soft break, tabs
    "A *stressed* word and a [link](https://example.com/a_b) and `code_here`.",
    "[ref]\n\n[ref]: https://example.com/x",  # a reference defined after its use
    "| a | b |\n|---|---|\n| x  y | [z](u) |",
    "Fish &amp; chips \\*not emphasis\\* <b>bold</b>",
])
def test_tricky_runs(text: str) -> None:
    same_blocks(text)


def test_every_example_draft_reads_the_same(project: Project) -> None:
    for path in examples().values():
        text = to_markdown(project.draft(project.answers(path), date(2026, 11, 22)))
        same_blocks(text)


def test_plain_runs_are_not_inline_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of the fast path: a plain paragraph gets its text and break tokens without
    markdown-it's inline parser running at all."""
    md = parser()
    runs: list[str] = []
    real = md.inline.parse
    monkeypatch.setattr(md.inline, "parse", lambda src, *a: runs.append(src) or real(src, *a))
    inline = [t for t in md.parse("We keep it safe.  \n  And we say so.\n\nA *stressed* one.")
              if t.type == "inline"]
    assert [(c.type, c.content) for c in inline[0].children or []] == [
        ("text", "We keep it safe."), ("hardbreak", ""), ("text", "And we say so.")]
    assert runs == ["A *stressed* one."]



def test_attribute_lists_after_a_paragraph_are_markup_not_words(project: Project) -> None:
    """kramdown's `{: ...}` lists (Jekyll, GitHub Pages) are not text: a date alone under the
    title stays a date alone in its paragraph, so it counts as the policy's date."""
    from drafter.review import Document, review_document

    text = ("# Harbor Lane Privacy Notice\n\nMarch 3, 2026\n{: datetime=\"2026-03-03\" }\n\n"
            "We keep order records.\n{: #orders }\n\n{: .note}\n\nEffective May 1, 2026 "
            "{: datetime=\"2026-05-01\" }\n")
    blocks = list(markdown_blocks(text))
    assert [b.text for b in blocks] == ["Harbor Lane Privacy Notice", "March 3, 2026",
                                        "We keep order records.", "Effective May 1, 2026"]
    assert [(b.start, b.end) for b in blocks[1:3]] == [(3, 4), (6, 7)]
    notes = review_document(Document(tuple(blocks[:3]), "policy.md"), project.library,
                            today=date(2026, 11, 22))
    assert "caloppa.effective-date" not in {n.requirement for n in notes}
    assert "We use {: braces} in a sentence." == next(iter(markdown_blocks(
        "We use {: braces} in a sentence."))).text
