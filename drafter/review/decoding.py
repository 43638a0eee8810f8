"""Bytes of a policy file as text: a byte-order mark (UTF-8, UTF-16, UTF-32) wins, then the
charset an HTML page declares (`<meta charset>` or `http-equiv` Content-Type, found with the
standard library's HTML parser in the page's first bytes), then UTF-8; anything else is a
one-line error naming the line."""

from __future__ import annotations

import codecs
from html.parser import HTMLParser
from pathlib import Path

from drafter.errors import UserError
from drafter.yamlio import decode_text

# Longest first: a UTF-32 little-endian mark begins with the UTF-16 one.
_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
          (codecs.BOM_UTF16_BE, "utf-16"))
# Labels a browser reads otherwise than Python would (WHATWG Encoding Standard, §4.2).
_AS_BROWSERS_DO = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                   "us-ascii": "cp1252", "ascii": "cp1252", "utf-16": "utf-8",
                   "utf-16le": "utf-8", "utf-16be": "utf-8"}
_PRESCAN = 1024  # bytes of a page in which a browser looks for the declaration


class _Declared(HTMLParser):
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


def declared_charset(data: bytes) -> str | None:
    """The codec an HTML page declares in its first bytes, as a browser reads the label."""
    found = _Declared()
    found.feed(data[:_PRESCAN].decode("latin-1"))  # every byte one character: safe to scan
    label = (found.charset or "").strip().lower()
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _AS_BROWSERS_DO.get(label, _AS_BROWSERS_DO.get(name, name))


def decode_document(data: bytes, path: Path, html: bool = False) -> str:
    """Text of a policy file (see the module's docstring)."""
    for mark, codec in _MARKS:
        if data.startswith(mark):
            return _decode(data, codec, path)
    codec = declared_charset(data) if html else None
    if codec is not None and codec not in ("utf-8", "utf_8"):
        return _decode(data, codec, path)
    return decode_text(data, path, "text")


def _decode(data: bytes, codec: str, path: Path) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(f"is not {codec} text, as its byte-order mark or charset says",
                        path=path, line=line) from None
