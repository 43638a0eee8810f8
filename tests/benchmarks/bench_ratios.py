"""Issue 13's speed ratios, side by side in one run (on demand, not part of the test suite):

    .venv/bin/python tests/benchmarks/bench_ratios.py [--runs 7] [--policy FILE]

Whole-process CPU (user + system of the child, median of `--runs`) of the import floor
`python -c "import jinja2, pydantic, markdown_it"`, `drafter build` of the largest example
without and with DOCX, and `drafter review` of a 39 KB policy; each as a ratio to the floor.
The commands take turns, one run of each per round, so a machine that gets busier part-way
slows them all alike. Then the in-process assemble + review + export of the largest example
(library loaded, caches warm, as the app does on every change), in ms.

Targets (issue 13): build ≤ 1.5× the floor, with DOCX ≤ 2×, in-process ≤ 30 ms.
The 39 KB policy is generated from our fixture (bench_review.policy_text) unless `--policy`
names one; DRAFTER_TODAY is pinned so every run reviews as of the same day.

The commands use a cache folder of their own (DRAFTER_CACHE_DIR, unless set), warmed by the
first round. Each Drafter command is measured twice (`--bytecode both`, the default): from
source, as in a checkout where PYTHONDONTWRITEBYTECODE=1 stops Python writing `__pycache__`
(every run then compiles our ~80 modules afresh), and from compiled bytecode, as after a wheel
install (pip byte-compiles what it installs; here `python -m compileall drafter`, run between
rounds and not counted). The floor's libraries are byte-compiled in both. The package's
`__pycache__` folders are left as they were found.

`--instructions` also counts each command's instructions once under valgrind (cachegrind,
no cache simulation; about 30 s each): unlike CPU time, the count does not change when the
machine is busy, so a change's effect shows on a shared machine. The in-process figure is
counted the same way: a child drafts and renders the example 1 and then 6 times after a
warm-up, and a fifth of the difference is one warm assemble + review + export.

The in-process figure is also given stage by stage (median CPU of each, warm): assemble,
the one Markdown parse (`policy_tree`), review, the promises ledger, and each exporter.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from drafter.build import render
from drafter.document.tree import policy_tree
from drafter.export import formats
from drafter.ledger import ledger
from drafter.paths import examples
from drafter.project import Project
from bench_review import policy_text  # noqa: I001 (this folder: run as a script)
from machine import machine_check

TODAY = "2026-12-01"
TEXT_FORMATS = "md,html,txt"
ALL_FORMATS = "md,html,txt,docx"


def child_cpu_ms(command: list[str], cwd: Path) -> float:
    """CPU (user + system) that one run of `command` used, in ms. Exit 1 is a review that
    found a note needing a decision; 2 and more are errors."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode > 1:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000


PACKAGE = Path(__import__("drafter").__file__).parent


def _bytecode(compiled: bool) -> None:
    """Byte-compile the drafter package (as a wheel install does), or remove its bytecode so
    that the next run compiles every module from source."""
    if compiled:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE)], check=True,
                       capture_output=True)
    else:
        for folder in PACKAGE.rglob("__pycache__"):
            shutil.rmtree(folder, ignore_errors=True)


def instructions(command: list[str], cwd: Path) -> float | None:
    """Millions of instructions one run of `command` executes (None without valgrind)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    result = subprocess.run([valgrind, "--tool=cachegrind", "--cache-sim=no",
                             "--cachegrind-out-file=/dev/null", *command], cwd=cwd,
                            capture_output=True, text=True, check=False)
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    return int(found[1].replace(",", "")) / 1e6 if found else None


def in_process_ms(run: Callable[[], object], times: int) -> tuple[float, float]:
    """Median wall and CPU ms of `run` in this process (after one warm-up run)."""
    run()
    wall, cpu = [], []
    for _ in range(times):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def stages(project: Project, name: str, times: int = 20) -> list[tuple[str, float]]:
    """Median CPU ms of each stage of a warm draft and export of example `name`."""
    answers = project.answers(examples()[name])
    policy = project.assemble(answers)
    tree = policy_tree(policy)
    draft = project.draft(answers)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("assemble", lambda: project.assemble(answers)),
        ("parse (policy_tree)", lambda: policy_tree(policy)),
        ("review", lambda: project.review(policy, answers, None, tree)),
        ("ledger", lambda: ledger(policy, answers, project.library, tree)),
        *((f"export {fmt}", lambda fmt=fmt: render(draft, formats(fmt)))  # type: ignore[misc]
          for fmt in ALL_FORMATS.split(",")),
    ]
    return [(label, in_process_ms(step, times)[1]) for label, step in steps]


def warm_runs(times: int) -> None:
    """`--warm N`: draft and export the largest example N times after a warm-up (counted
    under valgrind by `warm_instructions`)."""
    project = Project.load()
    name = largest_example(project)
    answers = project.answers(examples()[name])
    chosen = formats(TEXT_FORMATS)
    render(project.draft(answers), chosen)
    for _ in range(times):
        render(project.draft(answers), chosen)


def warm_instructions() -> float | None:
    """Millions of instructions of one warm assemble + review + export (--format md,html,txt),
    from the counts of a child that does 1 and 6 after its warm-up.

    The children share the cache folder, so a first child is run uncounted: the first to
    run compiles and keeps what the build rounds never needed (every example's templates,
    which `largest_example` renders, and this script's own imports), and counted first it
    made the "1" child cost some 3,300M instructions more than the "6" (a warm run of
    -655M)."""
    script = [sys.executable, str(Path(__file__).resolve()), "--warm"]
    # one hash seed for both children: with a random one, where the collector runs (and so
    # the difference) varies by ±150 M from run to run
    seed = os.environ.get("PYTHONHASHSEED")
    os.environ["PYTHONHASHSEED"] = "0"
    try:
        # a first child, not counted, fills the cache folder (the library, compiled templates)
        # for this hash seed and bytecode: else the first counted child paid for it and one
        # warm draft came out negative (-741 M)
        subprocess.run([*script, "1"], check=True, capture_output=True)
        one, six = (instructions([*script, str(n)], Path.cwd()) for n in (1, 6))
    finally:
        os.environ.pop("PYTHONHASHSEED") if seed is None else os.environ.update(
            PYTHONHASHSEED=seed)
    return (six - one) / 5 if one is not None and six is not None else None


def largest_example(project: Project) -> str:
    md = formats("md")
    return max(examples(), key=lambda name: len(
        render(project.draft(project.answers(examples()[name])), md)[".md"]))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=7)
    options.add_argument("--bytecode", choices=("source", "compiled", "both"), default="both",
                         help="run Drafter from source, from compiled .pyc files, or both")
    options.add_argument("--instructions", action="store_true",
                         help="also count each command's instructions under valgrind")
    options.add_argument("--policy", type=Path, help="policy for `drafter review` "
                         "(default: a generated 39 KB Markdown policy)")
    options.add_argument("--warm", type=int, help=argparse.SUPPRESS)
    args = options.parse_args()
    os.environ["DRAFTER_TODAY"] = TODAY
    if args.warm is not None:
        warm_runs(args.warm)
        return
    if "DRAFTER_CACHE_DIR" not in os.environ:
        # A cache folder of its own (warmed by the first round): the user's is shared with
        # every other Drafter on the machine (another checkout, the tests), whose runs rewrite
        # the compiled-code files keyed by interpreter alone, and made a build's count wander
        # between 1,780M and 2,600M instructions from one run to the next.
        cache = tempfile.TemporaryDirectory(prefix="bench-cache-")
        os.environ["DRAFTER_CACHE_DIR"] = cache.name
    start = machine_check()
    project = Project.load()
    name = largest_example(project)
    drafter = [sys.executable, "-m", "drafter"]

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        policy = args.policy.resolve() if args.policy else folder / "policy-39k.md"
        if not args.policy:
            policy.write_text(policy_text(39_000))
        floor = {"floor: import jinja2, pydantic, markdown_it":
                 [sys.executable, "-c", "import jinja2, pydantic, markdown_it"]}
        ours = {
            f"drafter build --example {name} --format {TEXT_FORMATS}":
                [*drafter, "build", "--example", name, "--format", TEXT_FORMATS, "-o", "out"],
            f"drafter build --example {name} --format {ALL_FORMATS}":
                [*drafter, "build", "--example", name, "--format", ALL_FORMATS, "-o", "out"],
            f"drafter review {policy.name} ({policy.stat().st_size:,} bytes)":
                [*drafter, "review", str(policy)],
        }
        modes = {"source": [False], "compiled": [True], "both": [False, True]}[args.bytecode]
        had_bytecode = any(PACKAGE.rglob("__pycache__/*.pyc"))
        rows: list[tuple[str, bool | None, list[str]]] = [
            (label, None, command) for label, command in floor.items()]
        for compiled in modes:
            tag = " [.pyc]" if compiled else " [source]"
            rows += [(label + tag, compiled, command) for label, command in ours.items()]
        cpu: dict[str, list[float]] = {label: [] for label, _, _ in rows}
        counted: dict[str, float | None] = {}
        try:
            for _ in range(args.runs + 1):  # the first round warms the file and parse caches
                state = None
                for label, compiled, command in rows:
                    if compiled is not None and compiled != state:
                        _bytecode(compiled)
                        state = compiled
                    cpu[label].append(child_cpu_ms(command, folder))
            for label, compiled, command in rows if args.instructions else ():
                if compiled is not None:
                    _bytecode(compiled)
                counted[label] = instructions(command, folder)
        finally:
            _bytecode(had_bytecode)
        cpu = {label: runs[1:] for label, runs in cpu.items()}

    warm_counted = warm_instructions() if args.instructions else None
    answers = project.answers(examples()[name])
    text = in_process_ms(lambda: render(project.draft(answers), formats(TEXT_FORMATS)), 50)
    every = in_process_ms(lambda: render(project.draft(answers), formats(ALL_FORMATS)), 20)

    print(f"before: {start}\nafter:  {machine_check()}")
    print(f"whole-process CPU, median of {args.runs} runs taken in turns "
          f"(python {sys.version.split()[0]}, DRAFTER_TODAY={TODAY}):")
    floor = statistics.median(next(iter(cpu.values())))
    for label, runs in cpu.items():
        median = statistics.median(runs)
        print(f"  {label:<75} {median:6.0f} ms  {median / floor:4.1f}× floor  "
              f"(min {min(runs):.0f}, max {max(runs):.0f})")
    base = next(iter(counted.values()), None)
    if counted and base:
        print("instructions, one run each under cachegrind (steady on a busy machine):")
        for label, count in counted.items():
            shown = f"{count:7.0f} M  {count / base:4.1f}× floor" if count else "  (none)"
            print(f"  {label:<75} {shown}")
    print(f"in-process assemble + review + export of {name} (library loaded, warm):")
    print(f"  --format {TEXT_FORMATS:<20} {text[0]:7.1f} ms wall {text[1]:7.1f} ms CPU "
          f"(median of 50; target ≤ 30 ms)")
    print(f"  --format {ALL_FORMATS:<20} {every[0]:7.1f} ms wall {every[1]:7.1f} ms CPU "
          f"(median of 20)")
    if warm_counted is not None:
        print(f"  --format {TEXT_FORMATS:<20} {warm_counted:7.0f} M instructions "
              "(one warm run, counted under cachegrind)")
    print("  by stage (median CPU of 20, warm):")
    for label, ms in stages(project, name):
        print(f"    {label:<25} {ms:7.1f} ms")


if __name__ == "__main__":
    main()
