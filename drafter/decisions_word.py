"""Counsel's decisions made in Word: a Drafter comment marked resolved becomes a decision.

Word (and LibreOffice) record a resolved comment in `word/commentsExtended.xml`: the
`w15:commentEx` whose `w15:paraId` is the comment's last paragraph's `w14:paraId` has
`w15:done="1"`; a reply names its parent's in `w15:paraIdParent`. Drafter's comments begin
with the note's number (`[R3] Blocking: …`), and the build's manifest keeps, for each number,
the note's key and the fingerprint of what it is about (`decisions.Keyed`), so `drafter
absorb` records each resolved note as a decision beside the answers:

- who: the author of the last reply to the comment, else the document's "last modified by",
  else "counsel (in Word)";
- when: that reply's time, else the document's modified time, else now;
- why: the replies' words (empty when there are none: `review.md` then says "no reason given").

A comment resolved again in a later absorb records nothing new while its decision stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from docx.document import Document as DocxDocument
from lxml import etree

from drafter.absorb_word import W14, W15
from drafter.decisions_file import Decision
from drafter.decisions import add_decisions, decide, decisions_path, \
    load_decisions, now
from drafter.export.docx import COMMENT_AUTHOR
from drafter.manifest import Manifest, NoteRecord, load_manifest
from drafter.paths import examples

_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True)
_NUMBER = re.compile(r"\[(R\d+)\]")


@dataclass(frozen=True)
class Thread:
    """A Drafter comment Word marks resolved, and counsel's replies to it."""

    number: str
    text: str
    replies: tuple[tuple[str, str, datetime | None], ...]  # (author, text, time)


def _extended(doc: DocxDocument) -> tuple[set[str], dict[str, str]]:
    """The paraIds Word marks done, and each reply's parent paraId."""
    done: set[str] = set()
    parents: dict[str, str] = {}
    for part in doc.part.package.iter_parts():
        if str(part.partname).endswith("/commentsExtended.xml"):
            root = etree.fromstring(part.blob, _SAFE_XML)
            for entry in root.iter(f"{{{W15}}}commentEx"):
                para = entry.get(f"{{{W15}}}paraId")
                if para is None:
                    continue
                if entry.get(f"{{{W15}}}done") in ("1", "true"):
                    done.add(para)
                parent = entry.get(f"{{{W15}}}paraIdParent")
                if parent:
                    parents[para] = parent
    return done, parents


def resolved_threads(doc: DocxDocument) -> list[Thread]:
    """Drafter's comments marked resolved in the file, with the replies to each."""
    done, parents = _extended(doc)
    if not done:
        return []
    by_para: dict[str, tuple[str, str, datetime | None]] = {}
    ours: list[tuple[str, str, str]] = []  # (paraId, number, text)
    for comment in doc.comments:
        paragraphs = comment._comment_elm.xpath("./w:p")
        para = paragraphs[-1].get(f"{{{W14}}}paraId") if paragraphs else None
        if para is None:
            continue
        by_para[para] = (comment.author, comment.text, comment.timestamp)
        found = _NUMBER.match(comment.text.strip())
        if comment.author == COMMENT_AUTHOR and found and para in done:
            ours.append((para, found[1], comment.text))
    return [Thread(number, text, tuple(by_para[p] for p, parent in parents.items()
                                       if parent == para and p in by_para))
            for para, number, text in ours]


def _decision(doc: DocxDocument, thread: Thread, record: NoteRecord) -> Decision:
    props = doc.core_properties
    replies = [r for r in thread.replies if r[1].strip()]
    last = replies[-1] if replies else None
    who = (last[0] if last else "") or props.last_modified_by or "counsel (in Word)"
    when = (last[2] if last else None) or props.modified or now()
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    why = " ".join(" ".join(r[1].split()) for r in replies)
    return decide(record, who, why, when, "word")


def absorb_decisions(doc: DocxDocument, folder: Path) -> list[str]:
    """Record the resolved Drafter comments of counsel's file as decisions; lines to print."""
    threads = resolved_threads(doc)
    if not threads:
        return []
    manifest: Manifest | None = load_manifest(folder)
    records = {r.id: r for r in manifest.notes} if manifest else {}
    answers = Path(manifest.answers_file) if manifest and manifest.answers_file else None
    if answers is None or answers in {p.resolve() for p in examples().values()}:
        return [f"{len(threads)} resolved note comment(s) not recorded: decisions are kept "
                "beside an answers file of your own (build from a copy of the example)."]
    path = decisions_path(answers)
    standing = {d.note: d for d in load_decisions(path)}
    lines: list[str] = []
    new: list[Decision] = []
    for thread in threads:
        record = records.get(thread.number)
        if record is None or " ".join(record.message.split()) not in " ".join(thread.text.split()):
            lines.append(f"Resolved comment [{thread.number}] is not a note of the last build "
                         "(was the file exported from an older build?): not recorded.")
            continue
        kept = standing.get(record.key)
        if kept is not None and kept.about == record.about:
            continue
        decision = _decision(doc, thread, record)
        new.append(decision)
        reason = f": {decision.why}" if decision.why else " (no reason given)"
        lines.append(f"Resolved [{thread.number}] ({record.severity}) by {decision.who}{reason}")
    add_decisions(path, new)
    if new:
        lines.append(f"Recorded {len(new)} decision(s) in {path}; the next build keeps those "
                     "notes closed.")
    return lines
