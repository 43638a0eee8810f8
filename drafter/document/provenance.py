"""Where each part of the Markdown came from: the `<!-- clause: ID (path) -->` comments.

`to_markdown` writes one such comment before every clause. DOCX export, re-generation and
`drafter absorb` all find clauses through these comments, so the pattern lives here, once.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

CLAUSE_COMMENT = re.compile(r"^<!-- clause: (?P<id>\S+) \((?P<source>[^)]*)\) -->\s*$")

# DOCX bookmarks carry a clause through Word: hidden (leading underscore), letters, digits
# and underscores only, at most 40 characters, as Word requires of bookmark names.
BOOKMARK_PREFIX = "_dc_"


@dataclass(frozen=True)
class ClauseMark:
    id: str
    source: str

    def comment(self) -> str:
        return f"<!-- clause: {self.id} ({self.source}) -->"

    def bookmark(self) -> str:
        return bookmark_name(self.id)


def parse_clause_comment(line: str) -> ClauseMark | None:
    """The clause a Markdown line (or an HTML block's text) marks, if it is a clause comment."""
    match = CLAUSE_COMMENT.match(line.strip())
    return ClauseMark(match["id"], match["source"]) if match else None


def bookmark_name(clause_id: str) -> str:
    """A Word-safe, stable bookmark name for a clause id (ids contain dots and hyphens)."""
    return BOOKMARK_PREFIX + hashlib.sha256(clause_id.encode()).hexdigest()[:16]


def clause_at_lines(markdown: str) -> list[str | None]:
    """For each line of `markdown`, the id of the clause it belongs to (None before the first)."""
    current: str | None = None
    owners: list[str | None] = []
    for line in markdown.splitlines():
        mark = parse_clause_comment(line)
        if mark is not None:
            current = mark.id
        elif line.startswith("## "):
            current = None
        owners.append(current)
    return owners


# Counsel's own open Word comments, kept in the Markdown between Word round trips.
COUNSEL_COMMENT = re.compile(r"^<!-- comment \((?P<author>[^)]*)\): (?P<text>.*) -->\s*$")


def counsel_comment(author: str, text: str) -> str:
    """One Markdown line holding a Word comment (`-->` and line breaks cannot live in it)."""
    clean = " ".join(text.replace("-->", "->").split())
    return f"<!-- comment ({author.replace(')', '').strip() or 'counsel'}): {clean} -->"


def parse_counsel_comment(line: str) -> tuple[str, str] | None:
    match = COUNSEL_COMMENT.match(line.strip())
    return (match["author"], match["text"]) if match else None
