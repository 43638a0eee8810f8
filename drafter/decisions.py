"""Counsel's decisions on reviewer notes: a resolved note stays closed until what it is about
changes.

Notes are made afresh by every build, so resolving one has to be written down somewhere the
next build reads: the decisions file beside the answers (`answers.yaml` →
`answers.decisions.yaml`). Counsel resolves a note in one of two ways:

- in Word, by marking Drafter's comment on it resolved (and, if they like, replying to say
  why) and then `drafter absorb` the file (`decisions_word`);
- on the command line, `drafter resolve R3 answers.yaml --by "Jane Counsel" --why "…"`, with
  the note's number from `review.md`.

Each decision records the note (its `key`: the check, requirement, clause or section and the
question behind it, which stay the same from build to build while the numbers R1, R2, … need
not), who, when, why, how, and a fingerprint (`about`) of what the note is about: the text of
the clause or section it is on, the note's own words and law, and the answer it rests on.

Every build compares: a note whose decision still fits is left out of the Word comments and
the draft's markers and listed in `review.md` under "Resolved by counsel" (who, when, why); a
note whose clause, words or answer changed comes back, marked "Reopened: the clause changed
…"; a decision whose note no longer appears is listed, never deleted. The file is only ever
appended to (the latest decision on a note wins), so the record shows every decision made;
`drafter resolve --undo R3` takes a resolution back by appending an `action: undo` entry
(who, when, why), and the note is open again from the next build.

Blocking notes may be resolved too. Whether a missing disclosure is really required, or a risky
sentence acceptable, is a legal judgment, which is counsel's to make; Drafter's part is that
the record shows it: `review.md` lists blocking notes counsel resolved under their own heading,
with the reason, or "no reason given" when a Word comment was resolved without a reply.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any


from drafter.document.model import Note, Policy
from drafter.errors import UserError
from drafter.manifest import NoteRecord
from drafter.templating import escape_markdown, long_date
# The file's pydantic models live in decisions_file.py: a build with no decisions file never
# builds a model (pydantic's plugin loader reads every installed package's metadata).
if TYPE_CHECKING:
    from drafter.decisions_file import Decision, Via

SUFFIX = ".decisions.yaml"
REASONS = {"clause": "the clause", "note": "the note's words", "answers": "the answer it rests on"}
VIA_WORDS = {"word": "in Word", "command": "with drafter resolve"}


def decisions_path(answers_path: Path) -> Path:
    """The decisions file beside an answers file: `answers.yaml` → `answers.decisions.yaml`."""
    return answers_path.with_name(f"{answers_path.stem}{SUFFIX}")


def load_decisions(path: Path) -> list[Decision]:
    """The decisions in a file, oldest first (none when there is no file); a malformed file is
    a one-line error naming its line and field."""
    if not path.exists():
        return []
    from drafter.decisions_file import read_decisions

    return read_decisions(path)


def add_decisions(path: Path, new: Sequence[Decision]) -> None:
    """Append decisions to the file, keeping everything in it (comments too)."""
    if new:
        from drafter.decisions_file import append_decisions

        append_decisions(path, new)


def note_key(note: Note) -> str:
    """What identifies a note from build to build: `check[:requirement][@anchor][?question]`."""
    key = note.check + (f":{note.requirement}" if note.requirement else "")
    key += f"@{note.anchor}" if note.anchor else ""
    return key + (f"?{note.resolves_by}" if note.resolves_by else "")


def _hash(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def about(note: Note, policy: Policy, answers: dict[str, Any]) -> dict[str, str]:
    """Fingerprints of what a note is about: the text of its clause (or of every clause in its
    section), the note's words and law, and the answer it rests on."""
    found = {"note": _hash([note.severity, note.message, note.cite, note.requirement,
                            note.covers, note.excerpt])}
    if note.anchor:
        texts = [c.markdown for s in policy.sections for c in s.clauses
                 if note.anchor in (c.id, s.id)]
        found["clause"] = _hash(texts)
    if note.resolves_by:
        found["answers"] = _hash({note.resolves_by: answers.get(note.resolves_by)})
    return found


@dataclass(frozen=True)
class Keyed:
    """A note of this build with its key and fingerprint (the manifest keeps them, so a Word
    comment's number can be traced back to its note)."""

    note: Note
    key: str
    about: dict[str, str]


def keyed(notes: Sequence[Note], policy: Policy, answers: dict[str, Any]) -> list[Keyed]:
    """Every note with its key (a second note with the same key gets `#2`, and so on)."""
    seen: dict[str, int] = {}
    out: list[Keyed] = []
    for note in notes:
        key = note_key(note)
        seen[key] = seen.get(key, 0) + 1
        out.append(Keyed(note, key if seen[key] == 1 else f"{key}#{seen[key]}",
                         about(note, policy, answers)))
    return out


@dataclass(frozen=True)
class Decided:
    note: Note
    decision: Decision


@dataclass(frozen=True)
class Ruling:
    """The notes of a build after counsel's decisions."""

    open: tuple[Note, ...]  # what review.md, Word and the draft show (reopened ones marked)
    resolved: tuple[Decided, ...] = ()
    reopened: tuple[Decided, ...] = ()  # the notes as marked
    orphans: tuple[Decision, ...] = ()  # decisions whose note no longer appears
    notes: tuple[Keyed, ...] = ()  # every note of the build, keyed
    file: Path | None = None


def rule(notes: Sequence[Note], policy: Policy, answers: dict[str, Any],
         decisions: Sequence[Decision], file: Path | None = None) -> Ruling:
    """Which notes stay closed, which come back and which decisions lost their note."""
    latest: dict[str, Decision] = {}
    for decision in decisions:
        latest.pop(decision.note, None)
        latest[decision.note] = decision  # the latest wins, and is listed where it was made
    open_notes: list[Note] = []
    resolved: list[Decided] = []
    reopened: list[Decided] = []
    all_keyed = keyed(notes, policy, answers)
    for item in all_keyed:
        decision = latest.pop(item.key, None)
        if decision is None or decision.undoes:  # never resolved, or the resolution undone
            open_notes.append(item.note)
        elif decision.about == item.about:
            resolved.append(Decided(item.note, decision))
        else:
            why = [words for part, words in REASONS.items()
                   if decision.about.get(part) != item.about.get(part)]
            what = " and ".join([", ".join(why[:-1]), why[-1]] if len(why) > 1 else why)
            marked = replace(item.note, message=f"Reopened: {what} changed since this "
                             f"note was resolved on {long_date(decision.when.date())}. "
                             f"{item.note.message}")
            open_notes.append(marked)
            reopened.append(Decided(marked, decision))
    return Ruling(tuple(open_notes), tuple(resolved), tuple(reopened),
                  tuple(d for d in latest.values() if not d.undoes), tuple(all_keyed), file)


def rule_file(notes: Sequence[Note], policy: Policy, answers: dict[str, Any],
              answers_path: Path | None) -> Ruling:
    """`rule` with the decisions file beside the answers (none for answers not from a file)."""
    if answers_path is None:
        return rule(notes, policy, answers, ())
    path = decisions_path(answers_path)
    return rule(notes, policy, answers, load_decisions(path), path)


# ---- review.md ------------------------------------------------------------------------------

RESOLVED_HEADING = "Resolved by counsel"
RESOLVED_INTRO = ("Counsel resolved these notes. Each stays closed until what it is about "
                  "changes (the clause, the note or the answer it rests on); then it comes "
                  "back above, marked “Reopened”. To resolve a note, resolve its comment in "
                  "Word (a reply says why) and `drafter absorb` the file, or run "
                  "`drafter resolve R1 ANSWERS --by NAME --why REASON`.")
BLOCKING_HEADING = "Blocking notes counsel resolved"
ORPHANS_HEADING = "Decisions whose note no longer appears"
ORPHANS_INTRO = ("The review no longer raises these notes (the answers or the library "
                 "changed). The decisions stay on record in {file}.")


def _decision_line(decision: Decision) -> str:
    why = escape_markdown(" ".join(decision.why.split())) or "no reason given"
    return (f"Decision: resolved by {escape_markdown(decision.who)} on "
            f"{long_date(decision.when.date())} ({VIA_WORDS[decision.via]}). Why: {why}")


def resolved_markdown(ruling: Ruling, item: Callable[[Note], str]) -> list[str]:
    """The sections `review.md` gives counsel's decisions (`item` writes a note as a list
    item: `review.report.note_item`)."""
    lines: list[str] = []
    blocking = [d for d in ruling.resolved if d.note.blocking]
    others = [d for d in ruling.resolved if not d.note.blocking]
    intro = [RESOLVED_INTRO, ""]
    for heading, group in ((BLOCKING_HEADING, blocking), (RESOLVED_HEADING, others)):
        if group:
            lines += [f"## {heading}", "", *intro]
            intro = []
            lines += [f"{item(d.note)}  \n  {_decision_line(d.decision)}" for d in group]
            lines.append("")
    if ruling.orphans:
        name = f"`{ruling.file.name}`" if ruling.file else "the decisions file"
        lines += [f"## {ORPHANS_HEADING}", "", ORPHANS_INTRO.format(file=name), ""]
        lines += [f"- `{d.note}`" + (f" (was {d.number}, {d.severity})" if d.number else
                                     f" ({d.severity})")
                  + f": {' '.join(d.message.split())}  \n  "
                  + _decision_line(d) for d in ruling.orphans]
        lines.append("")
    return lines


# ---- recording a decision -------------------------------------------------------------------

def now() -> datetime:
    """When a decision is made: this second, UTC (the start of `DRAFTER_TODAY` when pinned)."""
    import os

    from drafter import clock

    if os.environ.get(clock.VARIABLE, "").strip():
        return datetime.combine(clock.today(), time(), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def find(ruling: Ruling, name: str) -> Keyed:
    """A note of the build by its number (`R3`) or its key."""
    for item in ruling.notes:
        if name in (item.note.id, item.key):
            return item
    known = ", ".join(k.note.id for k in ruling.notes) or "none"
    raise UserError(f"no note {name!r} in this draft's review (its notes: {known})",
                    field="NOTE")


def decide(item: Keyed | NoteRecord, who: str, why: str, when: datetime, via: Via,
           undo: bool = False) -> Decision:
    """A decision resolving this note as it is now (a note of this draft, or as the manifest
    of the build counsel's Word file came from records it); `undo`: taking its resolution
    back."""
    note = item.note if isinstance(item, Keyed) else item
    number = item.note.id if isinstance(item, Keyed) else item.id
    from drafter.decisions_file import Decision

    return Decision(note=item.key, number=number, severity=note.severity,  # type: ignore[arg-type]
                    message=note.message, who=who, when=when, why=why, via=via,
                    about=item.about, action="undo" if undo else None)


def standing(ruling: Ruling, key: str) -> Decision | None:
    """The decision that keeps a note closed now, if one does."""
    return next((d.decision for d in ruling.resolved
                 if d.decision.note == key), None)
