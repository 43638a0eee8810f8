"""How letters typed in a list meet an option's label (`lists.TypeToJump`): the label as text,
its words and their initials, its whole name with or without a bracketed last part."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from textual.content import Content

LEADING = re.compile(r"^\W+")
_WORD = re.compile(r"\w[\w'-]*")


def without_brackets(label: str) -> str:
    """A label without its bracketed last part: "mailchimp (intuit)" → "mailchimp"."""
    return re.sub(r"\s*\([^()]*\)$", "", label)


def word_starts(label: str, typed: str) -> bool:
    """Whether a word of `label` starts `typed` (words typed with spaces: a phrase there)."""
    return any(label.startswith(typed, word.start()) for word in _WORD.finditer(label))


def initials(label: str) -> str:
    """The first letters of a label's words: "amazon web services" → "aws"."""
    return "".join(word[0] for word in _WORD.findall(label))


def plain_label(prompt: Any) -> str:
    """An option's label as text (its markup, if it is markup, taken out)."""
    if isinstance(prompt, str):
        try:
            return Content.from_markup(prompt).plain
        except Exception:  # not markup after all: the text as it is
            return prompt
    return str(getattr(prompt, "plain", prompt))


def whole_name(typed: str, label: str, names: Iterable[str] = ()) -> bool:
    """Whether `typed` is the option's whole name: its label (lower case, leading marks taken
    off), the label without a bracketed last part ("mailchimp" for "Mailchimp (Intuit)"), or
    one of its other `names`."""
    return typed in (label, without_brackets(label), *(name.lower() for name in names))


__all__ = ["LEADING", "initials", "plain_label", "whole_name", "without_brackets",
           "word_starts"]
