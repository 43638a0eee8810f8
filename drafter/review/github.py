"""`drafter review --format github`: GitHub Actions workflow commands, one per note, so each
note shows on the pull request beside its line:

    ::error file=docs/privacy.md,line=12,endLine=12,title=outdated.privacy-shield (R1)::Presents…

`blocking` (and a question for counsel) is `error`, `warning` `warning`, `advice` `notice`.
Values are escaped as the Actions toolkit does (`escapeData`, `escapeProperty` in
@actions/core): `%`, CR and LF in the message; those and `:` and `,` in a property.
A file that could not be read is an `error` on that file. The last line is the headline.
"""

from __future__ import annotations

from drafter.review.baseline import file_key
from drafter.review.batch import Run
from drafter.review.ignore import rule_key
from drafter.document.model import Note
from drafter.review.report import headline

COMMANDS = {"blocking": "error", "warning": "warning", "advice": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{kind} {props}::{escape_data(message)}"


def _annotation(note: Note, name: str) -> str:
    where: dict[str, str | int] = {"file": file_key(name)}
    if note.lines:
        where |= {"line": note.lines[0], "endLine": note.lines[1]}
    message = note.message.strip() + (f"\n({note.cite})" if note.cite else "")
    if note.excerpt:
        message += f"\n> {note.excerpt}"
    kind = "error" if note.for_counsel else COMMANDS[note.severity]
    return command(kind, message, **where, title=f"{rule_key(note)} ({note.id})")


def annotations(run: Run) -> str:
    lines: list[str] = []
    for file in run.files:
        if file.error is not None:
            lines.append(command("error", file.error, file=file_key(file.name),
                                 title="drafter could not read this file"))
        lines += [_annotation(note, file.name) for note in file.notes]
    everything = [n for f in run.reviewed for n in f.notes]
    lines.append(f"drafter: {len(run.reviewed)} file(s): {headline(everything)}")
    return "\n".join(lines) + "\n"
