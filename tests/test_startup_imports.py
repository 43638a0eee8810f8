"""What a command does not need, it does not import (issue 13: start-up speed).

Each deferral measured in tests/benchmarks/bench_ratios.py is pinned here, so that a new
top-level import cannot quietly bring the cost back: the command runs in a fresh process and
reports which of the named modules it loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_REPORT = ("import sys, json; from drafter.cli import main; code = main(sys.argv[2:]); "
           "print(json.dumps(sorted(m for m in sys.argv[1].split(',') if m in sys.modules)))")


def loaded(modules: list[str], *args: str, cwd: Path) -> list[str]:
    """Which of `modules` a fresh process has imported after `drafter ARGS`."""
    result = subprocess.run([sys.executable, "-c", _REPORT, ",".join(modules), *args],
                            cwd=cwd, capture_output=True, text=True, check=False,
                            env={"DRAFTER_TODAY": "2026-12-01", **_env()})
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


# What a plain `drafter build` (no DOCX asked) must never load: the Word export and its
# libraries (python-docx, lxml), the app (Textual), the redline (written only once a version is
# published), the review command's own readers and outputs, the evidence scanner, and
# pydantic's TypeAdapter (built only for a questionnaire default not seen before, or by lint).
NOT_WITHOUT_DOCX = [
    "docx", "lxml", "textual", "rich", "drafter.app", "drafter.export.docx",
    "drafter.export.docx_layout", "drafter.export.docx_runs", "drafter.export.docx_tables",
    "drafter.redline",
    "drafter.review.outputs", "drafter.review.sarif", "drafter.review.github",
    "drafter.review.batch", "drafter.review.baseline", "drafter.review.html_text",
    "drafter.evidence", "drafter.absorb", "drafter.publish", "drafter.site", "drafter.lint",
    "pydantic.type_adapter",
]


def test_a_build_imports_only_what_it_uses(tmp_path: Path) -> None:
    """Once the parse cache is warm (reading the library afresh validates it with pydantic):
    the manifest is plain dataclasses, so a build (the first, and a rebuild that reads the
    manifest back) never builds a pydantic validator, nor imports pydantic's plugin loader,
    which reads every installed package's metadata; the folder's name comes from the cache,
    not python-slugify; merge3 waits for something to merge, python-docx for a DOCX; the
    review's sentences of a draft reviewed before come from the cache, not nupunkt; the
    translations come from the cache, not ruamel (their titles' lines); the readers of HTML and
    Word policies wait for one to review (html.parser, zipfile)."""
    for _ in range(2):  # a rebuild also reads notice.yaml
        loaded([], "build", "--example", "kiosk", "--format", "md", "-o", "warm", cwd=tmp_path)
    unused = ["pydantic.plugin._loader", "importlib.metadata", "slugify", "merge3", "nupunkt",
              "ruamel.yaml", "html.parser", "zipfile", *NOT_WITHOUT_DOCX]
    for _ in range(2):
        assert loaded(unused, "build", "--example", "kiosk", "--format", "md,html,txt",
                      "-o", "out", cwd=tmp_path) == []
    # and the plainest build of all
    assert loaded(unused, "build", "--example", "kiosk", "--format", "md", "-o", "md",
                  cwd=tmp_path) == []


def test_reviewing_one_policy_loads_no_process_pool_nor_package_metadata(tmp_path: Path) -> None:
    """`drafter review` of one file reviews it in this process: no multiprocessing nor
    concurrent.futures (they wait for a batch worth forking for); and the baseline's models are
    built when a baseline is read, not when the module is imported, which made pydantic load
    its plugins, reading every installed package's metadata (importlib.metadata, email, zipfile)."""
    policy = tmp_path / "policy.md"
    policy.write_text((Path(__file__).parent / "fixtures" / "review" / "clean-policy.md")
                      .read_text())
    unused = ["multiprocessing", "concurrent.futures", "importlib.metadata",
              "pydantic.plugin._loader", "email", "zipfile", "textual", "docx"]
    loaded([], "review", str(policy), cwd=tmp_path)  # warms the parse cache
    assert loaded(unused, "review", str(policy), cwd=tmp_path) == []
