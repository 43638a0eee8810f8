"""Hostile or careless answers files: each is refused fast, in one line naming the file, line
and field, with exit status 2 (never 3, "internal error"), in the owner's words, and nothing
it holds reaches the terminal as a control sequence.

One test per input that once hung, crashed or was accepted wrongly.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.cli import main
from tests.conftest import MINI

VALID = (MINI / "answers.yaml").read_text()
MINI_ARGS = ["--questionnaire", str(MINI / "questionnaire.yaml"), "--library",
             str(MINI / "clauses")]


def build(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes,
          *, questionnaire: Path | None = None) -> tuple[int, str, Path]:
    answers = tmp_path / "answers.yaml"
    if isinstance(content, bytes):
        answers.write_bytes(content)
    else:
        answers.write_text(content, encoding="utf-8")
    args = list(MINI_ARGS)
    if questionnaire is not None:
        args[1] = str(questionnaire)
    code = main([*args, "build", str(answers), "-o", str(tmp_path / "out")])
    return code, capsys.readouterr().err, answers


def one_line(err: str, answers: Path, line: int | None, field: str | None) -> None:
    assert err.count("\n") == 1, err
    assert len(err) < 300, err
    where = f"{answers}:{line}: " if line is not None else f"{answers}: "
    assert err.startswith(f"drafter: error: {where}"), err
    if field is not None:
        assert f": {field}: " in err, err


def with_answer(line: str, after: str = "  size: small") -> str:
    return VALID.replace(after, f"{after}\n{line}")


def run_cli(*args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafter", *MINI_ARGS, *args],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})


ALIAS_BOMB = """business:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  name: [*g,*g,*g,*g,*g,*g,*g,*g,*g]
"""


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(ALIAS_BOMB)
    started = time.monotonic()
    result = run_cli("build", str(answers), "-o", str(tmp_path / "out"))
    assert time.monotonic() - started < 15
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"drafter: error: {answers}:2: "), result.stderr
    assert "alias" in result.stderr or "anchor" in result.stderr
    assert len(result.stderr) < 300


def test_a_single_alias_is_refused_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    code, err, answers = build(tmp_path, capsys, VALID.replace(
        "  size: small", "  size: &s small\n  about: *s"))
    assert code == 2
    one_line(err, answers, 5, None)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    for command in (["build", str(fifo), "-o", str(tmp_path / "out")], ["edit", str(fifo)]):
        result = run_cli(*command)
        assert result.returncode == 2, result.stderr
        assert result.stderr == f"drafter: error: {fifo}: is not a regular file\n"


def test_a_huge_file_is_refused_with_its_size(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    padding = "# " + "x" * 98 + "\n"
    code, err, answers = build(tmp_path, capsys, VALID + padding * 60_000)  # 6 MB
    assert code == 2
    one_line(err, answers, None, None)
    assert "is 6.1 MB; an answers file may be at most 1 MB" in err


def test_a_4301_digit_number_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    code, err, answers = build(tmp_path, capsys, with_answer("  staff: " + "1" * 4301))
    assert code == 2
    one_line(err, answers, 6, "business.staff")
    assert "too large" in err


def test_a_number_beyond_any_count_is_refused(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, err, answers = build(tmp_path, capsys, with_answer("  staff: 99999999999999999999"))
    assert code == 2
    one_line(err, answers, 6, "business.staff")


def test_deep_nesting_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, answers = build(tmp_path, capsys,
                               VALID.replace("Mini Shop LLC", "[" * 400 + "]" * 400))
    assert code == 2
    one_line(err, answers, 3, None)
    assert "nested too deeply" in err


def test_a_nul_in_an_answer_is_refused_naming_the_field(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    code, err, answers = build(tmp_path, capsys,
                               VALID.replace("Mini Shop LLC", '"Mini\\0Shop"'))
    assert code == 2
    one_line(err, answers, 3, "business.name")
    assert "control character" in err
    assert not (tmp_path / "out").exists()


def test_terminal_escapes_in_an_answer_are_refused_and_never_printed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, answers = build(tmp_path, capsys,
                               VALID.replace("Mini Shop LLC", '"Mini\\e]0;pwned\\aShop"'))
    assert code == 2
    one_line(err, answers, 3, "business.name")
    assert "\x1b" not in err and "\x07" not in err


def test_control_characters_in_a_file_name_are_escaped(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    name = tmp_path / "\x1b]0;pwned\x07.yaml"
    assert main(["build", str(name)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;pwned\\x07.yaml: no such file" in err


def test_a_line_break_in_a_one_line_answer_is_refused(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    code, err, answers = build(tmp_path, capsys,
                               VALID.replace("Mini Shop LLC", '"Mini\\nShop"'))
    assert code == 2
    one_line(err, answers, 3, "business.name")
    assert "one line" in err


def test_a_tab_in_a_one_line_answer_is_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, err, answers = build(tmp_path, capsys,
                               VALID.replace("Mini Shop LLC", '"Mini\\tShop"'))
    assert code == 2
    one_line(err, answers, 3, "business.name")


def test_long_text_keeps_its_line_breaks_and_tabs(mini) -> None:  # type: ignore[no-untyped-def]
    from drafter.answers import parse_answers

    text = with_answer('  about: "We sell\\n\\tthings."')
    answers = parse_answers(text, mini.questionnaire, MINI / "answers.yaml")
    assert answers.values["business.about"] == "We sell\n\tthings."


def test_a_control_character_in_long_text_is_refused(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    code, err, answers = build(tmp_path, capsys, with_answer('  about: "We\\bsell"'))
    assert code == 2
    one_line(err, answers, 6, "business.about")


def test_a_control_character_in_a_record_field_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, answers = build(tmp_path, capsys, with_answer(
        '  vendors:\n    - name: "A\\x1bB"', after="  email: hello@mini.example"))
    assert code == 2
    one_line(err, answers, 9, "contact.vendors.0.name")


def test_a_choice_listed_twice_is_refused(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, err, answers = build(tmp_path, capsys, VALID.replace("[shop]", "[shop, shop]"))
    assert code == 2
    one_line(err, answers, 4, "business.kinds")
    assert "'shop' is listed twice" in err


def test_a_boolean_is_not_a_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, answers = build(tmp_path, capsys, with_answer("  staff: true"))
    assert code == 2
    one_line(err, answers, 6, "business.staff")
    assert err.endswith("expected a whole number, got true\n"), err


def test_a_date_and_time_is_shown_as_written(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, err, answers = build(tmp_path, capsys, with_answer("  staff: 2026-01-01 10:00:00"))
    assert code == 2
    one_line(err, answers, 6, "business.staff")
    assert "datetime" not in err
    assert err.endswith("expected a whole number, got 2026-01-01 10:00:00\n"), err


def test_a_yaml_tag_is_refused_in_plain_words(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, err, answers = build(tmp_path, capsys, VALID.replace("size: small", "size: !foo small"))
    assert code == 2
    one_line(err, answers, 5, "business.size")
    assert "TaggedScalar" not in err
    assert "!foo" in err


def test_a_long_value_is_shortened_in_the_message(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, err, answers = build(tmp_path, capsys, with_answer("  staff: " + "many " * 2000))
    assert code == 2
    one_line(err, answers, 6, "business.staff")


def test_an_unsure_question_names_both_answers_and_no_type(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    questionnaire = tmp_path / "q.yaml"
    questionnaire.write_text((MINI / "questionnaire.yaml").read_text().replace(
        "type: number, min: 0, max: 100000}", "type: number, min: 0, max: 100000, unsure: true}"))
    code, err, answers = build(tmp_path, capsys, with_answer("  staff: lots"),
                               questionnaire=questionnaire)
    assert code == 2
    assert re.search(r"answers\.yaml:6: business\.staff: expected a whole number, or "
                     r"unsure \(I'm not sure\), got 'lots'\n$", err), err
    assert "constrained" not in err


def test_a_when_that_fails_on_the_answers_is_one_line(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    questionnaire = tmp_path / "q.yaml"
    source = (MINI / "questionnaire.yaml").read_text()
    questionnaire.write_text(source.replace(
        "{id: about, prompt: About you, type: long_text}",
        "{id: about, prompt: About you, type: long_text, when: 'business.staff > 3'}"))
    line = 1 + questionnaire.read_text().splitlines().index(
        next(x for x in questionnaire.read_text().splitlines() if "id: about" in x))
    code, err, _ = build(tmp_path, capsys, VALID, questionnaire=questionnaire)
    assert code == 2, err
    assert err.count("\n") == 1
    assert err.startswith(f"drafter: error: {questionnaire}:{line}: business.about: "), err
    assert "`when: business.staff > 3`" in err
