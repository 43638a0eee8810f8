"""The app's stylesheet, parsed once a process (issue 13).

Textual parses the app's stylesheet and every widget's default CSS anew for each app: some 35
sources, 45 parses with those a screen's CSS or a theme parsed again, ~20 ms of each start-up
(a tenth of it). The rules of a source depend only on its text, its place and the theme's
variables, and nothing changes them once parsed (one app already reuses them from parse to
parse), so the apps of one process (the tests' ~300, `serve`'s sessions) share them.

Textual's private parts it leans on (checked by `tests/app/test_textual_hooks.py`):
`Stylesheet._parse_rules` (a source's rules, cached per stylesheet in `_parse_cache`),
`_variables`, and `Stylesheet.reparse`, which parses again in a new `Stylesheet` (this
class, here) and takes its `_rules`, with `_rules_map`, `_require_parse` and `_invalid_css`.
"""

from __future__ import annotations

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

PARSED: dict[tuple[object, ...], list[RuleSet]] = {}
"""Each source's rules, by its text, place, scope and the variables it was parsed with."""
LIMIT = 2000
"""Sources kept at most (two themes of ~35 use 70; a process that changes themes or CSS for
ever starts again from empty)."""


class SharedStylesheet(Stylesheet):
    """A `Stylesheet` whose sources are parsed once a process, not once an app."""

    def _parse_rules(self, css: str, read_from: CSSLocation, is_default_rules: bool = False,
                     tie_breaker: int = 0, scope: str = "") -> list[RuleSet]:
        key = (css, read_from, is_default_rules, tie_breaker, scope,
               tuple(sorted(self._variables.items())))
        rules = PARSED.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            if len(PARSED) >= LIMIT:
                PARSED.clear()
            PARSED[key] = rules
        return rules

    def reparse(self) -> None:
        """Textual's: parse again in a new stylesheet, so that an error leaves this one as it
        was; but the new one is of this class, and finds each source's rules already parsed."""
        fresh = SharedStylesheet(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(css, read_from=read_from, is_default_css=is_defaults,
                             tie_breaker=tie_breaker, scope=scope)
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False
