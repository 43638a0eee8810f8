"""The list of sections with progress: answered / shown, and a mark where something is left.

Marks: `✓` every question answered; `!` (warning colour) a required answer missing or not
valid; `!` (error colour) a blocking reviewer note that an answer in the section resolves; `?`
(accent colour) an "I'm not sure" answer that is now a question for counsel: nothing for the
owner to fix, so never red; `*` (accent colour) a question the clause library's update asks
again (the Updates view lists them). A section an answer has just added (a kind of business
ticked: its module's questions) is marked "new" until it is opened; the screen names it in a
notice (`added_notice`).
"""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.app.widgets.lists import JumpOptionList
from drafter.counting import count_of
from drafter.editing import Session
from drafter.standing import section_progress


class SectionList(JumpOptionList, OptionList):
    """Sections the owner is asked about; choosing one opens it."""

    class Added(Message):
        """Sections listed that were not before (an answer added them), in order."""

        def __init__(self, sections: list[str]) -> None:
            super().__init__()
            self.sections = sections

    class Chosen(Message):
        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.shown: list[tuple[str, str | None]] = []
        self.blocked: set[str] = set()  # sections answering a blocking note (the screen sets it)
        self.asked: set[str] = set()  # sections with a question for counsel (likewise)
        self.updated: set[str] = set()  # sections a library update asks again (Updates view)
        self._last: tuple[Session, str] | None = None  # drawn again at a new width
        self._width = 0  # the width the rows were wrapped for
        self.listed: list[str] | None = None  # the sections listed last (None: not yet)
        self.fresh: set[str] = set()  # added by an answer, not opened since: marked "new"

    def refresh_progress(self, session: Session, current: str) -> None:
        """Rebuild the rows (cheap: a dozen lines) keeping the highlight on `current`. Sections
        listed now that were not before (none the first time: the file as opened) are marked
        new, and posted (`Added`) for the screen to name."""
        rows: list[tuple[str, str, str]] = []  # (mark, words, section id), as markup
        progress = section_progress(session)
        ids = [s.id for s in session.questionnaire.sections if s.id in progress]
        added = [] if self.listed is None else [i for i in ids if i not in self.listed]
        self.listed = ids
        self.fresh = (self.fresh | set(added)) & set(ids) - {current}
        for section in session.questionnaire.sections:
            if section.id not in progress:
                continue
            answered, shown, problems = progress[section.id]
            mark = ("[$text-error]![/]" if section.id in self.blocked
                    else "[$text-warning]![/]" if problems
                    else "[$text-accent]*[/]" if section.id in self.updated
                    else "[$text-accent]?[/]" if section.id in self.asked
                    else "[$text-success]✓[/]" if answered == shown else " ")
            new = " [b $text-accent]new[/]" if section.id in self.fresh else ""
            rows.append((mark, f"{section.title} [dim]{answered}/{shown}[/]{new}", section.id))
        self._last = (session, current)
        # the owner moving through the list (arrows, letters) keeps their place when a draft
        # finishing redraws the counts: it came back to the open section under their keys
        moving = self.has_focus and self.highlighted is not None
        kept = self.options[self.highlighted].id if moving else None  # type: ignore[index]
        shown = [(f"{mark} {words}", key) for mark, words, key in rows]
        width = self.content_region.width
        if (shown, width) != (self.shown, self._width):
            self.shown, self._width = shown, width
            with self.prevent(OptionList.OptionHighlighted):
                self.set_options([Option(self._hang(mark, words), id=key)
                                  for mark, words, key in rows])
        self.highlight(kept or current)
        if added:
            self.post_message(self.Added(added))

    def highlight(self, current: str) -> None:
        """The highlight on the section `current`, the rows as they are."""
        ids = [option.id for option in self.options]
        index = ids.index(current) if current in ids else None
        if self.highlighted != index:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = index

    def _hang(self, mark: str, words: str) -> Content:
        """The mark, then the words wrapped under their own start, not under the mark ("with
        0/12" began at the list's left edge, where a mark goes)."""
        # as if the scrollbar were shown: it comes with the rows wrapped, and no resize says so
        width = self.content_region.width - self.styles.scrollbar_size_vertical - 2
        lines = Content.from_markup(words).wrap(width) if width > 8 else [
            Content.from_markup(words)]
        return Content.from_markup(f"{mark} ") + Content("\n  ").join(lines)

    def on_resize(self) -> None:
        """Stacked above the form on a phone the list is a few rows high: keep the current
        section in them. The rows are wrapped again for the new width."""
        if self._last is not None:
            self.refresh_progress(*self._last)
        self.call_after_refresh(self.scroll_to_highlight)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))


def added_notice(session: Session, added: list[str], current: str, listed: list[str]) -> str:
    """What the owner is told of the sections `added` to the list (`listed`, in order) while
    `current` is open: each by name, with its questions and its place, and the keys that go
    there."""
    titles = {s.id: s.title for s in session.questionnaire.sections}
    progress = section_progress(session)
    said = []
    for section in added:
        at = listed.index(section)
        place = f", after \u201c{titles[listed[at - 1]]}\u201d" if at else ", first"
        said.append(f"\u201c{titles[section]}\u201d "
                    f"({count_of(progress[section][1], 'question')}{place})")
    here = listed.index(current) if current in listed else 0
    steps = min((listed.index(s) - here for s in added), key=abs)
    key = "Ctrl+Down" if steps > 0 else "Ctrl+Up"
    one = len(added) == 1
    how = (f"{key} opens it" if one and abs(steps) == 1
           else f"{key} goes through the sections to {'it' if one else 'them'}")
    return (f"{' and '.join(said)} {'is' if one else 'are'} in the list of sections now, "
            f"marked new. {how}, or choose {'it' if one else 'one'} there.")
