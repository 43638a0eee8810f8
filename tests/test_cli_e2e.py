"""The command on the example answers: every format written, byte-identical on rebuild.

Most tests call its entry point (`drafter.cli.main`) in this process; the real `drafter`
process is run where the process itself is the point: a build under two hash seeds, the
default output folder, Textual and the policy stages left unloaded, a reader closing the pipe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.paths import examples
from tests.conftest import example_build


def run(*args: str, cwd: Path, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafter", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, **(env or {})})


WRITTEN = ["drafter-manifest.json", "privacy-policy.docx", "privacy-policy.html",
           "privacy-policy.md", "privacy-policy.txt", "review.md"]
# The examples whose owners serve people in a language the library writes, so that a build
# writes that language too (drafter/i18n).
LANGUAGES = {"kiosk": "es", "quebec-firm": "fr-CA", "texas-small": "es", "translators": "fr-CA"}
# Text formats are byte-identical on rebuild; a DOCX is a zip with timestamps inside.
TEXTS = ["privacy-policy.html", "privacy-policy.md", "privacy-policy.txt", "review.md"]


@pytest.mark.parametrize("name", sorted(examples()))
def test_build_each_example(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every example through the command's own entry point, in this process (the real
    `drafter` process is built below): every format written, and the same text on rebuild.
    The rebuild it is compared with is the session's own (`example_build`, the same answers
    by `--example`), which other test files read too: a second build here cost as much."""
    assert main(["build", str(examples()[name]), "-o", str(tmp_path / "a")]) == 0
    (folder,) = (tmp_path / "a").iterdir()
    lang = LANGUAGES.get(name)
    assert sorted(p.name for p in folder.iterdir()) == sorted(WRITTEN + (
        [f"privacy-policy.{lang}{ext}" for ext in (".docx", ".html", ".md", ".txt")]
        if lang else []))
    printed = capsys.readouterr().out
    assert all(str(folder / w) in printed for w in WRITTEN if w.startswith("p"))
    rebuilt = example_build(name)
    assert rebuilt.name == folder.name and rebuilt.parent != folder.parent
    for w in TEXTS:
        assert (folder / w).read_bytes() == (rebuilt / w).read_bytes()


def test_the_drafter_process_builds_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    """The real `drafter` process, twice, on the largest example: every format written, the
    paths printed, and the same text both times although each process orders its sets and
    dicts of strings by a different hash seed."""
    folders = []
    for seed in ("1", "2"):
        result = run("build", str(examples()["email-platform"]), "-o", str(tmp_path / seed),
                     cwd=tmp_path, env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        (folder,) = (tmp_path / seed).iterdir()
        assert sorted(p.name for p in folder.iterdir()) == WRITTEN
        assert all(str(folder / w) in result.stdout for w in WRITTEN if w.startswith("p"))
        folders.append(folder)
    for w in TEXTS:
        assert (folders[0] / w).read_bytes() == (folders[1] / w).read_bytes()


def test_default_build_is_the_kiosk_example_into_output(tmp_path: Path) -> None:
    result = run("build", "--format", "md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "parcel-point-kiosks-inc" / "privacy-policy.md").is_file()
    assert not (tmp_path / "output" / "parcel-point-kiosks-inc" / "privacy-policy.html").exists()


def test_unknown_format_and_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--format", "md,pdf"]) == 2
    assert capsys.readouterr().err == (
        "drafter: error: --format: unknown format 'pdf'; choose from md, html, txt, docx\n")
    assert main(["build", "--example", "bakery"]) == 2
    assert "no example called 'bakery'" in capsys.readouterr().err


def test_schema_validates_the_examples_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["additionalProperties"] is False
    business = schema["$defs"]["BusinessAnswers"]
    assert "name" in business["properties"] and business["additionalProperties"] is False


# That `drafter build` never imports Textual: tests/app/test_cli_app.py (every format).


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    """`drafter schema | head`: the schema (80 KB) outgrows the pipe once the reader stops."""
    app = subprocess.Popen([sys.executable, "-m", "drafter", "schema"], cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert app.stdout is not None and app.stderr is not None
    assert app.stdout.read(10).startswith(b"{")
    app.stdout.close()
    assert app.wait(timeout=60) == 141
    assert app.stderr.read() == b""


def test_the_app_opens_without_loading_the_policy_stages(tmp_path: Path) -> None:
    """What the first screen does not need stays unloaded until after it is up (start-up
    speed): the clause library, assembly, review, export, python-docx, Markdown."""
    code = ("import sys; from pathlib import Path; import drafter.cli; "
            "from drafter.project import Project; from drafter.app.app import DrafterApp; "
            "DrafterApp(Project.load(), Path(sys.argv[1])); "
            "print(sorted(m for m in ('docx', 'markdown_it', 'drafter.library', "
            "'drafter.assemble', 'drafter.review', 'drafter.export') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code, str(examples()["kiosk"])],
                            cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
