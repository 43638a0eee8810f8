"""`drafter lint`'s one check of a condition or template against the names it may read, with
the line of the name at fault."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import Path

from jinja2 import nodes

from drafter.errors import UserError
from drafter.templating import TemplateSyntaxError, checked, compile_condition, environment, \
    referenced_names
from drafter.yamlio import DataFile, Spot


def condition_problems(source: str, known: Collection[str], *, path: Path,
                       line: int | None | Callable[[], int | None], field: str,
                       what: str = "`when`", expression: bool = True,
                       sections: Collection[str] = (), nor: str = "") -> list[UserError]:
    """`drafter lint`'s one check of a condition (a clause's, a requirement's, a vendor
    wording's, an evidence or answer check's) or, with `expression=False`, of a template:
    it compiles, and every name it reads is `known` (the questions, `law.*`, `data.*`, and
    whatever else its file may read, which `nor` names). One-line errors naming file, line
    and field; `what` says which of the entry's settings it is. `line` may be a function,
    called only for a problem: finding a line parses its file a second time, slowly."""
    problems: list[tuple[str, str, int, str | None]] = []  # what, why, line in `source`, name
    try:
        compile_condition(source) if expression else checked(source)
    except TemplateSyntaxError as exc:
        problems.append(("does not compile: ", exc.message, exc.lineno or 1, None))
    else:
        for name in sorted(referenced_names(source, expression=expression) - set(known)):
            hint = ("a section, not a question" if name in sections
                    else "neither a question nor set at the top of the template"
                    if not expression and "." not in name
                    else f"neither a question, {nor}" if nor else "not a question")
            problems.append((f"uses {name!r}, ", f"which is {hint}",
                             1 if expression else first_use(source, name), name))
    if not problems:
        return []
    at = line() if callable(line) else line

    def where(within: int, name: str | None) -> int | None:
        # a template's problem is on its own line; a condition's on the line of its value
        # that is wrong (`line` a `Spot`: it may be written over several), else its field's
        if not expression:
            return at + within - 1 if at is not None else None
        found = written_line(line, name) if isinstance(line, Spot) else None
        return found if found is not None else at

    return [UserError(f"{what} {said}{why}", path=path, field=field, line=where(within, name))
            for said, why, within, name in problems]


def condition_line(file: DataFile, loc: tuple[str | int, ...], name: str | None = None
                   ) -> int | None:
    """The line of a problem in the condition at `loc` in `file` (`spot_line`): for the
    loaders, which find it only for an error."""
    return spot_line(file.spot(loc), name)


def spot_line(spot: Spot, name: str | None = None) -> int | None:
    """The line of a problem in the condition written at `spot` (`written_line`), else of
    the condition's field."""
    return written_line(spot, name) or spot()


def written_line(spot: Spot, name: str | None = None) -> int | None:
    """The line of a condition's problem as the condition is written in its file (over
    several lines, perhaps): where it first reads `name`, or, with no name, where it fails
    to compile, compiled again with its line breaks. None if that cannot be told."""
    found = spot.written()
    if found is None:
        return None
    first, text = found[0], found[1].rstrip()  # a block scalar's ends with its line break
    if name is not None:
        match = re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", text)
        return first + text[:match.start()].count("\n") if match else None
    skipped = 0
    if text[:1] in ("|", ">"):  # a block scalar: its text starts on the next line
        skipped, text = 1, text.partition("\n")[2]
    elif text[:1] in ("'", '"') and text[-1:] == text[:1]:
        text = text[1:-1].replace("''", "'") if text[0] == "'" else text[1:-1]
    try:
        compile_condition(text)
    except TemplateSyntaxError as exc:
        return first + skipped + (exc.lineno or 1) - 1
    return None


def first_use(source: str, name: str) -> int:
    """The line (1-based, in `source`) where a template first uses `name` (a dotted key or a
    bare name), for lint to point at."""
    tree = environment().parse(source)
    first, _, attr = name.partition(".")
    lines = [node.lineno for node in tree.find_all(nodes.Getattr)
             if attr and isinstance(node.node, nodes.Name) and node.node.name == first
             and node.attr == attr]
    lines += [node.lineno for node in tree.find_all(nodes.Name)
              if not attr and node.name == first]
    return min(lines, default=1)


__all__ = ["condition_line", "condition_problems", "first_use", "spot_line", "written_line"]
