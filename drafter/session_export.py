"""The app's export: what `drafter build` writes, for the answers an editing session saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.build_all import Built
    from drafter.editing import Session
    from drafter.export import Format


def export(session: Session, out_dir: Path, formats: list[Format] | None = None,
           *, force: bool = False) -> Built | list[Path]:
    """Write what `drafter build` writes for the saved answers file (`build_all`: every
    language the answers ask for, and each redline once a version is published). If files
    there were edited by hand since the last export, return them instead (unless `force`:
    then the build merges counsel's Markdown edits, in each language, and backs up any other
    edited file)."""
    from drafter.build import build_folder
    from drafter.build_all import build_all
    from drafter.export import formats as default_formats
    from drafter.manifest import edited_by_hand

    session.flush()  # what the form shows, not what was saved when the owner last paused
    answers = session.project.answers(session.path)
    if not force:
        changed = edited_by_hand(build_folder(session.project, answers, out_dir))
        if changed:
            return changed
    return build_all(session.project, answers, out_dir, formats or default_formats(None))
