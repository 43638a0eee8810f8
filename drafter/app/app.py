"""The Drafter app: opens an answers file on the welcome or editor screen.

Everything it does goes through the core (`Project`, `Answers`, `AnswersFile`, `build`) via
the session, so the app and `drafter build` always agree.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from drafter import collector
from drafter.app.screens.editor import EditorScreen
from drafter.app.screens.help import keys_of
from drafter.app.screens.suggestions import offer_suggestions
from drafter.app.screens.updates import offer_updates
from drafter.app.screens.welcome import WelcomeScreen
from drafter.app.stylesheet import SharedStylesheet
from drafter.app.widgets.buttons import FormButton
from drafter.app.widgets.lists import TypeToJump
from drafter.app.widgets.picklist import pick_list
from drafter.app.widgets.removal import running_inside
from drafter.editing import Session
from drafter.evidence.model import Evidence
from drafter.project import Project


class DrafterApp(App[None]):
    """Answer the questionnaire, watch the policy take shape, export it."""

    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-phone"), (60, "-wide-enough")]
    """Under 60 columns (a phone's browser: ~45 at 375 px) every screen gets `-phone`, and the
    stylesheet stacks the sections above the form instead of beside it."""
    TITLE = "Drafter"
    BINDINGS = [Binding("f9", "toggle_dark", "Light/dark")]

    def __init__(self, project: Project, path: Path, *, label: str = "",
                 out_dir: Path | None = None, read_only: bool = False,
                 evidence: Evidence | None = None) -> None:
        super().__init__()
        self.stylesheet = SharedStylesheet(variables=self.get_css_variables())  # see stylesheet.py
        self.evidence = evidence  # a scan's: its suggested answers are offered one by one
        self.session = Session.open(project, path, label, read_only)
        self.out_dir = out_dir or Path("output")
        self.theme = "textual-dark"
        self.gc_paused = not gc.isenabled()  # `drafter edit` pauses it for start-up
        # Served, Textual's web driver tells the app on start that the page has no focus,
        # whatever it has; our page puts the keyboard in the terminal as it loads, and its
        # "focus" came before the app could hear it. That first blur is not taken: the focus
        # outline and the cursor show from the start, not from the first key (issue 15).
        self.heard_from_page = False

    def on_ready(self) -> None:
        """The first screen is up: let the garbage collector run again, leaving the objects
        built so far (modules, styles, questionnaire) out of every later collection."""
        if self.gc_paused:
            collector.freeze()
            gc.enable()

    def on_mount(self) -> None:
        if self.session.path.exists():
            self.push_screen(EditorScreen(self.session, self.out_dir))
            offer_updates(self, self.session, self.out_dir)  # after a library update
            if self.evidence is not None:
                offer_suggestions(self, self.session, self.evidence)
        else:
            self.push_screen(WelcomeScreen(self.session))

    async def on_event(self, event: events.Event) -> None:
        """A key typed on a button among the questions, or a letter on a list, is taken here,
        in the app's own loop, before the next key is handed out, as Enter and Tab are (see
        `FormButton` and `TypeToJump.take_key`).

        A key puts the focus back first, where the app's loss of focus took it from (as
        Textual's own handler would, after this one): in the browser the page reports a blur
        after a burst of keys, and the key after it, seeing no focused list, went the long
        way through the list's own queue, behind the keys typed after it ("oh" as "h", "o")."""
        if isinstance(event, (events.AppFocus, events.AppBlur, events.Key, events.MouseDown)):
            first, self.heard_from_page = not self.heard_from_page, True
            if first and isinstance(event, events.AppBlur) and self.is_web:
                return  # Textual's web driver's, on start: see `heard_from_page`
        if isinstance(event, events.Key) and not event.is_forwarded:
            if not self.app_focus:
                self.app_focus = True  # restores the focus (`App._watch_app_focus`)
            focused = self.focused
            if isinstance(focused, FormButton) and await focused.take_key(event):
                return
            if isinstance(focused, TypeToJump) and focused.take_key(event):
                return
            picking = pick_list(focused)
            if picking is not None and picking.take_key(event):
                return
        await super().on_event(event)

    async def open_editor(self, session: Session) -> None:
        """Edit `session`: from the app's key loop, its first question has the focus before
        the next key is handed out (keys behind F3 or Start go there). The switch is awaited
        only from outside the screen it replaces: a handler inside it (a click) would wait
        for its own removal (`removal.py`)."""
        leaving = self.screen
        self.session = session
        switching = self.switch_screen(EditorScreen(session, self.out_dir))
        if not running_inside(leaving):
            await switching

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every binding of the app and the current screen, and a jump to each section."""
        yield from super().get_system_commands(screen)
        for owner in (self, screen):
            ours = [b for cls in reversed(type(owner).__mro__)
                    if cls.__module__.startswith("drafter.") for b in vars(cls).get("BINDINGS", [])]
            for binding in ours:
                if (isinstance(binding, Binding) and binding.description
                        and owner.check_action(binding.action, ()) is not False):
                    keys = ", ".join(keys_of(binding))  # as F1 lists them
                    yield SystemCommand(binding.description, f"Keys: {keys}",
                                        partial(owner.run_action, binding.action))
        if isinstance(screen, EditorScreen) and self.evidence is not None:
            yield SystemCommand("Suggestions from the scan", "The answers the evidence file "
                                "suggests, to accept or decline",
                                partial(offer_suggestions, self, self.session, self.evidence))
        if isinstance(screen, EditorScreen):
            titles = {s.id: s.title for s in self.session.questionnaire.sections}
            for section_id in screen.visible_sections():
                yield SystemCommand(f"Go to: {titles[section_id]}", "Open this section",
                                    partial(screen.show_section, section_id))

