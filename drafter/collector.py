"""The garbage collector's frozen objects, as Drafter freezes them (issue 13).

`gc.freeze()` leaves every object alive now out of the collector's later passes: a command
that runs once keeps what it builds, and the app keeps its pages. Whether something is frozen
already decides whether a command run in-process (the tests) may let go again, but
`gc.get_freeze_count()` counts the frozen objects one by one: 0.17 s a call with the 1.2
million a test worker had frozen, twice a command, and it was most of the CPU of some test
files. So the freezes made through here are remembered here instead; Drafter (and its
tests) freeze only through here, since a bare `gc.freeze()` is not seen.
"""

from __future__ import annotations

import gc

_frozen = False


def freeze() -> None:
    """`gc.freeze()`, remembered."""
    global _frozen
    gc.freeze()
    _frozen = True


def frozen() -> bool:
    """Whether a freeze made through here is in force (not let go by `unfreeze`)."""
    return _frozen


def unfreeze() -> None:
    """`gc.unfreeze()`: every frozen object is collected again."""
    global _frozen
    gc.unfreeze()
    _frozen = False


__all__ = ["freeze", "frozen", "unfreeze"]
