"""The private parts of Textual the app leans on (listed in `drafter/app/__init__.py`), each
checked for the shape the app uses, so an upgrade of Textual that moves one fails here, by
name, rather than as a key that quietly goes astray. And every private Textual name the app's
code uses is on that list, so a new one cannot come in unnoticed. No app is run."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, RadioSet, Select, TextArea

import drafter.app

APP = Path(drafter.app.__file__).parent


def _parameters(function: Callable[..., object]) -> list[str]:
    return list(inspect.signature(function).parameters)


def _assigns(cls: type, name: str) -> bool:
    """Whether the class's own code sets `self.NAME` (an attribute made in `__init__`)."""
    return re.search(rf"self\.{name}\s*(:[^=\n]*)?=[^=]", inspect.getsource(cls)) is not None


def _reset_focus() -> None:  # offers.py: where the focus went off a field drawn again
    assert _parameters(Screen._reset_focus) == ["self", "widget", "avoiding"]


def _watch_expanded() -> None:  # picklist.py: the open options take the focus at once
    assert _parameters(Select._watch_expanded) == ["self", "expanded"]


def virtual_size() -> None:  # boxes.py: `AnswerBox` repaints, not lays out, on each key;
    from drafter.app.widgets.boxes import AnswerArea, AnswerBox  # `AnswerArea`, `ManyList`
    from drafter.app.widgets.ticklist import ManyList  # as first drawn (a section's first visit)

    theirs = Widget.__dict__["virtual_size"]
    assert isinstance(theirs, Reactive)
    for cls in (AnswerBox, AnswerArea, ManyList):
        ours = cls.__dict__["virtual_size"]
        assert isinstance(ours, Reactive) and not ours._layout
        assert ours.internal_name == theirs.internal_name  # one value, read by Widget's code
    assert "self.virtual_size =" in inspect.getsource(Input)  # set on every key
    assert "self.virtual_size =" in inspect.getsource(TextArea._refresh_size)
    assert "self.virtual_size =" in inspect.getsource(OptionList._update_lines)


def _layout() -> None:  # ahead.py `_refresh_layout`: a virtual size found asks for no layout
    flag = Widget.__dict__["virtual_size"]
    assert isinstance(flag, Reactive) and flag._layout  # Textual's: True
    assert "layout=self._layout" in inspect.getsource(Reactive._set)  # read as it is set
    assert "self.virtual_size = virtual_size" in inspect.getsource(Widget._size_updated)


def focused() -> None:  # ahead.py `BuildsAhead`: a change of focus repaints no whole screen
    from drafter.app.screens.ahead import BuildsAhead

    ours, theirs = BuildsAhead.__dict__["focused"], Screen.__dict__["focused"]
    assert isinstance(theirs, Reactive) and isinstance(ours, Reactive)
    assert ours.internal_name == theirs.internal_name  # one value, set by Screen's code
    assert "self.focused = widget" in inspect.getsource(Screen.set_focus)
    assert not ours._repaint and not ours._layout


def _refresh_layout() -> None:  # keys.py `lay_out_now`: Tab in the order on screen
    assert _parameters(Screen._refresh_layout) == ["self", "size", "scroll"]


def _layout_required() -> None:  # keys.py `lay_out_now`
    assert _assigns(Screen, "_layout_required")
    assert "if self._layout_required" in inspect.getsource(Screen)


def _selected() -> None:  # lists.py `ChoiceList`: the highlighted option
    assert isinstance(RadioSet.__dict__["_selected"], Reactive)
    assert "watch__selected" in RadioSet.__dict__


def _pressed_button() -> None:  # lists.py `ChoiceList.press_highlighted`: pressed now
    assert _assigns(RadioSet, "_pressed_button")
    fget = RadioSet.__dict__["pressed_button"].fget
    assert "return self._pressed_button" in inspect.getsource(fget)


def _lines() -> None:  # ticklist.py `ManyList.render_line`: (option, line of it) per line
    assert isinstance(OptionList.__dict__["_lines"], property)


def _clear_caches() -> None:  # ticklist.py `ManyList`: count the lines again
    assert _parameters(OptionList._clear_caches) == ["self"]


def _refresh_scrollbars() -> None:  # ticklist.py `ManyList.get_content_height`: the bar placed
    assert _parameters(Widget._refresh_scrollbars) == ["self"]  # after an overflow rule set


def _update_lines() -> None:  # notes.py `NotesList._page`: the lines counted before reading
    assert _parameters(OptionList._update_lines) == ["self"]  # `_lines` (a page of lines)


def _is_prevented() -> None:  # boxes.py `Handing`: a change shown elsewhere is no answer
    assert _parameters(MessagePump._is_prevented) == ["self", "message_type"]


def _bindings() -> None:  # boxes.py `InOrder`, help.py: a node's own bindings
    assert _assigns(DOMNode, "_bindings")
    assert "key_to_bindings" in inspect.getsource(BindingsMap)


def _merged_bindings() -> None:  # help.py: a kind of field's bindings, for F1
    from drafter.app.widgets.lists import ChoiceList

    assert isinstance(ChoiceList._merged_bindings, BindingsMap)


def _bindings_ready() -> None:  # footer.py `KeysFooter.bindings_changed`
    assert isinstance(Footer.__dict__["_bindings_ready"], Reactive)


def _on_focus() -> None:  # boxes.py `AnswerBox._on_focus`: runs before Input's own
    assert "_on_focus" in Input.__dict__


def _on_key() -> None:  # boxes.py `InOrder._on_key`: Textual calls `_on_NAME` handlers
    assert 'f"_{method_name}"' in inspect.getsource(MessagePump._get_dispatch_methods)


def _watch_app_focus() -> None:  # app.py `on_event`: `app_focus = True` puts the focus back
    from textual.app import App

    assert _parameters(App._watch_app_focus) == ["self", "focus"]
    assert "set_focus" in inspect.getsource(App._watch_app_focus)


def _message_queue() -> None:  # ahead.py `BuildsAhead._idle`: no message waits anywhere
    assert "def _message_queue(self) -> Queue[" in inspect.getsource(MessagePump)  # asyncio's
    assert "self._message_queue.get()" in inspect.getsource(MessagePump)


def _compositor() -> None:  # ahead.py `_out_of_sight`: a page not laid out when last drawn
    from textual._compositor import Compositor

    assert _assigns(Screen, "_compositor")
    assert "__contains__" in Compositor.__dict__


def _on_layout() -> None:  # ahead.py: a hidden page's layout request stops before Screen's
    assert _parameters(Screen._on_layout) == ["self", "message"]
    assert "message.prevent_default()" in inspect.getsource(Screen._on_layout)


def _on_update() -> None:  # ahead.py: likewise its repaint requests
    assert _parameters(Screen._on_update) == ["self", "message"]
    assert "message.prevent_default()" in inspect.getsource(Screen._on_update)


def _dirty_regions() -> None:  # drawn.py `DrawnCompositor`: a layout draws all that moved
    from textual._compositor import Compositor

    for name in ("reflow", "reflow_visible"):  # each lays out, then marks what changed
        assert _parameters(getattr(Compositor, name)) == ["self", "parent", "size"]
    assert "self._full_map = map" in inspect.getsource(Compositor.reflow)
    assert "self._visible_map = map" in inspect.getsource(Compositor.reflow_visible)
    assert "self._dirty_regions.update(regions)" in inspect.getsource(Compositor.reflow)
    assert "self._dirty_regions" in inspect.getsource(Compositor.render_update)
    assert "self._compositor = Compositor()" in inspect.getsource(Screen.__init__)


def _full_map() -> None:  # drawn.py: the map the last layout placed the widgets at
    _dirty_regions()


def _visible_map() -> None:  # drawn.py: likewise after a scroll (widgets in view only)
    _dirty_regions()


def _on_screen_resume() -> None:  # styled.py `StyledOnce`: the first resume restyles nothing
    source = inspect.getsource(Screen._on_screen_resume)
    assert "if event.refresh_styles:" in source and "self.update_node_styles(" in source
    assert 'f"_{method_name}"' in inspect.getsource(MessagePump._get_dispatch_methods)


def _get_breakpoint_classes() -> None:  # styled.py: the classes the first resize would set
    assert "sorted(breakpoints, reverse=True)" in inspect.getsource(
        Screen._get_breakpoint_classes)
    assert "self._get_breakpoint_classes(" in inspect.getsource(Screen._on_resize)


def _screen_resized() -> None:  # ahead.py: no layout for a resize to the last layout's size
    from textual._compositor import Compositor

    assert _parameters(Screen._screen_resized) == ["self", "size"]
    assert "._screen_resized(event.size)" in inspect.getsource(Screen._on_resize)
    for name in ("reflow", "reflow_visible"):
        assert "self.size = size" in inspect.getsource(getattr(Compositor, name))


def _parse_rules() -> None:  # stylesheet.py `SharedStylesheet`: a source's rules, shared
    from textual.css.stylesheet import Stylesheet

    assert _parameters(Stylesheet._parse_rules) == [
        "self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]
    source = inspect.getsource(Stylesheet._parse_rules)  # depend on nothing but these and
    assert "variable_tokens=self._variable_tokens" in source  # the variables
    assert "self._parse_rules(" in inspect.getsource(Stylesheet.parse)


def _require_parse() -> None:  # stylesheet.py `SharedStylesheet.reparse`: Textual's, mirrored
    from textual.css.stylesheet import Stylesheet

    source = inspect.getsource(Stylesheet.reparse)
    for line in ("stylesheet = Stylesheet(variables=self._variables)", "stylesheet.parse()",
                 "self._invalid_css.update(stylesheet._invalid_css)",
                 "self._rules = stylesheet.rules", "self._rules_map = None",
                 "self.source = stylesheet.source", "self._require_parse = False"):
        assert line in source
    assert "self.stylesheet = Stylesheet(variables=self.get_css_variables())" in \
        inspect.getsource(__import__("textual.app").app.App.__init__)


def _variables() -> None:  # stylesheet.py: the theme's variables a source is parsed with
    _require_parse()


def _invalid_css() -> None:  # stylesheet.py `reparse`
    _require_parse()


def _rules() -> None:  # stylesheet.py `reparse`
    _require_parse()


def _rules_map() -> None:  # stylesheet.py `reparse`
    _require_parse()


HOOKS = [_reset_focus, _watch_expanded, virtual_size, focused, _refresh_layout, _layout_required,
         _selected, _pressed_button, _lines, _clear_caches, _update_lines, _refresh_scrollbars,
         _is_prevented, _bindings, _merged_bindings, _bindings_ready, _on_focus, _on_key,
         _watch_app_focus, _message_queue, _compositor, _on_layout, _on_update, _layout,
         _dirty_regions, _full_map, _visible_map, _on_screen_resume, _get_breakpoint_classes,
         _screen_resized, _parse_rules, _require_parse, _variables, _invalid_css, _rules,
         _rules_map]
LISTED = {hook.__name__ for hook in HOOKS}


@pytest.mark.parametrize("hook", HOOKS, ids=lambda hook: hook.__name__)
def test_each_private_textual_hook_has_the_shape_the_app_uses(hook: Callable[[], None]) -> None:
    hook()


def _textual_private_names() -> set[str]:
    """The private names of every Textual class the app's classes are built on."""
    for module in pkgutil.walk_packages([str(APP)], "drafter.app."):
        importlib.import_module(module.name)
    ours = [cls for cls in _subclasses(DOMNode) if cls.__module__.startswith("drafter.app")]
    textual = {base for cls in ours for base in cls.__mro__
               if base.__module__.startswith("textual")}
    names: set[str] = set()
    for cls in textual:
        names.update(n for n in vars(cls) if n.startswith("_") and not n.startswith("__"))
        try:
            names.update(re.findall(r"self\.(_[a-z]\w*)", inspect.getsource(cls)))
        except (OSError, TypeError):
            pass
    return names


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def test_every_private_textual_name_the_app_uses_is_listed() -> None:
    used: set[str] = set()
    for path in APP.rglob("*.py"):
        used.update(re.findall(r"(?:\.|def )(_[a-z]\w*)", path.read_text(encoding="utf-8")))
    unlisted = (used & _textual_private_names()) - LISTED
    assert unlisted == set(), "private Textual names used but not checked here"
    assert LISTED <= used | {"virtual_size", "focused"}, "checked here but no longer used"


def test_every_key_in_help_names_an_action_that_exists() -> None:
    """F1 lists each kind of field's bindings: each must name an action its widget (or, as
    `screen.NAME`, the editor) has, so no key is described by a binding that does nothing;
    and each row of words names an action the widget binds (a row naming none is dropped)."""
    from drafter.app.screens.editor import EditorScreen
    from drafter.app.screens.help import PLACES

    for _, widget, rows in PLACES:
        bound = {binding.action for _, binding in widget._merged_bindings or ()}
        for what, actions in rows:
            named = {action for action in actions if not action.startswith("=")}
            assert not named or named & bound, (widget.__name__, what)
        for _, binding in widget._merged_bindings or ():
            owner, _, action = binding.action.rpartition(".")
            target = {"": widget, "screen": EditorScreen}[owner]
            name = action.partition("(")[0]
            assert hasattr(target, f"action_{name}"), (widget.__name__, binding)
