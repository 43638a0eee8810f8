"""Exporters: a registry of renderers that share one signature.

The Markdown text is the source of truth; every other format is rendered from its tree (parsed
once, `drafter.document.tree`), not from the `Policy` object, so that what counsel edits in
Markdown flows into every format. New formats register themselves with `@exporter(...)`, as
markdown-it-py's render rules do, rather than growing an `if fmt == …` chain; a new format is
written only when asked for (`default=False`) until it is made a default on purpose.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from markdown_it.token import Token

from drafter.errors import UserError
from drafter.document.model import Draft
from drafter.document.tree import Tree


@dataclass(frozen=True)
class Source:
    """What an exporter gets: the draft (policy + notes), the Markdown written from it (with
    the reviewer-note markers and list), and that Markdown without them, parsed once: the
    tree every format renders, with the notes as comments on its nodes."""

    draft: Draft
    markdown: str
    tree: Tree = field(compare=False, repr=False)
    library_version: str = ""  # what built it, for formats that record it (DOCX properties)
    published: bool = False  # this text is the published version (DOCX: no draft marking)
    lay_out: bool = False  # DOCX: find the contents' page numbers with LibreOffice
    pages: Mapping[str, int] | None = None  # DOCX contents: heading bookmark → page, if laid out

    @cached_property
    def tokens(self) -> list[Token]:
        """The tree's tokens with the notes as markers and a list, as the Markdown has them
        (HTML and text show them so; DOCX makes them Word comments instead)."""
        from drafter.export.markdown import decorated_tokens

        return decorated_tokens(self.draft, self.tree)


Render = Callable[[Source], str | bytes]


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    render: Render
    default: bool = False  # written when no format is named (`build`, the app's export)


FORMATS: dict[str, Format] = {}


def exporter(name: str, suffix: str, *, default: bool = False) -> Callable[[Render], Render]:
    """Register `render` as the exporter for format `name`, written to files ending `suffix`;
    only a `default` format is written when none is named."""

    def register(render: Render) -> Render:
        FORMATS[name] = Format(name, suffix, render, default)
        return render

    return register


def formats(names: str | None) -> list[Format]:
    """Parse a `--format md,html,txt` value, in the order given (None: the default formats)."""
    if names is None:
        return [fmt for fmt in FORMATS.values() if fmt.default]
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


@exporter("docx", ".docx", default=True)
def _docx(source: Source) -> bytes:
    """Word, from `export/docx.py`, imported on first use: python-docx and lxml take longer
    to load than everything else the other formats need."""
    from drafter.export.docx import render_docx

    return render_docx(source)
