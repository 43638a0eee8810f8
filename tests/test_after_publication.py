"""Once a version is published: every build writes the redline (not only with --redline), and
`drafter publish` gives the Word file page numbers whenever LibreOffice is there to find them."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.cli import main
from drafter.paths import examples
from drafter.redline import REDLINE_DOCX
from tests.test_tracked import _x

OLD_PHONE, NEW_PHONE = "+1 510 555 0142", "+1 510 555 0199"


def _answers(tmp_path: Path) -> Path:
    answers = tmp_path / "kiosk.yaml"
    answers.write_text(examples()["kiosk"].read_text())
    return answers


def test_every_build_after_publication_writes_the_redline(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers, out = _answers(tmp_path), tmp_path / "out"
    assert main(["build", str(answers), "-o", str(out)]) == 0
    folder = next(out.iterdir())
    assert not (folder / REDLINE_DOCX).exists()  # nothing published: nothing to compare with
    assert main(["publish", str(answers), "-o", str(out), "--date", "2026-11-01",
                 "--no-page-numbers"]) == 0
    answers.write_text(answers.read_text().replace(OLD_PHONE, NEW_PHONE))
    capsys.readouterr()
    assert main(["build", str(answers), "-o", str(out)]) == 0  # no --redline
    assert str(folder / REDLINE_DOCX) in capsys.readouterr().out
    from docx import Document

    body = Document(str(folder / REDLINE_DOCX)).element.body
    assert {"".join(_x(c, ".//w:t/text() | .//w:delText/text()"))
            for c in body.xpath(".//w:ins | .//w:del")} == {"0142", "0199"}


@pytest.mark.parametrize(("flag", "available", "laid_out"), [
    ([], True, True), ([], False, False), (["--no-page-numbers"], True, False),
    (["--page-numbers"], True, True), (["--format", "md,html"], True, False)])
def test_publish_lays_the_word_file_out_by_default_when_libreoffice_is_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: list[str], available: bool,
        laid_out: bool) -> None:
    import drafter.export.docx_pages as pages

    calls: list[bytes] = []
    monkeypatch.setattr(pages, "can_lay_out", lambda: available)
    monkeypatch.setattr(pages, "heading_pages", lambda data: calls.append(data) or {})
    answers = _answers(tmp_path)
    assert main(["publish", str(answers), "-o", str(tmp_path / "out"), "--date", "2026-11-01",
                 *flag]) == 0
    assert bool(calls) == laid_out


def test_publish_writes_the_files_build_writes(tmp_path: Path) -> None:
    """`drafter publish` builds through the one path `drafter build` and the app's export take
    (`build_all`): it called `build_languages` itself and wrote no redline, so after publishing
    a changed text the folder kept the last build's redline (or none) beside the new policy."""
    import shutil

    answers, out = _answers(tmp_path), tmp_path / "out"
    english = ["--format", "md", "--lang", "en"]
    assert main(["publish", str(answers), "-o", str(out), "--date", "2026-11-01",
                 "--no-page-numbers", *english]) == 0
    answers.write_text(answers.read_text().replace(OLD_PHONE, NEW_PHONE))
    shutil.copytree(out, tmp_path / "published")
    assert main(["build", str(answers), "-o", str(out), *english]) == 0
    assert main(["publish", str(answers), "-o", str(tmp_path / "published"),
                 "--date", "2026-12-01", "--no-page-numbers", *english]) == 0

    def files(folder: Path) -> list[str]:
        return sorted(p.name for p in next(folder.iterdir()).iterdir() if p.is_file())

    assert REDLINE_DOCX in files(out)
    assert files(tmp_path / "published") == files(out)
