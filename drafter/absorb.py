"""`drafter absorb EDITED.docx`: counsel's Word edits back into the Markdown edit layer.

The DOCX was rendered from a Markdown text that the manifest records. Both are cut into
blocks (headings, paragraphs, list items, tables) with a plain-text signature each, and
difflib aligns the two sequences: blocks Word left alone keep their exact Markdown source,
so an unedited export absorbs to the very same file; changed or new blocks are converted
from Word (bold, italic, links, lists, tables; the Word side is `absorb_word`). Clause comments are never dropped: they are
kept from the Markdown, and a clause bookmark in Word (`provenance`) places them for new
blocks. Drafter's review comments and resolved comments are dropped (the next build makes
the review comments afresh); counsel's open comments are kept as `<!-- comment (…): … -->`
lines, which the DOCX export turns back into Word comments and HTML leaves out. The promises
appendix (`export/docx_ledger.py`) ends the reading: every build makes it afresh.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from markdown_it.token import Token

from drafter.absorb_word import WordBlock, plain, word_blocks

from drafter.build import slug
from drafter.errors import UserError
from drafter.document.markdown import is_contents, matching_close, parse
from drafter.i18n import ENGLISH
from drafter.manifest import MANIFEST_NAME, Generation, Manifest, load_manifest, policy_md
from drafter.document.provenance import ClauseMark, parse_clause_comment, parse_counsel_comment
from drafter.regenerate import (
    OURS_LABEL,
    Conflict,
    backup,
    has_conflict_markers,
    marks_of,
    merge,
    redecorate,
    split_newlines,
    undecorate,
)
from drafter.yamlio import atomic_write, read_text

@dataclass(frozen=True)
class SourceBlock:
    """A block of the Markdown the DOCX came from: its signature and exact source text."""

    signature: tuple[str, str]
    prefix: str  # clause comment line(s) before it
    body: str
    tail: str  # blank lines after it
    comments: tuple[str, ...] = ()  # counsel's comment lines on it (Word has the live ones)

    def text(self, comments: tuple[str, ...]) -> str:
        return self.prefix + "".join(f"{c}\n" for c in comments) + self.body + self.tail


@dataclass(frozen=True)
class AbsorbResult:
    path: Path
    changed_blocks: int
    clauses: tuple[str, ...]  # clauses whose text changed
    backup: Path | None
    merged: bool = False  # merged with Markdown edits made since the last build
    conflicts: tuple[Conflict, ...] = ()
    document: DocxDocument | None = None  # counsel's file as read (its resolved comments)
    # pending paragraph splits/joins taken as Word shows them (the first words before each)
    as_shown: tuple[str, ...] = ()


# ---- the Markdown side ----------------------------------------------------------------------

def _inlineplain(token: Token) -> str:
    return plain("".join(c.content if c.type in ("text", "code_inline") else " "
                          for c in token.children or []
                          if c.type in ("text", "code_inline", "softbreak", "hardbreak")))


def _source_units(tokens: list[Token]) -> Iterator[tuple[tuple[str, str], int, int]]:
    """(signature, first line, end line) of each block, list items one by one."""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        end = matching_close(tokens, i) if token.nesting == 1 else i
        lines = token.map or [0, 0]
        inner = tokens[i:end + 1]
        if token.type in ("bullet_list_open", "ordered_list_open") and not is_contents(inner):
            kind = "ul" if token.type == "bullet_list_open" else "ol"
            j = i + 1
            while j < end:
                item_end = matching_close(tokens, j)
                item = tokens[j:item_end + 1]
                text = " ".join(_inlineplain(t) for t in item if t.type == "inline")
                yield (kind, text), (tokens[j].map or lines)[0], (tokens[j].map or lines)[1]
                j = item_end + 1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            yield ("toc", ""), lines[0], lines[1]
        elif token.type == "heading_open":
            yield (token.tag, _inlineplain(tokens[i + 1])), lines[0], lines[1]
        elif token.type == "table_open":
            cells = [_inlineplain(t) for t in inner if t.type == "inline"]
            yield ("table", " | ".join(cells)), lines[0], lines[1]
        elif token.type == "paragraph_open":
            yield ("p", _inlineplain(tokens[i + 1])), lines[0], lines[1]
        elif token.type == "html_block" and parse_clause_comment(token.content):
            yield ("clause", token.content.strip()), lines[0], lines[1]
        elif token.type == "html_block" and parse_counsel_comment(token.content):
            yield ("comment", token.content.strip()), lines[0], lines[1]
        elif token.map is not None:
            yield (token.type, plain(token.content)), lines[0], lines[1]
        i = end + 1


def source_blocks(markdown: str) -> list[SourceBlock]:
    """The Markdown cut into blocks whose texts, joined, give back the Markdown exactly."""
    lines = markdown.splitlines(keepends=True)
    units = list(_source_units(parse(markdown)))
    blocks: list[SourceBlock] = []
    prefix_start: int | None = None
    for n, (signature, start, end) in enumerate(units):
        if signature[0] in ("clause", "comment"):  # these lead into the next block
            prefix_start = start if prefix_start is None else prefix_start
            continue
        begin = 0 if not blocks else (prefix_start if prefix_start is not None else start)
        following = next((u[1] for u in units[n + 1:]), len(lines))
        prefix = lines[begin:start]
        comments = tuple(c.strip() for c in prefix if parse_counsel_comment(c))
        blocks.append(SourceBlock(signature, _without_comments(prefix), "".join(lines[start:end]),
                                  _without_comments(lines[end:following]), comments))
        prefix_start = None
    if prefix_start is not None or not blocks:  # trailing comments, or no blocks at all
        rest = markdown if not blocks else "".join(lines[prefix_start:])
        blocks.append(SourceBlock(("rest", ""), rest, "", ""))
    return blocks


def _without_comments(lines: list[str]) -> str:
    return "".join(line for line in lines if parse_counsel_comment(line) is None)


# ---- aligning the two -----------------------------------------------------------------------

def reconcile(source: list[SourceBlock], word: list[WordBlock],
              sources: dict[str, str]) -> tuple[str, int, list[str]]:
    """The Markdown for the Word blocks: unchanged blocks verbatim, changed ones converted.
    Returns the text, how many Word blocks changed, and the clauses they are in."""
    matcher = difflib.SequenceMatcher(None, [b.signature for b in source],
                                      [w.signature for w in word], autojunk=False)
    out: list[str] = []
    changed = 0
    touched: list[str] = []
    clause: str | None = None
    placed: set[str] = set()  # clauses whose comment the text has so far
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for block, seen in zip(source[i1:i2], word[j1:j2]):
                out.append(block.text(seen.comments))
                placed.update(_clauses_in(block.prefix))
                clause = _clause_in(block.prefix) or clause
                if block.comments != seen.comments:
                    changed += 1
                    _note(touched, clause)
            continue
        changed += max(i2 - i1, j2 - j1)
        for k, fresh in enumerate(word[j1:j2]):
            old = source[i1 + k] if i1 + k < i2 else None
            prefix = old.prefix if old else ""
            if fresh.clause and fresh.clause != _clause_in(prefix) and \
                    fresh.clause not in placed:
                prefix += ClauseMark(fresh.clause, sources.get(fresh.clause, "")).comment() + "\n"
            clause = _clause_in(prefix) or fresh.clause or clause
            _note(touched, clause)
            following = word[j1 + k + 1] if j1 + k + 1 < len(word) else None
            out.append(prefix + _converted(fresh, following, old))
            placed.update(_clauses_in(prefix))
        for gone in source[i1 + (j2 - j1):i2]:  # blocks counsel deleted: keep their provenance
            out.append(gone.prefix)
            placed.update(_clauses_in(gone.prefix))
    text = "".join(out)
    return text.rstrip("\n") + "\n", changed, touched


def _converted(block: WordBlock, following: WordBlock | None, old: SourceBlock | None) -> str:
    """A Word block's Markdown with its comments, spaced like the block it replaces (or,
    for a new block, tight within a list and a blank line otherwise)."""
    tight = following is not None and following.signature[0] == block.signature[0] \
        and block.signature[0] in ("ul", "ol")
    tail = old.tail if old else ("" if tight else "\n")
    comments = "".join(f"{c}\n" for c in block.comments)
    return comments + block.markdown + ("\n" if block.markdown else "") + tail


def _note(touched: list[str], clause: str | None) -> None:
    if clause and clause not in touched:
        touched.append(clause)


def _clauses_in(prefix: str) -> list[str]:
    marks = [parse_clause_comment(line) for line in prefix.splitlines()]
    return [m.id for m in marks if m is not None]


def _clause_in(prefix: str) -> str | None:
    found = _clauses_in(prefix)
    return found[-1] if found else None


def _open(path: Path) -> DocxDocument:
    try:
        return Document(str(path))
    except FileNotFoundError:
        raise UserError("no such file", path=path) from None
    except Exception as exc:  # python-docx raises many kinds for a file that is not DOCX
        raise UserError(f"is not a Word (.docx) file Drafter can read: {exc}", path=path) from None


def absorb(docx_path: Path, out_dir: Path) -> AbsorbResult:
    """Write counsel's edited DOCX back as `out_dir/<slug>/privacy-policy.md`, or as the edit
    layer of the language the DOCX is in (`privacy-policy.es.md`: Word keeps the language
    property the build gave it)."""
    doc = _open(docx_path)
    business = doc.core_properties.subject or ""
    lang = doc.core_properties.language or ENGLISH
    # DIR is the output folder (the policy's folder is named after the business, which the
    # DOCX records as its subject), or the policy's own folder.
    folder = out_dir if (out_dir / MANIFEST_NAME).exists() else out_dir / slug(business)
    manifest: Manifest | None = load_manifest(folder)
    name = policy_md(lang)
    if manifest is None or name not in manifest.files:
        raise UserError(f"no Drafter build for {business or 'this document'!r} in {out_dir} "
                        f"(expected {folder / 'drafter-manifest.json'}"
                        f"{'' if manifest is None else ' recording ' + name}); pass --output",
                        path=docx_path)
    manifest = manifest.in_language(lang)
    if manifest is None:  # built before the manifest recorded languages: no base to align with
        raise UserError(f"{name} was built before Drafter kept what it generated in each "
                        "language: build again, then send counsel the new Word file",
                        path=docx_path)
    # The DOCX was rendered without note decorations (its notes are comments): align with the
    # undecorated Markdown, then put the decorations back as they were.
    reference = undecorate(manifest.files[name].text or "", manifest.generated)
    sources = manifest.clause_sources()
    blocks = word_blocks(doc, list(sources))
    as_shown = tuple(b.as_shown for b in blocks if b.as_shown)
    plain, changed, touched = reconcile(source_blocks(reference), blocks, sources)
    marks = marks_of(manifest.generated)
    text = redecorate(plain, manifest.generated, marks)
    path = folder / name
    if not path.exists():
        atomic_write(path, text)
        return AbsorbResult(path, changed, tuple(touched), None, document=doc,
                            as_shown=as_shown)
    current, newline = split_newlines(read_text(path))
    built = manifest.files[name].text or ""
    merged, conflicts = False, []
    if current not in (built, text):
        # The Markdown was edited since the build too: keep both, the build's text as base.
        if has_conflict_markers(current):
            raise UserError("has unresolved merge conflicts (<<<<<<< … >>>>>>>): resolve "
                            "them, then absorb again", path=path)
        text, conflicts = merge(Generation(markdown=built, plain=reference), current,
                                Generation(markdown=text, plain=plain),
                                f"counsel's Word edit ({docx_path.name})",
                                OURS_LABEL.format(name=name), marks)
        merged = True
    saved = backup(path) if current != text else None
    atomic_write(path, text.replace("\n", newline))
    return AbsorbResult(path, changed, tuple(touched), saved, merged, tuple(conflicts), doc,
                        as_shown)
