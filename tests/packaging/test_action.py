"""action.yml, the composite GitHub Action, run step by step as GitHub would: each `run:` script
under `bash --noprofile --norc -eo pipefail` (GitHub's `shell: bash`) with its `env:` filled in
from the inputs, `if:` conditions honoured (a step after a failure runs only with `always()`).
Of the `uses:` steps, setup-python is this interpreter, and the SARIF upload is checked as what
it would upload: a valid SARIF 2.1.0 log. The install step runs with a `python` that only
prints what it was asked to run (the test venv's Drafter is not replaced; wheel_check.py
installs the package for real).

The `outdated` mode runs `drafter outdated` on the answers: up to date after a build, out of
date (the step fails, as a scheduled workflow should) when the build recorded an older
library release."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = json.loads((REPO / "tests" / "fixtures" / "sarif" / "sarif-2.1.0.json").read_text())
CLEAN = (REPO / "tests" / "fixtures" / "review" / "clean-policy.md").read_text()
SHIELD = "We comply with the EU-U.S. Privacy Shield Framework."
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")
CONDITION = re.compile(r"inputs\.([\w-]+) == '([^']*)'")


def action() -> dict[str, Any]:
    return YAML(typ="safe").load((REPO / "action.yml").read_text())


@dataclass
class Ran:
    name: str
    code: int
    stdout: str
    stderr: str


def _value(expression: str, inputs: dict[str, str]) -> str:
    if expression == "github.action_path":
        return str(REPO)
    name = expression.removeprefix("inputs.")
    assert name != expression and name in inputs, f"action.yml uses ${{{{ {expression} }}}}"
    return inputs[name]


def _applies(condition: str | None, inputs: dict[str, str], failed: bool) -> bool:
    if condition is None:
        return not failed
    parts = [p.strip() for p in condition.split("&&")]
    if "always()" not in parts and failed:
        return False
    for part in (p for p in parts if p != "always()"):
        match = CONDITION.fullmatch(part)
        assert match, f"a condition this test does not know: {part!r}"
        if _value(f"inputs.{match[1]}", inputs) != match[2]:
            return False
    return True


def run_action(given: dict[str, str], workspace: Path) -> list[Ran]:
    """Run the action's steps in `workspace` with these inputs (defaults for the rest)."""
    spec = action()
    unknown = set(given) - set(spec["inputs"])
    assert not unknown, unknown
    inputs = {name: str(i.get("default", "")) for name, i in spec["inputs"].items()} | given
    shim = workspace.parent / f"{workspace.name}-bin"
    shim.mkdir(exist_ok=True)
    (shim / "python").write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    (shim / "python").chmod(0o755)
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    base = {**os.environ, "PATH": path}
    ran: list[Ran] = []
    for step in spec["runs"]["steps"]:
        name = step.get("name") or step.get("uses", "")
        if not _applies(step.get("if"), inputs, any(r.code for r in ran)):
            continue
        if "uses" in step:
            with_ = {k: EXPRESSION.sub(lambda m: _value(m[1], inputs), str(v))
                     for k, v in step.get("with", {}).items()}
            ran.append(_uses(step["uses"], with_, workspace))
            continue
        assert step["shell"] == "bash" and "${{" not in step["run"], \
            f"{name}: inputs reach a script through env: only"
        env = base | {k: EXPRESSION.sub(lambda m: _value(m[1], inputs), str(v))
                      for k, v in step.get("env", {}).items()}
        if name == "Install Drafter":
            env["PATH"] = f"{shim}{os.pathsep}{path}"
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               step["run"]], cwd=workspace, env=env, capture_output=True,
                              text=True, timeout=300)
        ran.append(Ran(name, done.returncode, done.stdout, done.stderr))
    return ran


def _uses(uses: str, with_: dict[str, str], workspace: Path) -> Ran:
    if uses.startswith("actions/setup-python@"):
        assert float(with_["python-version"]) >= 3.11
        return Ran(uses, 0, "", "")
    assert uses.startswith("github/codeql-action/upload-sarif@"), uses
    log = json.loads((workspace / with_["sarif_file"]).read_text())
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(log)
    return Ran(uses, 0, json.dumps(log), "")


def _site(tmp_path: Path) -> Path:
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "privacy.md").write_text(CLEAN + f"\n{SHIELD}\n")
    (tmp_path / "legal" / "cookies.md").write_text(CLEAN)
    return tmp_path


def test_review_mode_annotates_uploads_sarif_and_fails_on_a_blocking_note(tmp_path: Path
                                                                          ) -> None:
    ran = run_action({"paths": "legal/privacy.md\nlegal/cookies.md"}, _site(tmp_path))
    by_name = {r.name: r for r in ran}
    assert [r.name for r in ran] == ["actions/setup-python@v5", "Install Drafter",
                                     "Review the policies",
                                     "github/codeql-action/upload-sarif@v3"]
    install = by_name["Install Drafter"]
    assert install.stdout.split("\n") == ["-m", "pip", "install", "--quiet", str(REPO), ""]
    review = by_name["Review the policies"]
    assert review.code == 1, review.stderr
    assert re.search(r"^::error file=legal/privacy\.md,line=\d+,", review.stdout, re.M)
    assert "legal/cookies.md" not in review.stdout  # the clean one has no annotation
    log = json.loads(by_name["github/codeql-action/upload-sarif@v3"].stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    assert uris == {"legal/privacy.md"}


def test_review_mode_passes_a_clean_policy(tmp_path: Path) -> None:
    ran = run_action({"paths": "legal/cookies.md", "upload-sarif": "false",
                      "package": "drafter-privacy==0.1.0"}, _site(tmp_path))
    assert ran[1].stdout.split() == ["-m", "pip", "install", "--quiet", "drafter-privacy==0.1.0"]
    assert [(r.name, r.code) for r in ran][-1] == ("Review the policies", 0), ran
    assert json.loads((tmp_path / "drafter.sarif").read_text())["runs"][0]["results"] == []


def test_an_input_is_never_run_as_shell_code(tmp_path: Path) -> None:
    ran = run_action({"paths": "legal/cookies.md", "laws": "general$(touch pwned)",
                      "upload-sarif": "false"}, _site(tmp_path))
    review = ran[-1]
    assert review.code == 2 and "general$(touch pwned)" in review.stderr
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "drafter.sarif").exists()  # nothing to upload after bad input


def test_outdated_mode_needs_the_answers_file(tmp_path: Path) -> None:
    ran = run_action({"mode": "outdated"}, tmp_path)
    assert [r.name for r in ran] == ["actions/setup-python@v5", "Install Drafter",
                                     "Library changes that apply"]
    assert ran[-1].code == 2 and "::error title=drafter::mode outdated needs" in ran[-1].stdout


def test_outdated_mode_fails_when_library_changes_apply(tmp_path: Path) -> None:
    from drafter.cli import main
    from drafter.paths import examples

    answers = tmp_path / "answers.yaml"
    answers.write_text(examples()["kiosk"].read_text())
    assert main(["build", str(answers), "-o", str(tmp_path / "output"), "--format", "md"]) == 0
    ran = run_action({"mode": "outdated", "answers": "answers.yaml"}, tmp_path)
    assert ran[-1].name == "Library changes that apply" and ran[-1].code == 0, ran[-1]
    manifest = next((tmp_path / "output").iterdir()) / "drafter-manifest.json"
    record = json.loads(manifest.read_text())
    record["library_release"] = "2026.12.1"  # built before 2026.12.3 changed a kiosk duty
    manifest.write_text(json.dumps(record))
    ran = run_action({"mode": "outdated", "answers": "answers.yaml"}, tmp_path)
    assert ran[-1].code == 1 and "Out of date" in ran[-1].stdout, ran[-1]


@pytest.mark.parametrize("mode", ["review", "outdated"])
def test_each_mode_has_its_steps(mode: str) -> None:
    steps = action()["runs"]["steps"]
    assert any(s.get("if", "").endswith(f"inputs.mode == '{mode}'") for s in steps)
    described = action()["inputs"]["mode"]["description"]
    assert f"{mode}:" in described
