"""What changed between published versions: plain words, material flags, the date rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.cli import main
from drafter.paths import examples

FOLDER = "parcel-point-kiosks-inc"


def _answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(examples()["kiosk"].read_text())
    return path


def _run(*argv: str) -> int:
    return main(list(argv))


def test_practice_and_wording_changes_are_reported_and_flagged_material(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out = _answers(tmp_path), str(tmp_path / "out")
    assert _run("publish", str(answers), "-o", out, "--date", "2026-11-22", "--no-page-numbers") == 0
    assert (tmp_path / "out" / FOLDER / "history" / "2026-11-01" / "privacy-policy.md").exists()
    answers.write_text(answers.read_text().replace("advertising: false", "advertising: true"))
    assert _run("build", str(answers), "-o", out) == 0
    capsys.readouterr()
    assert _run("diff", str(answers), "-o", out) == 0
    report = capsys.readouterr().out
    assert report.startswith("# What changed since the version published on November 1, 2026")
    assert "**Material:** Now uses advertising cookies or pixels" in report
    assert "Reworded: “Who we share information with” (sharing.overview)." in report
    assert "Added: We do not sell your personal information for money." in report
    assert "A notice on our website; An email to account holders; A message in our app" in report
    assert "Reworded: “How to contact us”" not in report  # untouched clauses are not listed
    assert (tmp_path / "out" / FOLDER / "changes.md").read_text() == report


def test_the_date_moves_only_when_the_text_changed(tmp_path: Path) -> None:
    answers, out = _answers(tmp_path), str(tmp_path / "out")
    history = tmp_path / "out" / FOLDER / "history"
    assert _run("publish", str(answers), "-o", out, "--date", "2026-11-22", "--no-page-numbers") == 0
    assert _run("publish", str(answers), "-o", out, "--date", "2026-11-23", "--no-page-numbers") == 0
    assert sorted(p.name for p in history.iterdir()) == ["2026-11-01"]
    assert "effective_date: 2026-11-01" in answers.read_text()

    answers.write_text(answers.read_text().replace("sms_marketing: false", "sms_marketing: true"))
    assert _run("publish", str(answers), "-o", out, "--date", "2026-12-01", "--no-page-numbers") == 0
    assert "effective_date: 2026-12-01" in answers.read_text()
    assert "# Example: a self-service shipping-kiosk operator" in answers.read_text()  # comments kept
    assert sorted(p.name for p in history.iterdir()) == ["2026-11-01", "2026-12-01"]
    published = (history / "2026-12-01" / "privacy-policy.md").read_text()
    assert "Effective date: December 1, 2026" in published
    assert (history / "2026-12-01" / "drafter-manifest.json").exists()


def test_counsel_edits_alone_are_a_wording_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out = _answers(tmp_path), str(tmp_path / "out")
    assert _run("publish", str(answers), "-o", out, "--no-page-numbers") == 0
    md = tmp_path / "out" / FOLDER / "privacy-policy.md"
    md.write_text(md.read_text().replace("We do not link the two to identify you.",
                                         "We never link the two to identify you."))
    capsys.readouterr()
    assert _run("diff", str(answers), "-o", out) == 0
    report = capsys.readouterr().out
    assert "Practices" not in report
    assert "Removed: We do not link the two to identify you." in report
    assert "Added: We never link the two to identify you." in report


def test_publishing_a_changed_example_refuses_to_edit_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "out")
    # English only: the edit below is made in English (the kiosk also writes Spanish)
    only = ("--lang", "en", "--no-page-numbers")
    assert _run("publish", "--example", "kiosk", "-o", out, *only) == 0
    md = tmp_path / "out" / FOLDER / "privacy-policy.md"
    md.write_text(md.read_text().replace("We do not link the two", "We never link the two"))
    assert _run("publish", "--example", "kiosk", "-o", out, *only) == 2
    assert "copy the built-in example" in capsys.readouterr().err


def test_before_the_first_publication_changes_are_a_drafts_with_no_notice_advice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Counsel's edit and the owner's answer change before anything is published: listed
    plainly; nobody has been told the old text, so nothing is material and no notice is due."""
    answers, out = _answers(tmp_path), str(tmp_path / "out")
    folder = tmp_path / "out" / FOLDER
    assert _run("build", str(answers), "-o", out) == 0
    md = folder / "privacy-policy.md"
    md.write_text(md.read_text().replace("We do not link the two to identify you.",
                                         "We never link the two to identify you."))
    answers.write_text(answers.read_text().replace("advertising: false", "advertising: true"))
    capsys.readouterr()
    assert _run("build", str(answers), "-o", out) == 0
    printed = capsys.readouterr().out
    assert "Changes since the last build (nothing has been published yet): " in printed
    assert "material" not in printed
    report = (folder / "changes.md").read_text()
    assert report.startswith("# What changed since the last build (nothing has been published "
                             "yet)\n\nNothing has been published yet, so these are changes to "
                             "the draft")
    assert "no notice is due" in report
    assert "## Answers the owner changed\n\n- Now uses advertising cookies or pixels" in report
    assert "Added: We never link the two to identify you." in report
    # Who changed what: counsel's wording is marked as theirs, the answers' consequences not.
    assert "- Reworded: “Information we collect” (collection.combining), as counsel edited it." \
        in report
    assert "- Reworded: “Who we share information with” (sharing.overview).\n" in report
    for advice in ("Material", "material change", "send that notice", "choose an effective date"):
        assert advice not in report


def test_after_publication_the_same_changes_carry_the_notice_advice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out = _answers(tmp_path), str(tmp_path / "out")
    assert _run("publish", str(answers), "-o", out, "--date", "2026-11-22", "--no-page-numbers") == 0
    answers.write_text(answers.read_text().replace("advertising: false", "advertising: true"))
    capsys.readouterr()
    assert _run("build", str(answers), "-o", out) == 0
    assert "material)" in capsys.readouterr().out
    report = (tmp_path / "out" / FOLDER / "changes.md").read_text()
    assert "material change(s).** The policy promises to tell people" in report
    assert "send that notice, and choose an effective date after it." in report
    assert "## Practices (from the answers)\n\n- **Material:** Now uses advertising" in report
    assert "Nothing has been published yet" not in report


def test_a_build_reads_only_the_last_published_version(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Compared with the last published version alone: the older ones are not read, however
    many there are (`--redline` and `publish` read the history they need themselves)."""
    import drafter.history
    from drafter.history import last_published, published_versions

    answers, out = _answers(tmp_path), str(tmp_path / "out")
    history = tmp_path / "out" / FOLDER / "history"
    # without LibreOffice's page numbers, as every other test here (tests/test_docx_layout.py
    # tests them): the history read is the same, and laying out two DOCX was 4 s of CPU
    plain = ("--no-page-numbers",)
    assert _run("publish", str(answers), "-o", out, "--date", "2026-11-22", *plain) == 0
    answers.write_text(answers.read_text().replace("sms_marketing: false", "sms_marketing: true"))
    assert _run("publish", str(answers), "-o", out, "--date", "2026-12-01", *plain) == 0
    (history / "2026-12-02").mkdir()  # a folder with nothing published in it is passed over
    folder = tmp_path / "out" / FOLDER
    last = last_published(folder)
    assert last is not None and last == published_versions(folder)[-1]
    assert last.folder.name == "2026-12-01"

    read: list[str] = []
    real = drafter.history.load_manifest
    monkeypatch.setattr(drafter.history, "load_manifest",
                        lambda path: read.append(path.name) or real(path))
    assert _run("build", str(answers), "-o", out) == 0
    assert "2026-12-01" in read and "2026-11-01" not in read
