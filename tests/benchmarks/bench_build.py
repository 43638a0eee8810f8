"""Benchmark `drafter build` (run on demand: `python tests/benchmarks/bench_build.py`).

Prints medians for: assembling and exporting the largest example in-process (library already
loaded, as the app does on every change); loading the project; the whole `drafter build`
process; and the floor every Python process pays to import jinja2, pydantic and markdown_it.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

from drafter.build import render
from drafter.project import Project
from drafter.export import FORMATS
from drafter.paths import examples


def median_ms(run: Callable[[], object], times: int) -> str:
    """Median wall time and median CPU time (ours plus child processes'): on a busy machine
    the CPU figure is the steadier one."""
    wall, cpu = [], []
    for _ in range(times):
        before = _cpu()
        start = time.perf_counter()
        run()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((_cpu() - before) * 1000)
    return f"{statistics.median(wall):7.1f} ms wall, {statistics.median(cpu):7.1f} ms CPU"


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    project = Project.load()
    name, path = max(examples().items(), key=lambda item: len(
        render(project.draft(project.answers(item[1])), [FORMATS["md"]])[".md"]))
    answers = project.answers(path)
    formats = list(FORMATS.values())
    size = len(render(project.draft(answers), formats)[".md"])
    print(f"largest example: {name} ({size:,} bytes of Markdown, "
          f"{len(project.library.clauses)} clauses in the library)")
    print(f"  load questionnaire + library:            "
          f"{median_ms(lambda: Project.load().library, 20)}")
    print(f"  assemble + review + export all formats:  "
          f"{median_ms(lambda: render(project.draft(answers), formats), 50)}")
    with tempfile.TemporaryDirectory() as out:
        build = [sys.executable, "-m", "drafter", "build", str(path), "-o", out]
        floor = [sys.executable, "-c", "import jinja2, pydantic, markdown_it"]
        whole = median_ms(lambda: subprocess.run(build, check=True, capture_output=True), 10)
        base = median_ms(lambda: subprocess.run(floor, check=True, capture_output=True), 10)
    print(f"  whole process `drafter build`:           {whole}")
    print(f"  floor `import jinja2, pydantic, markdown_it`: {base}")


if __name__ == "__main__":
    main()
    sys.exit(0)
