"""`drafter review` as a CI gate: many files in one run, `--fail-on`, baselines, inline ignore
comments, SARIF 2.1.0 and GitHub Actions annotations; bad input is one line and exit 2."""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
from concurrent import futures
from pathlib import Path

import docx
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter import collector
from drafter.cli import main
from drafter.review import batch
from drafter.review.github import escape_data, escape_property

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = (FIXTURES / "review" / "clean-policy.md").read_text()
SHIELD = "We comply with the EU-U.S. Privacy Shield Framework."
SSL = "Card numbers travel over an SSL connection."
SARIF_SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-2.1.0.json").read_text())


def review(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["review", *args, "--today", "2026-11-22"])
    out, err = capsys.readouterr()
    return code, out, err


def policy(path: Path, *extra: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CLEAN + "".join(f"\n{e}\n" for e in extra))
    return path


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """docs/ with five policies (one clean, others with notes) and a stray non-policy file."""
    monkeypatch.chdir(tmp_path)
    policy(tmp_path / "docs" / "a-clean.md")
    policy(tmp_path / "docs" / "b-shield.md", SHIELD)
    policy(tmp_path / "docs" / "c-ssl.txt", SSL)
    policy(tmp_path / "docs" / "sub" / "d-both.md", SHIELD, SSL)
    (tmp_path / "docs" / "sub" / "e.html").write_text(
        "<html><body><p>We keep logs for TBD days.</p></body></html>\n")
    (tmp_path / "docs" / "notes.yaml").write_text("not: a policy\n")
    (tmp_path / "docs" / ".hidden.md").write_text("[Company]\n")
    return tmp_path


ORDER = ["docs/a-clean.md", "docs/b-shield.md", "docs/c-ssl.txt", "docs/sub/d-both.md",
         "docs/sub/e.html"]


def test_a_folder_is_every_policy_in_it_in_path_order(
        tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = review(capsys, "docs", "--format", "json")
    data = json.loads(out)
    assert code == 1 and list(data) == ["files", "errors", "summary"]
    assert [f["file"] for f in data["files"]] == ORDER and data["errors"] == []
    counts = [f["summary"]["total"] for f in data["files"]]
    assert counts[:4] == [0, 1, 1, 2] and data["summary"]["files"] == 5
    assert data["summary"]["total"] == sum(counts)


def test_workers_give_the_same_output_as_one_process(
        tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers forked for every file (the thresholds that keep a small batch in one process
    lowered), and the output is the one process's, byte for byte."""
    pools: list[int] = []

    class Counted(futures.ProcessPoolExecutor):
        def __init__(self, workers: int, **kwargs: object) -> None:
            pools.append(workers)
            super().__init__(workers, **kwargs)

    monkeypatch.setattr(futures, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(batch, "POOL_FROM", 1)
    monkeypatch.setattr(batch, "WORKER_BYTES", 1)
    outputs = {review(capsys, "docs", "--format", fmt, "--jobs", jobs)[1]
               for jobs in ("1", "3") for fmt in ("jsonl",)}
    assert pools == [3]  # `--jobs 3` forked three workers; `--jobs 1` none
    assert len(outputs) == 1
    assert [json.loads(line)["file"] for line in outputs.pop().splitlines()] == ORDER


def test_workers_leave_frozen_what_was_frozen_before(
        tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch freezes what exists before it forks, and lets go of it after, but never of
    what its caller had frozen (the test session's project: unfrozen, every later full
    collection in that process walked it again)."""
    monkeypatch.setattr(batch, "POOL_FROM", 1)
    monkeypatch.setattr(batch, "WORKER_BYTES", 1)
    before = collector.frozen()
    collector.freeze()  # as the session's project is (tests/conftest.py)
    frozen = gc.get_freeze_count()
    try:
        assert review(capsys, "docs", "--format", "jsonl", "--jobs", "2")[0] == 1
        assert gc.get_freeze_count() >= frozen > 0 and collector.frozen()
    finally:
        if not before:
            collector.unfreeze()


def test_a_small_batch_is_reviewed_in_one_process(tmp_path: Path) -> None:
    """A worker costs a fork and the pages it copies: only a batch with `POOL_FROM` files and
    `WORKER_BYTES` of input per worker gets one; a file that cannot be sized counts as small."""
    files = [tmp_path / f"p{i}.md" for i in range(12)]
    for file in files:
        file.write_bytes(b"x" * (batch.WORKER_BYTES // 4))
    tiny = tmp_path / "tiny.md"
    tiny.write_bytes(b"x")
    assert batch.workers_for(files[:3], 8) == 0  # fewer files than POOL_FROM
    assert batch.workers_for([tiny] * 40, 8) == 0  # many files, too few bytes
    assert batch.workers_for(files[:8], 8) == 2
    assert batch.workers_for(files, 2) == 2  # never more than asked
    assert batch.workers_for([*files[:7], tmp_path / "gone.md"], 8) == 1


def test_files_and_folders_mixed_each_file_once(
        tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = review(capsys, "docs/sub/e.html", "docs", "docs/b-shield.md", "--format", "jsonl")
    names = [json.loads(line)["file"] for line in out.splitlines()]
    assert names == ["docs/sub/e.html", *[n for n in ORDER if n != "docs/sub/e.html"]]


def test_jsonl_lines_are_the_one_file_reports(tree: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = review(capsys, "docs", "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    _, single, _ = review(capsys, "docs/sub/d-both.md", "--format", "json")
    assert lines[3] == json.loads(single)
    assert list(json.loads(single)) == ["file", "notes", "summary"]


def test_text_ends_with_the_total(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = review(capsys, "docs")
    assert out.splitlines()[-1].startswith("5 file(s) reviewed: ")
    assert "docs/b-shield.md: 1 blocking" in out


def test_an_unreadable_file_is_reported_and_the_others_still_reviewed(
        tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "docs" / "broken.txt").write_bytes(b"fine\n\xff\xfe broken\n")
    code, out, err = review(capsys, "docs", "missing.md", "--format", "json")
    data = json.loads(out)
    assert code == 2 and len(data["files"]) == 5
    assert data["errors"] == [{"file": "docs/broken.txt",
                               "error": "docs/broken.txt:2: is not UTF-8 text"},
                              {"file": "missing.md", "error": "missing.md: no such file"}]
    assert err.splitlines() == ["drafter: error: docs/broken.txt:2: is not UTF-8 text",
                                "drafter: error: missing.md: no such file"]


def test_fail_on_warning(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert review(capsys, "docs/c-ssl.txt")[0] == 0
    assert review(capsys, "docs/c-ssl.txt", "--fail-on", "blocking")[0] == 0
    assert review(capsys, "docs/c-ssl.txt", "--fail-on", "warning")[0] == 1
    assert review(capsys, "docs/a-clean.md", "--fail-on", "warning")[0] == 0
    assert review(capsys, "docs/b-shield.md", "--fail-on", "warning")[0] == 1


def test_baseline_accepts_known_notes_by_passage_not_line(
        tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = review(capsys, "docs", "--format", "json")
    every = sum(len(f["notes"]) for f in json.loads(out)["files"])
    code, out, err = review(capsys, "docs", "--write-baseline", "accepted.json")
    assert code == 0 and every > 10 and f"{every} note(s) accepted" in err
    assert out.splitlines()[-1] == "5 file(s) reviewed: 0 blocking, 0 warning(s), 0 advice"
    entries = json.loads((tree / "accepted.json").read_text())["notes"]
    assert {e["file"] for e in entries} == set(ORDER[1:])
    assert review(capsys, "docs", "--baseline", "accepted.json")[0] == 0
    # Text added above the accepted passage moves it down: still accepted.
    b = tree / "docs" / "b-shield.md"
    b.write_text("# Our policy\n\nAn introduction.\n\n" + b.read_text())
    code, out, _ = review(capsys, "docs/b-shield.md", "--baseline", "accepted.json",
                          "--format", "json")
    assert code == 0 and json.loads(out)["suppressed"] == {"ignored": 0, "baseline": 1}
    # A second copy of an accepted passage is a new note; so is a changed passage.
    e = tree / "docs" / "sub" / "e.html"
    e.write_text(e.read_text().replace("</body>", "<p>We keep logs for TBD days.</p></body>"))
    code, out, _ = review(capsys, "docs/sub/e.html", "--baseline", "accepted.json",
                          "--format", "json")
    (new,) = json.loads(out)["notes"]
    assert code == 1 and (new["id"], new["check"]) == ("R1", "placeholder.tbd")
    c = tree / "docs" / "c-ssl.txt"
    c.write_text(c.read_text().replace(SSL, "Card numbers travel over SSL links."))
    code, out, _ = review(capsys, "docs/c-ssl.txt", "--baseline", "accepted.json",
                          "--fail-on", "warning")
    assert code == 1 and "outdated.ssl" in out


@pytest.mark.parametrize(("content", "message"), [
    ('{"version": 1,\n "notes": [,]}', "accepted.json:2: not valid JSON"),
    ('{"version": 1, "notes": [{"file": "a.md", "check": "x"}]}',
     "accepted.json: notes[0].fingerprint: field required"),
    ('{"version": 7, "notes": []}', "accepted.json: version: unknown baseline version 7"),
    ('[]', "accepted.json: "),
])
def test_a_bad_baseline_is_one_line(tree: Path, capsys: pytest.CaptureFixture[str],
                                    content: str, message: str) -> None:
    (tree / "accepted.json").write_text(content)
    code, out, err = review(capsys, "docs", "--baseline", "accepted.json")
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_ignore_comment_silences_the_next_block_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    path = tmp_path / f"policy{suffix}"
    path.write_text(f"{CLEAN}\n<!-- drafter: ignore outdated.ssl -->\n{SSL}\n\n"
                    f"Later: {SSL}\n")
    code, out, _ = review(capsys, str(path), "--format", "json")
    data = json.loads(out)
    (note,) = data["notes"]
    assert note["lines"][0] == CLEAN.count("\n") + 5 and note["id"] == "R1"
    assert data["suppressed"] == {"ignored": 1, "baseline": 0}


def test_ignoring_a_block_never_makes_an_item_missing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "policy.md"
    path.write_text(CLEAN.replace("Effective date:", "<!-- drafter: ignore caloppa -->\n"
                                  "Effective date:"))
    code, out, _ = review(capsys, str(path), "--format", "json")
    assert code == 0 and json.loads(out)["notes"] == []


def test_ignore_comment_in_html_and_by_prefix(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "policy.html"
    path.write_text(f"<html><body>\n<!-- drafter: ignore outdated -->\n<p>{SHIELD}\n{SSL}</p>\n"
                    f"<p>{SSL}</p>\n</body></html>\n")
    _, out, _ = review(capsys, str(path), "--format", "json", "--laws", "general")
    checks = [(n["check"], n["lines"]) for n in json.loads(out)["notes"]
              if n["topic"] == "outdated"]
    assert checks == [("outdated.ssl", [5, 5])]


def test_ignore_comment_in_a_word_paragraph(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document()
    for text in [*[p for p in CLEAN.split("\n\n") if p.strip()],
                 "<!-- drafter: ignore outdated.ssl -->", SSL, SHIELD + " " + SSL]:
        document.add_paragraph(text)
    document.save(str(tmp_path / "policy.docx"))
    _, out, _ = review(capsys, str(tmp_path / "policy.docx"), "--format", "json")
    notes = json.loads(out)["notes"]
    last = len([p for p in CLEAN.split("\n\n") if p.strip()]) + 3
    assert [(n["check"], n["lines"]) for n in notes] == [
        ("outdated.privacy-shield", [last, last]), ("outdated.ssl", [last, last])]


def test_ignore_file_silences_document_wide_notes(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "policy.md"
    path.write_text("<!-- drafter: ignore-file requirement, advice -->\n\n# Policy\n\n"
                    f"We keep logs. {SHIELD}\n")
    _, out, _ = review(capsys, str(path), "--format", "json")
    assert [n["check"] for n in json.loads(out)["notes"]] == ["outdated.privacy-shield"]


@pytest.mark.parametrize(("comment", "message"), [
    ("<!-- drafter: ignore outdated.sssl -->",
     "policy.md:3: drafter: ignore: no check or requirement called 'outdated.sssl'"),
    ("<!-- drafter: ignroe outdated.ssl -->",
     "policy.md:3: drafter comment: expected `<!-- drafter: ignore CHECK -->`"),
    ("<!-- drafter: ignore -->", "policy.md:3: drafter comment: expected"),
])
def test_a_bad_ignore_comment_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str],
                                          comment: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("policy.md").write_text(f"# Policy\n\n{comment}\n{SSL}\n")
    code, out, err = review(capsys, "policy.md")
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err


def test_sarif_is_valid_sarif_2_1_0(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "docs" / "broken.txt").write_bytes(b"\xff\xfe\x00")
    code, out, _ = review(capsys, "docs", "--format", "sarif")
    log = json.loads(out)
    validator = jsonschema.validators.validator_for(SARIF_SCHEMA)
    validator.check_schema(SARIF_SCHEMA)
    validator(SARIF_SCHEMA).validate(log)
    (run,) = log["runs"]
    assert code == 2 and log["version"] == "2.1.0"
    assert run["invocations"][0]["executionSuccessful"] is False
    levels = {(r["ruleId"], r["level"]) for r in run["results"]}
    assert {("outdated.privacy-shield", "error"), ("outdated.ssl", "warning"),
            ("caloppa.effective-date", "warning")} <= levels  # missing: warns unless certain
    shield = next(r for r in run["results"] if r["ruleId"] == "outdated.privacy-shield")
    location = shield["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/b-shield.md"
    assert location["region"]["startLine"] == CLEAN.count("\n") + 2
    missing = next(r for r in run["results"] if r["ruleId"] == "caloppa.effective-date")
    assert missing["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert missing["properties"]["wholeDocument"] is True
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])


def test_sarif_of_a_clean_file_is_valid_and_empty(tree: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = review(capsys, "docs/a-clean.md", "--format", "sarif")
    log = json.loads(out)
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(log)
    assert code == 0 and log["runs"][0]["results"] == []


def test_github_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("docs/a,b:c%.md") == "docs/a%2Cb%3Ac%25.md"


def _unescape(text: str) -> str:
    return re.sub(r"%([0-9A-F]{2})", lambda m: chr(int(m.group(1), 16)), text)


@given(st.text())
def test_github_escaping_round_trips(text: str) -> None:
    """What the runner reads back (it decodes %XX) is exactly the text; no property value
    can end its property (`,`), the properties (`:`) or the command (a line break)."""
    data, prop = escape_data(text), escape_property(text)
    assert _unescape(data) == text and _unescape(prop) == text
    assert not set("\r\n") & set(data) and not set(",:\r\n") & set(prop)


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    policy(tmp_path / "odd, name: 100%.md", SHIELD, SSL)
    code, out, _ = review(capsys, "odd, name: 100%.md", "--format", "github")
    line = CLEAN.count("\n") + 2
    first, second, last = out.splitlines()
    assert code == 1
    assert first.startswith(f"::error file=odd%2C name%3A 100%25.md,line={line},"
                            f"endLine={line},title=outdated.privacy-shield (R1)::Presents ")
    assert "%0A> We comply with" in first and "\n" not in first
    assert second.startswith(f"::warning file=odd%2C name%3A 100%25.md,line={line + 2},")
    assert last == "drafter: 1 file(s): 1 blocking, 1 warning(s), 0 advice"


def test_github_annotation_for_a_document_wide_note(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.md").write_text("# Policy\n\nWe keep logs.\n")
    _, out, _ = review(capsys, "p.md", "--format", "github", "--laws", "caloppa")
    assert "::error file=p.md,title=caloppa.do-not-track (R" in out  # certain, so blocking
    assert "::warning file=p.md,title=caloppa.effective-date (R" in out


@pytest.mark.parametrize(("args", "message"), [
    (["ok.md", "--fail-on", "advice"], "--fail-on: expected blocking or warning, got 'advice'"),
    (["ok.md", "--jobs", "0"], "--jobs: expected a number of processes"),
    (["ok.md", "--format", "xml"], "--format: unknown format 'xml'"),
    (["empty"], "empty: no policy files (.docx, "),
    (["ok.md", "--baseline", "nope.json"], "nope.json: no such file"),
    (["ok.md", "--write-baseline", "no/such/dir/b.json"], "b.json: cannot write"),
])
def test_bad_ci_options_are_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str],
                                                args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ok.md").write_text(CLEAN)
    Path("empty").mkdir()
    code, _, err = review(capsys, *args)
    assert code == 2 and err.count("\n") == 1 and message in err and "Traceback" not in err


def test_the_real_command_reviews_a_folder_with_workers(
        tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """End to end through `python -m drafter` with `--jobs 2`: the machine formats parseable,
    the exit status the gate reads (the terminal formats through the entry point in this
    process: a process each added only its start-up). Five small files are too few to repay
    a fork (`batch.workers_for`): the forked path is tested with the thresholds lowered, in
    test_workers_give_the_same_output_as_one_process."""
    for fmt in ("github", "text"):
        code, _, err = review(capsys, "docs", "--format", fmt, "--jobs", "2")
        assert code == 1 and err == "", (fmt, err)
    for fmt in ("jsonl", "sarif"):
        done = subprocess.run([sys.executable, "-m", "drafter", "review", "docs", "--format",
                               fmt, "--jobs", "2", "--today", "2026-11-22"], cwd=tree,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 1 and done.stderr == "", (fmt, done.stderr)
        if fmt == "jsonl":
            assert [json.loads(x)["file"] for x in done.stdout.splitlines()] == ORDER
        if fmt == "sarif":
            jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(
                json.loads(done.stdout))


@pytest.mark.parametrize("form", ["json", "jsonl", "sarif"])
def test_a_control_character_quoted_from_a_policy_keeps_the_json_valid(
        tmp_path: Path, form: str) -> None:
    """The real CLI escapes control characters in what it prints (so a policy cannot drive the
    terminal); JSON must escape them itself, or that escaping would break the JSON."""
    policy = tmp_path / "p.md"
    policy.write_text("# Policy\n\nWe protect data with SSL\x9d and TBD\x7f steps.\n")
    done = subprocess.run([sys.executable, "-m", "drafter", "review", str(policy), "--format",
                           form], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    parsed = [json.loads(line) for line in done.stdout.splitlines()] if form == "jsonl" \
        else [json.loads(done.stdout)]
    assert "\x9d" in json.dumps(parsed, ensure_ascii=False)  # the excerpt keeps the character
    assert "\\x9d" not in done.stdout and "\x9d" not in done.stdout
