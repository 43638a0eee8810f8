"""One line of figures for a benchmark's timings (bench_switch.py, bench_serve_echo.py), so
that every app benchmark says the same things the same way: median, 90th percentile, maximum,
how many, the target, and the app thread's processor time."""

from __future__ import annotations

import statistics


def spread(seconds: list[float]) -> str:
    """Median, 90th percentile (from 10 timings on) and maximum, in milliseconds."""
    parts = [f"median {statistics.median(seconds) * 1000:.0f} ms"]
    if len(seconds) >= 10:
        parts.append(f"90th percentile {statistics.quantiles(seconds, n=10)[-1] * 1000:.0f} ms")
    parts.append(f"max {max(seconds) * 1000:.0f} ms")
    return ", ".join(parts)


def figures(what: str, seconds: list[float], cpu: list[float] | str, *,
            target: float | None = None, counted: str = "") -> str:
    """`what`: the spread of `seconds` over how many there were (`counted`: of what, such as
    "keys"), the target in ms if any, then the app thread's processor time: the spread of
    `cpu` (one figure per timing) or what `cpu` says."""
    line = f"{what}: {spread(seconds)} over {len(seconds)}{' ' + counted if counted else ''}"
    if target is not None:
        line += f" — target <= {target:g} ms"
    return line + "; app thread CPU " + (cpu if isinstance(cpu, str) else spread(cpu))
