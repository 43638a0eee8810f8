"""The questionnaire app (Textual). Imported only by `drafter`, `drafter edit` and `serve`,
never by `drafter build`, so the command line stays fast and works without a terminal UI."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.project import Project

if TYPE_CHECKING:
    from drafter.evidence.model import Evidence


def run(project: Project, path: Path, *, label: str = "", out_dir: Path | None = None,
        read_only: bool = False, evidence: Evidence | None = None) -> int:
    """Run the app on one answers file until the owner quits."""
    from drafter.app.app import DrafterApp

    DrafterApp(project, path, label=label, out_dir=out_dir, read_only=read_only,
               evidence=evidence).run()
    return 0
