"""The clause library lints clean, and each kind of breakage is caught with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.project import Project
from drafter.errors import UserError
from tests.conftest import MINI


def test_real_library_lints_clean(project: Project) -> None:
    assert project.lint() == []


def test_lint_command(capsys: pytest.CaptureFixture[str]) -> None:
    from drafter.cli import main

    assert main(["lint"]) == 0
    assert "no problems" in capsys.readouterr().out


def broken_library(tmp_path: Path, name: str, text: str) -> Path:
    root = tmp_path / "clauses"
    shutil.copytree(MINI / "clauses", root)
    (root / "main" / name).write_text(text)
    return root


CLAUSE = "---\nid: main.extra\nsection: main\norder: 20\n{meta}---\n{body}\n"


@pytest.mark.parametrize(("meta", "body", "message"), [
    ("", "{{ business.nmae }}", "the template uses 'business.nmae', which is not a question"),
    ("", "{{ shop }}", "uses 'shop', which is neither a question nor set"),
    ("", "{{ business }}", "uses 'business', which is a section, not a question"),
    ("when: business.zzz\n", "Hi", "`when` uses 'business.zzz'"),
    ("satisfies: [law.nope]\n", "Hi", "`satisfies` names unknown requirement 'law.nope'"),
])
def test_lint_finds(tmp_path: Path, meta: str, body: str, message: str) -> None:
    root = broken_library(tmp_path, "extra.md.j2", CLAUSE.format(meta=meta, body=body))
    problems = Project.load(MINI / "questionnaire.yaml", root).lint()
    assert [p for p in problems if message in str(p)], problems
    assert all(p.path and p.path.name == "extra.md.j2" for p in problems)


@pytest.mark.parametrize(("text", "message", "line"), [
    ("no front matter", "a clause starts with front matter", 1),
    (CLAUSE.format(meta="", body="line one\n{% if x %}unclosed"), "template error", 7),
    (CLAUSE.format(meta="bogus: 1\n", body="Hi"), "Extra inputs are not permitted", 5),
    (CLAUSE.format(meta="when: 'a =='\n", body="Hi"), "template error", 5),  # its `when:`
    (CLAUSE.replace("section: main", "section: nowhere").format(meta="", body="Hi"),
     "unknown section 'nowhere'", 3),  # its `section:` line
    (CLAUSE.replace("main.extra", "main.intro").format(meta="", body="Hi"),
     "duplicate clause id", 2),
])
def test_load_errors(tmp_path: Path, text: str, message: str, line: int) -> None:
    root = broken_library(tmp_path, "extra.md.j2", text)
    project = Project.load(MINI / "questionnaire.yaml", root)  # the library loads on first use
    with pytest.raises(UserError) as raised:
        _ = project.library
    assert message in str(raised.value)
    assert raised.value.line == line
    assert raised.value.path is not None and raised.value.path.parent == root / "main"


def test_a_broken_template_fails_the_build_with_its_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from drafter.cli import main

    root = broken_library(tmp_path, "extra.md.j2", CLAUSE.format(meta="", body="{{ a.b }}"))
    code = main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library", str(root),
                 "build", str(MINI / "answers.yaml"), "-o", str(tmp_path / "out")])
    assert code == 2
    assert capsys.readouterr().err == (
        f"drafter: error: {root / 'main' / 'extra.md.j2'}: main.extra: clause template "
        "failed: 'a' is undefined (run `drafter lint`)\n")


@pytest.mark.parametrize("command", [["edit", "answers.yaml"], ["serve"]])
def test_the_app_reports_a_broken_library_before_it_starts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """The app loads the built-in library in the background; someone's own `--library` is
    loaded first, so that its mistakes come as one line rather than inside the app."""
    from drafter.cli import main

    root = broken_library(tmp_path, "extra.md.j2", "no front matter")
    code = main(["--questionnaire", str(MINI / "questionnaire.yaml"), "--library", str(root),
                 *command])
    assert code == 2
    assert capsys.readouterr().err.startswith(
        f"drafter: error: {root / 'main' / 'extra.md.j2'}:1: a clause starts with front matter")


@pytest.mark.parametrize(("entry", "message"), [
    ("", "offers \"I'm not sure\" but no `counsel: true` requirement(s) ask it"),
    ("- {id: t.twice, law: T, cite: T, topic: consistency, note: Again., counsel: true, "
     "ask: business.size}\n", "but 2 `counsel: true` requirement(s) ask it"),
    ("- {id: t.sure, law: T, cite: T, topic: consistency, note: Hm., counsel: true, "
     "ask: business.staff}\n", "`counsel: true` needs `ask` naming a question with"),
])
def test_lint_wants_one_question_for_counsel_per_unsure_question(
        tmp_path: Path, entry: str, message: str) -> None:
    """Every "I'm not sure" has exactly one counsel note that says what the draft assumes."""
    root = tmp_path / "clauses"
    shutil.copytree(MINI / "clauses", root)
    catalog = root / "requirements.yaml"
    text = catalog.read_text()
    if not entry:  # drop the one counsel requirement
        text = text[:text.index("- id: test.unsure-size")]
    catalog.write_text(text + entry)
    problems = Project.load(MINI / "questionnaire.yaml", root).lint()
    assert [str(p) for p in problems if message in str(p)], problems
