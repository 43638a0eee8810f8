"""The screen drawn as it is laid out: each layout draws again every widget whose place differs
from where the terminal last showed it.

Textual works out what a layout changed by comparing the new arrangement with its own map of
the screen (`Compositor._full_map`). A scroll alone is laid out for the widgets in view only
(`reflow_visible`), which leaves that map out of date; the first lookup after it of a widget
out of view (its `region`, as `scroll_to_widget` asks) arranges the whole screen again as it
is at that moment, with any scroll or resize not yet drawn. The next layout then found nothing
changed and drew only the widgets that had asked for a repaint: the rest stayed where they
were on the terminal. Enter on an empty pick-all list did just that (issue 15, in Chromium at
1280x800): the form, scrolled a line by the previous question's prompt, then scrolled to the
next question before the "Saved as none of these" line was laid out, was drawn over itself,
the list twice and the next prompt covered, until the next key.
"""

from __future__ import annotations

from textual._compositor import Compositor, CompositorMap, ReflowResult
from textual.geometry import Size
from textual.widget import Widget


class DrawnCompositor(Compositor):
    """Textual's compositor, which also marks for drawing every widget whose place (or clip)
    differs from the one it was last laid out at, lookups in between or not. It only adds to
    what Textual draws."""

    def __init__(self) -> None:
        super().__init__()
        self._drawn: CompositorMap = {}  # the widgets as the last layout placed them

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        result = super().reflow(parent, size)
        self._draw_moved(self._full_map)
        return result

    def reflow_visible(self, parent: Widget, size: Size) -> set[Widget]:
        exposed = super().reflow_visible(parent, size)
        self._draw_moved(self._visible_map or {})
        return exposed

    def _draw_moved(self, placed: CompositorMap) -> None:
        drawn, self._drawn = self._drawn, placed
        if self.size.region in self._dirty_regions:
            return  # the whole screen is drawn anyway
        self._dirty_regions.update(
            region for region in (geometry.clip.intersection(geometry.region)
                                  for _, geometry in placed.items() ^ drawn.items())
            if region)


__all__ = ["DrawnCompositor"]
