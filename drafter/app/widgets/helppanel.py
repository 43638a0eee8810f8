"""The help line under the form: the focused question's help, as much as fits.

At 80x24 the panel is a few rows high (more would cover the form); a longer help was cut off
after its fourth line with nothing to say so, and the owner never read its end (the audit:
"...The GDPR and US state laws require such a contract..."). When the text does not fit, its
last row says so and F1 shows it whole, above the keys (`HelpScreen`): the key an owner
presses for help, from the field they are in, without reaching for the mouse.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

MORE = "\u2026 F1 shows all of this help."


class HelpPanel(Static):
    """A `Static` that shows its text as plain words (a help's brackets are not markup) and,
    when the text is taller than the panel may grow, the rows that fit and `MORE`."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]

    @property
    def text(self) -> str:
        return str(self.content)

    def rows_allowed(self) -> int | None:
        most = self.styles.max_height
        return int(most.value) if most is not None and most.is_cells else None

    def fitted(self, width: int) -> list[Text]:
        """The rows shown at `width` columns of text."""
        if width <= 0:
            return [Text(self.text)]
        lines = list(Text(self.text).wrap(self.app.console, width))
        most = self.rows_allowed()
        if most is None or len(lines) <= most:
            return lines
        return [*lines[:most - 1], Text(MORE, style="bold")]

    def is_cut(self) -> bool:
        return self.fitted(self.content_size.width)[-1].plain == MORE

    def render(self) -> Text:
        return Text("\n").join(self.fitted(self.content_size.width))


__all__ = ["HelpPanel", "MORE"]
