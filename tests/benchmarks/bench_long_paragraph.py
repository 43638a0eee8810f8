"""Benchmark: one policy that is a single paragraph of 1 MB and 5 MB (run on demand).

    .venv/bin/python tests/benchmarks/bench_long_paragraph.py [--sizes 1,5]

The paragraph is the sentences of our own fixture (tests/fixtures/review/clean-policy.md)
run together, with outdated references, history, e-mail addresses and placeholders mixed in,
so that every sentence-reading check has matches all through it (issue 14: 5 MB in under
5 s). Prints the time to read (`read_document`) and review (`review_document`) each size and
the time per MB, which stays flat when the review is linear, and the CPU time (what a busy
shared machine changes least).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from drafter.project import Project
from drafter.review import read_document, review_document
from machine import machine_check  # noqa: I001 (this folder: run as a script)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "review" / "clean-policy.md"
MIXED = [
    "Kestrel Books is certified under the EU-U.S. Privacy Shield Framework.",
    "Until 2020 our transfers to the U.S. relied on the Safe Harbor Framework.",
    "Card numbers travel over an SSL connection.",
    "Write to privacyshield@kestrel.example with questions.",
    "We keep personal data for a year.",
    "We keep logs for TBD days.",
]
TODAY = date(2026, 11, 22)


def paragraph(size: int) -> str:
    """About `size` characters of prose with no blank line: one block, as a page whose
    markup put the whole policy in one element would give."""
    sentences = [line.strip() for line in FIXTURE.read_text().splitlines()
                 if line.strip() and not line.startswith(("#", "*"))]
    parts, total, n = [], 0, 0
    while total < size:
        part = sentences[n % len(sentences)] if n % 7 else MIXED[(n // 7) % len(MIXED)]
        parts.append(part)
        total += len(part) + 1
        n += 1
    return " ".join(parts)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sizes", default="1,5", help="megabytes, comma-separated")
    args = options.parse_args()
    library = Project.load().library
    print(machine_check())
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in (float(s) for s in args.sizes.split(",")):
            path = Path(tmp) / "one-paragraph.txt"
            path.write_text(paragraph(int(megabytes * 1_000_000)))
            start, cpu = time.perf_counter(), time.process_time()
            document = read_document(path)
            read = time.perf_counter() - start
            notes = review_document(document, library, today=TODAY)
            total, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"{megabytes:g} MB single paragraph ({len(document.blocks)} block): "
                  f"read {read:.2f} s, read + review {total:.2f} s "
                  f"({total / megabytes:.2f} s/MB; CPU {cpu:.2f} s), {len(notes)} notes: "
                  f"{', '.join(sorted({n.check for n in notes}))}")


if __name__ == "__main__":
    main()
