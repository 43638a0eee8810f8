"""A screen styled once as it is shown (issue 13: every app test starts one, ~300 of them).

Textual styles each widget as it is mounted, then restyled every widget on a screen twice
more before its first frame: once as the screen resumed (it had just been styled), and once
as the first resize gave the screen its width class (`HORIZONTAL_BREAKPOINTS`), each pass as
long as the first. `StyledOnce` gives the screen that class before anything on it is styled,
so that the first resize changes none, and lets the first resume restyle nothing.

Textual's private parts it leans on (checked by `tests/app/test_textual_hooks.py`): the
classes are those `Screen._get_breakpoint_classes` gives (the largest breakpoint reached);
`Screen._on_screen_resume` restyles only if `event.refresh_styles`, and runs after a
subclass's `on_screen_resume` (handlers are called down the class's MRO).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen


class StyledOnce(Screen[None]):
    """A screen whose start-up styles each widget once, as it is mounted."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resumed = False  # shown once: a resume restyles the screen (`on_screen_resume`)
        self._size_classes()

    def _size_classes(self) -> None:
        """The screen's classes for the app's size, as Textual sets them on each resize (the
        largest breakpoint reached, of the screen's own or else the app's), set before the
        screen is styled."""
        try:
            width, height = self.app.size
        except RuntimeError:  # Textual's `NoActiveAppError`: no running app to size it by
            return  # Textual sets them on the first resize
        classes: dict[str, bool] = {}
        for at, mine, apps in ((width, self.HORIZONTAL_BREAKPOINTS, self.app.HORIZONTAL_BREAKPOINTS),
                               (height, self.VERTICAL_BREAKPOINTS, self.app.VERTICAL_BREAKPOINTS)):
            breakpoints = (apps if mine is None else mine) or []
            classes.update({name: False for _, name in breakpoints})
            reached = [name for least, name in sorted(breakpoints, reverse=True) if at >= least]
            classes.update({name: True for name in reached[:1]})
        self.update_classes(classes, update=False)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first resume (the screen just shown) restyles nothing: every widget on it was
        styled as it was mounted, and what changed since (the focus, a class) restyled what
        it touched. Textual's own handler (the screen's base, called after this one) restyled
        the whole screen again. A later resume (a dialog over it closed, the theme changed
        meanwhile) restyles it as Textual does."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
