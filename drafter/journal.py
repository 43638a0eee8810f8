"""A session's journal: each answer change, one line appended the moment it is made.

Writing the whole answers file (a YAML dump and an atomic, synced write) on every keystroke
cost the app about 25 ms a key, most of its key-to-echo time. Instead each change is appended
to a small side file, `.NAME.journal.TOKEN` (one JSON line: key and value; one `write`, no
sync), and the answers file is written when the owner pauses, when they export and when the
app closes; then the journal is emptied. A process killed before that (kill -9, a closed
terminal) leaves its journal behind, for the next session to bring back (`drafter.recovery`).
An OS crash can lose what the page cache had not yet written (a second of typing at most); a
process ending cannot.

The journal's first line names the answers file its changes were made to: a fingerprint of
the file's text as the session last read or wrote it (`fingerprint`), rewritten whenever the
session saves or takes in a change made elsewhere. So a journal is replayed only onto that
same file, never over answers written after it.

One journal per session, named after its lease (`drafter.lease`): a journal whose session
still runs (another window) is left alone.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from drafter.lease import forget, running


class Unjournaled(ValueError):
    """A value a JSON line cannot hold as it is (a date): the caller saves the file instead."""


def journal_glob(answers_path: Path) -> str:
    return f".{answers_path.name}.journal.*"


def fingerprint(text: str | None) -> str:
    """What a journal records of the answers file it was written against ("" for no file)."""
    return "" if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


class Journal:
    """The append-only record of one session's unsaved changes to an answers file, made to
    the file whose `fingerprint` is `base`."""

    def __init__(self, answers_path: Path, token: str, base: str) -> None:
        self.path = answers_path.with_name(f".{answers_path.name}.journal.{token}")
        self.base = base
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
            if os.fstat(self._fd).st_size == 0:  # a new journal: it starts with its base
                text = json.dumps({"base": self.base}) + "\n" + text
        os.write(self._fd, text.encode("utf-8"))

    def restart(self, changes: dict[str, Any], base: str) -> None:
        """The answers file (now `base`) holds everything but `changes`: the journal holds only
        them (written first to a new file, so a crash in between leaves one journal or the
        other)."""
        self.close()
        self.base = base
        if not changes:
            self.path.unlink(missing_ok=True)
            return
        fresh = Journal.__new__(Journal)
        fresh.path, fresh.base, fresh._fd = self.path.with_name(self.path.name + ".new"), base, None
        fresh.path.unlink(missing_ok=True)
        try:
            fresh.append(changes)
        finally:
            fresh.close()
        os.replace(fresh.path, self.path)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def leftovers(answers_path: Path) -> list[Path]:
    """Journals left by sessions that have ended (oldest first); the leases they left are
    removed."""
    found = []
    for path in answers_path.parent.glob(journal_glob(answers_path)):
        token = path.name.rsplit(".", 1)[1]
        if path.name.endswith(".new") or running(answers_path, token):
            continue
        forget(answers_path, token)
        found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime_ns)


def read(path: Path) -> dict[str, Any]:
    """A journal's changes, the last of each key winning. A line cut short (the process
    killed mid-write) or not ours is skipped."""
    return _entries(path)[1]


def base(path: Path) -> str | None:
    """The fingerprint of the answers file a journal's changes were made to (None: not
    recorded, a journal from before fingerprints)."""
    return _entries(path)[0]


def _entries(path: Path) -> tuple[str | None, dict[str, Any]]:
    changes: dict[str, Any] = {}
    found: str | None = None
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return found, changes
    for number, line in enumerate(lines):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if not isinstance(entry, dict):
            continue
        if number == 0 and isinstance(entry.get("base"), str):
            found = entry["base"]
        elif isinstance(entry.get("key"), str) and "value" in entry:
            changes[entry["key"]] = entry["value"]
    return found, changes
