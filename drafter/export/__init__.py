"""Exporters: a registry of renderers that share one signature.

The Markdown text is the source of truth; every other format is rendered from it (not from the
`Policy` object), so that what counsel edits in Markdown flows into every format. New formats
register themselves with `@exporter(...)`, as markdown-it-py's render rules do, rather than
growing an `if fmt == …` chain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from drafter.errors import UserError
from drafter.document.model import Draft


@dataclass(frozen=True)
class Source:
    """What an exporter gets: the draft (policy + notes) and the Markdown rendered from it."""

    draft: Draft
    markdown: str
    library_version: str = ""  # what built it, for formats that record it (DOCX properties)
    # The same Markdown without reviewer-note markers and notes list, for formats that show
    # notes their own way (DOCX: Word comments). None: the Markdown has no such decorations.
    undecorated: str | None = None


Render = Callable[[Source], str | bytes]


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    render: Render


FORMATS: dict[str, Format] = {}


def exporter(name: str, suffix: str) -> Callable[[Render], Render]:
    """Register `render` as the exporter for format `name`, written to files ending `suffix`."""

    def register(render: Render) -> Render:
        FORMATS[name] = Format(name, suffix, render)
        return render

    return register


def formats(names: str | None) -> list[Format]:
    """Parse a `--format md,html,txt` value, in the order given (None: every format)."""
    if names is None:
        return list(FORMATS.values())
    chosen: list[Format] = []
    for name in (n.strip() for n in names.split(",")):
        if name not in FORMATS:
            offered = ", ".join(FORMATS)
            raise UserError(f"unknown format {name!r}; choose from {offered}", field="--format")
        if FORMATS[name] not in chosen:
            chosen.append(FORMATS[name])
    return chosen


# Importing the modules registers their formats, in the default order.
from drafter.export import markdown as _markdown  # noqa: E402,F401
from drafter.export import html as _html  # noqa: E402,F401
from drafter.export import text as _text  # noqa: E402,F401


@exporter("docx", ".docx")
def _docx(source: Source) -> bytes:
    """Word, from `export/docx.py`, imported on first use: python-docx and lxml take longer
    to load than everything else the other formats need."""
    from drafter.export.docx import render_docx

    return render_docx(source)
