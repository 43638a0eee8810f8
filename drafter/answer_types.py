"""Phone numbers and web addresses as owners type them, and the form each is stored in.

The answers model (`questionnaire.value_type`) runs these on every `phone` and `url` answer,
so the CLI, an answers file and the app accept the same things and store the same value:
what `drafter build` would read. The stored form is always shown back to the owner (the app
shows "Saved as …" under the field; see `stored_note`), never changed silently.

Phone numbers are checked by a documented shape, not against numbering plans. A numbering-plan
library (`phonenumbers`) is tens of megabytes of per-country metadata, must guess the country
of a number typed without `+`, and rejects real numbers when its plans are out of date; a
privacy policy only needs a number a reader can dial, written as its owner writes it. So:

- digits with spaces, dashes, dots or slashes between groups, an area code in brackets
  (`(702) 555-0142`, `+44 (0)20 7946 0958`) and a leading `+` for the country code;
- 7 to 15 digits (15 is the longest international number, ITU-T E.164);
- an extension at the end, written `ext. 12`, `ext 12`, `extension 12`, `x12` or `#12`,
  stored as ` ext. 12`.
The stored number is the owner's, with runs of spaces made one and the extension in that form.

A web address without a scheme is taken as https (`example.com` → `https://example.com`);
`http://` and `https://` are kept as given; any other scheme, a space, or a host that is not a
domain name with a dot (`example`, `www.`) is refused.

A date is read in the forms owners write one, each by `datetime.strptime` from a fixed list
(no guessing parser): ISO `2027-01-15` (or `2027/01/15`), the month by name (`January 15,
2027`, `Jan. 15 2027`, `15 January 2027`, `January 15th, 2027`), and day, month and year in
digits (`1/15/2027`, `15.01.2027`) only when one reading alone is a real date: `1/15/2027` is
15 January anywhere, `3/4/2027` is 4 March to an American and 3 April to most of the world,
so it is refused with the forms that cannot be misread. A two-digit year is never guessed.
It is stored as `2027-01-15`, and the app says "Saved as 2027-01-15".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from pydantic_core import PydanticCustomError

PHONE_EXAMPLES = "(702) 555-0142, +44 20 7946 0958 or 702.555.0142 ext. 12"
URL_EXAMPLES = "example.com or https://www.example.com/privacy"
DATE_EXAMPLES = "2027-01-15, January 15, 2027 or 15 January 2027"
_NAMED_MONTH = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")
_ISO = ("%Y-%m-%d", "%Y/%m/%d")
_DIGITS_DATE = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
MIN_DIGITS, MAX_DIGITS = 7, 15

# Compiled when an answer is first checked (re's own cache keeps them), not when a build
# whose answers come from the parse cache imports this module.
_SPACES = r"\s+"
_EXTENSION = r"[\s,;]*(?:ext\.?|extension|x|#)\s*(\d{1,6})$"
# Groups of digits, one separator between two groups, brackets only around digits.
_NUMBER = r"\+?\s?(?:\(\d{1,5}\)|\d+)(?:(?:\s?[-./]\s?|\s)?(?:\(\d{1,5}\)|\d+))*"
_SCHEME = r"^([a-z][a-z0-9+.-]*):"
_LABEL = r"^(?!-)[^\W_](?:[\w-]*[^\W_])?$"  # letters of any script, digits, inner -
_TOP = r"^(?:[^\W\d_]{2,}|xn--[a-z0-9-]+)$"


def _refuse(reason: str, examples: str) -> PydanticCustomError:
    return PydanticCustomError("answer_form", "{reason}: for example {examples}",
                               {"reason": reason, "examples": examples})


def phone(value: Any) -> Any:
    """Before a phone answer is read as text: a number the YAML read as a number is its digits
    (`phone: 7025550142`), so it is checked like any other."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def phone_number(text: str) -> str:
    """The stored form of a phone number as typed, or a `PydanticCustomError` saying what is
    wrong with it and what works (see the module's rules)."""
    text = re.sub(_SPACES, " ", text.strip())
    extension = re.search(_EXTENSION, text, re.IGNORECASE)
    number = text[:extension.start()].strip() if extension else text
    if not number or re.search(r"[^\d\s()+./-]", number):
        raise _refuse("use digits, with spaces, dashes, dots or brackets between "
                      "them and an extension at the end", PHONE_EXAMPLES)
    if not re.fullmatch(_NUMBER, number):
        raise _refuse("that is not in a phone number's form (a + only at the start, "
                      "brackets only around the area code)", PHONE_EXAMPLES)
    digits = sum(c.isdigit() for c in number)
    if not MIN_DIGITS <= digits <= MAX_DIGITS:
        raise _refuse(f"a phone number has {MIN_DIGITS} to {MAX_DIGITS} digits, "
                      f"this has {digits}", PHONE_EXAMPLES)
    return f"{number} ext. {extension.group(1)}" if extension else number


def web_address(text: str) -> str:
    """The stored form of a web address as typed (`https://` added to a bare domain), or a
    `PydanticCustomError` saying what is wrong with it and what works."""
    text = text.strip()
    scheme = re.match(_SCHEME, text, re.IGNORECASE)
    rest = text[scheme.end():] if scheme else text
    if scheme and scheme.group(1).lower() in ("http", "https") and rest.startswith("//"):
        pass  # kept as given
    elif scheme and not rest[:1].isdigit():  # `mailto:`, `ftp://` (`example.com:8080` is a port)
        raise _refuse("a web address starts with https:// (or nothing)", URL_EXAMPLES)
    else:
        text = f"https://{text.removeprefix('//')}"
    if re.search(r"\s", text):
        raise _refuse("a web address has no spaces", URL_EXAMPLES)
    try:
        host = urlsplit(text).hostname or ""
        urlsplit(text).port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        raise _refuse("that is not a web address", URL_EXAMPLES) from None
    labels = host.split(".")
    if len(labels) < 2 or not all(re.match(_LABEL, label) for label in labels) \
            or not re.match(_TOP, labels[-1], re.IGNORECASE):
        raise _refuse("a web address needs a domain name with a dot",
                      URL_EXAMPLES)
    return text


def calendar_date(value: Any) -> Any:
    """Before a date answer is read: the date a text names in one of the forms of the
    module's rules, or a `PydanticCustomError` saying why not and what works. Anything but
    text (a date the YAML read as one) is left to the model."""
    if not isinstance(value, str):
        return value
    text = re.sub(_SPACES, " ", value.strip())
    words = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text, flags=re.IGNORECASE)
    words = re.sub(r"\bof\b|[,.](?!\d)", " ", words, flags=re.IGNORECASE)
    words = re.sub(r"\bsept\b", "Sep", words, flags=re.IGNORECASE)  # as often written
    words = re.sub(_SPACES, " ", words).strip()
    if re.search(r"[^\W\d_]", words):  # a month by its name
        for form in _NAMED_MONTH:
            try:
                return datetime.strptime(words, form).date()
            except ValueError:
                continue
        if any(_month_named(word) for word in words.split()) and (
                len(re.findall(r"\d+", words)) == 1):
            raise _refuse("a date needs a day, a month and a year", DATE_EXAMPLES)
        if any(_month_named(word) for word in words.split()):
            raise _refuse("that is not a real date", DATE_EXAMPLES)
        raise _refuse("that is not a date", DATE_EXAMPLES)
    if re.fullmatch(r"\d{4}[-/]\d{1,2}[-/]\d{1,2}", text):
        for form in _ISO:
            try:
                return datetime.strptime(text, form).date()
            except ValueError:
                continue
        return value  # not a real day (2027-02-30): the model says so, as it always has
    found = re.fullmatch(_DIGITS_DATE, text)
    if not found:
        raise _refuse("that is not a date", DATE_EXAMPLES)
    first, second, year = (int(part) for part in found.groups())
    readings = {day for day in (_real(year, first, second), _real(year, second, first)) if day}
    if not readings:
        raise _refuse("that is not a real date", DATE_EXAMPLES)
    if len(readings) > 1:
        month_first, day_first = (f"{d.day} {d:%B}" for d in (
            _real(year, first, second), _real(year, second, first)) if d)
        raise _refuse(f"{text} could be {month_first} or {day_first}: write the month's "
                      "name or the date as year-month-day", DATE_EXAMPLES)
    return readings.pop()


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_named(word: str) -> bool:
    for form in ("%B", "%b"):
        try:
            datetime.strptime(word, form)
            return True
        except ValueError:
            continue
    return False


def stored_note(kind: str, fields: Mapping[str, tuple[str, str]], typed: Any,
                stored: Any) -> str | None:
    """What to tell the owner when the stored answer differs from what they typed (a phone
    number tidied, `https://` added, a count's thousands separators taken out, a date in
    words made year-month-day): "Saved as …", naming the item and field of a list of
    records. `fields` maps each record field's id to (its type, its prompt)."""
    if kind in ("url", "phone"):
        if isinstance(typed, str) and isinstance(stored, str) and stored != typed.strip():
            return f"Saved as {stored}"
        return None
    if kind == "date":  # a date typed in words or digits is stored as year-month-day
        if isinstance(typed, str) and isinstance(stored, date) and (
                typed.strip() != stored.isoformat()):
            return f"Saved as {stored.isoformat()}"
        return None
    if kind == "number":  # digits grouped by threes are stored as bare digits
        grouped = isinstance(typed, str) and isinstance(stored, int) and (
            typed.strip().lstrip("+") != str(stored))
        return f"Saved as {stored}" if grouped else None
    if kind != "records" or not isinstance(typed, list) or not isinstance(stored, list):
        return None
    notes = []
    for index, (given, kept) in enumerate(zip(typed, stored, strict=False), start=1):
        if not (isinstance(given, Mapping) and isinstance(kept, Mapping)):
            continue
        for field_id, (field_kind, prompt) in fields.items():
            note = stored_note(field_kind, {}, given.get(field_id), kept.get(field_id))
            if note:
                notes.append(f"item {index}, {prompt.lower()}: {note[0].lower()}{note[1:]}")
    return "; ".join(notes) or None


__all__ = ["DATE_EXAMPLES", "PHONE_EXAMPLES", "URL_EXAMPLES", "calendar_date", "phone",
           "phone_number", "stored_note", "web_address"]
