"""Benchmark (run on demand, not a test): app cold start and keystroke-to-preview latency.

    .venv/bin/python tests/benchmarks/bench_app.py [--runs 5]

Cold start: a fresh `python -m drafter edit` process until the first question has focus
(measured inside that process with `App.run_test`, from its first line: imports, loading
the questionnaire and clause library, and mounting the screen). Keystroke to
preview: on the largest example, at 160×48 (preview beside the form), from a key press to
the preview showing the new text. Targets: < 1 s and < 100 ms (medians).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.app.pilot_helpers
from tests.app.pilot_helpers import settle  # noqa: E402

COLD = """
import asyncio, time, sys
from pathlib import Path
start = time.perf_counter()
from drafter.build import Project
from drafter.app.app import DrafterApp
from textual.widgets import Input
async def main():
    app = DrafterApp(Project.load(), Path(sys.argv[1]))
    async with app.run_test(size=(80, 24)) as pilot:
        while not isinstance(app.focused, Input):
            await asyncio.sleep(0.005)
        print(time.perf_counter() - start)
asyncio.run(main())
"""


def cold_start(path: Path) -> float:
    out = subprocess.run([sys.executable, "-c", COLD, str(path)],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


async def keystrokes(path: Path, runs: int) -> list[float]:
    from drafter.app.app import DrafterApp
    from drafter.app.screens.editor import EditorScreen
    from drafter.app.widgets.preview import PolicyPreview
    from drafter.build import Project

    app = DrafterApp(Project.load(), path)
    timings: list[float] = []
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        await settle(pilot)
        preview = screen.query_one(PolicyPreview)
        for char in "abcdefghijklmnopqrstuvwxyz"[:runs]:
            before = preview.text()
            start = time.perf_counter()
            # Not awaited first: `press` itself waits for the screen to settle, which would
            # count Pilot's own waiting as preview latency.
            press = asyncio.create_task(pilot.press(char))
            while preview.text() == before:
                await asyncio.sleep(0.001)
            timings.append(time.perf_counter() - start)
            await press
            await pilot.pause(0.2)
    return timings


def largest_example() -> Path:
    from drafter.paths import examples

    return max(examples().values(), key=lambda p: p.stat().st_size)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp())
    source = largest_example()
    path = folder / "answers.yaml"
    shutil.copyfile(source, path)
    cold = [cold_start(path) for _ in range(runs)]
    print(f"cold start to first question: median {statistics.median(cold) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{c * 1000:.0f}' for c in cold)}) — target < 1000 ms")
    keys = asyncio.run(keystrokes(path, runs * 2))
    print(f"keystroke to preview current ({source.name}): median "
          f"{statistics.median(keys) * 1000:.0f} ms (runs: "
          f"{', '.join(f'{k * 1000:.0f}' for k in keys)}) — target < 100 ms")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
