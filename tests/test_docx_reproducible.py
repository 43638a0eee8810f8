"""Every Word file a build writes is the same bytes for the same input, whenever it is built:
the policy's DOCX and the redline (which `Document.save` dated with the time it was written)."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from drafter.cli import main
from drafter.paths import examples
from drafter.redline import REDLINE_DOCX


def _at(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    """The wall clock zip entries are dated from, set to `when` (never slept for)."""
    struct = time.strptime(when, "%Y-%m-%d %H:%M:%S")
    monkeypatch.setattr(zipfile, "time", SimpleNamespace(
        time=lambda: time.mktime(struct), localtime=lambda *_: struct))


def test_two_builds_at_different_times_write_the_same_word_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers, out = tmp_path / "kiosk.yaml", tmp_path / "out"
    answers.write_text(examples()["kiosk"].read_text())
    assert main(["publish", str(answers), "-o", str(out), "--date", "2026-11-01",
                 "--no-page-numbers", "--format", "md"]) == 0
    answers.write_text(answers.read_text().replace("+1 510 555 0142", "+1 510 555 0199"))
    folder = next(out.iterdir())
    names = ("privacy-policy.docx", REDLINE_DOCX)
    builds = []
    for when in ("2026-12-01 09:00:00", "2027-03-04 17:21:43"):
        _at(monkeypatch, when)
        assert main(["build", str(answers), "-o", str(out), "--format", "md,docx",
                     "--lang", "en"]) == 0
        builds.append({name: (folder / name).read_bytes() for name in names})
    assert builds[0] == builds[1]
    for name in names:
        with zipfile.ZipFile(folder / name) as docx:
            entries = docx.infolist()
        assert [e.filename for e in entries] == sorted(e.filename for e in entries)
        assert {e.date_time[:3] for e in entries} != {(2027, 3, 4)}, name  # not the clock's
