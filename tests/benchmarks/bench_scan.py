"""Benchmark `drafter scan URL` on a 10-page fixture site (run on demand, not in the suite).

    .venv/bin/python tests/benchmarks/bench_scan.py [--runs 3] [--pages 10]

Serves the fixture shop of tests/scan/site.py from 127.0.0.1 with plain pages added to make
`--pages` pages (its trackers' real host names mapped to the local server), and times the
whole scan as the command runs it: starting Playwright and the system Chromium, the visit of
every page, the second visit of every page with Global Privacy Control on, and closing.
Issue 18's target: under 20 s. Prints each run, the median, and the time spent once Chromium
had started (what `--time-limit` bounds).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from drafter.evidence.browser import scan_site  # noqa: E402
from drafter.evidence.catalog import catalog  # noqa: E402
from drafter.project import Project  # noqa: E402
from machine import machine_check  # noqa: E402,I001 (this folder: run as a script)
from tests.scan.site import PAGES, serve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=10)
    args = parser.parse_args()
    known = catalog(Project.load().library.data)
    print(machine_check())
    totals, visiting = [], []
    with serve(extra_pages=max(args.pages - len(PAGES), 0)) as site:
        for run in range(1, args.runs + 1):
            said: list[str] = []
            start = time.perf_counter()
            evidence = scan_site(site.url, known, pages=args.pages, time_limit=120,
                                 browser_args=site.browser_args(), progress=said.append)
            totals.append(time.perf_counter() - start)
            visiting.append(float(said[-1].split()[2]))
            assert len(evidence.pages) == args.pages, evidence.pages
            assert not evidence.problems, evidence.problems
            print(f"run {run}: {totals[-1]:.1f} s for {len(evidence.pages)} pages (twice: "
                  f"without and with GPC), {visiting[-1]:.1f} s of it after Chromium started; "
                  f"{len({r.host for r in evidence.requests})} third-party hosts")
    print(f"median: {statistics.median(totals):.1f} s whole scan, "
          f"{statistics.median(visiting):.1f} s visiting (target: under 20 s)")


if __name__ == "__main__":
    main()
