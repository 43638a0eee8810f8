"""What the DOCX export costs (run on demand, not part of the test suite):

    .venv/bin/python tests/benchmarks/bench_docx.py

Counts instructions under valgrind (cachegrind, no cache simulation: steady on a busy machine)
of a child that loads the project, drafts the largest example (email-platform) and renders it
as md, html and txt, then: nothing more; imports the DOCX exporter (python-docx, lxml); renders
the DOCX once; renders it three times. The differences are the exporter's import, its first
render (python-docx's template loaded and saved included) and one warm render (as the app does
on every export). Run from a checkout with its bytecode compiled (`python -m compileall -q
drafter`, as an install does), with a cache folder of its own (DRAFTER_CACHE_DIR) and one hash
seed, so that the counts repeat.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_ratios import PACKAGE, TODAY, instructions  # noqa: I001 (this folder: a script)

EXAMPLE = "email-platform"


def child(mode: str) -> None:
    """The measured child: `import`, or the number of DOCX renders."""
    from drafter.build import render
    from drafter.export import formats
    from drafter.manifest import library_version
    from drafter.paths import examples
    from drafter.project import Project

    project = Project.load()
    draft = project.draft(project.answers(examples()[EXAMPLE]))
    render(draft, formats("md,html,txt"))
    if mode == "import":
        importlib.import_module("drafter.export.docx")
        return
    version = library_version(project.library)
    for _ in range(int(mode)):
        render(draft, formats("docx"), library=version)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return
    os.environ.update(DRAFTER_TODAY=TODAY, PYTHONHASHSEED="0")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE)], check=True)
    with tempfile.TemporaryDirectory(prefix="bench-docx-") as cache:
        os.environ.setdefault("DRAFTER_CACHE_DIR", cache)
        script = [sys.executable, str(Path(__file__).resolve()), "--child"]
        subprocess.run([*script, "0"], check=True)  # warms the cache folder
        counts = {mode: instructions([*script, mode], Path.cwd())
                  for mode in ("0", "import", "1", "3")}
    if any(count is None for count in counts.values()):
        raise SystemExit("needs valgrind")
    base, imported, once, thrice = (counts[m] or 0.0 for m in ("0", "import", "1", "3"))
    print(f"{EXAMPLE}, millions of instructions (cachegrind):")
    print(f"  draft + md,html,txt         {base:7.0f}")
    print(f"  import the DOCX exporter    {imported - base:+7.0f}")
    print(f"  first DOCX render           {once - imported:+7.0f}")
    print(f"  one warm DOCX render        {(thrice - once) / 2:+7.0f}")
    print(f"  DOCX in all (import+first)  {once - base:+7.0f}")


if __name__ == "__main__":
    main()
