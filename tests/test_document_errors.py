"""A mistake in the library's YAML is one line naming its file, line and field, through the
real command line (`drafter lint`, `drafter build`): `document.yaml`'s heading answers, a
duplicate section, and a `when` written over several lines, pointed at the line that is
wrong rather than the line it starts on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.cli import main
from tests.conftest import MINI

QUESTIONNAIRE = MINI / "questionnaire.yaml"


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    root = tmp_path / "clauses"
    shutil.copytree(MINI / "clauses", root)
    return root


def _errors(library: Path, command: list[str], capsys: pytest.CaptureFixture[str],
            tmp_path: Path, files: tuple[str, ...] = ("document.yaml", ".md.j2")) -> list[str]:
    """Run the CLI; its error lines (warnings left out), after checking it failed."""
    if command[0] == "build":
        command = [*command, str(MINI / "answers.yaml"), "-o", str(tmp_path / "out"),
                   "--format", "md"]
    code = main(["--questionnaire", str(QUESTIONNAIRE), "--library", str(library), *command])
    captured = capsys.readouterr()
    assert code != 0 and "Traceback" not in captured.err
    assert "internal error" not in captured.err
    return [line for line in (captured.out + captured.err).splitlines()
            if any(name in line for name in files)]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


@pytest.mark.parametrize("command", [["lint"], ["build"]])
@pytest.mark.parametrize(("old", "new", "said"), [
    ("business_name: business.name", "business_name: business.nmae",
     "2: business_name: names 'business.nmae', which is not a question"),
    ("effective_date: policy.effective_date", "effective_date: policy.when",
     "3: effective_date: names 'policy.when', which is not a question"),
    ("effective_date: policy.effective_date", "effective_date: business.name",
     "3: effective_date: names 'business.name', a text question: the effective date is "
     "read from a date question"),
    ("business_name: business.name", "business_name: business.kinds",
     "2: business_name: names 'business.kinds', a many question: the business name is "
     "read from a text question"),
])
def test_the_heading_answers_name_a_question_of_their_kind(
        library: Path, command: list[str], old: str, new: str, said: str,
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _edit(library / "document.yaml", old, new)
    errors = _errors(library, command, capsys, tmp_path)
    assert any(line.endswith(f"document.yaml:{said}") for line in errors), errors


def test_a_duplicate_section_names_its_line(library: Path, capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    _edit(library / "document.yaml", "  - id: kiosks\n", "  - id: main\n")
    assert [line.split("clauses/")[-1] for line in _errors(library, ["lint"], capsys, tmp_path)
            ] == ["document.yaml:7: main: duplicate section id"]


MULTI_LINE = """\
  - id: kiosks
    title: Kiosks
    when: >-
      'kiosk' in business.kinds
      and business.name
      and {wrong}
"""


@pytest.mark.parametrize(("wrong", "said"), [
    ("business.nmae", "12: kiosks: `when` uses 'business.nmae', which is not a question"),
    ("(business.name", "12: kiosks: `when` is not a valid expression"),
])
def test_a_section_when_over_several_lines_names_the_wrong_line(
        library: Path, wrong: str, said: str, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    document = library / "document.yaml"
    text = document.read_text()
    document.write_text(text[:text.index("  - id: kiosks")] + MULTI_LINE.format(wrong=wrong))
    errors = _errors(library, ["lint"], capsys, tmp_path)
    assert any(f"document.yaml:{said}" in line for line in errors), errors


@pytest.mark.parametrize(("wrong", "said"), [
    ("business.nmae", "6: main.extra: `when` uses 'business.nmae', which is not a question"),
    ("and and", "6: main.extra: template error"),
])
def test_a_clause_when_over_several_lines_names_the_wrong_line(
        library: Path, wrong: str, said: str, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    (library / "main" / "extra.md.j2").write_text(
        "---\nid: main.extra\nsection: main\norder: 20\n"
        f"when: business.name\n  and {wrong}\n---\nHi\n")
    for command in (["lint"], ["build"]):
        errors = _errors(library, command, capsys, tmp_path)
        assert any(f"extra.md.j2:{said}" in line for line in errors), (command, errors)


# ---- the same for every other file a condition is written in ------------------------------

QUESTION = """\
      - id: cash
        prompt: Do kiosks take cash?
        type: bool
        when: >-
          'kiosk' in business.kinds
          and {wrong}
"""


@pytest.mark.parametrize(("wrong", "said"), [
    ("business.nmae", "21: business.cash: `when` names 'business.nmae', which is not an "
                      "earlier question"),
    ("(business.name", "21: business.cash: `when` is not a valid expression"),
])
def test_a_question_when_over_several_lines_names_the_wrong_line(
        library: Path, wrong: str, said: str, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    questionnaire = tmp_path / "questionnaire.yaml"
    text = QUESTIONNAIRE.read_text()
    at = text.index("      - {id: size")
    questionnaire.write_text(text[:at] + QUESTION.format(wrong=wrong) + text[at:])
    code = main(["--questionnaire", str(questionnaire), "--library", str(library), "lint"])
    err = capsys.readouterr().err
    assert code != 0 and f"questionnaire.yaml:{said}" in err, err


@pytest.mark.parametrize(("name", "entry", "said"), [
    ("requirements.yaml",
     "- id: test.cash\n  law: Test\n  cite: Test §4\n  topic: security\n"
     "  applies_when: >-\n    business.name\n    and (business.staff\n  note: Say.\n",
     "29: test.cash: `applies_when` is not a valid expression"),
    ("laws.yaml",
     "big: >-\n  business.staff > 10\n  and (business.name\n",
     "3: big: not a valid expression"),
    ("evidence-checks.yaml",
     "- id: evidence.cash\n  topic: cookies\n  severity: advice\n  message: Say.\n"
     "  when: business.name\n  items: >-\n    evidence.vendors\n    | select(\n",
     "8: evidence.cash: `items` is not a valid expression"),
    ("answer-checks.yaml",
     "- id: cash\n  when: >-\n    business.name\n    and (business.staff\n"
     "  topic: contact\n  message: Say.\n  severity: advice\n",
     "5: cash: `when` is not a valid expression"),
])
def test_a_condition_over_several_lines_in_the_catalogs_names_the_wrong_line(
        library: Path, name: str, entry: str, said: str,
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = library / name
    text = path.read_text().replace("[]\n", "") if path.exists() else ""
    path.write_text(text + entry)
    errors = _errors(library, ["lint"], capsys, tmp_path, (name,))
    assert any(f"{name}:{said}" in line for line in errors), errors


def test_a_review_check_when_over_several_lines_names_the_wrong_line(
        library: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = library / "review-checks.yaml"
    lines = path.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "- id: advice.appeal" in line)
    at += next(i for i, line in enumerate(lines[at:]) if line.startswith("    patterns:"))
    lines[at:at] = ["    when: >-\n", "      business.name\n", "      and (business.staff\n"]
    path.write_text("".join(lines))
    errors = _errors(library, ["lint"], capsys, tmp_path, ("review-checks.yaml",))
    said = f"review-checks.yaml:{at + 3}: advice.appeal.when: Value error, not a valid expression"
    assert any(said in line for line in errors), errors


def test_an_unanswered_effective_date_names_the_answers_file(
        library: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A questionnaire may leave the date optional: a build without it is the answers' gap."""
    questionnaire = tmp_path / "questionnaire.yaml"
    questionnaire.write_text(QUESTIONNAIRE.read_text().replace(
        "type: date, required: true}", "type: date}"))
    answers = tmp_path / "answers.yaml"
    answers.write_text("".join(line for line in (MINI / "answers.yaml").read_text()
                               .splitlines(keepends=True) if "effective_date" not in line))
    code = main(["--questionnaire", str(questionnaire), "--library", str(library), "build",
                 str(answers), "-o", str(tmp_path / "out"), "--format", "md"])
    err = capsys.readouterr().err
    assert code != 0 and "internal error" not in err
    assert f"{answers}: policy.effective_date: must be answered with a date" in err, err
