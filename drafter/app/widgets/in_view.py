"""Keeping the focused question in view in the form: the question, then the focused widget,
scrolled into view, and the next question's prompt never left cut by the form's bottom. A
question is a widget of class `question` (`fields.QuestionField`, which imports this)."""

from __future__ import annotations

from typing import Any

from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label


def keep_in_view_soon(screen: Screen[Any]) -> None:
    """Keep the focus in view once the screen has next been laid out and drawn. Asked by all
    that moves the focus or changes the form's size: on a switch of section the focus, the
    form's new height and the field focused each asked, and the focus was scrolled to three
    times (six scrolls of the screen, each placing every widget in view again). Asks made
    before it runs come to one."""
    if getattr(screen, "_keep_in_view_asked", False):
        return
    screen._keep_in_view_asked = True  # type: ignore[attr-defined]
    screen.call_after_refresh(_kept_in_view, screen)  # through the screen: it outlives fields


def _kept_in_view(screen: Screen[Any]) -> None:
    screen._keep_in_view_asked = False  # type: ignore[attr-defined]
    keep_in_view(screen)


def keep_in_view(screen: Screen[Any]) -> None:
    """Scroll the focused widget's question, then the widget itself, into view (the help
    panel under the form grows and shrinks with the text it shows). Each scroll is made now:
    Textual otherwise makes it after the next refresh, so the second was worked out from where
    the form was before the first, and undid it (a question's prompt left above the top).

    Asked again for the same focus (the form or its content changed size), the scrolls start
    from where the form was when the focus came, unless something else has scrolled it since
    (a long list following its highlight, the wheel): where a question shows depends on the
    layout that came last, not on the ones laid out on the way. A scroll worked out from a
    layout that still held the page before (under load) left a section's title off the top,
    as every later scroll moved only as little as it had to."""
    focused = screen.focused
    if focused is None:
        return
    field = next((a for a in focused.ancestors if a.has_class("question")), None)
    form = next((a for a in field.ancestors if isinstance(a, ScrollableContainer)),
                None) if field is not None else None
    if form is not None:
        _start_from_base(form, focused)
    if field is not None:
        screen.scroll_to_widget(field, animate=False, immediate=True)
    screen.scroll_to_widget(focused, animate=False, immediate=True)
    if form is not None and field is not None:  # after Textual's own scroll to the focus
        screen.call_after_refresh(no_prompt_cut, form, field)
        _left(form)


def _start_from_base(form: Widget, focused: Widget) -> None:
    """Scroll `form` back to where it was when `focused` got the focus, if only these scrolls
    have moved it since (or Textual, keeping what they left within a content that shrank)."""
    kept = getattr(form, "_kept_view", None)
    y = form.scroll_target_y
    if kept is None or kept[0] is not focused:
        form._kept_view = (focused, y, y)  # type: ignore[attr-defined]
        return
    base, left = kept[1], kept[2]
    if (y == left or (left > form.max_scroll_y and y == form.max_scroll_y)) and y != base:
        form.scroll_to(y=base, animate=False, immediate=True)
    elif y != left:  # scrolled by something else: from here on
        form._kept_view = (focused, y, y)  # type: ignore[attr-defined]


def _left(form: Widget) -> None:
    """Note where the scrolls of `keep_in_view` (or `no_prompt_cut`) left `form`."""
    kept = getattr(form, "_kept_view", None)
    if kept is not None:
        form._kept_view = (kept[0], kept[1], form.scroll_target_y)  # type: ignore[attr-defined]


def no_prompt_cut(form: Widget, field: Widget) -> None:
    """A question's prompt below `field` cut by the bottom of the form (the help panel's top,
    at 80x24) is shown whole if there is room above, or else hidden whole: its first line
    alone read as the whole question ("Do you combine automatically collected d…"). Worked
    out where the form's content is laid out, not on the screen, which still shows where it
    was before the scrolls just asked for."""

    def place(widget: Widget) -> int:  # its top in the form's content
        return sum(node.virtual_region.y for node in (widget, *widget.ancestors)
                   if form in node.ancestors)

    top = form.scroll_target_y
    bottom = top + form.scrollable_content_region.height
    siblings = list(field.parent.children) if field.parent is not None else []
    for below in siblings[siblings.index(field) + 1:]:
        if not below.has_class("question") or not below.display:
            continue
        prompt = below.query_one(".prompt", Label)
        start = place(prompt)
        if start >= bottom:
            return
        end = start + prompt.virtual_region.height
        if start < bottom < end:
            down = end - bottom
            shift = down if place(field) - down >= top else start - bottom
            form.scroll_to(y=top + shift, animate=False, immediate=True)
            _left(form)
            return


__all__ = ["keep_in_view", "keep_in_view_soon", "no_prompt_cut"]
