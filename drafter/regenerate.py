"""Re-generation that keeps counsel's edits: a three-way merge of the Markdown edit layer.

Base is what Drafter generated last time (from the manifest), ours is `privacy-policy.md` as
counsel left it, theirs is the new generation. The merge itself is `merge3`'s (a port of
bzr's, on difflib); this module only prepares the three texts and reports the outcome.

Reviewer-note decorations (note markers, the notes list) are renumbered on every build, so
they are taken out of all three texts before merging and put back from the new generation
afterwards: counsel's text is parsed once to find them (a generation's plain text is in the
manifest), and the new ones go in by the clause or section each is on
(`document.decorations`), wherever counsel moved it.

The merge works clause by clause: every line is tagged with the clause it belongs to (the
clause comments delimit clauses), so merge3 never pairs lines of different clauses, and
all three texts are first put in one clause order, merged from counsel's moves and the new
draft's (counsel's order kept), so an edit inside a moved clause merges like any other.
A clause the answers remove but counsel edited is kept as a conflict at the end. Paragraphs
changed on both sides are merged again sentence by sentence before they are called a
conflict. Line endings are normalised for the merge; the file keeps its own.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from drafter.errors import UserError
from drafter.manifest import Generation, Manifest, sha256
from drafter.document.decorations import Marks, decorate, notes_list, placed, reading
from drafter.document.decorations import undecorate as plain_text
from drafter.document.provenance import clause_at_lines, parse_clause_comment
from drafter.yamlio import atomic_write, read_text

OURS_LABEL = "counsel's edit ({name})"  # the edit layer's file name
BASE_LABEL = "last draft"
THEIRS_LABEL = "new draft"
REMOVED_LABEL = "new draft: removed by your answers"
MARKERS = ("<<<<<<< ", "||||||| ", "=======", ">>>>>>> ")

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=\S)")

Status = Literal["new", "unchanged", "kept", "regenerated", "merged", "conflicts", "forced"]


@dataclass(frozen=True)
class Conflict:
    line: int  # 1-based line of the `<<<<<<<` marker in the written file
    clause: str | None  # the clause it is in, if any
    removed: bool = False  # the answers removed this clause, which counsel had edited


@dataclass(frozen=True)
class Outcome:
    markdown: str
    status: Status
    conflicts: tuple[Conflict, ...] = ()
    backup: Path | None = None
    base: Generation | None = None  # the merge base, kept in case counsel restores the backup
    newline: str = "\n"  # the line ending of counsel's file, which the written file keeps
    notes_edited: bool = False  # counsel wrote in the notes list, which the build rewrote

    @property
    def text(self) -> str:
        """The file's content: `markdown` (always "\\n" lines) with the file's own endings."""
        return self.markdown.replace("\n", self.newline) if self.newline != "\n" else self.markdown



def _merge_groups(base: Sequence[Any], ours: Sequence[Any], theirs: Sequence[Any]) -> Any:
    """merge3's merge groups; merge3 is imported only when a build has something to merge."""
    from merge3 import Merge3

    return Merge3(base, ours, theirs).merge_groups()

def has_conflict_markers(text: str) -> bool:
    lines = text.splitlines()
    return any(line.startswith(MARKERS[0]) for line in lines) and \
        any(line.startswith(MARKERS[3]) for line in lines)


def backup(path: Path) -> Path:
    """Copy `path` into `backups/` beside it, named by the time, never over another backup."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    folder = path.parent / "backups"
    target = folder / f"{path.stem}.{stamp}{path.suffix}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{path.stem}.{stamp}-{n}{path.suffix}"
    try:
        atomic_write(target, path.read_bytes())
    except OSError as exc:
        raise UserError(f"cannot back up: {exc.strerror or exc}", path=path) from None
    return target


def split_newlines(text: str) -> tuple[str, str]:
    """A text with "\\n" line endings, and the ending most of its lines had ("\\r\\n" for a
    file saved on Windows), so a merge compares lines, not line endings."""
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf > text.count("\n") - crlf else "\n"
    return text.replace("\r\n", "\n"), newline


def regenerate(path: Path, previous: Manifest | None, new: Generation,
               force: bool = False, marks: Marks | None = None) -> Outcome:
    """Decide what `privacy-policy.md` becomes; back up counsel's file before replacing it.
    `marks`: the new generation's decorations, made from its notes (None: read from it)."""
    if not path.exists():
        return Outcome(new.markdown, "new")
    raw = read_text(path)
    current, newline = split_newlines(raw)
    outcome = _regenerate(path, raw, current, previous, new, force, marks)
    return replace(outcome, newline=newline)


def _regenerate(path: Path, raw: str, current: str, previous: Manifest | None,
                new: Generation, force: bool, marks: Marks | None) -> Outcome:
    if current == new.markdown:
        return Outcome(current, "unchanged")
    if force:
        return Outcome(new.markdown, "forced", backup=backup(path))
    if has_conflict_markers(current):
        raise UserError("has unresolved merge conflicts (<<<<<<< … >>>>>>>): resolve them and "
                        "build again, or rebuild with --force to start over (it backs up "
                        "the file)", path=path)
    if previous is None:
        raise UserError("exists but there is no drafter-manifest.json beside it, so Drafter "
                        "cannot tell counsel's edits from its own text: rebuild with --force "
                        "(it backs up the file first)", path=path)
    base = previous.generated
    if previous.unresolved is not None and sha256(raw) == previous.unresolved.backup_sha256:
        base = previous.unresolved.base
    if current == base.markdown:
        return Outcome(new.markdown, "regenerated")
    merged, conflicts = merge(base, current, new, ours_label=OURS_LABEL.format(name=path.name),
                              marks=marks)
    if merged == current:  # the new draft brings nothing counsel's text lacks
        return Outcome(current, "kept")
    status: Status = "conflicts" if conflicts else "merged"
    # The notes list is the build's: counsel's words in it are not merged, but said so.
    written = notes_list(current)
    return Outcome(merged, status, tuple(conflicts), backup(path), base,
                   notes_edited=bool(written) and not base.markdown.endswith(written))


def merge(base: Generation, ours: str, theirs: Generation,
          theirs_label: str = THEIRS_LABEL,
          ours_label: str = OURS_LABEL.format(name="privacy-policy.md"),
          marks: Marks | None = None) -> tuple[str, list[Conflict]]:
    """Merge counsel's text with the new generation over the last one, notes set aside
    (`marks`: the new generation's, if known; else read from it).
    Clauses stand in the merged order of both (`_merged_order`). A clause the new answers
    remove but counsel had edited is never dropped: it ends the text as a conflict (counsel's
    edit against nothing), for counsel to keep or let go."""
    base_plain = _lines(base.plain)
    our_plain = _lines(undecorate(ours, base))
    their_plain = _lines(theirs.plain)
    their_ids = _clause_ids(their_plain)
    removed = _removed_edits(base_plain, our_plain, set(their_ids))
    order = _merged_order(_clause_ids(base_plain), _clause_ids(our_plain), their_ids)
    base_lines, our_lines, their_lines = (_in_clause_order(lines, order)
                                          for lines in (base_plain, our_plain, their_plain))
    merged: list[str] = []
    conflicts: list[Conflict] = []
    groups = _merge_groups(_tagged(base_lines), _tagged(our_lines), _tagged(their_lines))
    for group in groups:
        if group[0] != "conflict":
            merged += [line for _, line in group[1]]
            continue
        old, mine, new = ([line for _, line in tagged] for tagged in group[1:])
        by_sentence = _merge_sentences(old, mine, new)
        if by_sentence is not None:
            merged += by_sentence
            continue
        conflicts.append(Conflict(len(merged) + 1, None))
        merged += [f"{MARKERS[0]}{ours_label}\n", *mine, f"{MARKERS[1]}{BASE_LABEL}\n", *old,
                   f"{MARKERS[2]}\n", *new, f"{MARKERS[3]}{theirs_label}\n"]
    for clause, mine, old in removed:
        if merged and merged[-1].strip():
            merged.append("\n")
        conflicts.append(Conflict(len(merged) + 1, clause, removed=True))
        merged += [f"{MARKERS[0]}{ours_label}\n", *mine, f"{MARKERS[1]}{BASE_LABEL}\n", *old,
                   f"{MARKERS[2]}\n", f"{MARKERS[3]}{REMOVED_LABEL}\n"]
    decorated, position = placed(merged, marks if marks is not None else marks_of(theirs))
    owners = clause_at_lines("".join(decorated))
    return "".join(decorated), [Conflict(position[c.line - 1], c.clause or
                                         owners[position[c.line - 1] - 1], c.removed)
                                for c in conflicts]


def _removed_edits(base: list[str], ours: list[str],
                   kept: set[str]) -> list[tuple[str, list[str], list[str]]]:
    """Clauses of counsel's text that the new draft no longer has (ids not in `kept`) and
    that counsel edited since the last draft, with counsel's and the last draft's lines.
    A clause whose text counsel deleted is not among them: both sides agree it goes."""
    before = {key: seg for key, seg in _clause_segments(base) if key is not None}
    found = []
    for key, seg in _clause_segments(ours):
        if key not in before or key in kept or seg == before[key]:
            continue
        if any(line.strip() and parse_clause_comment(line) is None for line in seg):
            found.append((key, seg, before.get(key, [])))
    return found


def _clause_ids(lines: list[str]) -> list[str]:
    return [m.id for m in map(parse_clause_comment, lines) if m is not None]


def _merged_order(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    """The order of the clauses in the merge: counsel's moves and the new draft's moves, each
    kept (a three-way merge of the clause ids); where both moved the same clauses, counsel's
    order wins. Clauses the new draft dropped are left out (`_removed_edits` keeps counsel's
    edits of them), clauses counsel added are kept, and every clause of the new draft has a
    place, so a change to one that counsel deleted still meets that deletion in the merge."""
    merged: list[str] = []
    for group in _merge_groups(base, ours, theirs):
        if group[0] == "conflict":
            merged += [*group[2], *(c for c in group[3] if c not in group[2])]
        else:
            merged += group[1]
    dropped = set(base) - set(theirs)
    order: list[str] = []
    for clause in merged:
        if clause not in order and clause not in dropped:
            order.append(clause)
    for n, clause in enumerate(theirs):
        if clause not in order:
            order.insert(order.index(theirs[n - 1]) + 1 if n else 0, clause)
    return order


def _clause_segments(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    """The lines cut into clauses (a clause comment up to the next clause comment or section
    heading), keyed by clause id, and the lines between them (keyed None)."""
    segments: list[tuple[str | None, list[str]]] = []
    for line in lines:
        mark = parse_clause_comment(line)
        if mark is not None:
            segments.append((mark.id, [line]))
        elif segments and not (line.startswith("## ") and segments[-1][0] is not None):
            segments[-1][1].append(line)
        else:
            segments.append((None, [line]))
    return segments


def _tagged(lines: list[str]) -> list[tuple[str, str]]:
    """Each line with the clause it belongs to (or the heading it follows), so that merge3
    only ever pairs a line with the same line of the same clause: a blank line closing one
    clause is never mistaken for a blank line in another, and a section the new draft adds
    after an edited clause does not collide with the edit."""
    return [(key if key is not None else segment[0], line)
            for key, segment in _clause_segments(lines) for line in segment]


def _in_clause_order(lines: list[str], order: list[str]) -> list[str]:
    """Put the clauses that the new draft moved where it put them (before the clause that
    follows them there), so that merge3 sees an unmoved clause, not a deletion and an
    insertion, and counsel's edits inside a moved clause merge like any other."""
    segments = _clause_segments(lines)
    present = [key for key, _ in segments if key is not None]
    wanted = [c for c in order if c in present]
    matcher = difflib.SequenceMatcher(None, present, wanted, autojunk=False)
    staying = {present[i + k] for i, _, size in matcher.get_matching_blocks() for k in range(size)}
    moving = {key: seg for key, seg in segments if key is not None and key not in staying}
    if not moving:
        return lines
    result = [(key, seg) for key, seg in segments if key is None or key in staying]
    for n in range(len(wanted) - 1, -1, -1):
        if wanted[n] not in moving:
            continue
        keys = [key for key, _ in result]
        if n + 1 < len(wanted):
            at = keys.index(wanted[n + 1])
        else:
            at = max((i for i, key in enumerate(keys) if key is not None), default=-1) + 1
        result.insert(at, (wanted[n], moving[wanted[n]]))
    return [line for _, seg in result for line in seg]


def _merge_sentences(base: Sequence[str], ours: Sequence[str],
                     theirs: Sequence[str]) -> list[str] | None:
    """Merge paragraphs that both sides changed, sentence by sentence (`merge3` again, over
    sentences instead of lines): counsel's edit to one sentence and the new draft's change
    to another, with an unchanged sentence between them, both survive. Returns None when
    the same sentences changed on both sides: then the whole paragraphs are the conflict."""
    def sentences(lines: Sequence[str]) -> list[tuple[str, bool]]:
        items: list[tuple[str, bool]] = []
        for line in lines:
            parts = _SENTENCE_BREAK.split(line.rstrip("\n"))
            items += [(part, n == len(parts) - 1) for n, part in enumerate(parts)]
        return items

    out: list[str] = []
    line: list[str] = []
    for group in _merge_groups(sentences(base), sentences(ours), sentences(theirs)):
        if group[0] == "conflict":
            return None
        for sentence, ends_line in group[1]:
            line.append(sentence)
            if ends_line:
                out.append(" ".join(line) + "\n")
                line = []
    return out + ([" ".join(line) + "\n"] if line else [])


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return lines


def undecorate(text: str, base: Generation | None = None) -> str:
    """A text without its note decorations, found by parsing it (`document.decorations`), not
    by comparing it with any draft; the Markdown of generation `base` as built is its plain
    text, so a text no one edited needs no parse. DOCX is rendered from this: there the notes
    are Word comments, not markers."""
    if base is not None and text == base.markdown:
        return base.plain
    return plain_text(text)


def marks_of(generation: Generation) -> Marks:
    """A generation's decorations by node, read from its Markdown (none when it has none)."""
    if generation.markdown == generation.plain:
        return Marks()
    return reading(generation.markdown).marks


def redecorate(text: str, theirs: Generation, marks: Marks | None = None) -> str:
    """Put generation `theirs`'s note decorations (or `marks`, the same made from its notes)
    into a text without them, by the node each is on."""
    return decorate(text, marks if marks is not None else marks_of(theirs))
