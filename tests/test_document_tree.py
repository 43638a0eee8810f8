"""The policy's tree, parsed once, with the notes added as markers on its nodes, reads exactly
as the decorated Markdown parsed whole would: the HTML and text need no second parse."""

from __future__ import annotations

import pytest

from drafter.document.markdown import parse, render_html
from drafter.document.model import Draft, Note
from drafter.document.tree import policy_tree
from drafter.export.markdown import decorated_tokens, to_markdown
from drafter.export.text import TextRenderer
from drafter.paths import examples
from drafter.project import Project


def _notes(draft: Draft) -> tuple[Note, ...]:
    """A note on the whole policy, on the first section, on a clause with a title and on one
    without (where the example has them), and a question for counsel."""
    clauses = draft.policy.clauses()
    titled = next((c.id for c in clauses if c.title), None)
    untitled = next((c.id for c in clauses if not c.title), None)
    anchors = [None, draft.policy.sections[0].id, titled, untitled, untitled]
    return tuple(Note(f"R{i}", "warning", "scope", f"Note {i}.", "test", anchor=anchor,
                      for_counsel=i == 5)
                 for i, anchor in enumerate(anchors, start=1))


@pytest.mark.parametrize("name", sorted(examples()))
def test_markers_on_nodes_read_as_the_decorated_markdown(project: Project, name: str) -> None:
    drafted = project.draft(project.answers(examples()[name]))
    draft = Draft(drafted.policy, _notes(drafted))
    tree = policy_tree(draft.policy)
    assert tree.markdown == to_markdown(Draft(draft.policy, ()))
    ours = decorated_tokens(draft, tree)
    whole = parse(to_markdown(draft))
    assert render_html(ours) == render_html(whole)
    assert TextRenderer().render(ours) == TextRenderer().render(whole)


def test_nodes_follow_the_policy(project: Project) -> None:
    draft = project.draft(project.answers(examples()["kiosk"]))
    tree = draft.tree
    assert tree is not None
    kinds = [(node.kind, node.anchor) for node in tree.nodes]
    expected = [("head", None), ("contents", None)]
    for section in draft.policy.sections:
        expected += [("section", section.id), *(("clause", c.id) for c in section.clauses)]
    assert kinds == expected
