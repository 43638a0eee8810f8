"""Where a whole `drafter build` process spends its instructions, phase by phase (issue 13; on
demand, not part of the test suite; needs valgrind):

    .venv/bin/python tests/benchmarks/bench_phases.py [--example NAME] [--format LIST]

Each row is one child process counted under cachegrind (no cache simulation; the count does
not change when the machine is busy), each doing a little more than the row above it, so the
difference between two rows is what that phase costs:

1. `python -c pass`: the interpreter alone.
2. the floor, `import jinja2, pydantic, markdown_it`.
3. `import drafter` first (its compiled-code caches), then the floor's three libraries.
4. every module the build loads (found by running the build once), imported in its order and
   nothing run: the import cost of the build.
5. 4 + `Project.load()` and its questionnaire and library (the parse cache read back).
6. 5 + the answers and `project.draft` (assemble, the one Markdown parse, the review, ledger).
7. 6 + rendering each asked format in memory (no file written).
8. the whole `drafter build` command, which also writes the files, merges with the last build,
   writes `changes.md`, the manifest and `review.md`, and exits.

The package is byte-compiled first (as after a wheel install) and the first run warms the
caches (the parse cache, the compiled regular expressions and dataclass code). DRAFTER_TODAY
is pinned.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_ratios import PACKAGE, TODAY, instructions  # noqa: I001 (this folder: run as a script)

# The collector as `drafter` runs it (`__main__.run`, `cli._one_shot_collector`): passes
# spaced out while importing, what exists frozen before the command runs. With Python's
# default passes, where a full collection fell moved from row to row (rendering once "cost"
# -45M).
_IMPORTS = """
import gc, importlib, json, sys
gc.set_threshold(50_000, *gc.get_threshold()[1:])
for name in json.load(open(sys.argv[1])):
    try:
        importlib.import_module(name)
    except Exception:
        pass
"""

_PHASES = _IMPORTS + """
gc.freeze()
stage = int(sys.argv[2])
from pathlib import Path
from drafter.project import Project
from drafter.paths import examples
from drafter.export import formats
from drafter.build import render
project = Project.load(with_library=True)  # as `drafter build` loads it
project.questionnaire, project.library
if stage >= 6:
    draft = project.draft(project.answers(examples()[sys.argv[3]]))
if stage >= 7:
    render(draft, formats(sys.argv[4]))
gc.freeze()  # as `drafter` exits
"""

_MODULES = """
import json, sys
from drafter.__main__ import run
sys.argv = ["drafter", *sys.argv[2:]]
try:
    run()
finally:
    names = [n for n in sys.modules if n != "__main__" and not n.startswith("_frozen")]
    open(OUT, "w").write(json.dumps(names))
"""


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--example", default="email-platform")
    options.add_argument("--format", default="md,html,txt")
    args = options.parse_args()
    os.environ["DRAFTER_TODAY"] = TODAY
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE)], check=True,
                   capture_output=True)
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build = [py, "-m", "drafter", "build", "--example", args.example, "--format",
                 args.format, "-o", "out"]
        for _ in range(2):  # warm every cache; the second is a rebuild, as measured
            subprocess.run(build, cwd=folder, check=True, capture_output=True)
        listing = folder / "modules.json"
        subprocess.run([py, "-c", f"OUT = {str(listing)!r}\n" + _MODULES, "x", *build[3:]],
                       cwd=folder, check=True, capture_output=True)
        modules = str(listing)
        rows = [
            ("python -c pass", [py, "-c", "pass"]),
            ("floor: import jinja2, pydantic, markdown_it",
             [py, "-c", "import jinja2, pydantic, markdown_it"]),
            ("import drafter, then the floor's libraries",
             [py, "-c", "import drafter, jinja2, pydantic, markdown_it"]),
            (f"import every module the build loads ({len(json.loads(listing.read_text()))})",
             [py, "-c", _IMPORTS, modules]),
            ("+ Project.load(), questionnaire, library", [py, "-c", _PHASES, modules, "5"]),
            ("+ answers, draft (assemble, parse, review, ledger)",
             [py, "-c", _PHASES, modules, "6", args.example]),
            (f"+ render {args.format} in memory",
             [py, "-c", _PHASES, modules, "7", args.example, args.format]),
            (f"drafter build --example {args.example} --format {args.format}", build),
        ]
        counted = [(label, instructions(command, folder)) for label, command in rows]
    floor = counted[1][1] or 1.0
    print(f"instructions, one run each under cachegrind (python {sys.version.split()[0]}):")
    previous = None
    for label, count in counted:
        if count is None:
            print(f"  {label:<60} (no valgrind)")
            continue
        step = f"{count - previous:+7.0f} M" if previous is not None else " " * 9
        print(f"  {label:<60} {count:7.0f} M {step}  {count / floor:4.2f}× floor")
        previous = count


if __name__ == "__main__":
    main()
