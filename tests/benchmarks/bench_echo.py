"""Benchmark (run on demand, not a test): key to echo at 80×24, and what saving costs a key.

    .venv/bin/python tests/benchmarks/bench_echo.py [--keys 40] [--burst 60]

The app runs headless in-process (`run_test`, 80×24) on a copy of the largest example, with
the first question focused. Its screen writes are recorded (`App._display`, which the
terminal driver would send out), so "echo" is the first frame drawn after the answer box holds
the key, not merely the box's value changing in memory.

- typing: one key at a time, each after the app went idle, with a moment's pause so the
  background drafts for the notes also run: key posted → frame showing it.
- burst: `--burst` keys posted at once (key repeat, a paste typed out): first key posted →
  frame showing the last one.
- saving: how long the session's save of one answer takes on its own (what every key paid
  before the journal: a YAML dump and an fsync'd atomic write), against writing the journal.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.app helpers
from tests.app.pilot_helpers import settle  # noqa: E402
from tests.app.typing_helpers import key_event  # noqa: E402
from tests.benchmarks.machine import machine_check  # noqa: E402

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def largest_example() -> Path:
    from drafter.paths import examples

    return max(examples().values(), key=lambda p: p.stat().st_size)


class Frames:
    """Times of the frames the app draws (wraps `App._display`)."""

    def __init__(self, app: Any) -> None:
        self.times: list[float] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                self.times.append(time.perf_counter())
            original(screen, renderable)

        app._display = display

    async def after(self, moment: float, ready: Any) -> float:
        """Wait for a frame drawn after `moment` once `ready()` holds; its time."""
        while True:
            if ready():
                seen = len(self.times)
                while len(self.times) == seen:
                    await asyncio.sleep(0.0005)
                return self.times[-1]
            await asyncio.sleep(0.0005)


async def echo(path: Path, keys: int, burst: int) -> tuple[list[float], float]:
    from textual.widgets import Input

    from drafter.app.app import DrafterApp
    from drafter.project import Project

    app = DrafterApp(Project.load(), path)
    timings: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = app.focused
        assert isinstance(box, Input), box
        frames = Frames(app)
        await pilot.press("end", "ctrl+u")
        await settle(pilot)
        for i in range(keys):
            await pilot.pause(0.05)
            want = box.value + LETTERS[i % 26]
            start = time.perf_counter()
            app.post_message(key_event(LETTERS[i % 26]))
            shown = await frames.after(start, lambda: box.value == want)
            timings.append(shown - start)
        await pilot.press("ctrl+u")
        await settle(pilot)
        want = "".join(LETTERS[i % 26] for i in range(burst))
        start = time.perf_counter()
        for char in want:
            app.post_message(key_event(char))
        shown = await frames.after(start, lambda: box.value == want)
        await settle(pilot)
    return timings, shown - start


def save_costs(path: Path, rounds: int) -> tuple[float, float]:
    """Median seconds to save one changed answer the old way (`Session.flush`: merge, YAML
    dump, atomic write) and to journal it."""
    from drafter.editing import Session
    from drafter.project import Project

    session = Session.open(Project.load(), path)
    key = session.questionnaire.entry("business.name").key
    full, journal = [], []
    for i in range(rounds):
        session.set(key, f"Shop {i}", save=False)
        start = time.perf_counter()
        session.flush()
        full.append(time.perf_counter() - start)
        if hasattr(session, "journal_pending"):
            session.set(key, f"Shop {i}!", save=False)
            start = time.perf_counter()
            session.journal_pending()
            journal.append(time.perf_counter() - start)
    session.close()
    return statistics.median(full), statistics.median(journal or [0.0])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--burst", type=int, default=60)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    path = folder / "answers.yaml"
    source = largest_example()
    shutil.copyfile(source, path)
    print(machine_check())
    typing, burst = asyncio.run(echo(path, args.keys, args.burst))
    typing.sort()
    print(f"key to echo at 80×24 ({source.name}), {len(typing)} keys one at a time: median "
          f"{ms(statistics.median(typing))}, 90th {ms(typing[int(len(typing) * 0.9)])}, "
          f"max {ms(typing[-1])}")
    print(f"burst of {args.burst} keys to the frame showing the last: {ms(burst)} "
          f"({ms(burst / args.burst)} a key)")
    full, journal = save_costs(path, 30)
    print(f"saving one changed answer: YAML merge + atomic write {ms(full)}; journal line "
          f"{ms(journal)} (medians of 30)")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
