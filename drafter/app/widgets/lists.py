"""The lists an owner picks from, with the keys they expect: typing letters jumps to the option
that starts with them, Space ticks, Enter moves on (never ticks or unticks).

`MoveOn` is how a field says "the owner is done here": the screen then confirms a suggested
answer, and goes to the first question the answer revealed, or else to the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.events import Key
from textual.message import Message
from textual.widgets import Checkbox, OptionList, RadioButton, RadioSet

from drafter.app.widgets.option_words import (LEADING, initials, plain_label, whole_name,
                                              word_starts)

JUMP_PAUSE = 1.0
"""Seconds without typing after which letters start a new search instead of adding to it."""


def key_time(event: Key) -> float:
    """When the key was typed: Textual stamps an event when it is made, as the key comes in,
    not when the list gets to it. Timed as handled, "oh" became "h" (Hawaii) whenever the
    app was busy for a second between the two (the kiosk trial, on a loaded machine).
    Through `drafter serve` the key is made the same way, as the page's bytes reach the app
    (measured in Chromium: a 1.6 s pause read as 1.68 s; "oh" typed in one burst, handled 5 s
    later by a busy app, read as one search). The browser's "oh" read as "h" was the keys'
    order, not their times (see `DrafterApp.on_event`)."""
    return event.time


clock: Callable[[Key], float] = key_time  # tests replace it, so the pause is theirs to make
TICKED, UNTICKED = "\u2713", " "
"""What a tick box holds, ticked and not. Textual draws an X in both, only its colour telling
them apart: in a terminal without colours, to an owner who does not see the difference, or on
a screenshot printed in grey, every box looked ticked (the 80x24 trial of issue 15)."""
TICK_BOX = Checkbox.BUTTON_LEFT + TICKED + Checkbox.BUTTON_RIGHT
"""A tick box as a list to tick draws it (a space follows it, before the label)."""


class MoveOn(Message):
    """The owner pressed Enter to leave a field (the screen decides where focus goes). The
    field fills in its question's `key` on the way up."""

    def __init__(self, key: str | None = None) -> None:
        super().__init__()
        self.key = key


class TypeToJump:
    """Mix into a list widget (before it): printable keys, other than Space, move the
    highlight to the next option whose label starts with the letters typed so far. The list
    provides `jump_labels()`, `jump_current()` and `jump_to(index)`."""

    JUMP_HELP = ("Type letters to jump to an option by its start, a word or its initials; "
                 "within a second of a letter, Space goes on with the words where an "
                 "option's name does (\u201csending s\u201d), else it ticks or chooses")
    _typed = ""
    _typed_at = 0.0
    _touched = False  # a letter moved the highlight: it is the owner's from then on
    _began_at: int | None = None  # the option highlighted when the current search began
    _landed: tuple[str, int | None] | None = None  # a search's first letter, where it jumped

    def jump_labels(self) -> list[str]:
        raise NotImplementedError

    def jump_current(self) -> int | None:
        raise NotImplementedError

    def jump_to(self, index: int) -> None:
        raise NotImplementedError

    def on_key(self, event: Key) -> None:
        if self.take_key(event):
            event.stop()
            event.prevent_default()

    def take_key(self, event: Key) -> bool:
        """Jump for a letter; True if the key was one. The app calls this in its own key loop,
        before it hands out the next key (see `DrafterApp.on_event`): Enter, taken there too,
        then chooses the option the letter jumped to. Left to the list's own queue, "y" then
        Enter in one burst chose the old highlight, and the "y" came after (the kiosk trial
        saved No).

        A search's first letter stays on the highlighted option when that matches it, and
        goes on to the next only when it repeats the letter that jumped there (at once, "cc",
        or after a pause): in a list just focused on "California", "c" then Space ticked
        Colorado (the audit of issue 15). As in a file manager, pressing a letter again
        cycles through the options starting with it; letters added look from where the
        search began."""
        char = event.character
        now = clock(event)
        if char == " " and self._goes_on(now):
            self._typed, self._typed_at = self._typed + " ", now
            return True
        if not event.is_printable or not char or char.isspace():
            self._typed = ""  # Space ticked, an arrow moved: the next letter starts afresh
            return False
        self._touched = True
        letter = char.lower()
        typed = (self._typed if now - self._typed_at < JUMP_PAUSE else "") + letter
        current = self.jump_current()
        if len(typed) == 1:  # a new search: longer ones look from where it began
            self._began_at = current
            index = self.find_option(typed, current, after=self._landed == (letter, current))
        else:
            index = self.find_option(typed, self._began_at)
            if index is None and len(set(typed)) == 1:
                index = self.find_option(letter, current, after=True)  # "sss": the s's
        self._typed, self._typed_at = typed, now
        if index is not None:
            self.jump_to(index)
        self._landed = (typed[0], self.jump_current())
        return True

    def _goes_on(self, now: float) -> bool:
        """Whether a Space typed `now` goes on with the words of the search, not a tick (or a
        choice): within `JUMP_PAUSE` of the last letter, where an option's name goes on with
        a word after them ("sending" Space "s"; trial 16: that Space ticked the option
        highlighted), unless the highlighted option's whole name was typed ("twilio" Space
        ticks Twilio). Else, and on a second Space, it ticks at once."""
        typed = self._typed
        if not typed or typed.endswith(" ") or now - self._typed_at >= JUMP_PAUSE:
            return False
        current, labels, aliases = self.jump_current(), self.jump_labels(), self.jump_aliases()
        if current is not None and current < len(labels) and whole_name(
                typed, LEADING.sub("", labels[current]).lower(),
                aliases[current] if current < len(aliases) else ()):
            return False
        return self.find_option(typed + " ", self._began_at) is not None

    def jump_aliases(self) -> list[tuple[str, ...]]:
        """Other names each option is found by (a vendor's `also_known_as`); none by default."""
        return []

    def find_option(self, typed: str, start: int | None, after: bool = False) -> int | None:
        """The option whose whole name is `typed` (its label, the label without a bracketed
        part such as "Mailchimp (Intuit)", or one of its other names): "twilio" is Twilio,
        never "Twilio SendGrid" above it (the browser trial ticked SendGrid for text
        messages); or else the first option whose label starts with `typed`; or else one
        with a word starting with it (options that all begin "We run …" are found by
        "kiosk"); or else whose words' initials start with it ("aws": Amazon Web Services); or else one of whose other names
        (`jump_aliases`) is found so ("ses": Amazon SES). Looked for from the option at
        `start` (`after`: from the one after it). Looked for from the current one instead of
        where the search began, a word typed on the highlighted option went on to the next
        one starting with the same letter."""
        labels = [LEADING.sub("", label).lower() for label in self.jump_labels()]
        if not labels:
            return None
        start = 0 if start is None else start + (1 if after else 0)
        order = [(start + offset) % len(labels) for offset in range(len(labels))]
        aliases = self.jump_aliases()
        named = [[name.lower() for name in aliases[i]] if i < len(aliases) else []
                 for i in range(len(labels))]
        ways = [lambda text: text.startswith(typed), lambda text: word_starts(text, typed),
                lambda text: len(typed) > 1 and initials(text).startswith(typed)]
        tests = [lambda i: whole_name(typed, labels[i], named[i]),
                 *((lambda i, way=way: way(labels[i])) for way in ways),
                 lambda i: any(way(name) for name in named[i] for way in ways)]
        return next((i for test in tests for i in order if test(i)), None)


class JumpOptionList(TypeToJump):
    """Type-to-jump for an `OptionList` (mix in before it)."""

    def jump_labels(self) -> list[str]:
        assert isinstance(self, OptionList)
        return [plain_label(option.prompt) if not option.disabled else ""
                for option in self.options]

    def jump_current(self) -> int | None:
        assert isinstance(self, OptionList)
        return self.highlighted

    def jump_aliases(self) -> list[tuple[str, ...]]:
        return list(getattr(self, "aliases", []))

    def jump_to(self, index: int) -> None:
        assert isinstance(self, OptionList)
        self.highlighted = index


class Marked:
    """Mix into a tick box or a radio button (before it): its mark is drawn only when it is on
    (`MARK`), blank when off, so the state shows without colour (see `TICKED`)."""

    MARK = TICKED

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 (Textual's name, read from the instance)
        return self.MARK if getattr(self, "value", False) else UNTICKED


class UnsureBox(Marked, Checkbox):
    """The "I'm not sure" tick box under a typed answer: Space ticks, Enter moves on."""

    BINDINGS = [Binding("enter", "move_on", "Move on (never ticks)", show=False)]

    def action_move_on(self) -> None:
        self.post_message(MoveOn())


class ChoiceList(TypeToJump, RadioSet):
    """Textual's radio set, with the keyboard highlight starting on the chosen answer (on
    none while there is none) rather than the first (Enter or Space on arrival must not
    change what the owner chose, nor answer a question the owner passed over), Enter
    choosing the highlighted answer and moving on, as in a text answer, and letters jumping.

    Enter is the editor's (`KeysScreen.action_move_on`, a priority binding): it presses the
    highlighted answer (`press_highlighted`) and moves on in the same handler. The list's
    own Enter binding names that action (`screen.move_on`), so F1 describes Enter here from
    what handles it, and `RadioSet`'s Enter (toggle) is never offered.

    The arrows and Space act in the app's own key loop, like letters and Enter (`take_key`):
    left to the radio set's bindings, checked only once the key had come back up to the
    app, a Down typed before Enter was handled after it, on the question Enter had moved
    to (the browser trial: every answer given with the arrows was lost or wrong)."""

    BINDINGS = [Binding("enter", "screen.move_on", "Choose and move on", show=False)]
    MOVES = {"down": 1, "right": 1, "up": -1, "left": -1}

    def take_key(self, event: Key) -> bool:
        if super().take_key(event):
            return True
        if event.key in self.MOVES:
            self._touched = True
            if self.MOVES[event.key] > 0:
                self.action_next_button()
            else:
                self.action_previous_button()
        elif event.key == "space":
            if not self.press_highlighted() and self._selected is not None:
                # on the suggested choice, shown pressed: Space makes it the owner's answer
                keep = getattr(self.screen, "keep_suggestion", None)
                if keep is not None and self.parent is not None:
                    keep(self.parent)
        else:
            return False
        return True

    def press_highlighted(self) -> bool:
        """Press the highlighted option and answer it now, in this handler (the radio set
        presses it when a message comes round, behind the keys typed after it); False if
        it was pressed already or nothing is highlighted."""
        index = self._selected
        if index is None or index == self.pressed_index:
            return False
        button = self.children[index]
        assert isinstance(button, RadioButton)
        with self.prevent(RadioButton.Changed):
            if self.pressed_button is not None:
                self.pressed_button.value = False
            button.value = True
        self._pressed_button = button
        choose = getattr(self.parent, "choose", None)  # the question's field saves it
        if choose is not None:
            choose(index)
        return True

    def on_mount(self) -> None:
        self.call_later(self._highlight_answer)  # after RadioSet's own mount handler

    def _highlight_answer(self) -> None:
        """On the chosen answer, or on nothing while there is none (Textual starts on the
        first option, and Enter, meant to move on, chose it: an unanswered yes/no saved "Yes"),
        unless a key got here first: keys typed just after the page was shown (a letter
        jumping to "Yes") were undone when the highlight was put back."""
        if not self._touched:
            self._selected = self.pressed_index if self.pressed_index >= 0 else None

    def jump_labels(self) -> list[str]:
        return [plain_label(button.label) for button in self.query(RadioButton)]

    def jump_current(self) -> int | None:
        return self._selected

    def jump_to(self, index: int) -> None:
        self._selected = index


__all__ = ["ChoiceList", "JumpOptionList", "Marked", "MoveOn", "TICKED", "TICK_BOX",
           "TypeToJump", "UnsureBox"]
