"""Who else has an answers file open: a small presence file beside it.

Each open session (a terminal app, or one `drafter serve` browser tab, which is its own
process) adds itself to `.NAME.open.json` when it opens the file and removes itself when it
closes, so a second session can tell its owner that another window has the file open. A session
that died without removing itself (killed, a closed tab) is recognised by its lease being free
(`drafter.lease`: the kernel lets go of it when the process ends, zombie or not), and dropped.
Reads and writes of the presence file take the answers file's folder lock (`answers_lock`),
the one every save takes, so two sessions opening at once both stay listed.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from drafter.answers_file import answers_lock
from drafter.lease import forget, running
from drafter.yamlio import atomic_write, file_stamp


@dataclass(frozen=True)
class Presence:
    """One session with the file open: its process, machine and opening time."""

    pid: int
    host: str
    since: str  # ISO time, local
    token: str  # tells sessions of one process apart (two apps in one test)

    def alive(self, answers_path: Path) -> bool:
        """Whether the session still runs: its lease on the file is held (one on another
        machine is assumed to run)."""
        return self.host != socket.gethostname() or running(answers_path, self.token, self.pid)

    def describe(self) -> str:
        """"pid 4121, since 14:05" (and the machine, when it is another one)."""
        try:
            when = datetime.fromisoformat(self.since).strftime("%H:%M")
        except ValueError:
            when = "?"
        where = "" if self.host == socket.gethostname() else f" on {self.host}"
        return f"pid {self.pid}{where}, since {when}"


def presence_path(answers_path: Path) -> Path:
    """The presence file of an answers file (of its target, when it is a symlink)."""
    real = Path(os.path.realpath(answers_path))
    return real.with_name(f".{real.name}.open.json")


def _read(path: Path) -> list[Presence]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Presence(int(d["pid"]), str(d["host"]), str(d["since"]), str(d["token"]))
                for d in data]
    except (OSError, ValueError, KeyError, TypeError):
        return []  # absent or garbled: nobody is known to be here


def _write(path: Path, present: list[Presence]) -> None:
    if present:
        atomic_write(path, json.dumps([asdict(p) for p in present], indent=1) + "\n")
    else:
        path.unlink(missing_ok=True)


def others(answers_path: Path, me: Presence | None = None) -> list[Presence]:
    """The live sessions other than `me` that have the file open."""
    return [p for p in _read(presence_path(answers_path)) if p != me and p.alive(answers_path)]


def announce(answers_path: Path, now: datetime | None = None,
             token: str | None = None) -> tuple[Presence, list[Presence]]:
    """Add this session (its lease's `token`) to the file's presence list (dropping dead
    ones); returns it and the other live sessions."""
    path = presence_path(answers_path)
    me = Presence(os.getpid(), socket.gethostname(), (now or datetime.now()).isoformat(
        timespec="seconds"), token or secrets.token_hex(4))
    with answers_lock(answers_path):
        live = _living(answers_path, _read(path))
        _write(path, [*live, me])
    return me, live


def withdraw(answers_path: Path, me: Presence) -> None:
    """Remove this session (and any dead one) from the presence list; the file goes when
    nobody is left."""
    path = presence_path(answers_path)
    with answers_lock(answers_path):
        _write(path, _living(answers_path, [p for p in _read(path) if p != me]))


def _living(answers_path: Path, present: list[Presence]) -> list[Presence]:
    """The sessions in `present` that still run; the leases of the others are removed."""
    living = [p for p in present if p.alive(answers_path)]
    for ended in set(present) - set(living):
        forget(answers_path, ended.token)
    return living



class Watch:
    """One session's place on an answers file's presence list, and the other sessions it has
    told its owner of."""

    def __init__(self, answers_path: Path) -> None:
        self.answers_path = answers_path
        self.here: Presence | None = None
        self._known: set[str] = set()  # the others' tokens
        self._stamp: tuple[int, ...] | None = None  # the presence file's, when last read

    def announce(self, token: str) -> list[Presence]:
        """Put this session (its lease's `token`) on the list; returns the others there."""
        self.here, found = announce(self.answers_path, token=token)
        self._known = {p.token for p in found}
        self._stamp = file_stamp(presence_path(self.answers_path))
        return found

    def newcomers(self) -> list[Presence]:
        """Sessions that opened the file since this one last looked (one `stat` if none)."""
        stamp = file_stamp(presence_path(self.answers_path))
        if self.here is None or stamp == self._stamp:
            return []
        self._stamp = stamp
        found = others(self.answers_path, self.here)
        new = [p for p in found if p.token not in self._known]
        self._known = {p.token for p in found}
        return new

    def withdraw(self) -> None:
        if self.here is not None:
            try:
                withdraw(self.answers_path, self.here)
            except OSError:
                pass
            self.here = None
