"""Issue 12's attacks, re-run as one set: prints the counts its "Done when" asks for.

    .venv/bin/python -m tests.benchmarks.attacks

Measured here:
- every hostile input through `drafter build` (its `main`, in this process) and through the
  app's opening of a file (`Session.open`), each stopped after 5 s: hangs over 5 s, exits
  with status 3 (the app: any crash), control sequences reaching the terminal;
- lost updates: two app sessions in two processes and `drafter publish`'s re-dating, all
  writing one answers file at once. Each writer owns its keys; before each write it takes in
  the file (`Session.reload`) and counts any of its own answers that someone else reverted,
  and at the end every writer's last value must be on disk.
Counted from the suite's own tests of the other findings (run through pytest here, not
copied): cross-origin sessions (`tests/app/test_serve.py`, a raw WebSocket and a hostile page
in Chromium), edits dropped silently (the merge, absorb and output-folder tests), opening
changes the file, and the two-window tests.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.test_hostile_input import ALIAS_BOMB, MINI_ARGS, VALID, with_answer

LIMIT = 5.0  # seconds: longer is a hang
ROUNDS = 25  # writes per key per writer in the lost-update attack
REPO = Path(__file__).resolve().parents[2]

HOSTILE: dict[str, str | bytes] = {
    "alias bomb (337 bytes)": ALIAS_BOMB,
    "a single alias": VALID.replace("  size: small", "  size: &s small\n  about: *s"),
    "50 MB file": VALID + ("# " + "x" * 98 + "\n") * 500_000,
    "4,301-digit integer": with_answer("  staff: " + "1" * 4301),
    "20-digit integer": with_answer("  staff: 99999999999999999999"),
    "400-deep nesting": VALID.replace("Mini Shop LLC", "[" * 400 + "]" * 400),
    "NUL in an answer": VALID.replace("Mini Shop LLC", '"Mini\\0Shop"'),
    "OSC escape in an answer": VALID.replace("Mini Shop LLC", '"Mini\\e]0;pwned\\aShop"'),
    "newline in a one-line answer": VALID.replace("Mini Shop LLC", '"Mini\\nShop"'),
    "control character in long text": with_answer('  about: "We\\bsell"'),
    "control character in a record": with_answer('  vendors:\n    - name: "A\\x1bB"',
                                                 after="  email: hello@mini.example"),
    "a choice listed twice": VALID.replace("[shop]", "[shop, shop]"),
    "a boolean as a number": with_answer("  staff: true"),
    "a YAML tag": VALID.replace("Mini Shop LLC", "!foo bar"),
    "a list as a name": VALID.replace("Mini Shop LLC", "[a, b]"),
    "binary bytes": b"\x00\x01\xff" * 100,
    "not UTF-8": VALID.encode() + b"\xff\xfe",
    "empty file": "",
    "a list at the top": "- a\n- b\n",
}
SPECIAL = ("FIFO", "folder", "dangling symlink")

@dataclass
class Counts:
    runs: int = 0
    hangs: list[str] = field(default_factory=list)
    status3: list[str] = field(default_factory=list)
    escapes: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def attempt(label: str, counts: Counts, action: Callable[[], int]) -> None:
    """Run one attack in this process (so that the time is the attack's, not a Python start
    on a busy machine), stopped after `LIMIT` seconds; `action` returns the exit status."""
    counts.runs += 1
    err = io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, LIMIT)
    started = time.monotonic()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(err):
            status = action()
    except Hang:
        counts.hangs.append(label)
        return
    except Exception as exc:  # noqa: BLE001 - a crash is what is being counted
        status = 3
        err.write(repr(exc))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    counts.slowest = max(counts.slowest, (time.monotonic() - started, label))
    if status not in (0, 1, 2):
        counts.status3.append(f"{label} (exit {status}: {err.getvalue()[:120]!r})")
    if any(c in err.getvalue() for c in ("\x1b", "\x07", "\x9b")):
        counts.escapes.append(label)


def hostile_inputs(tmp: Path) -> Counts:
    from drafter.cli import main as drafter
    from drafter.editing import Session
    from drafter.errors import UserError
    from drafter.project import Project

    project = Project.load(Path(MINI_ARGS[1]), Path(MINI_ARGS[3]))

    def open_in_app(path: Path) -> int:
        try:
            Session.open(project, path)
        except UserError as exc:
            print(f"drafter: error: {exc}", file=sys.stderr)
            return 2
        return 0

    counts = Counts()
    for n, (name, content) in enumerate([*HOSTILE.items(), *((s, "") for s in SPECIAL)]):
        folder = tmp / f"input-{n}"
        folder.mkdir()
        path = folder / "answers.yaml"
        if name == "FIFO":
            os.mkfifo(path)
        elif name == "folder":
            path.mkdir()
        elif name == "dangling symlink":
            path.symlink_to(folder / "nowhere.yaml")
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        attempt(f"build: {name}", counts, lambda: drafter(
            [*MINI_ARGS, "build", str(path), "-o", str(folder / "out")]))
        attempt(f"app opens: {name}", counts, lambda: open_in_app(path))
    return counts


WRITER = textwrap.dedent("""
    import sys
    from datetime import date
    from pathlib import Path
    from drafter.answers_file import AnswersFile
    from drafter.project import Project
    path, who, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    keys = sys.argv[4:]
    project = Project.load()
    lost = 0
    last = {}
    if who == "publish":
        from drafter.publish import _redate
        for n in range(rounds):
            on = date(2027, 1, 1 + n % 28)
            seen = AnswersFile.open(path).get(keys[0])
            if last and seen != last[keys[0]]:
                lost += 1
            _redate(project, path, on)
            last[keys[0]] = on
    else:
        from drafter.editing import Session
        session = Session.open(project, path)
        for n in range(rounds):
            session.reload()
            for key in keys:
                if key in last and session.value(key) != last[key]:
                    lost += 1  # someone else put back an older answer of ours
                value = f"{who} {key} {n}"
                session.set(key, value)
                last[key] = value
    print(lost)
    for key, value in last.items():
        print(f"{key}={value}")
""")


def lost_updates(tmp: Path) -> tuple[int, int]:
    """Two sessions and `publish` writing one file at once: (lost updates, writes)."""
    from drafter.answers_file import AnswersFile
    from drafter.paths import examples

    path = tmp / "answers.yaml"
    path.write_bytes(examples()["kiosk"].read_bytes())
    writers = {
        "first": ["business.name", "business.offering", "contact.officer"],
        "second": ["business.brand", "contact.phone", "business.address"],
        "publish": ["policy.effective_date"],
    }
    processes = {who: subprocess.Popen([sys.executable, "-c", WRITER, str(path), who,
                                        str(ROUNDS), *keys], stdout=subprocess.PIPE, text=True,
                                       cwd=REPO) for who, keys in writers.items()}
    lost = writes = 0
    final = AnswersFile.open
    finished: dict[str, str] = {}
    by_writer: dict[str, int] = {}
    for who, process in processes.items():
        out, _ = process.communicate(timeout=300)
        lines = out.split("\n")
        lost += int(lines[0])
        by_writer[who] = int(lines[0])
        writes += ROUNDS * len(writers[who])
        finished.update(line.split("=", 1) for line in lines[1:] if "=" in line)
    on_disk = final(path)
    for key, value in finished.items():
        if str(on_disk.get(key)) != value:
            lost += 1  # a writer's last answer is not in the file
            by_writer[key] = 1
    if os.environ.get("ATTACKS_DEBUG"):
        print(by_writer)
    return lost, writes


def suite_findings() -> dict[str, tuple[int, int]]:
    """The suite's tests of the other findings, run here: (failed, run) per finding."""
    groups = {
        "cross-origin sessions": ["tests/app/test_serve.py"],
        "edits dropped silently": ["tests/test_regenerate.py", "tests/test_absorb.py",
                                   "tests/test_output_folders.py"],
        "opening changes the file": ["tests/app/test_open_unchanged.py",
                                     "tests/test_files_on_disk.py"],
        "two windows out of step": ["tests/app/test_in_step.py", "tests/app/test_one_truth.py"],
    }
    outcome: dict[str, list[tuple[str, str]]] = {}

    class Collect:
        def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
            if report.when == "call" or report.outcome == "failed":
                outcome.setdefault(report.nodeid, []).append((report.when, report.outcome))

    files = [f for group in groups.values() for f in group]
    pytest.main(["-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=", *files],
                plugins=[Collect()])
    found: dict[str, tuple[int, int]] = {}
    for name, group in groups.items():
        ids = [i for i in outcome if any(i.startswith(f) for f in group)]
        failed = sum(any(o == "failed" for _, o in outcome[i]) for i in ids)
        found[name] = (failed, len(ids))
    return found


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        started = time.monotonic()
        counts = hostile_inputs(tmp)
        hostile_time = time.monotonic() - started
        lost, writes = lost_updates(tmp)
    suite = suite_findings()
    print()
    print("Issue 12 attacks, re-run")
    print(f"  hostile inputs: {len(HOSTILE) + len(SPECIAL)}, runs (build + app open): "
          f"{counts.runs}, {hostile_time:.1f} s; slowest {counts.slowest[0]:.2f} s "
          f"({counts.slowest[1]})")
    print(f"  lost updates:               {lost}  (of {writes} writes by two sessions and "
          "publish at once)")
    dropped, dropped_tests = suite["edits dropped silently"]
    print(f"  edits dropped silently:     {dropped}  (failing of {dropped_tests} merge, absorb "
          "and output-folder tests)")
    print(f"  hangs over {LIMIT:.0f} s:            {len(counts.hangs)}  {counts.hangs or ''}")
    print(f"  exits with status 3:        {len(counts.status3)}  {counts.status3 or ''}")
    print(f"  escapes reaching terminal:  {len(counts.escapes)}  {counts.escapes or ''}")
    origin, origin_tests = suite["cross-origin sessions"]
    print(f"  cross-origin sessions:      {origin}  (failing of {origin_tests} serve tests)")
    for name in ("opening changes the file", "two windows out of step"):
        failed, ran = suite[name]
        print(f"  {name + ':':27} {failed}  (failing of {ran} tests)")


if __name__ == "__main__":
    main()
