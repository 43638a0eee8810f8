"""Benchmark (run on demand, not a test): key to echo in the browser, through `drafter serve`,
on a copy of the largest example, in the system Chromium driven by Playwright.

    .venv/bin/python tests/benchmarks/bench_serve_echo.py [--keys 60] [--cells 80x24]
        [--viewport 1600x900]

The page is sized so that the terminal in it is `--cells` (80×24 by default), or to
`--viewport` pixels (1600×900: the preview beside the form, redrawn as the answer changes).
The business name is focused and letters are typed one at a time, each once the last has
been drawn and a typist's pause (`PAUSE`) has passed. For each key:

- echo: from the key's `keydown` in the page (a listener ahead of xterm.js's) to the end of
  the first xterm.js render (`Terminal.onRender`) after which the terminal's buffer shows
  the field holding the letter: the app thread's handling, the WebSocket both ways, the
  terminal's parse and paint.
- app-thread CPU per key: the app process's main thread (the `drafter edit` that
  textual-serve started for the page; the drafting threads excluded), read from /proc over
  all the keys, divided by their number (the kernel counts in 10 ms ticks: only the total is
  exact enough).

The pages are built ahead while the app is idle (`BuildsAhead`): the typing starts once the
app thread has been quiet for a second (start-up, the first drafts and the pages built ahead
done). Targets (issue 15): echo <= 30 ms. Medians printed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.app
from tests.app.test_serve import BROWSER_ARGS, CHROMIUM, free_port, open_page, start, \
    wait_for  # noqa: E402
from tests.benchmarks.machine import machine_check  # noqa: E402
from tests.benchmarks.report import figures  # noqa: E402

PAUSE = 0.15
"""Seconds between one key's echo and the next key (a brisk typist: 6-7 keys a second)."""
TICK = os.sysconf("SC_CLK_TCK")

# Before textual.js runs: keep its terminal object (the constructor assigns `webglAddon` to
# it; the setter on Object.prototype sees that once and steps aside), and time every keydown
# (a capturing listener on the window runs before xterm.js's on its textarea).
HOOKS = """
Object.defineProperty(Object.prototype, "webglAddon", {
  configurable: true,
  set(value) {
    window.__textual = this;
    delete Object.prototype.webglAddon;
    Object.defineProperty(this, "webglAddon", {value, writable: true, enumerable: true,
                                               configurable: true});
  },
});
window.__keys = [];
window.addEventListener("keydown", e => window.__keys.push([e.key, performance.now()]), true);
"""

# Start watching row `row` of the terminal: resolves with the time the first render ended after
# which the row differs from `before` and shows `mark` (the field's last letters, the key's
# last): the letter's echo.
WATCH = """
([mark, row, before]) => {
  const term = window.__textual.terminal;
  const line = () => term.buffer.active.getLine(row)?.translateToString() || "";
  window.__echo = new Promise(resolve => {
    const watch = term.onRender(() => {
      const now = line();
      if (now !== before && now.includes(mark)) { watch.dispose(); resolve(performance.now()); }
    });
  });
}
"""

def app_pid(server: subprocess.Popen[bytes]) -> int | None:
    """The `drafter edit` process textual-serve started for the page (under a shell)."""
    parents: dict[int, int] = {}
    commands: dict[int, list[bytes]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            commands[int(entry.name)] = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    for pid, command in commands.items():
        if b"edit" not in command:
            continue
        ancestor = parents.get(pid)
        while ancestor:
            if ancestor == server.pid:
                return pid
            ancestor = parents.get(ancestor)
    return None


def thread_cpu(pid: int) -> float:
    """Seconds of processor time the process's main thread has used."""
    fields = Path(f"/proc/{pid}/task/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def quiet(pid: int, seconds: float = 1.0, most: float = 0.02, limit: float = 300.0) -> None:
    """Wait until the app thread has used at most `most` s of processor time in `seconds`."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = thread_cpu(pid)
        time.sleep(seconds)
        if thread_cpu(pid) - before <= most:
            return


def size_to_cells(page: Any, cols: int, rows: int) -> tuple[int, int]:
    """Resize the page so that its terminal is `cols`×`rows`; the terminal's size then."""
    for _ in range(4):
        got = page.evaluate("() => [window.__textual.terminal.cols, window.__textual.terminal.rows]")
        if got == [cols, rows]:
            break
        box = page.evaluate("() => { const r = document.querySelector('.xterm-screen')"
                            ".getBoundingClientRect(); return [r.width, r.height]; }")
        cell_w, cell_h = box[0] / got[0], box[1] / got[1]
        page.set_viewport_size({"width": int(cols * cell_w + cell_w / 2),
                                "height": int(rows * cell_h + cell_h / 2)})
        time.sleep(1.0)
    return tuple(page.evaluate(  # type: ignore[return-value]
        "() => [window.__textual.terminal.cols, window.__textual.terminal.rows]"))


def rows(page: Any) -> list[str]:
    """The terminal's screen, row by row."""
    return list(page.evaluate("""() => {
        const term = window.__textual.terminal;
        return [...Array(term.rows).keys()].map(
            y => term.buffer.active.getLine(y)?.translateToString() || "");
    }"""))


def measure(answers: Path, keys: int, cells: tuple[int, int] | None,
            viewport: tuple[int, int]) -> tuple[list[float], float, tuple[int, int], float]:
    from playwright.sync_api import sync_playwright

    from drafter.answers_file import AnswersFile
    from drafter.presence import presence_path

    port = free_port()
    server, out, err = start(answers.parent, "--port", str(port))
    try:
        assert wait_for(lambda: re.search(r"http://\S+token=\S+", out.read_text()), 120), \
            err.read_text()
        url = re.search(r"(http://\S+token=\S+)", out.read_text())[1]  # type: ignore[index]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            page.add_init_script(HOOKS)
            open_page(page, url)
            assert wait_for(presence_path(answers).exists, timeout=120)
            size = size_to_cells(page, *cells) if cells else tuple(page.evaluate(
                "() => [window.__textual.terminal.cols, window.__textual.terminal.rows]"))
            pid = app_pid(server)
            assert pid is not None, "no app process found"
            quiet(pid)  # start-up, the first drafts and the pages built ahead are done
            idle = thread_cpu(pid)
            time.sleep(3.0)
            idle = (thread_cpu(pid) - idle) / 3.0  # what the app thread uses doing nothing
            text = str(AnswersFile.open(answers).get("business.name"))  # focused at start
            echoes: list[float] = []
            cpu_before = thread_cpu(pid)
            letters = "abcdefghijklmnopqrstuvwxyz"
            for index in range(keys):
                letter = letters[index % len(letters)]
                screen = rows(page)
                row = next(y for y, line in enumerate(screen) if text[-6:] in line)
                page.evaluate(WATCH, [text[-6:] + letter, row, screen[row]])
                page.evaluate("() => { window.__keys = []; }")
                page.keyboard.press(letter)
                shown = page.evaluate("() => window.__echo")
                sent = page.evaluate("() => window.__keys")
                assert sent and sent[0][0] == letter, sent
                echoes.append((shown - sent[0][1]) / 1000)
                text += letter
                time.sleep(PAUSE)
            per_key = (thread_cpu(pid) - cpu_before) / keys
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=60)
    return echoes, per_key, size, idle  # type: ignore[return-value]


def pair(text: str) -> tuple[int, int]:
    width, height = text.lower().split("x")
    return int(width), int(height)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--cells", type=pair, default=(80, 24),
                        help="the terminal's size in the page, COLSxROWS (default 80x24)")
    parser.add_argument("--viewport", type=pair, default=None,
                        help="the page's size in pixels instead, WIDTHxHEIGHT")
    args = parser.parse_args()
    from drafter.paths import examples

    source = max(examples().values(), key=lambda p: p.stat().st_size)
    folder = Path(tempfile.mkdtemp())
    answers = folder / "answers.yaml"
    shutil.copyfile(source, answers)
    cells = None if args.viewport else args.cells
    echoes, per_key, size, idle = measure(answers, args.keys, cells, args.viewport or (1000, 600))
    print(machine_check())
    print(figures(f"browser echo ({source.name}, {size[0]}x{size[1]} cells, drafter serve +"
                  " Chromium)", echoes, f"{per_key * 1000:.1f} ms a key (idle before typing:"
                  f" {idle * 1000:.0f} ms a second)", target=30, counted="keys"))
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
