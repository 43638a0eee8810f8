"""Spanish "y" and "o" before a word that starts with their own sound (RAE, DPD "y", "o").

"y" is written "e" before a word that starts with the sound /i/ ("Oregón e Illinois",
"padres e hijos"), but not before a diphthong ("agua y hielo", "y hiato", "y Iowa"); "o" is
written "u" before a word that starts with the sound /o/ ("siete u ocho", "mujeres u
hombres"). Only Spanish has such a rule among the library's languages; `conjoined` leaves
every other locale's words as they are.
"""

from __future__ import annotations

import re

# the word's first sound: an (h)i not followed by a vowel (a diphthong, "hie-", "ia-",
# starts with the consonant /y/), an (h)o
_STARTS_I = re.compile(r"h?[ií](?![aeouáéóú])", re.IGNORECASE)
_STARTS_O = re.compile(r"h?[oó]", re.IGNORECASE)
_SPANISH = {"y": ("e", _STARTS_I), "o": ("u", _STARTS_O)}


def conjoined(conjunction: str, word: str, locale: str | None) -> str:
    """`conjunction` as written before `word` in `locale` (a Babel locale; None: English)."""
    if locale is None or locale.split("_")[0] != "es":
        return conjunction
    form, sound = _SPANISH.get(conjunction, (None, None))
    if form is None or sound is None or not sound.match(word.lstrip("\"'«“¿¡(*_[")):
        return conjunction
    return form
