"""How the form shows a stored answer: the text in a text box, the choices ticked or pressed,
the rows of a list of records. One place, so that the form and the session (which tells a
changed value from the one shown) agree on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drafter.plain import same_answer
from drafter.questionnaire import UNSURE, Question


def shown_text(value: Any) -> str:
    """An answer as the form shows it in a text box."""
    return "" if value is None or value == UNSURE else str(value)


def presented(question: Question, value: Any) -> Any:
    """What the form shows for a stored answer, and so announces when it is mounted: the
    answer itself where the form can show it, else the nearest it can (the text of a list in a
    text box, only the offered choices ticked, no choice pressed)."""
    kind = question.type
    if kind in ("one", "bool", "many"):
        offered = [*(question.options or {True: "", False: ""}), *([UNSURE] if question.unsure
                                                                   else [])]
        items = value if isinstance(value, list) else [value]
        ticked = [v for v in items if any(same_answer(v, o) for o in offered)]
        return ticked if kind == "many" else (ticked[0] if ticked and items == [value] else None)
    if kind == "records":
        fields = [f.id for f in question.fields or []]
        rows = [{f: shown_text(item.get(f)) for f in fields if shown_text(item.get(f))}
                for item in (value if isinstance(value, list) else [])
                if isinstance(item, Mapping)]
        return [row for row in rows if row]
    return shown_text(value)



def ticked_alone(question: Question, before: list[Any], after: list[Any]) -> list[Any]:
    """The ticks of a many-of list the owner changed from `before` to `after`, with each
    option the questionnaire marks `exclusive` ("None of these", "All over the US") and "I'm
    not sure" never ticked with another option: the latest tick wins (ticking one of them
    unticks the rest; ticking another option unticks them)."""
    alone = (*question.exclusive, UNSURE)
    new = [option for option in after if option not in before]
    latest = next((option for option in reversed(new) if option in alone), None)
    if latest is not None:
        return [latest]
    if new and any(option in alone for option in after):
        return [option for option in after if option not in alone]
    return after


__all__ = ["presented", "shown_text", "ticked_alone"]
