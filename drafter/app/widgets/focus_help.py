"""What the help panel says while something other than a question has the focus: the help
follows the focus everywhere, so it never describes a question the owner has left."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Button

from drafter.app.widgets.sidebar import SectionList

SECTIONS = ("Sections: ↑ ↓ to move, Enter to open one. ✓ all answered, ! an answer to fix, "
            "? a question for your counsel.")


def help_for(widget: Widget) -> str | None:
    """The help for `widget`, or None where the widget's question gives it."""
    if isinstance(widget, SectionList):
        return SECTIONS
    if isinstance(widget, Button) and widget.id == "next":
        label = str(widget.label)
        if label.startswith("Next: "):
            return (f"Enter opens the next section, {label.removeprefix('Next: ').rstrip(' →')}"
                    "; typing goes on into its first question. Ctrl+↓ does the same from any "
                    "question.")
        return "Enter exports the policy: the same files `drafter build` writes (F8 does too)."
    if isinstance(widget, Button) and str(widget.label).startswith("+"):
        return f"Enter or a click: {widget.label}; typing starts a new row."
    if isinstance(widget, Button):
        return f"Enter or a click: {widget.label}."
    return None
