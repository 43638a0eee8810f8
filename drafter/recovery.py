"""Bringing back what a killed session typed, without ever changing a later answer.

A session killed before it saved (kill -9, a closed terminal) leaves its journal
(`drafter.journal`). The next session to open the answers file replays it, but only onto the
file it was written against: the journal records the file's fingerprint. If the file has
changed since (the owner edited it, another session saved it), the file's answers stay; each
journaled value the file does not already hold is written to a file beside it,
`NAME.recovered.yaml`, and the owner is told which ones and where, so nothing typed is lost
and nothing is changed by surprise. A journal whose values are all in the file is removed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.journal import base, fingerprint, leftovers, read
from drafter.plain import same_answer
from drafter.values import describe
from drafter.yamlio import atomic_write, dump_yaml

if TYPE_CHECKING:  # the session imports this module
    from drafter.editing import Session

KEPT_NOTE = ("Answers typed in a Drafter session that stopped before saving them (killed or\n"
             "closed). They were NOT put into {name}, which was changed after they were\n"
             "typed. Copy any you want into {name}; delete this file when done.")


@dataclass
class Recovery:
    """What the leftover journals of an answers file hold: values to apply to it (`apply`),
    values not applied because the file changed after they were typed (`not_applied`), and
    the journals read (`journals`), removed by `finish`."""

    apply: dict[str, Any] = field(default_factory=dict)
    not_applied: dict[str, Any] = field(default_factory=dict)
    journals: list[Path] = field(default_factory=list)

    def finish(self, answers_path: Path) -> Path | None:
        """Once `apply` is in the answers file: keep `not_applied` in a file beside it
        (returned), then remove the journals (kept if that file cannot be written)."""
        try:
            kept = keep_aside(answers_path, self.not_applied) if self.not_applied else None
        except OSError:
            return None
        for journal in self.journals:
            journal.unlink(missing_ok=True)
        return kept


def recover(answers_path: Path, text: str | None, keys: Collection[str],
            current: Callable[[str], Any]) -> Recovery:
    """Sort the leftover journals' values (oldest journal first) for a file whose text is
    now `text`, whose answers are `current(key)`; keys not in `keys` are not ours (ignored).
    A journal written against this very text is applied, unless an earlier journal applied
    another value to the same answer; anything else the file does not hold is not applied."""
    found = Recovery(journals=leftovers(answers_path))
    now = fingerprint(text)
    for journal in found.journals:
        same_file = base(journal) == now
        for key, value in read(journal).items():
            if key not in keys:
                continue
            if key in found.apply:
                if not same_answer(value, found.apply[key]):
                    found.not_applied[key] = value
            elif same_file and not same_answer(value, current(key)):
                found.apply[key] = value
            elif not same_file and not same_answer(value, current(key)):
                found.not_applied[key] = value
    return found


def keep_aside(answers_path: Path, values: dict[str, Any]) -> Path:
    """Write `values` (by key) to a new `NAME.recovered.yaml` beside the answers file (a
    number added if that is taken), shaped like an answers file; returns its path."""
    from ruamel.yaml.comments import CommentedMap

    doc = CommentedMap()
    for key, value in values.items():
        section, question = key.split(".", 1)
        doc.setdefault(section, CommentedMap())[question] = value
    doc.yaml_set_start_comment(KEPT_NOTE.format(name=answers_path.name))
    stem, number = answers_path.name.removesuffix(".yaml"), 1
    while (target := answers_path.with_name(
            f"{stem}.recovered{'' if number == 1 else f'-{number}'}.yaml")).exists():
        number += 1
    atomic_write(target, dump_yaml(doc))
    return target


def describe_not_applied(session: Session) -> str:
    """One plain message for the owner: which recovered values were not applied (the
    session's `not_applied`), and where they are kept."""
    names = "; ".join(f"{session.questionnaire.entry(key).question.prompt} {describe(value)}"
                      for key, value in session.not_applied.items())
    where = (f" They are kept in {session.kept_in}." if session.kept_in is not None else
             " They could not be written beside it: the journal that holds them is kept.")
    return ("Typed before Drafter last stopped without saving, but not applied because the "
            f"answers file changed after they were typed (its answers stay): {names}.{where}")
