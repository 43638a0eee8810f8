"""The real command on the example answers: every format written, byte-identical on rebuild."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.paths import examples


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafter", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("name", sorted(examples()))
def test_build_each_example(tmp_path: Path, name: str) -> None:
    result = run("build", str(examples()[name]), "-o", str(tmp_path / "a"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (folder,) = (tmp_path / "a").iterdir()
    written = sorted(p.name for p in folder.iterdir())
    assert written == ["drafter-manifest.json", "privacy-policy.docx", "privacy-policy.html",
                       "privacy-policy.md", "privacy-policy.txt", "review.md"]
    assert all(str(folder / w) in result.stdout for w in written if w.startswith("p"))
    again = run("build", str(examples()[name]), "-o", str(tmp_path / "b"), cwd=tmp_path)
    assert again.returncode == 0
    # Text formats are byte-identical; a DOCX is a zip with timestamps inside.
    for w in ["privacy-policy.html", "privacy-policy.md", "privacy-policy.txt", "review.md"]:
        assert (folder / w).read_bytes() == (tmp_path / "b" / folder.name / w).read_bytes()


def test_default_build_is_the_kiosk_example_into_output(tmp_path: Path) -> None:
    result = run("build", "--format", "md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "parcel-point-kiosks-inc" / "privacy-policy.md").is_file()
    assert not (tmp_path / "output" / "parcel-point-kiosks-inc" / "privacy-policy.html").exists()


def test_unknown_format_and_example(tmp_path: Path) -> None:
    bad = run("build", "--format", "md,pdf", cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr == "drafter: error: --format: unknown format 'pdf'; choose from md, html, txt, docx\n"
    missing = run("build", "--example", "bakery", cwd=tmp_path)
    assert missing.returncode == 2 and "no example called 'bakery'" in missing.stderr


def test_schema_validates_the_examples_shape(tmp_path: Path) -> None:
    result = run("schema", cwd=tmp_path)
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    business = schema["$defs"]["BusinessAnswers"]
    assert "name" in business["properties"] and business["additionalProperties"] is False


def test_build_does_not_import_textual(tmp_path: Path) -> None:
    code = ("import sys; from drafter.cli import main; main(['build', '-o', 'o', '--format', "
            "'md']); print('textual' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip().endswith("False")


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
