"""Name → callable tables that fill themselves by decoration (checks, report formats)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def registrar(table: dict[str, T]) -> Callable[[str], Callable[[T], T]]:
    """A decorator factory: `@named("x")` stores the decorated callable as `table["x"]`."""

    def named(name: str) -> Callable[[T], T]:
        def register(item: T) -> T:
            table[name] = item
            return item

        return register

    return named
