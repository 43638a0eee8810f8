"""A number of things in words, for messages: "1 suggested tick", "4 suggested ticks". The one
rule the app's messages count by, so none says "1 suggested ticks" or "note(s)" (trial 17)."""

from __future__ import annotations


def count_of(number: int, thing: str, things: str | None = None) -> str:
    """`number` and the noun for that many: `thing` for one, else `things` (by default
    `thing` with an "s")."""
    return f"{number} {thing if number == 1 else things or thing + 's'}"
