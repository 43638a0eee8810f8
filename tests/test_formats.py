"""A new export format is written only when asked for, until it is made a default on purpose."""

from __future__ import annotations

import pytest

from drafter import export
from drafter.export import Source, exporter, formats


def test_a_new_format_is_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "FORMATS", dict(export.FORMATS))

    @exporter("rtf", ".rtf")
    def render_rtf(source: Source) -> str:
        return source.markdown

    assert [f.name for f in formats(None)] == ["md", "html", "txt", "docx"]
    assert [f.name for f in formats("md,rtf")] == ["md", "rtf"]
