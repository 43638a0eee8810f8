"""Reviewer-note decorations in the Markdown (markers after clause comments, a notes list at
the end) never reach the DOCX as text, never conflict with counsel's edits, and survive
`drafter absorb`. The merge learns the decorations by comparing drafts with and without notes,
so these tests fix only which notes the review returns."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

import drafter.review as review_module
from drafter.cli import main
from drafter.document.model import Note

FOLDER = "parcel-point-kiosks-inc"
CHILDREN = "Our services are not meant for children under 13"


def _notes(*anchors: str) -> list[Note]:
    return [Note(f"R{i}", "warning", "sharing", f"Check {a}.", "test", anchor=a)
            for i, a in enumerate(anchors, start=1)]


@pytest.fixture
def review(monkeypatch: pytest.MonkeyPatch) -> list[list[Note]]:
    """The test sets which notes the review returns; the exporter decorates the Markdown."""
    current: list[list[Note]] = [_notes("sharing.overview")]
    monkeypatch.setattr(review_module, "review_draft", lambda *args: current[0])
    return current


def test_docx_shows_notes_as_comments_only_and_absorb_keeps_the_markers(
        tmp_path: Path, review: list[list[Note]], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    folder = tmp_path / FOLDER
    md = (folder / "privacy-policy.md").read_text()
    assert "[R1]\n" in md and "## Reviewer notes" in md
    doc = Document(str(folder / "privacy-policy.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert "[R1]" not in texts and "Reviewer notes" not in texts
    assert [c.text.split("]")[0] for c in doc.comments] == ["[R1"]

    assert main(["absorb", str(folder / "privacy-policy.docx"), "-o", str(tmp_path)]) == 0
    assert (folder / "privacy-policy.md").read_text() == md
    capsys.readouterr()
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    assert "privacy-policy.md: no change." in capsys.readouterr().out

    children = next(p for p in doc.paragraphs if p.text.startswith(CHILDREN))
    for run in children.runs[1:]:
        run.text = ""
    children.runs[0].text = "We do not aim our services at children under 13."
    doc.save(str(tmp_path / "edited.docx"))
    assert main(["absorb", str(tmp_path / "edited.docx"), "-o", str(tmp_path)]) == 0
    absorbed = (folder / "privacy-policy.md").read_text()
    assert absorbed == md.replace(children_line(md), "We do not aim our services at children under 13.")


def children_line(md: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(CHILDREN))


def test_renumbered_notes_merge_cleanly_with_prose_edits(tmp_path: Path, review: list[list[Note]]) -> None:
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    md_path = tmp_path / FOLDER / "privacy-policy.md"
    md = md_path.read_text()
    overview = next(line for line in md.splitlines() if line.startswith("We do not sell"))
    edited = md.replace(overview, overview.replace("We do not sell", "We never sell"))
    md_path.write_text(edited)
    review[0] = _notes("collection.categories", "sharing.overview")  # R1 becomes R2
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path)]) == 0
    merged = md_path.read_text()
    assert "<!-- clause: sharing.overview (sharing/overview.md.j2) -->\n[R2]\n\nWe never sell" in merged
    assert "<!-- clause: collection.categories (collection/categories.md.j2) -->\n[R1]\n" in merged
    assert "- **[R1]** *warning*: Check collection.categories." in merged
    assert "- **[R2]** *warning*: Check sharing.overview." in merged
    assert "[R1]\n\nWe never sell" not in merged
