"""Benchmark (run on demand, not a test): section switch, key-to-echo and the notes key, at
80×24 on the largest example, through the app's real key bindings in `run_test`.

    .venv/bin/python tests/benchmarks/bench_switch.py [--runs 20] [--profile | --calls] [--cold]

Section switch: Ctrl+Down pressed until the next section's first question has focus and the
screen has been drawn. Key to echo: a letter posted to the app (as the terminal driver posts
it) until the answer box holds it and the screen has been drawn, typed while the background
draft runs. Notes: F4 until the notes list is shown. Targets (issue 15): switch <= 100 ms,
echo <= 30 ms. Medians are printed; `--profile` prints the top of a cProfile of the switches;
`--calls` counts the Python function calls of each switch (a measure of the work that, unlike
the processor time, hardly moves with the machine's load; the calls are slower while counted).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.app
from tests.app.pilot_helpers import settle  # noqa: E402
from tests.app.typing_helpers import key_event  # noqa: E402
from tests.benchmarks.machine import machine_check  # noqa: E402
from tests.benchmarks.report import figures  # noqa: E402


async def drawn(app: Any) -> None:
    """Wait until the screen has been drawn after what was just done (the compositor runs
    on the app's next refresh)."""
    done = asyncio.Event()
    app.screen.call_after_refresh(done.set)
    await done.wait()


async def notes_shown(app: Any) -> None:
    """Wait until the notes tab is the side pane's active one and the pane is shown."""
    from textual.widgets import TabbedContent

    side = app.screen.query_one("#side", TabbedContent)
    while not (side.active == "notes-tab" and side.display):
        await asyncio.sleep(0.001)


async def built_ahead(pilot: Any, screen: Any, slices: list[float]) -> None:
    """Wait, as an owner reading the first section would, until every page has been built
    ahead (`BuildsAhead`), timing each slice's processor time (`slices`)."""
    build_one = screen._build_one

    async def timed(section: str) -> None:
        start = time.thread_time()
        await build_one(section)
        slices.append(time.thread_time() - start)

    screen._build_one = timed
    while screen._to_build() is not None:
        await asyncio.sleep(0.05)
    await settle(pilot)


async def switch(app: Any, screen: Any, sections: list[str]) -> tuple[float, float]:
    """Ctrl+Down until the next section's question has
    focus and the screen is drawn: seconds of the clock and of the app thread's processor."""
    from textual import events

    before = screen.section_id
    start, start_cpu = time.perf_counter(), time.thread_time()
    app.post_message(events.Key("ctrl+down", None))
    while screen.section_id == before or app.focused is None or not any(
            getattr(a, "id", None) == f"page-{screen.section_id}"
            for a in app.focused.ancestors):
        await asyncio.sleep(0.001)
    await drawn(app)
    return time.perf_counter() - start, time.thread_time() - start_cpu


async def measure(path: Path, runs: int, profile: cProfile.Profile | None,
                  cold: bool, calls: dict[str, list[int]] | None = None
                  ) -> dict[str, list[float]]:
    from textual import events
    from textual.widgets import Input

    from drafter.app.app import DrafterApp
    from drafter.app.screens.editor import EditorScreen
    from drafter.project import Project

    if cold:  # no page built ahead: each first visit builds its page
        try:
            from drafter.app.screens import ahead
            ahead.QUIET = 1e9
        except ImportError:  # before pages were built ahead
            pass
    gc.disable()  # as `drafter edit` does: the app freezes what it built at start-up, then
    app = DrafterApp(Project.load(), path, out_dir=path.parent / "out")  # collects again
    found: dict[str, list[float]] = {"first visits": [], "switch": [], "echo": [], "notes": [],
                                     "build-ahead slices": []}
    cpu: dict[str, list[float]] = {name: [] for name in found}
    # CPU seconds of the app's own thread (the drafting threads excluded): on a shared machine
    # the wall time also counts the other processes' turns.
    # The first pass through the sections shows each page for the first time (built ahead of
    # time unless `cold`); later passes show kept pages.
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        await settle(pilot)
        if not cold:
            await built_ahead(pilot, screen, cpu["build-ahead slices"])
            found["build-ahead slices"] = cpu["build-ahead slices"]
        sections = screen.visible_sections()
        for i in range(len(sections) - 1 + runs):
            name = "first visits" if i < len(sections) - 1 else "switch"
            counter = cProfile.Profile() if calls is not None else None
            if profile and name == "switch":
                profile.enable()
            if counter:
                counter.enable()
            took, took_cpu = await switch(app, screen, sections)
            if counter and calls is not None:
                counter.disable()
                calls.setdefault(name, []).append(pstats.Stats(counter).total_calls)
            if profile:
                profile.disable()
            found[name].append(took)
            cpu[name].append(took_cpu)
            if screen.section_id == sections[-1]:  # round again from the first section
                await screen.show_section(sections[0])
            await settle(pilot)
        await screen.show_section("business", "business.name")
        for char in "abcdefghijklmnopqrst"[:runs]:
            box = next(b for b in screen.query("#form Input").results(Input)
                       if b.display and not b.disabled)
            box.focus()
            await settle(pilot)
            screen.redraw_preview()  # a background draft is under way as the key arrives
            await asyncio.sleep(0)
            before = box.value
            start, start_cpu = time.perf_counter(), time.thread_time()
            app.post_message(key_event(char))
            while box.value == before:
                await asyncio.sleep(0.0005)
            await drawn(app)
            found["echo"].append(time.perf_counter() - start)
            cpu["echo"].append(time.thread_time() - start_cpu)
        for _ in range(min(runs, 5)):
            await settle(pilot)
            start, start_cpu = time.perf_counter(), time.thread_time()
            app.post_message(events.Key("f4", None))
            await notes_shown(app)
            await drawn(app)
            found["notes"].append(time.perf_counter() - start)
            cpu["notes"].append(time.thread_time() - start_cpu)
            await pilot.press("f4")
    return {**found, **{f"{name} cpu": times for name, times in cpu.items()}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--calls", action="store_true",
                        help="count each switch's Python function calls (not with --profile)")
    parser.add_argument("--cold", action="store_true",
                        help="build no page ahead of time (first visits build their pages)")
    args = parser.parse_args()
    from drafter.paths import examples

    source = max(examples().values(), key=lambda p: p.stat().st_size)
    folder = Path(tempfile.mkdtemp())
    path = folder / "answers.yaml"
    shutil.copyfile(source, path)
    profile = cProfile.Profile() if args.profile else None
    calls: dict[str, list[int]] | None = {} if args.calls and not profile else None
    found = asyncio.run(measure(path, args.runs, profile, args.cold, calls))
    print(machine_check())
    for name, target in (("first visits", 100), ("switch", 100), ("echo", 30),
                         ("notes", None), ("build-ahead slices", None)):
        times, cpu = found.get(name), found.get(f"{name} cpu")
        if times and cpu:
            print(figures(f"{name} ({source.name}, 80x24)", times, cpu, target=target))
    for name, counts in (calls or {}).items():
        print(f"{name}: Python function calls a switch: median {statistics.median(counts):.0f},"
              f" max {max(counts)} over {len(counts)}")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(35)
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
