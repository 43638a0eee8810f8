"""Plain text rendered from the Markdown tokens: for forms, emails and app stores.

A small walk over markdown-it-py's tokens (the parser is theirs); backslash escapes are already
resolved in the tokens, so owner text comes out exactly as typed.
"""

from __future__ import annotations

import textwrap

from markdown_it.token import Token

from drafter.export import Source, exporter
from drafter.export.html import parser

WIDTH = 78


def _inline(token: Token) -> str:
    """Flatten an inline token: links as `label (address)` unless they say the same."""
    out: list[str] = []
    href: str | None = None
    label_start = 0
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n" if child.type == "hardbreak" else " ")
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            label_start = len(out)
        elif child.type == "link_close" and href is not None:
            label = "".join(out[label_start:])
            target = href.removeprefix("mailto:")
            if target and target != label and not target.startswith("#"):
                out.append(f" ({target})")
            href = None
    return "".join(out)


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    lines: list[str] = []
    for i, para in enumerate(text.split("\n")):
        lines += textwrap.wrap(para, WIDTH, initial_indent=first if i == 0 else rest,
                               subsequent_indent=rest, break_on_hyphens=False) or [first]
    return lines


def markdown_to_text(markdown: str) -> str:
    tokens = parser().parse(markdown)
    lines: list[str] = []
    lists: list[list[int]] = []  # stack of [next number] (0 for bullets)
    row: list[str] = []
    rows: list[list[str]] = []
    for i, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            text = _inline(tokens[i + 1])
            underline = {"h1": "=", "h2": "-"}.get(token.tag)
            lines += ["", text] + ([underline * len(text)] if underline else []) + [""]
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([int(token.attrs.get("start", 1)) if kind == "ordered_list_open" else 0])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                lines.append("")
        elif kind == "inline" and tokens[i - 1].type == "paragraph_open":
            text = _inline(token)
            if lists:
                depth = "  " * (len(lists) - 1)
                counter = lists[-1]
                marker = f"{counter[0]}. " if counter[0] else "- "
                if counter[0]:
                    counter[0] += 1
                first_in_item = tokens[i - 2].type == "list_item_open"
                prefix = depth + (marker if first_in_item else " " * len(marker))
                lines += _wrap(text, prefix, depth + " " * len(marker))
            else:
                lines += _wrap(text) + [""]
        elif kind == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            row.append(_inline(token))
        elif kind == "tr_close":
            rows.append(row)
            row = []
        elif kind == "table_close":
            lines += _table(rows) + [""]
            rows = []
    text = "\n".join(lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text + "\n"


def _table(rows: list[list[str]]) -> list[str]:
    """Tables become labelled blocks: columns do not fit in 78 characters of prose."""
    if not rows:
        return []
    header, *body = rows
    out: list[str] = []
    for cells in body:
        for name, value in zip(header, cells, strict=False):
            out += _wrap(f"{name}: {value}", "  ", "    ")
        out.append("")
    return out


@exporter("txt", ".txt")
def render_text(source: Source) -> str:
    return markdown_to_text(source.markdown)
