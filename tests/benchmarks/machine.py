"""How fast this machine is right now, printed beside every benchmark's figures: on a shared
or throttled machine the same code runs up to twice as slow from one minute to the next."""

from __future__ import annotations

import time

IDLE_MS = 200.0
"""What `calibrate` takes on an idle modern core."""


def calibrate() -> float:
    """Milliseconds for a fixed pure-Python loop, to read the figures against."""
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return (time.perf_counter() - start) * 1000


def machine_check() -> str:
    return (f"machine check: a 5M-step Python loop took {calibrate():.0f} ms "
            f"(an idle modern core: about {IDLE_MS:.0f} ms; more means the machine is busy)")
