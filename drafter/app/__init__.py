"""The questionnaire app (Textual). Imported only by `drafter`, `drafter edit` and `serve`,
never by `drafter build`, so the command line stays fast and works without a terminal UI.

Private parts of Textual the app relies on (no public API does the same; each is checked for
the shape used by `tests/app/test_textual_hooks.py`, which also fails on one not listed here):
- `Screen._reset_focus` (offers.py): where the focus went off a field being drawn again;
- `Screen._refresh_layout`, `_layout_required` (keys.py `lay_out_now`): Tab in screen order;
- `Select._watch_expanded` (picklist.py): the open options take the focus at once;
- `Widget.virtual_size` redeclared (boxes.py `AnswerBox`): a key repaints, not lays out;
  (`AnswerArea`, ticklist.py `ManyList`): first drawn, they ask for no second layout;
- `Screen._refresh_layout` overridden and `Reactive._layout` (ahead.py `BuildsAhead`): the
  virtual sizes a layout finds ask for no second layout (each first visit of a section);
- `Screen.focused` redeclared (ahead.py `BuildsAhead`): a change of focus does not repaint
  the whole screen (every widget drawn again after each switch of section);
- `RadioSet._selected`, `_pressed_button` (lists.py `ChoiceList`): the highlight, and the
  answer pressed in the key's own handler (`press_highlighted`);
- `OptionList._lines`, `_clear_caches` (ticklist.py `ManyList`): wrapped labels with tick boxes;
  `_update_lines` (notes.py `NotesList`): PageDown turns a page of lines, not of notes;
  `Widget._refresh_scrollbars` (ticklist.py `ManyList`): its overflow rule set in a layout;
- `MessagePump._is_prevented` (boxes.py `Handing`); `DOMNode._bindings`, `_merged_bindings`
  (boxes.py `InOrder`, help.py); `Footer._bindings_ready` (footer.py);
- the `_on_NAME` handler convention (`Input._on_focus`, `InOrder._on_key`, boxes.py) and
  `App._watch_app_focus` (app.py `on_event`: setting `app_focus` puts the focus back);
- `MessagePump._message_queue`, `Screen._compositor`, `_on_layout`, `_on_update`
  (ahead.py `BuildsAhead`): no key waits when a page is built ahead, and a hidden page's
  layout and repaint requests stop before the screen's own handlers; `Screen._compositor` set
  to a subclass of `textual._compositor.Compositor` whose `reflow` and `reflow_visible` also
  mark in `_dirty_regions` every widget placed elsewhere than the last layout's map
  (`_full_map`, `_visible_map`) showed it (drawn.py `DrawnCompositor`): a lookup between two
  layouts arranged the screen again, and the next layout drew nothing of what had moved;
- `Screen._get_breakpoint_classes`, `_on_screen_resume` (styled.py `StyledOnce`): the width
  class set as Textual's first resize would, before the screen is styled, and the first
  resume (`refresh_styles` cleared in the screen's own handler, called before Textual's)
  restyles nothing: every widget is styled once at start-up, not three times;
  `Screen._screen_resized` overridden (ahead.py `BuildsAhead`): a resize to the size the screen was last
  laid out at (`Screen._compositor`'s `size`) lays nothing out (two of four start-up layouts);
- `Stylesheet._parse_rules`, `_variables`, and `reparse` mirrored with `_invalid_css`,
  `_rules`, `_rules_map`, `_require_parse` (stylesheet.py `SharedStylesheet`, the app's): each
  CSS source parsed once a process, not once an app (a tenth of each start-up).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.project import Project

if TYPE_CHECKING:
    from drafter.evidence.model import Evidence


def run(project: Project, path: Path, *, label: str = "", out_dir: Path | None = None,
        read_only: bool = False, evidence: Evidence | None = None) -> int:
    """Run the app on one answers file until the owner quits."""
    from drafter.app.app import DrafterApp

    DrafterApp(project, path, label=label, out_dir=out_dir, read_only=read_only,
               evidence=evidence).run()
    return 0
