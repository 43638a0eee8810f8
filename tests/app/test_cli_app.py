"""The command line opens the app lazily: `drafter build` never imports Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from drafter.cli import main


def test_build_does_not_import_textual(tmp_path: Path) -> None:
    code = ("import sys; from drafter.cli import main; "
            f"main(['build', '--example', 'kiosk', '-o', {str(tmp_path)!r}]); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_edit_reports_a_broken_answers_file_in_one_line(tmp_path: Path, capsys: object) -> None:
    broken = tmp_path / "answers.yaml"
    broken.write_text("business: [unclosed\n")
    assert main(["edit", str(broken)]) == 2
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert err.startswith(f"drafter: error: {broken}:") and err.count("\n") == 1
