"""Undoing a decision: `drafter resolve --undo` takes a resolution back by adding an entry (who,
when, why), the resolution stays on record, and the note is open again from the next build."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.cli import main
from drafter.decisions import decisions_path, load_decisions
from tests.test_decisions import KEY, LINKS, _answers, _build, _comments, _sections


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_TODAY", "2026-12-01")


def test_undoing_a_resolution_reopens_the_note_and_keeps_both_on_record(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out = _answers(tmp_path), tmp_path / "out"
    folder = _build(answers, out)
    assert main(["resolve", "R2", str(answers), "--by", "Jane Counsel",
                 "--why", "Checked every link."]) == 0
    _build(answers, out)
    assert LINKS not in _sections((folder / "review.md").read_text())[0]

    capsys.readouterr()
    assert main(["resolve", "--undo", "R2", str(answers), "--by", "Sam Partner",
                 "--why", "Two links moved since."]) == 0
    said = capsys.readouterr().out
    assert "Undid the resolution of R2 (by Jane Counsel, 2026-12-01)" in said
    resolved, undone = load_decisions(decisions_path(answers))
    assert (resolved.note, resolved.action) == (KEY, None)
    assert (undone.note, undone.action, undone.who, undone.why) == \
        (KEY, "undo", "Sam Partner", "Two links moved since.")
    assert "action: undo" in decisions_path(answers).read_text()

    for _ in range(2):  # open again, and it stays open: no "Reopened", no orphan decision
        _build(answers, out)
        review = (folder / "review.md").read_text()
        open_part, rest = _sections(review)
        assert LINKS in open_part and "Reopened" not in review and LINKS not in rest
        assert "no longer appears" not in review
        assert any(LINKS in c for c in _comments(folder))

    # Nothing to undo now; resolving again closes it (the latest entry wins).
    capsys.readouterr()
    assert main(["resolve", "--undo", KEY, str(answers), "--by", "Sam Partner",
                 "--why", "again"]) == 0
    assert "is not resolved now; nothing recorded" in capsys.readouterr().out
    assert len(load_decisions(decisions_path(answers))) == 2
    assert main(["resolve", KEY, str(answers), "--by", "Jane Counsel", "--why", "Fixed."]) == 0
    _build(answers, out)
    assert LINKS not in _sections((folder / "review.md").read_text())[0]
    assert len(load_decisions(decisions_path(answers))) == 3


def test_an_undo_needs_a_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers(tmp_path)
    _build(answers, tmp_path / "out")
    assert main(["resolve", "--undo", "R2", str(answers), "--by", "Sam", "--why", " "]) == 2
    err = capsys.readouterr().err
    assert "say why the note is reopened" in err and len(err.splitlines()) == 1
