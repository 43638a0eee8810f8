"""Changes made elsewhere to the answers file being edited: another session (`drafter serve`
in another tab), `drafter publish` or an editor. The editor screen polls the file once a
second (`check_disk`) and shows what changed at once, in the section shown too, with a one-line
notice; text the owner is typing in a field stays as typed.

`Elsewhere` is a base of the editor screen (like `SidePane`, whose subclass it is); it works
through the editor's own state and drawing.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.css.query import NoMatches

from drafter.app.screens.side import SidePane
from drafter.app.widgets.fields import QuestionField, field_id
from drafter.app.widgets.pages import Form

if TYPE_CHECKING:  # the review stage loads after the first screen is up
    from drafter.presence import Presence

POLL_EVERY = 1.0
"""Seconds between looks at the answers file for changes made elsewhere (one `stat` each)."""
NOTICE_SHOWN = 10.0
"""Seconds a notice of changes made elsewhere stays up (the same notice is not repeated
meanwhile)."""


class Elsewhere(SidePane):
    """Take in the answers file's changes made by others, and say who else has it open."""

    if TYPE_CHECKING:  # provided by the editor screen
        section_id: str
        _stale: set[str]
        _last_update: tuple[str, float]

        async def redraw_field(self, field: QuestionField) -> QuestionField: ...
        def _apply_visibility(self) -> None: ...
        def _refresh_sidebar(self) -> None: ...

    def _tell_others(self, found: list[Presence], what: str) -> None:
        for other in found:
            self.notify(f"This answers file {what} ({other.describe()}). Changes made there "
                        "appear here.", title="Open elsewhere", severity="warning", timeout=20)

    async def check_disk(self) -> None:
        """Poll: take in changes made to the answers file by another session, `drafter
        publish` or an editor, and show them at once, in the section shown too; say in one
        line what changed. Text the owner is typing in a field stays as typed."""
        self._tell_others(self.session.newcomers(), "was opened in another window")
        before = self.session.reload()
        if not before:
            return
        form = self.query_one(Form)
        for key, shown in before.items():
            if not key.startswith(f"{self.section_id}."):
                self._stale.add(key.split(".", 1)[0])  # drawn again when next shown
                continue
            try:
                field = form.query_one(f"#{field_id(key)}", QuestionField)
            except NoMatches:  # the section is being drawn again: it reads the session
                continue
            if field.has_focus_within and field.typing(shown):
                continue  # the owner's next keystroke saves their text over it
            await self.redraw_field(field)
        self._apply_visibility()
        self.offer_options()
        self._refresh_sidebar()
        self.redraw_preview()
        names = ", ".join(self.session.questionnaire.entry(k).question.id.replace("_", " ")
                          for k in before)
        notice, now = f"Updated from disk: {names}", time.monotonic()
        if notice != self._last_update[0] or now - self._last_update[1] > NOTICE_SHOWN:
            self.notify(notice, title="Answers file changed", timeout=NOTICE_SHOWN)
        self._last_update = (notice, now)  # someone typing elsewhere: one notice, not one a key
