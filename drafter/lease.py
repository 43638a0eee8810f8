"""Whether an editing session still runs: a lock the kernel lets go of when its process ends.

Each session that marks an answers file as open (`drafter.presence`) or journals changes to
it (`drafter.journal`) first takes a lease: a small file beside the answers file,
`.NAME.live.TOKEN`, locked (`flock`) for as long as the session runs. The kernel drops the lock
the moment the process ends, however it ends (kill -9 included), before anyone has waited for
it: a process killed a moment ago (a zombie, which still answers `kill(pid, 0)`) or a process
id used again by another program is never taken for the session. The token (`PID-RANDOM`)
names the session's journal and presence entry too.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
from pathlib import Path

_TOKEN = re.compile(r"[0-9A-Za-z-]{1,64}")


def lease_path(answers_path: Path, token: str) -> Path:
    real = Path(os.path.realpath(answers_path))  # two names for one file share its leases
    return real.with_name(f".{real.name}.live.{token}")


class Lease:
    """This session's lease on an answers file, held until `release` or the process ends."""

    def __init__(self, answers_path: Path) -> None:
        self.token = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.path = lease_path(answers_path, self.token)
        fresh = self.path.with_name(self.path.name + ".new")  # locked before anyone sees it
        fd = os.open(fresh, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.replace(fresh, self.path)
        except OSError:
            os.close(fd)
            fresh.unlink(missing_ok=True)
            raise
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            self.path.unlink(missing_ok=True)
            os.close(self._fd)  # lets go of the lock
            self._fd = None


def running(answers_path: Path, token: str, pid: int | None = None) -> bool:
    """Whether the session `token` still runs: its lease is locked. A session without a lease
    file (one from before leases) is judged by its process id (`pid`, or the token's first
    part), a zombie counting as ended."""
    try:
        if not _TOKEN.fullmatch(token):
            raise FileNotFoundError(token)  # not one of ours (a presence file written by hand)
        fd = os.open(lease_path(answers_path, token), os.O_RDONLY)
    except FileNotFoundError:
        first = token.split("-", 1)[0]
        if pid is None and not first.isdigit():
            return False
        return _process_runs(pid if pid is not None else int(first))
    except OSError:
        return True  # cannot tell: never take a live session's work for a dead one's
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True  # locked: the session runs
    finally:
        os.close(fd)
    return False


def forget(answers_path: Path, token: str) -> None:
    """Remove the lease file an ended session left (call only once `running` said no)."""
    if _TOKEN.fullmatch(token):
        lease_path(answers_path, token).unlink(missing_ok=True)


def _process_runs(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a session of this process has a lease: this one is an earlier process's
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: it exists
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[:1] != ["Z"]  # a zombie has ended
