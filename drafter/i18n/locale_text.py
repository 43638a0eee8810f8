"""Words written in the locale a policy is rendered in: dates and lists read as prose, in the
library's own English or, for a translation, as Babel writes them (imported only then). The
locale is set for the length of a rendering by `in_locale`; the template filters
(`drafter.templating`) and the notes read it through `current_locale`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any

from drafter.i18n.conjunctions import conjoined

_LOCALE: ContextVar[str | None] = ContextVar("drafter_locale", default=None)


@contextmanager
def in_locale(locale: str | None) -> Iterator[None]:
    """Render in a Babel locale (`es`, `fr_CA`): `long_date` and `join_and` follow it; None
    is the library's own English."""
    token = _LOCALE.set(locale)
    try:
        yield
    finally:
        _LOCALE.reset(token)


def join_and(items: Iterable[object], conjunction: str = "and") -> str:
    """`["a", "b", "c"] | join_and` → "a, b and c": lists read as prose. In another locale
    `"and"` and `"or"` name Babel's list styles ("a, b y c", "a, b ou c"); any other word is
    written as given. The last conjunction takes its form before the last item ("Oregón e
    Illinois", `drafter.i18n.conjunctions`)."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    locale = _LOCALE.get()
    if locale is not None and conjunction in ("and", "or"):
        style = "standard" if conjunction == "and" else "or"
        text = _babel("babel.lists", "format_list", words, style=style, locale=locale)
        head, _, word = text.removesuffix(words[-1]).rstrip().rpartition(" ")
        if text.endswith(f" {word} {words[-1]}"):  # Babel's last conjunction, as one word
            return f"{head} {conjoined(word, words[-1], locale)} {words[-1]}"
        return text
    *head, word = conjunction.split(" ")
    conjunction = " ".join([*head, conjoined(word, words[-1], locale)])
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def current_locale() -> str | None:
    """The Babel locale being rendered in (`es`, `fr_CA`), or None for English."""
    return _LOCALE.get()


def _babel(module: str, function: str, *args: Any, **kwargs: Any) -> Any:
    """`module.function(*args, **kwargs)` from babel, imported the first time a translation
    needs it. Babel builds patterns' text from sets (the plural rules' variables on import,
    `babel/plural.py`; the kinds of space in `babel/numbers.py`, imported when locale data is
    first read): new text under each hash seed, so they are compiled outside the pattern
    cache (`patterncode.unkept`), or every translated build rewrote that cache at exit."""
    from importlib import import_module

    from drafter.patterncode import unkept

    with unkept():
        return getattr(import_module(module), function)(*args, **kwargs)


def long_date(day: date, locale: str | None = None) -> str:
    """`November 22, 2026`, the same whatever the machine's locale; in another locale (given,
    or the one rendered in) as Babel writes it: `22 de noviembre de 2026`."""
    locale = locale or _LOCALE.get()
    if locale is None:
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    text = _babel("babel.dates", "format_date", day, "long", locale=locale)
    if day.day == 1 and locale.split("_")[0].split("-")[0] == "fr":
        # French writes the first of the month as an ordinal, "1er novembre"; Babel writes "1"
        text = re.sub(r"(?<!\d)1(?!\d)", "1er", text, count=1)
    return text


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


__all__ = ["current_locale", "in_locale", "join_and", "long_date"]
