"""Counsel's round trip in each language, through the real CLI: counsel's edits to the Spanish
Markdown or Word file survive the next Spanish build, `diff --lang` compares each language
with its own published text, and `publish` keeps every language together, refusing while
counsel's edits are in one language and not the others."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from drafter.cli import main
from drafter.paths import examples

SLUG = "bluebonnet-bike-repair-llc"
# one clause (scope.what-it-covers), as Drafter writes it in each language
SPANISH = "No cubre los sitios web ni los servicios de otras empresas"
SPANISH_EDIT = "Tampoco cubre los sitios de terceros"
ENGLISH = "It does not cover websites or services run by other companies"
ENGLISH_EDIT = "Nor does it cover sites run by third parties"


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    shutil.copy(examples()["texas-small"], path)
    return path


def _run(*args: str) -> int:
    return main(list(args))


def _build(answers: Path, out: Path, *more: str) -> int:
    return _run("build", str(answers), "-o", str(out), "--format", "md,html,docx", *more)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def _next_spanish_draft_keeps_the_edit(answers: Path, out: Path) -> None:
    """A new answer (the officer's title) changes another Spanish clause: the next build
    has both counsel's edit and the new answer."""
    _edit(answers, "officer: Owner", "officer: Shop manager")
    assert _build(answers, out, "--lang", "en,es") == 0
    text = (out / SLUG / "privacy-policy.es.md").read_text()
    assert SPANISH_EDIT in text and SPANISH not in text and "Shop manager" in text


def test_counsels_spanish_edit_is_kept_and_merged_with_a_new_spanish_draft(
        answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _build(answers, out, "--lang", "en,es") == 0
    spanish = out / SLUG / "privacy-policy.es.md"
    english = (out / SLUG / "privacy-policy.md").read_text()
    _edit(spanish, SPANISH, SPANISH_EDIT)
    capsys.readouterr()
    assert _build(answers, out, "--lang", "en,es") == 0
    assert "privacy-policy.es.md: no change (counsel's edits kept" in capsys.readouterr().out
    assert SPANISH_EDIT in spanish.read_text()
    assert SPANISH_EDIT in (out / SLUG / "privacy-policy.es.html").read_text()
    # a new answer changes another clause: both the edit and the new draft are in the text
    _edit(answers, "officer: Owner", "officer: Shop manager")
    assert _build(answers, out, "--lang", "en,es") == 0
    printed = capsys.readouterr().out
    assert "privacy-policy.es.md: counsel's edits kept and merged with the new draft" in printed
    text = spanish.read_text()
    assert SPANISH_EDIT in text and SPANISH not in text and "Shop manager" in text
    assert (out / SLUG / "privacy-policy.md").read_text() != english
    assert SPANISH_EDIT not in (out / SLUG / "privacy-policy.md").read_text()
    assert "Shop manager" in (out / SLUG / "changes.es.md").read_text()


def test_building_english_alone_keeps_the_spanish_base_for_the_next_spanish_build(
        answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _build(answers, out, "--lang", "en,es") == 0
    spanish = out / SLUG / "privacy-policy.es.md"
    _edit(spanish, SPANISH, SPANISH_EDIT)
    assert _build(answers, out, "--lang", "en") == 0
    _next_spanish_draft_keeps_the_edit(answers, out)


def test_a_spanish_conflict_is_marked_and_reported_in_the_spanish_file(
        answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _build(answers, out, "--lang", "en,es") == 0
    spanish = out / SLUG / "privacy-policy.es.md"
    _edit(spanish, "Owner", "Dueño del taller")
    _edit(answers, "officer: Owner", "officer: Shop manager")
    capsys.readouterr()
    assert _build(answers, out, "--lang", "en,es") == 1
    printed = capsys.readouterr().out
    assert "privacy-policy.es.md: counsel's edits conflict with the new draft" in printed
    assert f"conflict at {spanish}:" in printed
    assert "<<<<<<< counsel's edit (privacy-policy.es.md)" in spanish.read_text()
    assert "<<<<<<< " not in (out / SLUG / "privacy-policy.md").read_text()


def test_absorbing_counsels_spanish_word_file_edits_the_spanish_markdown_only(
        answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _build(answers, out, "--lang", "en,es") == 0
    english = (out / SLUG / "privacy-policy.md").read_text()
    doc = Document(str(out / SLUG / "privacy-policy.es.docx"))
    (paragraph,) = [p for p in doc.paragraphs if SPANISH in p.text]
    text = paragraph.text.replace(SPANISH, SPANISH_EDIT)
    for run in paragraph.runs[1:]:
        run.text = ""
    paragraph.runs[0].text = text
    edited = tmp_path / "abogado.docx"
    doc.save(str(edited))
    assert _run("absorb", str(edited), "-o", str(out)) == 0
    spanish = out / SLUG / "privacy-policy.es.md"
    assert f"{spanish}: 1 block(s) taken from Word (clauses: scope.what-it-covers)" in \
        capsys.readouterr().out
    assert SPANISH_EDIT in spanish.read_text()
    assert (out / SLUG / "privacy-policy.md").read_text() == english
    _next_spanish_draft_keeps_the_edit(answers, out)


def test_publish_keeps_every_language_and_refuses_while_one_lacks_counsels_edit(
        answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    folder = out / SLUG
    publish = ("publish", str(answers), "-o", str(out), "--format", "md,html",
               "--lang", "en,es", "--date", "2026-12-01")
    assert _run(*publish) == 0
    (kept,) = (folder / "history").iterdir()
    assert {"privacy-policy.md", "privacy-policy.es.md", "privacy-policy.es.html"} <= \
        {p.name for p in kept.iterdir()}
    assert "Published:" in capsys.readouterr().out
    # counsel rewords a clause in English only: the Spanish no longer says the same
    _edit(folder / "privacy-policy.md", ENGLISH, ENGLISH_EDIT)
    assert _run(*publish) == 2
    err = capsys.readouterr().err
    assert "the language versions no longer say the same thing: counsel edited " \
           "scope.what-it-covers in privacy-policy.md but not in privacy-policy.es.md" in err
    assert len(err.strip().splitlines()) == 1
    assert len(list((folder / "history").iterdir())) == 1
    # the same edit in Spanish: both are published, and diff compares each language
    _edit(folder / "privacy-policy.es.md", SPANISH, SPANISH_EDIT)
    assert _run("diff", str(answers), "-o", str(out), "--lang", "es") == 0
    diff = capsys.readouterr().out
    assert SPANISH_EDIT in diff and ENGLISH_EDIT not in diff
    assert _run(*publish) == 0
    assert len(list((folder / "history").iterdir())) == 2
    newest = sorted((folder / "history").iterdir())[-1]
    assert SPANISH_EDIT in (newest / "privacy-policy.es.md").read_text()
    assert ENGLISH_EDIT in (newest / "privacy-policy.md").read_text()
    capsys.readouterr()
    assert _run("diff", str(answers), "-o", str(out), "--lang", "en,es") == 0
    assert "# privacy-policy.es.md" in capsys.readouterr().out


def test_publish_refuses_to_leave_a_published_language_behind(
        answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _run("publish", str(answers), "-o", str(out), "--format", "md", "--lang", "en,es",
                "--date", "2026-12-01") == 0
    _edit(answers, "officer: Owner", "officer: Shop manager")
    assert _run("publish", str(answers), "-o", str(out), "--format", "md", "--lang", "en",
                "--date", "2026-12-02") == 2
    assert "the last published version is also in es, which this build did not write" in \
        capsys.readouterr().err


def test_a_language_built_but_never_published_does_not_hold_publishing_back(
        answers: Path, tmp_path: Path) -> None:
    """The manifest keeps a language's record between its builds; only the languages a
    published version holds must be published again."""
    out = tmp_path / "out"
    assert _build(answers, out, "--lang", "en,es") == 0
    assert _run("publish", str(answers), "-o", str(out), "--format", "md", "--lang", "en",
                "--date", "2026-12-01") == 0
    _edit(answers, "officer: Owner", "officer: Shop manager")
    assert _run("publish", str(answers), "-o", str(out), "--format", "md", "--lang", "en",
                "--date", "2026-12-02") == 0
    assert not list((out / SLUG / "history").glob("*/privacy-policy.es.md"))
