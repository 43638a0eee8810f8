"""Export from the app writes what `drafter build` writes, and never silently over edits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Label

from drafter.app.app import DrafterApp
from drafter.app.screens.export import ConfirmOverwrite
from drafter.app.widgets.progress import Exported
from drafter.cli import main
from drafter.paths import examples
from drafter.redline import REDLINE_DOCX

pytestmark = pytest.mark.asyncio
App = Callable[..., DrafterApp]


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (history, backups and all), byte for byte, by relative path."""
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


async def test_export_matches_build_and_asks_before_replacing_edits(make_app: App,
                                                                    tmp_path: Path) -> None:
    app = make_app("kiosk")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        exported = tmp_path / "output" / "parcel-point-kiosks-inc"
        assert main(["build", str(tmp_path / "answers.yaml"), "-o", str(tmp_path / "cli")]) == 0
        assert files_of(exported) == files_of(tmp_path / "cli" / "parcel-point-kiosks-inc")

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


async def test_export_after_publication_writes_what_build_writes_byte_for_byte(
        make_app: App, tmp_path: Path) -> None:
    """Once a version is published, `drafter build` writes the redline as well: the app's
    export wrote everything else but not that (the two paths chose their files apart)."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(examples()["kiosk"].read_text())
    for out in (tmp_path / "output", tmp_path / "cli"):
        assert main(["publish", str(answers), "-o", str(out), "--date", "2026-11-01",
                     "--no-page-numbers"]) == 0
    answers.write_text(answers.read_text().replace("+1 510 555 0142", "+1 510 555 0199"))
    app = make_app()  # on the edited answers file
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert main(["build", str(answers), "-o", str(tmp_path / "cli")]) == 0
        exported = tmp_path / "output" / "parcel-point-kiosks-inc"
        shown = app.screen.query_one(Exported).text
    built = files_of(tmp_path / "cli" / "parcel-point-kiosks-inc")
    assert REDLINE_DOCX in built
    assert REDLINE_DOCX in shown, shown  # said, as every file written is
    mine = files_of(exported)
    assert sorted(mine) == sorted(built)
    assert [name for name in built if mine[name] != built[name]] == []


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
