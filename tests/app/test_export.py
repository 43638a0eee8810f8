"""Export from the app writes what `drafter build` writes, and never silently over edits."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from textual.widgets import Label

from drafter.app.app import DrafterApp
from drafter.app.screens.export import ConfirmOverwrite
from drafter.app.widgets.progress import Exported
from drafter.cli import main

pytestmark = pytest.mark.asyncio
App = Callable[..., DrafterApp]


def tree(folder: Path) -> dict[str, object]:
    """What a reader gets from each exported file: text files byte for byte, the DOCX by its
    paragraphs (a zip carries timestamps), the manifest by what it says was generated."""
    files: dict[str, object] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".docx":
            files[path.name] = [p.text for p in Document(str(path)).paragraphs]
        elif path.name == "drafter-manifest.json":
            files[path.name] = json.loads(path.read_text())["generated"]
        elif path.is_file() and not path.name.startswith("."):
            files[path.name] = path.read_bytes()
    return files


async def test_export_matches_build_and_asks_before_replacing_edits(make_app: App,
                                                                    tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        exported = tmp_path / "output" / "parcel-point-kiosks-inc"
        assert main(["build", str(tmp_path / "answers.yaml"), "-o", str(tmp_path / "cli")]) == 0
        assert tree(exported) == tree(tmp_path / "cli" / "parcel-point-kiosks-inc")

        edited = exported / "privacy-policy.md"
        edited.write_text(edited.read_text() + "\nCounsel's addition.\n")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)
        assert edited in app.screen.changed
        dialog = " ".join(str(label.content) for label in app.screen.query(Label))
        assert str(edited.resolve()) in dialog  # the absolute path, as the export panel says
        await pilot.press("enter")  # the focused, safe choice: keep them
        await pilot.pause()
        assert "Counsel's addition." in edited.read_text()

        await pilot.press("f8")
        await pilot.pause()
        await pilot.click("#replace")
        await pilot.pause()
        assert "Counsel's addition." in edited.read_text(), "merged into the new draft"
        assert list((exported / "backups").glob("privacy-policy.*.md"))
        shown = app.screen.query_one(Exported).text  # every file this export wrote is named
        assert (exported / "changes.md").exists() and "changes.md" in shown, shown


async def test_export_refuses_incomplete_answers_with_a_reason(make_app: App,
                                                               tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text("business:\n  kinds: [kiosks]\n")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert not (tmp_path / "output").exists()
        assert any("required answer is missing" in str(n.message)
                   for n in app._notifications)


async def test_next_section_stops_at_the_last_and_only_its_button_exports(
        make_app: App, tmp_path: Path) -> None:
    app = make_app("kiosk")
    output = tmp_path / "output"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        last = screen.visible_sections()[-1]
        await screen.show_section(last)
        await pilot.press("ctrl+down", "ctrl+down")
        await pilot.pause()
        assert screen.section_id == last and not output.exists()
        assert "last section" in str(list(app._notifications)[-1].message)

        await pilot.click("#next")
        await pilot.pause()
        assert list(output.glob("*/privacy-policy.md"))
