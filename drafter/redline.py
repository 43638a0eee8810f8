"""`drafter build --redline`: the changes since the last published version, as Word tracked
changes, so counsel reviews only what changed.

The published text (`history/<date>/privacy-policy.md`, see `drafter.history`) and the text
now are compared without their reviewer-note decorations, line by line and then, within a
changed line, word by word (difflib; no diff of our own). Each difference becomes a
CriticMarkup proposal by "Drafter" (`drafter.tracked`), and the DOCX export turns proposals
into tracked changes, so `privacy-policy.redline.docx` is the policy as it now reads with
every change since publication marked. A changed line holding inline Markdown (bold, links,
code) is marked as a whole, so a change never splits a link or emphasis in two; a new or
removed line is marked whole after its list or heading marker; a table row cell by cell (a
removed row stays, its cells deleted). Clause comments and counsel's comments are never
marked; counsel's open proposals are left out (they are tracked changes in the policy's own
DOCX): the redline compares the published text with the text as it stands. The redline carries no reviewer notes and no promises appendix.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime, time, timezone
from pathlib import Path

from drafter.document.tree import read
from drafter.errors import UserError
from drafter.history import last_published
from drafter.document.model import Labels
from drafter.i18n import ENGLISH
from drafter.manifest import load_manifest, policy_md
from drafter.regenerate import undecorate
from drafter.tracked import Kind, as_it_stands, mark
from drafter.yamlio import atomic_write, read_text

REDLINE_DOCX = "privacy-policy.redline.docx"
AUTHOR = "Drafter"
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")  # words, spaces and punctuation marks
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]!<&{}]")
# What a line starts with that is structure, not words: list markers, headings, table pipes.
_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_ROW = re.compile(r"^\s*\|[\s:|-]+\|?\s*$")
_PREFIX = re.compile(r"^(\s*(?:[-+*]\s+|\d+[.)]\s+|#{1,6}\s+|\|\s*)?)")


def _marked(kind: Kind, old: str, new: str, stamp: str) -> str:
    return mark(kind, old, new, AUTHOR, stamp)


def _words(old: str, new: str, stamp: str) -> str:
    """`new` with the word-level changes from `old` marked."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        was, now = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            out.append(now)
        elif not was.strip() and not now.strip():  # whitespace only: take the new
            out.append(now)
        elif tag == "insert" or not was.strip():
            out.append(_marked("insert", "", now, stamp))
        elif tag == "delete" or not now.strip():
            out.append(_marked("delete", was, "", stamp) + now)
        else:
            out.append(_marked("replace", was, now, stamp))
    return "".join(out)


def _structural(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("<!--")


def _cells(row: str) -> list[str]:
    """A table row's cells (between unescaped pipes), spaces kept."""
    return _PIPE.split(row.strip())[1:-1]


def _row(old: str | None, new: str | None, stamp: str) -> str:
    """A table row, marked cell by cell so no change spans a pipe (a removed row is kept,
    every cell deleted; a delimiter row is kept as it is)."""
    if new is not None and _DELIMITER_ROW.match(new):
        return new
    if new is None:
        assert old is not None
        if _DELIMITER_ROW.match(old):
            return old
    olds = _cells(old) if old is not None else []
    news = _cells(new) if new is not None else []
    if new is not None and len(olds) != len(news):
        olds = [""] * len(news)
    marked = []
    for n, cell in enumerate(news or olds):
        was = olds[n].strip() if n < len(olds) else ""
        now = cell.strip() if news else ""
        if was == now:
            marked.append(now)
        elif not now:
            marked.append(_marked("delete", was, "", stamp))
        elif not was:
            marked.append(_marked("insert", "", now, stamp))
        elif _INLINE_SYNTAX.search(was + now):
            marked.append(_marked("replace", was, now, stamp))
        else:
            marked.append(_words(was, now, stamp))
    return "| " + " | ".join(marked) + " |\n"


def _line(old: str | None, new: str | None, stamp: str) -> str:
    """One line of the redline: a changed, new or removed line with its changes marked."""
    if any(line is not None and line.lstrip().startswith("|") for line in (old, new)) and \
            not any(line is not None and _structural(line) for line in (old, new)):
        if (old is None or old.lstrip().startswith("|")) and \
                (new is None or new.lstrip().startswith("|")):
            return _row(old, new, stamp)
    if new is None:
        assert old is not None
        if _structural(old):
            return ""  # a removed blank line or comment has no words to show
        prefix = _PREFIX.match(old)[0]  # type: ignore[index]
        return prefix + _marked("delete", old[len(prefix):].rstrip("\n"), "", stamp) + "\n"
    if _structural(new):
        return new
    prefix = _PREFIX.match(new)[0]  # type: ignore[index]
    body = new[len(prefix):].rstrip("\n")
    if old is None or _structural(old):
        return prefix + _marked("insert", "", body, stamp) + "\n"
    old_prefix = _PREFIX.match(old)[0]  # type: ignore[index]
    was = old[len(old_prefix):].rstrip("\n")
    if _INLINE_SYNTAX.search(was + body):
        return prefix + _marked("replace", was, body, stamp) + "\n"
    return prefix + _words(was, body, stamp) + "\n"


def redline_markdown(old: str, new: str, stamp: str = "") -> str:
    """The text `new` with every change from `old` marked as a proposal by Drafter."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += b[j1:j2]
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        out += [_line(a[i1 + k], b[j1 + k], stamp) for k in range(paired)]
        out += [_line(a[i], None, stamp) for i in range(i1 + paired, i2)]
        out += [_line(None, b[j], stamp) for j in range(j1 + paired, j2)]
    return "".join(out)


def redline_name(lang: str = ENGLISH) -> str:
    """`privacy-policy.redline.docx`; a language's beside its own files:
    `privacy-policy.es.redline.docx`."""
    return REDLINE_DOCX if lang == ENGLISH else f"privacy-policy.{lang}.redline.docx"


def write_redline(folder: Path, on: date, lang: str = ENGLISH,
                  labels: Labels = Labels()) -> Path:
    """Write `folder/privacy-policy.redline.docx` (or a language's, `redline_name`): the text
    now against the last published in that language, its pages marked in its words
    (`labels`, from languages.yaml) and its Word language set."""
    from drafter.export.docx import tree_to_docx
    from drafter.export.docx_layout import header_and_footer, write_toc
    from drafter.export.docx_stable import stable_bytes
    from drafter.export.docx_tables import fit_tables

    last = last_published(folder, lang)  # the last alone: a policy may keep years of versions
    if last is None:
        raise UserError("nothing published yet, so there is nothing to redline against: "
                        "`drafter publish` keeps the approved version",
                        path=folder / policy_md(lang))
    found = load_manifest(folder)
    manifest = found.in_language(lang) if found is not None else None
    if manifest is None or not (folder / policy_md(lang)).exists():
        raise UserError("no build here yet: run `drafter build` first",
                        path=folder / policy_md(lang))
    old = undecorate(last.markdown, last.manifest.generated)
    # Counsel's open proposals are tracked changes in the policy's own DOCX; the redline is
    # about what changed in the text as it stands.
    new = as_it_stands(undecorate(read_text(folder / policy_md(lang)), manifest.generated))
    text = redline_markdown(old, new, f"{on.isoformat()}T00:00:00Z")
    doc, contents = tree_to_docx(read(text))
    # the same pages as the policy's own DOCX: a redline is a working draft, marked as one
    fit_tables(doc)
    header_and_footer(doc, manifest.business_name, published=False, labels=labels)
    if contents is not None:
        write_toc(doc, contents, None)
    props = doc.core_properties
    props.title = f"Changes since the version published on " \
        f"{last.manifest.effective_date.isoformat()}"  # for counsel, in English
    props.subject = manifest.business_name
    props.last_modified_by = AUTHOR
    props.language = lang
    path = folder / redline_name(lang)  # dated as its tracked changes are: the same each build
    atomic_write(path, stable_bytes(doc, datetime.combine(on, time(), tzinfo=timezone.utc)))
    return path
