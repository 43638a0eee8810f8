"""A build parses the policy's Markdown once: review, the ledger and every exporter read that
one tree (issue 13). Counted by wrapping markdown-it's own entry points."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from drafter.build import build
from drafter.document.markdown import NOTES_MARK
from drafter.export import formats
from drafter.paths import examples
from drafter.project import Project


class Parses:
    def __init__(self) -> None:
        self.blocks: list[str] = []  # MarkdownIt.parse: whole documents
        self.inline: list[str] = []  # MarkdownIt.parseInline: pieces of one run


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[Parses]:
    seen = Parses()
    parse, parse_inline = MarkdownIt.parse, MarkdownIt.parseInline

    def counted(self: MarkdownIt, src: str, env: object = None) -> object:
        seen.blocks.append(src)
        return parse(self, src, env)  # type: ignore[arg-type]

    def counted_inline(self: MarkdownIt, src: str, env: object = None) -> object:
        seen.inline.append(src)
        return parse_inline(self, src, env)  # type: ignore[arg-type]

    monkeypatch.setattr(MarkdownIt, "parse", counted)
    monkeypatch.setattr(MarkdownIt, "parseInline", counted_inline)
    yield seen


@pytest.mark.parametrize("name", sorted(examples()))
def test_a_build_parses_the_policy_once(project: Project, parses: Parses, name: str,
                                        tmp_path: Path) -> None:
    answers = project.answers(examples()[name])
    parses.blocks.clear()
    result = build(project, answers, tmp_path, formats("md,html,txt,docx"))
    assert result.manifest is not None
    policy = [src for src in parses.blocks if not src.startswith(NOTES_MARK)]
    assert policy == [result.manifest.generated.plain]
    # The reviewer-notes list is its own short document, parsed once for HTML and text.
    assert len(parses.blocks) - len(policy) == (1 if result.draft.notes else 0)
    # Only a promise that is part of a run with inline syntax reads that part on its own.
    promised = [entry.markdown for entry in result.draft.promises or ()]
    assert all("\n\n" not in src and any(src in p for p in promised) for src in parses.inline)


def test_a_build_over_counsels_edit_parses_their_text_once(project: Project, parses: Parses,
                                                           tmp_path: Path) -> None:
    answers = project.answers(examples()["kiosk"])
    first = build(project, answers, tmp_path, formats("md"))
    md = first.folder / "privacy-policy.md"
    md.write_text(md.read_text().replace("We ", "We at the kiosk ", 1))
    parses.blocks.clear()
    result = build(project, answers, tmp_path, formats("md,html,txt,docx"))
    assert result.outcome.status == "kept"
    policy = [src for src in parses.blocks if not src.startswith(NOTES_MARK)]
    # The new draft (which review reads) and counsel's text (which the exporters render).
    assert len(policy) == 2 and "We at the kiosk " in policy[1]
    assert "We at the kiosk " in (first.folder / "privacy-policy.html").read_text()
