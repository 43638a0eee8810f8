"""`row_places.changed_at`: where a list of rows drawn again puts the focus."""

from __future__ import annotations

from typing import Any

import pytest

from drafter.app.widgets.row_places import changed_at

A, B, C = ({"what": "a", "how_long": "1"}, {"what": "b", "how_long": "2"},
           {"what": "c", "how_long": "3"})
NAMES = ["what", "how_long"]


@pytest.mark.parametrize(("before", "after", "place"), [
    ([A, B, C], [A, B, C], None),
    ([A, B, C], [A, {**B, "how_long": "2x"}, C], (1, "how_long")),  # typed in, undone
    ([A, B, C], [A, B, {**C, "what": "cc"}], (2, "what")),
    ([A, C], [A, B, C], (1, None)),  # a removed row put back: its first field
    ([A, B], [A, B, C], (2, None)),  # the last row put back
    ([A, B, C], [A, C], (1, None)),  # a row taken away: the one now in its place
    ([A, B, C], [A, B], (2, None)),  # the last: past the end, the list takes the last row
    ([A], [], (0, None)),
])
def test_the_focus_goes_to_the_change(before: list[dict[str, Any]], after: list[dict[str, Any]],
                                      place: tuple[int, str | None] | None) -> None:
    assert changed_at(before, after, NAMES) == place
