"""The text of an HTML policy for review: block-level elements, with the line each starts on,
and the charset it declares (imported only when an HTML file is reviewed: `html.parser` is
not a build's business)."""

from __future__ import annotations

from html.parser import HTMLParser

from drafter.document.markdown import NOTES_MARK
from drafter.review.document import Block


class HTMLText(HTMLParser):
    """Collects the text of block-level elements, with the line each starts on."""

    BREAKS = frozenset({"p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                        "td", "th", "tr", "br", "section", "article", "blockquote", "pre",
                        "table", "ul", "ol", "header", "footer", "main", "nav", "title"})
    SKIP = frozenset({"script", "style", "template", "noscript"})
    # What a <head> may hold; any other element starts the body, even if </head> never came.
    HEAD = frozenset({"title", "meta", "link", "base", "style", "script", "noscript",
                      "template"})

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._start = 1
        self._skipping = 0
        self._in_head = False
        self._done = False

    def _flush(self) -> None:
        raw = "".join(self._parts).split("\n")  # kept line by line, for line numbers
        text = "\n".join(" ".join(line.split()) for line in raw)
        if text.strip():
            self.blocks.append(Block(text, self._start, self.getpos()[0]))
        self._parts = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head" or (self._in_head and tag not in self.HEAD):
            self._in_head = tag == "head"
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BREAKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.BREAKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skipping or self._in_head or self._done:
            return
        if not self._parts:
            self._start = self.getpos()[0]
        self._parts.append(data)

    def handle_comment(self, data: str) -> None:
        if f"<!--{data}-->" == NOTES_MARK:
            self._flush()
            self._done = True


class Declared(HTMLParser):
    """The charset a page's <meta> declares (decoding.declared_charset)."""

    def __init__(self) -> None:
        super().__init__()
        self.charset: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta" or self.charset:
            return
        values = {k.lower(): v or "" for k, v in attrs}
        if values.get("charset"):
            self.charset = values["charset"].strip()
        elif values.get("http-equiv", "").lower() == "content-type":
            from email.message import Message  # rare, and ~15 ms to import: not at start-up

            header = Message()
            header["content-type"] = values.get("content", "")
            self.charset = header.get_content_charset()
