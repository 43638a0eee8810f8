"""An answer as a person reads it, for counsel's ledger and `drafter diff`: the option labels
the owner saw rather than stored keys, Yes/No, lists joined, records summarised."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from drafter.questionnaire import UNSURE, UNSURE_LABEL, Question
from drafter.templating import long_date

_LONGEST_SHOWN = 160  # characters of a long typed answer shown in a summary


def option_labels(question: Question, values: list[Any]) -> list[str]:
    """The labels the owner saw for stored option keys (the key itself if it has none)."""
    options = {**(question.options or {}), UNSURE: UNSURE_LABEL}
    return [options.get(str(v), str(v)) for v in values]


def answer_text(question: Question, value: Any) -> str:
    """An answer as a person reads it: option labels rather than keys, Yes/No, lists joined,
    records summarised, long text cut short. (None is for the caller to word: not asked,
    not answered.)"""
    if value == UNSURE:
        return UNSURE_LABEL
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, list) and question.type == "records":
        fields = question.fields or []
        items = [_record_text(fields, item) for item in value if isinstance(item, Mapping)]
        return f"{len(items)} entr{'y' if len(items) == 1 else 'ies'}: " + "; ".join(items) \
            if items else "none"
    if isinstance(value, list):
        return ", ".join(option_labels(question, value)) or "none"
    if question.options:
        return option_labels(question, [value])[0]
    text = " ".join(str(value).split())
    if len(text) <= _LONGEST_SHOWN:
        return text
    cut = text[:_LONGEST_SHOWN]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut[:-1]) + "…"  # at a word if it can


def _record_text(fields: list[Question], item: Mapping[str, Any]) -> str:
    """One record in a few words: its first answered field, the second in brackets."""
    shown = [answer_text(f, item[f.id]) for f in fields if item.get(f.id) not in (None, "")]
    return shown[0] + (f" ({shown[1]})" if len(shown) > 1 else "") if shown else "(empty)"
