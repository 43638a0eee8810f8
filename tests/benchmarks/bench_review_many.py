"""Benchmark `drafter review` over many files in one run (on demand, not part of the suite).

    .venv/bin/python tests/benchmarks/bench_review_many.py [--files 100] [--repeat 3]

Writes a folder of policies (.md, .txt and .html, 5-50 KB each, made from our own fixture text
as tests/benchmarks/bench_review.py makes them, never from the seeds), then runs the real
command three ways and prints the CPU time (user + system, of the command and all its worker
processes, from `getrusage(RUSAGE_CHILDREN)`) and the wall time of each:

- one small policy: the start-up (Python, the clause library, the rules) plus one review;
- the whole folder with every core (the default), and with `--jobs 1`.

"CPU beyond start-up" is the folder's CPU minus the one-policy run's CPU: the cost of the
other files (target: under 3 s for 100 policies). Each figure is the median of `--repeat`
runs. No timed assertion: the machine is shared, so these are figures to read, not to test.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_review import as_format, policy_text  # noqa: I001 (this folder: run as a script)
from machine import machine_check

DRAFTER = Path(sys.executable).with_name("drafter")


def timed(args: list[str]) -> tuple[float, float, int]:
    """CPU seconds (this command and its workers), wall seconds, and exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(DRAFTER), "review", *args, "--format", "jsonl",
                           "--today", "2026-11-22"], capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"drafter review failed ({done.returncode}): {done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout.count(b"\n")


def median_of(repeat: int, args: list[str]) -> tuple[float, float, int]:
    runs = [timed(args) for _ in range(repeat)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            runs[0][2])


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--files", type=int, default=100)
    options.add_argument("--repeat", type=int, default=3)
    args = options.parse_args()
    print(machine_check())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "policies"
        folder.mkdir()
        suffixes = [".md", ".txt", ".html"]
        for i in range(args.files):
            size = 5_000 + (45_000 * i) // max(1, args.files - 1)
            suffix = suffixes[i % len(suffixes)]
            (folder / f"policy-{i:03}{suffix}").write_text(as_format(policy_text(size), suffix))
        total_kb = sum(p.stat().st_size for p in folder.iterdir()) / 1024
        one = folder / "policy-000.md"
        cpu1, wall1, _ = median_of(args.repeat, [str(one)])
        print(f"one policy ({one.stat().st_size / 1024:.0f} KB): CPU {cpu1:.2f} s, "
              f"wall {wall1:.2f} s (start-up and one review)")
        for label, extra in (("every core", []), ("--jobs 1", ["--jobs", "1"])):
            cpu, wall, lines = median_of(args.repeat, [str(folder), *extra])
            print(f"{lines} policies ({total_kb:.0f} KB), {label}: CPU {cpu:.2f} s, "
                  f"wall {wall:.2f} s; CPU beyond start-up {cpu - cpu1:.2f} s "
                  f"({(cpu - cpu1) / max(1, lines - 1) * 1000:.0f} ms a policy)")


if __name__ == "__main__":
    main()
