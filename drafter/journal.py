"""A session's journal: each answer change, one line appended the moment it is made.

Writing the whole answers file (a YAML dump and an atomic, synced write) on every keystroke
cost the app about 25 ms a key, most of its key-to-echo time. Instead each change is appended
to a small side file, `.NAME.journal.PID-TOKEN` (one JSON line: key and value; one `write`,
no sync), and the answers file is written when the owner pauses, when they export and when
the app closes; then the journal is emptied. A process killed before that (kill -9, a closed
terminal) leaves its journal behind: the next session to open the file replays it over the
answers and says which answers it brought back. An OS crash can lose what the page cache had
not yet written (a second of typing at most); a process ending cannot.

One journal per session, named after its process: a journal whose process still runs belongs
to a live session (another window) and is left alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


class Unjournaled(ValueError):
    """A value a JSON line cannot hold as it is (a date): the caller saves the file instead."""


def journal_glob(answers_path: Path) -> str:
    return f".{answers_path.name}.journal.*"


class Journal:
    """The append-only record of one session's unsaved changes to an answers file."""

    def __init__(self, answers_path: Path, token: str) -> None:
        self.path = answers_path.with_name(f".{answers_path.name}.journal.{os.getpid()}-{token}")
        self._fd: int | None = None

    def append(self, changes: dict[str, Any]) -> None:
        """Record changes (key → value stored, None: removed) in one write."""
        try:
            text = "".join(json.dumps({"key": key, "value": value}, ensure_ascii=False,
                                      allow_nan=False) + "\n" for key, value in changes.items())
        except (TypeError, ValueError) as exc:
            raise Unjournaled(str(exc)) from exc
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.write(self._fd, text.encode("utf-8"))

    def restart(self, changes: dict[str, Any]) -> None:
        """The answers file now holds everything but `changes`: the journal holds only them
        (written first to a new file, so a crash in between leaves one journal or the other)."""
        self.close()
        if not changes:
            self.path.unlink(missing_ok=True)
            return
        fresh = self.path.with_name(self.path.name + ".new")
        fresh.unlink(missing_ok=True)
        writer = Journal.__new__(Journal)
        writer.path, writer._fd = fresh, None
        try:
            writer.append(changes)
        finally:
            writer.close()
        os.replace(fresh, self.path)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def leftovers(answers_path: Path) -> list[Path]:
    """Journals left by sessions whose process has ended (oldest first)."""
    found = []
    for path in answers_path.parent.glob(journal_glob(answers_path)):
        pid = path.name.rsplit(".", 1)[1].split("-", 1)[0]
        if path.name.endswith(".new") or not pid.isdigit() or _alive(int(pid)):
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime_ns)


def read(path: Path) -> dict[str, Any]:
    """A journal's changes, the last of each key winning. A line cut short (the process
    killed mid-write) or not ours is skipped."""
    changes: dict[str, Any] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return changes
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("key"), str) and "value" in entry:
            changes[entry["key"]] = entry["value"]
    return changes


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another session of this process (two apps in one test)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: it exists
        return True
    return True
