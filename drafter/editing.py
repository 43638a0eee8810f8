"""Editing an answers file question by question: the session behind the app (which only
presents it), exporting from it, and copying a built-in example to edit.

Core code, free of Textual, so that it can be tested and scripted like the rest. Every
change, valid yet or not, goes at once into a journal beside the answers file (journal.py:
one line, no YAML), and into the file itself (`AnswersFile`, atomic, comments kept) after a
pause, before an export and on close; a killed session's journal is replayed by the next
(never over a later answer: `drafter.recovery`), so nothing an owner typed is ever lost.
The form's position lives in position.py's side file; every answer, in the answers file."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.answer_check import check, text_now
from drafter.answer_types import stored_note
from drafter.answers import Answers, carry_over, not_asked, not_carried
from drafter.answers_file import AnswersFile, answers_lock, current_text
from drafter.errors import UserError
from drafter.journal import Journal, Unjournaled, fingerprint
from drafter.lease import Lease
from drafter.none_of_these import left_empty_is_none, migrate_seen, none_note
from drafter.plain import same_answer
from drafter.project import Project
from drafter.position import Position, load_position, save_position
from drafter.presence import Presence, Watch
from drafter.questionnaire import Questionnaire
from drafter.recovery import recover
from drafter.shown import presented
from drafter.yamlio import file_stamp

READ_ONLY = "this is a built-in example, shown read-only: press F3 to edit a copy"
_UNREAD = object()  # `_catch_up` without the file's text: it reads it itself


@dataclass
class Session:
    """An answers file open for editing, with each answer's validation message."""

    project: Project
    file: AnswersFile
    label: str = ""
    read_only: bool = False  # a built-in example: shown, never written (not even the position)
    raw: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    saved_as: dict[str, str] = field(default_factory=dict)  # see `stored_note`
    valid: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _writing: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _version: int = 0
    _saved: int = 0
    _current: Answers | None = field(default=None, repr=False)  # until the next change
    _pending: dict[str, Any] = field(default_factory=dict, repr=False)  # unsaved changes
    _disk: str | None = field(default=None, repr=False)  # the file as last read or written
    _stamp: tuple[int, ...] | None = field(default=None, repr=False)  # its stat when read
    _watch: Watch | None = field(default=None, repr=False)  # on the presence list, once announced
    _journal: Journal | None = field(default=None, repr=False)  # see `keep`
    _lease: Lease | None = field(default=None, repr=False)  # held while announced or journaling
    _unjournaled: dict[str, Any] = field(default_factory=dict, repr=False)
    recovered: list[str] = field(default_factory=list)  # keys brought back from a journal
    not_applied: dict[str, Any] = field(default_factory=dict)  # journaled, file changed since
    kept_in: Path | None = None  # where `not_applied` was written
    settled_from_side_file: list[str] = field(default_factory=list)  # see `migrate_seen`
    carried: dict[str, str] = field(default_factory=dict)  # see `_carry_over`

    @classmethod
    def open(cls, project: Project, path: Path, label: str = "",
             read_only: bool = False) -> Session:
        stamp = file_stamp(path)  # before reading: a change made meanwhile is seen by `reload`
        session = cls(project, AnswersFile.open(path), label or str(path), read_only)
        session._stamp = stamp
        session._disk = session.file.saved_text  # as read, not dumped again (~10 ms a start)
        for entry in project.questionnaire:
            value = session.file.get(entry.key)
            if value is not None:
                session._record(entry.key, value)
        session._carry_over()
        if not read_only:
            session._recover()
            position = session.load_position()
            if position is not None and position.seen:  # written before `none_of_these`
                session.settled_from_side_file = migrate_seen(session, position.seen)
                session.save_position(position)  # without them: the answers file says it
        return session

    def _carry_over(self) -> None:
        """Answers to retired questions (`moved:`) are read as `drafter build` reads them: the
        new question shows the old answer where it says the same (the file is left as it is
        until the owner answers there), and `carried` holds what to tell them, by new key."""
        doc, notes = carry_over(self.file.values(), self.questionnaire)
        for note, key in notes + not_carried(self.file.get, self.questionnaire):
            self.carried[key] = note
            section, question = key.split(".", 1)
            value = (doc.get(section) or {}).get(question)
            if key not in self.raw and value is not None:
                self._record(key, value)

    def _recover(self) -> None:
        """Bring back what sessions killed before saving typed (`drafter.recovery`): typed
        against this very file, it goes into the file now (`recovered` names it for the form to
        say); if the file changed since, it is kept beside it (`not_applied`, `kept_in`)."""
        with answers_lock(self.path):  # two sessions starting at once: one brings them back
            found = recover(self.path, self.file.saved_text, self.questionnaire, self.raw.get)
            for key, value in found.apply.items():
                self._store(key, value, None, save=False)
                self.recovered.append(key)
            self.flush()
            self.not_applied, self.kept_in = found.not_applied, found.finish(self.path)

    @property
    def questionnaire(self) -> Questionnaire:
        return self.project.questionnaire

    @property
    def path(self) -> Path:
        return self.file.path

    def value(self, key: str) -> Any:
        """What the form shows: the stored answer, valid or not (the default when unset)."""
        if key in self.raw:
            return self.raw[key]
        return self.answers().suggestion(key)

    def set(self, key: str, value: Any, *, save: bool = True) -> str | None:
        """Record one answer and (unless the caller saves it with `flush`) save it at once;
        returns the problem with it, if any (see `answer`)."""
        return self.answer(key, value, save=save)[1]

    def answer(self, key: str, value: Any, *, save: bool = True) -> tuple[bool, str | None]:
        """Record one answer the owner gave and (unless the caller saves it with `flush`) save
        it at once. Returns whether there is anything new to show (False: the form already
        shows this value) and the problem with the answer, if any. An emptied text box removes
        the answer (its default applies again, as in the answers file); an emptied list is
        kept as an answer, "none of these", since it is what the owner sees ticked.

        The value is validated once: the check that tells a changed value from the one shown
        is the check whose result is recorded."""
        same, checked = self._compare(key, value)
        if same:
            return False, self.errors.get(key)
        if self.read_only:
            return True, READ_ONLY
        self._store(key, None if value == "" else value, checked, save)
        return True, self.errors.get(key)

    def suggested(self, key: str) -> bool:
        """Whether the form shows a default for `key` that the owner has not confirmed."""
        return key not in self.raw and self.answers().suggestion(key) is not None

    def confirm(self, key: str, *, save: bool = True) -> bool:
        """Make a suggested answer (the default shown) the owner's own: written to the file."""
        if self.read_only or not self.suggested(key):
            return False
        self._store(key, self.answers().suggestion(key), None, save)
        return True

    def _store(self, key: str, value: Any, checked: str | tuple[Any] | None,
               save: bool) -> None:
        self._record(key, value, checked)
        question = self.questionnaire.entry(key).question
        note = stored_note(question.type, {f.id: (f.type, f.prompt) for f in question.fields
                                           or []}, self.raw.get(key), self.valid.get(key))
        self.saved_as.pop(key, None)
        if note:  # the file holds the stored form: the form shows it from now on
            self.saved_as[key], self.raw[key] = note, self.valid[key]
        with self._lock:
            stored = self.valid.get(key, self.raw.get(key))
            self.file.set(key, stored)
            self._pending[key] = self._unjournaled[key] = stored
            self._version += 1
        if save:
            self.flush()

    def keep(self) -> None:
        """Make the changes so far outlive this process, cheaply: one line each appended to
        the session's journal (see `drafter.journal`); the answers file itself is written by
        the next `flush` (the app's when the owner pauses). A value no journal line can hold,
        or a journal that cannot be written, is saved to the answers file at once instead."""
        try:
            with self._lock:
                changes, self._unjournaled = self._unjournaled, {}
                if not changes or self.read_only:
                    return
                if self._journal is None:
                    self._journal = Journal(self.path, self._token(),
                                            fingerprint(self.file.saved_text))
                self._journal.append(changes)
        except (Unjournaled, OSError):
            self.flush()

    def _token(self) -> str:  # this session's lease (`drafter.lease`), taken on first use
        self._lease = self._lease or Lease(self.path)
        return self._lease.token

    def _rejournal(self) -> None:
        """The journal holds only what the file (as last read or written) lacks, recorded
        against it (called with `_lock` held)."""
        if self._journal is not None:
            self._journal.restart({k: v for k, v in self._pending.items()
                                   if k not in self._unjournaled},
                                  fingerprint(self.file.saved_text))

    def stored_note(self, key: str) -> str | None:
        """"Saved as …" when the answer last given for `key` was stored in another form than
        typed (a web address given `https://`, a phone extension tidied), so the form can
        show it: no change is silent. A list saved empty says it is "none of these"."""
        return (none_note(self.questionnaire.entry(key).question, self.raw.get(key))
                or self.saved_as.get(key))

    def unchanged(self, key: str, value: Any) -> bool:
        """Whether `value` is what the form already shows (see `_compare`)."""
        return self._compare(key, value)[0]

    def _compare(self, key: str, value: Any) -> tuple[bool, str | tuple[Any] | None]:
        """Whether `value` is what the form already shows (the answer, or else the default),
        and the value checked, if checking it was needed to tell. Widgets announce their first
        value, and that must not write to the file. A text box announces a number's default
        as text ("4"), so it is compared as the answers model reads it; a value the form
        cannot show as it is (a list where text is asked, a YAML tag, an option not offered)
        is announced as `presented` shows it, which leaves the file as it is until the owner
        changes it."""
        if key in self.raw and same_answer(value, presented(self.questionnaire.entry(
                key).question, self.raw[key])):
            return True, None
        shown = None if value == "" else value
        if shown in (self.raw.get(key), self.value(key)):
            return True, None
        if shown == [] and self.value(key) is None:  # a list announcing "nothing ticked yet"
            return True, None
        if shown is None:
            return False, None
        current = self.valid.get(key) if key in self.raw else self.value(key)
        converted = check(self.questionnaire, key, shown, self.path)
        return isinstance(converted, tuple) and converted[0] == current, converted

    def flush(self) -> None:
        """Write the owner's changes to the answers file, if any since the last write (safe
        from any thread: a burst of keystrokes costs one write).

        Every write is a merge with what is on disk: if another session, `drafter publish` or
        an editor changed the file since this session read it, it is read again and only this
        owner's changes are applied to it, so neither side's answers are lost. An exclusive
        lock on its folder keeps two sessions' read-merge-write from interleaving."""
        with self._writing:
            if self._version == self._saved or self.read_only:
                return
            self._merge_and_write()

    def _merge_and_write(self) -> None:
        with answers_lock(self.path):
            with self._lock:
                self._catch_up()
                version, pending = self._version, dict(self._pending)
                new = self._disk is None and not self.path.exists()
                self.file.save()  # the one way answers are written (it merges with the disk)
                if new:  # its first line points an editor at the schema: write it beside
                    from drafter.schema import offer_schema

                    offer_schema(self.path, self.questionnaire)
                self._disk, self._saved = self.file.saved_text, version
                for key, value in pending.items():
                    if self._pending.get(key, object()) is value:
                        del self._pending[key]
                        self._unjournaled.pop(key, None)
                self._rejournal()  # it keeps only what the file does not hold

    def reload(self) -> dict[str, Any]:
        """Take in what changed on disk since this session last read or wrote the file
        (`drafter publish`, an editor, another session), keeping this owner's unsaved changes
        on top. Returns each answer that changed, with the value the form showed before.

        Cheap enough to poll: one `stat` while nothing changed; the file is read again only
        when its time, size or inode moved, and parsed only when its text differs from what
        this session last read or wrote (its own save moves the time too)."""
        stamp = file_stamp(self.path)
        if stamp == self._stamp:
            return {}
        with self._lock:
            now = text_now(self.path)
            if self._disk is not None and now == self._disk:
                self._stamp = stamp
                return {}
            before = {entry.key: self.value(entry.key) for entry in self.questionnaire}
            self._catch_up(now)
            self._stamp = stamp
            return {key: shown for key, shown in before.items()
                    if not same_answer(shown, self.value(key))}

    def _catch_up(self, now: str | None | object = _UNREAD) -> None:
        """Take in what changed on disk since this session last read or wrote the file,
        keeping this owner's unsaved changes on top (called with `_lock` held). `now` is the
        file's text if the caller has just read it (a poll), so it is not read twice."""
        if self._disk is not None and not self.path.exists():
            return  # removed or being replaced: ours is the best copy there is
        try:  # compared as text first: parsed only when changed (each keystroke saves)
            if (current_text(self.path) if now is _UNREAD else now) == self._disk:
                return
            on_disk = AnswersFile.open(self.path)
        except UserError:
            return  # unreadable now (mid-edit in an editor?): ours is the best copy there is
        text = on_disk.text() if self.path.exists() else None
        if text == self._disk:
            return
        for key, value in self._pending.items():
            on_disk.set(key, value)
        self.file, self._disk = on_disk, text
        self._rejournal()  # what is journaled now applies to this text
        for entry in self.questionnaire:
            if entry.key not in self._pending:
                value = on_disk.get(entry.key)
                if not same_answer(value, self.raw.get(entry.key)):
                    self._record(entry.key, value)
        self._carry_over()

    def _record(self, key: str, value: Any, checked: str | tuple[Any] | None = None) -> None:
        """Record an answer with its validation (`checked`: its result, if already known)."""
        self._current = None
        self.raw.pop(key, None)
        self.valid.pop(key, None)
        self.errors.pop(key, None)
        if value is None:
            return
        self.raw[key] = value
        message = checked if checked is not None else check(self.questionnaire, key, value,
                                                            self.path)
        if isinstance(message, str):
            self.errors[key] = message
        else:
            self.valid[key] = message[0]

    def announce(self) -> list[Presence]:
        """Mark the file as open in this session (see `drafter.presence`); returns the other
        live sessions that have it open. A read-only example is not marked."""
        if self.read_only or self._watch is not None:
            return []
        try:
            watch = Watch(self.path)
            found = watch.announce(self._token())
        except OSError:  # a folder we cannot write: the answers cannot be saved there either
            return []
        self._watch = watch
        return found

    def newcomers(self) -> list[Presence]:
        """Sessions that opened the file since this one last looked (one `stat` if none)."""
        return self._watch.newcomers() if self._watch is not None else []

    def close(self) -> None:
        """Save what is unsaved (the journal goes once the file has it all), take this
        session off the file's presence list and let go of its lease."""
        self.flush()
        if self._journal is not None:
            self._journal.close()  # removed already, unless the save failed: then replayed
        if self._watch is not None:
            self._watch.withdraw()
            self._watch = None
        if self._lease is not None:
            self._lease.release()
            self._lease = None

    def unknown(self) -> list[str]:
        """Keys in the file that this questionnaire does not ask (kept as they are)."""
        return not_asked(self.file.values(), self.questionnaire)

    def visible(self) -> list[str]:
        return self.answers().shown()

    def answers(self) -> Answers:
        """The valid answers as the form reads them: a suggestion stands in for its answer
        (it is shown, and the questions it brings in are asked), though it counts as left to
        confirm (`suggested`, `standing`) and a build takes none. Kept until the next change:
        a keystroke asks for what is shown, what is missing and each section's progress, and
        one walk of the questionnaire answers all three."""
        if self._current is None:  # the form shows suggestions, and what they would ask
            self._current = Answers(self.questionnaire, dict(self.valid), self.path,
                                    suggestions=True)
        return self._current

    def missing(self) -> set[str]:
        return set(self.answers().missing())

    def none_of_these(self, key: str, *, save: bool = True) -> bool:
        """The owner moved on from the list `key` with nothing ticked: save "none of these"
        (`[]`, see `drafter.none_of_these`), unless it has an answer or may not be left empty."""
        question = self.questionnaire.entry(key).question
        if self.read_only or key in self.raw or not left_empty_is_none(question):
            return False
        self._store(key, [], None, save)
        return True

    def save_position(self, position: Position) -> None:
        if not self.read_only:  # an example is shown, never written (not even the position)
            save_position(self.path, Position(position.section, position.question))

    def load_position(self) -> Position | None:
        return load_position(self.path)

