"""The preview: every section of the policy listed, the current question's section open."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Collapsible

from drafter.app.app import DrafterApp
from drafter.app.widgets.preview import PolicyPreview, policy_parts
from drafter.project import Project
from drafter.export.markdown import to_markdown
from drafter.paths import examples
from tests.app.pilot_helpers import open_section, settle

WIDE = (160, 48)  # the preview sits beside the form

App = Callable[..., DrafterApp]


def test_parts_keep_each_clause_in_its_own_section(project: Project) -> None:
    """With reviewer notes on the draft (email-platform has one), every section still gets
    exactly its own clauses, and every clause's text is the exporter's."""
    draft = project.draft(project.answers(examples()["email-platform"]))
    assert draft.notes
    head, titles, parts = policy_parts(draft.policy)
    assert list(parts) == [s.id for s in draft.policy.sections]
    assert list(titles.values()) == [s.title for s in draft.policy.sections]
    for section in draft.policy.sections:
        assert [b.id for b in parts[section.id]] == [c.id for c in section.clauses]
    markdown = to_markdown(draft, clean=True)  # the preview shows no reviewer markers
    assert head in markdown and "[R1]" not in head + "".join(
        b.text for blocks in parts.values() for b in blocks)
    assert all(b.text in markdown for blocks in parts.values() for b in blocks)


@pytest.mark.asyncio
async def test_following_opens_one_section_and_typing_updates_it(make_app: App) -> None:
    app = make_app("email-platform")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        preview = app.screen.query_one(PolicyPreview)
        assert len(preview.query(Collapsible)) == len(preview.parts) > 10
        await open_section(pilot, "contact", "contact.email")
        await settle(pilot)
        contact = preview.clause_section[preview.current or ""]
        assert [c.id for c in preview.query(Collapsible) if not c.collapsed] == [f"part-{contact}"]
        await pilot.press("end", *".uk")
        await settle(pilot)
        await pilot.pause()
        assert "privacy@brightsignal.example.uk" in preview.text().replace("\\", "")
        await open_section(pilot, "business", "business.name")
        await settle(pilot)
        opened = [c.id for c in preview.query(Collapsible) if not c.collapsed]
        assert opened == [f"part-{preview.clause_section[preview.current or '']}"] != [
            f"part-{contact}"]


@pytest.mark.asyncio
async def test_a_section_opened_by_hand_is_drawn(make_app: App) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        preview = app.screen.query_one(PolicyPreview)
        closed = next(c for c in preview.query(Collapsible) if c.collapsed)
        section = (closed.id or "").removeprefix("part-")
        closed.collapsed = False
        for _ in range(50):  # its drawing waits for any redraw under way
            await pilot.pause(0.05)
            if section in preview.drawn:
                break
        assert section in preview.drawn
        assert all(b.text in preview.text() for b in preview.parts[section])
