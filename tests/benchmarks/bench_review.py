"""Benchmark `drafter review` (run on demand, not part of the test suite).

    .venv/bin/python tests/benchmarks/bench_review.py [--runs 50] [--files 40]

1. Reviews one ~50 KB policy (as .md, .txt and .html) in-process (`read_document` +
   `review_document`) many times and prints the median and spread (target: median < 50 ms).
   A calibration loop is timed first: on a shared machine the figures scale with its load.
2. Writes a folder of policies (.md, .txt and .html, 5-50 KB each) and reviews them all,
   printing files/s and KB/s.

Policies are generated from our own fixture text (tests/fixtures/review/clean-policy.md) with
a few defects mixed in, so that every check has something to look at; never from the seeds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from html import escape
from pathlib import Path

from drafter.project import Project
from drafter.review import read_document, review_document
from machine import machine_check  # noqa: I001 (this folder: run as a script)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "review" / "clean-policy.md"
DEFECTS = [
    "Harbor Lane is certified under the EU-U.S. Privacy Shield Framework.",
    "Card numbers travel over an SSL connection.",
    "We keep logs for TBD days.",
    "We never rent personal data to anyone.",
]
TODAY = date(2026, 11, 22)


def policy_text(size: int) -> str:
    """Markdown of about `size` bytes: the fixture's sections repeated and renumbered."""
    body = FIXTURE.read_text()
    parts = [body]
    n = 0
    while sum(map(len, parts)) < size:
        n += 1
        section = body.replace("## ", f"## Part {n}: ")
        parts.append(section + "\n" + DEFECTS[n % len(DEFECTS)] + "\n")
    return "\n".join(parts)


def as_format(markdown: str, suffix: str) -> str:
    if suffix == ".html":
        paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in markdown.split("\n\n"))
        return f"<!doctype html><html><body>\n{paragraphs}\n</body></html>\n"
    return markdown


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=50)
    options.add_argument("--files", type=int, default=40)
    args = options.parse_args()
    library = Project.load().library

    print(machine_check())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text = policy_text(50_000)
        for suffix in (".md", ".txt", ".html"):
            single = folder / f"policy-50k{suffix}"
            single.write_text(as_format(text, suffix))
            review_document(read_document(single), library, today=TODAY)  # warm caches
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                notes = review_document(read_document(single), library, today=TODAY)
                times.append(time.perf_counter() - start)
            kb = single.stat().st_size / 1024
            print(f"single {kb:.1f} KB {suffix} policy, {len(notes)} notes, {args.runs} runs: "
                  f"median {statistics.median(times) * 1000:.1f} ms, "
                  f"min {min(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")

        suffixes = [".md", ".txt", ".html"]
        corpus = folder / "policies"
        corpus.mkdir()
        for i in range(args.files):
            size = 5_000 + (45_000 * i) // max(1, args.files - 1)
            suffix = suffixes[i % len(suffixes)]
            (corpus / f"policy-{i:03}{suffix}").write_text(as_format(policy_text(size), suffix))
        files = sorted(corpus.iterdir())
        total_kb = sum(p.stat().st_size for p in files) / 1024
        start = time.perf_counter()
        count = sum(len(review_document(read_document(p), library, today=TODAY)) for p in files)
        elapsed = time.perf_counter() - start
        print(f"folder of {len(files)} policies ({total_kb:.0f} KB, .md/.txt/.html), "
              f"{count} notes: {elapsed:.2f} s, {len(files) / elapsed:.1f} files/s, "
              f"{total_kb / elapsed:.0f} KB/s")


if __name__ == "__main__":
    main()
