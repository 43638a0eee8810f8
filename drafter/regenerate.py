"""Re-generation that keeps counsel's edits: a three-way merge of the Markdown edit layer.

Base is what Drafter generated last time (from the manifest), ours is `privacy-policy.md` as
counsel left it, theirs is the new generation. The merge itself is `merge3`'s (a port of
bzr's, on difflib); this module only prepares the three texts and reports the outcome.

Reviewer-note decorations (note markers, the notes list) are renumbered on every build, so
they are taken out of all three texts before merging and put back from the new generation
afterwards: which lines are decorations is learned by comparing each generation with and
without its notes, so this works whatever the notes look like in Markdown. The clause
comments are unique lines, so they anchor the merge clause by clause: an edit in one clause
and a rewrite of another never touch. Paragraphs changed on both sides are merged again
sentence by sentence before they are called a conflict.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from merge3 import Merge3

from drafter.errors import UserError
from drafter.manifest import Generation, Manifest, sha256
from drafter.provenance import clause_at_lines
from drafter.yamlio import atomic_write, read_text

OURS_LABEL = "counsel's edit (privacy-policy.md)"
BASE_LABEL = "last draft"
THEIRS_LABEL = "new draft"
MARKERS = ("<<<<<<< ", "||||||| ", "=======", ">>>>>>> ")

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=\S)")

Status = Literal["new", "unchanged", "kept", "regenerated", "merged", "conflicts", "forced"]


@dataclass(frozen=True)
class Conflict:
    line: int  # 1-based line of the `<<<<<<<` marker in the written file
    clause: str | None  # the clause it is in, if any


@dataclass(frozen=True)
class Outcome:
    markdown: str
    status: Status
    conflicts: tuple[Conflict, ...] = ()
    backup: Path | None = None
    base: Generation | None = None  # the merge base, kept in case counsel restores the backup


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


def regenerate(path: Path, previous: Manifest | None, new: Generation,
               force: bool = False) -> Outcome:
    """Decide what `privacy-policy.md` becomes; back up counsel's file before replacing it."""
    if not path.exists():
        return Outcome(new.markdown, "new")
    current = read_text(path)
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
    if previous.unresolved is not None and sha256(current) == previous.unresolved.backup_sha256:
        base = previous.unresolved.base
    if current == base.markdown:
        return Outcome(new.markdown, "regenerated")
    merged, conflicts = merge(base, current, new)
    if merged == current:  # the new draft brings nothing counsel's text lacks
        return Outcome(current, "kept")
    status: Status = "conflicts" if conflicts else "merged"
    return Outcome(merged, status, tuple(conflicts), backup(path), base)


def merge(base: Generation, ours: str, theirs: Generation) -> tuple[str, list[Conflict]]:
    """Merge counsel's text with the new generation over the last one, notes set aside."""
    ours_plain = undecorate(ours, base)
    merged: list[str] = []
    conflicts: list[Conflict] = []
    groups = Merge3(_lines(base.plain), _lines(ours_plain), _lines(theirs.plain)).merge_groups()
    for group in groups:
        if group[0] == "conflict":
            _, base_lines, our_lines, their_lines = group
            by_sentence = _merge_sentences(base_lines, our_lines, their_lines)
            if by_sentence is not None:
                merged += by_sentence
                continue
            conflicts.append(Conflict(len(merged) + 1, None))
            merged += [f"{MARKERS[0]}{OURS_LABEL}\n", *our_lines,
                       f"{MARKERS[1]}{BASE_LABEL}\n", *base_lines,
                       f"{MARKERS[2]}\n", *their_lines, f"{MARKERS[3]}{THEIRS_LABEL}\n"]
        else:
            merged += group[1]
    decorated, position = _redecorate(merged, theirs)
    owners = clause_at_lines("".join(decorated))
    placed = [position[c.line - 1] for c in conflicts]
    return "".join(decorated), [Conflict(n, owners[n - 1]) for n in placed]


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
    for group in Merge3(sentences(base), sentences(ours), sentences(theirs)).merge_groups():
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


def _decorations(generation: Generation) -> difflib.SequenceMatcher[str]:
    return difflib.SequenceMatcher(None, _lines(generation.plain), _lines(generation.markdown),
                                   autojunk=False)


def undecorate(text: str, base: Generation) -> str:
    """A text without the note decorations it carries from generation `base` (a decorated
    line that replaced a plain one gets its plain form back). DOCX is rendered from this:
    there the notes are Word comments, not markers."""
    plain = _lines(base.plain)
    restore: dict[int, list[str]] = {}
    for tag, i1, i2, j1, j2 in _decorations(base).get_opcodes():
        if tag in ("insert", "replace"):
            restore.update({j: [] for j in range(j1, j2)})
            restore[j1] = plain[i1:i2]
    ours = _lines(text)
    matcher = difflib.SequenceMatcher(None, ours, _lines(base.markdown), autojunk=False)
    swap = {i + k: restore[j + k] for i, j, size in matcher.get_matching_blocks()
            for k in range(size) if j + k in restore}
    return "".join("".join(swap[n]) if n in swap else line for n, line in enumerate(ours))


def redecorate(text: str, theirs: Generation) -> str:
    """Put generation `theirs`'s note decorations into a text without them."""
    return "".join(_redecorate(_lines(text), theirs)[0])


def _redecorate(merged: list[str], theirs: Generation) -> tuple[list[str], list[int]]:
    """Put the new generation's decorations into the merged text where they sit in the new
    generation (after the same line, or in place of the same plain line); returns the lines
    and, for each line of `merged`, its 1-based line number in the decorated text."""
    plain = _lines(theirs.plain)
    full = _lines(theirs.markdown)
    to_merged: dict[int, int] = {}
    for i, j, size in difflib.SequenceMatcher(None, plain, merged,
                                              autojunk=False).get_matching_blocks():
        to_merged.update({i + k: j + k for k in range(size)})
    inserts: dict[int, list[str]] = {}
    dropped: set[int] = set()
    for tag, i1, i2, j1, j2 in _decorations(theirs).get_opcodes():
        if tag not in ("insert", "replace"):
            continue
        replaced = [to_merged[i] for i in range(i1, i2) if i in to_merged]
        if tag == "replace" and len(replaced) == i2 - i1:
            dropped.update(replaced)
            anchor = replaced[0]
        elif i1 >= len(plain):
            anchor = len(merged)
        else:
            anchor = next((to_merged[i] + 1 for i in range(i1 - 1, -1, -1) if i in to_merged), 0)
        inserts.setdefault(anchor, []).extend(full[j1:j2])
    out: list[str] = []
    position: list[int] = []
    for n in range(len(merged) + 1):
        out += inserts.get(n, [])
        position.append(len(out) + 1)
        if n < len(merged) and n not in dropped:
            out.append(merged[n])
    return out, position
