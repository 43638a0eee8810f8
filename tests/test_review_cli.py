"""`drafter review FILE`: every input format, every output format, exit status 0/1/2."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from drafter.cli import main
from drafter.paths import examples
from tests.conftest import example_build

FIXTURES = Path(__file__).parent / "fixtures" / "review"
CLEAN = (FIXTURES / "clean-policy.md").read_text()
STALE = "We comply with the EU-U.S. Privacy Shield Framework."


def review(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["review", *args, "--today", "2026-11-22"])
    out, err = capsys.readouterr()
    return code, out, err


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Contact: [Company]"
    document.save(str(path))
    return path


def test_clean_markdown_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = review(capsys, str(FIXTURES / "clean-policy.md"))
    assert code == 0 and "0 blocking" in out


def test_blocking_note_exits_1_with_file_and_line(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "policy.md"
    policy.write_text(f"{CLEAN}\n{STALE}\n")
    code, out, _ = review(capsys, str(policy))
    line = CLEAN.count("\n") + 2
    assert code == 1
    assert f"{policy}:{line}: blocking [R1] outdated.privacy-shield:" in out


def test_json_report_is_stable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "policy.txt"
    policy.write_text(f"{CLEAN}\n{STALE}\n")
    code, out, _ = review(capsys, str(policy), "--format", "json")
    data = json.loads(out)
    assert code == 1 and list(data) == ["file", "notes", "summary"]
    assert data["summary"] == {"blocking": 1, "warning": 0, "advice": 0, "counsel": 0,
                               "total": 1}
    (note,) = data["notes"]
    assert list(note) == ["id", "severity", "topic", "message", "check", "requirement", "cite",
                          "anchor", "lines", "excerpt", "resolves_by", "verify", "for_counsel",
                          "covers"]
    assert note["lines"] == [CLEAN.count("\n") + 2] * 2 and note["topic"] == "outdated"


def test_markdown_report_groups_by_severity(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "policy.md"
    policy.write_text(f"{CLEAN}\n{STALE} We use SSL.\n")
    _, out, _ = review(capsys, str(policy), "--format", "markdown")
    assert out.index("## Blocking") < out.index("**[R1]**") < out.index("## Warnings") \
        < out.index("**[R2]**")


def test_html_is_read_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "policy.html"
    page.write_text("<html><head><title>TBD</title><script>var x = 'TBD';</script></head>\n"
                    "<body><h1>Policy</h1>\n<p>We keep logs\nfor <b>TBD</b> days.</p>\n"
                    "<p>Questions: &lt;write to us&gt;</p></body></html>\n")
    code, out, _ = review(capsys, str(page), "--format", "json", "--laws", "general")
    notes = json.loads(out)["notes"]
    assert code == 1
    assert [(n["check"], n["lines"]) for n in notes if n["check"] == "placeholder.tbd"] == [
        ("placeholder.tbd", [4, 4])]


def test_docx_is_read_by_paragraph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paragraphs = [p for p in CLEAN.split("\n\n") if p.strip()] + [STALE]
    path = write_docx(tmp_path / "policy.docx", paragraphs)
    code, out, _ = review(capsys, str(path), "--format", "json")
    found = {n["check"]: n["lines"] for n in json.loads(out)["notes"]}
    assert code == 1
    assert found == {"outdated.privacy-shield": [len(paragraphs)] * 2,
                     "placeholder.bracketed": [len(paragraphs) + 1] * 2}


@pytest.mark.parametrize("example", list(examples()))
def test_built_draft_reviews_without_its_own_notes(tmp_path: Path, example: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Our own drafts read back as text: the list of notes is skipped, every CalOPPA item is
    found by its `detect` patterns and no text check misfires on our clauses."""
    folder = example_build(example)  # built once a session, only read here
    capsys.readouterr()
    for name in ("privacy-policy.md", "privacy-policy.html", "privacy-policy.txt"):
        code, out, _ = review(capsys, str(folder / name), "--format", "json")
        checks = {n["check"] for n in json.loads(out)["notes"]}
        # advice only: a draft may say a phrase twice (a definition restated, two vendors
        # that do the same work), which the repeat check points out to counsel
        assert code == 0 and checks <= {"advice.appeal", "consistency.repeated-passage"}, name


def test_answers_add_the_answer_checks(capsys: pytest.CaptureFixture[str]) -> None:
    answers = str(examples()["email-platform"])
    _, out, _ = review(capsys, str(FIXTURES / "clean-policy.md"), "--answers", answers,
                       "--format", "json")
    assert "answers.no-sale-but-ads" in {n["check"] for n in json.loads(out)["notes"]}


def test_a_question_for_counsel_exits_1_but_is_not_blocking(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"I'm not sure" leaves a decision open: CI learns it from the exit status and the
    `counsel` count, yet the owner is not told to fix anything (no blocking note)."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(examples()["kiosk"].read_text()
                       .replace("pci_validated: true", "pci_validated: unsure"))
    code, out, _ = review(capsys, str(FIXTURES / "clean-policy.md"), "--answers", str(answers),
                          "--format", "json")
    data = json.loads(out)
    (asked,) = [n for n in data["notes"] if n["for_counsel"]]
    assert (asked["requirement"], asked["resolves_by"]) == ("review.unsure-pci",
                                                            "kiosks.pci_validated")
    assert "because you were not sure" in asked["message"]
    assert code == 1 and data["summary"]["counsel"] == 1
    assert not [n for n in data["notes"] if n["severity"] == "blocking" and not n["for_counsel"]]


@pytest.mark.parametrize(("args", "message"), [
    (["missing.md"], "missing.md: no such file"),
    (["policy.pdf"], "cannot review .pdf"),
    (["bad.docx"], "bad.docx: is not a Word (.docx) document"),
    (["bad.txt"], "bad.txt:2: is not UTF-8 text"),
    (["ok.md", "--laws", "atlantis"], "--laws: no requirements for law 'atlantis'"),
    (["ok.md", "--today", "yesterday"], "--today: expected a date"),
    (["ok.md", "--format", "yaml"], "--format: unknown format 'yaml'"),
    (["ok.md", "--answers", "nope.yaml"], "nope.yaml: no such file"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str],
                                          args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policy.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    (tmp_path / "bad.txt").write_bytes(b"fine\n\xff\xfe broken\n")
    (tmp_path / "ok.md").write_text(CLEAN)
    code = main(["review", *args])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and message in err
    assert "Traceback" not in err


def test_build_clean_leaves_notes_out(tmp_path: Path) -> None:
    assert main(["build", "--example", "kiosk", "-o", str(tmp_path), "--clean"]) == 0
    folder = next(tmp_path.iterdir())
    assert "[R1]" not in (folder / "privacy-policy.md").read_text()
    assert "[R1]" in (folder / "review.md").read_text()
